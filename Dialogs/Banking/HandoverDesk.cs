using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Banking;

/// <summary>Where a hand-over request stands.</summary>
public static class HandoverStatus
{
    /// <summary>Nobody has accepted it yet.</summary>
    public const string Waiting = "waiting";

    /// <summary>An employee is chatting with the customer.</summary>
    public const string Accepted = "accepted";

    /// <summary>The chat ended; the bot has taken over again.</summary>
    public const string Ended = "ended";

    /// <summary>Nobody accepted it in time; it became a ticket.</summary>
    public const string Ticket = "ticket";
}

/// <summary>
/// One side of a live chat between a customer and an employee, under "handover-links/&lt;conversation hash&gt;":
/// the hand-over it belongs to and where the other side is.
/// </summary>
public sealed class HandoverLink : BankRecord
{
    /// <summary>The hand-over request.</summary>
    [JsonProperty("handoverId")]
    public string HandoverId { get; set; } = string.Empty;

    /// <summary>True on the employee's side.</summary>
    [JsonProperty("staffSide")]
    public bool StaffSide { get; set; }

    /// <summary>Where messages from this side go.</summary>
    [JsonProperty("otherSide")]
    public JObject OtherSide { get; set; } = [];

    /// <summary>The employee in the chat.</summary>
    [JsonProperty("employee")]
    public Employee? Employee { get; set; }
}

/// <summary>What accepting a hand-over did: the request, and a refusal when someone else was first.</summary>
public sealed record HandoverAcceptance(HandoverRequest? Request, string? Refusal);

/// <summary>
/// Live hand-overs: an employee accepts a waiting request (once: a second employee is told who was first), the
/// two conversations are linked so messages are relayed, and either side ends it. Links are records, so any
/// instance relays and a restart changes nothing.
/// </summary>
public sealed class HandoverDesk(IDocumentStore store, TimeProvider time, ILogger<HandoverDesk> logger)
{
    private readonly RecordBook<HandoverRequest> requests = new(store, "handovers");
    private readonly RecordBook<HandoverLink> links = new(store, "handover-links");

    /// <summary>The requests, for posting and expiry.</summary>
    public RecordBook<HandoverRequest> Requests => requests;

    /// <summary>The link of a conversation, or null when it is in no live chat. One read.</summary>
    public Task<HandoverLink?> LinkAsync(string channel, string? conversationId, CancellationToken cancel = default) =>
        links.FindAsync(LinkKey(channel, conversationId), cancel);

    /// <summary>
    /// The employee joins the customer's chat from the conversation <paramref name="staffSide"/> refers to.
    /// </summary>
    public async Task<HandoverAcceptance> AcceptAsync(string handoverId, Employee employee, JObject staffSide,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(staffSide);
        var now = time.GetUtcNow();
        var mine = false;
        var request = await requests.UpdateAsync(handoverId, r =>
        {
            mine = r.Status == HandoverStatus.Waiting;
            if (mine)
            {
                r.Status = HandoverStatus.Accepted;
                r.Employee = employee;
                r.Record(now, employee.Actor, "accepted");
            }
        }, cancel);
        if (request is null)
        {
            return new HandoverAcceptance(null, $"There is no hand-over {handoverId}.");
        }

        if (!mine)
        {
            return new HandoverAcceptance(request, request.Status == HandoverStatus.Accepted
                ? $"{request.Employee?.Name} has already joined this chat."
                : $"This request is {request.Status} already.");
        }

        var customerSide = request.ConversationReference ?? [];
        await WriteLinkAsync(new HandoverLink
        {
            Id = LinkKey(Channel(customerSide), Conversation(customerSide)), HandoverId = handoverId,
            OtherSide = staffSide, Employee = employee, Channel = request.Channel, Customer = request.Customer,
            CreatedAt = now, UpdatedAt = now,
        }, cancel);
        await WriteLinkAsync(new HandoverLink
        {
            Id = LinkKey(Channel(staffSide), Conversation(staffSide)), HandoverId = handoverId, StaffSide = true,
            OtherSide = customerSide, Employee = employee, Channel = Channel(staffSide), Customer = request.Customer,
            CreatedAt = now, UpdatedAt = now,
        }, cancel);
        logger.LogInformation("Hand-over {HandoverId} accepted by staff", handoverId);
        return new HandoverAcceptance(request, null);
    }

    /// <summary>Ends a live chat (either side); null when it was not live.</summary>
    public async Task<HandoverRequest?> EndAsync(string handoverId, string actor, CancellationToken cancel = default)
    {
        var ended = false;
        var request = await requests.UpdateAsync(handoverId, r =>
        {
            ended = r.Status == HandoverStatus.Accepted;
            if (ended)
            {
                r.Status = HandoverStatus.Ended;
                r.Record(time.GetUtcNow(), actor, "ended");
            }
        }, cancel);
        if (request is null || !ended)
        {
            return null;
        }

        var customerSide = request.ConversationReference ?? [];
        await links.DeleteAsync(LinkKey(Channel(customerSide), Conversation(customerSide)), cancel);
        await foreach (var link in links.AllAsync(cancel))
        {
            if (link.StaffSide && link.HandoverId == handoverId)
            {
                await links.DeleteAsync(link.Id, cancel);
            }
        }

        logger.LogInformation("Hand-over {HandoverId} ended by {Actor}", handoverId, actor.Split(':')[0]);
        return request;
    }

    /// <summary>The key of a conversation's link.</summary>
    public static string LinkKey(string channel, string? conversationId) => KeyHash.Of($"{channel}/{conversationId}");

    private async Task WriteLinkAsync(HandoverLink link, CancellationToken cancel)
    {
        if (!await links.TryCreateAsync(link, cancel))
        {
            // A link left from an earlier chat in the same conversation: this chat replaces it.
            await links.DeleteAsync(link.Id, cancel);
            await links.TryCreateAsync(link, cancel);
        }
    }

    private static string Channel(JObject reference) => (string?)reference["channelId"] ?? string.Empty;

    private static string? Conversation(JObject reference) => (string?)reference.SelectToken("conversation.id");
}
