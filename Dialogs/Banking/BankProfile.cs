namespace BankingBot.Dialogs.Banking;

/// <summary>
/// Who the bank is and when its people work: the configuration section "Bank". The knowledge base refers to
/// these values by placeholder, so the same answers serve any bank.
/// </summary>
public sealed class BankProfile
{
    /// <summary>The bank's name as customers know it.</summary>
    public string Name { get; set; } = "Northwind Bank";

    /// <summary>The name of the bank's mobile app.</summary>
    public string AppName { get; set; } = "Northwind app";

    /// <summary>The support phone number.</summary>
    public string SupportPhone { get; set; } = "+44 20 7946 0000";

    /// <summary>The support e-mail address.</summary>
    public string SupportEmail { get; set; } = "help@northwind.example";

    /// <summary>The bank's website.</summary>
    public string Website { get; set; } = "https://northwind.example";

    /// <summary>The bank's time zone (IANA id), for business hours and customers whose channel sends none.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>When staff work, in the bank's time zone.</summary>
    public BusinessHours BusinessHours { get; set; } = new();

    /// <summary>Days the bank is closed besides weekends, as yyyy-MM-dd.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>The time zone as an object.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Replaces {BankName}, {AppName}, {SupportPhone}, {SupportEmail} and {Website} in a text.</summary>
    public string Fill(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("{BankName}", Name, StringComparison.Ordinal)
            .Replace("{AppName}", AppName, StringComparison.Ordinal)
            .Replace("{SupportPhone}", SupportPhone, StringComparison.Ordinal)
            .Replace("{SupportEmail}", SupportEmail, StringComparison.Ordinal)
            .Replace("{Website}", Website, StringComparison.Ordinal);
    }
}

/// <summary>Opening hours on working days.</summary>
public sealed class BusinessHours
{
    /// <summary>Opening time, HH:mm.</summary>
    public string Opens { get; set; } = "09:00";

    /// <summary>Closing time, HH:mm.</summary>
    public string Closes { get; set; } = "17:30";

    /// <summary>Working days.</summary>
    public List<DayOfWeek> Days { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
