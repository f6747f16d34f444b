using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Engine;

/// <summary>Asks for a number, written or spoken ("12", "twelve", "250k").</summary>
public sealed class NumberPrompt(string id, PromptValidator<decimal>? validator = null)
    : Prompt<decimal>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<decimal>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel) =>
        Task.FromResult(Entities.Number(input.Answer) is { } number
            ? PromptRecognition<decimal>.Of(number)
            : PromptRecognition<decimal>.Failed);
}

/// <summary>Asks for an amount of money, with or without a currency.</summary>
public sealed class AmountPrompt(string id, PromptValidator<Money>? validator = null) : Prompt<Money>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<Money>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel) =>
        Task.FromResult(Entities.Amount(input.Answer) is { } money
            ? PromptRecognition<Money>.Of(money)
            : PromptRecognition<Money>.Failed);
}

/// <summary>Asks for a date or time, resolved against the customer's own local time.</summary>
public sealed class DateTimePrompt(string id, PromptValidator<SpokenTime>? validator = null)
    : Prompt<SpokenTime>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<SpokenTime>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel) =>
        Task.FromResult(Entities.Time(input.Answer, dc.Clock.Now) is { } time
            ? PromptRecognition<SpokenTime>.Of(time)
            : PromptRecognition<SpokenTime>.Failed);
}

/// <summary>Asks for an e-mail address.</summary>
public sealed class EmailPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<string>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel) =>
        Task.FromResult(Entities.Email(input.Answer) is { } email
            ? PromptRecognition<string>.Of(email)
            : PromptRecognition<string>.Failed);
}

/// <summary>Asks for a phone number.</summary>
public sealed class PhonePrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    /// <inheritdoc />
    protected override Task<PromptRecognition<string>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel) =>
        Task.FromResult(Entities.Phone(input.Answer) is { } phone
            ? PromptRecognition<string>.Of(phone)
            : PromptRecognition<string>.Failed);
}
