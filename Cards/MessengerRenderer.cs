using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Cards;

/// <summary>
/// Shows replies on Facebook Messenger, which has no Adaptive Cards: text split into bubbles so nothing is cut,
/// quick replies (at most 10, titles of at most 20 characters) for choices, a hero card with at most 3 buttons
/// for follow-up actions, and a form asked one field at a time. A choice list too long for quick replies is
/// numbered, so the customer can answer by number.
/// </summary>
internal static class MessengerRenderer
{
    public const int BubbleLength = 640;

    public static IReadOnlyList<IMessageActivity> Render(Reply reply, ChannelProfile channel) => reply switch
    {
        TextReply text => Bubbles(text.Text),
        QuestionReply question => Question(question.Text, question.Choices, question.PromptId, channel),
        SummaryReply summary => Bubbles(NumberedTextRenderer.SummaryText(summary)),
        FormReply form => Question(form.Question, NumberedTextRenderer.FirstFieldChoices(form), form.PromptId, channel),
        CardReply card => WithButtons(card, channel),
        _ => throw new ArgumentException($"No Messenger rendering for {reply.GetType().Name}.", nameof(reply)),
    };

    private static IReadOnlyList<IMessageActivity> Question(string text, IReadOnlyList<ChoiceOption> choices,
        string promptId, ChannelProfile channel)
    {
        if (choices.Count > channel.MaxSuggestedActions)
        {
            return Bubbles(NumberedTextRenderer.Numbered(text, choices));
        }

        var bubbles = Bubbles(text);
        if (choices.Count > 0)
        {
            // Quick replies belong to the last bubble; Messenger shows them until the customer answers.
            bubbles[^1].SuggestedActions = new SuggestedActions
            {
                Actions = choices.Select(choice => PostBack(choice, promptId)).ToList(),
            };
        }

        return bubbles;
    }

    private static IReadOnlyList<IMessageActivity> WithButtons(CardReply card, ChannelProfile channel)
    {
        if (card.Actions.Count == 0)
        {
            return Bubbles(card.Text);
        }

        if (card.Actions.Count > channel.MaxCardButtons)
        {
            return Question(card.Text, card.Actions, card.PromptId, channel);
        }

        // A hero card without an image becomes Messenger's button template: up to 640 characters and 3 buttons.
        var bubbles = Bubbles(card.Text);
        var last = bubbles[^1];
        var hero = new HeroCard
        {
            Text = last.Text,
            Buttons = card.Actions.Select(choice => PostBack(choice, card.PromptId)).ToList(),
        };
        bubbles[^1] = MessageFactory.Attachment(hero.ToAttachment());
        return bubbles;
    }

    private static CardAction PostBack(ChoiceOption choice, string promptId) =>
        new(ActionTypes.PostBack, ReplyRenderer.ShortTitle(choice.Title),
            value: CardAnswer.Data(promptId, choice.Value).ToString(Newtonsoft.Json.Formatting.None));

    private static List<IMessageActivity> Bubbles(string text) => TextSplitter.Split(text, BubbleLength)
        .Select(part => (IMessageActivity)MessageFactory.Text(part)).ToList();
}
