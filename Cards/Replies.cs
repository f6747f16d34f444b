using Newtonsoft.Json.Linq;

namespace BankingBot.Cards;

/// <summary>What a flow wants to show the customer. The renderer decides how each channel shows it.</summary>
public abstract record Reply;

/// <summary>A plain message.</summary>
public sealed record TextReply(string Text) : Reply;

/// <summary>
/// A question the customer answers. <paramref name="PromptId"/> ties a card's answer to the prompt that
/// asked it, so an answer from an old card can be recognised and refused.
/// </summary>
public sealed record QuestionReply(string Text, IReadOnlyList<ChoiceOption> Choices, string PromptId) : Reply
{
    /// <summary>The card template that shows the question; the plain question card when null.</summary>
    public string? Card { get; init; }

    /// <summary>Values the named template shows besides the question (a product name, a heading).</summary>
    public JObject? CardData { get; init; }

    /// <summary>A question answered by typing, with no choices.</summary>
    public static QuestionReply Open(string text, string promptId) => new(text, [], promptId);
}

/// <summary>
/// One option of a question: <paramref name="Value"/> is what the flow receives, <paramref name="Title"/> what
/// the customer sees, and <paramref name="Synonyms"/> other words that pick it when typed.
/// </summary>
public sealed record ChoiceOption(string Value, string Title, IReadOnlyList<string>? Synonyms = null);

/// <summary>A titled summary with labelled facts, such as a ticket confirmation.</summary>
public sealed record SummaryReply(string Title, IReadOnlyList<Fact> Facts, string? Footer = null) : Reply
{
    /// <summary>The card template that shows the summary; the plain summary card when null.</summary>
    public string? Card { get; init; }

    /// <summary>Values the named template shows besides the facts (a ticket number, a history).</summary>
    public JObject? CardData { get; init; }
}

/// <summary>One labelled value of a summary.</summary>
public sealed record Fact(string Label, string Value);

/// <summary>
/// Several questions that belong together. Channels with cards show them as one form, so the customer can
/// answer everything with one click; other channels ask the first field only, and the prompt asks the next
/// one after the answer. <paramref name="Question"/> is what is asked now, about the first field.
/// </summary>
public sealed record FormReply(string Question, IReadOnlyList<FormField> Fields, string PromptId, string Card)
    : Reply
{
    /// <summary>Values the template shows besides the fields (a heading).</summary>
    public JObject? CardData { get; init; }
}

/// <summary>How a form field is answered.</summary>
public enum FormFieldKind
{
    /// <summary>One of the field's choices.</summary>
    Choice,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>Yes or no.</summary>
    YesNo,
}

/// <summary>
/// One field of a form: <paramref name="Name"/> is the key its answer comes back under, <paramref name="Label"/>
/// the question shown beside it on a card.
/// </summary>
public sealed record FormField(string Name, string Label, FormFieldKind Kind)
{
    /// <summary>The options of a choice field.</summary>
    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];

    /// <summary>Most characters a text field takes.</summary>
    public int MaxLength { get; init; } = 2000;

    /// <summary>A hint shown inside an empty text field.</summary>
    public string? Placeholder { get; init; }
}

/// <summary>
/// A card named by its template, filled with <paramref name="Data"/>, with <paramref name="Text"/> for channels
/// without Adaptive Cards and optional buttons. Used for glossary entries, support answers, hand-over notices
/// and the staff cards.
/// </summary>
public sealed record CardReply(string Card, JObject Data, string Text) : Reply
{
    /// <summary>Buttons under the card (follow-up actions); a card with buttons needs a prompt id.</summary>
    public IReadOnlyList<ChoiceOption> Actions { get; init; } = [];

    /// <summary>The prompt that the buttons answer; empty for buttons that are always valid.</summary>
    public string PromptId { get; init; } = string.Empty;
}
