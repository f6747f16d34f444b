using System.Net;
using System.Text;
using Azure.Storage.Blobs;
using BankingBot.Bots;
using BankingBot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Storage;

/// <summary>
/// Two bot processes on different ports sharing one Blob Storage (a real Azurite), as two App Service
/// instances behind a load balancer: turns of the same conversation alternate between them.
/// </summary>
public sealed class ScaleOutTests(Azurite azurite) : IClassFixture<Azurite>, IAsyncLifetime
{
    private const int Conversations = 12;
    private readonly string container = "scaleout-" + Guid.NewGuid().ToString("N");
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private ChannelStandIn channel = null!;
    private int sequence;

    public async Task InitializeAsync() => channel = await ChannelStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        http.Dispose();
    }

    [Fact]
    public async Task ConversationsAlternatingBetweenTwoInstancesEachGetExactlyOneUniqueTicket()
    {
        await using var first = await BotProcess.StartAsync(Path.GetTempPath(), BlobSettings());
        await using var second = await BotProcess.StartAsync(Path.GetTempPath(), BlobSettings());
        BotProcess[] instances = [first, second];

        var numbers = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i =>
            OpenTicketAsync($"scale-{i}-{Guid.NewGuid():N}", step => instances[(i + step) % 2])));

        Assert.Equal(Conversations, numbers.Distinct().Count());
        var stored = new List<string>();
        var blobs = new BlobContainerClient(azurite.ConnectionString, container);
        await foreach (var blob in blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, "tickets/", default))
        {
            stored.Add(blob.Name["tickets/".Length..]);
        }

        Assert.Equal(numbers.Order(), stored.Order());
    }

    [Fact]
    public async Task StorageOutageMidConversationGetsAnApologyAndLosesNothingConfirmed()
    {
        await using var proxy = new FaultProxy(azurite.Port);
        await using var bot = await BotProcess.StartAsync(Path.GetTempPath(), BlobSettings(proxy.Port));
        var conversation = "outage-" + Guid.NewGuid().ToString("N");
        var number = await OpenTicketAsync(conversation, _ => bot);
        await SayAsync(bot, conversation, "I want to open a ticket", "What is it about?");
        await SayAsync(bot, conversation, "cards", "describe the problem");

        proxy.Break();
        await SayAsync(bot, conversation, "My new card was never delivered", BankAdapter.StorageFailureMessage);

        proxy.Restore();
        await SayAsync(bot, conversation, "My new card was never delivered", "How urgent is it?");
        await SayAsync(bot, conversation, "normal", "let you know");
        await SayAsync(bot, conversation, "no", "what e-mail address");
        await SayAsync(bot, conversation, "skip", "Your ticket number is");
        await SayAsync(bot, conversation, $"status of {number}", "Ticket " + number);
    }

    private async Task<string> OpenTicketAsync(string conversation, Func<int, BotProcess> instanceFor)
    {
        await SayAsync(instanceFor(0), conversation, null, "automated assistant");
        await SayAsync(instanceFor(1), conversation, "I want to open a ticket", "What is it about?");
        await SayAsync(instanceFor(2), conversation, "a transfer", "describe the problem");
        await SayAsync(instanceFor(3), conversation, $"Transfer for {conversation} did not arrive", "How urgent");
        await SayAsync(instanceFor(4), conversation, "normal", "let you know");
        await SayAsync(instanceFor(5), conversation, "no", "what e-mail address");
        var confirmation = await SayAsync(instanceFor(6), conversation, "skip", "Your ticket number is");
        return Dialogs.Banking.TicketNumbers.Find(confirmation)!;
    }

    private async Task<string> SayAsync(BotProcess bot, string conversation, string? text, string expected)
    {
        var activity = new JObject
        {
            ["type"] = text is null ? "conversationUpdate" : "message",
            ["id"] = $"a-{Interlocked.Increment(ref sequence)}",
            ["channelId"] = "emulator",
            ["serviceUrl"] = channel.ServiceUrl,
            ["conversation"] = new JObject { ["id"] = conversation },
            ["from"] = new JObject { ["id"] = "user-" + conversation },
            ["recipient"] = new JObject { ["id"] = "bot" },
            ["text"] = text,
            ["membersAdded"] = text is null ? new JArray(new JObject { ["id"] = "user-" + conversation }) : null,
        };
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        var response = await http.PostAsync(bot.MessagesUri, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var said = new StringBuilder();
        while (channel.Pending(conversation) > 0 || said.Length == 0)
        {
            said.Append(channel.NextReply(conversation)).Append('\n');
        }

        var heard = said.ToString();
        Assert.True(heard.Contains(expected, StringComparison.Ordinal), $"Expected \"{expected}\" in: {heard}");
        return said.ToString();
    }

    private Dictionary<string, string> BlobSettings(int? port = null) => new()
    {
        ["Storage__Kind"] = "Blob",
        ["Storage__ConnectionString"] = Azurite.ConnectionStringFor(port ?? azurite.Port),
        ["Storage__Container"] = container,
    };
}
