using BankingBot.Cards;
using Microsoft.Bot.Builder;

namespace BankingBot.Dialogs.Engine;

/// <summary>
/// One turn's view of the dialog stack: starts, continues, ends and cancels dialogs, and sends what they
/// want to show through the channel-aware renderer.
/// </summary>
public sealed class DialogContext
{
    private readonly DialogState state;

    internal DialogContext(DialogSet dialogs, DialogEngineOptions options, ITurnContext turn, DialogState state)
    {
        Dialogs = dialogs;
        Options = options;
        Context = turn;
        this.state = state;
        Clock = CustomerClock.For(turn.Activity, options.BankTimeZone, options.TimeProvider);
    }

    /// <summary>The turn being handled.</summary>
    public ITurnContext Context { get; }

    /// <summary>The dialogs this bot knows.</summary>
    public DialogSet Dialogs { get; }

    /// <summary>Engine-wide settings (retry limit, hand-over dialog, bank time zone).</summary>
    public DialogEngineOptions Options { get; }

    /// <summary>The customer's local time, from the activity or else the bank's time zone.</summary>
    public CustomerClock Clock { get; }

    /// <summary>The stack, bottom first.</summary>
    public IReadOnlyList<DialogInstance> Stack => state.Stack;

    /// <summary>The dialog talking to the customer, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => state.Stack.Count > 0 ? state.Stack[^1] : null;

    /// <summary>Pushes a dialog on the stack and starts it.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null,
        CancellationToken cancel = default)
    {
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' is registered.");
        state.Stack.Add(new DialogInstance { Id = dialogId });
        return dialog.BeginAsync(this, options, cancel);
    }

    /// <summary>Hands the turn's activity to the active dialog.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancel = default)
    {
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await ActiveDialogDefinition().ContinueAsync(this, cancel);
    }

    /// <summary>Ends the active dialog and resumes the one beneath it with the result.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancel = default)
    {
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var ended = ActiveDialogDefinition();
        state.Stack.RemoveAt(state.Stack.Count - 1);
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var reason = ended.IsInterruption ? ResumeReason.InterruptionEnded : ResumeReason.ChildEnded;
        return await ActiveDialogDefinition().ResumeAsync(this, reason, result, cancel);
    }

    /// <summary>Ends the active dialog and starts another in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null,
        CancellationToken cancel = default)
    {
        if (ActiveDialog is not null)
        {
            state.Stack.RemoveAt(state.Stack.Count - 1);
        }

        return BeginDialogAsync(dialogId, options, cancel);
    }

    /// <summary>Empties the stack without resuming anything.</summary>
    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancel = default)
    {
        var hadDialogs = state.Stack.Count > 0;
        state.Stack.Clear();
        var status = hadDialogs ? DialogTurnStatus.Cancelled : DialogTurnStatus.Empty;
        return Task.FromResult(new DialogTurnResult(status));
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public Task RepromptDialogAsync(CancellationToken cancel = default) =>
        ActiveDialog is null ? Task.CompletedTask : ActiveDialogDefinition().RepromptAsync(this, cancel);

    /// <summary>The registered dialog with this id, or null.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    /// <summary>The registered dialogs on the stack, top first.</summary>
    public IEnumerable<Dialog> DialogsOnStack()
    {
        for (var i = state.Stack.Count - 1; i >= 0; i--)
        {
            if (FindDialog(state.Stack[i].Id) is { } dialog)
            {
                yield return dialog;
            }
        }
    }

    /// <summary>Shows the customer a reply in the form their channel supports.</summary>
    public async Task SendAsync(Reply reply, CancellationToken cancel = default)
    {
        var activity = Context.Activity;
        var channel = ChannelProfile.For(activity.ChannelId, activity.Conversation?.IsGroup == true);
        foreach (var message in Options.Renderer.Render(reply, channel))
        {
            await Context.SendActivityAsync(message, cancel);
        }
    }

    /// <summary>Sends a plain message.</summary>
    public Task SendAsync(string text, CancellationToken cancel = default) => SendAsync(new TextReply(text), cancel);

    private Dialog ActiveDialogDefinition() => FindDialog(ActiveDialog!.Id)
        ?? throw new InvalidOperationException($"The stack names dialog '{ActiveDialog.Id}', which is not registered.");
}
