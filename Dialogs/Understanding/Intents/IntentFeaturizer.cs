using System.Text;

namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>A sparse feature vector: parallel arrays of feature numbers (ascending) and values.</summary>
/// <param name="Indices">Feature numbers, ascending.</param>
/// <param name="Values">The value of each feature.</param>
public sealed record FeatureVector(int[] Indices, float[] Values);

/// <summary>
/// Turns a normalized utterance and its sentence embedding into the features of the linear model:
/// the scaled embedding, then TF-IDF weights of word and character n-grams (each block L2-normalized and
/// scaled), then a constant 1 for the bias. Training and recognition both go through this class.
/// </summary>
/// <param name="settings">The feature settings stored with the model.</param>
/// <param name="vocabulary">The n-grams the model knows.</param>
public sealed class IntentFeaturizer(IntentFeatureSettings settings, NgramVocabulary vocabulary)
{
    /// <summary>Embedding, n-gram terms and bias.</summary>
    public int FeatureCount => settings.EmbeddingDimensions + vocabulary.Count + 1;

    /// <summary>
    /// Lists the n-gram terms of a normalized utterance, once per occurrence: word n-grams prefixed
    /// <c>w:</c>, then character n-grams prefixed <c>c:</c>.
    /// </summary>
    /// <param name="normalizedText">Output of <see cref="UtteranceText.Normalize"/>.</param>
    /// <param name="settings">Which n-gram lengths to produce.</param>
    public static IEnumerable<string> Terms(string normalizedText, IntentFeatureSettings settings)
    {
        List<string> words = Words(normalizedText);
        for (int length = 1; length <= settings.MaxWordNgram; length++)
        {
            for (int start = 0; start + length <= words.Count; start++)
            {
                yield return NgramVocabulary.WordPrefix + string.Join(' ', words.Skip(start).Take(length));
            }
        }

        foreach (string word in words)
        {
            string padded = $" {word} ";
            for (int length = settings.MinCharNgram; length <= settings.MaxCharNgram; length++)
            {
                for (int start = 0; start + length <= padded.Length; start++)
                {
                    yield return string.Concat(NgramVocabulary.CharPrefix, padded.AsSpan(start, length));
                }
            }
        }
    }

    /// <summary>
    /// Splits normalized text into words: runs of letters and digits. Apostrophes inside a word are dropped
    /// ("hasn't" gives "hasnt"); every other character separates words.
    /// </summary>
    /// <param name="normalizedText">Output of <see cref="UtteranceText.Normalize"/>.</param>
    public static List<string> Words(string normalizedText)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char ch in normalizedText)
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
            }
            else if (word.Length > 0 && ch is '\'' or '\u2019' or '\u02BC')
            {
                continue;
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Builds the feature vector of one utterance.</summary>
    /// <param name="normalizedText">Output of <see cref="UtteranceText.Normalize"/>.</param>
    /// <param name="embedding">The unit-length sentence embedding of the same text.</param>
    public FeatureVector Featurize(string normalizedText, ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != settings.EmbeddingDimensions)
        {
            throw new ArgumentException(
                $"Expected an embedding of {settings.EmbeddingDimensions} values, got {embedding.Length}.",
                nameof(embedding));
        }

        var termFrequencies = new SortedDictionary<int, int>();
        foreach (string term in Terms(normalizedText, settings))
        {
            if (vocabulary.TryGetPosition(term, out int position))
            {
                termFrequencies[position] = termFrequencies.GetValueOrDefault(position) + 1;
            }
        }

        int count = embedding.Length + termFrequencies.Count + 1;
        var indices = new int[count];
        var values = new float[count];
        for (int i = 0; i < embedding.Length; i++)
        {
            indices[i] = i;
            values[i] = embedding[i] * settings.EmbeddingWeight;
        }

        int next = embedding.Length;
        foreach ((int position, int frequency) in termFrequencies)
        {
            indices[next] = embedding.Length + position;
            values[next] = (1f + MathF.Log(frequency)) * vocabulary.InverseDocumentFrequency[position];
            next++;
        }

        int firstChar = embedding.Length + vocabulary.WordTermCount;
        int charStart = Array.FindIndex(indices, embedding.Length, next - embedding.Length, i => i >= firstChar);
        charStart = charStart < 0 ? next : charStart;
        ScaleToLength(values.AsSpan(embedding.Length, charStart - embedding.Length), settings.WordWeight);
        ScaleToLength(values.AsSpan(charStart, next - charStart), settings.CharWeight);

        indices[next] = FeatureCount - 1;
        values[next] = 1f;
        return new FeatureVector(indices, values);
    }

    private static void ScaleToLength(Span<float> block, float length)
    {
        double squares = 0;
        foreach (float value in block)
        {
            squares += value * value;
        }

        if (squares <= 0)
        {
            return;
        }

        float factor = (float)(length / Math.Sqrt(squares));
        for (int i = 0; i < block.Length; i++)
        {
            block[i] *= factor;
        }
    }
}
