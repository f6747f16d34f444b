using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;
using Microsoft.Recognizers.Text.Sequence;

namespace BankingBot.Dialogs.Understanding;

/// <summary>An amount of money; <paramref name="Currency"/> is an ISO code, or null when none was said.</summary>
public sealed record Money(decimal Amount, string? Currency)
{
    /// <inheritdoc />
    public override string ToString() =>
        Currency is null ? Amount.ToString("#,0.##", CultureInfo.InvariantCulture)
            : $"{Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {Currency}";
}

/// <summary>A date or time the customer said, resolved in their time zone.</summary>
public sealed record SpokenTime(string Timex, DateTimeOffset Start, DateTimeOffset? End, string Text)
{
    /// <summary>"now", "right away", "as soon as possible".</summary>
    public bool IsNow => Timex is "PRESENT_REF" or "FUTURE_REF";

    /// <summary>A day without a time of day ("Friday", "the 14th").</summary>
    public bool IsDayOnly => !IsNow && !Timex.Contains('T', StringComparison.Ordinal);
}

/// <summary>
/// Numbers, amounts, dates, e-mail addresses and phone numbers in the customer's words, read with the
/// Microsoft Recognizers (English models, the bot's language).
/// </summary>
public static class Entities
{
    private const string Culture = Microsoft.Recognizers.Text.Culture.English;
    private const int MaxInputLength = 500;

    // The recognizers' static helpers build a recognizer and all its expressions on every call; the models are
    // built once here and shared, as they keep no state between calls.
    private static readonly IModel NumberModel = new NumberRecognizer(Culture).GetNumberModel();
    private static readonly IModel CurrencyModel = new NumberWithUnitRecognizer(Culture).GetCurrencyModel();
    private static readonly IModel EmailModel = new SequenceRecognizer(Culture).GetEmailModel();
    private static readonly IModel PhoneModel = new SequenceRecognizer(Culture).GetPhoneNumberModel();

    // The date extractors' caches keep what they found for one reading only (DateReadingCache); should they be
    // out of reach, NoProtoCache turns them off.
    private static readonly DateTimeModel DateTimes = new DateTimeRecognizer(Culture,
        DateReadingCache.Install() ? DateTimeOptions.None : DateTimeOptions.NoProtoCache).GetDateTimeModel();

    /// <summary>The first number in the text: "12", "fifty thousand", "250k", "1.5 million".</summary>
    public static decimal? Number(string? text)
    {
        if (Clip(text) is not { } input)
        {
            return null;
        }

        var value = NumberModel.Parse(input).Select(r => r.Resolution?.GetValueOrDefault("value") as string)
            .FirstOrDefault(v => v is not null);
        return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : ThousandsShorthand(input);
    }

    /// <summary>
    /// An amount with or without a currency: "€250k", "two hundred and fifty thousand euros", "3000".
    /// </summary>
    public static Money? Amount(string? text)
    {
        if (Clip(text) is not { } input)
        {
            return null;
        }

        foreach (var result in CurrencyModel.Parse(input))
        {
            var resolution = result.Resolution;
            if (decimal.TryParse(resolution?.GetValueOrDefault("value") as string, NumberStyles.Float,
                    CultureInfo.InvariantCulture, out var amount))
            {
                var iso = resolution!.GetValueOrDefault("isoCurrency") as string;
                if (string.IsNullOrEmpty(iso))
                {
                    // A bare "$" or "dollars" names no country; the US dollar is what customers mean most often.
                    iso = resolution.GetValueOrDefault("unit") as string == "Dollar" ? "USD" : null;
                }

                return new Money(ScaleShorthand(input, result.Text, amount), iso);
            }
        }

        return Number(input) is { } plain ? new Money(plain, null) : null;
    }

