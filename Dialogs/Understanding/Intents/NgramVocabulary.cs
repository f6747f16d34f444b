namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>
/// The word and character n-grams the model knows, each with its inverse document frequency. Word n-grams
/// (prefix <c>w:</c>) come first, then character n-grams (prefix <c>c:</c>); the position of a term is its
/// feature number after the embedding.
/// </summary>
/// <param name="Terms">Every known term, word n-grams first.</param>
/// <param name="InverseDocumentFrequency">The IDF weight of each term, same order.</param>
/// <param name="WordTermCount">How many of <paramref name="Terms"/> are word n-grams.</param>
public sealed record NgramVocabulary(
    IReadOnlyList<string> Terms,
    IReadOnlyList<float> InverseDocumentFrequency,
    int WordTermCount)
{
    /// <summary>Prefix of word n-gram terms.</summary>
    public const string WordPrefix = "w:";

    /// <summary>Prefix of character n-gram terms.</summary>
    public const string CharPrefix = "c:";

    private readonly Dictionary<string, int> positions = Terms
        .Select((term, position) => (term, position))
        .ToDictionary(entry => entry.term, entry => entry.position, StringComparer.Ordinal);

    /// <summary>The number of terms.</summary>
    public int Count => Terms.Count;

    /// <summary>Finds the position of <paramref name="term"/>; false for a term the model never saw.</summary>
    public bool TryGetPosition(string term, out int position) => positions.TryGetValue(term, out position);
}
