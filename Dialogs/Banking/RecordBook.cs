using BankingBot.Dialogs.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Banking;

/// <summary>
/// Records of one kind in the document store, under "<c>kind/id</c>". Updates read, change and write back
/// with the ETag they read; when someone else changed the record in between, the change is applied again
/// to the fresh version, so no update is lost.
/// </summary>
public sealed class RecordBook<T>(IDocumentStore store, string kind) where T : BankRecord
{
    private const int MaxUpdateAttempts = 10;

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    });

    /// <summary>The store key of a record id.</summary>
    public string KeyOf(string id) => $"{kind}/{id}";

    /// <summary>The record with this id, or null.</summary>
    public async Task<T?> FindAsync(string id, CancellationToken cancel = default) =>
        await store.ReadAsync(KeyOf(id), cancel) is { } stored ? stored.Content.ToObject<T>(Serializer) : null;

    /// <summary>Stores a new record; false when a record with its id already exists.</summary>
    public async Task<bool> TryCreateAsync(T record, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var content = JObject.FromObject(record, Serializer);
            await store.WriteAsync(KeyOf(record.Id), content, WriteCondition.IfNew, cancel);
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies a change to the latest version of a record; null when there is no such record. After ten lost
    /// races in a row the <see cref="StorageConflictException"/> reaches the caller.
    /// </summary>
    public async Task<T?> UpdateAsync(string id, Action<T> change, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.ReadAsync(KeyOf(id), cancel) is not { } stored)
            {
                return null;
            }

            var record = stored.Content.ToObject<T>(Serializer)!;
            change(record);
            try
            {
                await store.WriteAsync(KeyOf(id), JObject.FromObject(record, Serializer),
                    WriteCondition.IfUnchanged(stored.ETag), cancel);
                return record;
            }
            catch (StorageConflictException) when (attempt < MaxUpdateAttempts)
            {
                // Someone changed it since we read it: apply the change again to their version, after a short
                // random pause so that writers racing for the same record spread out.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancel);
            }
        }
    }

    /// <summary>Deletes a record; true when it existed.</summary>
    public Task<bool> DeleteAsync(string id, CancellationToken cancel = default) =>
        store.DeleteAsync(KeyOf(id), cancel);

    /// <summary>Every record of this kind. For staff views and deletion; not for the turn path.</summary>
    public async IAsyncEnumerable<T> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation]
        CancellationToken cancel = default)
    {
        await foreach (var key in store.ListKeysAsync(kind + "/", cancel))
        {
            if (await store.ReadAsync(key, cancel) is { } stored)
            {
                yield return stored.Content.ToObject<T>(Serializer)!;
            }
        }
    }
}
