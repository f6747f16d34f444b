using BankingBot.Cards;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Storage;
using BankingBot.DirectLine;
using BankingBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Bots;

/// <summary>
/// The bot: one turn at a time per conversation, greet new customers, run the dialogs, then save state once
/// and only then send the replies. A turn that loses a race for the conversation's state (another instance
/// saved first) is run again on the fresh state, with its replies from the first run dropped.
/// </summary>
public sealed class BankBot(ConversationState conversationState, UserState userState, DialogRunner runner,
    ConversationLocks locks, TimeProvider time, ILogger<BankBot> logger, PageWelcome pageWelcome, TeamsTurns teams)
    : IBot
{
    private const int MaxTurnAttempts = 3;

    private readonly IStatePropertyAccessor<bool> greeted = conversationState.CreateProperty<bool>("greeted");
    private readonly HandledActivities handled = new(conversationState);
    private readonly IStatePropertyAccessor<string> visitorPage = conversationState.CreateProperty<string>("page");
    private readonly IStatePropertyAccessor<ConversationTranscript> transcript =
        conversationState.CreateProperty<ConversationTranscript>("transcript");

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var conversation = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        TeamsMentions.StripBotMention(turnContext.Activity);
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

                if (await handled.EarlierRepliesAsync(turnContext, cancellationToken) is { } earlier)
                {
                    await ReplayAsync(turnContext, outbox, earlier, cancellationToken);
                }
                else
                {
                    var log = await ConversationTranscript.LoadAsync(turnContext, transcript, time.GetUtcNow(),
                        cancellationToken);
                    await HandleAsync(turnContext, outbox, cancellationToken);
                    await handled.RememberAsync(turnContext, outbox.Held, cancellationToken);
                    log.AddReplies(outbox.Held, time.GetUtcNow());
                }

                // Saved every turn (TurnConversationState): a turn nearly always changes the transcript.
                await conversationState.SaveChangesAsync(turnContext, force: true, cancellationToken);
                await userState.SaveChangesAsync(turnContext, false, cancellationToken);
                await DeliverAsync(turnContext, outbox, cancellationToken);
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

    // The turn is done and saved. Whatever goes wrong while delivering its replies (the channel refusing them,
    // not answering, answering gibberish, the caller giving up on the request, or delivery taking longer than
    // its budget), the customer is not told that the turn failed: it did not, and that message would likely not
    // arrive either. The channel's or client's retry of the activity gets these replies from the saved state.
    private async Task DeliverAsync(ITurnContext turn, TurnOutbox outbox, CancellationToken cancel)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        budget.CancelAfter(TurnOutbox.DeliveryBudget);
        try
        {
            await outbox.FlushAsync(turn, logger, budget.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning("Replies to conversation {ConversationId} were not all delivered ({Failure}); a "
                + "retry of the activity gets them", turn.Activity.Conversation?.Id, e.GetType().Name);
        }
    }

    // A channel or client sending an activity again gets the first answer again; nothing is redone or written
    // to the transcript a second time.
    private async Task ReplayAsync(ITurnContext turn, TurnOutbox outbox, IReadOnlyList<Activity> earlier,
        CancellationToken cancel)
    {
        logger.LogInformation("Activity {ActivityId} was handled before; its replies are sent again",
            turn.Activity.Id);
        outbox.Resend(earlier);
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            await AnswerInvokeAsync(turn, outbox, cancel);
        }
    }

    private async Task HandleAsync(ITurnContext turn, TurnOutbox outbox, CancellationToken cancel)
    {
        var activity = turn.Activity;
        var page = await RememberPageAsync(turn, cancel);
        if (await teams.TryHandleAsync(turn, cancel))
        {
            // Staff work in Teams, or a customer's message relayed to the employee chatting with them.
            if (activity.Type == ActivityTypes.Invoke && activity.Name == UniversalActions.InvokeName)
            {
                await AnswerInvokeAsync(turn, outbox, cancel);
            }

            return;
        }

        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when CustomerJoined(activity) && !GreetsOnJoin(activity):
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await GreetOnceAsync(turn, cancel);
                break;

            case ActivityTypes.Event when activity.Name == PageWelcome.JoinEvent:
                await GreetOnceAsync(turn, cancel, page: page);
                break;

            case ActivityTypes.Message:
                await GreetOnceAsync(turn, cancel, routeMessage: true);
                await runner.RunAsync(turn, cancel);
                break;

            case ActivityTypes.Invoke when activity.Name == UniversalActions.InvokeName:
                // Teams replaces the clicked card with the one in the answer: the turn's last card goes there
                // instead of into a new message; anything else the turn said is sent as usual.
                await runner.RunAsync(turn, cancel);
                await AnswerInvokeAsync(turn, outbox, cancel);
                break;

            case ActivityTypes.Invoke:
                // An invoke the bot has no use for: refused as a bad request rather than left unanswered (501).
                await turn.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse)
                {
                    Value = new InvokeResponse { Status = 400 },
                }, cancel);
                break;
        }
    }

    private static async Task AnswerInvokeAsync(ITurnContext turn, TurnOutbox outbox, CancellationToken cancel)
    {
        var updated = outbox.TakeLast(reply => UniversalActions.CardOf(reply) is not null);
        var body = updated is null
            ? UniversalActions.Accepted("Thanks, got it.")
            : UniversalActions.UpdatedCard(UniversalActions.CardOf(updated)!);
        await turn.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse)
        {
            Value = new InvokeResponse { Status = 200, Body = body },
        }, cancel);
    }

    // A message as the first thing in a conversation (Messenger sends no conversationUpdate): the root goes on
    // the stack silently with a one-line introduction, then handles the message itself.
    // A visitor on a product's page is offered that product after a one-line introduction.
    private async Task GreetOnceAsync(ITurnContext turn, CancellationToken cancel, bool routeMessage = false,
        string? page = null)
    {
        if (await greeted.GetAsync(turn, () => false, cancel))
        {
            return;
        }

        await greeted.SetAsync(turn, true, cancel);
        if (!routeMessage && pageWelcome.ProductOf(page) is not null)
        {
            await runner.BeginAsync(turn, RootDialog.DialogId, RootDialog.Introduce, cancel);
            await pageWelcome.OfferAsync(turn, page, cancel);
            return;
        }

        var greeting = routeMessage ? RootDialog.Introduce : RootDialog.Welcome;
        await runner.BeginAsync(turn, RootDialog.DialogId, greeting, cancel);
    }

    // The page of the bank's website the visitor is on, from the web chat page's join event or the channel data
    // of any activity, is remembered for the conversation and left in the turn state for the lead flow.
    private async Task<string?> RememberPageAsync(ITurnContext turn, CancellationToken cancel)
    {
        var said = LeadSource.PageOf(turn);
        if (said is not null)
        {
            await visitorPage.SetAsync(turn, said, cancel);
        }

        var known = said ?? await visitorPage.GetAsync(turn, () => null!, cancel);
        if (known is not null)
        {
            turn.TurnState[LeadSource.TurnStateKey] = known;
        }

        return known;
    }

    // Web Chat (and a Direct Line page) may send conversationUpdate before the page says where the visitor is;
    // the greeting waits for the page's join event, or the first message. A Direct Line client that sends
    // neither (Azure's "Test in Web Chat") is greeted with the bot's introduction on its first message.
    private static bool GreetsOnJoin(IActivity activity) =>
        activity.ChannelId is DirectLineEndpoints.ChannelId or Microsoft.Bot.Connector.Channels.Directline;

    // The bot itself is among the members added when a conversation starts; only a person is greeted.
    private static bool CustomerJoined(IActivity activity) =>
        activity.AsConversationUpdateActivity().MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
}
