using BankingBot.Dialogs.Leads;
using BankingBot.DirectLine;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.WebChat;

public sealed class PageWelcomeTests
{
    [Fact]
    public async Task VisitorOnTheMortgagePageIsGreetedWithAMortgageOfferThatStartsTheLead()
    {
        await using var bot = BotHarness.Create(channel: DirectLineEndpoints.ChannelId);
        var chat = new CustomerChat(bot);

        Assert.Empty(await chat.SendAsync(new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new ChannelAccount("customer-1")],
        }));
        var greeting = await chat.SendAsync(Join("https://northwind.example/mortgages/first-home?email=sam%40x.com"));

        Assert.Contains("Hi, I'm Northwind Bank's automated assistant (a bot, not a person).", greeting);
        Assert.Contains("Thinking about a mortgage?", greeting);
        Assert.Contains("our mortgage advisers", greeting);
        Assert.Contains("What is the mortgage for?", await chat.TapAsync("Yes, please"));
    }

    [Fact]
    public async Task VisitorOnTheHomePageGetsTheUsualWelcomeOnceWhateverPagesFollow()
    {
        await using var bot = BotHarness.Create(channel: DirectLineEndpoints.ChannelId);
        var chat = new CustomerChat(bot);

        var welcome = await chat.SendAsync(Join("https://northwind.example/"));

        Assert.Contains("Hello, and welcome to Northwind Bank!", welcome);
        Assert.Empty(await chat.SendAsync(Join("https://northwind.example/mortgages")));
    }

    [Fact]
    public async Task LeadRecordsThePageTheChatWasOpenedOnLongAfterTheJoin()
    {
        await using var bot = BotHarness.Create(channel: DirectLineEndpoints.ChannelId);
        var chat = new CustomerChat(bot);

        Assert.Contains("Thinking about a savings account?", await chat.SendAsync(Join("/savings/easy-access")));
        Assert.Contains("What are you saving for?", await chat.TapAsync("Yes, please"));
        Assert.Contains("How much would you like to put in", await chat.TapAsync("A rainy day"));
        Assert.Contains("When would you like to go ahead?", await chat.SayAsync("20,000"));
        Assert.Contains("Do you already bank with", await chat.TapAsync("Within a year"));
        Assert.Contains("How soon might you need the money back?", await chat.TapAsync("No"));
        Assert.Contains("add money every month?", await chat.TapAsync("Any time"));
        Assert.Contains("Would you like one of our savings team to contact you", await chat.TapAsync("Yes"));
        Assert.Contains("without any contact details", await chat.TapAsync("No"));

        var lead = Assert.Single(await bot.Get<LeadBook>().AllAsync().ToListAsync());
        Assert.Equal(("savings", "/savings/easy-access", "webchat"), (lead.Product, lead.SourcePage, lead.Channel));
    }

    [Theory]
    [InlineData("https://northwind.example/mortgages/first-home", "mortgage")]
    [InlineData("/home-loans", "mortgage")]
    [InlineData("https://northwind.example/borrowing/personal-loans?ref=ad", "personal_loan")]
    [InlineData("/cards/credit-cards", "credit_card")]
    [InlineData("/business/accounts", "business_account")]
    [InlineData("/savings", "savings")]
    [InlineData("https://northwind.example/", null)]
    [InlineData("/help/contact-us", null)]
    public async Task PageAddressNamesItsProduct(string page, string? product)
    {
        await using var services = BotHarness.Create();

        Assert.Equal(product, services.Get<PageWelcome>().ProductOf(page)?.Id);
    }

    private static Activity Join(string page) => new(ActivityTypes.Event)
    {
        Name = PageWelcome.JoinEvent,
        Value = new JObject { ["pageUrl"] = page },
    };
}
