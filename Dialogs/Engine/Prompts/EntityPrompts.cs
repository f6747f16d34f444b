using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Engine;

/// <summary>A prompt whose answer is one entity read from the customer's words.</summary>
public abstract class EntityPrompt<T>(string id, Func<string?, DialogContext, T?> read, PromptValidator<T>? validator)
    : Prompt<T>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<T>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = read(input.Answer, dc);
        return Task.FromResult(value is null ? PromptRecognition<T>.Failed : PromptRecognition<T>.Of(value));
    }
}

/// <summary>Asks for a number, written or spoken ("12", "twelve", "250k").</summary>
public sealed class NumberPrompt(string id, PromptValidator<decimal>? validator = null)
    : Prompt<decimal>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<decimal>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel) =>
        Task.FromResult(Entities.Number(input?.Answer) is { } number
            ? PromptRecognition<decimal>.Of(number)
            : PromptRecognition<decimal>.Failed);
}

/// <summary>Asks for an amount of money, with or without a currency.</summary>
public sealed class AmountPrompt(string id, PromptValidator<Money>? validator = null)
    : EntityPrompt<Money>(id, (text, _) => Entities.Amount(text), validator);

/// <summary>Asks for a date or time, resolved against the customer's own local time.</summary>
public sealed class DateTimePrompt(string id, PromptValidator<SpokenTime>? validator = null)
    : EntityPrompt<SpokenTime>(id, (text, dc) => Entities.Time(text, dc.Clock.Now), validator);

/// <summary>Asks for an e-mail address.</summary>
public sealed class EmailPrompt(string id, PromptValidator<string>? validator = null)
    : EntityPrompt<string>(id, (text, _) => Entities.Email(text), validator);

/// <summary>Asks for a phone number.</summary>
public sealed class PhonePrompt(string id, PromptValidator<string>? validator = null)
    : EntityPrompt<string>(id, (text, _) => Entities.Phone(text), validator);
