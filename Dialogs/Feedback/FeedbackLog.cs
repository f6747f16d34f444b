using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;

namespace BankingBot.Dialogs.Feedback;

/// <summary>
/// Customers' feedback, stored under "feedback/&lt;id&gt;" once per request, and what staff learn from it. Also
/// remembers which conversations were already asked for a rating.
/// </summary>
public sealed class FeedbackLog(IDocumentStore store, TimeProvider time, ILogger<FeedbackLog> logger)
{
    private const int PromoterFrom = 9;
    private const int DetractorUpTo = 6;

    private readonly RecordBook<FeedbackEntry> entries = new(store, "feedback");
    private readonly RecordBook<FeedbackInvitation> invitations = new(store, "feedback-offers");

    /// <summary>
    /// Stores feedback once per <paramref name="requestKey"/>; returns the stored entry and whether this call
    /// stored it.
    /// </summary>
    public async Task<(FeedbackEntry Entry, bool Created)> RecordAsync(FeedbackEntry entry, string requestKey,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(requestKey);
        entry.Id = "FB-" + KeyHash.Of(requestKey)[..10].ToUpperInvariant();
        if (!await entries.TryCreateAsync(entry, cancel))
        {
            return (await entries.FindAsync(entry.Id, cancel) ?? entry, false);
        }

        logger.LogInformation("Feedback {FeedbackId} recorded: rating {Rating} after {Flow} on {Channel}",
            entry.Id, entry.Rating, entry.Flow ?? "a request", entry.Channel);
        return (entry, true);
    }

    /// <summary>
    /// True the first time a conversation is asked for feedback, and again only for a re-run of that same turn;
    /// false from then on.
    /// </summary>
    public async Task<bool> TryInviteAsync(string conversationKey, string customer, string channel, string activityId,
        CancellationToken cancel = default)
    {
        var now = time.GetUtcNow();
        var invitation = new FeedbackInvitation
        {
            Id = KeyHash.Of(conversationKey), CreatedAt = now, UpdatedAt = now, Channel = channel, Customer = customer,
            ActivityId = activityId,
        };
        if (await invitations.TryCreateAsync(invitation, cancel))
        {
            return true;
        }

        return (await invitations.FindAsync(invitation.Id, cancel))?.ActivityId == activityId;
    }

    /// <summary>
    /// Feedback given from <paramref name="from"/> up to (not including) <paramref name="to"/>: how many, the
    /// average rating and how the ratings spread, the recommendation score, and the latest comments first.
    /// </summary>
    public async Task<FeedbackSummary> SummarizeAsync(DateTimeOffset from, DateTimeOffset to, int recentComments = 10,
        CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recentComments);
        var inPeriod = new List<FeedbackEntry>();
        await foreach (var entry in entries.AllAsync(cancel))
        {
            if (entry.CreatedAt >= from && entry.CreatedAt < to)
            {
                inPeriod.Add(entry);
            }
        }

        var distribution = Enumerable.Range(Ratings.Lowest, Ratings.Highest - Ratings.Lowest + 1)
            .ToDictionary(rating => rating, rating => inPeriod.Count(e => e.Rating == rating));
        var recommendations = inPeriod.Where(e => e.Recommendation is not null)
            .Select(e => e.Recommendation!.Value).ToList();
        int? score = recommendations.Count == 0 ? null : (int)Math.Round(100.0
            * (recommendations.Count(r => r >= PromoterFrom) - recommendations.Count(r => r <= DetractorUpTo))
            / recommendations.Count, MidpointRounding.AwayFromZero);
        var comments = inPeriod.Where(e => !string.IsNullOrWhiteSpace(e.Comment)).OrderByDescending(e => e.CreatedAt)
            .Take(recentComments).Select(e => new FeedbackComment(e.CreatedAt, e.Rating, e.Flow, e.Comment!)).ToList();
        return new FeedbackSummary(from, to, inPeriod.Count,
            inPeriod.Count == 0 ? null : Math.Round(inPeriod.Average(e => e.Rating), 2),
            distribution, recommendations.Count, score, comments);
    }
}
