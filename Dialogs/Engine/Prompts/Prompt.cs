using BankingBot.Cards;
using Microsoft.Bot.Schema;

namespace BankingBot.Dialogs.Engine;

/// <summary>The outcome of reading an answer: whether it fits, and the value it carries.</summary>
public sealed record PromptRecognition<T>(bool Succeeded, T? Value)
{
    /// <summary>The answer did not fit.</summary>
    public static readonly PromptRecognition<T> Failed = new(false, default);

    /// <summary>The answer fits.</summary>
    public static PromptRecognition<T> Of(T value) => new(true, value);
}

/// <summary>What a validator sees: the recognised value and how often the customer has tried.</summary>
public sealed class PromptValidatorContext<T>(DialogContext dc, PromptRecognition<T> recognized,
    PromptOptions options, int attempt)
{
    /// <summary>The turn's dialog context.</summary>
    public DialogContext Dialog { get; } = dc;

    /// <summary>What the prompt read from the answer.</summary>
    public PromptRecognition<T> Recognized { get; } = recognized;

    /// <summary>The prompt's options.</summary>
    public PromptOptions Options { get; } = options;

    /// <summary>This answer's attempt number, from one.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>A message the validator chose to say instead of the prompt's retry text.</summary>
    public string? RetryMessage { get; set; }
}

/// <summary>Checks a recognised answer beyond its type (an amount in range, a date in the future).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancel);

/// <summary>
/// Asks a question and waits for an answer of type <typeparamref name="T"/>. A wrong answer is met with
/// the retry text; after the retry limit the customer is offered a person, another try, or to stop,
/// instead of being asked forever.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id), IPrompt
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";
    private const string EscapeKey = "escape";

    /// <summary>True when the answer is free text, during which only bare commands interrupt.</summary>
    public virtual bool TakesFreeText => false;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException("A prompt is started with PromptOptions.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.Set(OptionsKey, promptOptions);
        instance.Set(AttemptsKey, 0);
        instance.Set(PromptIds.Key, PromptIds.New());
        await AskAsync(dc, promptOptions.Prompt, cancel);
        return DialogTurnResult.EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message && activity.Type != ActivityTypes.Invoke)
        {
            return DialogTurnResult.EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = instance.Get<PromptOptions>(OptionsKey)!;
        var input = PromptInput.From(activity);
        if (instance.Get<bool>(EscapeKey))
        {
            return await EscapeAsync(dc, input, options, cancel);
        }

        var recognized = await RecognizeAsync(dc, input, options, cancel);
        var attempt = instance.Get<int>(AttemptsKey) + 1;
        var check = new PromptValidatorContext<T>(dc, recognized, options, attempt);
        if (recognized.Succeeded && (validator is null || await validator(check, cancel)))
        {
            return await dc.EndDialogAsync(recognized.Value, cancel);
        }

        if (!recognized.Succeeded && !input.IsCardAnswer && dc.Options.Aside is { } aside
            && !string.IsNullOrWhiteSpace(input.Text) && await aside(dc, input.Text, cancel))
        {
            await AskAsync(dc, options.Prompt, cancel);
            return DialogTurnResult.EndOfTurn;
        }

        instance.Set(AttemptsKey, attempt);
        if (attempt >= (options.MaxAttempts ?? dc.Options.MaxAttempts))
        {
            instance.Set(EscapeKey, true);
            instance.Set(PromptIds.Key, PromptIds.New());
            await AskEscapeAsync(dc, cancel);
            return DialogTurnResult.EndOfTurn;
        }

        await AskAsync(dc, check.RetryMessage ?? options.RetryPrompt ?? options.Prompt, cancel);
        return DialogTurnResult.EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptAsync(DialogContext dc, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        return instance.Get<bool>(EscapeKey)
            ? AskEscapeAsync(dc, cancel)
            : AskAsync(dc, instance.Get<PromptOptions>(OptionsKey)!.Prompt, cancel);
    }

    /// <summary>Reads a value of the prompt's type from the answer.</summary>
    protected abstract Task<PromptRecognition<T>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel);

    /// <summary>The choices shown with the question; none for a typed answer.</summary>
    protected virtual IReadOnlyList<ChoiceOption> ChoicesFor(PromptOptions options) => options.Choices;

    private Task AskAsync(DialogContext dc, string text, CancellationToken cancel)
    {
        var options = dc.ActiveDialog!.Get<PromptOptions>(OptionsKey)!;
        var promptId = dc.ActiveDialog.Get<string>(PromptIds.Key)!;
        return dc.SendAsync(new QuestionReply(text, ChoicesFor(options), promptId) { Card = options.Card }, cancel);
    }

    private Task AskEscapeAsync(DialogContext dc, CancellationToken cancel)
    {
        var promptId = dc.ActiveDialog!.Get<string>(PromptIds.Key)!;
        return dc.SendAsync(new QuestionReply(EscapeChoices.Question, EscapeChoices.For(dc.Options), promptId), cancel);
    }

    private async Task<DialogTurnResult> EscapeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        var choice = ChoiceRecognizer.Recognize(input.Answer, EscapeChoices.For(dc.Options));
        switch (choice?.Value)
        {
            case EscapeChoices.Person when dc.Options.HandoverDialogId is { } handover:
                await dc.CancelAllDialogsAsync(cancel);
                return await dc.BeginDialogAsync(handover, null, cancel);

            case EscapeChoices.Retry:
                dc.ActiveDialog!.Set(EscapeKey, false);
                dc.ActiveDialog.Set(AttemptsKey, 0);
                dc.ActiveDialog.Set(PromptIds.Key, PromptIds.New());
                await AskAsync(dc, options.Prompt, cancel);
                return DialogTurnResult.EndOfTurn;

            case EscapeChoices.Stop:
                await dc.CancelAllDialogsAsync(cancel);
                await dc.SendAsync(EscapeChoices.StoppedMessage, cancel);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);

            case null when input.IsCardAnswer || string.IsNullOrWhiteSpace(input.Text):
                await AskEscapeAsync(dc, cancel);
                return DialogTurnResult.EndOfTurn;

            default:
                // Something else altogether ("I'd like to give feedback"): the customer has moved on, so the
                // flow stops and the message is handled as a new request instead of asking again forever.
                await dc.CancelAllDialogsAsync(cancel);
                return new DialogTurnResult(DialogTurnStatus.Empty);
        }
    }
}

/// <summary>Marks dialogs that wait for an answer, so interruptions can tell free text from a command.</summary>
public interface IPrompt
{
    /// <summary>True when the answer is free text.</summary>
    bool TakesFreeText { get; }
}
