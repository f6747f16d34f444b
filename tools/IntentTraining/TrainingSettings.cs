using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>Everything that decides what <c>train</c> produces; recorded in the model's training report.</summary>
/// <param name="Features">Feature settings, stored in the model.</param>
/// <param name="MinDocumentFrequency">An n-gram must occur in this many training utterances to be kept.</param>
/// <param name="Optimizer">Penalty and L-BFGS settings.</param>
/// <param name="HoldoutShare">Share of each intent held out to choose the abstention threshold.</param>
/// <param name="SplitSeed">Seed of the stratified hold-out split (the only randomness in training).</param>
/// <param name="RequiredPrecision">Answered precision the shipped rule must reach.</param>
/// <param name="RequiredCoverage">Share of questions the shipped rule must answer.</param>
/// <param name="CalibrationPrecision">
/// Precision aimed for on the hold-out, a little above <paramref name="RequiredPrecision"/>: the final model is
/// refitted on all the data, and the hold-out is small, so the threshold keeps some slack.
/// </param>
/// <param name="QuickPrecision">
/// Precision the quick model (the same n-grams without the sentence embedding, asked first) must reach on the
/// hold-out where it answers alone; the rest goes to the full model.
/// </param>
public sealed record TrainingSettings(
    IntentFeatureSettings Features,
    int MinDocumentFrequency,
    SoftmaxTrainingOptions Optimizer,
    double HoldoutShare,
    int SplitSeed,
    double RequiredPrecision,
    double RequiredCoverage,
    double CalibrationPrecision,
    double QuickPrecision)
{
    /// <summary>The settings of the shipped model, chosen on the hold-out (never on the test split).</summary>
    public static TrainingSettings Shipped { get; } = new(
        Features: new IntentFeatureSettings(
            EmbeddingDimensions: UtteranceEncoder.Dimensions,
            EmbeddingWeight: 2.0f,
            MaxEncoderWords: 40,
            MaxWordNgram: 2,
            WordWeight: 1.0f,
            MinCharNgram: 2,
            MaxCharNgram: 5,
            CharWeight: 1.0f),
        MinDocumentFrequency: 2,
        Optimizer: new SoftmaxTrainingOptions(L2: 3e-6, MaxIterations: 400, HistorySize: 8, RelativeTolerance: 1e-7),
        HoldoutShare: 0.15,
        SplitSeed: 77,
        RequiredPrecision: 0.97,
        RequiredCoverage: 0.85,
        CalibrationPrecision: 0.975,
        QuickPrecision: 0.99);
}
