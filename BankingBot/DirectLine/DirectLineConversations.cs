using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BankingBot.DirectLine;

/// <summary>
/// The open conversations of the local Direct Line, in memory. A conversation nobody has used for
/// <see cref="DirectLineSettings.IdleTimeout"/> is dropped by <see cref="SweepIdle"/>, so memory holds only
/// conversations in use. They are not shared between instances or kept over a restart: the local Direct Line
/// is for a developer's machine and a single instance; a bank running several instances uses Azure's.
/// </summary>
public sealed class DirectLineConversations(DirectLineSettings settings, DirectLineTokens tokens, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> open = new(StringComparer.Ordinal);

    /// <summary>Conversations open now.</summary>
    public int Count => open.Count;

    /// <summary>Opens a conversation for a new user and gives its first token; null when too many are open.</summary>
    public (DirectLineConversation Conversation, string Token)? Open()
    {
        if (open.Count >= settings.MaxConversations)
        {
            return null;
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var conversation = new DirectLineConversation(id, userId, settings.MaxActivitiesPerConversation,
            time.GetUtcNow());
        open[id] = conversation;
        return (conversation, tokens.Issue(id, userId, settings.TokenLifetime));
    }

    /// <summary>A fresh token for the same conversation and user.</summary>
    public string Renew(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return tokens.Issue(grant.ConversationId, grant.UserId, settings.TokenLifetime);
    }

    /// <summary>
    /// The conversation a request may use: its token must be valid and name this conversation (else 403, which
    /// Web Chat reads as "token expired"), and the conversation must still be open (else 404).
    /// </summary>
    public DirectLineAccess Authorize(string? token, string? conversationId)
    {
        var grant = tokens.Check(token);
        if (grant is null || (conversationId is not null && grant.ConversationId != conversationId))
        {
            return new DirectLineAccess(null, null, StatusCodes.Status403Forbidden);
        }

        if (!open.TryGetValue(grant.ConversationId, out var conversation))
        {
            return new DirectLineAccess(grant, null, StatusCodes.Status404NotFound);
        }

        conversation.Touch(time.GetUtcNow());
        return new DirectLineAccess(grant, conversation, StatusCodes.Status200OK);
    }

    /// <summary>An open conversation by id, or null.</summary>
    public DirectLineConversation? Find(string conversationId) => open.GetValueOrDefault(conversationId);

    /// <summary>Drops every conversation idle for longer than the idle timeout; returns how many.</summary>
    public int SweepIdle()
    {
        var cutoff = time.GetUtcNow() - settings.IdleTimeout;
        var dropped = 0;
        foreach (var (id, conversation) in open)
        {
            if (conversation.LastTouched < cutoff && open.TryRemove(new(id, conversation)))
            {
                dropped++;
            }
        }

        return dropped;
    }
}

/// <summary>The outcome of checking a request: the grant and conversation when <see cref="Status"/> is 200.</summary>
public sealed record DirectLineAccess(DirectLineGrant? Grant, DirectLineConversation? Conversation, int Status);
