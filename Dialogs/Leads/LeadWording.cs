using System.Globalization;
using System.Text;
using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Flows;

namespace BankingBot.Dialogs.Leads;

/// <summary>The lead flow's longer texts: the summary for sales and the customer's confirmation.</summary>
public static class LeadWording
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Please give a figure between 1 and 10." for a number outside a question's limits.</summary>
    public static string Range(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } low, { } high) => $"Please give a figure between {Figure(low)} and {Figure(high)}.",
        ({ } low, null) => $"Please give a figure of at least {Figure(low)}.",
        (null, { } high) => $"Please give a figure of at most {Figure(high)}.",
        _ => "Please give a figure.",
    };

    /// <summary>The bank's working hours in words: "Monday to Friday, 09:00 to 17:30 (Europe/London time)".</summary>
    public static string Hours(BankProfile bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var days = bank.BusinessHours.Days.Order().ToList();
        var weekdays = Enumerable.Range(1, 5).Select(d => (DayOfWeek)d);
        var dayText = days.SequenceEqual(weekdays) ? "Monday to Friday" : string.Join(", ", days);
        return $"{dayText}, {bank.BusinessHours.Opens} to {bank.BusinessHours.Closes} ({bank.TimeZone} time)";
    }

    /// <summary>A few plain sentences of what was learned, stored with the lead for the sales team.</summary>
    public static string Summary(Lead lead, LeadProduct product, TimeZoneInfo customerZone)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(product);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{product.Title} for: {lead.Purpose}. ");
        text.Append(CultureInfo.InvariantCulture, $"{product.Amount.Label}: {lead.Amount}. ");
        text.Append(CultureInfo.InvariantCulture, $"Wants to go ahead: {Timeline(lead.Timeline)}. ");
        text.Append(lead.ExistingCustomer ? "Already banks with us. " : "Does not bank with us yet. ");
        if (lead.Answers.Count > 0)
        {
            text.Append(string.Join("; ", lead.Answers.Select(a => $"{a.Label}: {a.Shown}"))).Append(". ");
        }

        text.Append(lead.Contact is { } contact
            ? $"Agreed to be contacted; prefers {Customer.Format(contact.PreferredTime, customerZone)}."
            : "Did not agree to be contacted: no contact details kept.");
        return text.ToString();
    }

    /// <summary>What the customer sees at the end: what was passed on, and who contacts them when.</summary>
    public static SummaryReply Confirmation(Lead lead, LeadProduct product, BankProfile bank,
        BusinessCalendar calendar, TimeZoneInfo customerZone)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(calendar);
        var facts = new List<Fact>
        {
            new("Product", product.Title),
            new("For", lead.Purpose),
            new(product.Amount.Label, lead.Amount?.ToString() ?? "-"),
            new("When", Timeline(lead.Timeline)),
            new($"Banks with {bank.Name}", lead.ExistingCustomer ? "Yes" : "No"),
        };
        facts.AddRange(lead.Answers.Select(a => new Fact(a.Label, a.Shown)));
        if (lead.Contact is not { } contact)
        {
            return new SummaryReply("Here's what I've passed on, without any contact details", facts,
                "I haven't kept your name or any way to reach you, so nobody will get in touch. Whenever you'd " +
                $"like to talk it through, call us on {bank.SupportPhone} ({Hours(bank)}) or visit {bank.Website}.")
            {
                Card = "lead-summary",
            };
        }

        facts.Add(new Fact("Name", contact.Name));
        facts.Add(new Fact("E-mail", contact.Email));
        facts.Add(new Fact("Phone", contact.Phone));
        facts.Add(new Fact("Best time to call", Customer.Format(contact.PreferredTime, customerZone)));
        var call = calendar.NextOpening(contact.PreferredTime);
        var next = call == contact.PreferredTime
            ? $"One of our {product.Team} will call you on {Customer.Format(call, customerZone)}, as you asked."
            : $"Our {product.Team} work {Hours(bank)}, so they'll call you as soon as they can after the time you " +
              $"picked: {Customer.Format(call, customerZone)}.";
        return new SummaryReply($"Thanks, {contact.Name}! Here's what I've passed on", facts,
            $"{next} If they can't reach you, they'll e-mail you. Your reference is {lead.Id}.")
        {
            Card = "lead-summary",
        };
    }

    private static string Timeline(LeadTimeline? timeline) => timeline switch
    {
        null => "not said",
        { Date: { } date } => $"{timeline.Said} ({date.ToString("d MMMM yyyy", English)})",
        _ => timeline.Said,
    };

    private static string Figure(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
