using Microsoft.Bot.Builder;

namespace BankingBot.Dialogs.Records;

/// <summary>
/// A copy of a conversation's activities kept outside the bot's state (the local Direct Line server keeps one for
/// its clients to read). "Delete my data" asks each to forget the turn's conversation.
/// </summary>
public interface IConversationHistory
{
    /// <summary>Forgets the activities of the turn's conversation, if this history holds it.</summary>
    void Forget(ITurnContext turn);
}
