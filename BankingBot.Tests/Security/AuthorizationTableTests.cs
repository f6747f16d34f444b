using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;
using BankingBot.Tests.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Security;

/// <summary>
/// Every staff action and every record lookup, tried by someone who is not staff (a customer on webchat, the
/// emulator or Messenger, another customer, a Teams user of another tenant, a Teams user of the bank's tenant who
/// is not listed) by typing it, by a forged card submit and by a forged adaptiveCard/action invoke carrying the
/// victim's ticket number or lead id. None of them learns anything of the victim's records (the reply is the
/// same as when those records do not exist) and nothing stored changes; the same attempts by staff do work.
/// </summary>
public sealed class AuthorizationTableTests
{
    private const string VictimDescription = "My replacement card was never delivered";
    private const string UnlistedObjectId = "00000000-bbbb-4000-8000-000000000009";

    private static readonly string[] Secrets =
    [
        VictimDescription, "Sam Taylor", "sam.taylor@example.com", "020 7946 0018", "first home", "250,000",
    ];

    private static readonly SemaphoreSlim VictimLock = new(1, 1);
    private static Victim? victim;

    /// <summary>Who attacks.</summary>
    public static readonly string[] Attackers =
    [
        "webchat customer", "emulator customer", "facebook customer", "another customer",
        "webchat customer claiming a staff id", "teams user of another tenant", "teams unlisted user of the tenant",
    ];

    /// <summary>What they try, with {T} the ticket number and {L} the lead id; note/reason as card inputs.</summary>
    public static readonly (string Command, string? Note, string? Reason)[] Actions =
    [
        ("tickets", null, null),
        ("tickets cards", null, null),
        ("ticket {T}", null, null),
        ("ticket {T} status resolved", null, null),
        ("ticket {T} status closed", null, null),
        ("ticket {T} status in progress", null, null),
        ("ticket {T} assign me", null, null),
        ("ticket {T} note We refunded you.", null, null),
        ("ticket {T} note", "We refunded you.", null),
        ("lead {L} claim", null, null),
        ("lead {L} contacted", null, null),
        ("lead {L} disqualify Not interested", null, null),
        ("lead {L} disqualify", null, "Not interested"),
        ("handovers", null, null),
        ("handover HO-0000ABCD accept", null, null),
        ("feedback this week", null, null),
        ("status of {T}", null, null),
        ("what is the status of ticket {T}", null, null),
    ];

    /// <summary>How the attempt is delivered.</summary>
    public static readonly string[] Deliveries = ["typed", "card submit", "invoke"];

    /// <summary>Every attacker, action and delivery.</summary>
    public static TheoryData<string, string, string?, string?, string> Rows()
    {
        var rows = new TheoryData<string, string, string?, string?, string>();
        foreach (var attacker in Attackers)
        {
            foreach (var (command, note, reason) in Actions)
            {
                foreach (var delivery in Deliveries)
                {
                    rows.Add(attacker, command, note, reason, delivery);
                }
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task NoOneButStaffReadsOrChangesAnything(string attacker, string command, string? note,
        string? reason, string delivery)
    {
        var known = await VictimAsync();

        var store = await CopyAsync(known.Store);
        var before = await RecordsAsync(store);
        var said = await AttackAsync(store, attacker, Fill(command, known.Ticket, known.Lead), note, reason,
            delivery);
        var after = await RecordsAsync(store);

        // Nothing of the victim's is shown ...
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, said, StringComparison.OrdinalIgnoreCase);
        }

        // ... not even that the ticket or lead exists: the reply is the same when they do not exist. (The same
        // numbers, with the records gone: what the bot says to other text depends on the words and letters.)
        var without = await CopyAsync(known.Store);
        foreach (var key in before.Keys)
        {
            await without.DeleteAsync(key);
        }

        var control = await AttackAsync(without, attacker, Fill(command, known.Ticket, known.Lead), note, reason,
            delivery);
        Assert.Equal(control, said);

        // ... and nothing stored changed.
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (key, content) in before)
        {
            Assert.True(JToken.DeepEquals(content, after[key]), $"{key} changed:\n{content}\n->\n{after[key]}");
        }

        await using var reader = BotHarness.Create(store: store);
        var ticket = (await reader.Get<TicketDesk>().FindAsync(known.Ticket))!;
        Assert.Equal((TicketStatus.Open, null, known.TicketHistory), (ticket.Status, ticket.Assignee,
            ticket.History.Count));
        Assert.DoesNotContain(ticket.Audit, a => a.Actor.StartsWith("staff:", StringComparison.Ordinal));
        var lead = (await reader.Get<LeadBook>().FindAsync(known.Lead))!;
        Assert.Equal(known.LeadStatus, lead.Status);
        Assert.DoesNotContain(lead.Audit, a => a.Actor.StartsWith("staff:", StringComparison.Ordinal));
    }

