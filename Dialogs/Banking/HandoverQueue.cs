using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Banking;

/// <summary>A customer's request to talk to a person, with what was said so far.</summary>
public sealed class HandoverRequest : BankRecord
{
    /// <summary>Why the bot handed over: asked for a person, gave up on a question, could not help.</summary>
    [JsonProperty("reason")]
    public string Reason { get; set; } = string.Empty;

    /// <summary>One of <see cref="HandoverStatus"/>: waiting, accepted, ended, or ticket (nobody took it).</summary>
    [JsonProperty("status")]
    public string Status { get; set; } = "waiting";

    /// <summary>The conversation so far.</summary>
    [JsonProperty("transcript")]
    public List<TranscriptLine> Transcript { get; set; } = [];

    /// <summary>Where to reach the customer.</summary>
    [JsonProperty("conversationReference")]
    public JObject? ConversationReference { get; set; }

    /// <summary>The employee who accepted it.</summary>
    [JsonProperty("employee")]
    public Employee? Employee { get; set; }

    /// <summary>none; posting while one instance posts it to the staff channel; then posted.</summary>
    [JsonProperty("card")]
    public string Card { get; set; } = "none";

    /// <summary>The staff channel's message that shows the request.</summary>
    [JsonProperty("cardActivityId")]
    public string? CardActivityId { get; set; }

    /// <summary>The ticket it became when nobody accepted it in time.</summary>
    [JsonProperty("ticketNumber")]
    public string? TicketNumber { get; set; }
}

/// <summary>Hand-over requests waiting for staff, stored like every other record.</summary>
public sealed class HandoverQueue(IDocumentStore store, TimeProvider time, ILogger<HandoverQueue> logger)
{
    private readonly RecordBook<HandoverRequest> requests = new(store, "handovers");

    /// <summary>Records a request once per <paramref name="requestKey"/> and returns it.</summary>
    public async Task<HandoverRequest> RequestAsync(string channel, string customer, JObject reference, string reason,
        IReadOnlyList<TranscriptLine> transcript, string requestKey, CancellationToken cancel = default)
    {
        var now = time.GetUtcNow();
        var request = new HandoverRequest
        {
            Id = "HO-" + KeyHash.Of(requestKey)[..8].ToUpperInvariant(), CreatedAt = now, UpdatedAt = now,
            Channel = channel, Customer = customer, Reason = reason, Transcript = [.. transcript],
            ConversationReference = reference,
        };
        request.Record(now, "customer", "requested a person");
        if (!await requests.TryCreateAsync(request, cancel))
        {
            return await requests.FindAsync(request.Id, cancel) ?? request;
        }

        logger.LogInformation("Hand-over {HandoverId} requested on {Channel}", request.Id, channel);
        return request;
    }

    /// <summary>Every request, for staff.</summary>
    public IAsyncEnumerable<HandoverRequest> AllAsync(CancellationToken cancel = default) => requests.AllAsync(cancel);
}
