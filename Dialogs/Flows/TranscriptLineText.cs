using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Flows;

/// <summary>
/// A transcript line in conversation state as one string, <c>time|from|text</c> (the time in the round-trip
/// format), instead of an object of three properties. The transcript is read and written on every turn and was
/// the largest part of its cost in JSON: 30 objects built as tokens, then each through its constructor with the
/// time parsed by culture. Lines stored as objects by earlier versions are still read.
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

        writer.WriteValue(string.Concat(value.At.ToString("O", CultureInfo.InvariantCulture), "|", value.From, "|",
            value.Text));
    }

    /// <inheritdoc />
    public override TranscriptLine? ReadJson(JsonReader reader, Type objectType, TranscriptLine? existingValue,
        bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.TokenType switch
        {
            JsonToken.Null => null,
            JsonToken.String => Parse((string)reader.Value!),
            JsonToken.StartObject => FromObject(JObject.Load(reader), serializer),
            _ => throw new JsonSerializationException($"A transcript line cannot be read from {reader.TokenType}."),
        };
    }

    private static TranscriptLine Parse(string line)
    {
        var afterTime = line.IndexOf(Separator, StringComparison.Ordinal);
        var afterFrom = afterTime < 0 ? -1 : line.IndexOf(Separator, afterTime + 1);
        if (afterFrom < 0 || !DateTimeOffset.TryParseExact(line.AsSpan(0, afterTime), "O",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new JsonSerializationException("A transcript line is not in the form time|from|text.");
        }

        return new TranscriptLine(at, line[(afterTime + 1)..afterFrom], line[(afterFrom + 1)..]);
    }

    // The form before 2026-12-05: {"At": ..., "From": ..., "Text": ...}.
    private static TranscriptLine FromObject(JObject line, JsonSerializer serializer) => new(
        line["At"]?.ToObject<DateTimeOffset>(serializer) ?? default,
        (string?)line["From"] ?? string.Empty,
        (string?)line["Text"] ?? string.Empty);
}
