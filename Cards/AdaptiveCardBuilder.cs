using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Cards;

/// <summary>
/// Builds Adaptive Cards for questions and summaries. Text goes into TextBlocks as data, never as card
/// markup, so what a customer typed cannot change a card's structure.
/// </summary>
internal static class AdaptiveCardBuilder
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment Question(QuestionReply question, ChannelProfile channel)
    {
        var actions = new JArray(question.Choices.Take(channel.MaxCardButtons).Select(choice =>
            SubmitAction(channel, ReplyRenderer.ShortTitle(choice.Title),
                CardAnswer.Data(question.PromptId, choice.Value))));
        var body = new JArray(TextBlock(question.Text, wrap: true));
        return Card(channel, body, actions);
    }

    public static Attachment Summary(SummaryReply summary, ChannelProfile channel)
    {
        var facts = new JArray(summary.Facts.Select(fact => new JObject
        {
            ["title"] = fact.Label,
            ["value"] = fact.Value,
        }));
        var body = new JArray(
            TextBlock(summary.Title, wrap: true, weight: "Bolder", size: "Medium"),
            new JObject { ["type"] = "FactSet", ["facts"] = facts });
        if (summary.Footer is not null)
        {
            body.Add(TextBlock(summary.Footer, wrap: true));
        }

        return Card(channel, body, []);
    }

    private static Attachment Card(ChannelProfile channel, JArray body, JArray actions)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = channel.Style == ReplyStyle.TeamsCards ? "1.5" : "1.6",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return new Attachment { ContentType = ContentType, Content = card };
    }

    private static JObject SubmitAction(ChannelProfile channel, string title, JObject data)
    {
        var submit = new JObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (channel.Style != ReplyStyle.TeamsCards)
        {
            return submit;
        }

        // Teams gets a Universal Action, answered in place; older clients fall back to a plain submit.
        return new JObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = "answer",
            ["data"] = data.DeepClone(),
            ["fallback"] = submit,
        };
    }

    private static JObject TextBlock(string text, bool wrap, string? weight = null, string? size = null)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = wrap };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }
}
