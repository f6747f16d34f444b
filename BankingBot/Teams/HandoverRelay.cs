using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Teams;

/// <summary>
/// A live chat between a customer and an employee: once an employee accepts a hand-over, the customer's messages
/// go to the employee and the employee's to the customer, until either side says "end chat"; then the bot takes
/// over again. Each side's messages are relayed from its own turn, so a restart or another instance changes nothing.
/// </summary>
public sealed class HandoverRelay(HandoverDesk desk, CustomerNotifier notifier, StaffChannel staffChannel,
    TeamsSettings settings, BusinessCalendar calendar, ILogger<HandoverRelay> logger)
{
    private static readonly HashSet<string> CustomerEndWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "end chat", "end the chat", "end", "back to the bot", "stop chat", "leave chat", "bye", "goodbye",
    };

    /// <summary>
    /// Relays a customer's message when their conversation is in a live chat; false when it is not (one read).
    /// </summary>
    public async Task<bool> TryRelayFromCustomerAsync(ITurnContext turn, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.Type != ActivityTypes.Message
            || await desk.LinkAsync(activity.ChannelId, activity.Conversation?.Id, cancel)
                is not { StaffSide: false } link)
        {
            return false;
        }

        var text = (activity.Text ?? string.Empty).Trim().TrimEnd('.', '!');
        if (CustomerEndWords.Contains(text))
        {
            await EndAsync(link, "customer", turn, cancel);
            return true;
        }

        var said = string.IsNullOrWhiteSpace(activity.Text) ? "(sent something other than text)" : activity.Text;
        var outcome = await notifier.SendAsync(link.OtherSide, $"Customer: {said}", cancel);
        if (outcome != NoticeOutcome.Delivered)
        {
            await turn.SendActivityAsync("I couldn't pass that on to my colleague just now. Please try again, or say " +
                "\"end chat\" to talk to me instead.", cancellationToken: cancel);
        }

        return true;
    }

    /// <summary>
    /// Relays an employee's message when their conversation is in a live chat; false when it is not. "end chat"
    /// ends it.
    /// </summary>
    public async Task<bool> TryRelayFromStaffAsync(ITurnContext turn, Employee employee, StaffCommand command,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(command);
        var activity = turn.Activity;
        if (await desk.LinkAsync(activity.ChannelId, activity.Conversation?.Id, cancel) is not { StaffSide: true } link)
        {
            return false;
        }

        if (command.Action == StaffAction.EndHandover)
        {
            await EndAsync(link, employee.Actor, turn, cancel);
            return true;
        }

        if (command.Action != StaffAction.None || activity.Type != ActivityTypes.Message
            || string.IsNullOrWhiteSpace(activity.Text))
        {
            return false;
        }

        var outcome = await notifier.SendAsync(link.OtherSide, $"{employee.FirstName}: {activity.Text}", cancel);
        if (outcome != NoticeOutcome.Delivered)
        {
            await turn.SendActivityAsync($"Not delivered to the customer ({outcome}). Say \"end chat\" to close it.",
                cancellationToken: cancel);
        }

        return true;
    }

    /// <summary>The employee accepts a request from this turn's conversation; the customer hears who joined.</summary>
    public async Task<HandoverRequest?> AcceptAsync(ITurnContext turn, string handoverId, Employee employee,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(employee);
        var acceptance = await desk.AcceptAsync(handoverId, employee, Customer.ReferenceOf(turn.Activity), cancel);
        if (acceptance.Refusal is not null || acceptance.Request is not { } request)
        {
            await turn.SendActivityAsync(acceptance.Refusal ?? "Nothing to accept.", cancellationToken: cancel);
            return acceptance.Request;
        }

        var told = await notifier.SendAsync(request.ConversationReference ?? [],
            $"{employee.FirstName} from our team has joined the chat and will read what you write here. Say " +
            "\"end chat\" when you're done, and I'll take over again.", cancel);
        await turn.SendActivityAsync(told == NoticeOutcome.Delivered
            ? $"You're now chatting with the customer of {request.Id}: what you write here goes to them (mention " +
              "the bot in a channel). Say \"end chat\" to hand back to the bot."
            : $"You've accepted {request.Id}, but the customer could not be reached ({told}). Say \"end chat\".",
            cancellationToken: cancel);
        return request;
    }

    // Either side ends the chat: both are told, the staff card says so, and the bot answers the customer again.
    private async Task EndAsync(HandoverLink link, string actor, ITurnContext turn, CancellationToken cancel)
    {
        var handoverId = link.HandoverId;
        if (await desk.EndAsync(handoverId, actor, cancel) is not { } request)
        {
            return;
        }

        var byCustomer = actor == "customer";
        var name = request.Employee?.FirstName ?? "Our colleague";
        var toCustomer = $"{name} has left the chat. I'm the bank's automated assistant again: ask me anything, " +
            "or say \"talk to a person\" if you need us again.";
        if (byCustomer)
        {
            await turn.SendActivityAsync($"You've ended the chat with {name}. I'm the bank's automated assistant " +
                "again: ask me anything, or say \"talk to a person\" if you need us again.", cancellationToken: cancel);
            await notifier.SendAsync(link.OtherSide, $"The customer ended the chat {request.Id}.", cancel);
        }
        else
        {
            await notifier.SendAsync(request.ConversationReference ?? [], toCustomer, cancel);
            await turn.SendActivityAsync($"Chat {request.Id} ended; the bot has taken over again.",
                cancellationToken: cancel);
        }

        await staffChannel.UpdateAsync(settings.HandoverChannel, request.CardActivityId,
            StaffCards.Handover(request, calendar.Zone, $"ended ({(byCustomer ? "by the customer" : "by " +
                request.Employee?.Name)})"), cancel);
        logger.LogInformation("Hand-over {HandoverId} relay closed", handoverId);
    }
}
