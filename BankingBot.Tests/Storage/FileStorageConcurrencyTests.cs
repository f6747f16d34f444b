using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Storage;

public sealed class FileStorageConcurrencyTests : IDisposable
{
    private readonly string folder =
        Path.Combine(Path.GetTempPath(), "bankingbot-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WriteWithAStaleETagIsRefused()
    {
        var store = new FileDocumentStore(folder);
        var first = await store.WriteAsync("k", new JObject { ["v"] = 1 }, WriteCondition.IfNew);
        await store.WriteAsync("k", new JObject { ["v"] = 2 }, WriteCondition.IfUnchanged(first));

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.WriteAsync("k", new JObject { ["v"] = 3 }, WriteCondition.IfUnchanged(first)));
        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.WriteAsync("k", new JObject { ["v"] = 4 }, WriteCondition.IfNew));
        Assert.Equal(2, (int)(await store.ReadAsync("k"))!.Content["v"]!);
    }

    [Fact]
    public async Task ConcurrentWritersOfTheSameVersionNeverBothWin()
    {
        var store = new FileDocumentStore(folder);
        var start = await store.WriteAsync("counter", new JObject { ["n"] = 0 }, WriteCondition.IfNew);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.WriteAsync("counter", new JObject { ["n"] = i }, WriteCondition.IfUnchanged(start));
                return true;
            }
            catch (StorageConflictException)
            {
                return false;
            }
        })));
        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task TwoBotInstancesHandlingTurnsOfOneConversationAtOnceLoseNoUpdate()
    {
        // Two instances (as after a scale-out) share the folder; their in-process locks do not see each other,
        // so only the ETag check on conversation state keeps both customers' messages.
        // Each instance has its own store on the folder, slowed down so that the two turns of a round overlap.
        var firstStore = new SlowDocumentStore(new FileDocumentStore(folder), TimeSpan.FromMilliseconds(20));
        var secondStore = new SlowDocumentStore(new FileDocumentStore(folder), TimeSpan.FromMilliseconds(20));
        await using var first = BotHarness.Create(conversationId: "shared", store: firstStore);
        // Two people of one group conversation: the bot takes a repeated sender and activity id as a retry of the
        // same activity, and each test adapter numbers its activities from 0, so the senders differ, as they would.
        await using var second = BotHarness.Create(conversationId: "shared", user: "customer-2", store: secondStore);
        // Four rounds keep every line within the transcript's last 30 lines.
        for (var round = 0; round < Rounds; round++)
        {
            await Task.WhenAll(
                first.Adapter.ProcessActivityAsync(
                    first.Adapter.MakeActivity($"first {round}"), first.Bot.OnTurnAsync, default),
                second.Adapter.ProcessActivityAsync(
                    second.Adapter.MakeActivity($"second {round}"), second.Bot.OnTurnAsync, default));
        }

        var state = await new FileDocumentStore(folder).ReadAsync("state/test/conversations/shared");
        var said = BotHarness.CustomerLines(state);
        for (var round = 0; round < Rounds; round++)
        {
            Assert.Contains($"first {round}", said);
            Assert.Contains($"second {round}", said);
        }
    }

    [Fact]
    public async Task DeletingADocumentLeavesNoEarlierVersionOfItInTheFolder()
    {
        var store = new FileDocumentStore(folder);
        var eTag = await store.WriteAsync("customer", new JObject { ["email"] = "first.version@example.com" },
            WriteCondition.IfNew);
        eTag = await store.WriteAsync("customer", new JObject { ["email"] = "second.version@example.com" },
            WriteCondition.IfUnchanged(eTag));
        await store.WriteAsync("customer", new JObject { ["email"] = "third.version@example.com" },
            WriteCondition.IfUnchanged(eTag));

        Assert.True(await store.DeleteAsync("customer"));

        Assert.Null(await store.ReadAsync("customer"));
        var left = Directory.EnumerateFiles(folder).Select(File.ReadAllText).Where(text => text.Contains('@'));
        Assert.Empty(left);
    }

    [Fact]
    public async Task ReadersNeverSeeAHalfWrittenDocumentWhileItIsRewrittenAgainAndAgain()
    {
        // Versions of very different lengths, written as fast as possible while two readers read: every read
        // must be one whole version (its padding as long as its number says).
        var store = new FileDocumentStore(folder);
        var eTag = await store.WriteAsync("busy", Version(0), WriteCondition.IfNew);
        using var writing = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!writing.IsCancellationRequested || reads == 0)
            {
                var read = (await store.ReadAsync("busy"))!.Content;
                Assert.Equal((int)read["n"]! % 7 * 3000, ((string)read["padding"]!).Length);
                reads++;
            }

            return reads;
        })).ToList();
        for (var n = 1; n <= 400; n++)
        {
            eTag = await store.WriteAsync("busy", Version(n), WriteCondition.IfUnchanged(eTag));
        }

        await writing.CancelAsync();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
    }

    private static JObject Version(int n) => new() { ["n"] = n, ["padding"] = new string('x', n % 7 * 3000) };

    private const int Rounds = 4;
}
