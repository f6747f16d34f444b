using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Leads;

/// <summary>The outcome of scoring a lead: its points, hot/warm/cold, and the reasons behind them.</summary>
public sealed record LeadScore(int Points, string Temperature, IReadOnlyList<string> Reasons);

/// <summary>One test on one fact of a lead: exactly one of equals, in, atLeast/atMost and missing is set.</summary>
public sealed class ScoringCondition
{
    /// <summary>The fact tested.</summary>
    [JsonProperty("field")]
    public string Field { get; set; } = string.Empty;

    /// <summary>Divides the fact by this other fact first (a deposit per property value).</summary>
    [JsonProperty("per")]
    public string? Per { get; set; }

    /// <summary>The fact equals this value (numbers compare as numbers, text ignoring case).</summary>
    [JsonProperty("equals")]
    public JToken? Is { get; set; }

    /// <summary>The fact equals one of these values.</summary>
    [JsonProperty("in")]
    public JArray? In { get; set; }

    /// <summary>The fact is a number at least this large.</summary>
    [JsonProperty("atLeast")]
    public decimal? AtLeast { get; set; }

    /// <summary>The fact is a number at most this large.</summary>
    [JsonProperty("atMost")]
    public decimal? AtMost { get; set; }

    /// <summary>True: the fact is absent (an undecided timeline); false: it is present.</summary>
    [JsonProperty("missing")]
    public bool? Missing { get; set; }
}

/// <summary>Points given when every condition holds, and the reason shown for them.</summary>
public sealed record ScoringRule(string Id, int Points, string Reason, IReadOnlyList<ScoringCondition> When);

/// <summary>
/// Scores a lead with the transparent rules of Knowledge/lead-scoring.json: every rule whose conditions all
/// hold adds its points, and the lead keeps the reason of each such rule, so anyone can see why it is hot.
/// </summary>
public sealed class LeadScoring
{
    /// <summary>The facts every lead has; product questions add their own ids.</summary>
    public static readonly IReadOnlySet<string> CommonFields =
        new HashSet<string> { "product", "amount", "timelineDays", "existingCustomer", "consent" };

    private readonly IReadOnlyList<ScoringRule> rules;
    private readonly int hot;
    private readonly int warm;

    private LeadScoring(IReadOnlyList<ScoringRule> rules, int hot, int warm)
    {
        this.rules = rules;
        this.hot = hot;
        this.warm = warm;
    }

    /// <summary>Scores a lead as of <paramref name="today"/>, the day the customer is talking to us.</summary>
    public LeadScore Score(Lead lead, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var facts = FactsOf(lead, today);
        var applied = rules.Where(rule => rule.When.All(condition => Holds(condition, facts))).ToList();
        var points = Math.Max(0, applied.Sum(rule => rule.Points));
        var temperature = points >= hot ? LeadTemperature.Hot
            : points >= warm ? LeadTemperature.Warm
            : LeadTemperature.Cold;
        var reasons = applied.Select(rule =>
            $"{rule.Points.ToString("+0;-0", CultureInfo.InvariantCulture)} {rule.Reason}");
        return new LeadScore(points, temperature, reasons.ToList());
    }

    /// <summary>What the rules can test, by field name.</summary>
    public static Dictionary<string, JToken> FactsOf(Lead lead, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var facts = new Dictionary<string, JToken>(StringComparer.Ordinal)
        {
            ["product"] = lead.Product,
            ["existingCustomer"] = lead.ExistingCustomer,
            ["consent"] = lead.Consent,
        };
        if (lead.Amount is { } amount)
        {
            facts["amount"] = amount.Amount;
        }

        if (lead.Timeline?.Date is { } date)
        {
            facts["timelineDays"] = date.DayNumber - today.DayNumber;
        }

        foreach (var answer in lead.Answers)
        {
            facts[answer.Id] = answer.Kind switch
            {
                QuestionKind.Amount or QuestionKind.Number =>
                    decimal.Parse(answer.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
                QuestionKind.YesNo => answer.Value == "true",
                _ => answer.Value,
            };
        }

        return facts;
    }

    private static bool Holds(ScoringCondition condition, Dictionary<string, JToken> facts)
    {
        var present = facts.TryGetValue(condition.Field, out var fact);
        if (condition.Missing is { } missing)
        {
            return missing != present;
        }

        if (!present)
        {
            return false;
        }

        if (condition.Per is { } per)
        {
            if (Number(fact) is not { } part || !facts.TryGetValue(per, out var whole) || Number(whole) is not > 0)
            {
                return false;
            }

            fact = part / Number(whole)!.Value;
        }

        if (condition.Is is { } expected)
        {
            return Same(fact!, expected);
        }

        if (condition.In is { } options)
        {
            return options.Any(option => Same(fact!, option));
        }

        var number = Number(fact);
        return number is not null && (condition.AtLeast is null || number >= condition.AtLeast)
            && (condition.AtMost is null || number <= condition.AtMost);
    }

    private static decimal? Number(JToken? token) =>
        token?.Type is JTokenType.Integer or JTokenType.Float ? token.Value<decimal>() : null;

    private static bool Same(JToken fact, JToken expected) => (Number(fact), Number(expected)) switch
    {
        ({ } a, { } b) => a == b,
        _ => string.Equals(fact.ToString(), expected.ToString(), StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>
    /// Loads and checks the rules: thresholds in order, every rule with a reason, non-zero points, known fields
    /// (so a misspelt field fails at start-up instead of silently never scoring) and one test per condition.
    /// </summary>
    public static LeadScoring Load(string path, LeadProducts products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var root = JObject.Parse(File.ReadAllText(path));
        var hot = root.SelectToken("thresholds.hot")?.Value<int>()
            ?? throw new InvalidDataException($"{path}: no hot threshold.");
        var warm = root.SelectToken("thresholds.warm")?.Value<int>()
            ?? throw new InvalidDataException($"{path}: no warm threshold.");
        if (warm <= 0 || hot <= warm)
        {
            throw new InvalidDataException($"{path}: thresholds must satisfy 0 < warm < hot.");
        }

        var rules = root["rules"]?.ToObject<List<ScoringRule>>(JsonSerializer.CreateDefault())
            ?? throw new InvalidDataException($"{path}: 'rules' is missing.");
        var fields = CommonFields.Concat(products.QuestionIds).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var where = $"{path}: rule '{rule.Id}'";
            if (string.IsNullOrWhiteSpace(rule.Id) || string.IsNullOrWhiteSpace(rule.Reason) || rule.Points == 0
                || rule.When is not { Count: > 0 })
            {
                throw new InvalidDataException($"{where} needs an id, a reason, non-zero points and conditions.");
            }

            foreach (var condition in rule.When)
            {
                CheckCondition(where, condition, fields);
            }
        }

        return new LeadScoring(rules, hot, warm);
    }

    private static void CheckCondition(string where, ScoringCondition condition, HashSet<string> fields)
    {
        if (!fields.Contains(condition.Field) || (condition.Per is { } per && !fields.Contains(per)))
        {
            throw new InvalidDataException($"{where}: field '{condition.Field}' or '{condition.Per}' is not known.");
        }

        var tests = new object?[] { condition.Is, condition.In, condition.Missing }.Count(t => t is not null)
            + (condition.AtLeast is not null || condition.AtMost is not null ? 1 : 0);
        if (tests != 1)
        {
            throw new InvalidDataException($"{where}: each condition needs exactly one test.");
        }
    }
}
