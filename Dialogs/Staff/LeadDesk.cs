using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace BankingBot.Dialogs.Staff;

/// <summary>Where the sales team stands with a lead.</summary>
public static class LeadProgress
{
    /// <summary>Nobody has taken it yet.</summary>
    public const string New = "new";

    /// <summary>An employee took it.</summary>
    public const string Claimed = "claimed";

    /// <summary>The customer was contacted.</summary>
    public const string Contacted = "contacted";

    /// <summary>Not worth following up, with a reason.</summary>
    public const string Disqualified = "disqualified";
}

/// <summary>
/// The sales team's work on one lead, under "lead-follow-ups/&lt;lead id&gt;": who has it, where it stands, and the
/// card that shows it in the sales channel. It holds nothing the customer said; the lead keeps that.
/// </summary>
public sealed class LeadFollowUp : BankRecord
{
    /// <summary>One of <see cref="LeadProgress"/>.</summary>
    [JsonProperty("progress")]
    public string Progress { get; set; } = LeadProgress.New;

    /// <summary>The employee who claimed it.</summary>
    [JsonProperty("owner")]
    public Employee? Owner { get; set; }

    /// <summary>Who moved it last, shown on the card.</summary>
    [JsonProperty("lastBy")]
    public Employee? LastBy { get; set; }

    /// <summary>Why it was disqualified.</summary>
    [JsonProperty("reason")]
    public string? Reason { get; set; }

    /// <summary>none; posting while one instance posts the card to the sales channel; then posted.</summary>
    [JsonProperty("card")]
    public string Card { get; set; } = "none";

    /// <summary>The channel message that shows the card, to update it in place.</summary>
    [JsonProperty("cardActivityId")]
    public string? CardActivityId { get; set; }
}

/// <summary>What a staff action on a lead did: the lead and its follow-up, or why nothing changed.</summary>
public sealed record LeadActionResult(Lead? Lead, LeadFollowUp? FollowUp, string? Refusal = null);

/// <summary>
/// The sales team's side of leads: claim, mark contacted, disqualify with a reason. Each action is kept in the
/// lead's audit under the employee's id, and the lead's status follows (contacted; lost when disqualified).
/// </summary>
public sealed class LeadDesk(IDocumentStore store, TimeProvider time, ILogger<LeadDesk> logger)
{
    private readonly RecordBook<Lead> leads = new(store, "leads");
    private readonly RecordBook<LeadFollowUp> followUps = new(store, "lead-follow-ups");

    /// <summary>The follow-up records, for the delivery of lead cards.</summary>
    public RecordBook<LeadFollowUp> FollowUps => followUps;

    /// <summary>The lead and its follow-up (a new one when the sales team has not touched it yet).</summary>
    public async Task<(Lead? Lead, LeadFollowUp FollowUp)> FindAsync(string leadId, CancellationToken cancel = default)
    {
        var lead = await leads.FindAsync(leadId, cancel);
        var followUp = await followUps.FindAsync(leadId, cancel) ?? new LeadFollowUp { Id = leadId };
        return (lead, followUp);
    }

    /// <summary>Applies a staff action: <see cref="LeadProgress.Claimed"/>, Contacted or Disqualified.</summary>
    public async Task<LeadActionResult> ActAsync(string leadId, string progress, Employee by, string? reason,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var (lead, followUp) = await FindAsync(leadId, cancel);
        if (lead is null)
        {
            return new LeadActionResult(null, null, $"There is no lead {leadId}.");
        }

        if (progress == LeadProgress.Disqualified && string.IsNullOrWhiteSpace(reason))
        {
            return new LeadActionResult(lead, followUp, "Please give a reason to disqualify the lead.");
        }

        if (followUp.Progress == LeadProgress.Disqualified)
        {
            return new LeadActionResult(lead, followUp, "This lead was already disqualified.");
        }

        if (progress == LeadProgress.Claimed && followUp.Owner is { } owner && owner.Id != by.Id)
        {
            return new LeadActionResult(lead, followUp, $"{owner.Name} has already claimed this lead.");
        }

        var now = time.GetUtcNow();
        await followUps.TryCreateAsync(new LeadFollowUp { Id = leadId, CreatedAt = now, UpdatedAt = now }, cancel);
        followUp = await followUps.UpdateAsync(leadId, f =>
        {
            // Claiming a lead someone already contacted keeps it contacted.
            f.Progress = progress == LeadProgress.Claimed && f.Progress == LeadProgress.Contacted
                ? f.Progress
                : progress;
            f.Owner = progress == LeadProgress.Claimed || f.Owner is null ? by : f.Owner;
            f.LastBy = by;
            f.Reason = progress == LeadProgress.Disqualified ? reason!.Trim() : f.Reason;
            f.Record(now, by.Actor, progress);
        }, cancel) ?? followUp;
        lead = await leads.UpdateAsync(leadId, l =>
        {
            l.Status = progress switch
            {
                LeadProgress.Contacted => "contacted",
                LeadProgress.Disqualified => "lost",
                _ => l.Status,
            };
            l.Record(now, by.Actor, progress);
        }, cancel) ?? lead;
        logger.LogInformation("Lead {LeadId} {Progress} by staff", leadId, progress);
        return new LeadActionResult(lead, followUp);
    }
}
