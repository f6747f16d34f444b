using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Records;

/// <summary>What a deletion removed: records per kind, and kinds it could not read.</summary>
public sealed record DeletedRecords(IReadOnlyDictionary<string, int> PerKind, IReadOnlyList<string> Unreadable)
{
    /// <summary>Every record deleted.</summary>
    public int Total => PerKind.Values.Sum();
}

/// <summary>
/// "Delete my data": finds every record that carries the customer's id, of every kind in the store (tickets,
/// ticket request markers, hand-overs, leads, lead notices, feedback, feedback invitations, and kinds added
/// later), deletes them, and deletes the user's and the conversation's bot state.
/// </summary>
/// <remarks>
/// Known limits: the customer id is per channel, so records made on another channel stay (the customer asks
/// there too); another conversation's state goes when its transcript names the customer (conversations from
/// before the transcript did so stay); and nothing holds back records the bank may have to keep by law: if that
/// applies, exempt those kinds here.
/// Walking every record is slow on a large store: fine for a rare request, not for the turn path of every chat.
/// </remarks>
public sealed class CustomerData(IDocumentStore store, ConversationState conversationState, UserState userState,
    IEnumerable<IConversationHistory> histories, ILogger<CustomerData> logger)
{
    private const string StateKind = "state";

    /// <summary>Deletes every record of <paramref name="customer"/> and reports how many of each kind.</summary>
    public async Task<DeletedRecords> DeleteRecordsAsync(string customer, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customer);
        var perKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var kind in await KindsAsync(cancel))
        {
            var book = new RecordBook<AnyRecord>(store, kind);
            List<string> ids;
            try
            {
                ids = await book.AllAsync(cancel).Where(r => r.Customer == customer).Select(r => r.Id)
                    .ToListAsync(cancel);
            }
            catch (JsonException)
            {
                // Documents that are not records (no customer, other field types) cannot be this customer's records.
                logger.LogWarning("Records of kind {Kind} could not be read while deleting a customer's data", kind);
                unreadable.Add(kind);
                continue;
            }

            var deleted = 0;
            foreach (var id in ids)
            {
                deleted += await book.DeleteAsync(id, cancel) ? 1 : 0;
            }

            if (deleted > 0)
            {
                perKind[kind] = deleted;
            }
        }

        var result = new DeletedRecords(perKind, unreadable);
        logger.LogInformation("Customer data deleted: {RecordCount} records of {KindCount} kinds", result.Total,
            perKind.Count);
        return result;
    }

    /// <summary>
    /// Deletes the bot state of the turn's user and conversation (the dialog stack, the transcript, the greeting)
    /// and every other copy of the conversation's activities the bot keeps (<see cref="IConversationHistory"/>).
    /// The turn's cached state goes too, so the end of the turn saves only what is set after this call.
    /// </summary>
    /// <returns>How many of the customer's other conversations on the channel had their state deleted.</returns>
    public async Task<int> DeleteStateAsync(ITurnContext turn, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var others = await DeleteOtherConversationsAsync(turn, cancel);
        await conversationState.DeleteAsync(turn, cancel);
        await userState.DeleteAsync(turn, cancel);
        foreach (var history in histories)
        {
            history.Forget(turn);
        }

        return others;
    }

    // The state of the customer's other conversations on this channel: each conversation's transcript names the
    // customers whose words it holds. Walks every conversation's state, like the records: fine for a rare request.
    private async Task<int> DeleteOtherConversationsAsync(ITurnContext turn, CancellationToken cancel)
    {
        var customer = Flows.Customer.IdOf(turn.Activity);
        var prefix = $"{StateKind}/{turn.Activity.ChannelId}/conversations/";
        var current = prefix + turn.Activity.Conversation?.Id;
        var deleted = 0;
        await foreach (var key in store.ListKeysAsync(prefix, cancel))
        {
            if (key != current && await store.ReadAsync(key, cancel) is { } state
                && state.Content.SelectToken("transcript.customers") is JArray customers
                && customers.Any(c => (string?)c == customer))
            {
                deleted += await store.DeleteAsync(key, cancel) ? 1 : 0;
            }
        }

        return deleted;
    }

    // The kinds are the first part of the stored keys, so record kinds added later are covered without a change.
    private async Task<IReadOnlyList<string>> KindsAsync(CancellationToken cancel)
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var key in store.ListKeysAsync(string.Empty, cancel))
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && key[..slash] != StateKind)
            {
                kinds.Add(key[..slash]);
            }
        }

        return [.. kinds];
    }

    /// <summary>Any record, read only for its id and customer.</summary>
    private sealed class AnyRecord : BankRecord;
}
