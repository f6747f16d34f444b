namespace BankingBot.Dialogs.Engine;

/// <summary>Where a dialog stands after it handled part of a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog is active.</summary>
    Empty,

    /// <summary>The active dialog waits for the customer's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

/// <summary>Why a dialog is resumed.</summary>
public enum ResumeReason
{
    /// <summary>A child dialog it started has ended and hands back its result.</summary>
    ChildEnded,

    /// <summary>An interruption (help, a declined cancel) ended: ask the last question again.</summary>
    InterruptionEnded,
}

/// <summary>The outcome of a dialog call, with the result a completed dialog hands back.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>The dialog waits for the customer.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);
}

/// <summary>
/// A unit of conversation with a lifetime on the dialog stack. Its state lives in the stack entry,
/// never in fields, because a turn may be served by another process after a restart.
/// </summary>
public abstract class Dialog(string id)
{
    /// <summary>The unique id under which the dialog is registered and stored on the stack.</summary>
    public string Id { get; } = !string.IsNullOrWhiteSpace(id) ? id : throw new ArgumentException("Id is required.");

    /// <summary>
    /// True for dialogs that interrupt a flow (such as "do you really want to cancel?"); when one ends, the
    /// dialog beneath asks its question again instead of taking the result as an answer.
    /// </summary>
    public virtual bool IsInterruption => false;

    /// <summary>Starts the dialog, which has just been pushed on the stack.</summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancel);

    /// <summary>Handles a new activity while this dialog is on top of the stack. By default it ends.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancel) =>
        dc.EndDialogAsync(null, cancel);

    /// <summary>
    /// Called when the dialog on top of this one ended. By default this dialog ends with that result.
    /// </summary>
    public virtual async Task<DialogTurnResult> ResumeAsync(
        DialogContext dc, ResumeReason reason, object? result, CancellationToken cancel)
    {
        if (reason == ResumeReason.InterruptionEnded)
        {
            await RepromptAsync(dc, cancel);
            return DialogTurnResult.EndOfTurn;
        }

        return await dc.EndDialogAsync(result, cancel);
    }

    /// <summary>Asks the customer again for what the dialog waits for. By default nothing is sent.</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancel) => Task.CompletedTask;

    /// <summary>A short name of what the dialog does, for "do you want to stop …?". Null for none.</summary>
    public virtual string? Purpose => null;

    /// <summary>What to tell a customer who asks for help while this dialog is active. Null for none.</summary>
    public virtual string? Help => null;
}
