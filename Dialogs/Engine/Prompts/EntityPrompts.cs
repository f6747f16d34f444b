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

/// <summary>
/// Asks for a date or time, resolved against the customer's own local time. A time alone after a day alone
/// ("Friday", then, asked for the time, "at 3") is that time on that day.
/// </summary>
public sealed class DateTimePrompt(string id, PromptValidator<SpokenTime>? validator = null)
    : Prompt<SpokenTime>(id, validator)
{
    // The day of an earlier answer that gave no time, as yyyy-MM-dd.
    private const string DayKey = "day";

    /// <inheritdoc />
    protected override Task<PromptRecognition<SpokenTime>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(input);
        var now = dc.Clock.Now;
        var instance = dc.ActiveDialog!;
        var said = Entities.Time(input.Answer, now);
        if (said is { Timex: ['T', ..] } && DateOnly.TryParseExact(instance.Get<string>(DayKey), "yyyy-MM-dd",
                out var day) && day > DateOnly.FromDateTime(now.DateTime))
        {
            // Read again as if said at the start of that day.
            said = Entities.Time(input.Answer, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), now.Offset))
                ?? said;
        }

        if (said is { IsDayOnly: true })
        {
            instance.Set(DayKey, DateOnly.FromDateTime(said.Start.DateTime).ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture));
        }

        return Task.FromResult(said is null
            ? PromptRecognition<SpokenTime>.Failed
            : PromptRecognition<SpokenTime>.Of(said));
    }
}

/// <summary>Asks for an e-mail address.</summary>
public sealed class EmailPrompt(string id, PromptValidator<string>? validator = null)
    : EntityPrompt<string>(id, (text, _) => Entities.Email(text), validator);

/// <summary>Asks for a phone number.</summary>
public sealed class PhonePrompt(string id, PromptValidator<string>? validator = null)
    : EntityPrompt<string>(id, (text, _) => Entities.Phone(text), validator);
