using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Storage;

/// <summary>A stored JSON document with the ETag of the version read.</summary>
public sealed record StoredDocument(string Key, JObject Content, string ETag);

/// <summary>When a write may happen.</summary>
public readonly record struct WriteCondition(string? IfMatch, bool IfNoneExists)
{
    /// <summary>Write whatever is stored.</summary>
    public static readonly WriteCondition Always = new(null, false);

    /// <summary>Write only if nothing is stored under the key (create).</summary>
    public static readonly WriteCondition IfNew = new(null, true);

    /// <summary>Write only if the stored version still has this ETag (update what was read).</summary>
    public static WriteCondition IfUnchanged(string eTag) => new(eTag, false);
}

/// <summary>
/// The one storage abstraction of the bot: JSON documents by key, with optimistic concurrency. Bot state
/// and every record (tickets, leads, feedback, hand-overs, conversation references) go through it, on
/// local disk by default or on Azure Blob Storage.
/// </summary>
public interface IDocumentStore
{
    /// <summary>The document under the key, or null.</summary>
    Task<StoredDocument?> ReadAsync(string key, CancellationToken cancel = default);

    /// <summary>Writes a document and returns its new ETag.</summary>
    /// <exception cref="StorageConflictException">
    /// The condition does not hold: another writer got there first.
    /// </exception>
    Task<string> WriteAsync(string key, DocumentContent content, WriteCondition condition,
        CancellationToken cancel = default);

    /// <summary>Deletes the document if it exists; true when something was deleted.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancel = default);

    /// <summary>The keys that start with the prefix.</summary>
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancel = default);
}

/// <summary>A write lost a race: what is stored changed since it was read, or a new key already exists.</summary>
public sealed class StorageConflictException(string key)
    : Exception($"The stored document changed since it was read (key hash {KeyHash.Of(key)}).")
{
    /// <summary>The key whose write was refused.</summary>
    public string Key { get; } = key;
}

/// <summary>The storage failed for a reason other than a conflict (unreachable, timed out, throttled).</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A short, stable hash of a key, for logs: keys may contain customer ids.</summary>
public static class KeyHash
{
    /// <summary>The first 12 hex digits of the key's SHA-256.</summary>
    public static string Of(string key) => Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12].ToLowerInvariant();
}
