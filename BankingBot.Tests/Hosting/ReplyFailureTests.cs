using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Hosting;

/// <summary>The channel's reply endpoint failing while the bot answers.</summary>
public sealed class ReplyFailureTests : IAsyncLifetime
{
    private readonly string dataFolder =
        Path.Combine(Path.GetTempPath(), "bankingbot-replies-" + Guid.NewGuid().ToString("N"));

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private ChannelStandIn channel = null!;
    private BotProcess bot = null!;

    public async Task InitializeAsync()
    {
        channel = await ChannelStandIn.StartAsync();
        bot = await BotProcess.StartAsync(dataFolder,
            new Dictionary<string, string> { ["OutgoingRequestTimeout"] = "00:00:02" });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
        http.Dispose();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task AReplyRefusedOnceIsSentAgainAndArrives()
    {
        var conversation = "flaky-" + Guid.NewGuid().ToString("N");
        channel.FailNext(1);
        await PostAsync(Message(conversation, "a1", "I want to open a ticket"));
        Assert.Contains("What is it about?", Said(conversation));
    }

    [Fact]
    public async Task WhenTheChannelTakesNoReplyItsRetryOfTheActivityGetsTheAnswerAndNothingIsDoneTwice()
    {
        var conversation = "down-" + Guid.NewGuid().ToString("N");
        foreach (var (id, text) in new[] { ("b1", "I want to open a ticket"), ("b2", "a card"),
                     ("b3", "my card never arrived"), ("b4", "normal"), ("b5", "no") })
        {
            await PostAsync(Message(conversation, id, text));
        }

        Said(conversation);
        var last = Message(conversation, "b6", "skip");
        channel.FailNext(100);
        await PostAsync(last);
        Assert.Empty(Said(conversation));

        channel.FailNext(0);
        await PostAsync(last);
        var answer = Said(conversation);
        Assert.Contains("Your ticket number is", answer);
        Assert.Single(Directory.EnumerateFiles(dataFolder, "tickets%*.json"));
    }

    [Fact]
    public async Task RepliesTheChannelDoesNotTakeAreNotFollowedByAnApologyForATurnThatDidNotFail()
    {
        var conversation = await StartTicketAsync("refusing");

        // Every attempt at the first reply is refused; then the channel is back. The turn itself was done.
        channel.FailNext(3);
        await PostAsync(Message(conversation, "d2", "a card"));
        Assert.DoesNotContain("couldn't finish that", Said(conversation));

        await PostAsync(Message(conversation, "d2", "a card"));
        Assert.Contains("describe the problem", Said(conversation));
    }

    [Fact]
    public async Task WhenTheCallerGivesUpWaitingNoApologyFollowsForATurnThatWasDone()
    {
        var conversation = await StartTicketAsync("abandoned");

        // The first reply hangs and the caller stops waiting after a second, as a channel with a deadline does.
        channel.HangNext(1);
        using (var impatient = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                PostAsync(Message(conversation, "e2", "a card"), impatient.Token));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain("couldn't finish that", Said(conversation));
        await PostAsync(Message(conversation, "e2", "a card"));
        Assert.Contains("describe the problem", Said(conversation));
    }

    [Fact]
    public async Task AnInvokeIsAnsweredEvenWhenTheChannelRefusesTheTurnsMessages()
    {
        var conversation = "invoke-" + Guid.NewGuid().ToString("N");
        await PostAsync(Message(conversation, "f1", "hello"));
        Said(conversation);
        var invoke = Message(conversation, "f2", "");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = JObject.Parse("""{"action":{"type":"Action.Execute","data":{"choice":"menu:support"}}}""");

        channel.FailNext(100);
        var (status, body) = await PostAsync(invoke);
        channel.FailNext(0);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("statusCode", body);
    }

    [Fact]
    public async Task WhenTheChannelHangsTheBotGivesUpInTimeAndTheRetryGetsTheAnswer()
    {
        var conversation = await StartTicketAsync("hung");

        // Every attempt at the reply hangs: three attempts of 2 s each and the pauses between them, not 100 s.
        channel.HangNext(100);
        var took = System.Diagnostics.Stopwatch.StartNew();
        await PostAsync(Message(conversation, "c2", "a card"));
        Assert.InRange(took.Elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));

        channel.HangNext(0);
        await PostAsync(Message(conversation, "c2", "a card"));
        Assert.Contains("describe the problem", Said(conversation));
    }

    private JObject Message(string conversation, string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "emulator",
        ["serviceUrl"] = channel.ServiceUrl,
        ["conversation"] = new JObject { ["id"] = conversation },
        ["from"] = new JObject { ["id"] = "customer" },
        ["recipient"] = new JObject { ["id"] = "bankingbot" },
        ["text"] = text,
    };

    // A conversation of its own, at the ticket flow's first question (already read).
    private async Task<string> StartTicketAsync(string name)
    {
        var conversation = name + "-" + Guid.NewGuid().ToString("N");
        await PostAsync(Message(conversation, "start", "I want to open a ticket"));
        Said(conversation);
        return conversation;
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(JObject activity,
        CancellationToken cancel = default)
    {
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(bot.MessagesUri, content, cancel);
        Assert.True((int)response.StatusCode < 500, $"The bot answered {(int)response.StatusCode}.");
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
    }

    private string Said(string conversation)
    {
        var said = new StringBuilder();
        while (channel.Pending(conversation) > 0)
        {
            said.AppendLine(channel.NextReply(conversation).ToString());
        }

        return said.ToString();
    }
}
