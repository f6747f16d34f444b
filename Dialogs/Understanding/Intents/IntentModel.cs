using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>The description of a trained intent model, stored as <c>model.json</c> in its folder.</summary>
/// <param name="FormatVersion">Version of the folder layout; see <see cref="IntentModel.FormatVersion"/>.</param>
/// <param name="SentenceEncoder">Which sentence encoder produced the embeddings the model was trained on.</param>
/// <param name="Intents">Intent names in class order.</param>
/// <param name="Features">How utterances become features.</param>
/// <param name="Abstention">When a prediction is confident enough to answer directly.</param>
public sealed record IntentModelManifest(
    int FormatVersion,
    string SentenceEncoder,
    IReadOnlyList<string> Intents,
    IntentFeatureSettings Features,
    AbstentionRule Abstention);

/// <summary>
/// A trained intent model as kept on disk: <c>model.json</c> (the manifest), <c>vocabulary.tsv</c> (one
/// n-gram and its IDF a line) and <c>weights.f16</c> (the weights as little-endian IEEE half floats,
/// feature-major). Other files in the folder, such as the training report, are ignored here.
/// </summary>
/// <param name="Manifest">Intents, feature settings and abstention rule.</param>
/// <param name="Vocabulary">The known n-grams.</param>
/// <param name="Weights">The classifier weights, one row per feature of <see cref="IntentFeaturizer"/>.</param>
public sealed record IntentModel(IntentModelManifest Manifest, NgramVocabulary Vocabulary, SoftmaxWeights Weights)
{
    /// <summary>The folder layout this code reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Name of the manifest file.</summary>
    public const string ManifestFile = "model.json";

    /// <summary>Name of the vocabulary file.</summary>
    public const string VocabularyFile = "vocabulary.tsv";

    /// <summary>Name of the weights file.</summary>
    public const string WeightsFile = "weights.f16";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Reads a model folder written by <see cref="Save"/>.</summary>
    /// <param name="folder">The model folder.</param>
    /// <exception cref="InvalidDataException">The folder holds a different format or inconsistent files.</exception>
    public static IntentModel Load(string folder)
    {
        string manifestText = File.ReadAllText(Path.Combine(folder, ManifestFile));
        IntentModelManifest manifest = JsonSerializer.Deserialize<IntentModelManifest>(manifestText, JsonOptions)
            ?? throw new InvalidDataException($"{ManifestFile} is empty.");
        if (manifest.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"Model format {manifest.FormatVersion} is not {FormatVersion}.");
        }

        NgramVocabulary vocabulary = ReadVocabulary(Path.Combine(folder, VocabularyFile));
        int featureCount = new IntentFeaturizer(manifest.Features, vocabulary).FeatureCount;
        float[] weights = ReadHalfFloats(Path.Combine(folder, WeightsFile), featureCount * manifest.Intents.Count);
        return new IntentModel(manifest, vocabulary, new SoftmaxWeights(featureCount, manifest.Intents.Count, weights));
    }

    /// <summary>Writes the model into <paramref name="folder"/>, byte for byte the same for the same model.</summary>
    /// <param name="folder">The model folder; created if missing.</param>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        string manifestText = JsonSerializer.Serialize(Manifest, JsonOptions).ReplaceLineEndings("\n") + "\n";
        File.WriteAllText(Path.Combine(folder, ManifestFile), manifestText, new UTF8Encoding(false));

        var vocabularyText = new StringBuilder();
        vocabularyText.Append(CultureInfo.InvariantCulture, $"{Vocabulary.WordTermCount}\n");
        for (int i = 0; i < Vocabulary.Count; i++)
        {
            float idf = Vocabulary.InverseDocumentFrequency[i];
            vocabularyText.Append(CultureInfo.InvariantCulture, $"{Vocabulary.Terms[i]}\t{idf:R}\n");
        }

        File.WriteAllText(Path.Combine(folder, VocabularyFile), vocabularyText.ToString(), new UTF8Encoding(false));

        ReadOnlySpan<float> weights = Weights.Values;
        var bytes = new byte[weights.Length * sizeof(ushort)];
        for (int i = 0; i < weights.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * sizeof(ushort)), (Half)weights[i]);
        }

        File.WriteAllBytes(Path.Combine(folder, WeightsFile), bytes);
    }

    private static NgramVocabulary ReadVocabulary(string path)
    {
        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out int wordTermCount))
        {
            throw new InvalidDataException($"{VocabularyFile} must start with the number of word n-grams.");
        }

        var terms = new string[lines.Length - 1];
        var idf = new float[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            int tab = lines[i].LastIndexOf('\t');
            if (tab < 0)
            {
                throw new InvalidDataException($"{VocabularyFile} line {i + 1} has no tab.");
            }

            terms[i - 1] = lines[i][..tab];
            idf[i - 1] = float.Parse(lines[i].AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }

        return new NgramVocabulary(terms, idf, wordTermCount);
    }

    private static float[] ReadHalfFloats(string path, int expectedCount)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length != expectedCount * sizeof(ushort))
        {
            throw new InvalidDataException($"{WeightsFile} holds {bytes.Length} bytes, expected {expectedCount * 2}.");
        }

        var values = new float[expectedCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * sizeof(ushort)));
        }

        return values;
    }
}
