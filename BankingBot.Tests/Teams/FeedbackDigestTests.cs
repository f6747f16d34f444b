using BankingBot.Dialogs.Feedback;
using BankingBot.Dialogs.Staff;
using BankingBot.Dialogs.Storage;

namespace BankingBot.Tests.Teams;

/// <summary>Staff ask for the customers' feedback over a period and get the figures and the latest comments.</summary>
public sealed class FeedbackDigestTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Wednesday 2 December 2026, 10:00 in London.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FeedbackThisWeekCountsOnlyThisWeeksRatingsWithTheirSpreadScoreAndComments()
    {
        var store = new MemoryDocumentStore();
        var staff = TeamsChat.Open(store);
        var log = staff.Bot.Get<FeedbackLog>();
        await GiveAsync(log, Now.AddHours(-1), 5, 10, "Quick and clear, thank you");
        await GiveAsync(log, Now.AddDays(-1), 2, 3, "It did not understand my question");
        await GiveAsync(log, Now.AddDays(-10), 1, 0, "Old complaint");

        // Facts are read as Markdown, so the card escapes the dot of "3.50"; the test reads it unescaped.
        var week = (await staff.SayAsync("feedback this week")).Replace("\\", "", StringComparison.Ordinal);

        Assert.Contains("Feedback for this week", week);
        Assert.Contains("Ratings: 2", week);
        Assert.Contains("Average: 3.50", week);
        Assert.Contains("Spread: 5: 1, 4: 0, 3: 0, 2: 1, 1: 0", week);
        Assert.Contains("Recommendation score: 0 (2 answers)", week);
        Assert.Contains("Quick and clear, thank you", week);
        Assert.DoesNotContain("Old complaint", week);

        var month = await staff.SayAsync("feedback last 30 days");
        Assert.Contains("Feedback for the last 30 days", month);
        Assert.Contains("Ratings: 3", month);
        Assert.Contains("Old complaint", month);
    }

    [Theory]
    [InlineData("today", "2026-12-02T00:00:00+00:00", "2026-12-03T00:00:00+00:00")]
    [InlineData("this week", "2026-11-30T00:00:00+00:00", "2026-12-03T00:00:00+00:00")]
    [InlineData("last week", "2026-11-23T00:00:00+00:00", "2026-11-30T00:00:00+00:00")]
    [InlineData("last month", "2026-11-01T00:00:00+00:00", "2026-12-01T00:00:00+00:00")]
    public void PeriodsAreTheBanksOwnDays(string words, string from, string to)
    {
        var period = FeedbackPeriod.Parse(words, Now, London);

        Assert.Equal((DateTimeOffset.Parse(from, null), DateTimeOffset.Parse(to, null)), (period.From, period.To));
    }

    private static async Task GiveAsync(FeedbackLog log, DateTimeOffset at, int rating, int recommendation,
        string comment) => await log.RecordAsync(new FeedbackEntry
        {
            CreatedAt = at, UpdatedAt = at, Rating = rating, Recommendation = recommendation, Comment = comment,
            Channel = "webchat", Customer = "customer-" + rating,
        }, Guid.NewGuid().ToString("N"));
}
