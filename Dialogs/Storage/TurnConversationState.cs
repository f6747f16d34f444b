using Microsoft.Bot.Builder;

namespace BankingBot.Dialogs.Storage;

/// <summary>
/// The SDK's <see cref="ConversationState"/>, written at the end of every turn without the SDK's change check.
/// The SDK serializes the whole state once when it loads it and again after each save, only to compare hashes;
/// a turn nearly always changes the conversation (its transcript), so the bot saves it regardless
/// (<c>force: true</c>) and the two serializations bought nothing.
/// </summary>
public sealed class TurnConversationState : ConversationState
{
    // Where BotState keeps a turn's cached state: the name its ConversationState passes to BotState.
    private const string CacheKey = nameof(ConversationState);
    private readonly IStorage storage;

    /// <summary>Conversation state in the given storage.</summary>
    public TurnConversationState(IStorage storage)
        : base(storage)
    {
        this.storage = storage;
    }

    /// <inheritdoc />
    public override async Task LoadAsync(ITurnContext turnContext, bool force = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.Get<CachedBotState>(CacheKey) is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await storage.ReadAsync([key], cancellationToken);
        var state = items.TryGetValue(key, out var value) && value is IDictionary<string, object> read
            ? read
            : new Dictionary<string, object>();
        // Hashed empty, not as read: the hash only tells whether the state changed, and it is saved either way.
        turnContext.TurnState[CacheKey] = new CachedBotState { State = state };
    }

    /// <inheritdoc />
    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<CachedBotState>(CacheKey) is not { } cached)
        {
            return;
        }

        await storage.WriteAsync(new Dictionary<string, object> { [GetStorageKey(turnContext)] = cached.State },
            cancellationToken);
    }
}
