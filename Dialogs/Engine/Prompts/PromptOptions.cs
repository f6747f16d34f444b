using BankingBot.Cards;

namespace BankingBot.Dialogs.Engine;

/// <summary>What a prompt asks, how it asks again, and the choices it offers. Stored with the prompt.</summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>Said after an answer that does not fit; the question is repeated when null.</summary>
    public string? RetryPrompt { get; set; }

    /// <summary>The options of a choice prompt.</summary>
    public List<ChoiceOption> Choices { get; set; } = [];

    /// <summary>
    /// Wrong answers allowed before the customer is offered a person; the engine's default when null.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// The card template that shows the question on channels with cards (a rating, a lead question); the plain
    /// question card when null. Other channels show the question as they always do.
    /// </summary>
    public string? Card { get; set; }

    /// <summary>These options, with the question shown on the named card template on channels with cards.</summary>
    public PromptOptions ShownAs(string card)
    {
        Card = card;
        return this;
    }

    /// <summary>A prompt asking the question with no retry text.</summary>
    public static PromptOptions Ask(string prompt, string? retry = null) =>
        new() { Prompt = prompt, RetryPrompt = retry };

    /// <summary>A prompt with choices.</summary>
    public static PromptOptions Choose(string prompt, IEnumerable<ChoiceOption> choices, string? retry = null) =>
        new() { Prompt = prompt, RetryPrompt = retry, Choices = choices.ToList() };
}
