using System.Text.Json;
using System.Text.RegularExpressions;

namespace BankingBot.Dialogs.Support;

/// <summary>One banking term explained in plain words.</summary>
/// <param name="Term">The term as the glossary names it, for example <c>APR</c>.</param>
/// <param name="Aliases">Other names for it, for example <c>annual percentage rate</c>.</param>
/// <param name="Explanation">What it means, in a sentence or two.</param>
/// <param name="Example">A short example.</param>
/// <param name="Related">Other terms of the glossary worth knowing alongside.</param>
public sealed record GlossaryEntry(string Term, IReadOnlyList<string> Aliases, string Explanation, string Example,
    IReadOnlyList<string> Related)
{
    /// <summary>The term as shown; an abbreviation with what it stands for: "APR (annual percentage rate)".</summary>
    public string Display => Term.Any(char.IsLower) || Aliases.Count == 0 ? Term : $"{Term} ({Aliases[0]})";
}

/// <summary>A term found in the glossary, and how sure the match is.</summary>
/// <param name="Entry">The entry found.</param>
/// <param name="Name">The name (term or alias) that matched.</param>
/// <param name="IsExact">False when the words were misspelled and matched by edit distance.</param>
/// <param name="IsWhole">False when the term is only part of what the customer asked about.</param>
public sealed record GlossaryMatch(GlossaryEntry Entry, string Name, bool IsExact, bool IsWhole);

