using System.Text;
using BankingBot.Dialogs.Banking;
using BankingBot.Tests.Hosting;
using BankingBot.Tests.WebChat;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// A customer on the app's own web chat page (its local Direct Line) hears of a staff change while their
/// conversation is open in the app; after a restart that conversation is gone, and the ticket says so.
/// </summary>
public sealed class LocalWebChatNoticeTests : IAsyncLifetime
{
    private readonly string dataFolder =
        Path.Combine(Path.GetTempPath(), "bankingbot-teams-dl-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Dictionary<string, string> settings = new()
    {
        ["Staff__TenantId"] = TeamsChat.Tenant,
        ["Staff__UserIds__0"] = TeamsChat.StaffObjectId,
    };

    private ChannelStandIn teams = null!;
    private int sequence;

    public async Task InitializeAsync() => teams = await ChannelStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await teams.DisposeAsync();
        http.Dispose();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task AnOpenLocalConversationGetsTheUpdateAndOneGoneAfterARestartIsRecorded()
    {
        var port = BotProcess.FreePort();
        var ticket = string.Empty;
        await using (var bot = await BotProcess.StartAsync(dataFolder, settings, port))
        {
            using var customer = new DirectLineClient(new Uri($"http://127.0.0.1:{port}/"));
            await customer.StartAsync();
            foreach (var (said, expect) in new[]
            {
                ("I'd like to open a ticket", "What is it about?"), ("a transfer", "describe the problem"),
                ("My transfer to my landlord never arrived", "How urgent is it?"), ("normal", "let you know"),
                ("yes", "TK-"),
            })
            {
                await customer.SayAsync(said, $"c{Interlocked.Increment(ref sequence)}");
                var answer = await WaitForAsync(customer, expect, orContains: "e-mail");
                if (!answer.Contains(expect, StringComparison.Ordinal))
                {
                    await customer.SayAsync("skip", $"c{Interlocked.Increment(ref sequence)}");
                    answer = await WaitForAsync(customer, expect);
                }

                ticket = TicketNumbers.Find(answer) ?? ticket;
            }

            Assert.Contains("the customer was told", await StaffAsync(bot, $"ticket {ticket} status in progress"));
            Assert.Contains("Update on your ticket " + ticket, await WaitForAsync(customer, "Update on your ticket"));
        }

        await using var restarted = await BotProcess.StartAsync(dataFolder, settings, port);
        Assert.Contains("customer not reached (conversation gone)",
            await StaffAsync(restarted, $"ticket {ticket} note We found your transfer."));
    }

    // Polls the conversation until an activity from the bot says what is expected; returns what it said.
    private static async Task<string> WaitForAsync(DirectLineClient customer, string contains,
        string? orContains = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var seen = new StringBuilder();
        while (DateTime.UtcNow < deadline)
        {
            var (_, activities) = await customer.ReadAsync();
            foreach (var activity in activities.Where(a => (string?)a.SelectToken("from.role") != "user"))
            {
                var text = activity.ToString();
                seen.AppendLine((string?)activity["text"]);
                if (text.Contains(contains, StringComparison.Ordinal)
                    || (orContains is not null && text.Contains(orContains, StringComparison.Ordinal)))
                {
                    return text;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No \"{contains}\" from the bot; it said: {seen}");
    }

    // An employee's 1:1 message in Teams; returns what the bot answered there.
    private async Task<string> StaffAsync(BotProcess bot, string text)
    {
        var conversation = "a:staff-" + Guid.NewGuid().ToString("N");
        var activity = new JObject
        {
            ["type"] = "message", ["id"] = $"teams-{Interlocked.Increment(ref sequence)}", ["channelId"] = "msteams",
            ["serviceUrl"] = teams.ServiceUrl, ["text"] = text, ["timestamp"] = DateTimeOffset.UtcNow,
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
        };
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(bot.MessagesUri, content);
        return teams.NextReply(conversation).ToString();
    }
}
