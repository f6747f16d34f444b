using Microsoft.Bot.Schema;

namespace BankingBot.Dialogs.Engine;

/// <summary>
/// The customer's local time. Web Chat and the Emulator send <c>localTimezone</c> (an IANA name) and
/// <c>localTimestamp</c>; other channels send at most the offset, and some nothing, in which case the
/// bank's own time zone is the best guess.
/// </summary>
public sealed class CustomerClock(TimeZoneInfo zone, TimeProvider time, bool isCustomerZone)
{
    /// <summary>The time zone used for the customer.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>True when the zone came from the customer's channel, false when it is the bank's.</summary>
    public bool IsCustomerZone { get; } = isCustomerZone;

    /// <summary>The current time in the customer's zone.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    /// <summary>Shows an instant as the customer's local time.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The clock for the customer who sent this activity.</summary>
    public static CustomerClock For(IActivity? activity, TimeZoneInfo bankZone, TimeProvider time)
    {
        var named = (activity as Activity)?.LocalTimezone;
        if (!string.IsNullOrWhiteSpace(named) && TimeZoneInfo.TryFindSystemTimeZoneById(named, out var zone))
        {
            return new CustomerClock(zone, time, true);
        }

        if (activity?.LocalTimestamp is { } stamp)
        {
            var sign = stamp.Offset < TimeSpan.Zero ? "-" : "+";
            var name = $"UTC{sign}{stamp.Offset:hh\\:mm}";
            return new CustomerClock(TimeZoneInfo.CreateCustomTimeZone(name, stamp.Offset, name, name), time, true);
        }

        return new CustomerClock(bankZone, time, false);
    }
}
