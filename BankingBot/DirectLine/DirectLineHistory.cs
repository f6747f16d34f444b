using BankingBot.Dialogs.Records;
using Microsoft.Bot.Builder;

namespace BankingBot.DirectLine;

/// <summary>The local Direct Line server's copy of a conversation, forgotten on "delete my data".</summary>
internal sealed class DirectLineHistory(DirectLineConversations conversations) : IConversationHistory
{
    /// <inheritdoc />
    public void Forget(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.ChannelId == DirectLineEndpoints.ChannelId
            && turn.Activity.Conversation?.Id is { } id)
        {
            conversations.Find(id)?.Forget();
        }
    }
}
