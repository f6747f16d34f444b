using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>Chooses the n-grams a model knows, and their IDF weights, from its training utterances.</summary>
public static class NgramVocabularyBuilder
{
    /// <summary>
    /// Keeps every n-gram found in at least <paramref name="minDocumentFrequency"/> utterances, word n-grams
    /// first, each group in ordinal order. IDF is the smoothed <c>ln((1 + n) / (1 + df)) + 1</c>.
    /// </summary>
    /// <param name="normalizedTexts">Normalized training utterances.</param>
    /// <param name="settings">Which n-grams to count.</param>
    /// <param name="minDocumentFrequency">How many utterances must contain an n-gram for it to be kept.</param>
    public static NgramVocabulary Build(
        IReadOnlyList<string> normalizedTexts, IntentFeatureSettings settings, int minDocumentFrequency)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string text in normalizedTexts)
        {
            foreach (string term in IntentFeaturizer.Terms(text, settings).Distinct(StringComparer.Ordinal))
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        string[] kept = documentFrequency
            .Where(entry => entry.Value >= minDocumentFrequency)
            .Select(entry => entry.Key)
            .OrderBy(term => term.StartsWith(NgramVocabulary.WordPrefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(term => term, StringComparer.Ordinal)
            .ToArray();

        int wordTermCount = kept.Count(term => term.StartsWith(NgramVocabulary.WordPrefix, StringComparison.Ordinal));
        float[] idf = kept
            .Select(term => (float)(Math.Log((1.0 + normalizedTexts.Count) / (1.0 + documentFrequency[term])) + 1.0))
            .ToArray();

        return new NgramVocabulary(kept, idf, wordTermCount);
    }
}
