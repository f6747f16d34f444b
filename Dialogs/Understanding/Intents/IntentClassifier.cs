namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>
/// Recognizes customer-support intents in process: a MiniLM sentence embedding plus word and character
/// n-grams, scored by one linear softmax model trained on BANKING77 (see <c>tools/IntentTraining</c>).
/// Safe to call from many threads at once; load it once and share it.
/// </summary>
public sealed class IntentClassifier : IIntentRecognizer, IDisposable
{
    /// <summary>How many intents <see cref="IntentPrediction.Ranked"/> holds.</summary>
    public const int RankedCount = 5;

    private readonly IntentModel model;
    private readonly IntentFeaturizer featurizer;
    private readonly UtteranceEncoder encoder;

    private IntentClassifier(IntentModel model, UtteranceEncoder encoder)
    {
        this.model = model;
        this.encoder = encoder;
        featurizer = new IntentFeaturizer(model.Manifest.Features, model.Vocabulary);
    }

    /// <summary>The model folder that ships with the bot, next to the application's assemblies.</summary>
    public static string DefaultModelFolder => Path.Combine(AppContext.BaseDirectory, "Knowledge", "intent-model");

    /// <summary>The intents the model knows, in class order.</summary>
    public IReadOnlyList<string> Intents => model.Manifest.Intents;

    /// <summary>The rule that sets <see cref="IntentPrediction.IsConfident"/>.</summary>
    public AbstentionRule Abstention => model.Manifest.Abstention;

    /// <summary>Loads a model folder written by the training tool, and the sentence encoder it needs.</summary>
    /// <param name="modelFolder">The folder with <c>model.json</c>, <c>vocabulary.tsv</c>, <c>weights.f16</c>.</param>
    public static IntentClassifier Load(string modelFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        IntentModel model = IntentModel.Load(modelFolder);
        // Embeddings from another encoder version would silently mean something else to the weights.
        if (model.Manifest.SentenceEncoder != UtteranceEncoder.Name
            || model.Manifest.Features.EmbeddingDimensions != UtteranceEncoder.Dimensions)
        {
            throw new InvalidDataException(
                $"The model was trained on {model.Manifest.SentenceEncoder} embeddings, but this build uses "
                + $"{UtteranceEncoder.Name}: run tools/IntentTraining train again.");
        }

        return new IntentClassifier(model, new UtteranceEncoder(model.Manifest.Features.MaxEncoderWords));
    }

    /// <inheritdoc />
    public IntentPrediction Recognize(string utterance)
    {
        string text = UtteranceText.Normalize(utterance);
        float[] embedding = encoder.Encode(text);
        FeatureVector features = featurizer.Featurize(text, embedding);

        var probabilities = new float[Intents.Count];
        model.Weights.Probabilities(features, probabilities);
        return Rank(probabilities);
    }

    /// <inheritdoc />
    public void Dispose() => encoder.Dispose();

    private IntentPrediction Rank(float[] probabilities)
    {
        int[] order = Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i])
            .ThenBy(i => i)
            .Take(RankedCount)
            .ToArray();

        IntentScore[] ranked = order.Select(i => new IntentScore(Intents[i], probabilities[i])).ToArray();
        bool confident = Abstention.IsConfident(ranked[0].Probability, ranked[1].Probability);
        return new IntentPrediction(ranked, confident);
    }
}
