using BankingBot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Engine;

/// <summary>
/// The customer's answer, whatever form the channel delivered it in: typed text, a card submit's
/// <c>value</c>, a Teams <c>adaptiveCard/action</c> invoke, or a Messenger quick-reply or postback payload.
/// </summary>
public sealed record PromptInput(string? Text, JObject? Data, string? PromptId)
{
    /// <summary>The typed text, or the card's answer field when there is no text.</summary>
    public string? Answer => !string.IsNullOrWhiteSpace(Text) ? Text.Trim() : Data?[CardAnswer.AnswerKey]?.ToString();

    /// <summary>True when the answer came from a card or button rather than typing.</summary>
    public bool IsCardAnswer => Data is not null;

    /// <summary>A field of the card's data, or null when missing or of another type.</summary>
    public string? Field(string name) => Data?[name] is JValue { Type: JTokenType.String or JTokenType.Integer
        or JTokenType.Float or JTokenType.Boolean } value ? value.ToString() : null;

    /// <summary>Reads the answer out of an activity.</summary>
    public static PromptInput From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var data = CardData(activity);
        var text = activity is IMessageActivity message ? message.Text : null;
        if (data is not null && text is not null && IsEcho(text, data))
        {
            // Messenger and some clients put the button's title in the text as well as the payload.
            text = null;
        }

        return new PromptInput(text, data, data?[CardAnswer.PromptKey]?.ToString());
    }

    private static JObject? CardData(IActivity activity)
    {
        if (activity is IInvokeActivity { Name: "adaptiveCard/action" } invoke)
        {
            return AsObject(invoke.Value) is { } value ? value.SelectToken("action.data") as JObject : null;
        }

        if (activity is IMessageActivity message)
        {
            return AsObject(message.Value) ?? MessengerPayload(message.ChannelData);
        }

        return null;
    }

    private static JObject? MessengerPayload(object? channelData)
    {
        var raw = AsObject(channelData);
        var payload = raw?.SelectToken("message.quick_reply.payload") ?? raw?.SelectToken("postback.payload");
        return payload?.Type == JTokenType.String ? ParseObject(payload.ToString()) : null;
    }

    private static bool IsEcho(string text, JObject data) => data[CardAnswer.PromptKey] is not null
        && data[CardAnswer.AnswerKey] is not null && !string.IsNullOrWhiteSpace(text);

    private static JObject? AsObject(object? value) => value switch
    {
        JObject obj => obj,
        string json => ParseObject(json),
        null => null,
        _ => SafeFromObject(value),
    };

    private static JObject? SafeFromObject(object value)
    {
        try
        {
            return JToken.FromObject(value) as JObject;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static JObject? ParseObject(string json)
    {
        if (!json.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JObject.Parse(json);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
