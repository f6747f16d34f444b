using System.Diagnostics;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>
/// <c>train</c>: fits the intent model on the training split only and writes the model folder.
/// Steps: embed every training utterance; hold out a stratified share; fit on the rest and choose the
/// abstention threshold on the held-out part; fit again on all training utterances; save. The same again for
/// the quick model (no sentence embedding, a stricter precision), saved in the model folder's <c>quick/</c>.
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
        Console.WriteLine("== The full model (sentence embedding and n-grams)");
        HoldoutReport full = FitAndSave(corpus, split, settings, settings.CalibrationPrecision, layout.ModelFolder);
        bool meetsTargets = full.Chosen.Precision >= settings.RequiredPrecision
            && full.Chosen.Coverage >= settings.RequiredCoverage;
        if (!meetsTargets)
        {
            Console.WriteLine($"WARNING: on the hold-out the rule misses {settings.RequiredPrecision:P0} precision "
                + $"at {settings.RequiredCoverage:P0} coverage.");
        }

        // The quick model is asked first and answers alone only where the hold-out shows it right at the quick
        // precision; the sentence encoder, most of a question's cost, runs for the rest.
        Console.WriteLine("== The quick model (the same n-grams, no sentence embedding)");
        var quick = settings with { Features = settings.Features with { EmbeddingWeight = 0f } };
        FitAndSave(corpus, split, quick, settings.QuickPrecision, layout.QuickModelFolder);
        Console.WriteLine($"Training took {clock.Elapsed.TotalSeconds:F1} s.");
        return meetsTargets ? 0 : 2;
    }

    // Chooses the abstention rule on the hold-out at the given precision, fits again on everything and writes
    // the model folder with its report.
    private HoldoutReport FitAndSave(EmbeddedCorpus corpus, StratifiedSplit split, TrainingSettings modelSettings,
        double precision, string folder)
    {
        HoldoutReport holdout = CalibrateOnHoldout(corpus, split, modelSettings, precision);
        Console.WriteLine($"Shipped rule: {Describe(holdout.Chosen)}");
        Console.WriteLine("Final fit on all training utterances:");
        FittedModel final = ModelFitting.Fit(corpus, modelSettings, holdout.Chosen.Rule, Console.WriteLine);
        final.Model.Save(folder);

        NgramVocabulary vocabulary = final.Model.Vocabulary;
        var report = new TrainingReport(
            Path.GetRelativePath(layout.Root, layout.TrainCsv).Replace('\\', '/'),
            modelSettings,
            holdout,
            new FinalFitReport(
                corpus.Texts.Count,
                vocabulary.WordTermCount,
                vocabulary.Count - vocabulary.WordTermCount,
                final.Model.Weights.FeatureCount,
                final.Optimizer,
                final.TrainingAccuracy));
        report.Save(folder);

        Console.WriteLine($"Wrote {folder}:");
        foreach (FileInfo file in new DirectoryInfo(folder).GetFiles().OrderBy(f => f.Name))
        {
            Console.WriteLine($"  {file.Name,-16} {file.Length,12:N0} bytes");
        }

        return holdout;
    }

    private static HoldoutReport CalibrateOnHoldout(EmbeddedCorpus corpus, StratifiedSplit split,
        TrainingSettings settings, double precision)
    {
        Console.WriteLine($"Hold-out fit ({split.Fit.Length} fitted, {split.Holdout.Length} held out, "
            + $"seed {settings.SplitSeed}):");
        var placeholder = new AbstentionRule(AbstentionMeasure.TopProbability, 0f);
        FittedModel fitted = ModelFitting.Fit(corpus.Subset(split.Fit), settings, placeholder, Console.WriteLine);
        HeldOutPrediction[] predictions = ModelFitting.Predict(fitted.Model, corpus.Subset(split.Holdout));
        double accuracy = predictions.Count(p => p.Correct) / (double)predictions.Length;
        Console.WriteLine($"Hold-out accuracy {accuracy:P2}.");

        AbstentionOutcome[] candidates = Enum.GetValues<AbstentionMeasure>()
            .Select(measure => AbstentionCalibration.Choose(predictions, measure, precision))
            .ToArray();
        foreach (AbstentionOutcome candidate in candidates)
        {
            Console.WriteLine($"  candidate at {precision:P1} precision: {Describe(candidate)}");
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