    /// <summary>The first date or time in the text, resolved against the customer's local "now".</summary>
    public static SpokenTime? Time(string? text, DateTimeOffset customerNow)
    {
        if (Clip(text) is not { } input)
        {
            return null;
        }

        List<ModelResult> results;
        using (DateReadingCache.Read())
        {
            results = DateTimes.Parse(input, customerNow.DateTime);
        }

        foreach (var result in results)
        {
            if (result.Resolution?.GetValueOrDefault("values") is not List<Dictionary<string, string>> values)
            {
                continue;
            }

            // Ambiguous expressions resolve several ways ("Friday": last week's and the coming one; "Monday at 4":
            // 04:00 and 16:00): a customer means one still ahead, a time of day when people are up if there is
            // one ("at 4" is 16:00, "at 10" is 10:00, "at 12" noon), and of those the first.
            var chosen = values.Where(v => StillAhead(v, customerNow))
                .OrderBy(v => AtNight(v, customerNow))
                .ThenBy(v => Start(v, customerNow))
                .FirstOrDefault() ?? values.LastOrDefault();
            if (chosen is not null && Start(chosen, customerNow) is { } start)
            {
                return new SpokenTime(chosen.GetValueOrDefault("timex") ?? string.Empty, start,
                    Parse(chosen.GetValueOrDefault("end"), customerNow), result.Text);
            }
        }

        return null;
    }

    /// <summary>The first e-mail address in the text.</summary>
    public static string? Email(string? text) => Clip(text) is { } input
        ? EmailModel.Parse(input).FirstOrDefault()?.Resolution?.GetValueOrDefault("value") as string
        : null;

    /// <summary>The first phone number in the text, as written.</summary>
    public static string? Phone(string? text) => Clip(text) is { } input
        ? PhoneModel.Parse(input).FirstOrDefault()?.Resolution?.GetValueOrDefault("value") as string
        : null;

    // A time of day outside 07:00-21:59 (of a bare hour's two readings, the one at night); a day without a time is not.
    private static bool AtNight(Dictionary<string, string> value, DateTimeOffset now) =>
        HasTime(value) && Start(value, now) is { Hour: < 7 or >= 22 };

    private static bool HasTime(Dictionary<string, string> value) =>
        value.GetValueOrDefault("timex")?.Contains('T', StringComparison.Ordinal) == true;

    // A time or period is ahead until it ends; a day without a time, while it lasts.
    private static bool StillAhead(Dictionary<string, string> value, DateTimeOffset now)
    {
        if (Parse(value.GetValueOrDefault("end"), now) is { } end)
        {
            return end > now;
        }

        return Start(value, now) is { } start
            && start >= (HasTime(value) ? now : new DateTimeOffset(now.Date, now.Offset));
    }

    private static DateTimeOffset? Start(Dictionary<string, string> value, DateTimeOffset now) =>
        Parse(value.GetValueOrDefault("value") ?? value.GetValueOrDefault("start"), now);

    private static DateTimeOffset? Parse(string? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        var formats = new[] { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd" };
        if (DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, now.Offset);
        }

        // A time alone ("4pm") is the next such time on the customer's own calendar.
        if (!TimeSpan.TryParseExact(value, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var time))
        {
            return null;
        }

        var today = new DateTimeOffset(now.Date + time, now.Offset);
        return today >= now ? today : today.AddDays(1);
    }

    private static string? Clip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= MaxInputLength ? trimmed : trimmed[..MaxInputLength];
    }

    // The recognizers read "250k" as 250; customers and sales people mean thousands.
    private static decimal? ThousandsShorthand(string input)
    {
        var match = System.Text.RegularExpressions.Regex.Match(input, @"(\d+(?:[.,]\d+)?)\s*([km])\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value.Replace(',', '.'), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return number * (char.ToLowerInvariant(match.Groups[2].Value[0]) == 'k' ? 1_000 : 1_000_000);
    }

    private static decimal ScaleShorthand(string input, string matched, decimal amount)
    {
        var after = input.IndexOf(matched, StringComparison.OrdinalIgnoreCase) + matched.Length;
        var rest = after <= input.Length ? input[after..].TrimStart() : string.Empty;
        var digitsOnly = !matched.Any(char.IsLetter) || matched.Any(char.IsDigit);
        if (rest.Length > 0 && digitsOnly && (rest[0] is 'k' or 'K') && (rest.Length == 1 || !char.IsLetter(rest[1])))
        {
            return amount * 1_000;
        }

        return amount;
    }
}