    // The table proves something only if the same attempts, made by staff, do reach the records.
    [Theory]
    [InlineData("typed")]
    [InlineData("card submit")]
    [InlineData("invoke")]
    public async Task TheSameAttemptsByStaffDoChangeTheRecords(string delivery)
    {
        var known = await VictimAsync();
        var store = await CopyAsync(known.Store);

        var shown = await AttackAsync(store, "staff", Fill("ticket {T}", known.Ticket, known.Lead), null, null,
            delivery);
        await AttackAsync(store, "staff", Fill("ticket {T} status resolved", known.Ticket, known.Lead), null, null,
            delivery);
        await AttackAsync(store, "staff", Fill("lead {L} claim", known.Ticket, known.Lead), null, null, delivery);

        Assert.Contains(VictimDescription, shown);
        await using var reader = BotHarness.Create(store: store);
        Assert.Equal(TicketStatus.Resolved, (await reader.Get<TicketDesk>().FindAsync(known.Ticket))!.Status);
        Assert.Contains((await reader.Get<LeadBook>().FindAsync(known.Lead))!.Audit,
            a => a.Actor == "staff:" + TeamsChat.StaffObjectId && a.Change == "claimed");
    }

    private static string Fill(string command, string ticket, string lead) =>
        command.Replace("{T}", ticket, StringComparison.Ordinal).Replace("{L}", lead, StringComparison.Ordinal);

