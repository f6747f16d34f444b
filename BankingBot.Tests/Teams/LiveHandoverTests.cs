using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using BankingBot.Teams;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// A customer asks for a person; the request appears in the staff channel; an employee accepts it, and from then
/// on what each writes reaches the other, until either ends the chat and the bot answers the customer again. A
/// request nobody accepts in time becomes a ticket, and the customer is told.
/// </summary>
public sealed class LiveHandoverTests : IAsyncLifetime
{
    private const string Service = "19:service@thread.tacv2";
    private const string Thread = Service + ";messageid=msg-1";
    private readonly MemoryDocumentStore store = new();
    private TeamsStandIn teams = null!;

    public async Task InitializeAsync() => teams = await TeamsStandIn.StartAsync();

    public async Task DisposeAsync() => await teams.DisposeAsync();

    [Fact]
    public async Task AnEmployeeJoinsMessagesGoBothWaysAndTheEmployeeEndsTheChat()
    {
        var (customer, conversation) = await CustomerAsksForAPersonAsync();
        var megan = await AcceptInChannelAsync();
        Assert.Contains("Megan from our team has joined the chat", LastTextIn(conversation));

        Assert.Empty(await customer.SayAsync("Is my card blocked?"));
        Assert.Equal("Customer: Is my card blocked?", LastTextIn(Thread));

        await megan.SayAsync("Yes, I've unblocked it just now.");
        Assert.Equal("Megan: Yes, I've unblocked it just now.", LastTextIn(conversation));

        Assert.Contains("ended; the bot has taken over again", await megan.SayAsync("end chat"));
        Assert.Contains("Megan has left the chat", LastTextIn(conversation));
        Assert.Contains("ended (by Megan Bowen)", teams.Updated.Last().Activity.ToString());

        // The bot answers the customer again, and nothing more reaches the employee.
        var posted = teams.In(Thread).Count;
        Assert.NotEmpty(await customer.SayAsync("what does IBAN mean?"));
        Assert.Equal(posted, teams.In(Thread).Count);
    }

    [Fact]
    public async Task StaffInAOneToOneChatListTheWaitingRequestsAndAcceptOne()
    {
        var (_, conversation) = await CustomerAsksForAPersonAsync();
        var adele = TeamsChat.Open(store, objectId: TeamsChat.OtherStaffObjectId, name: "Adele Vance",
            serviceUrl: teams.ServiceUrl);

        Assert.Contains("[Accept]", await adele.SayAsync("handovers"));
        var (card, _) = await adele.ClickAsync("Accept");

        Assert.Contains("accepted by Adele Vance", TeamsChat.SaidBy(card!));
        Assert.Contains("Adele from our team has joined the chat", LastTextIn(conversation));
        Assert.Contains("No customer is waiting", await adele.SayAsync("handovers"));
    }

    [Fact]
    public async Task TheCustomerEndsTheChat()
    {
        var (customer, _) = await CustomerAsksForAPersonAsync();
        await AcceptInChannelAsync();

        Assert.Contains("You've ended the chat with Megan", await customer.SayAsync("end chat"));
        Assert.Equal("The customer ended the chat " + (await RequestAsync()).Id + ".", LastTextIn(Thread));
        Assert.Equal(HandoverStatus.Ended, (await RequestAsync()).Status);
    }

    [Fact]
    public async Task ASecondEmployeeIsToldWhoJoinedFirst()
    {
        await CustomerAsksForAPersonAsync();
        await AcceptInChannelAsync();
        var adele = TeamsChat.Open(store, objectId: TeamsChat.OtherStaffObjectId, name: "Adele Vance",
            serviceUrl: teams.ServiceUrl);

        var said = await adele.SayAsync($"handover {(await RequestAsync()).Id} accept");

        Assert.Contains("Megan Bowen has already joined this chat.", said);
    }

    [Fact]
    public async Task ARequestNobodyAcceptsInTimeBecomesATicketAndTheCustomerIsTold()
    {
        var (_, conversation) = await CustomerAsksForAPersonAsync();
        var later = TeamsChat.Open(store, serviceUrl: teams.ServiceUrl,
            now: new DateTimeOffset(2026, 12, 2, 10, 11, 0, TimeSpan.Zero));

        await later.Bot.Get<StaffChannelDelivery>().DeliverAsync(default);

        var request = await RequestAsync();
        Assert.Equal(HandoverStatus.Ticket, request.Status);
        Assert.Contains($"I've opened ticket {request.TicketNumber}", LastTextIn(conversation));
        var ticket = await later.Bot.Get<TicketDesk>().FindAsync(request.TicketNumber!);
        Assert.Equal(("other", "high", true), (ticket!.Category, ticket.Urgency, ticket.NotifyOnChange));
    }

    // A Web Chat customer (replies through the stand-in) asks for a person; the request is posted to the channel.
    private async Task<(CustomerChat Customer, string Conversation)> CustomerAsksForAPersonAsync()
    {
        var bot = BotHarness.Create(channel: "webchat", settings: TeamsChat.StaffSettings(teams.ServiceUrl),
            store: store);
        bot.Adapter.Conversation.ServiceUrl = teams.ServiceUrl;
        var customer = new CustomerChat(bot);
        await customer.SayAsync("hello");
        Assert.Contains("Your request number is HO-", await customer.SayAsync("talk to a person"));
        await bot.Get<StaffChannelDelivery>().DeliverAsync(default);
        Assert.Contains("A customer asks for a person", TeamsStandIn.Text(Assert.Single(teams.In(Service))));
        return (customer, customer.ConversationId);
    }

    private async Task<TeamsChat> AcceptInChannelAsync()
    {
        var megan = TeamsChat.Open(store, channelThread: Thread, serviceUrl: teams.ServiceUrl);
        var accept = (JObject)teams.In(Service)[0].SelectToken("attachments[0].content.actions[0].data")!;
        var (card, said) = await megan.InvokeAsync(accept);
        Assert.Contains("accepted by Megan Bowen", TeamsChat.SaidBy(card!));
        Assert.Contains("You're now chatting with the customer", said);
        return megan;
    }

    private async Task<HandoverRequest> RequestAsync()
    {
        await foreach (var request in new RecordBook<HandoverRequest>(store, "handovers").AllAsync())
        {
            return request;
        }

        throw new InvalidOperationException("No hand-over request.");
    }

    private string LastTextIn(string conversation) => TeamsStandIn.Text(teams.In(conversation)[^1]);
}
