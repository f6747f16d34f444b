using Newtonsoft.Json;

namespace BankingBot.Dialogs.Support;

/// <summary>What the support flow remembers between questions, in conversation state.</summary>
public sealed class SupportMemory
{
    /// <summary>The banking terms of the last answer, for "what does that word mean?".</summary>
    [JsonProperty("lastTerms")]
    public List<string> LastTerms { get; set; } = [];

    /// <summary>Questions in a row the bot was unsure about; at the second it offers a person.</summary>
    [JsonProperty("unsureInARow")]
    public int UnsureInARow { get; set; }
}

/// <summary>A yes/no offer after an answer: a ticket, a person or a product, and what to say on "no".</summary>
public sealed record SupportOffer(string Kind, string Question, string Declined, string? Category = null,
    string? Urgency = null, string? Product = null, string? Reason = null);
