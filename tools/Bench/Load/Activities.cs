using System.Buffers;
using System.Text.Json;

namespace BankingBot.Bench.Load;

/// <summary>The activities a channel posts to a bot's <c>/api/messages</c>, as JSON bytes.</summary>
internal static class Activities
{
    /// <summary>The channel the benchmark's customers write from (authentication off, as for the Emulator).</summary>
    public const string ChannelId = "emulator";

    /// <summary>A customer's message in a conversation; the id makes each message of a run distinct.</summary>
    public static byte[] Message(string serviceUrl, string conversationId, int sequence, string text)
    {
        var buffer = new ArrayBufferWriter<byte>(640);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", $"{conversationId}.{sequence}");
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("localTimezone", "Europe/London");
            json.WriteString("locale", "en-GB");
            json.WriteString("serviceUrl", serviceUrl);
            json.WriteString("channelId", ChannelId);
            Account(json, "from", "user-" + conversationId, "Customer", "user");
            Account(json, "recipient", "bankingbot", "Bot", "bot");
            json.WriteStartObject("conversation");
            json.WriteString("id", conversationId);
            json.WriteEndObject();
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Account(Utf8JsonWriter json, string property, string id, string name, string role)
    {
        json.WriteStartObject(property);
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteString("role", role);
        json.WriteEndObject();
    }
}
