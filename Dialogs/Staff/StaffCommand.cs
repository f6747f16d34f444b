using System.Text.RegularExpressions;
using BankingBot.Dialogs.Banking;

namespace BankingBot.Dialogs.Staff;

/// <summary>What an employee asks the bot to do.</summary>
public enum StaffAction
{
    /// <summary>Not a staff command.</summary>
    None,

    /// <summary>"help": what staff can say.</summary>
    Help,

    /// <summary>"tickets urgent payments": the queue, filtered.</summary>
    ListTickets,

    /// <summary>"ticket TK-…": one ticket.</summary>
    ShowTicket,

    /// <summary>"ticket TK-… status resolved".</summary>
    SetTicketStatus,

    /// <summary>"ticket TK-… assign me".</summary>
    AssignTicketToMe,

    /// <summary>"ticket TK-… note …": a note for the customer.</summary>
    AddTicketNote,

    /// <summary>"lead LD-… claim".</summary>
    ClaimLead,

    /// <summary>"lead LD-… contacted".</summary>
    LeadContacted,

    /// <summary>"lead LD-… disqualify …" with a reason.</summary>
    DisqualifyLead,

    /// <summary>"handovers": the requests waiting for a person.</summary>
    ListHandovers,

    /// <summary>"handover HO-… accept": join a customer's chat.</summary>
    AcceptHandover,

    /// <summary>"end chat": leave the customer's chat, the bot takes over again.</summary>
    EndHandover,

    /// <summary>"feedback this week".</summary>
    Feedback,
}

/// <summary>
/// An employee's command, read from what they typed or from the data of a staff card's button (the buttons send
/// the same words, so a click and a typed command take one path). <paramref name="Target"/> is the ticket, lead or
/// hand-over number; <paramref name="Argument"/> a status, note, reason or period.
/// </summary>
public sealed partial record StaffCommand(StaffAction Action, string? Target = null, string? Argument = null,
    TicketFilter? Filter = null)
{
    /// <summary>Not a staff command.</summary>
    public static readonly StaffCommand None = new(StaffAction.None);

    private static readonly string[] Urgencies = ["urgent", "high", "normal", "low"];

    /// <summary>Reads a command; <paramref name="categories"/> are the ticket categories a filter may name.</summary>
    public static StaffCommand Parse(string? text, IReadOnlyList<string> categories, string? inputText = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var said = Regex.Replace(text ?? string.Empty, @"\s+", " ").Trim();
        var lower = said.ToLowerInvariant().TrimEnd('.', '!', '?');
        if (lower is "help" or "staff help" or "what can i do" or "what can you do" or "commands")
        {
            return new(StaffAction.Help);
        }

        if (lower is "end chat" or "end" or "end the chat" or "leave chat" or "hand back" or "done")
        {
            return new(StaffAction.EndHandover);
        }

        if (lower == "feedback" || lower.StartsWith("feedback ", StringComparison.Ordinal))
        {
            return new(StaffAction.Feedback, Argument: lower["feedback".Length..].Trim());
        }

        if (lower is "handovers" or "hand-overs" or "waiting customers")
        {
            return new(StaffAction.ListHandovers);
        }

        if (lower is "tickets" or "queue" or "ticket queue" || lower.StartsWith("tickets ", StringComparison.Ordinal))
        {
            return new(StaffAction.ListTickets, Filter: FilterOf(lower, categories));
        }

        if (TicketCommand().Match(said) is { Success: true } ticket)
        {
            return TicketAction(ticket.Groups["number"].Value.ToUpperInvariant(), ticket.Groups["rest"].Value.Trim(),
                inputText);
        }

        if (LeadCommand().Match(said) is { Success: true } lead)
        {
            var id = lead.Groups["id"].Value.ToUpperInvariant();
            var verb = lead.Groups["verb"].Value.ToLowerInvariant();
            var reason = FirstText(lead.Groups["rest"].Value, inputText);
            return verb switch
            {
                "claim" => new(StaffAction.ClaimLead, id),
                "contacted" => new(StaffAction.LeadContacted, id),
                _ => new(StaffAction.DisqualifyLead, id, reason),
            };
        }

        if (HandoverCommand().Match(said) is { Success: true } handover)
        {
            return new(StaffAction.AcceptHandover, handover.Groups["id"].Value.ToUpperInvariant());
        }

        return None;
    }

    private static StaffCommand TicketAction(string number, string rest, string? inputText)
    {
        var lower = rest.ToLowerInvariant();
        if (lower.Length == 0)
        {
            return new(StaffAction.ShowTicket, number);
        }

        if (lower.StartsWith("status ", StringComparison.Ordinal) && StatusOf(lower["status ".Length..]) is { } status)
        {
            return new(StaffAction.SetTicketStatus, number, status);
        }

        if (lower is "assign me" or "assign to me" or "take" or "mine")
        {
            return new(StaffAction.AssignTicketToMe, number);
        }

        if (lower == "note" || lower.StartsWith("note ", StringComparison.Ordinal))
        {
            return new(StaffAction.AddTicketNote, number, FirstText(rest[4..], inputText));
        }

        return new(StaffAction.ShowTicket, number);
    }

    private static TicketFilter FilterOf(string lower, IReadOnlyList<string> categories)
    {
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var phrase = string.Join(' ', words);
        var status = StatusOf(phrase) ?? words.Select(StatusOf).FirstOrDefault(s => s is not null);
        return new TicketFilter(status,
            words.FirstOrDefault(w => categories.Contains(w, StringComparer.OrdinalIgnoreCase)),
            words.FirstOrDefault(w => Urgencies.Contains(w)));
    }

    private static string? StatusOf(string text)
    {
        var lower = text.Trim();
        if (lower.Contains("in progress", StringComparison.Ordinal))
        {
            return TicketStatus.InProgress;
        }

        if (lower.Contains("waiting", StringComparison.Ordinal))
        {
            return TicketStatus.WaitingForCustomer;
        }

        return lower switch
        {
            "open" => TicketStatus.Open,
            "resolved" => TicketStatus.Resolved,
            "closed" => TicketStatus.Closed,
            _ => null,
        };
    }

    private static string? FirstText(string typed, string? input) =>
        !string.IsNullOrWhiteSpace(typed) ? typed.Trim() : string.IsNullOrWhiteSpace(input) ? null : input.Trim();

    [GeneratedRegex(@"^ticket\s+(?<number>TK-[A-Z0-9]{4}-[A-Z0-9]{4})\b\s*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TicketCommand();

    [GeneratedRegex(@"^lead\s+(?<id>LD-[A-F0-9]{8})\s+(?<verb>claim|contacted|disqualify)\b\s*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LeadCommand();

    [GeneratedRegex(@"^(?:handover|hand-over)\s+(?<id>HO-[A-F0-9]{8})\s+accept$", RegexOptions.IgnoreCase)]
    private static partial Regex HandoverCommand();
}
