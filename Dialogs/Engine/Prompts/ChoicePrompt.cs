using BankingBot.Cards;

namespace BankingBot.Dialogs.Engine;

/// <summary>Asks the customer to pick one of several options; the result is the option's value.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<string>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        var choice = ChoiceRecognizer.Recognize(input.Answer, options.Choices);
        return Task.FromResult(choice is null
            ? PromptRecognition<string>.Failed
            : PromptRecognition<string>.Of(choice.Value));
    }
}
