using System.Text.Json;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>What the hold-out fit showed, and the abstention rule chosen from it.</summary>
/// <param name="FitUtterances">Utterances fitted on.</param>
/// <param name="HeldOutUtterances">Utterances held out.</param>
/// <param name="Optimizer">Where L-BFGS stopped.</param>
/// <param name="Accuracy">Accuracy on the held-out utterances.</param>
/// <param name="Candidates">The best threshold of each measure at the calibration precision.</param>
/// <param name="Chosen">The rule shipped (the candidate answering the most).</param>
public sealed record HoldoutReport(
    int FitUtterances,
    int HeldOutUtterances,
    MinimizationResult Optimizer,
    double Accuracy,
    IReadOnlyList<AbstentionOutcome> Candidates,
    AbstentionOutcome Chosen);

/// <summary>The fit on all training utterances, which is the shipped model.</summary>
/// <param name="Utterances">Utterances fitted on.</param>
/// <param name="WordTerms">Word n-grams in the vocabulary.</param>
/// <param name="CharTerms">Character n-grams in the vocabulary.</param>
/// <param name="FeatureCount">Features: embedding, n-grams and bias.</param>
/// <param name="Optimizer">Where L-BFGS stopped.</param>
/// <param name="TrainingAccuracy">Accuracy on its own training utterances.</param>
public sealed record FinalFitReport(
    int Utterances,
    int WordTerms,
    int CharTerms,
    int FeatureCount,
    MinimizationResult Optimizer,
    double TrainingAccuracy);

/// <summary>
/// How the shipped model was made, stored as <c>training.json</c> next to it. Holds no times or dates, so
/// training twice writes the same bytes.
/// </summary>
/// <param name="TrainingData">The training file, relative to the repository.</param>
/// <param name="Settings">All settings and seeds.</param>
/// <param name="Holdout">The hold-out fit and the threshold it gave.</param>
/// <param name="Final">The fit on all training data.</param>
public sealed record TrainingReport(
    string TrainingData, TrainingSettings Settings, HoldoutReport Holdout, FinalFitReport Final)
{
    /// <summary>Name of the report in the model folder.</summary>
    public const string FileName = "training.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Writes the report into a model folder.</summary>
    /// <param name="modelFolder">The model folder.</param>
    public void Save(string modelFolder)
    {
        string json = JsonSerializer.Serialize(this, JsonOptions).ReplaceLineEndings("\n") + "\n";
        File.WriteAllText(Path.Combine(modelFolder, FileName), json);
    }

    /// <summary>Reads the report of a model folder.</summary>
    /// <param name="modelFolder">The model folder.</param>
    public static TrainingReport Load(string modelFolder) =>
        JsonSerializer.Deserialize<TrainingReport>(File.ReadAllText(Path.Combine(modelFolder, FileName)), JsonOptions)
        ?? throw new InvalidDataException($"{FileName} is empty.");
}