/// <summary>
/// The glossary of banking terms, from the data file Knowledge/glossary.json, checked at start-up. It finds the
/// term in "what does X mean", "what is an X", "explain X", "define X" or "meaning of X", by term or alias,
/// forgiving misspellings ("anual percentage rate", "amortisaton") by edit distance; an exact match always
/// wins over a misspelled one.
/// </summary>
public sealed partial class Glossary
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, (GlossaryEntry Entry, string Name)> names;

    private Glossary(IReadOnlyList<GlossaryEntry> entries)
    {
        Entries = entries;
        names = new(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Term))
            {
                names.TryAdd(TermText.Normalize(name), (entry, name));
            }
        }
    }

    /// <summary>Every entry, in the order of the file.</summary>
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>
    /// Reads and checks the file: every entry has a term and an explanation, no name belongs to two entries, and
    /// every related term is itself in the glossary. Throws <see cref="InvalidDataException"/> listing the problems.
    /// </summary>
    public static Glossary Load(string path)
    {
        var file = JsonSerializer.Deserialize<GlossaryFile>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        var entries = (file.Terms ?? []).Select(t => new GlossaryEntry(t.Term ?? string.Empty, t.Aliases ?? [],
            t.Explanation ?? string.Empty, t.Example ?? string.Empty, t.Related ?? [])).ToList();
        var problems = entries.Where(e => string.IsNullOrWhiteSpace(e.Term) || string.IsNullOrWhiteSpace(e.Explanation))
            .Select(e => $"'{e.Term}' needs a term and an explanation").ToList();
        problems.AddRange(entries.SelectMany(e => e.Aliases.Prepend(e.Term).Select(TermText.Normalize).Distinct()
                .Select(name => (name, e.Term)))
            .GroupBy(n => n.name).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' names {string.Join(" and ", g.Select(n => n.Term))}"));
        var glossary = new Glossary(entries);
        problems.AddRange(entries.SelectMany(e => e.Related
            .Where(r => !glossary.names.ContainsKey(TermText.Normalize(r)))
            .Select(r => $"'{e.Term}' relates to '{r}', which is not in the glossary")));
        if (entries.Count == 0)
        {
            problems.Add("no terms");
        }

        return problems.Count == 0
            ? glossary
            : throw new InvalidDataException($"{path}: " + string.Join("; ", problems));
    }

    /// <summary>The entry for a whole term or alias: exact first, else the closest misspelling, else null.</summary>
    public GlossaryMatch? Lookup(string? phrase)
    {
        var said = TermText.Normalize(phrase ?? string.Empty);
        return said.Length == 0 ? null : Exact(said, whole: true) ?? Fuzzy(said, whole: true);
    }

    /// <summary>
    /// The term a customer asks about, when the message is a glossary question; null otherwise. A match is
    /// whole when the asked-about words are the term; otherwise the term is the longest one inside them
    /// ("explain the APR on my loan"). "What is X" without "a" or "an" only counts when X is a whole term,
    /// and "what is the X" never does: it usually asks for the bank's figure, not a definition.
    /// </summary>
    public GlossaryMatch? FindQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return null;
        }

        var said = TermText.Question(text);
        if (StrongQuestion().Match(said) is { Success: true } strong)
        {
            var asked = TermText.Normalize(TermText.WithoutArticle(strong.Groups["x"].Value));
            return asked.Length == 0 ? null : Exact(asked, true) ?? Fuzzy(asked, true) ?? Inside(asked);
        }

        return PlainWhatIs().Match(said) is { Success: true } plain ? Lookup(plain.Groups["x"].Value) : null;
    }

    /// <summary>
    /// The words a customer asked the meaning of ("what does foobar mean?") when the glossary has no such term;
    /// null when the message is no definition question, names a known term, or asks about "it" or "that".
    /// </summary>
    public string? UnknownTermAsked(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 120 || FindQuestion(text) is not null
            || AsksAboutLastAnswer(text) || StrongQuestion().Match(TermText.Question(text)) is not { Success: true } m)
        {
            return null;
        }

        var asked = m.Groups["x"].Value.Trim();
        var words = asked.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 3 && !words.Any(Pronouns.Contains) ? asked : null;
    }

    /// <summary>
    /// True for "what does that word mean", "what does that mean", "I don't understand those terms": a question
    /// about the words of the bot's last answer rather than a term the customer names.
    /// </summary>
    public static bool AsksAboutLastAnswer(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 80 && FollowUp().IsMatch(TermText.Question(text));

    /// <summary>The full explanation of a match, with an example and related terms.</summary>
    public static string Explain(GlossaryMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var entry = match.Entry;
        var guess = match.IsExact ? string.Empty : $"I think you mean \"{match.Name}\". ";
        var example = string.IsNullOrWhiteSpace(entry.Example) ? string.Empty : $" For example: {entry.Example}";
        var related = entry.Related.Count == 0
            ? string.Empty
            : $" Related terms: {string.Join(", ", entry.Related.Take(3))}.";
        return $"{guess}{entry.Display}: {entry.Explanation}{example}{related}";
    }

    /// <summary>A one-line explanation, for explaining several terms at once.</summary>
    public static string ExplainBriefly(GlossaryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{entry.Display}: {entry.Explanation}";
    }

    private GlossaryMatch? Exact(string said, bool whole)
    {
        if (names.TryGetValue(said, out var found) || (said.EndsWith('s') && names.TryGetValue(said[..^1], out found)))
        {
            return new GlossaryMatch(found.Entry, found.Name, IsExact: true, whole);
        }

        return null;
    }

    private GlossaryMatch? Fuzzy(string said, bool whole)
    {
        // Typos rarely change a word's first letter, and requiring it keeps "debt" from turning into "debit".
        GlossaryMatch? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (name, found) in names.Where(n => n.Key[0] == said[0]))
        {
            var allowed = TermText.AllowedTypos(Math.Min(said.Length, name.Length));
            var distance = TermText.Distance(said, name, allowed);
            if (distance <= allowed && distance < bestDistance)
            {
                best = new GlossaryMatch(found.Entry, found.Name, IsExact: false, whole);
                bestDistance = distance;
            }
        }

        return best;
    }

    private GlossaryMatch? Inside(string asked)
    {
        // The first term among the customer's words, the longest at that place: "what does APR on my credit card
        // mean" is about APR. Exact runs are tried before misspelled ones.
        var words = asked.Split(' ');
        for (var pass = 0; pass < 2; pass++)
        {
            for (var start = 0; start < words.Length; start++)
            {
                for (var length = Math.Min(words.Length - start, 5); length >= 1; length--)
                {
                    var run = string.Join(' ', words, start, length);
                    if (length == words.Length || run.Length < 3 || TermText.IsCommonWord(run))
                    {
                        continue;
                    }

                    if ((pass == 0 ? Exact(run, false) : Fuzzy(run, false)) is { } match)
                    {
                        return match;
                    }
                }
            }
        }

        return null;
    }

    private static readonly HashSet<string> Pronouns =
        ["it", "that", "this", "they", "them", "those", "these", "he", "she", "i", "you", "we", "my", "your"];

    [GeneratedRegex(@"^(?:(?:and|so|sorry|ok|okay|hi|hello|um|hmm) )*(?:" +
        @"what (?:does|do) (?:the )?(?:(?:word|term|phrase|abbreviation|acronym) )?(?<x>.+?) (?:mean|means|stand for)" +
        @"(?: (?:exactly|again|in|on|for|when|if|here)\b.*)?" +
        @"|what do (?:you|they|people|banks) mean by (?<x>.+)" +
        @"|(?:can you |could you |would you |please )*(?:explain|define)(?: to me| for me| please)?" +
        @"(?: what)?(?: the (?:word|term|phrase)| the)? (?!how |why |when |where |who |whether |if |what )" +
        @"(?<x>.+?)(?: is| means| mean| to me| please)?" +
        @"|(?:what is |what's |whats |tell me )?(?:the )?(?:meaning|definition) of (?<x>.+)" +
        @"|(?<x>.+?) (?:meaning|definition)" +
        @"|what(?:'s| is|s| are) (?:an?|the term|the word) (?<x>.+))$")]
    private static partial Regex StrongQuestion();

    [GeneratedRegex(@"^(?:(?:and|so|sorry|ok|okay|hi|hello) )*what(?:'s| is|s| are) " +
        @"(?!the |my |your |our |this |that |it )(?<x>.+)$")]
    private static partial Regex PlainWhatIs();

    [GeneratedRegex(@"^(?:(?:and|so|sorry|ok|okay|hmm|um|but) )*(?:" +
        @"what (?:does|do|did) (?:that|this|it|those|these|all that|all this)(?: (?:word|words|term|terms|bit|part))?" +
        @" (?:mean|means)(?: exactly| again)?" +
        @"|what (?:is|are|'s|s) (?:that|this|those|these) (?:word|words|term|terms)" +
        @"|what(?:'s| is|s) that" +
        @"|(?:i )?(?:don't|dont|do not) (?:understand|get|know)" +
        @" (?:that|this|those|these|the|some of the|some of those) (?:word|words|term|terms|jargon|bit)" +
        @"|(?:can you |could you |please )*explain (?:that|this|those|these|the) (?:word|words|term|terms|jargon))$")]
    private static partial Regex FollowUp();

    private sealed record GlossaryFile(List<EntryRecord>? Terms);

    private sealed record EntryRecord(string? Term, List<string>? Aliases, string? Explanation, string? Example,
        List<string>? Related);
}

