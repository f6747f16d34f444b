using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;

namespace BankingBot.Tests.Feedback;

public sealed class FeedbackOfferTests
{
    [Fact]
    public async Task ARatingIsOfferedAfterACompletedTicketAndNotAgainAfterTheNextOne()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);

        var afterTicket = await OpenTicketAsync(chat);
        Assert.Contains("Is there anything else I can do for you?", afterTicket);
        Assert.Contains("how would you rate this chat", afterTicket);
        Assert.Contains("Is there anything you'd like to tell us?", await chat.TapAsync("5 - Excellent"));
        await chat.SayAsync("skip");
        Assert.Contains("Thank you for your feedback!", await chat.SayAsync("10"));

        var afterSecondTicket = await OpenTicketAsync(chat);
        Assert.Contains("Is there anything else I can do for you?", afterSecondTicket);
        Assert.DoesNotContain("how would you rate", afterSecondTicket);
        var entry = Assert.Single(await FeedbackConversationTests.AllFeedbackAsync(bot));
        Assert.Equal(("ticket", true, 10), (entry.Flow, entry.Offered, entry.Recommendation));
    }

    [Fact]
    public async Task ACustomerWhoIgnoresTheRatingAndAsksSomethingElseIsAnsweredAndNotAskedAgain()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);
        Assert.Contains("how would you rate this chat", await OpenTicketAsync(chat));

        var answered = await chat.SayAsync("I'd like to open another ticket");

        Assert.Contains("What is it about?", answered);
        Assert.DoesNotContain("Please tap a number", answered);
        Assert.DoesNotContain("how would you rate", await FinishTicketAsync(chat));
        Assert.Empty(await FeedbackConversationTests.AllFeedbackAsync(bot));
    }

    [Fact]
    public async Task NoThanksToTheRatingEndsItPolitely()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);
        await OpenTicketAsync(chat);

        Assert.Contains("No problem. I'm here if you need anything else.", await chat.SayAsync("no thanks"));
        Assert.Empty(await FeedbackConversationTests.AllFeedbackAsync(bot));
    }

    [Fact]
    public async Task NoRatingIsOfferedAfterTheCustomerGaveFeedbackUnasked()
    {
        await using var bot = BotHarness.Create(settings: new Dictionary<string, string?>
        {
            ["Bank:Feedback:AskRecommendation"] = "false",
        });
        var chat = new CustomerChat(bot);
        await chat.SayAsync("I want to give some feedback");
        await chat.SayAsync("good");
        await chat.SayAsync("no");

        Assert.DoesNotContain("how would you rate", await OpenTicketAsync(chat));
    }

    private static async Task<string> OpenTicketAsync(CustomerChat chat)
    {
        Assert.Contains("What is it about?", await chat.SayAsync("I want to open a ticket"));
        return await FinishTicketAsync(chat);
    }

    private static async Task<string> FinishTicketAsync(CustomerChat chat)
    {
        await chat.TapAsync("A card");
        await chat.SayAsync("My card was swallowed by a cash machine");
        await chat.TapAsync("Normal");
        Assert.Contains("what e-mail address", await chat.TapAsync("No"));
        var done = await chat.SayAsync("skip");
        Assert.Contains("Your ticket number is", done);
        return done;
    }
}
