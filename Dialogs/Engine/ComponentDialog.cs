namespace BankingBot.Dialogs.Engine;

/// <summary>
/// Groups the dialogs of one flow (a waterfall and its prompts) behind one id. Starting the component
/// starts its first dialog; when that dialog ends, the component ends with its result.
/// </summary>
public abstract class ComponentDialog(string id) : Dialog(id)
{
    private readonly List<Dialog> dialogs = [];

    /// <summary>The dialogs of this flow; registered with the bot when the component is.</summary>
    public IReadOnlyList<Dialog> Dialogs => dialogs;

    /// <summary>The dialog started when the component begins.</summary>
    protected string? InitialDialogId { get; set; }

    /// <summary>Adds a dialog to the flow. The first one added is the initial dialog unless set otherwise.</summary>
    protected T AddDialog<T>(T dialog) where T : Dialog
    {
        dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return dialog;
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        return dc.BeginDialogAsync(initial, options, cancel);
    }

    /// <summary>Ends the component with its inner dialog's result; override to post-process it.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext dc, object? result,
        CancellationToken cancel) =>
        dc.EndDialogAsync(result, cancel);

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeAsync(
        DialogContext dc, ResumeReason reason, object? result, CancellationToken cancel)
    {
        if (reason == ResumeReason.InterruptionEnded)
        {
            await RepromptAsync(dc, cancel);
            return DialogTurnResult.EndOfTurn;
        }

        return await EndComponentAsync(dc, result, cancel);
    }
}
