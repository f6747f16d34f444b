using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Hosting;
using BankingBot.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// The ticket desk in Teams: staff list, open and change tickets, and the customer hears of a status change or a
/// note in the conversation where they opened the ticket, or the ticket says why they could not be reached.
/// </summary>
public sealed class StaffTicketDeskTests : IAsyncLifetime
{
    private readonly MemoryDocumentStore store = new();
    private ChannelStandIn customers = null!;

    public async Task InitializeAsync() => customers = await ChannelStandIn.StartAsync();

    public async Task DisposeAsync() => await customers.DisposeAsync();

    [Fact]
    public async Task StaffListTheQueueByUrgencyAndCategoryAndOpenATicket()
    {
        var urgent = await OpenTicketAsync("webchat", "payments", "urgent");
        var normal = await OpenTicketAsync("webchat", "cards", "normal");
        var staff = TeamsChat.Open(store);

        var queue = await staff.SayAsync("tickets");
        Assert.Contains("Tickets (not resolved): 2", queue);
        Assert.True(queue.IndexOf(urgent.Id, StringComparison.Ordinal)
            < queue.IndexOf(normal.Id, StringComparison.Ordinal));

        var payments = await staff.SayAsync("tickets urgent payments");
        Assert.Contains(urgent.Id, payments);
        Assert.DoesNotContain(normal.Id, payments);

        var (card, said) = await staff.ClickAsync($"Open {urgent.Id}");
        Assert.Contains($"Ticket {urgent.Id}", said);
        Assert.Contains("Customer updates: asked for", said);
        Assert.Equal("Action.Execute", (string?)card!["actions"]![0]!["type"]);
    }

    [Fact]
    public async Task AStatusChangeAndANoteReachTheCustomerWhereTheyOpenedTheTicket()
    {
        var ticket = await OpenTicketAsync("webchat", "transfers", "high");
        var staff = TeamsChat.Open(store);
        await staff.SayAsync($"ticket {ticket.Id}");

        var (card, said) = await staff.ClickAsync("In progress");
        Assert.Contains("status set to in progress; the customer was told", said);
        Assert.Contains("Update on your ticket " + ticket.Id, customers.NextText(ticket.Id + "-conversation"));
        Assert.NotNull(card);

        var (_, noted) = await staff.ClickAsync("Send note", new JObject { ["note"] = "We found the transfer." });
        Assert.Contains("note added; the customer was told", noted);
        Assert.Contains("We found the transfer.", customers.NextText(ticket.Id + "-conversation"));

        // A double click sends the same note again: it is added once.
        await staff.ClickAsync("Send note", new JObject { ["note"] = "We found the transfer." });
        var stored = await staff.Bot.Get<TicketDesk>().FindAsync(ticket.Id);
        Assert.Single(stored!.History, e => e.Note == "We found the transfer.");
        Assert.Contains(stored.Audit, a => a.Actor == "staff:" + TeamsChat.StaffObjectId && a.Change == "note added");
        Assert.All(stored.Notices, n => Assert.Equal(NoticeOutcome.Delivered, n.Outcome));
    }

    [Fact]
    public async Task StaffTakeATicketAndTheCustomerIsNotToldOfTheAssignment()
    {
        var ticket = await OpenTicketAsync("webchat", "app", "low");
        var staff = TeamsChat.Open(store);
        await staff.SayAsync($"ticket {ticket.Id}");

        var (_, said) = await staff.ClickAsync("Assign to me");

        Assert.Contains("Assigned to: Megan Bowen", said);
        Assert.Equal(TeamsChat.StaffObjectId, (await staff.Bot.Get<TicketDesk>().FindAsync(ticket.Id))!.Assignee!.Id);
        Assert.Equal(0, customers.Pending(ticket.Id + "-conversation"));
    }

    [Fact]
    public async Task AMessengerCustomerSilentForMoreThanADayIsNotWrittenToAndStaffSeeIt()
    {
        var ticket = await OpenTicketAsync("facebook", "cards", "normal");
        var notifier = TeamsChat.Open(store).Bot.Get<CustomerNotifier>();
        var staff = TeamsChat.Open(store, now: new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero));
        await notifier.NoteCustomerMessageAsync(new Activity(ActivityTypes.Message)
        {
            ChannelId = "facebook", Conversation = new ConversationAccount(id: ticket.Id + "-conversation"),
        }, default);

