using System.Globalization;
using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Feedback;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Leads;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Staff;

/// <summary>
/// What staff are shown: the ticket queue, one ticket, a lead, a hand-over request and a feedback digest. Each
/// button sends the words of the command it stands for, so a click and a typed command are one path.
/// </summary>
public static class StaffCards
{
    /// <summary>What staff can say.</summary>
    public const string Help =
        "Here's what I can do for the bank's staff: \"tickets\" (add open, in progress, waiting, resolved, closed, " +
        "a category such as payments, or an urgency such as urgent), \"ticket TK-…\" to open one, then change its " +
        "status, take it or add a note for the customer; \"feedback this week\" (or today, last month, last 30 " +
        "days); \"handovers\" for customers waiting for a person, and \"end chat\" to hand a customer back to the " +
        "bot. New leads and hand-over requests appear in the sales and service channels.";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The queue: the most pressing tickets that match, each with a button to open it.</summary>
    public static Reply TicketQueue(IReadOnlyList<Ticket> tickets, int total, TicketFilter filter, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(filter);
        var named = string.Join(", ", new[] { filter.Status ?? "not resolved", filter.Category, filter.Urgency }
            .Where(part => part is not null));
        var title = tickets.Count < total
            ? $"Tickets ({named}): the first {tickets.Count} of {total}"
            : $"Tickets ({named}): {total}";
        var data = new JObject
        {
            ["title"] = title,
            ["tickets"] = new JArray(tickets.Select(t => new JObject
            {
                ["number"] = t.Id, ["category"] = t.Category, ["urgency"] = t.Urgency,
                ["status"] = t.Notices.Any(n => n.Outcome != NoticeOutcome.Delivered)
                    ? t.Status + " (customer not reached)"
                    : t.Status,
                ["answerBy"] = Short(t.AnswerBy, zone),
            })),
        };
        var lines = tickets.Select(t =>
            $"{t.Id}: {t.Category}, {t.Urgency}, {t.Status}, answer by {Short(t.AnswerBy, zone)}");
        return new CardReply("staff-ticket-queue", data, string.Join("\n", lines.Prepend(title)))
        {
            Actions = [.. tickets.Select(t => new ChoiceOption($"ticket {t.Id}", $"Open {t.Id}"))],
        };
    }

    /// <summary>One ticket with what staff can do with it, and whether the customer could be reached.</summary>
    public static Reply TicketDetail(Ticket ticket, TimeZoneInfo zone, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var facts = new List<Fact>();
        if (notice is not null)
        {
            facts.Add(new Fact("Done", notice));
        }

        facts.AddRange(
        [
            new Fact("Category", ticket.Category),
            new Fact("Urgency", ticket.Urgency),
            new Fact("Assigned to", ticket.Assignee?.Name ?? "nobody yet"),
            new Fact("Answer by", Short(ticket.AnswerBy, zone)),
            new Fact("Opened", $"{Short(ticket.CreatedAt, zone)} on {ticket.Channel}"),
            new Fact("Customer updates", ticket.NotifyOnChange ? "asked for" : "not asked for"),
        ]);
        // A notice still pending here was never sent (the bot stopped between the change and the sending; the
        // background delivery sends it later): until then staff see it like any other that did not reach the customer.
        foreach (var failed in ticket.Notices.Where(n => n.Outcome != NoticeOutcome.Delivered).TakeLast(3))
        {
            var outcome = failed.Outcome == NoticeOutcome.Pending ? "not sent" : failed.Outcome;
            facts.Add(new Fact("Not delivered", $"{Short(failed.At, zone)}: {outcome}. Reach the customer " +
                "another way (e-mail on the ticket, if any)."));
        }

        var data = new JObject
        {
            ["number"] = ticket.Id,
            ["status"] = ticket.Status,
            ["facts"] = new JArray(facts.Select(f => new JObject { ["title"] = f.Label, ["value"] = f.Value })),
            ["description"] = ticket.Description,
            ["history"] = new JArray(ticket.History.TakeLast(8).Select(e => new JObject
            {
                ["at"] = Short(e.At, zone), ["note"] = e.Note,
            })),
            ["noteBox"] = true,
        };
        var actions = Banking.TicketQueue.Statuses.Where(s => s != ticket.Status)
            .Select(s => new ChoiceOption($"ticket {ticket.Id} status {s}", Capitalized(s))).ToList();
        actions.Add(new ChoiceOption($"ticket {ticket.Id} assign me", "Assign to me"));
        actions.Add(new ChoiceOption($"ticket {ticket.Id} note", "Send note"));
        var text = $"Ticket {ticket.Id} ({ticket.Status}). " +
            string.Join(". ", facts.Select(f => $"{f.Label}: {f.Value}")) + ". " + ticket.Description;
        return new CardReply("staff-ticket-detail", data, text) { Actions = actions };
    }

