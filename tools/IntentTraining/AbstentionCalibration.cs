using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>A scored prediction on a held-out utterance: the two best probabilities and whether it was right.</summary>
/// <param name="Top">Probability of the likeliest intent.</param>
/// <param name="RunnerUp">Probability of the second likeliest.</param>
/// <param name="Correct">Whether the likeliest intent is the labelled one.</param>
public sealed record HeldOutPrediction(float Top, float RunnerUp, bool Correct);

/// <summary>How an abstention rule does on a set of predictions.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Precision">Share of answered predictions that are right.</param>
/// <param name="Coverage">Share of predictions answered.</param>
public sealed record AbstentionOutcome(AbstentionRule Rule, double Precision, double Coverage);

/// <summary>Chooses an abstention threshold on held-out predictions.</summary>
public static class AbstentionCalibration
{
    /// <summary>
    /// The lowest threshold (so the most answers) whose answered predictions are right at least
    /// <paramref name="targetPrecision"/> of the time; a threshold above every confidence if none is.
    /// </summary>
    /// <param name="predictions">Predictions on held-out utterances.</param>
    /// <param name="measure">What the rule compares with the threshold.</param>
    /// <param name="targetPrecision">The precision the answered predictions must reach.</param>
    public static AbstentionOutcome Choose(
        IReadOnlyList<HeldOutPrediction> predictions, AbstentionMeasure measure, double targetPrecision)
    {
        var probe = new AbstentionRule(measure, 0f);
        var ranked = predictions
            .Select(p => (Confidence: probe.Confidence(p.Top, p.RunnerUp), p.Correct))
            .OrderByDescending(p => p.Confidence)
            .ToArray();

        var best = new AbstentionOutcome(new AbstentionRule(measure, 1.01f), 1.0, 0.0);
        int correct = 0;
        for (int k = 0; k < ranked.Length; k++)
        {
            correct += ranked[k].Correct ? 1 : 0;
            bool lastOfTie = k + 1 == ranked.Length || ranked[k + 1].Confidence < ranked[k].Confidence;
            double precision = (double)correct / (k + 1);
            if (lastOfTie && precision >= targetPrecision)
            {
                double coverage = (double)(k + 1) / ranked.Length;
                best = new AbstentionOutcome(new AbstentionRule(measure, ranked[k].Confidence), precision, coverage);
            }
        }

        return best;
    }

    /// <summary>Measures <paramref name="rule"/> on <paramref name="predictions"/>.</summary>
    /// <param name="predictions">Scored predictions.</param>
    /// <param name="rule">The rule to apply.</param>
    public static AbstentionOutcome Evaluate(IReadOnlyList<HeldOutPrediction> predictions, AbstentionRule rule)
    {
        var answered = predictions.Where(p => rule.IsConfident(p.Top, p.RunnerUp)).ToArray();
        double precision = answered.Length == 0 ? 1.0 : answered.Count(p => p.Correct) / (double)answered.Length;
        return new AbstentionOutcome(rule, precision, answered.Length / (double)predictions.Count);
    }
}
