using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BankingBot.Tests.Conversations;

/// <summary>
/// The SDK's <see cref="TestAdapter"/>, which numbers every activity anew, plus a way to send an activity with
/// the id a channel gave it: sent twice, it is then really the same activity to the bot, as a channel's retry is.
/// </summary>
public sealed class ChannelTestAdapter : TestAdapter
{
    private readonly ConditionalWeakTable<IActivity, string> channelIds = [];

    /// <summary>A test adapter for the conversation.</summary>
    public ChannelTestAdapter(ConversationReference conversation)
        : base(conversation)
    {
        Use(new RestoreChannelIds(channelIds));
    }

    /// <summary>Gives the activity an id that the adapter keeps whenever it is sent.</summary>
    public Activity WithChannelId(Activity activity, string id)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = id;
        channelIds.AddOrUpdate(activity, id);
        return activity;
    }

    // Runs first in the turn, after the SDK's adapter has numbered the activity.
    private sealed class RestoreChannelIds(ConditionalWeakTable<IActivity, string> channelIds) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            if (channelIds.TryGetValue(turnContext.Activity, out var id))
            {
                turnContext.Activity.Id = id;
            }

            return next(cancellationToken);
        }
    }
}
