namespace BankingBot.Dialogs.Engine;

/// <summary>One step of a waterfall: it asks, or acts on the previous step's answer, and moves on.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancel);

/// <summary>
/// A conversation as a list of steps run in order. A step usually starts a prompt; the prompt's answer is
/// the next step's <see cref="WaterfallStepContext.Result"/>. The step index and the values collected so far
/// are stored on the stack, so a flow continues after a restart.
/// </summary>
public sealed class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps) : Dialog(id)
{
    private const string StepKey = "step";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";

    private readonly IReadOnlyList<WaterfallStep> steps =
        steps is { Count: > 0 } ? steps : throw new ArgumentException("A waterfall needs at least one step.");

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        dc.ActiveDialog!.Set(OptionsKey, options);
        dc.ActiveDialog.Set(ValuesKey, new Dictionary<string, object?>());
        return RunStepAsync(dc, 0, null, cancel);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancel)
    {
        // A step that ended the turn without a prompt takes the customer's next message as its answer.
        ArgumentNullException.ThrowIfNull(dc);
        var answer = dc.Context.Activity.Text ?? (object?)dc.Context.Activity.Value;
        return RunStepAsync(dc, dc.ActiveDialog!.Get<int>(StepKey) + 1, answer, cancel);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeAsync(
        DialogContext dc, ResumeReason reason, object? result, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (reason == ResumeReason.InterruptionEnded)
        {
            return DialogTurnResult.EndOfTurn;
        }

        return await RunStepAsync(dc, dc.ActiveDialog!.Get<int>(StepKey) + 1, result, cancel);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result,
        CancellationToken cancel)
    {
        if (index >= steps.Count)
        {
            return await dc.EndDialogAsync(result, cancel);
        }

        var instance = dc.ActiveDialog!;
        instance.Set(StepKey, index);
        var step = new WaterfallStepContext(this, dc, instance, index, result);
        return await steps[index](step, cancel);
    }

    // The values live in the stack entry itself, so every step's changes land there directly.
    internal static Newtonsoft.Json.Linq.JObject ValuesOf(DialogInstance instance)
    {
        if (instance.State[ValuesKey] is Newtonsoft.Json.Linq.JObject values)
        {
            return values;
        }

        var created = new Newtonsoft.Json.Linq.JObject();
        instance.State[ValuesKey] = created;
        return created;
    }

    internal static Newtonsoft.Json.Linq.JToken? OptionsOf(DialogInstance instance) => instance.State[OptionsKey];
}
