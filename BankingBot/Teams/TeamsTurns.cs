using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BankingBot.Teams;

/// <summary>
/// What the bot does before the customer's dialogs see a turn (whose Teams text has lost the bot's @mention
/// already, see <see cref="TeamsMentions"/>): gives staff turns to the staff desk, relays the messages of a
/// customer in a live chat with an employee, and keeps Teams team events (the bot added to a team, members
/// joining) out of the customer greeting. A customer on any channel, or a Teams user who is not staff, reaches
/// the customer's dialogs as before.
/// </summary>
public sealed class TeamsTurns(StaffDirectory staff, StaffDesk staffDesk, HandoverRelay relay,
    CustomerNotifier notifier, TicketDesk desk, ILogger<TeamsTurns> logger)
{
    /// <summary>Handles the turn when it is staff work or a relayed message; false leaves it to the dialogs.</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turn, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        await notifier.NoteCustomerMessageAsync(activity, cancel);
        var employee = await staff.FindAsync(activity, cancel);
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate
                when activity.ChannelId == Channels.Msteams:
                return await WelcomeAsync(turn, employee, cancel);

            case ActivityTypes.Message when employee is not null:
            case ActivityTypes.Invoke when employee is not null && activity.Name == UniversalActions.InvokeName:
                await staffDesk.HandleAsync(turn, employee, cancel);
                return true;

            case ActivityTypes.Invoke when IsStaffCommand(activity):
                // Someone who is not staff clicked a staff card: nothing changes and nothing is shown.
                await turn.SendActivityAsync("Only the bank's staff can do that.", cancellationToken: cancel);
                return true;

            case ActivityTypes.Message:
                return await relay.TryRelayFromCustomerAsync(turn, cancel);

            default:
                return false;
        }
    }

    // In a team or group chat the bot introduces itself once, when it is added, and says nothing when others join;
    // in a 1:1 chat staff get the staff help and anyone else the customer greeting.
    private async Task<bool> WelcomeAsync(ITurnContext turn, Employee? employee, CancellationToken cancel)
    {
        var activity = turn.Activity;
        var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true
            || activity.Type == ActivityTypes.InstallationUpdate && activity.Action is "add" or "add-upgrade";
        if (activity.Conversation?.IsGroup == true)
        {
            if (botAdded)
            {
                logger.LogInformation("Added to a Teams team or group chat: conversation {ConversationId}",
                    activity.Conversation.Id);
                await turn.SendActivityAsync("Hello! I'm the bank's assistant for staff. Mention me with \"help\" " +
                    "to see what I can do here.", cancellationToken: cancel);
            }

            return true;
        }

        if (employee is null)
        {
            return false;
        }

        // Installing the app sends both an installationUpdate and a conversationUpdate: one greeting is enough.
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Count > 0)
        {
            await turn.SendActivityAsync(StaffCards.Help, cancellationToken: cancel);
        }

        return true;
    }

    private bool IsStaffCommand(IActivity activity) =>
        StaffCommand.Parse(Dialogs.Engine.PromptInput.From(activity).Data?[CardAnswer.AnswerKey]?.ToString(),
            desk.Categories).Action != StaffAction.None;
}
