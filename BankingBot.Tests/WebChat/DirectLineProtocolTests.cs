using System.Net;
using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.WebChat;

/// <summary>The app's own Direct Line, spoken to over HTTP and WebSocket as Web Chat speaks to it.</summary>
public sealed class DirectLineProtocolTests(DefaultBot bot) : IClassFixture<DefaultBot>
{
    [Fact]
    public async Task CustomersOwnMessageComesBackWithItsIdAndClientActivityIdBeforeTheBotsAnswer()
    {
        using var client = new DirectLineClient(bot.Address);
        await client.StartAsync();

        var (status, posted) = await client.SayAsync("what is an IBAN?", "client-1");
        var (_, activities) = await client.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        var echo = Assert.Single(activities, a => (string?)a["channelData"]?["clientActivityID"] == "client-1");
        Assert.Equal((string)posted!["id"]!, (string)echo["id"]!);
        Assert.Equal("webchat", (string)echo["channelId"]!);
        Assert.StartsWith("dl_", (string)echo["from"]!["id"]!, StringComparison.Ordinal);
        Assert.Equal(("Sam", "user"), ((string)echo["from"]!["name"]!, (string)echo["from"]!["role"]!));
        Assert.Equal("Asia/Tokyo", (string)echo["localTimezone"]!);
        Assert.Contains("+09:00", echo["localTimestamp"]!.ToString(Newtonsoft.Json.Formatting.None));
        var answers = activities.SkipWhile(a => a != echo).Skip(1).ToList();
        Assert.All(answers, a => Assert.Equal((string)echo["id"]!, (string)a["replyToId"]!));
        Assert.Contains(answers, a => ((string?)a["text"])?.Contains("international bank account number") == true);
    }

    [Fact]
    public async Task CustomersTimeZoneFromWebChatReachesTheTicketFlow()
    {
        using var client = new DirectLineClient(bot.Address);
        await client.StartAsync();

        foreach (var said in new[] { "I want to open a ticket", "card", "My card was declined at the shop today",
            "very urgent", "no" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SayAsync(said, Guid.NewGuid().ToString("N"))).Status);
        }

        var transcript = (await client.ReadAsync()).Activities.ToString();
        if (!transcript.Contains("Your ticket number is", StringComparison.Ordinal))
        {
            // The ticket flow may ask for an e-mail address to find the ticket by elsewhere.
            await client.SayAsync("skip", "skip-1");
            transcript = (await client.ReadAsync()).Activities.ToString();
        }

