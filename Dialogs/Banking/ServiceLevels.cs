using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Banking;

/// <summary>
/// How soon an engineer answers a ticket, by category and urgency, in working hours. The table is the data
/// file Knowledge/service-levels.json, checked when the bot starts.
/// </summary>
public sealed class ServiceLevels
{
    /// <summary>The urgencies a ticket can have, least urgent first.</summary>
    public static readonly IReadOnlyList<string> Urgencies = ["low", "normal", "high", "urgent"];

    private readonly Dictionary<string, Dictionary<string, double>> hours;

    private ServiceLevels(Dictionary<string, Dictionary<string, double>> hours) => this.hours = hours;

    /// <summary>The ticket categories, in the order of the table.</summary>
    public IReadOnlyList<string> Categories => hours.Keys.ToList();

    /// <summary>Working time until an engineer answers.</summary>
    public TimeSpan ResponseTime(string category, string urgency)
    {
        if (!hours.TryGetValue(category, out var row) || !row.TryGetValue(urgency, out var value))
        {
            throw new ArgumentException($"No service level for {category}/{urgency}.");
        }

        return TimeSpan.FromHours(value);
    }

    /// <summary>Loads and checks the table: every category has every urgency, more urgent is never slower.</summary>
    public static ServiceLevels Load(string path)
    {
        var table = JObject.Parse(File.ReadAllText(path))["categories"] as JObject
            ?? throw new InvalidDataException($"{path}: 'categories' is missing.");
        var hours = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (category, row) in table)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var urgency in Urgencies)
            {
                var value = row?[urgency]?.Value<double>()
                    ?? throw new InvalidDataException($"{path}: {category} has no '{urgency}'.");
                if (value <= 0)
                {
                    throw new InvalidDataException($"{path}: {category}/{urgency} must be positive.");
                }

                values[urgency] = value;
            }

            if (Urgencies.Zip(Urgencies.Skip(1)).Any(pair => values[pair.Second] > values[pair.First]))
            {
                throw new InvalidDataException($"{path}: in {category}, a more urgent ticket may not wait longer.");
            }

            hours[category] = values;
        }

        return hours.Count > 0 ? new ServiceLevels(hours) : throw new InvalidDataException($"{path}: no categories.");
    }
}
