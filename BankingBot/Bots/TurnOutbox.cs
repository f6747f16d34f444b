using Microsoft.Extensions.Logging;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BankingBot.Bots;

/// <summary>
/// Holds a turn's replies until its state is saved, then sends them. A turn that fails or is re-run after a
/// storage conflict never shows the customer half of what it did.
/// </summary>
internal sealed class TurnOutbox
{
    private const int MaxSendAttempts = 3;

    /// <summary>
    /// How long a turn's replies may take to deliver in all, tries and pauses included (each try is also bounded
    /// by the HTTP client's timeout): past it the rest are left to a retry of the activity.
    /// </summary>
    public static readonly TimeSpan DeliveryBudget = TimeSpan.FromSeconds(30);

    private readonly List<Activity> held = [];
    private bool holding;

    private TurnOutbox()
    {
    }

    /// <summary>Attaches an outbox to the turn; from then on replies are held while it holds.</summary>
    public static TurnOutbox Attach(ITurnContext turn)
    {
        var outbox = new TurnOutbox();
        turn.OnSendActivities(async (context, activities, next) =>
        {
            if (!outbox.holding)
            {
                return await next();
            }

            outbox.held.AddRange(activities.Select(a => a));
            return activities.Select(a => new ResourceResponse(a.Id ?? Guid.NewGuid().ToString("N"))).ToArray();
        });
        return outbox;
    }

    /// <summary>The replies held so far.</summary>
    public IReadOnlyList<Activity> Held => held;

    /// <summary>Removes and returns the last held reply that matches, or null.</summary>
    public Activity? TakeLast(Func<Activity, bool> match)
    {
        var index = held.FindLastIndex(a => match(a));
        if (index < 0)
        {
            return null;
        }

        var reply = held[index];
        held.RemoveAt(index);
        return reply;
    }

    /// <summary>Holds replies from now on, dropping any held before.</summary>
    public void Hold()
    {
        held.Clear();
        holding = true;
    }

    /// <summary>Drops what is held and lets replies through again (for the error handler's apology).</summary>
    public void Discard()
    {
        held.Clear();
        holding = false;
    }

    /// <summary>
    /// Sends what is held, in order, straight through the adapter. A reply the channel fails to take for a passing
    /// reason (5xx, throttling, a timeout, a dropped connection) is tried again twice with a short pause.
    /// </summary>
    public async Task FlushAsync(ITurnContext turn, ILogger logger, CancellationToken cancel)
    {
        holding = false;
        // An invoke's answer first: it goes back in the HTTP response, not to the channel, so a channel that
        // refuses the messages cannot leave the invoke unanswered.
        var activities = held.OrderBy(a => a.Type == ActivityTypesEx.InvokeResponse ? 0 : 1).ToArray();
        held.Clear();
        foreach (var activity in activities)
        {
            await SendAsync(turn, activity, logger, cancel);
        }
    }

    /// <summary>Holds replies again to be sent at the end of the turn (a repeated activity's earlier answer).</summary>
    public void Resend(IEnumerable<Activity> replies) => held.AddRange(replies);

    private static async Task SendAsync(ITurnContext turn, Activity activity, ILogger logger, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await turn.Adapter.SendActivitiesAsync(turn, [activity], cancel);
                return;
            }
            catch (Exception e) when (attempt < MaxSendAttempts && IsPassing(e, cancel))
            {
                logger.LogWarning("Reply to conversation {ConversationId} failed ({Failure}); trying again",
                    turn.Activity.Conversation?.Id, e.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancel);
            }
        }
    }

    private static bool IsPassing(Exception e, CancellationToken cancel) => e switch
    {
        ErrorResponseException { Response: { } response } => (int)response.StatusCode is >= 500 or 429,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancel.IsCancellationRequested,
        _ => false,
    };
}
