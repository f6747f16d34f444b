using System.Globalization;
using System.Text.RegularExpressions;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Feedback;

/// <summary>
/// Reads a rating from 1 to 5 out of what customers actually send: a number ("4", "4/5", "4 stars"), a word
/// ("four", "great", "terrible", "ok", "not bad"), stars ("⭐⭐⭐⭐") or an emoji ("👍", "😡").
/// </summary>
public static partial class Ratings
{
    /// <summary>The lowest rating.</summary>
    public const int Lowest = 1;

    /// <summary>The highest rating.</summary>
    public const int Highest = 5;

    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["excellent"] = 5, ["great"] = 5, ["amazing"] = 5, ["perfect"] = 5, ["brilliant"] = 5, ["fantastic"] = 5,
        ["superb"] = 5, ["outstanding"] = 5, ["awesome"] = 5, ["wonderful"] = 5, ["love it"] = 5, ["loved it"] = 5,
        ["very good"] = 5, ["really good"] = 5, ["good"] = 4, ["nice"] = 4, ["helpful"] = 4, ["pretty good"] = 4,
        ["quite good"] = 4, ["fine"] = 3, ["ok"] = 3, ["okay"] = 3, ["alright"] = 3, ["all right"] = 3,
        ["average"] = 3, ["so so"] = 3, ["meh"] = 3, ["not bad"] = 3, ["mixed"] = 3, ["not great"] = 2,
        ["bad"] = 2, ["poor"] = 2, ["not good"] = 2, ["disappointing"] = 2, ["unhelpful"] = 2, ["not helpful"] = 2,
        ["very bad"] = 1, ["terrible"] = 1, ["awful"] = 1, ["horrible"] = 1, ["useless"] = 1, ["worst"] = 1,
        ["rubbish"] = 1, ["hate it"] = 1, ["hated it"] = 1, ["very poor"] = 1, ["dreadful"] = 1,
    };

    private static readonly Dictionary<string, int> Emoji = new(StringComparer.Ordinal)
    {
        ["😍"] = 5, ["🤩"] = 5, ["🥰"] = 5, ["❤️"] = 5, ["❤"] = 5, ["💯"] = 5, ["👏"] = 5,
        ["😀"] = 4, ["😃"] = 4, ["😄"] = 4, ["😊"] = 4, ["🙂"] = 4, ["👍"] = 4, ["👌"] = 4,
        ["😐"] = 3, ["😶"] = 3, ["🤷"] = 3, ["😑"] = 3,
        ["🙁"] = 2, ["😕"] = 2, ["☹️"] = 2, ["☹"] = 2, ["👎"] = 2, ["😞"] = 2,
        ["😡"] = 1, ["😠"] = 1, ["🤬"] = 1, ["😤"] = 1, ["😭"] = 1, ["💩"] = 1,
    };

    /// <summary>The rating the text gives, or null when it gives none (or one outside 1 to 5).</summary>
    public static int? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return null;
        }

        var raw = text.Trim();
        var stars = raw.Count(c => c is '★') + CountOf(raw, "⭐");
        if (stars > 0)
        {
            return stars <= Highest ? stars : null;
        }

        if (Emoji.Where(e => raw.Contains(e.Key, StringComparison.Ordinal)).Select(e => (int?)e.Value).FirstOrDefault()
            is { } face)
        {
            return face;
        }

        if (Scored().Match(raw.ToLowerInvariant()) is { Success: true } scored)
        {
            return InRange(int.Parse(scored.Groups["n"].Value, CultureInfo.InvariantCulture));
        }

        var said = ChoiceRecognizer.Normalize(raw);
        if (said.Split(' ').Length <= 5 && Entities.Number(said) is { } number && number == decimal.Truncate(number))
        {
            return InRange((int)number);
        }

        // The longest matching phrase wins, so "not good" is 2 rather than "good" 4.
        return Words.Where(w => $" {said} ".Contains($" {w.Key} ", StringComparison.Ordinal))
            .OrderByDescending(w => w.Key.Length).Select(w => (int?)w.Value).FirstOrDefault();
    }

    private static int? InRange(int rating) => rating is >= Lowest and <= Highest ? rating : null;

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0;
            at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"\b(?<n>\d+)\s*(?:(?:/|out of)\s*5|stars?)\b")]
    private static partial Regex Scored();
}
