using BankingBot.Dialogs.Storage;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Storage;

/// <summary>A store that answers every read and write only after a delay, as a storage service under strain.</summary>
public sealed class SlowDocumentStore(IDocumentStore inner, TimeSpan delay) : IDocumentStore
{
    /// <inheritdoc />
    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancel = default) =>
        SlowlyAsync(() => inner.ReadAsync(key, cancel), cancel);

    /// <inheritdoc />
    public Task<string> WriteAsync(string key, DocumentContent content, WriteCondition condition,
        CancellationToken cancel = default) =>
        SlowlyAsync(() => inner.WriteAsync(key, content, condition, cancel), cancel);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancel = default) =>
        SlowlyAsync(() => inner.DeleteAsync(key, cancel), cancel);

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancel = default) =>
        inner.ListKeysAsync(prefix, cancel);

    private async Task<T> SlowlyAsync<T>(Func<Task<T>> operation, CancellationToken cancel)
    {
        // Half the delay before the operation and half after: a read sees the state of its start, a write lands
        // before its caller hears of it, and other turns run in between.
        await Task.Delay(delay / 2, cancel);
        var result = await operation();
        await Task.Delay(delay / 2, cancel);
        return result;
    }
}
