using BankingBot.Dialogs.Banking;
using BankingBot.Storage;

namespace BankingBot.Tests.Storage;

/// <summary>Staff and customer changing the same ticket at once, from two instances, on a real Azurite.</summary>
public sealed class RecordConcurrencyTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task ConcurrentChangesToOneTicketFromTwoInstancesAreAllKept()
    {
        var container = "records-" + Guid.NewGuid().ToString("N");
        var staffSide = new RecordBook<Ticket>(
            await BlobDocumentStore.CreateAsync(azurite.ConnectionString, container), "tickets");
        var customerSide = new RecordBook<Ticket>(
            await BlobDocumentStore.CreateAsync(azurite.ConnectionString, container), "tickets");
        var now = DateTimeOffset.UtcNow;
        var ticket0 = new Ticket { Id = "TK-AAAA-0001", CreatedAt = now, UpdatedAt = now };
        Assert.True(await staffSide.TryCreateAsync(ticket0));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? staffSide.UpdateAsync("TK-AAAA-0001", t => t.Record(now, "staff", $"note {i}"))
            : customerSide.UpdateAsync("TK-AAAA-0001", t => t.Record(now, "customer", $"note {i}"))));

        var ticket = await customerSide.FindAsync("TK-AAAA-0001");
        var expected = Enumerable.Range(0, 10).Select(i => $"note {i}").Order();
        Assert.Equal(expected, ticket!.Audit.Select(a => a.Change).Order());
    }
}