    // One attempt in a fresh conversation of the attacker, on a bot sharing the victim's records.
    private static async Task<string> AttackAsync(IDocumentStore store, string attacker, string command,
        string? note, string? reason, string delivery)
    {
        var (bot, from, tenant) = Attacker(store, attacker);
        await using var _ = bot;
        var chat = new CustomerChat(bot);
        var data = new JObject { [CardAnswer.AnswerKey] = command };
        if (note is not null)
        {
            data["note"] = note;
        }

        if (reason is not null)
        {
            data["reason"] = reason;
        }

        var activity = delivery switch
        {
            "typed" => new Activity(ActivityTypes.Message) { Text = command },
            "card submit" => new Activity(ActivityTypes.Message) { Value = data },
            _ => new Activity(ActivityTypes.Invoke)
            {
                Name = UniversalActions.InvokeName,
                Value = new JObject
                {
                    ["action"] = new JObject
                    {
                        ["type"] = "Action.Execute", ["verb"] = CardAnswer.Verb, ["data"] = data,
                    },
                    ["trigger"] = "manual",
                },
            },
        };
        activity.From = from;
        if (tenant is not null)
        {
            activity.ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = tenant } };
        }

        activity.Conversation = bot.Adapter.Conversation.Conversation;
        var said = await chat.SendAsync(activity);
        var bodies = chat.Replies.Where(r => r.Type == ActivityTypesEx.InvokeResponse)
            .Select(r => JsonConvert.SerializeObject(((InvokeResponse)((Activity)r).Value).Body));
        return string.Join(" || ", bodies.Prepend(said));
    }

    private static (BotHarness Bot, ChannelAccount From, string? Tenant) Attacker(IDocumentStore store, string who)
    {
        var settings = TeamsChat.StaffSettings();
        BotHarness Customer(string channel, string user) =>
            BotHarness.Create(settings: settings, channel: channel, user: user, store: store);
        return who switch
        {
            "webchat customer" => (Customer(Channels.Webchat, "mallory"), new ChannelAccount("mallory"), null),
            "emulator customer" => (Customer(Channels.Emulator, "mallory"), new ChannelAccount("mallory"), null),
            "facebook customer" => (Customer(Channels.Facebook, "mallory"), new ChannelAccount("mallory"), null),
            "another customer" => (Customer(Channels.Test, "customer-2"), new ChannelAccount("customer-2"), null),
            // A web chat client can send any id, object id and channel data it likes.
            "webchat customer claiming a staff id" => (Customer(Channels.Webchat, "29:" + TeamsChat.StaffObjectId),
                new ChannelAccount("29:" + TeamsChat.StaffObjectId, "Megan Bowen")
                {
                    AadObjectId = TeamsChat.StaffObjectId,
                }, TeamsChat.Tenant),
            // A listed object id, but from another organisation's tenant.
            "teams user of another tenant" => Teams(store, TeamsChat.StaffObjectId, "tenant-contoso"),
            "teams unlisted user of the tenant" => Teams(store, UnlistedObjectId, TeamsChat.Tenant),
            "staff" => Teams(store, TeamsChat.StaffObjectId, TeamsChat.Tenant),
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
        };
    }

    private static (BotHarness Bot, ChannelAccount From, string? Tenant) Teams(IDocumentStore store, string objectId,
        string tenant)
    {
        var chat = TeamsChat.Open(store, objectId: objectId, name: "Eve Mallory", tenant: tenant);
        return (chat.Bot, new ChannelAccount("29:" + objectId, "Eve Mallory") { AadObjectId = objectId }, tenant);
    }

    // The records an attack could read or change: tickets, leads and their follow-ups and events, hand-overs.
    private static async Task<Dictionary<string, JObject>> RecordsAsync(IDocumentStore store)
    {
        var records = new Dictionary<string, JObject>();
        foreach (var prefix in new[] { "tickets", "lead", "handover" })
        {
            await foreach (var key in store.ListKeysAsync(prefix))
            {
                records[key] = (await store.ReadAsync(key))!.Content;
            }
        }

        return records;
    }

    private static async Task<MemoryDocumentStore> CopyAsync(IDocumentStore from)
    {
        var copy = new MemoryDocumentStore();
        await foreach (var key in from.ListKeysAsync(string.Empty))
        {
            var document = (await from.ReadAsync(key))!;
            await copy.WriteAsync(key, (JObject)document.Content.DeepClone(), WriteCondition.Always);
        }

        return copy;
    }

    // The victim opens a ticket and leaves a mortgage lead, as a customer, once for all rows.
    private static async Task<Victim> VictimAsync()
    {
        await VictimLock.WaitAsync();
        try
        {
            return victim ??= await CreateVictimAsync();
        }
        finally
        {
            VictimLock.Release();
        }
    }

    private static async Task<Victim> CreateVictimAsync()
    {
        var store = new MemoryDocumentStore();
        await using var bot = BotHarness.Create(settings: TeamsChat.StaffSettings(), user: "victim", store: store);
        var chat = new CustomerChat(bot);
        await chat.SayAsync("I want to open a ticket");
        await chat.SayAsync("a card");
        await chat.SayAsync(VictimDescription);
        await chat.SayAsync("normal");
        await chat.SayAsync("no");
        var number = TicketNumbers.Find(await chat.SayAsync("jane.doe@example.com"))
            ?? throw new InvalidOperationException("No ticket number in: " + chat.Said);
        // Were a change to reach the customer, it would go nowhere but to a closed local port.
        await bot.Get<TicketDesk>().UpdateAsync(number, t =>
        {
            if (t.ConversationReference is { } reference)
            {
                foreach (var url in reference.Properties().Where(p => p.Name.Equals("serviceUrl",
                    StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    url.Value = "http://127.0.0.1:9/";
                }
            }
        });

        var lead = new CustomerChat(BotHarness.Create(settings: TeamsChat.StaffSettings(), user: "victim",
            store: store));
        foreach (var answer in new[]
        {
            "I'm interested in a mortgage", "We're buying our first home", "250k", "in three months", "yes", "300k",
            "40k", "employed", "yes", "Sam Taylor", "sam.taylor@example.com", "020 7946 0018",
        })
        {
            await lead.SayAsync(answer);
        }

        Assert.Contains("Here's what I've passed on", await lead.SayAsync("tomorrow at 10am"));
        var stored = Assert.Single(await bot.Get<LeadBook>().AllAsync().ToListAsync());
        var ticket = (await bot.Get<TicketDesk>().FindAsync(number))!;
        Assert.Equal((TicketStatus.Open, null), (ticket.Status, ticket.Assignee));
        return new Victim(store, number, ticket.History.Count, stored.Id, stored.Status);
    }

    private sealed record Victim(MemoryDocumentStore Store, string Ticket, int TicketHistory, string Lead,
        string LeadStatus);
}
