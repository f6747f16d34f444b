using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace BankingBot.Dialogs.Leads;

/// <summary>Tells the sales team about leads.</summary>
public interface ILeadEvents
{
    /// <summary>Raises "new lead" for a stored lead; raising it again for the same lead does nothing more.</summary>
    Task RaiseNewLeadAsync(Lead lead, CancellationToken cancel = default);
}

/// <summary>
/// A notice for the sales team that waits to be delivered. It names the lead and how hot it is, not what the
/// customer said: whoever delivers it reads the lead, so deleting the lead leaves nothing personal behind.
/// </summary>
public sealed class LeadEvent : BankRecord
{
    /// <summary>The lead this notice is about.</summary>
    [JsonProperty("leadId")]
    public string LeadId { get; set; } = string.Empty;

    /// <summary>What happened: "new-lead".</summary>
    [JsonProperty("kind")]
    public string Kind { get; set; } = "new-lead";

    /// <summary>The product id.</summary>
    [JsonProperty("product")]
    public string Product { get; set; } = string.Empty;

    /// <summary>The lead's score.</summary>
    [JsonProperty("score")]
    public int Score { get; set; }

    /// <summary>Hot, warm or cold.</summary>
    [JsonProperty("temperature")]
    public string Temperature { get; set; } = LeadTemperature.Cold;

    /// <summary>pending until delivered, then delivered.</summary>
    [JsonProperty("status")]
    public string Status { get; set; } = SalesInbox.Pending;
}

/// <summary>
/// The sales team's inbox: each new lead becomes a pending notice under "lead-events/&lt;lead id&gt;". Nothing
/// delivers the notices yet; posting them to the sales team's Teams channel is separate work, which will read
/// <see cref="PendingAsync"/> and mark each notice delivered.
/// </summary>
public sealed class SalesInbox(IDocumentStore store, TimeProvider time, ILogger<SalesInbox> logger) : ILeadEvents
{
    /// <summary>The status of a notice not yet delivered.</summary>
    public const string Pending = "pending";

    private readonly RecordBook<LeadEvent> notices = new(store, "lead-events");

    /// <inheritdoc />
    public async Task RaiseNewLeadAsync(Lead lead, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var now = time.GetUtcNow();
        var notice = new LeadEvent
        {
            Id = lead.Id, LeadId = lead.Id, CreatedAt = now, UpdatedAt = now, Channel = lead.Channel,
            Customer = lead.Customer, Product = lead.Product, Score = lead.Score, Temperature = lead.Temperature,
        };
        notice.Record(now, "bot", "new lead");
        if (await notices.TryCreateAsync(notice, cancel))
        {
            logger.LogInformation("Lead {LeadId} routed with score {Score}", lead.Id, lead.Score);
        }
    }

    /// <summary>The notices still waiting to be delivered.</summary>
    public async IAsyncEnumerable<LeadEvent> PendingAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        await foreach (var notice in notices.AllAsync(cancel))
        {
            if (notice.Status == Pending)
            {
                yield return notice;
            }
        }
    }
}