        await staff.SayAsync($"ticket {ticket.Id} status resolved");

        Assert.Contains("customer not reached (window closed)", staff.Said);
        Assert.Contains("Not delivered", staff.Said);
        Assert.Equal(0, customers.Pending(ticket.Id + "-conversation"));
    }

    [Fact]
    public async Task AConversationThatIsGoneIsRecordedOnTheTicket()
    {
        // Nothing answers under /gone/: the connector says 404, as for a conversation the bot was removed from.
        var ticket = await OpenTicketAsync("emulator", "account", "normal",
            serviceUrl: customers.ServiceUrl + "/gone/");
        var staff = TeamsChat.Open(store);

        await staff.SayAsync($"ticket {ticket.Id} note Please call us back.");

        Assert.Contains("customer not reached (conversation gone)", staff.Said);
        Assert.Contains("open (customer not reached)", await staff.SayAsync("tickets account"));
        var stored = await staff.Bot.Get<TicketDesk>().FindAsync(ticket.Id);
        Assert.Equal(NoticeOutcome.ConversationGone, Assert.Single(stored!.Notices).Outcome);
    }

    [Fact]
    public async Task AnUpdateATurnLeftUnsentIsSentByTheBackgroundDelivery()
    {
        var ticket = await OpenTicketAsync("webchat", "cards", "high");
        var staff = TeamsChat.Open(store);
        // The bot stopped right after the change was stored: the notice is there, pending, and was never sent.
        await staff.Bot.Get<TicketQueue>().ChangeStatusAsync(ticket.Id, TicketStatus.InProgress,
            new Employee(TeamsChat.StaffObjectId, "Megan Bowen"));
        var later = TeamsChat.Open(store, now: staff.Bot.Clock.GetUtcNow().AddMinutes(5));

        await later.Bot.Get<StaffChannelDelivery>().DeliverAsync(default);
        await later.Bot.Get<StaffChannelDelivery>().DeliverAsync(default);

        Assert.Contains("Update on your ticket " + ticket.Id, customers.NextText(ticket.Id + "-conversation"));
        Assert.Equal(0, customers.Pending(ticket.Id + "-conversation"));
        var stored = await later.Bot.Get<TicketDesk>().FindAsync(ticket.Id);
        Assert.Equal(NoticeOutcome.Delivered, Assert.Single(stored!.Notices).Outcome);
    }

    [Fact]
    public async Task ACustomerWhoDidNotAskForUpdatesIsNotWrittenTo()
    {
        var ticket = await OpenTicketAsync("webchat", "other", "normal", notify: false);
        var staff = TeamsChat.Open(store);

        await staff.SayAsync($"ticket {ticket.Id} status closed");

        Assert.Contains("the customer did not ask for updates", staff.Said);
        Assert.Equal(0, customers.Pending(ticket.Id + "-conversation"));
    }

    private async Task<Ticket> OpenTicketAsync(string channel, string category, string urgency, bool notify = true,
        string? serviceUrl = null)
    {
        await using var bot = Conversations.BotHarness.Create(store: store);
        var id = Guid.NewGuid().ToString("N");
        var ticket = await bot.Get<TicketDesk>().OpenAsync(new TicketRequest(category,
            "The customer's own words about " + category, urgency, channel, "customer-" + id, null, notify), id);
        var reference = Customer.ReferenceOf(new Activity(ActivityTypes.Message)
        {
            Id = "a1", ChannelId = channel, ServiceUrl = serviceUrl ?? customers.ServiceUrl,
            Conversation = new ConversationAccount(id: ticket.Id + "-conversation"),
            From = new ChannelAccount("customer-" + id), Recipient = new ChannelAccount("bot"),
        });
        return (await bot.Get<TicketDesk>().UpdateAsync(ticket.Id, t => t.ConversationReference = reference))!;
    }
}
