using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;

namespace BankingBot.Dialogs.Flows;

/// <summary>What a flow that can preset a ticket's category and urgency (a support answer) passes in.</summary>
public sealed record TicketPreset(string? Category, string? Urgency);

/// <summary>
/// Opens a support ticket: what it is about, the problem in the customer's words, how urgent it is, and
/// whether to send updates; then the ticket number and when an engineer will answer, in the customer's time.
/// </summary>
public sealed class TicketDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "ticket";

    private static readonly Dictionary<string, ChoiceOption> CategoryChoices = new()
    {
        ["cards"] = new("cards", "A card", ["card", "cards", "debit card", "credit card"]),
        ["payments"] = new("payments", "A payment", ["payment", "payments", "charge", "top up", "top-up"]),
        ["transfers"] = new("transfers", "A transfer", ["transfer", "transfers", "bank transfer"]),
        ["account"] = new("account", "My account", ["account", "profile", "statement"]),
        ["security"] = new("security", "Fraud or security", ["fraud", "security", "scam", "hacked", "stolen"]),
        ["app"] = new("app", "The app or website", ["app", "website", "login", "online banking"]),
        ["other"] = new("other", "Something else", ["other", "else", "none of these"]),
    };

    private static readonly ChoiceOption[] UrgencyChoices =
    [
        new("low", "It can wait", ["low", "not urgent", "whenever", "no rush"]),
        new("normal", "Normal", ["normal", "medium", "standard", "soon"]),
        new("high", "Quite urgent", ["high", "quite urgent", "important", "asap"]),
        new("urgent", "Very urgent", ["urgent", "very urgent", "emergency", "critical", "right now"]),
    ];

    private readonly TicketDesk desk;

    /// <summary>Creates the flow over the bank's ticket desk.</summary>
    public TicketDialog(TicketDesk desk)
        : base(DialogId)
    {
        this.desk = desk;
        AddDialog(new WaterfallDialog(DialogId + ".steps",
            [AskCategoryAsync, AskDescriptionAsync, AskUrgencyAsync, AskUpdatesAsync, AskEmailAsync, OpenTicketAsync]));
        AddDialog(new ChoicePrompt(DialogId + ".category"));
        AddDialog(new TextPrompt(DialogId + ".description", DescriptionIsUsefulAsync, maxLength: 2000));
        AddDialog(new ChoicePrompt(DialogId + ".urgency"));
        AddDialog(new ConfirmPrompt(DialogId + ".updates"));
        AddDialog(new TextPrompt(DialogId + ".email", EmailOrSkipAsync, maxLength: 254));
    }

    /// <inheritdoc />
    public override string Purpose => "opening a support ticket";

    /// <inheritdoc />
    public override string Help =>
        "I'm opening a support ticket for you: I need what it's about, a short description, and how urgent it " +
        "is. Say \"cancel\" to stop, or \"talk to a person\" if you'd rather speak to someone.";

    private async Task<DialogTurnResult> AskCategoryAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var preset = step.OptionsAs<TicketPreset>();
        if (preset?.Category is { } category && desk.Categories.Contains(category))
        {
            return await step.NextAsync(category, cancel);
        }

        var choices = desk.Categories.Select(c => CategoryChoices.GetValueOrDefault(c) ?? new ChoiceOption(c, c));
        return await step.PromptAsync(DialogId + ".category", PromptOptions.Choose(
            "I'll open a support ticket. What is it about?", choices,
            "Please pick one of the options, or type its number."), cancel);
    }

    private static async Task<DialogTurnResult> AskDescriptionAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("category", (string)step.Result!);
        return await step.PromptAsync(DialogId + ".description", PromptOptions.Ask(
            "Please describe the problem in a few words: what happened, and when?",
            "Could you describe it in a bit more detail (at least a few words, at most 2,000 characters)?"), cancel);
    }

    private static async Task<DialogTurnResult> AskUrgencyAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("description", (string)step.Result!);
        if (step.OptionsAs<TicketPreset>()?.Urgency is { } urgency && ServiceLevels.Urgencies.Contains(urgency))
        {
            return await step.NextAsync(urgency, cancel);
        }

        return await step.PromptAsync(DialogId + ".urgency", PromptOptions.Choose(
            "How urgent is it?", UrgencyChoices, "Please pick how urgent it is."), cancel);
    }

    private static async Task<DialogTurnResult> AskUpdatesAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("urgency", (string)step.Result!);
        return await step.PromptAsync(DialogId + ".updates", PromptOptions.Ask(
            "Shall I let you know here when the ticket's status changes?", "Please answer yes or no."), cancel);
    }

    private static async Task<DialogTurnResult> AskEmailAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("notify", step.Result is true);
        return await step.PromptAsync(DialogId + ".email", PromptOptions.Ask(
            "If you'd like to check this ticket from another channel later, what e-mail address should I put on " +
            "it? Or say \"skip\".",
            "That doesn't look like an e-mail address. Please type it again, or say \"skip\"."), cancel);
    }

    private async Task<DialogTurnResult> OpenTicketAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var activity = step.Dialog.Context.Activity;
        var request = new TicketRequest(step.Get<string>("category")!, step.Get<string>("description")!,
            step.Get<string>("urgency")!, activity.ChannelId, Customer.IdOf(activity), Customer.ReferenceOf(activity),
            NotifyOnChange: step.Get<bool>("notify"), Email: Understanding.Entities.Email(step.Result as string));
        var ticket = await desk.OpenAsync(request, $"{activity.Conversation?.Id}/{activity.Id}", cancel);

        var clock = step.Dialog.Clock;
        await step.Dialog.SendAsync(new SummaryReply($"Your ticket number is {ticket.Id}",
        [
            new Fact("About", CategoryChoices.GetValueOrDefault(ticket.Category)?.Title ?? ticket.Category),
            new Fact("Urgency", UrgencyChoices.First(u => u.Value == ticket.Urgency).Title),
            new Fact("An engineer answers by", Customer.Format(ticket.AnswerBy, clock.Zone)),
        ], "Keep the number: you can ask me for the ticket's status at any time, for example \"status of " +
           $"{ticket.Id}\"." + (ticket.NotifyOnChange ? " I'll also tell you here when it changes." : string.Empty))
            { Card = "ticket-confirmation" }, cancel);
        return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }

    private static Task<bool> EmailOrSkipAsync(PromptValidatorContext<string> check, CancellationToken cancel) =>
        Task.FromResult(Understanding.Entities.Email(check.Recognized.Value) is not null
            || ConfirmPrompt.Read(check.Recognized.Value) == false
            || SkipWords.Contains(ChoiceRecognizer.Normalize(check.Recognized.Value ?? string.Empty)));

    private static readonly HashSet<string> SkipWords =
        ["skip", "no email", "no e mail", "none", "rather not", "i'd rather not", "no thank you", "pass"];

    private static Task<bool> DescriptionIsUsefulAsync(PromptValidatorContext<string> check, CancellationToken cancel)
    {
        var words = check.Recognized.Value?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
        return Task.FromResult(words >= 2 || (check.Recognized.Value?.Length ?? 0) >= 12);
    }
}

/// <summary>What a flow hands back to the root dialog when it ends.</summary>
public sealed record FlowOutcome(string Flow, bool Completed);
