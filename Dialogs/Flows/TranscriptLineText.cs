using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Flows;

/// <summary>
/// A transcript line in conversation state as one string, <c>time|from|text</c> (the time in the round-trip
/// format), instead of an object of three properties. The transcript is read and written on every turn and was
/// the largest part of its cost in JSON: 30 objects built as tokens, then each through its constructor with the
/// time parsed by culture. Lines stored as objects by earlier versions are still read. A line that cannot be read
/// (a damaged state file) is kept as its text from "unknown": the transcript only informs staff, and must not stop
/// the conversation it belongs to.
/// </summary>
public sealed class TranscriptLineText : JsonConverter<TranscriptLine>
{
    private const char Separator = '|';

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, TranscriptLine? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteValue(
            $"{value.At.ToString("O", CultureInfo.InvariantCulture)}{Separator}{value.From}{Separator}{value.Text}");
    }

    /// <inheritdoc />
    public override TranscriptLine? ReadJson(JsonReader reader, Type objectType, TranscriptLine? existingValue,
        bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.TokenType switch
        {
            JsonToken.Null => Unreadable(string.Empty),
            JsonToken.String => Parse((string)reader.Value!),
            JsonToken.StartObject => FromObject(JObject.Load(reader)),
            _ => Unreadable(JToken.ReadFrom(reader).ToString(Formatting.None)),
        };
    }

    private static TranscriptLine Parse(string line)
    {
        var afterTime = line.IndexOf(Separator, StringComparison.Ordinal);
        var afterFrom = afterTime < 0 ? -1 : line.IndexOf(Separator, afterTime + 1);
        return afterFrom >= 0 && TimeOf(line[..afterTime]) is { } at
            ? new TranscriptLine(at, line[(afterTime + 1)..afterFrom], line[(afterFrom + 1)..])
            : Unreadable(line);
    }

    // The form before 2026-12-05: {"At": ..., "From": ..., "Text": ...}.
    private static TranscriptLine FromObject(JObject line) =>
        line["At"]?.Type is JTokenType.String or JTokenType.Date && TimeOf(line.Value<string>("At")) is { } at
            && line["From"]?.Type == JTokenType.String && line["Text"]?.Type == JTokenType.String
            ? new TranscriptLine(at, line.Value<string>("From")!, line.Value<string>("Text")!)
            : Unreadable(line.ToString(Formatting.None));

    private static DateTimeOffset? TimeOf(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    private static TranscriptLine Unreadable(string stored) => new(default, "unknown", stored);
}
