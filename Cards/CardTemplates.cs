using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace BankingBot.Cards;

/// <summary>The Adaptive Card templates in <c>Templates/</c>, one JSON file per card, embedded here.</summary>
public static class CardTemplates
{
    private const string Prefix = "BankingBot.Cards.Templates.";
    private static readonly ConcurrentDictionary<string, JObject> Loaded = new();

    /// <summary>The names of every template (file names without ".json").</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(CardTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The named template filled with the data.</summary>
    public static JObject Bind(string name, JObject data) => TemplateBinder.Bind(Template(name), data);

    /// <summary>
    /// The named template filled with the data, as the channel gets it: its schema version, and on Teams every
    /// Action.Submit turned into a Universal Action with the submit as its fallback.
    /// </summary>
    public static JObject Bind(string name, JObject data, ChannelProfile channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return AdaptiveCardRenderer.ForChannel(Bind(name, data), channel);
    }

    /// <summary>The named template as written.</summary>
    public static JObject Template(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Loaded.GetOrAdd(name, key =>
        {
            using var stream = typeof(CardTemplates).Assembly.GetManifestResourceStream(Prefix + key + ".json")
                ?? throw new ArgumentException($"There is no card template '{key}'.", nameof(name));
            using var reader = new StreamReader(stream);
            return JObject.Parse(reader.ReadToEnd());
        });
    }
}
