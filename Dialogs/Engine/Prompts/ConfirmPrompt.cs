using BankingBot.Cards;

namespace BankingBot.Dialogs.Engine;

/// <summary>Asks a yes/no question and understands the many ways people say yes and no.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    private static readonly HashSet<string> Yes =
    [
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "correct", "right", "true",
        "absolutely", "of course", "definitely", "please", "yes please", "please do", "go ahead", "do it",
        "sounds good", "that's right", "that is right", "affirmative", "certainly", "indeed", "i do", "i agree",
        "agree", "fine", "alright", "all right", "yes i do", "yes thanks", "yes thank you", "👍", "✅", "👌",
    ];

    private static readonly HashSet<string> No =
    [
        "no", "n", "nope", "nah", "no thanks", "no thank you", "not now", "not really", "never", "don't",
        "do not", "negative", "no way", "i don't", "i do not", "not at all", "false", "wrong", "incorrect",
        "no i don't", "not yet", "maybe later", "later", "👎", "❌",
    ];

    private static readonly ChoiceOption[] YesNo = [new("yes", "Yes"), new("no", "No")];

    /// <summary>Reads yes (true), no (false) or neither (null) from an answer.</summary>
    public static bool? Read(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var said = ChoiceRecognizer.Normalize(answer);
        var raw = answer.Trim();
        if (Yes.Contains(said) || Yes.Contains(raw))
        {
            return true;
        }

        if (No.Contains(said) || No.Contains(raw))
        {
            return false;
        }

        // "yes, please go ahead" or "no, not today": the first word decides when it is a plain yes or no.
        var first = said.Split(' ')[0];
        return first is "yes" or "yeah" or "yep" or "sure" ? true : first is "no" or "nope" or "nah" ? false : null;
    }

    /// <inheritdoc />
    protected override IReadOnlyList<ChoiceOption> ChoicesFor(PromptOptions options) =>
        options.Choices.Count > 0 ? options.Choices : YesNo;

    /// <inheritdoc />
    protected override Task<PromptRecognition<bool>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        var answer = Read(input.Answer);
        return Task.FromResult(answer is { } yes ? PromptRecognition<bool>.Of(yes) : PromptRecognition<bool>.Failed);
    }
}
