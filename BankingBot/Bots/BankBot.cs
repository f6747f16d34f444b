using BankingBot.Cards;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Bots;

/// <summary>
/// The bot: one turn at a time per conversation, greet new customers, run the dialogs, then save state once
/// and only then send the replies. A turn that loses a race for the conversation's state (another instance
/// saved first) is run again on the fresh state, with its replies from the first run dropped.
/// </summary>
public sealed class BankBot(ConversationState conversationState, UserState userState, DialogRunner runner,
    ConversationLocks locks, TimeProvider time, ILogger<BankBot> logger) : IBot
{
    private const int MaxTurnAttempts = 3;

    private readonly IStatePropertyAccessor<bool> greeted = conversationState.CreateProperty<bool>("greeted");
    private readonly IStatePropertyAccessor<ConversationTranscript> transcript =
        conversationState.CreateProperty<ConversationTranscript>("transcript");

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var conversation = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        using var turnLock = await locks.AcquireAsync(conversation, cancellationToken);
        var outbox = TurnOutbox.Attach(turnContext);
        for (var attempt = 1; ; attempt++)
        {
            outbox.Hold();
            try
            {
                if (attempt > 1)
                {
                    await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
                    await userState.LoadAsync(turnContext, force: true, cancellationToken);
                }

                var log = await ConversationTranscript.LoadAsync(turnContext, transcript, time.GetUtcNow(),
                    cancellationToken);
                await HandleAsync(turnContext, outbox, cancellationToken);
                log.AddReplies(outbox.Held, time.GetUtcNow());
                await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
                await userState.SaveChangesAsync(turnContext, false, cancellationToken);
                await outbox.FlushAsync(turnContext, cancellationToken);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxTurnAttempts)
            {
                logger.LogWarning(
                    "Storage conflict on a turn of conversation {ConversationId}; retrying (attempt {Attempt})",
                    turnContext.Activity.Conversation?.Id, attempt);
            }
            catch
            {
                outbox.Discard();
                throw;
            }
        }
    }

    private async Task HandleAsync(ITurnContext turn, TurnOutbox outbox, CancellationToken cancel)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when CustomerJoined(activity):
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await GreetOnceAsync(turn, cancel);
                break;

            case ActivityTypes.Message:
                await GreetOnceAsync(turn, cancel, routeMessage: true);
                await runner.RunAsync(turn, cancel);
                break;

            case ActivityTypes.Invoke when activity.Name == UniversalActions.InvokeName:
                // Teams replaces the clicked card with the one in the answer: the turn's last card goes there
                // instead of into a new message; anything else the turn said is sent as usual.
                await runner.RunAsync(turn, cancel);
                var updated = outbox.TakeLast(reply => UniversalActions.CardOf(reply) is not null);
                var body = updated is null
                    ? UniversalActions.Accepted("Thanks, got it.")
                    : UniversalActions.UpdatedCard(UniversalActions.CardOf(updated)!);
                await turn.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse)
                {
                    Value = new InvokeResponse { Status = 200, Body = body },
                }, cancel);
                break;
        }
    }

    // A message as the first thing in a conversation (Messenger sends no conversationUpdate): the root goes on
    // the stack silently with a one-line introduction, then handles the message itself.
    private async Task GreetOnceAsync(ITurnContext turn, CancellationToken cancel, bool routeMessage = false)
    {
        if (await greeted.GetAsync(turn, () => false, cancel))
        {
            return;
        }

        await greeted.SetAsync(turn, true, cancel);
        var greeting = routeMessage ? RootDialog.Introduce : RootDialog.Welcome;
        await runner.BeginAsync(turn, RootDialog.DialogId, greeting, cancel);
    }

    // The bot itself is among the members added when a conversation starts; only a person is greeted.
    private static bool CustomerJoined(IActivity activity) =>
        activity.AsConversationUpdateActivity().MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
}