        Assert.Contains("Your ticket number is", transcript);
        Assert.Contains("(Asia/Tokyo)", transcript);
    }

    [Fact]
    public async Task AfterDeleteMyDataTheConversationsEarlierActivitiesCannotBeReadAgain()
    {
        using var client = new DirectLineClient(bot.Address);
        await client.StartAsync();
        await client.SayAsync("what does overdraft mean, asks wilhelmina.q@example.com", "before-1");
        await client.SayAsync("delete my data", "delete-1");
        await client.SayAsync("yes", "delete-2");

        // A reload reads the conversation from the start (no watermark).
        var (status, body) = await client.SendAsync(HttpMethod.Get,
            $"v3/directline/conversations/{client.ConversationId}/activities", null);

        Assert.Equal(HttpStatusCode.OK, status);
        var kept = body!["activities"]!.ToString();
        Assert.DoesNotContain("wilhelmina.q@example.com", kept);
        Assert.DoesNotContain("overdraft", kept, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("deleted", kept);
    }

    [Theory]
    [InlineData("""{"type":"message","text":{"a":1}}""", "text")]
    [InlineData("""{"type":"message","text":"hi","attachments":"x"}""", "attachments")]
    [InlineData("""{"type":"message","text":"hi","localTimestamp":"yesterday"}""", "localTimestamp")]
    [InlineData("""{"type":"message","text":"hi","Text":"delete my data"}""", "Text")]
    [InlineData("""{"type":"message","text":"hi","entities":[1]}""", "entities")]
    public async Task APostedActivityOfTheWrongShapeGetsABadRequestNamingTheField(string posted, string field)
    {
        using var client = new DirectLineClient(bot.Address);
        await client.StartAsync();

        var (status, body) = await client.SendAsync(HttpMethod.Post,
            $"v3/directline/conversations/{client.ConversationId}/activities", JObject.Parse(posted));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"'{field}'", (string?)body?["detail"]);
        var (_, activities) = await client.ReadAsync();
        Assert.DoesNotContain(activities, a => (string?)a["from"]?["role"] == "user");
    }

    [Fact]
    public async Task OneConversationsTokenCannotReadOrWriteAnother()
    {
        using var first = new DirectLineClient(bot.Address);
        using var second = new DirectLineClient(bot.Address);
        await first.StartAsync();
        await second.StartAsync();
        await first.SayAsync("my card reference is PINEAPPLE", "c1");

        Assert.Equal(HttpStatusCode.Forbidden, (await second.ReadAsync(first.ConversationId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await second.PostAsync(new JObject
        {
            ["type"] = "message", ["text"] = "hello from someone else",
        }, first.ConversationId)).Status);
        Assert.DoesNotContain("PINEAPPLE", (await second.ReadAsync()).Activities.ToString());
        Assert.DoesNotContain("someone else", (await first.ReadAsync()).Activities.ToString());

        second.Token = "not-a-token";
        Assert.Equal(HttpStatusCode.Forbidden, (await second.ReadAsync()).Status);
        second.Token = first.Token[..^3] + "abc";
        Assert.Equal(HttpStatusCode.Forbidden, (await second.ReadAsync(first.ConversationId)).Status);
    }

    [Fact]
    public async Task StartingAgainOrResumingGivesTheSameConversationWithAStreamFromTheWatermark()
    {
        using var client = new DirectLineClient(bot.Address);
        var started = await client.StartAsync();

        var again = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", new JObject());
        var resumed = await client.SendAsync(HttpMethod.Get,
            $"v3/directline/conversations/{client.ConversationId}?watermark=3", null);

        Assert.Equal(client.ConversationId, (string)started["conversationId"]!);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(client.ConversationId, (string)again.Body!["conversationId"]!);
        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        Assert.EndsWith("&watermark=3", (string)resumed.Body!["streamUrl"]!, StringComparison.Ordinal);
        Assert.InRange((int)resumed.Body!["expires_in"]!, 1, 1800);
    }

    [Fact]
    public async Task StreamSendsTheCustomersMessageAndTheBotsAnswer()
    {
        using var client = new DirectLineClient(bot.Address);
        var started = await client.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);

        await client.SayAsync("what is an IBAN?", "stream-1");

        var seen = new List<JObject>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!seen.Any(a => ((string?)a["text"])?.Contains("international bank account number") == true))
        {
            var frame = await ReceiveAsync(socket, timeout.Token);
            Assert.NotNull((string?)frame["watermark"]);
            seen.AddRange(frame["activities"]!.Cast<JObject>());
        }

        Assert.Equal("stream-1", (string)seen[0]["channelData"]!["clientActivityID"]!);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task RefreshGivesANewTokenForTheSameConversation()
    {
        using var client = new DirectLineClient(bot.Address);
        await client.StartAsync();

        var (status, body) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(client.ConversationId, (string)body!["conversationId"]!);
        client.Token = (string)body["token"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.ReadAsync()).Status);
    }

    [Fact]
    public async Task ActivityWithoutATypeOrNotJsonIsRefused()
    {
        using var client = new DirectLineClient(bot.Address);
        await client.StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new JObject { ["text"] = "hi" })).Status);
        using var http = new HttpClient { BaseAddress = bot.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = new StringContent("{not json", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", client.Token);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request)).StatusCode);
    }

    private static async Task<JObject> ReceiveAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancel);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return JObject.Parse(Encoding.UTF8.GetString(message.ToArray()));
    }
}
