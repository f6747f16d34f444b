namespace BankingBot.Dialogs.Engine;

/// <summary>
/// "Do you want to stop …?" On yes the whole stack is cancelled; on no the customer is back at the
/// question they were answering, asked again.
/// </summary>
internal sealed class ConfirmCancelDialog : ComponentDialog
{
    public const string DialogId = "engine.confirmCancel";
    private const string ConfirmId = DialogId + ".confirm";

    public ConfirmCancelDialog()
        : base(DialogId)
    {
        AddDialog(new WaterfallDialog(DialogId + ".steps", [AskAsync, ActAsync]));
        AddDialog(new ConfirmPrompt(ConfirmId));
    }

    public override bool IsInterruption => true;

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var purpose = step.OptionsAs<string>();
        var question = purpose is null ? "Do you want to stop what we're doing?" : $"Do you want to stop {purpose}?";
        return step.PromptAsync(ConfirmId, PromptOptions.Ask(question, "Please answer yes or no. " + question), cancel);
    }

    private static async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (step.Result is not true)
        {
            await step.Dialog.SendAsync("No problem, let's carry on.", cancel);
            return await step.EndAsync(null, cancel);
        }

        await step.Dialog.CancelAllDialogsAsync(cancel);
        await step.Dialog.SendAsync("All right, I've stopped that. What else can I do for you?", cancel);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }
}
