using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;

namespace BankingBot.Dialogs.Leads;

/// <summary>
/// The leads the bot qualified, stored like every other record under "leads/&lt;id&gt;". A lead's id comes from
/// the request that captured it, so the same request again (a double click, a turn run again after a storage
/// conflict) finds the lead the first one stored instead of storing a second.
/// </summary>
public sealed class LeadBook(IDocumentStore store, ILogger<LeadBook> logger)
{
    private readonly RecordBook<Lead> leads = new(store, "leads");

    /// <summary>The lead id for a request key: "LD-" and eight hex digits of its hash.</summary>
    public static string IdFor(string requestKey) => "LD-" + KeyHash.Of(requestKey)[..8].ToUpperInvariant();

    /// <summary>
    /// Stores a lead once per <paramref name="requestKey"/>; returns the stored lead and whether this call stored it.
    /// </summary>
    public async Task<(Lead Lead, bool Created)> CaptureAsync(Lead lead, string requestKey,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentException.ThrowIfNullOrEmpty(requestKey);
        lead.Id = IdFor(requestKey);
        if (await leads.TryCreateAsync(lead, cancel))
        {
            logger.LogInformation("Lead {LeadId} captured for {Product} on {Channel}", lead.Id, lead.Product,
                lead.Channel);
            return (lead, true);
        }

        logger.LogInformation("Repeated lead request answered with lead {LeadId}", lead.Id);
        return (await leads.FindAsync(lead.Id, cancel) ?? lead, false);
    }

    /// <summary>The lead with this id, or null.</summary>
    public Task<Lead?> FindAsync(string id, CancellationToken cancel = default) => leads.FindAsync(id, cancel);

    /// <summary>Every lead, for staff views and deletion; not for the turn path.</summary>
    public IAsyncEnumerable<Lead> AllAsync(CancellationToken cancel = default) => leads.AllAsync(cancel);
}
