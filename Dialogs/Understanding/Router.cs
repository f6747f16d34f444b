using System.Text.RegularExpressions;
using BankingBot.Dialogs.Banking;

namespace BankingBot.Dialogs.Understanding;

/// <summary>The jobs the bot does, and the small talk around them.</summary>
public enum Job
{
    /// <summary>Nothing recognised.</summary>
    Unknown,

    /// <summary>Show what the bot can do.</summary>
    Menu,

    /// <summary>A support question in the customer's words.</summary>
    Support,

    /// <summary>Interest in a product: qualify a lead.</summary>
    Lead,

    /// <summary>Open a support ticket.</summary>
    OpenTicket,

    /// <summary>Ask for a ticket's status.</summary>
    TicketStatus,

    /// <summary>Give feedback.</summary>
    Feedback,

    /// <summary>Talk to a person.</summary>
    Handover,

    /// <summary>Delete everything the bot keeps about the customer.</summary>
    DeleteMyData,
}

/// <summary>Where a message goes: a job, with what the message already said (a ticket number, a product).</summary>
public sealed record Route(Job Job, string? Detail = null);

/// <summary>
/// Sends free text to the job it belongs to. Clear requests for a job ("open a ticket", "status of
/// TK-4K7Q-2MXA", "I'd like to give feedback") are matched by rules; everything else is a support question.
/// </summary>
public static partial class Router
{
    /// <summary>The menu's values, which cards and numbered options send back.</summary>
    public static readonly IReadOnlyDictionary<string, Job> MenuValues = new Dictionary<string, Job>
    {
        ["menu:support"] = Job.Support,
        ["menu:lead"] = Job.Lead,
        ["menu:ticket"] = Job.OpenTicket,
        ["menu:status"] = Job.TicketStatus,
        ["menu:feedback"] = Job.Feedback,
    };

    /// <summary>The job for a message.</summary>
    public static Route Route(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Route(Job.Unknown);
        }

        var said = text.Trim();
        if (MenuValues.TryGetValue(said, out var menuJob))
        {
            return new Route(menuJob);
        }

        if (DeleteDataRequest().IsMatch(said))
        {
            return new Route(Job.DeleteMyData);
        }

        if (TicketNumbers.Find(said) is { } number)
        {
            return new Route(Job.TicketStatus, number);
        }

        if (TicketNumbers.LooksLikeBrokenNumber(said) || StatusRequest().IsMatch(said))
        {
            return new Route(Job.TicketStatus, said);
        }

        if (TicketRequest().IsMatch(said))
        {
            return new Route(Job.OpenTicket);
        }

        if (FeedbackRequest().IsMatch(said))
        {
            return new Route(Job.Feedback);
        }

        if (LeadProduct(said) is { } product)
        {
            return new Route(Job.Lead, product);
        }

        return new Route(Job.Support, said);
    }

    // Interest in a product ("I'm interested in a mortgage", "do you have credit cards") is a lead, with the
    // product's id from Knowledge/lead-products.json; a matter about one the customer has ("cancel my credit
    // card", "pay off my loan") stays a support question.
    private static string? LeadProduct(string said)
    {
        if (!LeadInterest().IsMatch(said) || OwnProductMatter().IsMatch(said))
        {
            return null;
        }

        var match = ProductWords().Match(said);
        string[] products = ["mortgage", "business_account", "credit_card", "savings", "personal_loan"];
        return match.Success ? products.FirstOrDefault(product => match.Groups[product].Success) : null;
    }

    [GeneratedRegex(@"\b(status|progress|update|news)\b.*\b(ticket|case|complaint|request)\b" +
        @"|\b(where|what)('s| is| are)\b.*\bmy (ticket|case|complaint)\b|\b(track|check|follow)\b.*\b(ticket|case)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex StatusRequest();

    [GeneratedRegex(
        @"\b(open|create|raise|log|file|submit|make|start|new)\b.*\b(ticket|complaint|case|support request)\b" +
        @"|\breport (a|an|the) (problem|issue|fault|bug)\b|^(ticket|support ticket|new ticket)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex TicketRequest();

    [GeneratedRegex(@"\b(give|leave|send|share|have) (some |you )?(feedback|a review|a rating)\b|^feedback$" +
        @"|\brate (you|the bot|this chat|this conversation)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FeedbackRequest();

    [GeneratedRegex(@"\b(delete|erase|remove|wipe|forget)\b.{0,20}\bmy\b.{0,20}\b(data|information|info|records)\b" +
        @"|^(please )?forget (about )?me\b|\bright to (be forgotten|erasure)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteDataRequest();

    [GeneratedRegex(@"\b(interested in|interest in|want|wanna|would like|'d like|looking (for|at|into)|need|" +
        @"apply(ing)? for|get(ting)?|open(ing)?|take out|sign up for|thinking (of|about)|considering|compare|" +
        @"do you (have|offer|do|sell|provide)|can i (have|get|open|apply)|tell me (more )?about|" +
        @"info(rmation)? (on|about)|find out about)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadInterest();

    [GeneratedRegex(@"\bmy (\w+ )?(mortgage|loan|card|credit card|savings|account|isa)\b|\b(cancel|close|closing|" +
        @"block|lost|stolen|declined?|freeze|frozen|replace(ment)?|activate|pin|repay(ment)?s?|pay (it )?(off|back)|" +
        @"statement|arrears|fraud|charged|not working|missed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnProductMatter();

    [GeneratedRegex(@"(?<mortgage>\b(re-?)?mortgag(e|es|ing)\b|\b(home|house) ?loans?\b)" +
        @"|(?<business_account>\b(business|company) (bank )?(accounts?|banking)\b)" +
        @"|(?<credit_card>\bcredit ?cards?\b)" +
        @"|(?<savings>\bsavings?\b|\bsaver\b|\bisas?\b|\bsave (money|up)\b|\bfixed[- ]term deposits?\b)" +
        @"|(?<personal_loan>\b(personal |car |small )?loans?\b|\bborrow(ing)?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ProductWords();
}
