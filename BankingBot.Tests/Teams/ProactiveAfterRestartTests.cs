using System.Net;
using System.Text;
using BankingBot.Dialogs.Banking;
using BankingBot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// The real app as a process: a Web Chat customer and an Emulator customer each open a ticket and ask for
/// updates; the bot restarts; an employee in Teams changes one ticket's status and adds a note to the other, and
/// each customer gets the news in their own conversation, through their channel's service URL.
/// </summary>
public sealed class ProactiveAfterRestartTests : IAsyncLifetime
{
    private readonly string dataFolder =
        Path.Combine(Path.GetTempPath(), "bankingbot-teams-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
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
    public async Task AStaffStatusChangeAndNoteReachWebChatAndEmulatorCustomersAfterARestart()
    {
        var settings = new Dictionary<string, string>
        {
            ["Staff__TenantId"] = TeamsChat.Tenant,
            ["Staff__UserIds__0"] = TeamsChat.StaffObjectId,
        };
        var webChat = "webchat-" + Guid.NewGuid().ToString("N");
        var emulator = "emulator-" + Guid.NewGuid().ToString("N");
        string webChatTicket, emulatorTicket;
        await using (var bot = await BotProcess.StartAsync(dataFolder, settings))
        {
            webChatTicket = await OpenTicketAsync(bot, "webchat", webChat);
            emulatorTicket = await OpenTicketAsync(bot, "emulator", emulator);
        }

        await using var restarted = await BotProcess.StartAsync(dataFolder, settings);
        var staff = "a:staff-" + Guid.NewGuid().ToString("N");

        await PostAsync(restarted, Staff(staff, "message", text: $"ticket {webChatTicket} status in progress"));
        Assert.Contains("the customer was told", channel.NextReply(staff).ToString());
        var update = (string?)JObject.Parse(WaitFor(webChat, "Update on your ticket"))["text"];
        Assert.Equal($"Update on your ticket {webChatTicket}: its status is now \"in progress\".", update);

        var invoke = Staff(staff, "invoke", data: new JObject
        {
            ["answer"] = $"ticket {emulatorTicket} note", ["note"] = "Your refund was sent today.",
        });
        var (status, body) = await PostAsync(restarted, invoke);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("note added; the customer was told", body);
        Assert.Contains("Your refund was sent today.", WaitFor(emulator, "A note from our team"));
    }

    // The ticket flow as the customer types it, asking for updates; returns the ticket number.
    private async Task<string> OpenTicketAsync(BotProcess bot, string channelId, string conversation)
    {
        foreach (var (said, expect) in new[]
        {
            ("I'd like to open a ticket", "What is it about?"), ("a transfer", "describe the problem"),
            ("My transfer to my landlord never arrived", "How urgent is it?"), ("normal", "let you know"),
        })
        {
            await PostAsync(bot, Customer(channelId, conversation, said));
            WaitFor(conversation, expect);
        }

        await PostAsync(bot, Customer(channelId, conversation, "yes"));
        var answer = WaitFor(conversation, "TK-", orContains: "e-mail");
        if (!answer.Contains("TK-", StringComparison.Ordinal))
        {
            await PostAsync(bot, Customer(channelId, conversation, "skip"));
            answer = WaitFor(conversation, "TK-");
        }

        return TicketNumbers.Find(answer) ?? throw new InvalidOperationException(answer);
    }

    // Takes the conversation's replies until one says what is expected; returns it.
    private string WaitFor(string conversation, string contains, string? orContains = null)
    {
        var seen = new List<string>();
        while (true)
        {
            var reply = channel.NextReply(conversation).ToString();
            if (reply.Contains(contains, StringComparison.Ordinal)
                || (orContains is not null && reply.Contains(orContains, StringComparison.Ordinal)))
            {
                return reply;
            }

            seen.Add(reply);
            Assert.True(seen.Count < 10, $"No reply with \"{contains}\" in: {string.Join("\n", seen)}");
        }
    }

    private JObject Customer(string channelId, string conversation, string text) => new()
    {
        ["type"] = "message",
        ["id"] = $"activity-{Interlocked.Increment(ref sequence)}",
        ["channelId"] = channelId,
        ["serviceUrl"] = channel.ServiceUrl,
        ["conversation"] = new JObject { ["id"] = conversation },
        ["from"] = new JObject { ["id"] = "user-" + conversation, ["role"] = "user" },
        ["recipient"] = new JObject { ["id"] = "bankingbot", ["role"] = "bot" },
        ["text"] = text,
        ["timestamp"] = DateTimeOffset.UtcNow,
    };

    private JObject Staff(string conversation, string type, string? text = null, JObject? data = null)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = $"teams-{Interlocked.Increment(ref sequence)}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = channel.ServiceUrl,
            ["conversation"] = new JObject
            {
                ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = TeamsChat.Tenant,
            },
            ["from"] = new JObject
            {
                ["id"] = "29:megan", ["name"] = "Megan Bowen", ["aadObjectId"] = TeamsChat.StaffObjectId,
            },
            ["recipient"] = new JObject { ["id"] = "28:bankingbot", ["name"] = TeamsChat.BotName },
            ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = TeamsChat.Tenant } },
            ["timestamp"] = DateTimeOffset.UtcNow,
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (data is not null)
        {
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JObject
            {
                ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = "answer", ["data"] = data },
            };
        }

        return activity;
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(BotProcess bot, JObject activity)
    {
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(bot.MessagesUri, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
