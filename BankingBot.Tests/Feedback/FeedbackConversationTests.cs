using BankingBot.Dialogs.Feedback;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;

namespace BankingBot.Tests.Feedback;

public sealed class FeedbackConversationTests
{
    private static readonly Dictionary<string, string?> NoRecommendation =
        new() { ["Bank:Feedback:AskRecommendation"] = "false" };

    [Fact]
    public async Task CustomerGivesFeedbackByCardsWithACommentAndARecommendation()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);

        var asked = await chat.SayAsync("I'd like to give feedback");
        Assert.Contains("How would you rate this chat, from 1 (very poor) to 5 (excellent)?", asked);
        Assert.Contains("[5 - Excellent]", asked);
        Assert.Contains("Is there anything you'd like to tell us?", await chat.TapAsync("4 - Good"));
        var recommend = await chat.SayAsync("Quick and clear answers");
        Assert.Contains("how likely are you to recommend Northwind Bank", recommend);
        Assert.Contains("Please give a whole number from 0 to 10.", await chat.SayAsync("eleven"));
        var thanks = await chat.SayAsync("9");

        Assert.Contains("Thank you for your feedback!", thanks);
        Assert.Contains("Is there anything else I can do for you?", thanks);
        Assert.DoesNotContain("how would you rate", thanks, StringComparison.OrdinalIgnoreCase);
        var entry = Assert.Single(await AllFeedbackAsync(bot));
        Assert.Equal((4, "Quick and clear answers", 9), (entry.Rating, entry.Comment, entry.Recommendation));
        Assert.Equal(("test", null, false), (entry.Channel, entry.Flow, entry.Offered));
        Assert.Equal(bot.Clock.GetUtcNow(), entry.CreatedAt);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("four", 4)]
    [InlineData("great", 5)]
    [InlineData("terrible", 1)]
    [InlineData("ok", 3)]
    [InlineData("⭐⭐⭐⭐", 4)]
    [InlineData("👍", 4)]
    [InlineData("😡", 1)]
    [InlineData("3 out of 5", 3)]
    [InlineData("not good", 2)]
    public async Task EveryUsualWayOfRatingIsUnderstood(string rating, int expected)
    {
        await using var bot = BotHarness.Create(settings: NoRecommendation);
        var chat = new CustomerChat(bot);
        await chat.SayAsync("give feedback");

        Assert.Contains("Is there anything you'd like to tell us?", await chat.SayAsync(rating));
        var thanks = await chat.SayAsync("no");

        Assert.Contains("Thank you for your feedback!", thanks);
        var entry = Assert.Single(await AllFeedbackAsync(bot));
        Assert.Equal((expected, null, null), (entry.Rating, entry.Comment, entry.Recommendation));
    }

    [Fact]
    public async Task ARatingOutsideOneToFiveIsAskedAgain()
    {
        await using var bot = BotHarness.Create(settings: NoRecommendation);
        var chat = new CustomerChat(bot);
        await chat.SayAsync("leave feedback");

        Assert.Contains("Please tap a number from 1 to 5", await chat.SayAsync("10"));
        Assert.Contains("Is there anything you'd like to tell us?", await chat.SayAsync("5 stars"));
    }

    [Fact]
    public async Task CancellingFeedbackAndSayingNoCarriesOn()
    {
        await using var bot = BotHarness.Create(settings: NoRecommendation);
        var chat = new CustomerChat(bot);
        await chat.SayAsync("feedback");
        await chat.SayAsync("2");

        Assert.Contains("Do you want to stop giving feedback?", await chat.SayAsync("cancel"));
        var resumed = await chat.SayAsync("no");
        Assert.Contains("Is there anything you'd like to tell us?", resumed);
        await chat.TapAsync("No, thanks");

        Assert.Equal(2, Assert.Single(await AllFeedbackAsync(bot)).Rating);
    }

    [Fact]
    public async Task TappingTheRatingCardTwiceStoresOneRating()
    {
        await using var bot = BotHarness.Create(settings: NoRecommendation);
        var chat = new CustomerChat(bot);
        await chat.SayAsync("I want to rate this chat");
        await chat.TapAsync("5 - Excellent");
        var skip = chat.DataOf("No, thanks");

        Assert.Contains("Thank you for your feedback!", await chat.ResendAsync(skip));
        Assert.Contains("already answered", await chat.ResendAsync(skip));
        Assert.Single(await AllFeedbackAsync(bot));
    }

    [Fact]
    public async Task RecordingTheSameRequestTwiceKeepsOneEntry()
    {
        await using var bot = BotHarness.Create();
        var log = bot.Get<FeedbackLog>();

        var first = await log.RecordAsync(new FeedbackEntry { Rating = 5, Customer = "c", Channel = "test" }, "conv/7");
        var again = await log.RecordAsync(new FeedbackEntry { Rating = 1, Customer = "c", Channel = "test" }, "conv/7");

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(5, again.Entry.Rating);
        Assert.Single(await AllFeedbackAsync(bot));
    }

    internal static async Task<List<FeedbackEntry>> AllFeedbackAsync(BotHarness bot)
    {
        var summary = await bot.Get<FeedbackLog>().SummarizeAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue,
            recentComments: 0);
        var store = bot.Get<IDocumentStore>();
        var entries = new List<FeedbackEntry>();
        await foreach (var key in store.ListKeysAsync("feedback/"))
        {
            entries.Add((await store.ReadAsync(key))!.Content.ToObject<FeedbackEntry>()!);
        }

        Assert.Equal(summary.Count, entries.Count);
        return entries;
    }
}
