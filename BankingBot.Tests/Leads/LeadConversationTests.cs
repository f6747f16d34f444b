using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Leads;

public sealed class LeadConversationTests
{
    [Fact]
    public async Task YesIsNotTakenAsTheCustomersName()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot) { TimeZone = "Europe/London" };

        await chat.SayAsync("I'm interested in a personal loan");
        await chat.SayAsync("a new car");
        await chat.SayAsync("12000");
        await chat.SayAsync("in two months");
        await chat.SayAsync("no");
        await chat.SayAsync("3");
        await chat.SayAsync("30k");
        await chat.SayAsync("no");
        Assert.Contains("What name should", await chat.SayAsync("yes"));

        var again = await chat.SayAsync("yes");
        Assert.DoesNotContain("e-mail", again);
        Assert.Contains("And your e-mail address?", await chat.SayAsync("Sam Taylor"));
    }

    [Fact]
    public async Task QuestionAskedInTheMiddleIsAnsweredAndTheLeadGoesOnAtTheSameQuestion()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot) { TimeZone = "Europe/London" };

        Assert.Contains("What is the mortgage for?", await chat.SayAsync("I'm interested in a mortgage"));
        Assert.Contains("how much would you like to borrow", await chat.SayAsync("We're buying our first home"));

        var aside = await chat.SayAsync("What does LTV mean?");
        Assert.Contains("loan-to-value", aside, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("how much would you like to borrow", aside);

        Assert.Contains("When would you like to go ahead?", await chat.SayAsync("250k"));
    }

    [Fact]
    public async Task MortgageEnquiryByTypingKeepsContactAndSaysWhenTheAdviserCalls()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot) { TimeZone = "Europe/Berlin" };
        var page = new JObject
        {
            ["pageUrl"] = "https://northwind.example/mortgages/first-home?email=sam%40example.com",
        };

        Assert.Contains("What is the mortgage for?", await chat.SayAsync("I'm interested in a mortgage", page));
        Assert.Contains("how much would you like to borrow", await chat.SayAsync("We're buying our first home"));
        Assert.Contains("When would you like to go ahead?", await chat.SayAsync("250k"));
        Assert.Contains("Do you already bank with Northwind Bank?", await chat.SayAsync("in three months"));
        Assert.Contains("what is the property worth", await chat.SayAsync("yes"));
        Assert.Contains("How much deposit do you have?", await chat.SayAsync("300k"));
        var tooMuch = await chat.SayAsync("400k");
        Assert.Contains("The deposit can't be more than the property value (300,000).", tooMuch);
        Assert.Contains("How much deposit do you have?", tooMuch);
        Assert.Contains("How do you earn your income?", await chat.SayAsync("40k"));
        Assert.Contains("Would you like one of our mortgage advisers to contact you", await chat.SayAsync("employed"));
        Assert.Contains("What name should our adviser ask for?", await chat.SayAsync("yes"));
        Assert.Contains("And your e-mail address?", await chat.SayAsync("Sam Taylor"));
        Assert.Contains("That doesn't look like an e-mail address", await chat.SayAsync("sam at example"));
        Assert.Contains("Which phone number should we call?", await chat.SayAsync("sam.taylor@example.com"));
        Assert.Contains("That doesn't look like a phone number", await chat.SayAsync("call me maybe"));
        Assert.Contains("When would suit you for a call?", await chat.SayAsync("020 7946 0018"));
        var summary = await chat.SayAsync("tomorrow at 10am");

        Assert.Contains("Thanks, Sam Taylor! Here's what I've passed on", summary);
        Assert.Contains("For: We're buying our first home", summary);
        Assert.Contains("Loan amount: 250,000", summary);
        Assert.Contains("When: in three months (2 March 2027)", summary);
        Assert.Contains("Deposit: 40,000", summary);
        Assert.Contains("Income from: Employed", summary);
        Assert.Contains("One of our mortgage advisers will call you on Thursday 3 December, 10:00 (Europe/Berlin), " +
            "as you asked.", summary);
        Assert.Contains("Is there anything else I can do for you?", summary);

        var lead = Assert.Single(await bot.Get<LeadBook>().AllAsync().ToListAsync());
        Assert.Equal("mortgage", lead.Product);
        Assert.Equal("https://northwind.example/mortgages/first-home", lead.SourcePage);
        Assert.Equal(new LeadTimeline("in three months", new DateOnly(2027, 3, 2)), lead.Timeline);
        Assert.True(lead.Consent);
        Assert.Equal(new LeadContact("Sam Taylor", "sam.taylor@example.com", "020 7946 0018",
            new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), "Europe/Berlin"), lead.Contact);
        Assert.Equal(85, lead.Score);
        Assert.Equal(LeadTemperature.Hot, lead.Temperature);
        Assert.Contains("+15 deposit of at least 10% of the property value", lead.Reasons);
        Assert.Contains("Property value: 300,000; Deposit: 40,000", lead.Summary);

        var notice = Assert.Single(await bot.Get<SalesInbox>().PendingAsync().ToListAsync());
        Assert.Equal((lead.Id, 85, lead.Customer), (notice.LeadId, notice.Score, notice.Customer));
        Assert.NotNull(await bot.Get<IDocumentStore>().ReadAsync("lead-events/" + lead.Id));
    }

    [Fact]
    public async Task SavingsEnquiryByCardsWithoutConsentKeepsNoContactDetailsAndOneRecord()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);

        var menu = new JObject { ["answer"] = "menu:lead" };
        var products = await chat.SendAsync(new() { Type = "message", Value = menu });
        Assert.Contains("Which one are you interested in?", products);
        Assert.Contains("What are you saving for?", await chat.TapAsync("Savings account"));
        Assert.Contains("How much would you like to put in", await chat.TapAsync("A rainy day"));
        Assert.Contains("When would you like to go ahead?", await chat.SayAsync("20,000"));
        Assert.Contains("Do you already bank with", await chat.TapAsync("Within a year"));
        Assert.Contains("How soon might you need the money back?", await chat.TapAsync("No"));
        Assert.Contains("add money every month?", await chat.TapAsync("Any time"));
        Assert.Contains("Would you like one of our savings team to contact you", await chat.TapAsync("Yes"));
        var declined = chat.DataOf("No");
        var summary = await chat.ResendAsync(declined);

        Assert.Contains("Here's what I've passed on, without any contact details", summary);
        Assert.Contains("nobody will get in touch", summary);
        Assert.Contains("When: Within a year (2 December 2027)", summary);
        Assert.Contains("Access to money: Any time", summary);
        Assert.DoesNotContain("What name", summary);

        Assert.Contains("already answered", await chat.ResendAsync(declined));
        var lead = Assert.Single(await bot.Get<LeadBook>().AllAsync().ToListAsync());
        Assert.False(lead.Consent);
        Assert.Null(lead.Contact);
        Assert.Equal("A rainy day", lead.Purpose);
        Assert.Equal(["+10 wants to go ahead within a year", "+15 savings of 10,000 or more"], lead.Reasons);
        Assert.Equal((25, LeadTemperature.Cold), (lead.Score, lead.Temperature));
        var stored = (await bot.Get<IDocumentStore>().ReadAsync("leads/" + lead.Id))!.Content;
        Assert.Equal(JTokenType.Null, stored["contact"]!.Type);
        Assert.Single(await bot.Get<SalesInbox>().PendingAsync().ToListAsync());
    }

    [Fact]
    public async Task TooManyWrongEmailsOfferAPersonAnotherTryOrToStop()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);
        await chat.SayAsync("do you have credit cards");
        await chat.TapAsync("Travel");
        await chat.SayAsync("3000");
        await chat.TapAsync("As soon as I can");
        await chat.TapAsync("No");
        await chat.SayAsync("35k");
        await chat.TapAsync("No");
        await chat.TapAsync("Yes");
        Assert.Contains("And your e-mail address?", await chat.SayAsync("Alex Morgan"));

        Assert.Contains("doesn't look like an e-mail", await chat.SayAsync("alex at home"));
        Assert.Contains("doesn't look like an e-mail", await chat.SayAsync("the usual one"));
        var escape = await chat.SayAsync("same as before");

        Assert.Contains("Would you like to talk to a person, try once more, or stop here?", escape);
        Assert.Contains("[Talk to a person]", escape);
        Assert.Contains("[Try again]", escape);
        Assert.Contains("[Stop]", escape);
        Assert.Contains("And your e-mail address?", await chat.TapAsync("Try again"));
        Assert.Contains("Which phone number should we call?", await chat.SayAsync("alex@example.org"));
    }

    [Fact]
    public async Task CancelInTheMiddleThenNoCarriesOnWithTheSameQuestion()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);
        await chat.SayAsync("I want a loan");
        Assert.Contains("How much would you like to borrow?", await chat.TapAsync("A car"));

        Assert.Contains("Do you want to stop your product enquiry?", await chat.SayAsync("cancel"));
        var resumed = await chat.SayAsync("no");

        Assert.Contains("No problem, let's carry on.", resumed);
        Assert.Contains("How much would you like to borrow?", resumed);
        Assert.Contains("When would you like to go ahead?", await chat.SayAsync("12,000"));
        Assert.Contains("Do you want to stop your product enquiry?", await chat.SayAsync("cancel"));
        Assert.Contains("I've stopped that", await chat.SayAsync("yes"));
        Assert.Empty(await bot.Get<LeadBook>().AllAsync().ToListAsync());
    }

    [Fact]
    public async Task AnAmountOutsideTheProductsLimitsIsExplainedAndAskedAgain()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);
        await chat.SayAsync("I'd like a personal loan");
        await chat.TapAsync("Home improvements");

        var retry = await chat.SayAsync("2 million");

        Assert.Contains("Please give a figure between 500 and 100,000.", retry);
        Assert.Contains("How much would you like to borrow?", retry);
    }

    [Theory]
    [InlineData("at 3", "Friday 4 December, 15:00")]
    [InlineData("10am", "Friday 4 December, 10:00")]
    [InlineData("in the morning", "Friday 4 December, 08:00")]
    public async Task ATimeGivenAfterTheDayIsThatTimeOnThatDay(string time, string when)
    {
        await using var bot = BotHarness.Create();
        var chat = await BusinessLeadUpToTheCallTimeAsync(bot, "Europe/London");

        Assert.Contains("And at what time of day?", await chat.SayAsync("Friday"));
        var summary = await chat.SayAsync(time);

        Assert.True(summary.Contains($"{when} (Europe/London)", StringComparison.Ordinal), summary);
    }

    [Fact]
    public async Task ACallOutsideBusinessHoursIsPromisedForTheNextOpening()
    {
        await using var bot = BotHarness.Create();
        var chat = await BusinessLeadUpToTheCallTimeAsync(bot, "America/New_York");

        var summary = await chat.SayAsync("tomorrow at 6pm");

        // 18:00 in New York is 23:00 in London; the bank opens again on Friday at 09:00 London, 04:00 New York.
        Assert.Contains("Best time to call: Thursday 3 December, 18:00 (America/New_York)", summary);
        Assert.Contains("so they'll call you as soon as they can after the time you picked: Friday 4 December, " +
            "04:00 (America/New_York)", summary);
        var lead = Assert.Single(await bot.Get<LeadBook>().AllAsync().ToListAsync());
        Assert.Contains("What it does: We run a bakery", lead.Summary);
        Assert.Contains("+15 business trading for a year or more", lead.Reasons);
        Assert.Contains("-5 has no time in mind yet", lead.Reasons);
    }

    // A business-account lead by a customer in the given time zone, up to "When would suit you for a call?".
    private static async Task<CustomerChat> BusinessLeadUpToTheCallTimeAsync(BotHarness bot, string timeZone)
    {
        var chat = new CustomerChat(bot) { TimeZone = timeZone };
        await chat.SayAsync("open a business account");
        await chat.TapAsync("Card payments");
        await chat.SayAsync("120k");
        await chat.TapAsync("Not sure yet");
        await chat.TapAsync("Yes");
        await chat.SayAsync("We run a bakery");
        await chat.SayAsync("4");
        await chat.TapAsync("Over 3 years");
        await chat.TapAsync("Yes");
        await chat.SayAsync("Robin Lee");
        await chat.SayAsync("robin@bakery.example");
        Assert.Contains("When would suit you for a call?", await chat.SayAsync("+1 212 555 0182"));
        return chat;
    }
}
