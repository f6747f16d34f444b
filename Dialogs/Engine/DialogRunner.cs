using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Dialogs.Engine;

/// <summary>
/// Runs one turn through the dialog stack kept in conversation state: refuses answers from stale cards,
/// handles the commands that work anywhere (help, cancel, start over, talk to a person), continues the
/// active dialog, and starts the root dialog when none is active. Saving state is the caller's part, so
/// that it happens once per turn, before any reply leaves.
/// </summary>
public sealed class DialogRunner
{
    private const string ExpiredCard =
        "That form has expired or was already answered, so I've left everything as it was.";

    /// <summary>The options the root dialog is begun with after "start over".</summary>
    public const string StartOverOptions = "menu";

    private readonly DialogSet dialogs;
    private readonly string rootDialogId;
    private readonly DialogEngineOptions options;
    private readonly IStatePropertyAccessor<DialogState> stack;

    /// <summary>Creates a runner over the given dialogs; the root dialog must be among them.</summary>
    public DialogRunner(DialogSet dialogs, string rootDialogId, ConversationState conversationState,
        DialogEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        this.dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.rootDialogId = dialogs.Find(rootDialogId)?.Id
            ?? throw new ArgumentException($"Root dialog '{rootDialogId}' is not registered.", nameof(rootDialogId));
        dialogs.Add(new ConfirmCancelDialog());
        stack = conversationState.CreateProperty<DialogState>("dialogState");
    }

    /// <summary>Handles the turn's activity and leaves the updated stack in conversation state.</summary>
    public async Task<DialogTurnResult> RunAsync(ITurnContext turn, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var state = await stack.GetAsync(turn, () => new DialogState(), cancel);
        var dc = new DialogContext(dialogs, options, turn, state);
        var result = await HandleAsync(dc, cancel);
        await stack.SetAsync(turn, state, cancel);
        return result;
    }

    /// <summary>Begins a dialog on top of the stack from outside a turn's message (a greeting, an event).</summary>
    public async Task<DialogTurnResult> BeginAsync(ITurnContext turn, string dialogId, object? dialogOptions,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var state = await stack.GetAsync(turn, () => new DialogState(), cancel);
        var dc = new DialogContext(dialogs, options, turn, state);
        var result = await dc.BeginDialogAsync(dialogId, dialogOptions, cancel);
        await stack.SetAsync(turn, state, cancel);
        return result;
    }

    private async Task<DialogTurnResult> HandleAsync(DialogContext dc, CancellationToken cancel)
    {
        var activity = dc.Context.Activity;
        var input = PromptInput.From(activity);
        var askedId = dc.ActiveDialog?.Get<string>(PromptIds.Key);
        var staleCard = input.PromptId is not null
            ? input.PromptId != askedId
            : input.IsCardAnswer && askedId is not null;
        if (staleCard)
        {
            // An answer from an old card, a second click, or a menu button pressed while a question waits.
            await dc.SendAsync(ExpiredCard, cancel);
            await dc.RepromptDialogAsync(cancel);
            return DialogTurnResult.EndOfTurn;
        }

        if (activity.Type == ActivityTypes.Message && !input.IsCardAnswer)
        {
            var command = Interruptions.Recognize(activity.Text);
            if (command != Interruption.None)
            {
                return await InterruptAsync(dc, command, cancel);
            }
        }

        var result = await dc.ContinueDialogAsync(cancel);
        if (result.Status == DialogTurnStatus.Empty
            && (activity.Type == ActivityTypes.Message || input.IsCardAnswer))
        {
            result = await dc.BeginDialogAsync(rootDialogId, null, cancel);
        }

        return result;
    }

    private async Task<DialogTurnResult> InterruptAsync(DialogContext dc, Interruption command,
        CancellationToken cancel)
    {
        var flow = dc.DialogsOnStack().FirstOrDefault(d => d.Purpose is not null);
        switch (command)
        {
            case Interruption.Help:
                var help = dc.DialogsOnStack().Select(d => d.Help).FirstOrDefault(h => h is not null);
                await dc.SendAsync(help ?? options.GeneralHelp, cancel);
                await dc.RepromptDialogAsync(cancel);
                return DialogTurnResult.EndOfTurn;

            case Interruption.Cancel when flow is not null:
                return await dc.BeginDialogAsync(ConfirmCancelDialog.DialogId, flow.Purpose, cancel);

            case Interruption.Cancel:
                await dc.SendAsync("There's nothing to cancel right now. " + options.GeneralHelp, cancel);
                return DialogTurnResult.EndOfTurn;

            case Interruption.TalkToPerson when options.HandoverDialogId is not null:
                await dc.CancelAllDialogsAsync(cancel);
                return await dc.BeginDialogAsync(options.HandoverDialogId, null, cancel);

            default:
                await dc.CancelAllDialogsAsync(cancel);
                return await dc.BeginDialogAsync(rootDialogId, StartOverOptions, cancel);
        }
    }
}
