namespace BankingBot.Dialogs.Feedback;

/// <summary>One comment for staff: when, the rating it came with, and the flow it followed.</summary>
public sealed record FeedbackComment(DateTimeOffset At, int Rating, string? Flow, string Comment);

/// <summary>
/// Feedback over a period, for staff. <paramref name="RecommendationScore"/> is the share of customers who
/// would recommend us (9 or 10) minus the share who would not (0 to 6), in points from -100 to 100, or null
/// when nobody answered that question.
/// </summary>
public sealed record FeedbackSummary(DateTimeOffset From, DateTimeOffset To, int Count, double? AverageRating,
    IReadOnlyDictionary<int, int> Distribution, int RecommendationCount, int? RecommendationScore,
    IReadOnlyList<FeedbackComment> RecentComments);
