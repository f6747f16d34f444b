using System.Diagnostics;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>
/// <c>train</c>: fits the intent model on the training split only and writes the model folder.
/// Steps: embed every training utterance; hold out a stratified share; fit on the rest and choose the
/// abstention threshold on the held-out part; fit again on all training utterances; save.
/// </summary>
/// <param name="layout">Where the data and model folder are.</param>
/// <param name="settings">The training settings.</param>
public sealed class TrainCommand(RepositoryLayout layout, TrainingSettings settings)
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public int Run()
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<LabelledUtterance> utterances = Banking77Csv.Read(layout.TrainCsv);
        string[] intents = utterances.Select(u => u.Intent).Distinct().Order(StringComparer.Ordinal).ToArray();
        Console.WriteLine($"Read {utterances.Count} training utterances, {intents.Length} intents.");

        EmbeddedCorpus corpus;
        using (var encoder = new UtteranceEncoder(
            settings.Features.MaxEncoderWords, Environment.ProcessorCount))
        {
            corpus = EmbeddedCorpus.Embed(utterances, intents, encoder, Console.WriteLine);
        }

        var split = StratifiedSplit.Create(corpus.Classes, settings.HoldoutShare, settings.SplitSeed);
        HoldoutReport holdout = CalibrateOnHoldout(corpus, split);
        Console.WriteLine($"Shipped rule: {Describe(holdout.Chosen)}");
        bool meetsTargets = holdout.Chosen.Precision >= settings.RequiredPrecision
            && holdout.Chosen.Coverage >= settings.RequiredCoverage;
        if (!meetsTargets)
        {
            Console.WriteLine($"WARNING: on the hold-out the rule misses {settings.RequiredPrecision:P0} precision "
                + $"at {settings.RequiredCoverage:P0} coverage.");
        }

        Console.WriteLine("Final fit on all training utterances:");
        FittedModel final = ModelFitting.Fit(corpus, settings, holdout.Chosen.Rule, Console.WriteLine);
        final.Model.Save(layout.ModelFolder);

        NgramVocabulary vocabulary = final.Model.Vocabulary;
        var report = new TrainingReport(
            Path.GetRelativePath(layout.Root, layout.TrainCsv).Replace('\\', '/'),
            settings,
            holdout,
            new FinalFitReport(
                corpus.Texts.Count,
                vocabulary.WordTermCount,
                vocabulary.Count - vocabulary.WordTermCount,
                final.Model.Weights.FeatureCount,
                final.Optimizer,
                final.TrainingAccuracy));
        report.Save(layout.ModelFolder);

        Console.WriteLine($"Wrote {layout.ModelFolder}:");
        foreach (FileInfo file in new DirectoryInfo(layout.ModelFolder).GetFiles().OrderBy(f => f.Name))
        {
            Console.WriteLine($"  {file.Name,-16} {file.Length,12:N0} bytes");
        }

        Console.WriteLine($"Training took {clock.Elapsed.TotalSeconds:F1} s.");
        return meetsTargets ? 0 : 2;
    }

    private HoldoutReport CalibrateOnHoldout(EmbeddedCorpus corpus, StratifiedSplit split)
    {
        Console.WriteLine($"Hold-out fit ({split.Fit.Length} fitted, {split.Holdout.Length} held out, "
            + $"seed {settings.SplitSeed}):");
        var placeholder = new AbstentionRule(AbstentionMeasure.TopProbability, 0f);
        FittedModel fitted = ModelFitting.Fit(corpus.Subset(split.Fit), settings, placeholder, Console.WriteLine);
        HeldOutPrediction[] predictions = ModelFitting.Predict(fitted.Model, corpus.Subset(split.Holdout));
        double accuracy = predictions.Count(p => p.Correct) / (double)predictions.Length;
        Console.WriteLine($"Hold-out accuracy {accuracy:P2}.");

        AbstentionOutcome[] candidates = Enum.GetValues<AbstentionMeasure>()
            .Select(measure => AbstentionCalibration.Choose(predictions, measure, settings.CalibrationPrecision))
            .ToArray();
        foreach (AbstentionOutcome candidate in candidates)
        {
            Console.WriteLine($"  candidate at {settings.CalibrationPrecision:P1} precision: {Describe(candidate)}");
        }

        // The measure that answers the most wins; a tie keeps the simpler top probability (listed first).
        AbstentionOutcome chosen = candidates.OrderByDescending(c => c.Coverage).First();
        return new HoldoutReport(
            split.Fit.Length, split.Holdout.Length, fitted.Optimizer, accuracy, candidates, chosen);
    }

    private static string Describe(AbstentionOutcome outcome) =>
        $"{outcome.Rule.Measure} >= {outcome.Rule.Threshold:F4} answers {outcome.Coverage:P2} "
        + $"with {outcome.Precision:P2} right (hold-out)";
}
