using System.Text.Json.Serialization;

namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>What the abstention rule compares with its threshold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AbstentionMeasure>))]
public enum AbstentionMeasure
{
    /// <summary>The probability of the likeliest intent.</summary>
    TopProbability,

    /// <summary>The probability of the likeliest intent minus that of the runner-up.</summary>
    Margin,
}

/// <summary>
/// Decides when the bot may answer the likeliest intent directly rather than ask the customer first.
/// The threshold is chosen at training time on utterances held out from training.
/// </summary>
/// <param name="Measure">What is compared with the threshold.</param>
/// <param name="Threshold">The smallest measure at which the prediction counts as confident.</param>
public sealed record AbstentionRule(AbstentionMeasure Measure, float Threshold)
{
    /// <summary>The measure for a prediction whose two likeliest intents have these probabilities.</summary>
    public float Confidence(float top, float runnerUp) =>
        Measure == AbstentionMeasure.TopProbability ? top : top - runnerUp;

    /// <summary>True when the prediction is confident enough to answer directly.</summary>
    public bool IsConfident(float top, float runnerUp) => Confidence(top, runnerUp) >= Threshold;
}
