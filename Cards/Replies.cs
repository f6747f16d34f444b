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
    /// <summary>A question answered by typing, with no choices.</summary>
    public static QuestionReply Open(string text, string promptId) => new(text, [], promptId);
}

/// <summary>
/// One option of a question: <paramref name="Value"/> is what the flow receives, <paramref name="Title"/> what
/// the customer sees, and <paramref name="Synonyms"/> other words that pick it when typed.
/// </summary>
public sealed record ChoiceOption(string Value, string Title, IReadOnlyList<string>? Synonyms = null);

/// <summary>A titled summary with labelled facts, such as a ticket confirmation.</summary>
public sealed record SummaryReply(string Title, IReadOnlyList<Fact> Facts, string? Footer = null) : Reply;

/// <summary>One labelled value of a summary.</summary>
public sealed record Fact(string Label, string Value);
