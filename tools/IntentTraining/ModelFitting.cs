using System.Diagnostics;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>A fitted model with how the optimizer finished.</summary>
/// <param name="Model">The model, ready to save or score.</param>
/// <param name="Optimizer">Where L-BFGS stopped.</param>
/// <param name="TrainingAccuracy">Accuracy on the utterances it was fitted on.</param>
public sealed record FittedModel(IntentModel Model, MinimizationResult Optimizer, double TrainingAccuracy);

/// <summary>Fits intent models on embedded corpora and scores them.</summary>
public static class ModelFitting
{
    /// <summary>Builds the vocabulary from <paramref name="corpus"/>, then fits the softmax model on it.</summary>
    /// <param name="corpus">The utterances to fit on.</param>
    /// <param name="settings">Feature and optimizer settings.</param>
    /// <param name="abstention">The abstention rule to store with the model.</param>
    /// <param name="progress">Receives progress lines.</param>
    public static FittedModel Fit(
        EmbeddedCorpus corpus, TrainingSettings settings, AbstentionRule abstention, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        NgramVocabulary vocabulary = NgramVocabularyBuilder.Build(
            corpus.Texts, settings.Features, settings.MinDocumentFrequency);
        var featurizer = new IntentFeaturizer(settings.Features, vocabulary);
        TrainingSet set = Featurize(featurizer, corpus);
        progress($"Fitting on {corpus.Texts.Count} utterances: {vocabulary.WordTermCount} word n-grams, "
            + $"{vocabulary.Count - vocabulary.WordTermCount} character n-grams, {featurizer.FeatureCount} features.");

        var trainer = new SoftmaxTrainer(featurizer.FeatureCount, corpus.Intents.Count, settings.Optimizer);
        (SoftmaxWeights weights, MinimizationResult result) = trainer.Train(set, progress);
        double accuracy = SoftmaxTrainer.Accuracy(weights, set);
        progress($"L-BFGS {result.Reason} after {result.Iterations} iterations (objective {result.Value:F5}), "
            + $"training accuracy {accuracy:P2}, {clock.Elapsed.TotalSeconds:F1} s.");

        var manifest = new IntentModelManifest(
            IntentModel.FormatVersion, UtteranceEncoder.Name, corpus.Intents, settings.Features, abstention);
        return new FittedModel(new IntentModel(manifest, vocabulary, weights), result, accuracy);
    }

    /// <summary>Scores <paramref name="model"/> on every utterance of <paramref name="corpus"/>.</summary>
    /// <param name="model">A fitted model.</param>
    /// <param name="corpus">Labelled, embedded utterances.</param>
    public static HeldOutPrediction[] Predict(IntentModel model, EmbeddedCorpus corpus)
    {
        var featurizer = new IntentFeaturizer(model.Manifest.Features, model.Vocabulary);
        TrainingSet set = Featurize(featurizer, corpus);
        var probabilities = new float[model.Weights.ClassCount];
        var predictions = new HeldOutPrediction[corpus.Classes.Length];
        for (int i = 0; i < predictions.Length; i++)
        {
            model.Weights.Probabilities(set.Features[i], probabilities);
            int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(probabilities);
            float top = probabilities[best];
            probabilities[best] = float.NegativeInfinity;
            float runnerUp = System.Numerics.Tensors.TensorPrimitives.Max(probabilities);
            predictions[i] = new HeldOutPrediction(top, runnerUp, best == corpus.Classes[i]);
        }

        return predictions;
    }

    private static TrainingSet Featurize(IntentFeaturizer featurizer, EmbeddedCorpus corpus)
    {
        var features = new FeatureVector[corpus.Texts.Count];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = featurizer.Featurize(corpus.Texts[i], corpus.Embeddings[i]);
        }

        return new TrainingSet(features, corpus.Classes);
    }
}
