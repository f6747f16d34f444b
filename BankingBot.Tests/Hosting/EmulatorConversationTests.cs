using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Hosting;

/// <summary>Talks to the real web app over HTTP as the Bot Framework Emulator does.</summary>
public sealed class EmulatorConversationTests : IAsyncLifetime
{
    private readonly string dataFolder =
        Path.Combine(Path.GetTempPath(), "bankingbot-test-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ChannelStandIn channel = null!;
    private int sequence;

    public async Task InitializeAsync() => channel = await ChannelStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        http.Dispose();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task ConversationContinuesAtTheSameStepAfterTheBotRestarts()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        var port = BotProcess.FreePort();
        await using (var bot = await BotProcess.StartAsync(dataFolder, port: port))
        {
            await StartTicketAsync(bot, conversation);
        }

        await using (var restarted = await BotProcess.StartAsync(dataFolder, port: port))
        {
            var confirmation = await FinishTicketAsync(restarted, conversation,
                "My transfer to my landlord never arrived");
            Assert.Contains("Your ticket number is TK-", confirmation);
            Assert.Contains("A transfer", confirmation);
        }
    }

    [Fact]
    public async Task OnOneCoreSocketWorkRunsInlineAndATicketIsOpenedAsUsual()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        await using var bot = await BotProcess.StartAsync(dataFolder,
            new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" });
        Assert.Contains(BotProcess.Output, line => line.Contains("Socket completions run inline (1 core)"));

        await StartTicketAsync(bot, conversation);
        var confirmation = await FinishTicketAsync(bot, conversation, "The same coffee was charged twice");
        Assert.Contains("Your ticket number is TK-", confirmation);
    }

    // Greets, asks for a ticket about a transfer: the bot then asks for the problem.
    private async Task StartTicketAsync(BotProcess bot, string conversation)
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, conversation, "conversationUpdate", null));
        Assert.Contains("automated assistant", channel.NextText());
        await PostAsync(bot, conversation, "message", "I'd like to open a ticket");
        Assert.Contains("What is it about?", channel.NextText());
        await PostAsync(bot, conversation, "message", "a transfer");
        Assert.Contains("describe the problem", channel.NextText());
    }

    // Describes the problem, normal urgency, no updates, no e-mail: returns the confirmation the bot sends.
    private async Task<string> FinishTicketAsync(BotProcess bot, string conversation, string problem)
    {
        await PostAsync(bot, conversation, "message", problem);
        Assert.Contains("How urgent is it?", channel.NextText());
        await PostAsync(bot, conversation, "message", "normal");
        Assert.Contains("let you know", channel.NextText());
        await PostAsync(bot, conversation, "message", "no");
        Assert.Contains("what e-mail address", channel.NextText());
        await PostAsync(bot, conversation, "message", "skip");
        return channel.NextReply().ToString();
    }

    [Fact]
    public async Task WithAnAppIdConfiguredAnUnauthenticatedRequestIsRefusedAndNoTurnRuns()
    {
        var settings = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = "7a0e5b0c-8d4e-4b7c-9f3a-2c1d0e9f8a7b",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        };
        await using var bot = await BotProcess.StartAsync(dataFolder, settings);
        var status = await PostAsync(bot, "conv-unauthenticated", "message", "open a ticket");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        await Task.Delay(500);
        Assert.Equal(0, channel.Count);
        Assert.False(Directory.Exists(dataFolder) && Directory.EnumerateFiles(dataFolder, "state*").Any());
    }

    [Fact]
    public async Task MalformedRequestGetsAClearAnswerNotAServerError()
    {
        await using var bot = await BotProcess.StartAsync(dataFolder);
        using var content = new StringContent("{ this is not json", Encoding.UTF8, "application/json");
        var response = await http.PostAsync(bot.MessagesUri, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABodySentTooSlowlyGets408WithAReasonAndNoServerError()
    {
        await using var bot = await BotProcess.StartAsync(dataFolder);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, bot.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"));
        var answer = new byte[4096];
        var read = 0;
        // One byte a second, far under the server's minimum rate: it gives up after its 5 s grace.
        for (var second = 0; second < 20 && read == 0; second++)
        {
            await stream.WriteAsync(" "u8.ToArray());
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                read = await stream.ReadAsync(answer, wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Nothing yet.
            }
        }

        var response = Encoding.ASCII.GetString(answer, 0, read);
        Assert.StartsWith("HTTP/1.1 408", response);
        Assert.Contains("did not arrive whole or in time", response);
        Assert.DoesNotContain(BotProcess.Output, line => line.Contains("BadHttpRequestException"));
    }

    [Fact]
    public async Task AnUnclearHostingSettingStopsTheBotWithAMessage()
    {
        var settings = new Dictionary<string, string> { ["Hosting__InlineCompletions"] = "maybe" };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => BotProcess.StartAsync(dataFolder, settings));

        Assert.Contains("Hosting:InlineCompletions is 'maybe'", refused.Message);
        Assert.DoesNotContain("Unhandled exception", refused.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"text\":\"hi\"," +
        "\"conversation\":{\"id\":\"c\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"text\":\"hi\"," +
        "\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"nope\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"text\":\"hi\"," +
        "\"serviceUrl\":\"http://127.0.0.1:9/\"}")]
    [InlineData("{\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"}," +
        "\"serviceUrl\":\"http://127.0.0.1:9/\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task ActivityMissingWhatTheBotNeedsIsRefusedWith400(string body)
    {
        await using var bot = await BotProcess.StartAsync(dataFolder);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await http.PostAsync(bot.MessagesUri, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> PostAsync(BotProcess bot, string conversation, string type, string? text)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = $"activity-{Interlocked.Increment(ref sequence)}",
            ["channelId"] = "emulator",
            ["serviceUrl"] = channel.ServiceUrl,
            ["conversation"] = new JObject { ["id"] = conversation },
            ["from"] = new JObject { ["id"] = "emulator-user", ["name"] = "User", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "bankingbot", ["name"] = "Bot", ["role"] = "bot" },
            ["localTimezone"] = "Europe/Paris",
            ["timestamp"] = DateTimeOffset.UtcNow,
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (type == "conversationUpdate")
        {
            activity["membersAdded"] = new JArray(new JObject { ["id"] = "emulator-user" });
        }

        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        var response = await http.PostAsync(bot.MessagesUri, content);
        return response.StatusCode;
    }
}
