using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;

namespace BankingBot.Dialogs.Flows;

/// <summary>
/// "Where is my ticket?": asks for the number when the customer gave none, then shows the latest status,
/// the history and what happens next, but only to the customer who opened the ticket.
/// </summary>
public sealed class TicketStatusDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "ticketStatus";

    private const string NotFound =
        "I can't find a ticket with the number {0} that you opened here. Please check the number. " +
        TicketNumbers.FormatHint;

    private readonly TicketDesk desk;

    /// <summary>Creates the flow over the bank's ticket desk.</summary>
    public TicketStatusDialog(TicketDesk desk)
        : base(DialogId)
    {
        this.desk = desk;
        AddDialog(new WaterfallDialog(DialogId + ".steps", [AskNumberAsync, ShowStatusAsync]));
        AddDialog(new TextPrompt(DialogId + ".number", NumberIsWellFormedAsync, maxLength: 40));
    }

    /// <inheritdoc />
    public override string Purpose => "looking up your ticket";

    /// <inheritdoc />
    public override string Help => "Tell me your ticket number and I'll show you its status. " + TicketNumbers.FormatHint;

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

    private async Task<DialogTurnResult> ShowStatusAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var number = TicketNumbers.Find(step.Result as string)!;
        var customer = Customer.IdOf(step.Dialog.Context.Activity);
        if (await desk.FindForCustomerAsync(number, customer, cancel) is not { } ticket)
        {
            await step.Dialog.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, NotFound, number),
                cancel);
            return await step.EndAsync(new FlowOutcome(DialogId, Completed: false), cancel);
        }

        var zone = step.Dialog.Clock.Zone;
        var facts = new List<Fact> { new("Status", ticket.Status) };
        facts.AddRange(ticket.History.TakeLast(5).Select(e => new Fact(Customer.Format(e.At, zone), e.Note)));
        await step.Dialog.SendAsync(new SummaryReply($"Ticket {ticket.Id}", facts, NextStep(ticket, zone)), cancel);
        return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }

    private static string NextStep(Ticket ticket, TimeZoneInfo zone) => ticket.Status switch
    {
        TicketStatus.Open => $"An engineer will answer by {Customer.Format(ticket.AnswerBy, zone)}.",
        TicketStatus.InProgress => "An engineer is working on it and will get back to you here.",
        TicketStatus.WaitingForCustomer => "The engineer needs something from you: see the latest note above.",
        _ => "This ticket is finished. If the problem is back, I can open a new one.",
    };

    private static Task<bool> NumberIsWellFormedAsync(PromptValidatorContext<string> check, CancellationToken cancel) =>
        Task.FromResult(TicketNumbers.Find(check.Recognized.Value) is not null);
}
