using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Storage;

/// <summary>
/// What a store writes as a document: a JSON tree (records, converted implicitly from <see cref="JObject"/>), or
/// bot state written straight from its objects, so that a turn's save does not first build a tree of the whole
/// state only to write it out (a tenth of a turn's CPU went there).
/// </summary>
public abstract class DocumentContent
{
    /// <summary>Writes the content as one JSON object.</summary>
    public abstract void WriteTo(JsonWriter writer);

    /// <summary>The content as a new tree that nothing else holds (for stores that keep trees).</summary>
    public abstract JObject ToJObject();

    /// <summary>The content as compact JSON text.</summary>
    public string ToJson()
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            WriteTo(writer);
        }

        return text.ToString();
    }

    /// <summary>A tree as content.</summary>
    public static implicit operator DocumentContent(JObject content) => FromTree(content);

    /// <summary>A tree as content.</summary>
    public static DocumentContent FromTree(JObject content) =>
        new TreeContent(content ?? throw new ArgumentNullException(nameof(content)));

    /// <summary>The properties of a dictionary, each written by <paramref name="serializer"/>, except those
    /// named in <paramref name="left"/>.</summary>
    public static DocumentContent FromProperties(IDictionary<string, object> properties, JsonSerializer serializer,
        params string[] left) =>
        new PropertiesContent(properties ?? throw new ArgumentNullException(nameof(properties)), serializer, left);

    private sealed class TreeContent(JObject tree) : DocumentContent
    {
        public override void WriteTo(JsonWriter writer) => tree.WriteTo(writer);

        public override JObject ToJObject() => (JObject)tree.DeepClone();
    }

    private sealed class PropertiesContent(IDictionary<string, object> properties, JsonSerializer serializer,
        string[] left) : DocumentContent
    {
        public override void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                if (Array.IndexOf(left, name) < 0)
                {
                    writer.WritePropertyName(name);
                    serializer.Serialize(writer, value);
                }
            }

            writer.WriteEndObject();
        }

        public override JObject ToJObject()
        {
            using var tree = new JTokenWriter();
            WriteTo(tree);
            return (JObject)tree.Token!;
        }
    }
}
