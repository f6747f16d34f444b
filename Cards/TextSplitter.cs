namespace BankingBot.Cards;

/// <summary>Splits long text into parts a channel shows whole, breaking between words.</summary>
public static class TextSplitter
{
    /// <summary>Parts of at most <paramref name="maxLength"/> characters that together hold all of the text.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = BestBreak(rest, maxLength);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int BestBreak(string text, int maxLength)
    {
        // Prefer a paragraph, then a sentence, then a word; cut mid-word only when nothing else fits.
        foreach (var separator in new[] { "\n\n", ". ", " " })
        {
            var at = text.LastIndexOf(separator, maxLength - 1, StringComparison.Ordinal);
            if (at > maxLength / 3)
            {
                return at + separator.Length;
            }
        }

        return maxLength;
    }
}
