using System.Globalization;
using System.Text;

namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>
/// Puts customer text into the one canonical form that both training and recognition see, so the model is
/// never scored on text shaped differently from what it learnt from.
/// </summary>
public static class UtteranceText
{
    /// <summary>The longest normalized text, in UTF-16 code units; the rest of a longer message is ignored.</summary>
    public const int MaxChars = 500;

    // Raw input beyond this is cut before any other work, so a huge paste costs no more than a long question.
    private const int MaxRawChars = 4 * MaxChars;

    /// <summary>
    /// Lower-cases the text, folds compatibility forms (full-width letters, ligatures), turns every run of
    /// whitespace or control characters into one space, drops invisible format characters and lone surrogates,
    /// trims it and caps it at <see cref="MaxChars"/>.
    /// </summary>
    /// <param name="text">Text as the customer typed it; null is treated as empty.</param>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string folded = WithoutLoneSurrogates(text.Length > MaxRawChars ? text[..MaxRawChars] : text);
        if (!folded.IsNormalized(NormalizationForm.FormKC))
        {
            folded = folded.Normalize(NormalizationForm.FormKC);
        }

        var builder = new StringBuilder(Math.Min(folded.Length, MaxChars));
        bool spacePending = false;
        foreach (char ch in folded)
        {
            if (builder.Length >= MaxChars)
            {
                break;
            }

            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                spacePending = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format)
            {
                continue;
            }

            if (spacePending)
            {
                builder.Append(' ');
                spacePending = false;
            }

            builder.Append(char.ToLowerInvariant(ch));
        }

        // The cap may have split a surrogate pair; drop its orphaned first half.
        if (builder.Length > 0 && char.IsHighSurrogate(builder[^1]))
        {
            builder.Length--;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// Prepares normalized text for the MiniLM sentence encoder, whose tokenizer splits on spaces only: each
    /// punctuation mark or symbol becomes its own word, as in the tokenization the encoder was trained with.
    /// Text longer than <paramref name="maxWords"/> keeps its first and last words (half each): the encoder's
    /// cost grows with length, and a long message usually states its point at the start or the end.
    /// </summary>
    /// <param name="normalizedText">Output of <see cref="Normalize"/>.</param>
    /// <param name="maxWords">The most words (punctuation marks included) to keep; 0 keeps all.</param>
    public static string ForSentenceEncoder(string normalizedText, int maxWords)
    {
        string spaced = SpacePunctuation(normalizedText);
        if (maxWords <= 0)
        {
            return spaced;
        }

        string[] words = spaced.Split(' ');
        if (words.Length <= maxWords)
        {
            return spaced;
        }

        int head = maxWords / 2;
        return string.Join(' ', words.Take(head).Concat(words.TakeLast(maxWords - head)));
    }

    private static string SpacePunctuation(string normalizedText)
    {
        var builder = new StringBuilder(normalizedText.Length + 16);
        bool spaceBeforeNext = false;
        for (int i = 0; i < normalizedText.Length; i++)
        {
            if (normalizedText[i] == ' ')
            {
                spaceBeforeNext = true;
                continue;
            }

            bool mark = char.IsPunctuation(normalizedText, i) || char.IsSymbol(normalizedText, i);
            if ((mark || spaceBeforeNext) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(normalizedText[i]);
            if (char.IsSurrogatePair(normalizedText, i))
            {
                builder.Append(normalizedText[++i]);
            }

            spaceBeforeNext = mark;
        }

        return builder.ToString();
    }

    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
