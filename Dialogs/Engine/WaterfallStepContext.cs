using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: the previous answer, the values collected, and the dialog context.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog waterfall;
    private readonly DialogInstance instance;
    private readonly JObject values;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, DialogInstance instance, int index,
        object? result)
    {
        this.waterfall = waterfall;
        this.instance = instance;
        Dialog = dc;
        Index = index;
        Result = result;
        values = WaterfallDialog.ValuesOf(instance);
    }

    /// <summary>The turn's dialog context, to start prompts and child dialogs.</summary>
    public DialogContext Dialog { get; }

    /// <summary>The position of this step, from zero.</summary>
    public int Index { get; }

    /// <summary>The previous step's prompt answer or child dialog result.</summary>
    public object? Result { get; }

    /// <summary>The options the waterfall was started with.</summary>
    public T? OptionsAs<T>() => WaterfallDialog.OptionsOf(instance) is { Type: not JTokenType.Null } token
        ? token.ToObject<T>()
        : default;

    /// <summary>A value an earlier step stored, or the default.</summary>
    public T? Get<T>(string key) => values.TryGetValue(key, out var token) && token.Type != JTokenType.Null
        ? token.ToObject<T>()
        : default;

    /// <summary>True when an earlier step stored this value.</summary>
    public bool Has(string key) => values.TryGetValue(key, out var token) && token.Type != JTokenType.Null;

    /// <summary>Stores a value for later steps.</summary>
    public void Set<T>(string key, T value) =>
        values[key] = value is null ? JValue.CreateNull() : JToken.FromObject(value);

    /// <summary>Skips to the next step with the given result.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancel = default)
    {
        return waterfall.RunStepAsync(Dialog, Index + 1, result, cancel);
    }

    /// <summary>Starts a prompt or child dialog; its answer becomes the next step's result.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null,
        CancellationToken cancel = default)
    {
        return Dialog.BeginDialogAsync(dialogId, options, cancel);
    }

    /// <summary>Asks a question through a registered prompt.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options,
        CancellationToken cancel = default) => BeginDialogAsync(promptId, options, cancel);

    /// <summary>Ends the waterfall with a result for its parent.</summary>
    public Task<DialogTurnResult> EndAsync(object? result = null, CancellationToken cancel = default)
    {
        return Dialog.EndDialogAsync(result, cancel);
    }
}
