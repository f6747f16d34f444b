using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Flows;

namespace BankingBot.Dialogs.Feedback;

/// <summary>Begin options of the feedback flow when the bot offers it after another flow.</summary>
public sealed record FeedbackOffer(string Flow);

/// <summary>
/// Asks for a rating from 1 to 5, then an optional comment, then (if the bank wants it) how likely the
/// customer is to recommend the bank, and stores it once. The bot offers it after a completed flow at most once
/// per conversation; the customer can also ask to give feedback at any time. A customer who would rather ask
/// something else is answered, not held to the rating question.
/// </summary>
public sealed class FeedbackDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "feedback";

    private const string AskedRatingId = DialogId + ".rating";
    private const string OfferedRatingId = DialogId + ".offeredRating";
    private const string CommentId = DialogId + ".comment";
    private const string RecommendationId = DialogId + ".recommendation";
    private const string Skip = "skip";

    private static readonly ChoiceOption[] SkipChoice =
        [new(Skip, "No, thanks", ["no", "skip", "nothing", "no comment", "none", "no thanks", "nope", "n/a"])];

    private readonly FeedbackLog log;
    private readonly FeedbackSettings settings;
    private readonly BankProfile bank;
    private readonly TimeProvider time;

    /// <summary>Creates the flow over the feedback log.</summary>
    public FeedbackDialog(FeedbackLog log, FeedbackSettings settings, BankProfile bank, TimeProvider time)
        : base(DialogId)
    {
        (this.log, this.settings, this.bank, this.time) = (log, settings, bank, time);
        AddDialog(new WaterfallDialog(DialogId + ".steps",
            [AskRatingAsync, AskCommentAsync, AskRecommendationAsync, RecordFeedbackAsync]));
        AddDialog(new RatingPrompt(AskedRatingId, offered: false));
        AddDialog(new RatingPrompt(OfferedRatingId, offered: true));
        AddDialog(new TextPrompt(CommentId, maxLength: 1000));
        AddDialog(new NumberPrompt(RecommendationId, RecommendationFitsAsync));
    }

    /// <inheritdoc />
    public override string Purpose => "giving feedback";

    /// <inheritdoc />
    public override string Help =>
        "I'm asking how this chat went for you: a rating from 1 to 5, a comment if you like, and how likely you " +
        "are to recommend us. Say \"cancel\" to stop, or just ask me something else.";

    /// <summary>
    /// Offers a rating after a completed flow, unless it follows a flow that never gets one or this conversation
    /// was asked already. Returns null when no offer was made.
    /// </summary>
    public static async Task<DialogTurnResult?> OfferAsync(DialogContext dc, FlowOutcome outcome,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Completed || dc.FindDialog(DialogId) is not FeedbackDialog feedback
            || feedback.settings.NotOfferedAfter.Contains(outcome.Flow, StringComparer.Ordinal)
            || !await feedback.InviteAsync(dc, cancel))
        {
            return null;
        }

        return await dc.BeginDialogAsync(DialogId, new FeedbackOffer(outcome.Flow), cancel);
    }

    private async Task<DialogTurnResult> AskRatingAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (step.OptionsAs<FeedbackOffer>() is null)
        {
            // Asked for directly: remember it, so that the bot does not offer it again later on.
            await InviteAsync(step.Dialog, cancel);
            return await step.PromptAsync(AskedRatingId, PromptOptions.Choose(
                "Thanks for taking the time! How would you rate this chat, from 1 (very poor) to 5 (excellent)?",
                RatingPrompt.Choices, "Please tap a number from 1 to 5, or tell me in a word, such as \"good\".")
                .ShownAs("feedback-rating"), cancel);
        }

        return await step.PromptAsync(OfferedRatingId, PromptOptions.Choose(
            "And if you have a moment: how would you rate this chat, from 1 (very poor) to 5 (excellent)?",
            RatingPrompt.Choices, "Please tap a number from 1 to 5, or just tell me what else I can do for you.")
            .ShownAs("feedback-rating"), cancel);
    }

    private static async Task<DialogTurnResult> AskCommentAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var answer = (RatingAnswer)step.Result!;
        switch (answer.Choice)
        {
            case RatingChoice.Declined:
                await step.Dialog.SendAsync("No problem. I'm here if you need anything else.", cancel);
                return await step.EndAsync(null, cancel);
            case RatingChoice.AskedSomethingElse:
                return await step.EndAsync(new RouteAgain(DialogId), cancel);
        }

        step.Set("rating", answer.Rating);
        var thanks = answer.Rating switch
        {
            >= 4 => "Thank you, glad to hear it!",
            3 => "Thank you.",
            _ => "Thank you, and I'm sorry it wasn't better.",
        };
        return await step.PromptAsync(CommentId, PromptOptions.Choose(
            $"{thanks} Is there anything you'd like to tell us? Type it here, or say \"no\" to skip.", SkipChoice,
            "Please type your comment, or say \"no\" to skip.").ShownAs("feedback-comment"), cancel);
    }

    private async Task<DialogTurnResult> AskRecommendationAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("comment", CommentOf((string)step.Result!));
        if (!settings.AskRecommendation)
        {
            return await step.NextAsync(null, cancel);
        }

        return await step.PromptAsync(RecommendationId, PromptOptions.Ask(
            $"Last one: how likely are you to recommend {bank.Name} to a friend, from 0 (not at all) to 10 " +
            "(very likely)?", "Please give a whole number from 0 to 10."), cancel);
    }

    private async Task<DialogTurnResult> RecordFeedbackAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var activity = step.Dialog.Context.Activity;
        var now = time.GetUtcNow();
        var offer = step.OptionsAs<FeedbackOffer>();
        var entry = new FeedbackEntry
        {
            CreatedAt = now, UpdatedAt = now, Channel = activity.ChannelId, Customer = Customer.IdOf(activity),
            Rating = step.Get<int>("rating"), Comment = step.Get<string>("comment"),
            Recommendation = step.Result is decimal score ? (int)score : null, Flow = offer?.Flow,
            Offered = offer is not null,
        };
        entry.Record(now, "customer", "gave feedback");
        await log.RecordAsync(entry, $"{activity.Conversation?.Id}/{activity.Id}", cancel);

        await step.Dialog.SendAsync("Thank you for your feedback! It helps us get better.", cancel);
        return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }

    private Task<bool> InviteAsync(DialogContext dc, CancellationToken cancel)
    {
        var activity = dc.Context.Activity;
        return log.TryInviteAsync($"{activity.ChannelId}/{activity.Conversation?.Id}", Customer.IdOf(activity),
            activity.ChannelId, activity.Id ?? string.Empty, cancel);
    }

    // A short "no" or a tap on "No, thanks" skips the comment; anything longer is the comment itself.
    private static string? CommentOf(string said)
    {
        var words = said.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var skipped = words <= 3 && (ChoiceRecognizer.Recognize(said, SkipChoice) is not null
            || ConfirmPrompt.Read(said) is false);
        return skipped ? null : said;
    }

    private static Task<bool> RecommendationFitsAsync(PromptValidatorContext<decimal> check,
        CancellationToken cancel)
    {
        var score = check.Recognized.Value;
        return Task.FromResult(score is >= 0 and <= 10 && score == decimal.Truncate(score));
    }
}
