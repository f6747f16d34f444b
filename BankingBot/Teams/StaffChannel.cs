using BankingBot.Bots;
using BankingBot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BankingBot.Teams;

/// <summary>Posts cards to a staff channel in Teams and updates them in place, for everyone who sees them.</summary>
public sealed class StaffChannel(BankAdapter adapter, CustomerNotifier notifier, ILogger<StaffChannel> logger)
{
    private static readonly ReplyRenderer Renderer = new();

    /// <summary>A reply as a Teams channel shows it.</summary>
    public static IMessageActivity Render(Reply reply) =>
        Renderer.Render(reply, ChannelProfile.For(Channels.Msteams, isGroupConversation: true))[0];

    /// <summary>Posts a new message to the channel; returns its activity id (null when none was given).</summary>
    public async Task<string?> PostAsync(StaffChannelSettings channel, Reply reply, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        string? id = null;
        await ProactiveTurn.RunAsync(adapter, notifier.BotAppId, channel.Reference(notifier.BotAppId),
            async (turn, token) => id = (await turn.SendActivityAsync(Render(reply), token))?.Id, cancel);
        return id;
    }

    /// <summary>Replaces a message the bot posted with a new version of its card; logs failures.</summary>
    public async Task UpdateAsync(StaffChannelSettings channel, string? activityId, Reply reply,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!channel.Configured || string.IsNullOrEmpty(activityId))
        {
            return;
        }

        try
        {
            await ProactiveTurn.RunAsync(adapter, notifier.BotAppId, channel.Reference(notifier.BotAppId),
                async (turn, token) =>
                {
                    var update = (Activity)Render(reply);
                    update.Id = activityId;
                    update.Conversation = turn.Activity.Conversation;
                    await turn.UpdateActivityAsync(update, token);
                }, cancel);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Could not update staff card {ActivityId} in place", activityId);
        }
    }
}
