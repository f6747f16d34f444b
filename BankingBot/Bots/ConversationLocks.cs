namespace BankingBot.Bots;

/// <summary>
/// One turn at a time per conversation within this process. Across processes the ETag check on state does
/// the same job; the lock only saves needless conflicts and retries here.
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the conversation's turn; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancel)
    {
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                entries[conversationKey] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancel);
        }
        catch
        {
            Leave(conversationKey, entry, release: false);
            throw;
        }

        return new Releaser(() => Leave(conversationKey, entry, release: true));
    }

    private void Leave(string key, Entry entry, bool release)
    {
        lock (entries)
        {
            if (release)
            {
                entry.Gate.Release();
            }

            if (--entry.Users == 0)
            {
                entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                release();
            }
        }
    }
}
