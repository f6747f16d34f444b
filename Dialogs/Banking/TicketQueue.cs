using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;

namespace BankingBot.Dialogs.Banking;

/// <summary>
/// Which tickets staff want to see: a status (by default every ticket not yet resolved or closed), a category
/// and an urgency, each optional.
/// </summary>
public sealed record TicketFilter(string? Status = null, string? Category = null, string? Urgency = null)
{
    /// <summary>True when the ticket is one of those asked for.</summary>
    public bool Matches(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var statusMatches = Status is null
            ? ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed)
            : ticket.Status == Status;
        return statusMatches && (Category is null || ticket.Category == Category)
            && (Urgency is null || ticket.Urgency == Urgency);
    }
}

/// <summary>A ticket after a staff change, with the notice the customer should get (null when none).</summary>
public sealed record TicketChange(Ticket Ticket, TicketNotice? Notice);

/// <summary>
/// The staff side of the ticket desk: the queue, and changes to a ticket (status, assignee, a note for the
/// customer). Every change is kept in the ticket's audit under the employee's id. A change the customer asked
/// to hear about is added as a pending notice in the same write, so it is never lost between the change and
/// its delivery; whoever delivers it records how that went (<see cref="RecordDeliveryAsync"/>).
/// </summary>
public sealed class TicketQueue(IDocumentStore store, TimeProvider time, ILogger<TicketQueue> logger)
{
    /// <summary>The statuses staff can set, in the order they are offered.</summary>
    public static readonly IReadOnlyList<string> Statuses =
    [
        TicketStatus.Open, TicketStatus.InProgress, TicketStatus.WaitingForCustomer, TicketStatus.Resolved,
        TicketStatus.Closed,
    ];

    private static readonly string[] UrgencyOrder = ["urgent", "high", "normal", "low"];

    private readonly RecordBook<Ticket> tickets = new(store, "tickets");

    /// <summary>
    /// The tickets that match, the most pressing first (urgency, then answer time), at most <paramref name="max"/>,
    /// with how many matched in all. Reads every ticket: a staff view, not for the customer's turn path.
    /// </summary>
    public async Task<(IReadOnlyList<Ticket> Tickets, int Total)> ListAsync(TicketFilter filter, int max = 10,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = new List<Ticket>();
        await foreach (var ticket in tickets.AllAsync(cancel))
        {
            if (filter.Matches(ticket))
            {
                matching.Add(ticket);
            }
        }

        var ordered = matching.OrderBy(t => Array.IndexOf(UrgencyOrder, t.Urgency) is var i and >= 0 ? i : 9)
            .ThenBy(t => t.AnswerBy).Take(max).ToList();
        return (ordered, matching.Count);
    }

    /// <summary>The ticket with this number, or null.</summary>
    public Task<Ticket?> FindAsync(string number, CancellationToken cancel = default) =>
        tickets.FindAsync(number, cancel);

    /// <summary>Sets the status; the customer hears of it when they asked for updates. Null: no such ticket.</summary>
    public async Task<TicketChange?> ChangeStatusAsync(string number, string status, Employee by,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Statuses.Contains(status))
        {
            throw new ArgumentException($"Unknown ticket status '{status}'.", nameof(status));
        }

        TicketNotice? notice = null;
        var ticket = await tickets.UpdateAsync(number, t =>
        {
            notice = null;
            if (t.Status == status)
            {
                return;
            }

            var now = time.GetUtcNow();
            t.Status = status;
            t.History.Add(new TicketEvent(now, status, $"Status changed to {status}."));
            t.Record(now, by.Actor, "status " + status);
            notice = Notify(t, now, $"Update on your ticket {t.Id}: its status is now \"{status}\".");
        }, cancel);
        if (ticket is not null)
        {
            logger.LogInformation("Ticket {TicketNumber} status set to {Status} by staff", number, ticket.Status);
        }

