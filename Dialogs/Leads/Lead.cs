using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Understanding;
using Newtonsoft.Json;

namespace BankingBot.Dialogs.Leads;

/// <summary>When the customer wants to go ahead: their words, and the date they mean (none when unsure).</summary>
public sealed record LeadTimeline(string Said, DateOnly? Date);

/// <summary>
/// The answer to one product question: <paramref name="Value"/> is what scoring reads (an invariant number,
/// "true"/"false", a choice's value or the customer's words), <paramref name="Shown"/> what people read.
/// </summary>
public sealed record LeadAnswer(string Id, string Label, string Kind, string Value, string Shown);

/// <summary>
/// How to reach a customer who agreed to be contacted: the preferred time as an instant, with the time zone it
/// was said in so that staff can read it as the customer meant it.
/// </summary>
public sealed record LeadContact(string Name, string Email, string Phone, DateTimeOffset PreferredTime,
    string TimeZone);

/// <summary>Hot, warm or cold: how soon sales should follow a lead up.</summary>
public static class LeadTemperature
{
    /// <summary>Follow up first.</summary>
    public const string Hot = "hot";

    /// <summary>Follow up soon.</summary>
    public const string Warm = "warm";

    /// <summary>Follow up when there is time.</summary>
    public const string Cold = "cold";
}

/// <summary>
/// A customer's interest in a product, qualified for the sales team. Without the customer's consent it holds
/// no name, e-mail or phone number: <see cref="Contact"/> stays null and the lead is anonymous.
/// </summary>
public sealed class Lead : BankRecord
{
    /// <summary>The product id from the catalogue.</summary>
    [JsonProperty("product")]
    public string Product { get; set; } = string.Empty;

    /// <summary>What it is for, as the customer picked or said it.</summary>
    [JsonProperty("purpose")]
    public string Purpose { get; set; } = string.Empty;

    /// <summary>The amount to borrow, the limit, the first deposit or the turnover, by product.</summary>
    [JsonProperty("amount")]
    public Money? Amount { get; set; }

    /// <summary>When the customer wants to go ahead.</summary>
    [JsonProperty("timeline")]
    public LeadTimeline? Timeline { get; set; }

    /// <summary>True when the customer said they already bank with us.</summary>
    [JsonProperty("existingCustomer")]
    public bool ExistingCustomer { get; set; }

    /// <summary>The answers to the product's own questions, in the order asked.</summary>
    [JsonProperty("answers")]
    public List<LeadAnswer> Answers { get; set; } = [];

    /// <summary>True when the customer agreed to be contacted.</summary>
    [JsonProperty("consent")]
    public bool Consent { get; set; }

    /// <summary>How to reach the customer; null without consent.</summary>
    [JsonProperty("contact")]
    public LeadContact? Contact { get; set; }

    /// <summary>The page of the bank's website the chat was opened on, without its query; null when unknown.</summary>
    [JsonProperty("sourcePage")]
    public string? SourcePage { get; set; }

    /// <summary>The points the scoring rules gave.</summary>
    [JsonProperty("score")]
    public int Score { get; set; }

    /// <summary>Hot, warm or cold.</summary>
    [JsonProperty("temperature")]
    public string Temperature { get; set; } = LeadTemperature.Cold;

    /// <summary>Why the lead scored what it did: one line per rule that applied, with its points.</summary>
    [JsonProperty("reasons")]
    public List<string> Reasons { get; set; } = [];

    /// <summary>What was learned, in a few plain sentences for the sales team.</summary>
    [JsonProperty("summary")]
    public string Summary { get; set; } = string.Empty;

    /// <summary>new, contacted, won or lost; sales moves it on.</summary>
    [JsonProperty("status")]
    public string Status { get; set; } = "new";
}
