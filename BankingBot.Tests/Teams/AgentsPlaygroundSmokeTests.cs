using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Storage;
using BankingBot.Dialogs.Understanding;
using BankingBot.Tests.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// The real app against the Microsoft 365 Agents Playground acting as Teams: a new lead reaches the sales channel
/// as a card; a colleague who is not staff cannot claim it, and a staff user of the Playground's tenant claims it
/// with Action.Execute.
/// </summary>
public sealed class AgentsPlaygroundSmokeTests : IAsyncLifetime
{
    private const string SalesChannel = "channel-announcements-id";

    private readonly string dataFolder =
        Path.Combine(Path.GetTempPath(), "bankingbot-playground-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task AStaffUserSeesANewLeadCardAndClaimsItWithActionExecute()
    {
        var lead = await SeedLeadAsync();
        var botPort = BotProcess.FreePort();
        await using var playground = await AgentsPlayground.StartAsync($"http://127.0.0.1:{botPort}/api/messages");
        var config = playground.TestConfig;
        var tenant = (string)config["tenantId"]!;
        var user = (JObject)config["currentUser"]!;
        await using var bot = await BotProcess.StartAsync(dataFolder, new Dictionary<string, string>
        {
            ["Staff__TenantId"] = tenant,
            ["Staff__UserIds__0"] = (string)user["aadObjectId"]!,
            ["Teams__SalesChannel__ConversationId"] = SalesChannel,
            ["Teams__SalesChannel__ServiceUrl"] = playground.ServiceUrl,
            ["Teams__SalesChannel__TenantId"] = tenant,
            ["Teams__DeliveryInterval"] = "00:00:01",
        }, botPort);

        var card = await playground.WaitForActivityAsync(a => a.ToString().Contains("New lead: Mortgage",
            StringComparison.Ordinal));
        var claim = (JObject)card.SelectToken("attachments[0].content.actions[?(@.title == 'Claim')].data")!;
        Assert.Equal($"lead {lead.Id} claim", (string?)claim["answer"]);

        // A post in a channel is a thread of its own: "<channel>;messageid=<first message>".
        var messageId = (string)card["messageId"]!;
        var thread = $"{SalesChannel};messageid={messageId}";

        // Another member of the team, not listed as staff, clicks first: nothing changes.
        var colleague = (string)config["users"]![0]!["id"]!;
        var refused = await playground.InvokeAsync(thread, messageId, colleague, claim);
        Assert.DoesNotContain("claimed by", refused, StringComparison.Ordinal);

        var answer = await playground.InvokeAsync(thread, messageId, (string)user["id"]!, claim);

        Assert.Contains($"claimed by {(string)user["name"]!}", answer);
        // Everyone in the channel sees the card change: the stream reports the message updated in place.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!playground.Frames.Any(f => (string?)f["action"] == "updateMessage"
                   && f.ToString().Contains("claimed by", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Contains(playground.Frames, f => (string?)f["action"] == "updateMessage"
            && f.ToString().Contains("claimed by", StringComparison.Ordinal));
    }

    // A qualified lead waiting for the sales team, as the lead flow leaves it, in the bot's data folder.
    private async Task<Lead> SeedLeadAsync()
    {
        var store = new FileDocumentStore(dataFolder);
        var now = DateTimeOffset.UtcNow;
        var (lead, _) = await new LeadBook(store, NullLogger<LeadBook>.Instance).CaptureAsync(new Lead
        {
            CreatedAt = now, UpdatedAt = now, Channel = "webchat", Customer = "customer-hash", Product = "mortgage",
            Purpose = "First home", Amount = new Money(250000, "GBP"), Score = 72, Temperature = LeadTemperature.Hot,
            Reasons = ["large amount (+30)"], Summary = "Mortgage for: First home.",
        }, "playground-" + Guid.NewGuid().ToString("N"));
        await new SalesInbox(store, TimeProvider.System, NullLogger<SalesInbox>.Instance).RaiseNewLeadAsync(lead);
        return lead;
    }
}
