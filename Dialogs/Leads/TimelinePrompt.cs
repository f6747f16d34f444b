using System.Text.RegularExpressions;
using BankingBot.Cards;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Leads;

/// <summary>
/// Asks when the customer wants to go ahead and keeps both their words and the date they mean: a button, a
/// date or period the recognizers read ("in three months", "15 March", "next year"), a season ("next spring"),
/// or a plain "as soon as possible" or "not sure yet" (kept with no date). A time in the past does not fit.
/// </summary>
public sealed partial class TimelinePrompt(string id) : Prompt<LeadTimeline>(id)
{
    private const string Asap = "asap";
    private const string InThreeMonths = "3months";
    private const string InAYear = "12months";
    private const string Unsure = "unsure";
    private const int MaxYearsAhead = 10;

    /// <summary>The buttons offered with the question.</summary>
    public static readonly IReadOnlyList<ChoiceOption> Choices =
    [
        new(Asap, "As soon as I can", ["asap", "as soon as possible", "now", "right away", "straight away"]),
        new(InThreeMonths, "In the next 3 months", ["within 3 months", "next few months", "in a few months"]),
        new(InAYear, "Within a year", ["this year", "in a year", "within 12 months"]),
        new(Unsure, "Not sure yet", ["not sure", "don't know", "no idea", "just looking", "just browsing"]),
    ];

    private static readonly (string Name, int Month)[] Seasons =
        [("spring", 3), ("summer", 6), ("autumn", 9), ("fall", 9), ("winter", 12)];

    /// <inheritdoc />
    protected override Task<PromptRecognition<LeadTimeline>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(input);
        var said = input.Answer?.Trim();
        if (string.IsNullOrEmpty(said) || said.Length > 200)
        {
            return Task.FromResult(PromptRecognition<LeadTimeline>.Failed);
        }

        var now = dc.Clock.Now;
        var today = DateOnly.FromDateTime(now.DateTime);
        var timeline = Read(said, today, now);
        var fits = timeline is not null && (timeline.Date is not { } date
            || (date >= today.AddDays(-1) && date <= today.AddYears(MaxYearsAhead)));
        return Task.FromResult(fits
            ? PromptRecognition<LeadTimeline>.Of(timeline!)
            : PromptRecognition<LeadTimeline>.Failed);
    }

    /// <summary>Reads a timeline from the customer's words, or null when they name no time.</summary>
    public static LeadTimeline? Read(string said, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(said);
        if (ChoiceRecognizer.Recognize(said, Choices) is { } choice)
        {
            var text = said.Length <= 3 || said == choice.Value ? choice.Title : said;
            return choice.Value switch
            {
                Asap => new LeadTimeline(text, today),
                InThreeMonths => new LeadTimeline(text, today.AddMonths(3)),
                InAYear => new LeadTimeline(text, today.AddYears(1)),
                _ => new LeadTimeline(text, null),
            };
        }

        if (Season(said, today) is { } season)
        {
            return new LeadTimeline(said, season);
        }

        return Entities.Time(said, now) is { } time
            ? new LeadTimeline(said, DateOnly.FromDateTime(time.Start.DateTime))
            : null;
    }

    // Seasons as the northern hemisphere counts them by month (spring from 1 March); a bank serving the
    // southern hemisphere would need the other table. "this winter" in winter is today, "next" is the next one.
    private static DateOnly? Season(string said, DateOnly today)
    {
        var match = SeasonWords().Match(said);
        if (!match.Success)
        {
            return null;
        }

        var month = Seasons.First(s => s.Name == match.Groups["season"].Value.ToLowerInvariant()).Month;
        var isNext = match.Groups["which"].Value.Equals("next", StringComparison.OrdinalIgnoreCase);
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            var start = new DateOnly(year, month, 1);
            if (start > today || (!isNext && today < start.AddMonths(3)))
            {
                return start > today ? start : today;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:(?:in|by|around)\s+)?(?:(?<which>this|next|the)\s+)?" +
        @"(?<season>spring|summer|autumn|fall|winter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeasonWords();
}
