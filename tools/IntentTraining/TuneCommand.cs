using System.Globalization;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>
/// <c>tune</c>: compares setting variants on the hold-out part of the training split (never on the test split),
/// which is how the shipped settings were chosen. Each argument is one variant: comma-separated changes to the
/// shipped settings, for example <c>embedding=3,l2=3e-5</c>. Keys: embedding, words, chars, l2, mindf,
/// wordn, charmin, charmax, encoderwords, tolerance.
/// </summary>
/// <param name="layout">Where the data is.</param>
/// <param name="variants">One string per variant.</param>
public sealed class TuneCommand(RepositoryLayout layout, IReadOnlyList<string> variants)
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public int Run()
    {
        TrainingSettings shipped = TrainingSettings.Shipped;
        IReadOnlyList<LabelledUtterance> utterances = Banking77Csv.Read(layout.TrainCsv);
        string[] intents = utterances.Select(u => u.Intent).Distinct().Order(StringComparer.Ordinal).ToArray();
        using var encoder = new UtteranceEncoder(maxWords: 0, threadsPerCall: Environment.ProcessorCount);
        EmbeddedCorpus uncut = EmbeddedCorpus.Embed(utterances, intents, encoder, Console.WriteLine);
        var split = StratifiedSplit.Create(uncut.Classes, shipped.HoldoutShare, shipped.SplitSeed);
        var placeholder = new AbstentionRule(AbstentionMeasure.TopProbability, 0f);

        foreach (string variant in variants.DefaultIfEmpty(string.Empty))
        {
            TrainingSettings settings = Apply(shipped, variant);
            Console.WriteLine($"== variant '{variant}'");
            EmbeddedCorpus corpus = WithEncoderCap(uncut, settings.Features.MaxEncoderWords);
            EmbeddedCorpus fit = corpus.Subset(split.Fit);
            EmbeddedCorpus holdout = corpus.Subset(split.Holdout);
            FittedModel fitted = ModelFitting.Fit(fit, settings, placeholder, Console.WriteLine);
            HeldOutPrediction[] predictions = ModelFitting.Predict(fitted.Model, holdout);
            double accuracy = predictions.Count(p => p.Correct) / (double)predictions.Length;
            var coverage = Enum.GetValues<AbstentionMeasure>().Select(measure =>
                AbstentionCalibration.Choose(predictions, measure, shipped.RequiredPrecision));
            Console.WriteLine($"RESULT '{variant}': hold-out accuracy {accuracy:P2}; coverage at "
                + $"{shipped.RequiredPrecision:P0} precision: "
                + string.Join(", ", coverage.Select(c => $"{c.Rule.Measure} {c.Coverage:P2}")));
        }

        return 0;
    }

    // Re-embeds only the utterances that the cap shortens; the others keep their uncut embedding.
    private static EmbeddedCorpus WithEncoderCap(EmbeddedCorpus uncut, int maxWords)
    {
        if (maxWords <= 0)
        {
            return uncut;
        }

        using var capped = new UtteranceEncoder(maxWords, threadsPerCall: Environment.ProcessorCount);
        float[][] embeddings = uncut.Embeddings.ToArray();
        int changed = 0;
        for (int i = 0; i < embeddings.Length; i++)
        {
            string text = uncut.Texts[i];
            if (UtteranceText.ForSentenceEncoder(text, maxWords) != UtteranceText.ForSentenceEncoder(text, 0))
            {
                embeddings[i] = capped.Encode(text);
                changed++;
            }
        }

        Console.WriteLine($"Re-embedded {changed} utterances longer than {maxWords} words.");
        return uncut with { Embeddings = embeddings };
    }

    private static TrainingSettings Apply(TrainingSettings settings, string variant)
    {
        var options = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (string change in variant.Split(',', options))
        {
            string[] parts = change.Split('=', 2);
            string key = parts[0];
            double value = double.Parse(parts[1], CultureInfo.InvariantCulture);
            IntentFeatureSettings features = settings.Features;
            settings = key switch
            {
                "embedding" => settings with { Features = features with { EmbeddingWeight = (float)value } },
                "words" => settings with { Features = features with { WordWeight = (float)value } },
                "chars" => settings with { Features = features with { CharWeight = (float)value } },
                "wordn" => settings with { Features = features with { MaxWordNgram = (int)value } },
                "charmin" => settings with { Features = features with { MinCharNgram = (int)value } },
                "charmax" => settings with { Features = features with { MaxCharNgram = (int)value } },
                "encoderwords" => settings with { Features = features with { MaxEncoderWords = (int)value } },
                "mindf" => settings with { MinDocumentFrequency = (int)value },
                "l2" => settings with { Optimizer = settings.Optimizer with { L2 = value } },
                "tolerance" => settings with { Optimizer = settings.Optimizer with { RelativeTolerance = value } },
                _ => throw new ArgumentException($"Unknown setting '{key}'."),
            };
        }

        return settings;
    }
}
