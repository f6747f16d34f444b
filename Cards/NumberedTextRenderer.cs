using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Cards;

/// <summary>
/// Shows replies as plain text on channels that show nothing else: options numbered so that the customer can
/// answer by number, summaries as labelled lines, and a form asked one field at a time.
/// </summary>
internal static class NumberedTextRenderer
{
    public static IReadOnlyList<IMessageActivity> Render(Reply reply) => reply switch
    {
        TextReply text => [MessageFactory.Text(text.Text)],
        QuestionReply question => [MessageFactory.Text(Numbered(question.Text, question.Choices))],
        SummaryReply summary => [MessageFactory.Text(SummaryText(summary))],
        FormReply form => [MessageFactory.Text(Numbered(form.Question, FirstFieldChoices(form)))],
        CardReply card => [MessageFactory.Text(Numbered(card.Text, card.Actions))],
        _ => throw new ArgumentException($"No text rendering for {reply.GetType().Name}.", nameof(reply)),
    };

    /// <summary>The text followed by its options, one a line, numbered from 1.</summary>
    public static string Numbered(string text, IReadOnlyList<ChoiceOption> choices) => choices.Count == 0
        ? text
        : text + "\n\n" + string.Join("\n", choices.Select((choice, index) => $"{index + 1}. {choice.Title}"));

    /// <summary>A summary as lines of text.</summary>
    public static string SummaryText(SummaryReply summary)
    {
        var lines = summary.Facts.Select(fact => $"{fact.Label}: {fact.Value}");
        var footer = summary.Footer is null ? string.Empty : "\n\n" + summary.Footer;
        return $"{summary.Title}\n\n{string.Join("\n", lines)}{footer}";
    }

    /// <summary>The options of the form field asked now.</summary>
    public static IReadOnlyList<ChoiceOption> FirstFieldChoices(FormReply form) => form.Fields[0].Kind switch
    {
        FormFieldKind.Choice => form.Fields[0].Choices,
        FormFieldKind.YesNo => ChoiceLists.YesNo,
        _ => [],
    };
}
