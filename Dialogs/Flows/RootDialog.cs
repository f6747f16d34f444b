using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Feedback;
using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Flows;

/// <summary>
/// The bottom of every conversation: greets, says it is an automated assistant, offers the four jobs, and
/// sends each message to the flow it belongs to. When a flow ends, it waits for what comes next.
/// </summary>
public sealed class RootDialog(BankProfile bank, IReadOnlyDictionary<Job, string> flows) : Dialog(DialogId)
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "root";

    /// <summary>Begin options that greet instead of routing the turn's message.</summary>
    public const string Welcome = "welcome";

    /// <summary>
    /// Begin options that introduce the bot in one line, when the customer's first message needs an answer.
    /// </summary>
    public const string Introduce = "introduce";

    /// <summary>Begin options that show the menu (after "start over").</summary>
    public const string Menu = DialogRunner.StartOverOptions;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        switch (options as string)
        {
            case Welcome:
                await dc.SendAsync(MenuReply(
                    $"Hello, and welcome to {bank.Name}! I'm the bank's automated assistant (a bot, not a person). " +
                    "I'm here day and night. What can I do for you?"), cancel);
                return DialogTurnResult.EndOfTurn;
            case Introduce:
                await dc.SendAsync($"Hi, I'm {bank.Name}'s automated assistant (a bot, not a person).", cancel);
                return DialogTurnResult.EndOfTurn;
            case Menu:
                await dc.SendAsync(MenuReply("Let's start over. What can I do for you?"), cancel);
                return DialogTurnResult.EndOfTurn;
            default:
                return await RouteAsync(dc, cancel);
        }
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancel) =>
        RouteAsync(dc, cancel);

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeAsync(
        DialogContext dc, ResumeReason reason, object? result, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (reason == ResumeReason.ChildEnded && result is RouteAgain)
        {
            // The flow ended because the message was a new request, not its answer: route it as one.
            return await RouteAsync(dc, cancel);
        }

        if (reason == ResumeReason.ChildEnded && result is FlowOutcome outcome)
        {
            await dc.SendAsync("Is there anything else I can do for you?", cancel);
            if (await FeedbackDialog.OfferAsync(dc, outcome, cancel) is { } offered)
            {
                return offered;
            }
        }

        return DialogTurnResult.EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptAsync(DialogContext dc, CancellationToken cancel) =>
        dc.SendAsync(MenuReply("What can I do for you?"), cancel);

    private async Task<DialogTurnResult> RouteAsync(DialogContext dc, CancellationToken cancel)
    {
        var route = Router.Route(PromptInput.From(dc.Context.Activity).Answer);
        if (flows.TryGetValue(route.Job, out var dialogId))
        {
            return await dc.BeginDialogAsync(dialogId, route.Detail, cancel);
        }

        if (route.Job == Job.Unknown && flows.TryGetValue(Job.Support, out var support))
        {
            // An empty message (or only an attachment): support's small talk says what the bot can read.
            return await dc.BeginDialogAsync(support, string.Empty, cancel);
        }

        await dc.SendAsync(MenuReply(route.Job == Job.Menu
            ? "Here's what I can do for you."
            : "I'm not sure I understood that. Here's what I can help with, or just ask your question in your " +
              "own words."), cancel);
        return DialogTurnResult.EndOfTurn;
    }

    private static QuestionReply MenuReply(string text) => new(text,
    [
        new ChoiceOption("menu:support", "Ask a question"),
        new ChoiceOption("menu:lead", "Our products"),
        new ChoiceOption("menu:ticket", "Report a problem"),
        new ChoiceOption("menu:status", "Check a ticket"),
        new ChoiceOption("menu:feedback", "Give feedback"),
    ], string.Empty) { Card = "welcome-menu" };
}