    /// <summary>A lead for the sales channel: its insights, where the team stands with it, the next actions.</summary>
    public static Reply Lead(Lead lead, LeadFollowUp followUp, LeadProduct? product, TimeZoneInfo zone,
        string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(followUp);
        var facts = new List<Fact> { new("Progress", Progress(followUp)) };
        if (notice is not null)
        {
            facts.Insert(0, new Fact("Note", notice));
        }

        facts.Add(new Fact("Temperature", lead.Temperature));
        facts.Add(new Fact("Why", lead.Reasons.Count > 0 ? string.Join("; ", lead.Reasons) : "no rule applied"));
        facts.Add(new Fact(product?.Amount.Label ?? "Amount", lead.Amount?.ToString() ?? "not said"));
        facts.Add(new Fact("Timeline", lead.Timeline?.Said ?? "not said"));
        facts.Add(new Fact("Existing customer", lead.ExistingCustomer ? "yes" : "no"));
        if (lead.Contact is { } contact)
        {
            facts.Add(new Fact("Name", contact.Name));
            facts.Add(new Fact("E-mail", contact.Email));
            facts.Add(new Fact("Phone", contact.Phone));
            facts.Add(new Fact("Best time to call", Customer.Format(contact.PreferredTime,
                TimeZoneInfo.TryFindSystemTimeZoneById(contact.TimeZone, out var theirs) ? theirs : zone)));
        }
        else
        {
            facts.Add(new Fact("Contact", "no consent: anonymous lead"));
        }

        var open = followUp.Progress != LeadProgress.Disqualified;
        var data = new JObject
        {
            ["product"] = product?.Title ?? lead.Product,
            ["score"] = lead.Score.ToString(CultureInfo.InvariantCulture),
            ["reference"] = lead.Id,
            ["receivedAt"] = Short(lead.CreatedAt, zone),
            ["facts"] = new JArray(facts.Select(f => new JObject { ["title"] = f.Label, ["value"] = f.Value })),
            ["summary"] = lead.Summary,
            ["reasonBox"] = open,
        };
        var actions = new List<ChoiceOption>();
        if (open && followUp.Progress == LeadProgress.New)
        {
            actions.Add(new ChoiceOption($"lead {lead.Id} claim", "Claim"));
        }

        if (open && followUp.Progress != LeadProgress.Contacted)
        {
            actions.Add(new ChoiceOption($"lead {lead.Id} contacted", "Mark contacted"));
        }

        if (open)
        {
            actions.Add(new ChoiceOption($"lead {lead.Id} disqualify", "Disqualify"));
        }

        var text = $"New lead {lead.Id}: {product?.Title ?? lead.Product}, score {lead.Score}. " +
            string.Join(". ", facts.Select(f => $"{f.Label}: {f.Value}")) + ". " + lead.Summary;
        return new CardReply("staff-new-lead", data, text) { Actions = actions };
    }

    /// <summary>A customer's request for a person, with what was said so far and a button to join.</summary>
    public static Reply Handover(HandoverRequest request, TimeZoneInfo zone, string? state = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = new List<Fact>
        {
            new("Status", state ?? request.Status),
            new("Why", request.Reason),
            new("Asked", $"{Short(request.CreatedAt, zone)} on {request.Channel}"),
        };
        facts.AddRange(request.Transcript.TakeLast(10).Select(line => new Fact(line.From, line.Text)));
        var waiting = request.Status == "waiting";
        var data = new JObject
        {
            ["title"] = $"A customer asks for a person ({request.Id})",
            ["facts"] = new JArray(facts.Select(f => new JObject { ["title"] = f.Label, ["value"] = f.Value })),
            ["footer"] = waiting
                ? "Accept to join the chat: the customer's messages then come here, and what you write here (in " +
                  "this thread, mentioning the bot) goes to them. Say \"end chat\" to hand back to the bot."
                : string.Empty,
        };
        return new CardReply("summary", data, $"Hand-over {request.Id}: {request.Reason}. Status: {facts[0].Value}.")
        {
            Actions = waiting ? [new ChoiceOption($"handover {request.Id} accept", "Accept")] : [],
        };
    }

    /// <summary>Feedback over a period: how many, the average and spread, the recommendation score, comments.</summary>
    public static Reply FeedbackDigest(FeedbackSummary summary, string period, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var facts = new List<Fact>
        {
            new("Ratings", summary.Count.ToString(CultureInfo.InvariantCulture)),
            new("Average", summary.AverageRating?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"),
            new("Spread", string.Join(", ", summary.Distribution.OrderByDescending(d => d.Key)
                .Select(d => $"{d.Key}: {d.Value}"))),
            new("Recommendation score", summary.RecommendationScore is { } score
                ? $"{score} ({summary.RecommendationCount} answers)"
                : "no answers"),
        };
        facts.AddRange(summary.RecentComments.Select(c =>
            new Fact($"{Short(c.At, zone)}, {c.Rating}/5", c.Comment)));
        var title = $"Feedback for {period}";
        return new SummaryReply(title, facts, summary.RecentComments.Count == 0 ? "No comments in this period." : null);
    }

    private static string Progress(LeadFollowUp followUp) => followUp.Progress switch
    {
        LeadProgress.Claimed => $"claimed by {followUp.Owner?.Name}",
        LeadProgress.Contacted => $"contacted by {followUp.LastBy?.Name}" +
            (followUp.Owner is { } owner && owner.Id != followUp.LastBy?.Id ? $" (claimed by {owner.Name})" : ""),
        LeadProgress.Disqualified => $"disqualified by {followUp.LastBy?.Name}: {followUp.Reason}",
        _ => "new: nobody has claimed it yet",
    };

    private static string Capitalized(string status) => char.ToUpperInvariant(status[0]) + status[1..];

    private static string Short(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM, HH:mm", English);
}
