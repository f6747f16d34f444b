using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;

namespace BankingBot.Dialogs.Flows;

/// <summary>
/// "Where is my ticket?": asks for the number when the customer gave none, then shows the latest status,
/// the history and what happens next, but only to the customer who opened the ticket: the same user on the
/// same channel, or on another channel someone who knows the e-mail address on the ticket. Anyone else gets
/// the same answers as for a number that does not exist, so numbers cannot be probed.
/// </summary>
public sealed class TicketStatusDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "ticketStatus";

    private const string NotFound =
        "I can't show you a ticket with the number {0}. Please check the number. " + TicketNumbers.FormatHint;

    private readonly TicketDesk desk;

    /// <summary>Creates the flow over the bank's ticket desk.</summary>
    public TicketStatusDialog(TicketDesk desk)
        : base(DialogId)
    {
        this.desk = desk;
        AddDialog(new WaterfallDialog(DialogId + ".steps", [AskNumberAsync, FindOwnTicketAsync, CheckEmailAsync]));
        AddDialog(new TextPrompt(DialogId + ".number", NumberIsWellFormedAsync, maxLength: 40));
        AddDialog(new TextPrompt(DialogId + ".email", EmailOrNoAsync, maxLength: 254));
    }

    /// <inheritdoc />
    public override string Purpose => "looking up your ticket";

    /// <inheritdoc />
    public override string Help =>
        "Tell me your ticket number and I'll show you its status. " + TicketNumbers.FormatHint;

    private static async Task<DialogTurnResult> AskNumberAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (TicketNumbers.Find(step.OptionsAs<string>()) is { } number)
        {
            return await step.NextAsync(number, cancel);
        }

        var question = TicketNumbers.LooksLikeBrokenNumber(step.OptionsAs<string>())
            ? "That ticket number isn't complete. " + TicketNumbers.FormatHint + " What is your ticket number?"
            : "What is your ticket number? It looks like TK-4K7Q-2MXA.";
        return await step.PromptAsync(DialogId + ".number", PromptOptions.Ask(question,
            "That doesn't look like a ticket number. " + TicketNumbers.FormatHint), cancel);
    }

    private async Task<DialogTurnResult> FindOwnTicketAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var number = TicketNumbers.Find(step.Result as string)!;
        step.Set("number", number);
        var customer = Customer.IdOf(step.Dialog.Context.Activity);
        if (await desk.FindForCustomerAsync(number, customer, cancel) is { } ticket)
        {
            return await ShowAsync(step, ticket, cancel);
        }

        return await step.PromptAsync(DialogId + ".email", PromptOptions.Ask(
            $"I can't find ticket {number} among the tickets you opened here. If you opened it on another " +
            "channel, what e-mail address is on the ticket? Otherwise just say no.",
            "Please type the e-mail address on the ticket, or say no."), cancel);
    }

    private async Task<DialogTurnResult> CheckEmailAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var number = step.Get<string>("number")!;
        var email = Understanding.Entities.Email(step.Result as string);
        if (email is not null && await desk.FindByEmailAsync(number, email, cancel) is { } ticket)
        {
            return await ShowAsync(step, ticket, cancel);
        }

        await step.Dialog.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, NotFound, number),
            cancel);
        return await step.EndAsync(new FlowOutcome(DialogId, Completed: false), cancel);
    }

    private static async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, Ticket ticket,
        CancellationToken cancel)
    {
        var zone = step.Dialog.Clock.Zone;
        var facts = new List<Fact> { new("Status", ticket.Status) };
        facts.AddRange(ticket.History.TakeLast(5).Select(e => new Fact(Customer.Format(e.At, zone), e.Note)));
        await step.Dialog.SendAsync(new SummaryReply($"Ticket {ticket.Id}", facts, NextStep(ticket, zone))
        {
            Card = "ticket-status",
            CardData = new Newtonsoft.Json.Linq.JObject { ["status"] = ticket.Status },
        }, cancel);
        return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }

    private static string NextStep(Ticket ticket, TimeZoneInfo zone) => ticket.Status switch
    {
        TicketStatus.Open => $"An engineer will answer by {Customer.Format(ticket.AnswerBy, zone)}.",
        TicketStatus.InProgress => "An engineer is working on it and will get back to you here.",
        TicketStatus.WaitingForCustomer => "The engineer needs something from you: see the latest note above.",
        _ => "This ticket is finished. If the problem is back, I can open a new one.",
    };

    private static Task<bool> EmailOrNoAsync(PromptValidatorContext<string> check, CancellationToken cancel) =>
        Task.FromResult(Understanding.Entities.Email(check.Recognized.Value) is not null
            || ConfirmPrompt.Read(check.Recognized.Value) == false);

    private static Task<bool> NumberIsWellFormedAsync(PromptValidatorContext<string> check, CancellationToken cancel) =>
        Task.FromResult(TicketNumbers.Find(check.Recognized.Value) is not null);
}