        return ticket is null ? null : new TicketChange(ticket, notice);
    }

    /// <summary>Assigns the ticket to an employee (the customer is not told). Null: no such ticket.</summary>
    public async Task<TicketChange?> AssignAsync(string number, Employee assignee, Employee by,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        ArgumentNullException.ThrowIfNull(by);
        var ticket = await tickets.UpdateAsync(number, t =>
        {
            t.Assignee = assignee;
            t.Record(time.GetUtcNow(), by.Actor, "assigned to staff:" + assignee.Id);
        }, cancel);
        if (ticket is not null)
        {
            logger.LogInformation("Ticket {TicketNumber} assigned by staff", number);
        }

        return ticket is null ? null : new TicketChange(ticket, null);
    }

    /// <summary>
    /// Adds a note for the customer to the ticket's history; they hear of it when they asked for updates. The
    /// same note again right after (a double click) is not added twice. Null: no such ticket.
    /// </summary>
    public async Task<TicketChange?> AddNoteAsync(string number, string note, Employee by,
        CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        ArgumentNullException.ThrowIfNull(by);
        var text = note.Trim();
        TicketNotice? notice = null;
        var ticket = await tickets.UpdateAsync(number, t =>
        {
            notice = null;
            var now = time.GetUtcNow();
            if (t.History is [.., var last] && last.Note == text && now - last.At < TimeSpan.FromMinutes(5))
            {
                return;
            }

            t.History.Add(new TicketEvent(now, t.Status, text));
            t.Record(now, by.Actor, "note added");
            notice = Notify(t, now, $"A note from our team on your ticket {t.Id}: {text}");
        }, cancel);
        if (ticket is not null)
        {
            logger.LogInformation("Ticket {TicketNumber} note added by staff", number);
        }

        return ticket is null ? null : new TicketChange(ticket, notice);
    }

    /// <summary>Records how a notice's delivery went, so staff see when a customer could not be reached.</summary>
    public async Task RecordDeliveryAsync(string number, string noticeId, string outcome,
        CancellationToken cancel = default)
    {
        await tickets.UpdateAsync(number, t =>
        {
            if (t.Notices.FirstOrDefault(n => n.Id == noticeId) is { } notice)
            {
                notice.Outcome = outcome;
                t.Record(time.GetUtcNow(), "bot", "notice " + outcome);
            }
        }, cancel);
        logger.LogInformation("Ticket {TicketNumber} notice {NoticeId}: {Outcome}", number, noticeId, outcome);
    }

    /// <summary>
    /// Notices still pending longer than <paramref name="olderThan"/> (the turn that made them stopped before
    /// sending), each claimed for sending by an ETag-checked write so that only one instance sends it. Reads every
    /// ticket: for a background sweep, not the turn path.
    /// </summary>
    public async Task<IReadOnlyList<TicketChange>> ClaimStalledNoticesAsync(TimeSpan olderThan,
        CancellationToken cancel = default)
    {
        var now = time.GetUtcNow();
        var stalled = new List<string>();
        await foreach (var ticket in tickets.AllAsync(cancel))
        {
            if (ticket.Notices.Any(n => n.Outcome == NoticeOutcome.Pending && now - n.At > olderThan))
            {
                stalled.Add(ticket.Id);
            }
        }

        var claimed = new List<TicketChange>();
        foreach (var number in stalled)
        {
            var mine = new List<string>();
            var ticket = await tickets.UpdateAsync(number, t =>
            {
                mine.Clear();
                foreach (var notice in t.Notices.Where(n =>
                             n.Outcome == NoticeOutcome.Pending && now - n.At > olderThan))
                {
                    notice.Outcome = NoticeOutcome.Sending;
                    mine.Add(notice.Id);
                }
            }, cancel);
            claimed.AddRange(ticket is null ? [] : ticket.Notices.Where(n => mine.Contains(n.Id))
                .Select(n => new TicketChange(ticket, n)));
        }

        return claimed;
    }

    // The customer asked for updates and left a way to reach them: the change becomes a pending notice.
    private static TicketNotice? Notify(Ticket ticket, DateTimeOffset now, string text)
    {
        if (!ticket.NotifyOnChange || ticket.ConversationReference is null)
        {
            return null;
        }

        var notice = new TicketNotice
        {
            Id = $"N{ticket.Notices.Count + 1}", At = now, Text = text, Outcome = NoticeOutcome.Pending,
        };
        ticket.Notices.Add(notice);
        return notice;
    }
}
