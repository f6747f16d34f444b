using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Storage;

/// <summary>Documents in memory, with the same ETag rules as the durable stores. For tests.</summary>
public sealed class MemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<string, StoredDocument> documents = new(StringComparer.Ordinal);
    private readonly Lock writeLock = new();

    /// <inheritdoc />
    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancel = default) =>
        Task.FromResult(documents.TryGetValue(key, out var stored)
            ? stored with { Content = (JObject)stored.Content.DeepClone() }
            : null);

    /// <inheritdoc />
    public Task<string> WriteAsync(string key, DocumentContent content, WriteCondition condition,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (writeLock)
        {
            documents.TryGetValue(key, out var current);
            if ((condition.IfNoneExists && current is not null)
                || (condition.IfMatch is { } expected && expected != "*" && current?.ETag != expected))
            {
                throw new StorageConflictException(key);
            }

            var eTag = Guid.NewGuid().ToString("N");
            documents[key] = new StoredDocument(key, content.ToJObject(), eTag);
            return Task.FromResult(eTag);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancel = default) =>
        Task.FromResult(documents.TryRemove(key, out _));

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        await Task.CompletedTask;
        foreach (var key in documents.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            yield return key;
        }
    }
}