/// <summary>How glossary terms and questions about them are compared.</summary>
internal static partial class TermText
{
    private static readonly HashSet<string> CommonWords =
    [
        "the", "and", "for", "you", "your", "with", "what", "this", "that", "how", "can", "are", "was", "does",
        "mean", "means", "word", "term", "bank", "when", "from", "have", "has", "not", "but", "its", "it's",
    ];

    /// <summary>Lower case, apostrophes dropped, other punctuation as spaces: "3-D Secure" is "3 d secure".</summary>
    public static string Normalize(string text) =>
        Spaces().Replace(NotWord().Replace(text.ToLowerInvariant().Replace("'", "").Replace("\u2019", ""), " "), " ")
            .Trim();

    /// <summary>A question as the patterns read it: lower case, quotes straightened, end punctuation off.</summary>
    public static string Question(string text)
    {
        var said = text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        said = Spaces().Replace(Separators().Replace(said, " "), " ").Trim();
        return EndPunctuation().Replace(said, string.Empty).Trim();
    }

    /// <summary>The asked-about words without a leading article or "the term".</summary>
    public static string WithoutArticle(string asked) => LeadingArticle().Replace(asked.Trim(), string.Empty);

    /// <summary>True for a word too common to be taken as the term a customer means.</summary>
    public static bool IsCommonWord(string run) => CommonWords.Contains(run);

    /// <summary>Typos forgiven in a name of this length: none up to 4 letters, then one per 7 or so.</summary>
    public static int AllowedTypos(int length) => length <= 4 ? 0 : length <= 8 ? 1 : length <= 15 ? 2 : 3;

    /// <summary>
    /// Edits (insert, delete, replace, swap two neighbours) between two texts; any value above
    /// <paramref name="max"/> is reported as max + 1, so that far-apart texts cost little.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }

                rowBest = Math.Min(rowBest, current[j]);
            }

            if (rowBest > max)
            {
                return max + 1;
            }

            (before, previous, current) = (previous, current, before);
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[,;:""\u201c\u201d()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[\s?!.\u2026]+$")]
    private static partial Regex EndPunctuation();

    [GeneratedRegex(@"^(?:(?:an?|the|term|word|phrase|abbreviation)\s+)+")]
    private static partial Regex LeadingArticle();
}
