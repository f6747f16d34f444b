using BankingBot.Dialogs.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace BankingBot.Bots;

/// <summary>
/// The Bot Framework adapter: authenticates requests (when an app id is configured), builds the turn, and
/// replies through the channel. A failed turn is logged with its conversation id and the customer is told
/// plainly, without any technical detail.
/// </summary>
public sealed class BankAdapter : CloudAdapter
{
    /// <summary>What the customer is told when a turn fails for a reason of ours.</summary>
    public const string FailureMessage =
        "I'm sorry, something went wrong on our side and I couldn't finish that. Please try again in a " +
        "moment, or say \"talk to a person\".";

    /// <summary>What the customer is told when the bank's records cannot be reached.</summary>
    public const string StorageFailureMessage =
        "I'm sorry, I can't reach our records right now, so I couldn't finish that. Nothing you already " +
        "confirmed has been lost. Please try again in a minute.";

    /// <summary>Creates the adapter with the configured authentication.</summary>
    public BankAdapter(BotFrameworkAuthentication authentication, ILogger<BankAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turn, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId} on {Channel} ({ActivityType})",
                turn.Activity.Conversation?.Id, turn.Activity.ChannelId, turn.Activity.Type);
            var message = exception is StorageUnavailableException or StorageConflictException
                ? StorageFailureMessage
                : FailureMessage;
            try
            {
                await turn.SendActivityAsync(MessageFactory.Text(message));
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException
                || sendFailure.InnerException is TimeoutException)
            {
                // The channel refused or did not answer in time (an HTTP timeout, not the request being aborted).
                logger.LogError(sendFailure, "Could not tell conversation {ConversationId} that its turn failed",
                    turn.Activity.Conversation?.Id);
            }
        };
    }
}
