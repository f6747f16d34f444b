using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Cards;

/// <summary>
/// The answer to a Teams Universal Action (an <c>adaptiveCard/action</c> invoke): the card the turn produced,
/// which Teams puts in place of the card that was clicked.
/// </summary>
public static class UniversalActions
{
    /// <summary>The invoke's name.</summary>
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>The card a reply carries, when it is a message holding exactly one Adaptive Card and no text.</summary>
    public static JObject? CardOf(IActivity reply) =>
        reply is IMessageActivity { Attachments.Count: 1 } message && string.IsNullOrEmpty(message.Text)
            && message.SuggestedActions is null
            && message.Attachments[0].ContentType == AdaptiveCardRenderer.ContentType
            ? message.Attachments[0].Content as JObject ?? JObject.FromObject(message.Attachments[0].Content)
            : null;

    /// <summary>The invoke response body that shows this card in place of the clicked one.</summary>
    public static JObject UpdatedCard(JObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JObject
        {
            ["statusCode"] = 200,
            ["type"] = AdaptiveCardRenderer.ContentType,
            ["value"] = card,
        };
    }

    /// <summary>The invoke response body when the turn produced no card: a short message.</summary>
    public static JObject Accepted(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    };
}
