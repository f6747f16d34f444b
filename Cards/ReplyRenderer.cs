using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Cards;

/// <summary>
/// Turns what a flow wants to show into activities that look right on the customer's channel:
/// Adaptive Cards where the channel has them, quick replies on Messenger, numbered text elsewhere.
/// Flows never look at the channel themselves.
/// </summary>
public sealed class ReplyRenderer
{
    private const int MessengerBubbleLength = 640;

    /// <summary>Renders one reply for the given channel.</summary>
    public IReadOnlyList<IMessageActivity> Render(Reply reply, ChannelProfile channel)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(channel);
        return reply switch
        {
            TextReply text => RenderText(text.Text, channel),
            QuestionReply { Choices.Count: 0 } question => RenderText(question.Text, channel),
            QuestionReply question => [RenderQuestion(question, channel)],
            SummaryReply summary => [RenderSummary(summary, channel)],
            _ => throw new ArgumentException($"No rendering for {reply.GetType().Name}.", nameof(reply)),
        };
    }

    private static IReadOnlyList<IMessageActivity> RenderText(string text, ChannelProfile channel) =>
        channel.Style == ReplyStyle.QuickReplies
            ? TextSplitter.Split(text, MessengerBubbleLength)
                .Select(part => (IMessageActivity)MessageFactory.Text(part)).ToList()
            : [MessageFactory.Text(text)];

    private static IMessageActivity RenderQuestion(QuestionReply question, ChannelProfile channel)
    {
        switch (channel.Style)
        {
            case ReplyStyle.AdaptiveCards:
            case ReplyStyle.TeamsCards:
                var card = AdaptiveCardBuilder.Question(question, channel);
                var activity = MessageFactory.Attachment(card);
                activity.Text = null;
                return activity;

            case ReplyStyle.QuickReplies:
                var message = MessageFactory.Text(question.Text);
                message.SuggestedActions = new SuggestedActions
                {
                    Actions = question.Choices.Take(channel.MaxSuggestedActions)
                        .Select(choice => new CardAction(ActionTypes.PostBack, ShortTitle(choice.Title),
                            value: Payload(question.PromptId, choice.Value)))
                        .ToList(),
                };
                return message;

            default:
                var lines = question.Choices.Select((choice, index) => $"{index + 1}. {choice.Title}");
                return MessageFactory.Text(question.Text + "\n\n" + string.Join("\n", lines));
        }
    }

    private static IMessageActivity RenderSummary(SummaryReply summary, ChannelProfile channel)
    {
        if (channel.Style is ReplyStyle.AdaptiveCards or ReplyStyle.TeamsCards)
        {
            return MessageFactory.Attachment(AdaptiveCardBuilder.Summary(summary, channel));
        }

        var lines = summary.Facts.Select(fact => $"{fact.Label}: {fact.Value}");
        var footer = summary.Footer is null ? string.Empty : "\n\n" + summary.Footer;
        return MessageFactory.Text($"{summary.Title}\n\n{string.Join("\n", lines)}{footer}");
    }

    /// <summary>A title cut to what every channel shows, with an ellipsis when cut.</summary>
    public static string ShortTitle(string title) =>
        title.Length <= ChannelProfile.MaxTitleLength ? title : title[..(ChannelProfile.MaxTitleLength - 1)] + "…";

    private static string Payload(string promptId, string value) =>
        CardAnswer.Data(promptId, value).ToString(Newtonsoft.Json.Formatting.None);
}
