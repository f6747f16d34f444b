using System.Globalization;

namespace BankingBot.Dialogs.Banking;

/// <summary>
/// Counts time the way a service-level promise does: only the bank's working hours count, so four working
/// hours from Friday 16:00 end on Monday at 12:30 (with 09:00-17:30 hours), and holidays are skipped.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly TimeZoneInfo zone;
    private readonly TimeSpan opens;
    private readonly TimeSpan closes;
    private readonly HashSet<DayOfWeek> days;
    private readonly HashSet<DateOnly> holidays;

    /// <summary>The calendar of the bank's profile.</summary>
    public BusinessCalendar(BankProfile bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        zone = bank.Zone;
        opens = TimeSpan.ParseExact(bank.BusinessHours.Opens, @"hh\:mm", CultureInfo.InvariantCulture);
        closes = TimeSpan.ParseExact(bank.BusinessHours.Closes, @"hh\:mm", CultureInfo.InvariantCulture);
        if (closes <= opens)
        {
            throw new ArgumentException("Business hours must close after they open.", nameof(bank));
        }

        days = [.. bank.BusinessHours.Days];
        holidays = [.. bank.Holidays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];
        if (days.Count == 0)
        {
            throw new ArgumentException("The bank needs at least one working day.", nameof(bank));
        }
    }

    /// <summary>The bank's time zone.</summary>
    public TimeZoneInfo Zone => zone;

    /// <summary>True when staff are at work at this instant.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime))
            && local.TimeOfDay >= opens && local.TimeOfDay < closes;
    }

    /// <summary>The next instant staff are at work, or the instant itself when they are.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant) => Add(instant, TimeSpan.Zero);

    /// <summary>
    /// The instant after <paramref name="workingTime"/> of working hours from <paramref name="start"/>.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var left = workingTime;
        for (var guard = 0; guard < 3660; guard++)
        {
            var day = DateOnly.FromDateTime(local);
            var dayStart = local.Date + opens;
            var dayEnd = local.Date + closes;
            if (IsWorkingDay(day) && local < dayEnd)
            {
                var from = local < dayStart ? dayStart : local;
                var available = dayEnd - from;
                if (left < available || (left == available && left == TimeSpan.Zero))
                {
                    return ToInstant(from + left);
                }

                if (left == available)
                {
                    return ToInstant(dayEnd);
                }

                left -= available;
            }

            local = local.Date.AddDays(1);
        }

        throw new InvalidOperationException("No working time found within ten years; check the business hours.");
    }

    private bool IsWorkingDay(DateOnly day) => days.Contains(day.DayOfWeek) && !holidays.Contains(day);

    private DateTimeOffset ToInstant(DateTime local)
    {
        // A wall-clock time skipped by a daylight-saving change moves forward by the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
