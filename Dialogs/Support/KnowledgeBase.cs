using System.Text.Json;
using System.Text.RegularExpressions;
using BankingBot.Dialogs.Banking;

namespace BankingBot.Dialogs.Support;

/// <summary>
/// What the bot suggests after an answer: open a ticket, hand over to a person, or tell the customer about a
/// product (a sales lead).
/// </summary>
/// <param name="Kind">
/// One of <see cref="NextStep.Ticket"/>, <see cref="NextStep.Handover"/>, <see cref="NextStep.Sales"/>.
/// </param>
/// <param name="Offer">The yes/no question that offers the step.</param>
/// <param name="Category">For a ticket: its category, one of the ticket desk's.</param>
/// <param name="Urgency">For a ticket: its urgency.</param>
/// <param name="Product">For a sales lead: the product the customer may want.</param>
public sealed record NextStep(string Kind, string Offer, string? Category = null, string? Urgency = null,
    string? Product = null)
{
    /// <summary>Open a support ticket with the category and urgency preset.</summary>
    public const string Ticket = "ticket";

    /// <summary>Hand the customer over to a person.</summary>
    public const string Handover = "handover";

    /// <summary>Pass the customer to the lead flow for a product.</summary>
    public const string Sales = "sales";
}

/// <summary>One support topic: the intent it answers, a short title for buttons, and the answer itself.</summary>
/// <param name="Intent">The intent name the recognizer gives, for example <c>lost_or_stolen_card</c>.</param>
/// <param name="Title">A short title (at most 20 characters) for "did you mean" choices.</param>
/// <param name="Question">A typical way a customer asks.</param>
/// <param name="Answer">The answer, with the bank's details filled in.</param>
/// <param name="Terms">Banking terms the answer uses, which the glossary can explain.</param>
/// <param name="NextStep">What to offer after the answer, or null.</param>
public sealed record SupportTopic(string Intent, string Title, string Question, string Answer,
    IReadOnlyList<string> Terms, NextStep? NextStep);

/// <summary>
/// The support answers the bot gives, one per customer-support intent, from the data file
/// Knowledge/support-topics.json. Loaded and checked once when the bot starts: a file a bank edited by hand
/// should stop the bot at start-up, not confuse a customer later.
/// </summary>
public sealed partial class KnowledgeBase
{
    /// <summary>How many topics the file must hold: one per intent the recognizer knows.</summary>
    public const int ExpectedTopicCount = 77;

    /// <summary>The longest title a choice button shows in full on every channel.</summary>
    public const int MaxTitleLength = 20;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, SupportTopic> byIntent;

    private KnowledgeBase(IReadOnlyList<SupportTopic> topics)
    {
        Topics = topics;
        byIntent = topics.ToDictionary(t => t.Intent, StringComparer.Ordinal);
    }

    /// <summary>All topics, in the order of the file.</summary>
    public IReadOnlyList<SupportTopic> Topics { get; }

    /// <summary>The topic for an intent, or null when there is none.</summary>
    public SupportTopic? Find(string? intent) =>
        intent is not null && byIntent.TryGetValue(intent, out var topic) ? topic : null;

    /// <summary>
    /// Reads the file, fills in the bank's details and checks every topic. Throws
    /// <see cref="InvalidDataException"/> listing every problem found, not just the first.
    /// </summary>
    /// <param name="path">The support-topics.json file.</param>
    /// <param name="bank">The bank whose name, app and contact details replace the placeholders.</param>
    /// <param name="ticketCategories">The ticket desk's categories, which a ticket step must use.</param>
    public static KnowledgeBase Load(string path, BankProfile bank, IReadOnlyCollection<string> ticketCategories)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(ticketCategories);
        var file = JsonSerializer.Deserialize<TopicFile>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        var problems = new List<string>();
        var topics = new List<SupportTopic>();
        foreach (var (raw, index) in (file.Topics ?? []).Select((t, i) => (t, i)))
        {
            var topic = Fill(raw, bank);
            problems.AddRange(Check(topic, ticketCategories).Select(p => $"topic {index} ({topic.Intent}): {p}"));
            topics.Add(topic);
        }

        if (topics.Count != ExpectedTopicCount)
        {
            problems.Add($"expected {ExpectedTopicCount} topics, found {topics.Count}");
        }

        problems.AddRange(topics.GroupBy(t => t.Intent).Where(g => g.Count() > 1)
            .Select(g => $"intent '{g.Key}' appears {g.Count()} times"));
        return problems.Count == 0
            ? new KnowledgeBase(topics)
            : throw new InvalidDataException($"{path}: " + string.Join("; ", problems));
    }

    /// <summary>The terms used in answers that the glossary cannot explain; the bot skips them.</summary>
    public IReadOnlyList<string> TermsMissingFrom(Glossary glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        return Topics.SelectMany(t => t.Terms).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(term => glossary.Lookup(term) is null).ToList();
    }

    private static SupportTopic Fill(TopicRecord raw, BankProfile bank)
    {
        var next = raw.NextStep is { } step
            ? new NextStep(step.Kind ?? string.Empty, bank.Fill(step.Offer ?? string.Empty), step.Category,
                step.Urgency, step.Product)
            : null;
        return new SupportTopic(raw.Intent ?? string.Empty, raw.Title ?? string.Empty,
            bank.Fill(raw.Question ?? string.Empty), bank.Fill(raw.Answer ?? string.Empty), raw.Terms ?? [], next);
    }

    private static IEnumerable<string> Check(SupportTopic topic, IReadOnlyCollection<string> categories)
    {
        if (string.IsNullOrWhiteSpace(topic.Intent))
        {
            yield return "no intent";
        }

        if (string.IsNullOrWhiteSpace(topic.Title) || topic.Title.Length > MaxTitleLength)
        {
            yield return $"title must have 1 to {MaxTitleLength} characters";
        }

        if (string.IsNullOrWhiteSpace(topic.Answer))
        {
            yield return "no answer";
        }

        if (Placeholder().Match(topic.Answer + topic.Question + topic.NextStep?.Offer) is { Success: true } left)
        {
            yield return $"unknown placeholder {left.Value}";
        }

        if (topic.NextStep is { } step)
        {
            foreach (var problem in CheckNextStep(step, categories))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> CheckNextStep(NextStep step, IReadOnlyCollection<string> categories)
    {
        if (string.IsNullOrWhiteSpace(step.Offer))
        {
            yield return "next step has no offer";
        }

        switch (step.Kind)
        {
            case NextStep.Ticket when step.Category is null || !categories.Contains(step.Category):
                yield return $"ticket category '{step.Category}' is not one of the ticket desk's";
                break;
            case NextStep.Ticket when step.Urgency is null || !ServiceLevels.Urgencies.Contains(step.Urgency):
                yield return $"ticket urgency '{step.Urgency}' is unknown";
                break;
            case NextStep.Sales when string.IsNullOrWhiteSpace(step.Product):
                yield return "sales step names no product";
                break;
            case NextStep.Ticket or NextStep.Sales or NextStep.Handover:
                break;
            default:
                yield return $"next step kind '{step.Kind}' is not ticket, sales or handover";
                break;
        }
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();

    private sealed record TopicFile(List<TopicRecord>? Topics);

    private sealed record TopicRecord(string? Intent, string? Title, string? Question, string? Answer,
        List<string>? Terms, StepRecord? NextStep);

    private sealed record StepRecord(string? Kind, string? Offer, string? Category, string? Urgency, string? Product);
}
