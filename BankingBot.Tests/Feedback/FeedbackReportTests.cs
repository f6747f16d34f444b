using BankingBot.Dialogs.Feedback;
using BankingBot.Tests.Conversations;

namespace BankingBot.Tests.Feedback;

public sealed class FeedbackReportTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("5", 5)]
    [InlineData("five stars", 5)]
    [InlineData("4/5", 4)]
    [InlineData("★★", 2)]
    [InlineData("it was really good", 5)]
    [InlineData("not bad", 3)]
    [InlineData("😐", 3)]
    [InlineData("☹️", 2)]
    [InlineData("7", null)]
    [InlineData("⭐⭐⭐⭐⭐⭐", null)]
    [InlineData("how do I reset my PIN?", null)]
    public void RatingsAreReadFromNumbersWordsStarsAndEmoji(string said, int? rating) =>
        Assert.Equal(rating, Ratings.Read(said));

    [Fact]
    public async Task StaffSeeCountAverageSpreadRecommendationScoreAndLatestCommentsOfAPeriod()
    {
        await using var bot = BotHarness.Create();
        var log = bot.Get<FeedbackLog>();
        var given = new (int Day, int Rating, int? Recommendation, string? Comment)[]
        {
            (0, 5, 10, "Lovely"), (1, 4, 9, null), (2, 2, 3, "Too slow"), (3, 5, null, "Clear"), (4, 1, 8, null),
            (9, 3, 0, "Outside the period"),
        };
        foreach (var (day, rating, recommendation, comment) in given)
        {
            await log.RecordAsync(new FeedbackEntry
            {
                CreatedAt = Monday.AddDays(day), Rating = rating, Recommendation = recommendation, Comment = comment,
                Channel = "webchat", Customer = "c", Flow = "ticket",
            }, $"request-{day}");
        }

        var week = await log.SummarizeAsync(Monday, Monday.AddDays(7), recentComments: 2);

        Assert.Equal(5, week.Count);
        Assert.Equal(3.4, week.AverageRating);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 0, [4] = 1, [5] = 2 }, week.Distribution);
        // Of four answers, two would recommend us (9, 10) and one would not (3): (2 - 1) / 4 = 25 points.
        Assert.Equal((4, 25), (week.RecommendationCount, week.RecommendationScore));
        Assert.Equal(["Clear", "Too slow"], week.RecentComments.Select(c => c.Comment));
    }

    [Fact]
    public async Task AnEmptyPeriodHasNoAverageAndNoRecommendationScore()
    {
        await using var bot = BotHarness.Create();

        var nothing = await bot.Get<FeedbackLog>().SummarizeAsync(Monday, Monday.AddDays(1));

        Assert.Equal((0, null, null), (nothing.Count, nothing.AverageRating, nothing.RecommendationScore));
        Assert.All(nothing.Distribution.Values, count => Assert.Equal(0, count));
    }
}
