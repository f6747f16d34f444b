namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>
/// Recognizes customer-support intents in process: a MiniLM sentence embedding plus word and character
/// n-grams, scored by one linear softmax model trained on BANKING77 (see <c>tools/IntentTraining</c>).
/// A quick model of the n-grams alone is asked first: where its own rule (calibrated stricter on the
/// hold-out) lets it answer, the sentence encoder, nine tenths of a question's cost, does not run.
/// Safe to call from many threads at once; load it once and share it.
/// </summary>
public sealed class IntentClassifier : IIntentRecognizer, IDisposable
{
    /// <summary>How many intents <see cref="IntentPrediction.Ranked"/> holds.</summary>
    public const int RankedCount = 5;

    /// <summary>The quick model's folder inside the model folder.</summary>
    public const string QuickModelFolderName = "quick";

    private static readonly float[] NoEmbedding = new float[UtteranceEncoder.Dimensions];
    private readonly IntentModel model;
    private readonly IntentFeaturizer featurizer;
    private readonly UtteranceEncoder encoder;
    private readonly IntentModel? quick;
    private readonly IntentFeaturizer? quickFeaturizer;
    private long encoded;

    private IntentClassifier(IntentModel model, UtteranceEncoder encoder, IntentModel? quick)
    {
        this.model = model;
        this.encoder = encoder;
        featurizer = new IntentFeaturizer(model.Manifest.Features, model.Vocabulary);
        this.quick = quick;
        quickFeaturizer = quick is null ? null : new IntentFeaturizer(quick.Manifest.Features, quick.Vocabulary);
    }

    /// <summary>The model folder that ships with the bot, next to the application's assemblies.</summary>
    public static string DefaultModelFolder => Path.Combine(AppContext.BaseDirectory, "Knowledge", "intent-model");

    /// <summary>The intents the model knows, in class order.</summary>
    public IReadOnlyList<string> Intents => model.Manifest.Intents;

    /// <summary>How many utterances went through the sentence encoder so far (the quick model was unsure).</summary>
    public long EncodedUtterances => Interlocked.Read(ref encoded);

    /// <summary>The rule that sets <see cref="IntentPrediction.IsConfident"/>.</summary>
    public AbstentionRule Abstention => model.Manifest.Abstention;

    /// <summary>The rule under which the quick model answers alone; null when there is no quick model.</summary>
    public AbstentionRule? QuickAbstention => quick?.Manifest.Abstention;

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

        return new IntentClassifier(model, new UtteranceEncoder(model.Manifest.Features.MaxEncoderWords),
            LoadQuick(Path.Combine(modelFolder, QuickModelFolderName), model));
    }

    /// <inheritdoc />
    public IntentPrediction Recognize(string utterance)
    {
        string text = UtteranceText.Normalize(utterance);
        var probabilities = new float[Intents.Count];
        if (quick is not null)
        {
            // The quick model gives no weight to the embedding: it is not computed.
            quick.Weights.Probabilities(quickFeaturizer!.Featurize(text, NoEmbedding), probabilities);
            if (Rank(probabilities, quick.Manifest.Abstention) is { IsConfident: true } sure)
            {
                return sure;
            }
        }

        Interlocked.Increment(ref encoded);
        float[] embedding = encoder.Encode(text);
        model.Weights.Probabilities(featurizer.Featurize(text, embedding), probabilities);
        return Rank(probabilities, Abstention);
    }

    // A quick model must be one of n-grams only, over the same intents in the same order.
    private static IntentModel? LoadQuick(string folder, IntentModel full)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        IntentModel quick = IntentModel.Load(folder);
        var features = quick.Manifest.Features;
        if (features.EmbeddingWeight != 0f || features.EmbeddingDimensions != UtteranceEncoder.Dimensions
            || !quick.Manifest.Intents.SequenceEqual(full.Manifest.Intents))
        {
            throw new InvalidDataException(
                "The quick model does not match the full one: run tools/IntentTraining train again.");
        }

        return quick;
    }

    /// <inheritdoc />
    public void Dispose() => encoder.Dispose();

    private IntentPrediction Rank(float[] probabilities, AbstentionRule abstention)
    {
        int[] order = Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i])
            .ThenBy(i => i)
            .Take(RankedCount)
            .ToArray();

        IntentScore[] ranked = order.Select(i => new IntentScore(Intents[i], probabilities[i])).ToArray();
        bool confident = abstention.IsConfident(ranked[0].Probability, ranked[1].Probability);
        return new IntentPrediction(ranked, confident);
    }
}
