using BankingBot.Dialogs.Banking;
using Newtonsoft.Json;

namespace BankingBot.Dialogs.Feedback;

/// <summary>A customer's rating of a chat, with an optional comment and how likely they are to recommend us.</summary>
public sealed class FeedbackEntry : BankRecord
{
    /// <summary>1 (very poor) to 5 (excellent).</summary>
    [JsonProperty("rating")]
    public int Rating { get; set; }

    /// <summary>What the customer chose to add, in their words; null when they skipped it.</summary>
    [JsonProperty("comment")]
    public string? Comment { get; set; }

    /// <summary>0 to 10: how likely they are to recommend the bank; null when not asked.</summary>
    [JsonProperty("recommendation")]
    public int? Recommendation { get; set; }

    /// <summary>The flow the feedback followed ("ticket", "lead"); null when the customer asked to give it.</summary>
    [JsonProperty("flow")]
    public string? Flow { get; set; }

    /// <summary>True when the bot offered the rating, false when the customer asked to give feedback.</summary>
    [JsonProperty("offered")]
    public bool Offered { get; set; }
}

/// <summary>
/// Marks that a conversation has been asked for feedback, under "feedback-offers/&lt;conversation hash&gt;", so
/// the bot asks at most once per conversation, even after "start over".
/// </summary>
public sealed class FeedbackInvitation : BankRecord
{
    /// <summary>The activity during which the invitation was made: a re-run of that turn may make it again.</summary>
    [JsonProperty("activityId")]
    public string ActivityId { get; set; } = string.Empty;
}

/// <summary>Settings of the configuration section "Bank:Feedback".</summary>
public sealed class FeedbackSettings
{
    /// <summary>Ask how likely the customer is to recommend the bank (0 to 10) after the rating.</summary>
    public bool AskRecommendation { get; set; } = true;

    /// <summary>
    /// Flows after which no rating is offered: feedback itself, a hand-over (a person takes over the chat) and
    /// a deletion of the customer's data (a rating would store new data straight away).
    /// </summary>
    public string[] NotOfferedAfter { get; set; } =
        [FeedbackDialog.DialogId, Flows.HandoverDialog.DialogId, Records.DeleteMyDataDialog.DialogId];
}
