using System.Net;
using System.Text;
using BankingBot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Security;

/// <summary>The bot started once, with its own data folder and a stand-in channel, for the bad-input corpus.</summary>
public sealed class BadInputBot : IAsyncLifetime
{
    /// <summary>The data folder, to inspect what was stored.</summary>
    public string DataFolder { get; } =
        Path.Combine(Path.GetTempPath(), "bankingbot-bad-" + Guid.NewGuid().ToString("N"));

    /// <summary>The running bot.</summary>
    public BotProcess Bot { get; private set; } = null!;

    /// <summary>Where the bot's replies arrive.</summary>
    public ChannelStandIn Channel { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Channel = await ChannelStandIn.StartAsync();
        Bot = await BotProcess.StartAsync(DataFolder);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}

/// <summary>
/// Over a hundred kinds of bad input, kept as data in bad-input.json with the answer each must get: none gives
/// a server error, each gets its documented answer, and what is stored stays whole.
/// </summary>
public sealed class BadInputTests(BadInputBot fixture) : IClassFixture<BadInputBot>
{
    private static readonly JArray Corpus = (JArray)JObject.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Security", "bad-input.json")))["cases"]!;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Every case's name.</summary>
    public static TheoryData<string> Cases => [.. Corpus.Select(c => (string)c["name"]!)];

    [Fact]
    public void CorpusHoldsAtLeastAHundredCases() => Assert.True(Corpus.Count >= 100, $"Only {Corpus.Count} cases.");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInputGetsItsDocumentedAnswerAndNoServerError(string name)
    {
        var testCase = (JObject)Corpus.Single(c => (string)c["name"]! == name);
        var conversation = "bad-" + Guid.NewGuid().ToString("N")[..12];
        var ticketsBefore = Tickets();
        HttpStatusCode status;

        if (testCase["body"] is { } body)
        {
            status = await PostAsync(body.ToString());
        }
        else if (testCase["bodyRepeat"] is JObject big)
        {
            status = await PostAsync($"{big["before"]}{Repeat(big)}{big["after"]}");
        }
        else if (testCase["steps"] is JArray texts)
        {
            JObject? last = null;
            status = HttpStatusCode.OK;
            foreach (var text in texts)
            {
                Drain(conversation);
                last = Activity(conversation, new JObject { ["text"] = text });
                status = await PostAsync(last.ToString());
                Assert.True((int)status < 500, $"Step \"{text}\" got {(int)status}.");
            }

            if (testCase["replayLast"]?.Value<bool>() == true)
            {
                var said = Drain(conversation);
                Assert.Equal(HttpStatusCode.OK, await PostAsync(last!.ToString()));
                AssertReply(testCase, said);
                Assert.Equal(Texts(said), Texts(Drain(conversation)));
            }
        }
        else
        {
            var activity = Activity(conversation, testCase["patch"] as JObject, testCase["remove"] as JArray);
            if (testCase["textRepeat"] is JObject longText)
            {
                activity["text"] = Repeat(longText);
            }

            status = await PostAsync(activity.ToString());
            if (testCase["replay"]?.Value<bool>() == true)
            {
                // The same activity again gets the same answer again, and nothing is done twice.
                var first = Drain(conversation);
                Assert.Equal(HttpStatusCode.OK, await PostAsync(activity.ToString()));
                Assert.Equal(Texts(first), Texts(Drain(conversation)));
            }
        }

        Assert.True((int)status < 500, $"{name}: {(int)status}");
        Assert.Equal((HttpStatusCode)testCase["status"]!.Value<int>(), status);
        if (testCase["replayLast"] is null)
        {
            AssertReply(testCase, Drain(conversation));
        }

        if (testCase["tickets"] is { } tickets)
        {
            Assert.Equal(tickets.Value<int>(), Tickets() - ticketsBefore);
        }
    }

    [Fact]
    public async Task AfterBadInputEverythingStoredStillReadsAndTheBotStillWorks()
    {
        var conversation = "good-" + Guid.NewGuid().ToString("N")[..12];
        foreach (var text in new[] { "I want to open a ticket", "a card", "my card never came", "normal", "no" })
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(Activity(conversation, new JObject { ["text"] = text })
                .ToString()));
        }

        Drain(conversation);
        await PostAsync(Activity(conversation, new JObject { ["text"] = "skip" }).ToString());
        Assert.Contains("Your ticket number is", string.Join("\n", Drain(conversation)));
        foreach (var file in Directory.EnumerateFiles(fixture.DataFolder, "*.json"))
        {
            var stored = JObject.Parse(await File.ReadAllTextAsync(file));
            Assert.NotNull(stored["content"]);
        }
    }

    private static void AssertReply(JObject testCase, IReadOnlyList<string> said)
    {
        if (testCase["reply"]?.ToString() is { Length: > 0 } expected)
        {
            var all = string.Join("\n", said);
            Assert.True(all.Contains(expected, StringComparison.Ordinal), $"Expected \"{expected}\" in: {all}");
        }
    }

    private JObject Activity(string conversation, JObject? patch, JArray? remove = null)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = fixture.Channel.ServiceUrl,
            ["conversation"] = new JObject { ["id"] = conversation },
            ["from"] = new JObject { ["id"] = "customer-" + conversation },
            ["recipient"] = new JObject { ["id"] = "bankingbot" },
            ["text"] = "hello",
            ["localTimezone"] = "Europe/London",
        };
        foreach (var (key, value) in patch ?? [])
        {
            if (value is null || value.Type == JTokenType.Null)
            {
                activity.Remove(key);
            }
            else
            {
                activity[key] = value.DeepClone();
            }
        }

        foreach (var key in remove ?? [])
        {
            activity.Remove(key.ToString());
        }

        return activity;
    }

    private async Task<HttpStatusCode> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(fixture.Bot.MessagesUri, content);
        return response.StatusCode;
    }

    private List<string> Drain(string conversation)
    {
        var said = new List<string>();
        while (fixture.Channel.Pending(conversation) > 0)
        {
            said.Add(fixture.Channel.NextReply(conversation).ToString());
        }

        return said;
    }

    private static string Repeat(JObject spec) =>
        string.Concat(Enumerable.Repeat((string)spec["unit"]!, spec["times"]!.Value<int>()));

    private static List<string> Texts(IEnumerable<string> replies) =>
        [.. replies.Select(r => JObject.Parse(r)).Select(r => $"{r["text"]}{r["attachments"]}")];

    private int Tickets() => Directory.Exists(fixture.DataFolder)
        ? Directory.EnumerateFiles(fixture.DataFolder, "tickets%*.json").Count()
        : 0;
}
