using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Storage;

/// <summary>
/// A document store that counts what goes through it, split into bot state (keys under <c>state/</c>) and
/// records (everything else). The benchmark reads the counts to show a turn's storage work; the bot uses it
/// only when started for a benchmark. Counting is all it adds: every call goes to the store it wraps.
/// </summary>
public sealed class CountingDocumentStore(IDocumentStore inner) : IDocumentStore
{
    private const string StatePrefix = "state/";
    private long stateReads;
    private long stateWrites;
    private long recordReads;
    private long recordWrites;
    private long deletes;
    private long listings;

    /// <summary>Bot state documents read so far.</summary>
    public long StateReads => Interlocked.Read(ref stateReads);

    /// <summary>Bot state documents written so far.</summary>
    public long StateWrites => Interlocked.Read(ref stateWrites);

    /// <summary>Records (tickets, leads, feedback, ...) read so far.</summary>
    public long RecordReads => Interlocked.Read(ref recordReads);

    /// <summary>Records written so far.</summary>
    public long RecordWrites => Interlocked.Read(ref recordWrites);

    /// <summary>Deletes so far, of any kind.</summary>
    public long Deletes => Interlocked.Read(ref deletes);

    /// <summary>Key listings started so far.</summary>
    public long Listings => Interlocked.Read(ref listings);

    /// <inheritdoc />
    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancel = default)
    {
        Interlocked.Increment(ref IsState(key) ? ref stateReads : ref recordReads);
        return inner.ReadAsync(key, cancel);
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string key, DocumentContent content, WriteCondition condition,
        CancellationToken cancel = default)
    {
        Interlocked.Increment(ref IsState(key) ? ref stateWrites : ref recordWrites);
        return inner.WriteAsync(key, content, condition, cancel);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancel = default)
    {
        Interlocked.Increment(ref deletes);
        return inner.DeleteAsync(key, cancel);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        Interlocked.Increment(ref listings);
        await foreach (var key in inner.ListKeysAsync(prefix, cancel))
        {
            yield return key;
        }
    }

    private static bool IsState(string key) => key?.StartsWith(StatePrefix, StringComparison.Ordinal) == true;
}
