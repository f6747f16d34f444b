using Microsoft.Bot.Builder;

namespace BankingBot.Bench.EchoBot;

/// <summary>The SDK's <see cref="MemoryStorage"/>, counting its reads and writes for the benchmark.</summary>
public sealed class CountingStorage : IStorage
{
    private readonly MemoryStorage inner = new();
    private long reads;
    private long writes;

    /// <summary>Reads so far.</summary>
    public long Reads => Interlocked.Read(ref reads);

    /// <summary>Writes so far.</summary>
    public long Writes => Interlocked.Read(ref writes);

    /// <inheritdoc />
    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref reads);
        return inner.ReadAsync(keys, cancellationToken);
    }

    /// <inheritdoc />
    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref writes);
        return inner.WriteAsync(changes, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(keys, cancellationToken);
}
