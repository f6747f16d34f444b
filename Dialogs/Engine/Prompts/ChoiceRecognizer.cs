using System.Text.RegularExpressions;
using BankingBot.Cards;

namespace BankingBot.Dialogs.Engine;

/// <summary>
/// Finds which option a customer picked: by its value, title or a synonym, by number ("2"), by position
/// ("the second one", "last"), or by a unique part of its title ("savings" for "Savings account").
/// </summary>
public static partial class ChoiceRecognizer
{
    private const int MaxPartialWords = 5;

    private static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    private static readonly HashSet<string> Fillers =
        ["the", "a", "an", "one", "option", "number", "no", "choice", "please", "i", "want", "would", "like", "pick",
            "choose", "take", "it", "is", "that", "this", "id", "i'd", "go", "with", "for", "me"];

    /// <summary>The option picked, or null when the answer names none or several.</summary>
    public static ChoiceOption? Recognize(string? answer, IReadOnlyList<ChoiceOption> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(answer) || choices.Count == 0)
        {
            return null;
        }

        var said = Normalize(answer);
        var exact = choices.Where(choice => Names(choice).Any(name => Normalize(name) == said)).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var words = said.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Fillers.Contains(w)).ToList();
        if (Position(words, choices.Count) is { } index)
        {
            return choices[index];
        }

        // A long message or a question is something else said in the middle of the question ("how long does
        // a card take?"), not a pick, even when it mentions an option.
        var question = answer.TrimEnd().EndsWith('?');
        return words.Count == 0 || words.Count > MaxPartialWords || question ? null : Partial(said, words, choices);
    }

    private static int? Position(List<string> words, int count)
    {
        if (words.Count != 1)
        {
            return null;
        }

        var word = words[0];
        if (word == "last")
        {
            return count - 1;
        }

        var ordinal = Array.IndexOf(Ordinals, word);
        if (ordinal >= 0)
        {
            return ordinal < count ? ordinal : null;
        }

        var number = OrdinalSuffix().Replace(word, string.Empty);
        return int.TryParse(number, out var n) && n >= 1 && n <= count ? n - 1 : null;
    }

    private static ChoiceOption? Partial(string said, List<string> words, IReadOnlyList<ChoiceOption> choices)
    {
        // The answer contains a whole option name, or every word of the answer is in exactly one option.
        var contained = choices.Where(choice => Names(choice)
            .Any(name => Normalize(name) is { Length: > 2 } n && $" {said} ".Contains($" {n} "))).ToList();
        if (contained.Count == 1)
        {
            return contained[0];
        }

        var covering = choices.Where(choice => Names(choice)
            .Any(name => words.All(Normalize(name).Split(' ').Contains))).ToList();
        return covering.Count == 1 ? covering[0] : null;
    }

    private static IEnumerable<string> Names(ChoiceOption choice) =>
        new[] { choice.Value, choice.Title }.Concat(choice.Synonyms ?? []);

    /// <summary>Lower case, punctuation and extra spaces removed.</summary>
    public static string Normalize(string text) =>
        Spaces().Replace(Punctuation().Replace(text.ToLowerInvariant(), " "), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}'\s]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("(st|nd|rd|th)$")]
    private static partial Regex OrdinalSuffix();
}
