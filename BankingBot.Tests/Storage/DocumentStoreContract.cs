using BankingBot.Dialogs.Storage;
using BankingBot.Storage;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Storage;

/// <summary>
/// What every document store must do, run against each of them: local disk, memory, and Azure Blob Storage
/// (a real Azurite).
/// </summary>
public abstract class DocumentStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync();

    [Fact]
    public async Task DocumentWrittenIsReadBackWithItsETag()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.ReadAsync("tickets/TK-0000-0001"));

        var open = new JObject { ["status"] = "open" };
        var eTag = await store.WriteAsync("tickets/TK-0000-0001", open, WriteCondition.IfNew);
        var stored = await store.ReadAsync("tickets/TK-0000-0001");

        Assert.Equal("open", (string?)stored!.Content["status"]);
        Assert.Equal(eTag, stored.ETag);
    }

    [Fact]
    public async Task TextThatLooksLikeATimeIsReadBackAsWritten()
    {
        var store = await CreateStoreAsync();
        // A customer's own words, e.g. a ticket's description, must not come back as a re-formatted date.
        var said = "2026-11-30T09:15:00+05:00";
        await store.WriteAsync("tickets/TK-0000-0002", new JObject { ["description"] = said }, WriteCondition.IfNew);

        var stored = await store.ReadAsync("tickets/TK-0000-0002");

        Assert.Equal(JTokenType.String, stored!.Content["description"]!.Type);
        Assert.Equal(said, (string?)stored.Content["description"]);
    }

    [Fact]
    public async Task CreateOfAnExistingKeyIsRefused()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync("leads/1", new JObject { ["n"] = 1 }, WriteCondition.IfNew);
        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.WriteAsync("leads/1", new JObject { ["n"] = 2 }, WriteCondition.IfNew));
        Assert.Equal(1, (int)(await store.ReadAsync("leads/1"))!.Content["n"]!);
    }

    [Fact]
    public async Task UpdateWithAStaleETagIsRefusedAndWithTheCurrentOneAccepted()
    {
        var store = await CreateStoreAsync();
        var first = await store.WriteAsync("state/c", new JObject { ["step"] = 1 }, WriteCondition.IfNew);
        var second = await store.WriteAsync("state/c", new JObject { ["step"] = 2 }, WriteCondition.IfUnchanged(first));

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.WriteAsync("state/c", new JObject { ["step"] = 3 }, WriteCondition.IfUnchanged(first)));
        await store.WriteAsync("state/c", new JObject { ["step"] = 4 }, WriteCondition.IfUnchanged(second));
        Assert.Equal(4, (int)(await store.ReadAsync("state/c"))!.Content["step"]!);
    }

    [Fact]
    public async Task OfManyConcurrentUpdatesOfOneVersionExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var start = await store.WriteAsync("counter", new JObject { ["n"] = 0 }, WriteCondition.IfNew);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
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
        }));
        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task KeysWithAnyCharactersAreListedByPrefixAndDeleted()
    {
        var store = await CreateStoreAsync();
        string[] keys =
            ["state/msteams/conversations/a:b;messageid=1", "state/webchat/conversations/é ü 😀", "tickets/x"];
        foreach (var key in keys)
        {
            await store.WriteAsync(key, new JObject { ["k"] = key }, WriteCondition.Always);
        }

        var listed = new List<string>();
        await foreach (var key in store.ListKeysAsync("state/"))
        {
            listed.Add(key);
        }

        Assert.Equal(keys.Take(2).Order(), listed.Order());
        Assert.True(await store.DeleteAsync(keys[1]));
        Assert.False(await store.DeleteAsync(keys[1]));
        Assert.Null(await store.ReadAsync(keys[1]));
        Assert.Equal(keys[0], (string?)(await store.ReadAsync(keys[0]))!.Content["k"]);
    }
}

public sealed class FileDocumentStoreContract : DocumentStoreContract, IDisposable
{
    private readonly string folder =
        Path.Combine(Path.GetTempPath(), "bankingbot-contract-" + Guid.NewGuid().ToString("N"));

    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(new FileDocumentStore(folder));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class MemoryDocumentStoreContract : DocumentStoreContract
{
    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(new MemoryDocumentStore());
}

public sealed class BlobDocumentStoreContract(Azurite azurite) : DocumentStoreContract, IClassFixture<Azurite>
{
    protected override async Task<IDocumentStore> CreateStoreAsync() =>
        await BlobDocumentStore.CreateAsync(azurite.ConnectionString, "test-" + Guid.NewGuid().ToString("N"));
}
