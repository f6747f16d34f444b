using Newtonsoft.Json;

namespace BankingBot.Dialogs.Banking;

/// <summary>One change to a record: when, who (a role and an id, never a name) and what.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Change);

/// <summary>What every record the bank keeps has: an id, times, the channel it came from, and an audit.</summary>
public abstract class BankRecord
{
    /// <summary>The record's id, unique within its kind.</summary>
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>When the record was created.</summary>
    [JsonProperty("createdAt")]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the record last changed.</summary>
    [JsonProperty("updatedAt")]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The channel the customer used.</summary>
    [JsonProperty("channel")]
    public string Channel { get; set; } = string.Empty;

    /// <summary>The customer: a hash of channel and channel user id, so records can be found and deleted.</summary>
    [JsonProperty("customer")]
    public string Customer { get; set; } = string.Empty;

    /// <summary>Every change, oldest first.</summary>
    [JsonProperty("audit")]
    public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>Records a change and moves the update time.</summary>
    public void Record(DateTimeOffset at, string actor, string change)
    {
        UpdatedAt = at;
        Audit.Add(new AuditEntry(at, actor, change));
    }
}
