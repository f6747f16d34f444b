using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Banking;

/// <summary>Where a ticket stands.</summary>
public static class TicketStatus
{
    /// <summary>Created, waiting for an engineer.</summary>
    public const string Open = "open";

    /// <summary>An engineer is working on it.</summary>
    public const string InProgress = "in progress";

    /// <summary>The engineer needs something from the customer.</summary>
    public const string WaitingForCustomer = "waiting for you";

    /// <summary>Solved.</summary>
    public const string Resolved = "resolved";

    /// <summary>Closed without further work.</summary>
    public const string Closed = "closed";
}

/// <summary>One step of a ticket's history, shown to the customer.</summary>
public sealed record TicketEvent(DateTimeOffset At, string Status, string Note);

/// <summary>A support ticket: what the customer reported, how urgent it is, and where it stands.</summary>
public sealed class Ticket : BankRecord
{
    /// <summary>The customer's category choice.</summary>
    [JsonProperty("category")]
    public string Category { get; set; } = string.Empty;

    /// <summary>The problem in the customer's own words.</summary>
    [JsonProperty("description")]
    public string Description { get; set; } = string.Empty;

    /// <summary>low, normal, high or urgent.</summary>
    [JsonProperty("urgency")]
    public string Urgency { get; set; } = "normal";

    /// <summary>The current status.</summary>
    [JsonProperty("status")]
    public string Status { get; set; } = TicketStatus.Open;

    /// <summary>When an engineer answers at the latest, from the service-level table.</summary>
    [JsonProperty("answerBy")]
    public DateTimeOffset AnswerBy { get; set; }

    /// <summary>Status changes and notes for the customer, oldest first.</summary>
    [JsonProperty("history")]
    public List<TicketEvent> History { get; set; } = [];

    /// <summary>True when the customer asked to be told about changes.</summary>
    [JsonProperty("notifyOnChange")]
    public bool NotifyOnChange { get; set; }

    /// <summary>The conversation to reach the customer in later, as the channel gave it.</summary>
    [JsonProperty("conversationReference")]
    public JObject? ConversationReference { get; set; }

    /// <summary>An e-mail address the customer gave, to prove it is theirs from another channel.</summary>
    [JsonProperty("email")]
    public string? Email { get; set; }

    /// <summary>The employee the ticket is assigned to; null while nobody is.</summary>
    [JsonProperty("assignee")]
    public Employee? Assignee { get; set; }

    /// <summary>What the customer was told of changes without asking, and whether it reached them.</summary>
    [JsonProperty("notices")]
    public List<TicketNotice> Notices { get; set; } = [];
}

/// <summary>How a notice to the customer went.</summary>
public static class NoticeOutcome
{
    /// <summary>Not sent yet.</summary>
    public const string Pending = "pending";

    /// <summary>Being sent again by the background delivery, after the turn that made it stopped short.</summary>
    public const string Sending = "sending";

    /// <summary>The channel accepted it.</summary>
    public const string Delivered = "delivered";

    /// <summary>The channel's window for messages the customer did not ask for had closed (Messenger: 24 h).</summary>
    public const string WindowClosed = "window closed";

    /// <summary>The conversation no longer exists or the bot was removed from it.</summary>
    public const string ConversationGone = "conversation gone";

    /// <summary>Sending failed for another reason.</summary>
    public const string Failed = "failed";
}

/// <summary>A message to the customer about a change on their ticket, with how its delivery went.</summary>
public sealed class TicketNotice
{
    /// <summary>Unique within the ticket.</summary>
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>When the change happened.</summary>
    [JsonProperty("at")]
    public DateTimeOffset At { get; set; }

    /// <summary>What the customer is told.</summary>
    [JsonProperty("text")]
    public string Text { get; set; } = string.Empty;

    /// <summary>One of <see cref="NoticeOutcome"/>.</summary>
    [JsonProperty("outcome")]
    public string Outcome { get; set; } = NoticeOutcome.Pending;
}
