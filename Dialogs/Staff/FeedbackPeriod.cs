using System.Globalization;
using System.Text.RegularExpressions;

namespace BankingBot.Dialogs.Staff;

/// <summary>
/// A period staff ask feedback for, in the bank's own days: "today", "yesterday", "this week" (from Monday),
/// "last week", "this month", "last month", "last 30 days", "last 2 weeks". Anything else means the last 7 days.
/// </summary>
public sealed partial record FeedbackPeriod(DateTimeOffset From, DateTimeOffset To, string Name)
{
    // A rolling period ends just after now, so that feedback given this very second counts.
    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(1);

    /// <summary>The period the words name, ending now at the latest.</summary>
    public static FeedbackPeriod Parse(string? words, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var text = Regex.Replace((words ?? string.Empty).ToLowerInvariant(), @"\s+", " ").Trim();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        switch (text)
        {
            case "today":
                return Between(today, today.AddDays(1), "today", zone);
            case "yesterday":
                return Between(today.AddDays(-1), today, "yesterday", zone);
            case "this week":
                return Between(monday, today.AddDays(1), "this week", zone);
            case "last week":
                return Between(monday.AddDays(-7), monday, "last week", zone);
            case "this month":
                return Between(firstOfMonth, today.AddDays(1), "this month", zone);
            case "last month":
                return Between(firstOfMonth.AddMonths(-1), firstOfMonth, "last month", zone);
        }

        if (LastDays().Match(text) is { Success: true } last)
        {
            var count = Math.Clamp(int.Parse(last.Groups["count"].Value, CultureInfo.InvariantCulture), 1, 366);
            var days = last.Groups["unit"].Value.StartsWith('w') ? count * 7 : count;
            return new FeedbackPeriod(now - TimeSpan.FromDays(days), now + Moment,
                $"the last {count} {last.Groups["unit"].Value.TrimEnd('s')}{(count == 1 ? "" : "s")}");
        }

        return new FeedbackPeriod(now - TimeSpan.FromDays(7), now + Moment, "the last 7 days");
    }

    private static FeedbackPeriod Between(DateOnly first, DateOnly end, string name, TimeZoneInfo zone) =>
        new(Start(first, zone), Start(end, zone), name);

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [GeneratedRegex(@"^(?:the )?(?:last|past) (?<count>\d{1,3}) (?<unit>days?|weeks?)$")]
    private static partial Regex LastDays();
}
