namespace BankingBot.Dialogs.Engine;

/// <summary>Asks for free text, such as a description in the customer's own words.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null, int maxLength = 2000)
    : Prompt<string>(id, validator)
{
    /// <inheritdoc />
    public override bool TakesFreeText => true;

    /// <inheritdoc />
    protected override Task<PromptRecognition<string>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        var text = input.Answer?.Trim();
        var fits = !string.IsNullOrEmpty(text) && text.Length <= maxLength;
        return Task.FromResult(fits ? PromptRecognition<string>.Of(text!) : PromptRecognition<string>.Failed);
    }
}
