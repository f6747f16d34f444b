using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Feedback;
using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Teams;

/// <summary>
/// An employee's turn in Teams: the ticket desk, leads, hand-overs and the feedback digest. A click on a staff
/// card sends the same words as the typed command, so both take this one path. Replies go through the turn, so
/// the bot's invoke handling puts the turn's last card in place of the one clicked.
/// </summary>
public sealed class StaffDesk(TicketQueue tickets, TicketDesk desk, LeadDesk leads, LeadProducts products,
    FeedbackLog feedback, HandoverDesk handovers, HandoverRelay relay, CustomerNotifier notifier,
    StaffChannel staffChannel, TeamsSettings settings, BusinessCalendar calendar, TimeProvider time,
    ILogger<StaffDesk> logger)
{
    private readonly ReplyRenderer renderer = new();

    /// <summary>Handles the employee's message or card click.</summary>
    public async Task HandleAsync(ITurnContext turn, Employee employee, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(employee);
        var input = PromptInput.From(turn.Activity);
        var command = StaffCommand.Parse(input.Answer, desk.Categories, input.Field("note") ?? input.Field("reason"));
        if (await relay.TryRelayFromStaffAsync(turn, employee, command, cancel))
        {
            return;
        }

        logger.LogInformation("Staff command {StaffAction}", command.Action);
        var zone = calendar.Zone;
        switch (command.Action)
        {
            case StaffAction.ListTickets:
                var (queue, total) = await tickets.ListAsync(command.Filter!, cancel: cancel);
                await SendAsync(turn, StaffCards.TicketQueue(queue, total, command.Filter!, zone), cancel);
                break;

            case StaffAction.ShowTicket:
                await ShowTicketAsync(turn, command.Target!, null, cancel);
                break;

            case StaffAction.SetTicketStatus:
                var changed = await tickets.ChangeStatusAsync(command.Target!, command.Argument!, employee, cancel);
                await AfterTicketChangeAsync(turn, command.Target!, changed, $"status set to {command.Argument}",
                    cancel);
                break;

            case StaffAction.AssignTicketToMe:
                var assigned = await tickets.AssignAsync(command.Target!, employee, employee, cancel);
                await AfterTicketChangeAsync(turn, command.Target!, assigned, $"assigned to {employee.Name}", cancel);
                break;

            case StaffAction.AddTicketNote when string.IsNullOrWhiteSpace(command.Argument):
                await ShowTicketAsync(turn, command.Target!, "Write the note in the box first, then Send note.",
                    cancel);
                break;

            case StaffAction.AddTicketNote:
                var noted = await tickets.AddNoteAsync(command.Target!, command.Argument!, employee, cancel);
                await AfterTicketChangeAsync(turn, command.Target!, noted, "note added", cancel);
                break;

            case StaffAction.ClaimLead or StaffAction.LeadContacted or StaffAction.DisqualifyLead:
                await ActOnLeadAsync(turn, command, employee, cancel);
                break;

            case StaffAction.AcceptHandover:
                if (await relay.AcceptAsync(turn, command.Target!, employee, cancel) is { } request)
                {
                    var card = StaffCards.Handover(request, zone,
                        request.Employee is { } joined ? $"accepted by {joined.Name}" : null);
                    await SendAsync(turn, card, cancel);
                    await staffChannel.UpdateAsync(settings.HandoverChannel, request.CardActivityId, card, cancel);
                }

                break;

            case StaffAction.ListHandovers:
                await ListHandoversAsync(turn, cancel);
                break;

            case StaffAction.EndHandover:
                await SendAsync(turn, new TextReply("You're not in a chat with a customer right now."), cancel);
                break;

            case StaffAction.Feedback:
                var period = FeedbackPeriod.Parse(command.Argument, time.GetUtcNow(), zone);
                var summary = await feedback.SummarizeAsync(period.From, period.To, cancel: cancel);
                await SendAsync(turn, StaffCards.FeedbackDigest(summary, period.Name, zone), cancel);
                break;

            default:
                await SendAsync(turn, new TextReply(StaffCards.Help), cancel);
                break;
        }
    }

    // The requests still waiting, oldest first, each as its card with the button to accept it.
    private async Task ListHandoversAsync(ITurnContext turn, CancellationToken cancel)
    {
        var waiting = new List<HandoverRequest>();
        await foreach (var request in handovers.Requests.AllAsync(cancel))
        {
            if (request.Status == HandoverStatus.Waiting)
            {
                waiting.Add(request);
            }
        }

        if (waiting.Count == 0)
        {
            await SendAsync(turn, new TextReply("No customer is waiting for a person right now."), cancel);
            return;
        }

        foreach (var request in waiting.OrderBy(r => r.CreatedAt).Take(5))
        {
            await SendAsync(turn, StaffCards.Handover(request, calendar.Zone), cancel);
        }
    }

    private async Task ShowTicketAsync(ITurnContext turn, string number, string? notice, CancellationToken cancel)
    {
        var ticket = await tickets.FindAsync(number, cancel);
        await SendAsync(turn, ticket is null
            ? new TextReply($"There is no ticket {number}.")
            : StaffCards.TicketDetail(ticket, calendar.Zone, notice), cancel);
    }

    // A change the customer asked to hear about is sent to their conversation now, and the outcome kept on the
    // ticket, so the card shows at once when the customer could not be reached.
    private async Task AfterTicketChangeAsync(ITurnContext turn, string number, TicketChange? change, string done,
        CancellationToken cancel)
    {
        if (change?.Notice is { } notice && change.Ticket.ConversationReference is { } reference)
        {
            var outcome = await notifier.SendAsync(reference, notice.Text, cancel);
            await tickets.RecordDeliveryAsync(number, notice.Id, outcome, cancel);
            done += outcome == NoticeOutcome.Delivered
                ? "; the customer was told"
                : $"; customer not reached ({outcome})";
        }
        else if (change is not null && change.Ticket.NotifyOnChange is false)
        {
            done += "; the customer did not ask for updates";
        }

        await ShowTicketAsync(turn, number, change is null ? null : done, cancel);
    }

    private async Task ActOnLeadAsync(ITurnContext turn, StaffCommand command, Employee employee,
        CancellationToken cancel)
    {
        var progress = command.Action switch
        {
            StaffAction.ClaimLead => LeadProgress.Claimed,
            StaffAction.LeadContacted => LeadProgress.Contacted,
            _ => LeadProgress.Disqualified,
        };
        var result = await leads.ActAsync(command.Target!, progress, employee, command.Argument, cancel);
        if (result.Lead is not { } lead || result.FollowUp is not { } followUp)
        {
            await SendAsync(turn, new TextReply(result.Refusal ?? "Nothing changed."), cancel);
            return;
        }

        var card = StaffCards.Lead(lead, followUp, products.Find(lead.Product), calendar.Zone, result.Refusal);
        await SendAsync(turn, card, cancel);
        if (result.Refusal is null)
        {
            // The clicked card changes for whoever clicked; the channel's message is updated for everyone else.
            await staffChannel.UpdateAsync(settings.SalesChannel, followUp.CardActivityId,
                StaffCards.Lead(lead, followUp, products.Find(lead.Product), calendar.Zone), cancel);
        }
    }

    private async Task SendAsync(ITurnContext turn, Reply reply, CancellationToken cancel)
    {
        var channel = ChannelProfile.For(turn.Activity.ChannelId, turn.Activity.Conversation?.IsGroup == true);
        foreach (var message in renderer.Render(reply, channel))
        {
            await turn.SendActivityAsync(message, cancel);
        }
    }
}
