using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Cards;

/// <summary>
/// Shows replies as Adaptive Cards bound from the templates: schema 1.6 with Action.Submit for Web Chat, Direct
/// Line and the Emulator; schema 1.5 with Universal Actions (Action.Execute, with an Action.Submit fallback) for
/// Teams. A short question in a Teams 1:1 chat gets suggested actions instead, which Teams shows only there.
/// </summary>
internal static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static IReadOnlyList<IMessageActivity> Render(Reply reply, ChannelProfile channel) => reply switch
    {
        TextReply text => [MessageFactory.Text(text.Text)],
        QuestionReply { Choices.Count: 0 } question => [MessageFactory.Text(question.Text)],
        QuestionReply question when FitsSuggestedActions(question.Choices, channel) =>
            [SuggestedActionsMessage(question, channel)],
        QuestionReply question => [Message(question.Card ?? "question", Merge(question.CardData, new JObject
        {
            ["text"] = question.Text,
            ["promptId"] = question.PromptId,
            ["buttons"] = Buttons(question.Choices, question.PromptId, channel),
        }), channel)],
        SummaryReply summary => [Message(summary.Card ?? "summary", Merge(summary.CardData, new JObject
        {
            ["title"] = summary.Title,
            ["facts"] = new JArray(summary.Facts.Select(f => new JObject { ["title"] = f.Label, ["value"] = f.Value })),
            ["footer"] = summary.Footer ?? string.Empty,
        }), channel)],
        FormReply form => [Message(form.Card, Merge(form.CardData, FormData(form, channel)), channel)],
        CardReply card => [Message(card.Card, Merge(card.Data, new JObject
        {
            ["buttons"] = Buttons(card.Actions, card.PromptId, channel),
        }), channel)],
        _ => throw new ArgumentException($"No card rendering for {reply.GetType().Name}.", nameof(reply)),
    };

    /// <summary>The card as the channel gets it: its schema version, and Universal Actions on Teams.</summary>
    public static JObject ForChannel(JObject card, ChannelProfile channel)
    {
        card["version"] = channel.CardVersion ?? "1.5";
        if (channel.Style == ReplyStyle.TeamsCards)
        {
            // Only buttons in an actions list; a fallback already in place is a property, not a list item.
            foreach (var submit in card.Descendants().OfType<JObject>()
                         .Where(a => (string?)a["type"] == "Action.Submit" && a.Parent is JArray).ToList())
            {
                submit.Replace(Execute(submit));
            }
        }

        return card;
    }

    private static JObject FormData(FormReply form, ChannelProfile channel)
    {
        // The first field's choices are the card's buttons: a click answers it and sends whatever else the
        // customer filled in. A first field without choices is answered in its box and sent with one button.
        var first = form.Fields[0];
        var choices = first.Kind switch
        {
            FormFieldKind.Choice => first.Choices,
            FormFieldKind.YesNo => ChoiceLists.YesNo,
            _ => [],
        };
        var shown = choices.Count > 0 ? form.Fields.Skip(1) : form.Fields;
        var buttons = choices.Count > 0
            ? Buttons(choices, form.PromptId, channel)
            : new JArray(Button("Send", CardAnswer.Prompt(form.PromptId), true));
        return new JObject
        {
            ["question"] = form.Question,
            ["fields"] = new JArray(shown.Select(field => new JObject
            {
                ["name"] = field.Name,
                ["label"] = field.Label,
                ["kind"] = field.Kind switch
                {
                    FormFieldKind.Choice => "choice",
                    FormFieldKind.YesNo => "yesno",
                    _ => "text",
                },
                ["placeholder"] = field.Placeholder ?? (field.Kind == FormFieldKind.Choice ? "Choose…" : ""),
                ["maxLength"] = field.MaxLength,
                ["choices"] = new JArray(field.Choices.Select(c =>
                    new JObject { ["title"] = c.Title, ["value"] = c.Value })),
            })),
            ["buttons"] = buttons,
        };
    }

    private static JArray Buttons(IReadOnlyList<ChoiceOption> choices, string promptId, ChannelProfile channel) =>
        new(choices.Take(channel.MaxCardButtons)
            .Select(choice => Button(ReplyRenderer.ShortTitle(choice.Title), CardAnswer.Data(promptId, choice.Value),
                gathersInputs: true)));

    private static JObject Button(string title, JObject data, bool gathersInputs) => new()
    {
        ["title"] = title,
        ["data"] = data,
        ["associatedInputs"] = gathersInputs ? "auto" : "none",
    };

    private static IMessageActivity Message(string template, JObject data, ChannelProfile channel)
    {
        var card = ForChannel(CardTemplates.Bind(template, data), channel);
        if (card["actions"] is JArray { Count: 0 })
        {
            card.Remove("actions");
        }

        var activity = MessageFactory.Attachment(new Attachment { ContentType = ContentType, Content = card });
        activity.Text = null;
        return activity;
    }

    private static JObject Merge(JObject? extra, JObject data)
    {
        if (extra is not null)
        {
            foreach (var property in extra.Properties().Where(p => data[p.Name] is null))
            {
                data[property.Name] = property.Value.DeepClone();
            }
        }

        return data;
    }

    private static bool FitsSuggestedActions(IReadOnlyList<ChoiceOption> choices, ChannelProfile channel) =>
        channel.Style == ReplyStyle.TeamsCards && choices.Count <= channel.MaxSuggestedActions
        && choices.All(c => c.Title.Length <= ChannelProfile.MaxTitleLength);

    private static IMessageActivity SuggestedActionsMessage(QuestionReply question, ChannelProfile channel)
    {
        // Teams shows suggested actions only in 1:1 chats, at most three; a messageBack carries the answer data.
        var message = MessageFactory.Text(question.Text);
        message.SuggestedActions = new SuggestedActions
        {
            Actions = question.Choices.Take(channel.MaxSuggestedActions).Select(choice => new CardAction
            {
                Type = ActionTypes.MessageBack,
                Title = choice.Title,
                Text = choice.Title,
                DisplayText = choice.Title,
                Value = CardAnswer.Data(question.PromptId, choice.Value),
            }).ToList(),
        };
        return message;
    }

    private static JObject Execute(JObject submit) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = submit["title"]?.DeepClone(),
        ["verb"] = CardAnswer.Verb,
        ["data"] = submit["data"]?.DeepClone() ?? new JObject(),
        ["associatedInputs"] = submit["associatedInputs"]?.DeepClone() ?? "auto",
        ["fallback"] = submit,
    };
}
