using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Flows;

namespace BankingBot.Dialogs.Records;

/// <summary>
/// "Delete my data": says what will go, asks to confirm, deletes every record of the customer and this
/// conversation's state, and then says how many records of each kind were deleted.
/// </summary>
public sealed class DeleteMyDataDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "deleteMyData";

    private const string ConfirmId = DialogId + ".confirm";

    private static readonly Dictionary<string, string> KindNames = new(StringComparer.Ordinal)
    {
        ["tickets"] = "Support tickets",
        ["ticket-requests"] = "Ticket request markers",
        ["handovers"] = "Requests for a person",
        ["leads"] = "Product enquiries",
        ["lead-events"] = "Notes to our sales team",
        ["feedback"] = "Feedback",
        ["feedback-offers"] = "Feedback invitations",
    };

    private readonly CustomerData data;
    private readonly BankProfile bank;

    /// <summary>Creates the flow over the customer data service.</summary>
    public DeleteMyDataDialog(CustomerData data, BankProfile bank)
        : base(DialogId)
    {
        (this.data, this.bank) = (data, bank);
        AddDialog(new WaterfallDialog(DialogId + ".steps", [ConfirmAsync, DeleteAsync]));
        AddDialog(new ConfirmPrompt(ConfirmId));
    }

    /// <inheritdoc />
    public override string Purpose => "deleting your data";

    /// <inheritdoc />
    public override string Help =>
        "I can delete everything this assistant keeps about you. Answer yes to delete it, or no to keep it.";

    private static async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken cancel) =>
        await step.PromptAsync(ConfirmId, PromptOptions.Ask(
            "I can delete everything this assistant keeps about you: your support tickets, product enquiries, " +
            "feedback, requests to talk to a person, and the history of this conversation. Tickets still open " +
            "will be closed with them. This can't be undone. Shall I delete it all?",
            "Please answer yes to delete your data, or no to keep it."), cancel);

    private async Task<DialogTurnResult> DeleteAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (step.Result is not true)
        {
            await step.Dialog.SendAsync("All right, I haven't deleted anything.", cancel);
            return await step.EndAsync(new FlowOutcome(DialogId, Completed: false), cancel);
        }

        var turn = step.Dialog.Context;
        var deleted = await data.DeleteRecordsAsync(Customer.IdOf(turn.Activity), cancel);
        var otherConversations = await data.DeleteStateAsync(turn, cancel);

        var facts = deleted.PerKind.Select(kind => new Fact(KindNames.GetValueOrDefault(kind.Key, kind.Key),
            kind.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        facts.Add(new Fact("This conversation's history", "deleted"));
        if (otherConversations > 0)
        {
            facts.Add(new Fact("Your other conversations' history",
                otherConversations.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var footer = deleted.Unreadable.Count == 0
            ? "Your accounts and anything kept outside this assistant are not affected."
            : "I couldn't check everything, so some records may remain. Please write to " +
              $"{bank.SupportEmail} and our team will finish the deletion.";
        var title = deleted.Total == 0 ? "I found no records about you, and I've deleted this conversation's history"
            : $"I've deleted {deleted.Total} record{(deleted.Total == 1 ? string.Empty : "s")} about you";
        await step.Dialog.SendAsync(new SummaryReply(title, facts, footer), cancel);
        return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }
}
