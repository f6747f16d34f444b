using BankingBot.Bots;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.DirectLine;

/// <summary>
/// Runs the local Direct Line's turns in this process, through the same <see cref="IBot"/>, state and turn
/// error handler as <c>/api/messages</c>; the bot's replies are added to the conversation, where the page reads
/// them. Nothing goes over HTTP between the Direct Line and the bot.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    /// <summary>Serializes activities as channels expect them: no null fields.</summary>
    public static readonly JsonSerializer Json = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    });

    private const int MaxDelayMilliseconds = 5000;

    private readonly IBot bot;
    private readonly DirectLineConversations conversations;
    private readonly TimeProvider time;

    /// <summary>Creates the adapter; failed turns go to the same handler as the Bot Framework adapter's.</summary>
    public DirectLineAdapter(IBot bot, BankAdapter channelAdapter, DirectLineConversations conversations,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(channelAdapter);
        (this.bot, this.conversations, this.time) = (bot, conversations, time);
        OnTurnError = channelAdapter.OnTurnError;
    }

    /// <summary>Runs one turn for an activity the customer's page posted (or the conversation's start).</summary>
    public async Task RunTurnAsync(Activity activity, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var turn = new TurnContext(this, activity);
        await RunPipelineAsync(turn, bot.OnTurnAsync, cancel);
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext,
        Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var conversation = conversations.Find(turnContext.Activity.Conversation.Id);
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypesEx.Delay)
            {
                var wait = Math.Clamp(Convert.ToInt32(activity.Value ?? 0, null), 0, MaxDelayMilliseconds);
                await Task.Delay(TimeSpan.FromMilliseconds(wait), time, cancellationToken);
                responses.Add(new ResourceResponse());
                continue;
            }

            if (activity.Type is ActivityTypesEx.InvokeResponse or ActivityTypes.Trace || conversation is null)
            {
                // Nothing for the page to show; or the conversation was dropped while the turn ran.
                responses.Add(new ResourceResponse());
                continue;
            }

            activity.Timestamp = time.GetUtcNow();
            var id = conversation.Append(JObject.FromObject(activity, Json));
            activity.Id = id;
            responses.Add(new ResourceResponse(id));
        }

        return [.. responses];
    }

    // The web chat page never edits or deletes what was said, and the bot does neither.

    /// <inheritdoc />
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException("The local Direct Line does not update activities.");

    /// <inheritdoc />
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException("The local Direct Line does not delete activities.");
}
