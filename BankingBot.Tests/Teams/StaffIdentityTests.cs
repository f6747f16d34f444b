using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// Who is staff: only listed employees of the bank's tenant, only in Teams. Anyone else who types a staff command
/// is a customer like any other and learns nothing about other customers. In a channel the bot's @mention is taken
/// out before the text is read, with or without the mention entity's text.
/// </summary>
public sealed class StaffIdentityTests
{
    private readonly MemoryDocumentStore store = new();

    [Fact]
    public async Task AListedEmployeeInOneToOneChatGetsTheQueue()
    {
        var ticket = await OpenTicketAsync();
        var staff = TeamsChat.Open(store);

        Assert.Contains(ticket.Id, await staff.SayAsync("tickets"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InAChannelTheMentionIsStrippedBeforeTheCommandIsRead(bool mentionHasText)
    {
        var ticket = await OpenTicketAsync();
        var staff = TeamsChat.Open(store, channelThread: "19:service@thread.tacv2;messageid=1700000000000");

        var said = await staff.SayAsync("tickets urgent", mentionHasText);

        Assert.Contains(ticket.Id, said);
        Assert.DoesNotContain("<at>", said);
    }

    [Fact]
    public async Task InAGroupChatTheMentionIsStrippedToo()
    {
        var ticket = await OpenTicketAsync();
        var staff = TeamsChat.Open(store, channelThread: "19:meeting_group@thread.v2", groupChat: true);

        Assert.Contains(ticket.Id, await staff.SayAsync("tickets payments"));
    }

    [Fact]
    public async Task AColleagueWhoIsNotListedIsAnsweredAsACustomer()
    {
        var ticket = await OpenTicketAsync();
        var colleague = TeamsChat.Open(store, objectId: "00000000-bbbb-4000-8000-000000000009", name: "Alex Wilber");

        await colleague.SayAsync("hello");
        var said = await colleague.SayAsync("tickets");

        Assert.DoesNotContain(ticket.Id, said);
        Assert.DoesNotContain("TK-", said);
    }

    [Fact]
    public async Task AListedObjectIdFromAnotherTenantIsNotStaff()
    {
        var ticket = await OpenTicketAsync();
        var stranger = TeamsChat.Open(store, tenant: "tenant-contoso");

        await stranger.SayAsync("hello");
        var said = await stranger.SayAsync($"ticket {ticket.Id} status closed");

        Assert.DoesNotContain("status set", said);
        Assert.Equal(TicketStatus.Open, (await stranger.Bot.Get<TicketDesk>().FindAsync(ticket.Id))!.Status);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("facebook")]
    [InlineData("emulator")]
    public async Task ACustomerOnAnotherChannelTypingStaffCommandsLearnsNothing(string channel)
    {
        var ticket = await OpenTicketAsync();
        await using var bot = BotHarness.Create(channel: channel, settings: TeamsChat.StaffSettings(), store: store,
            user: "29:" + TeamsChat.StaffObjectId);
        var customer = new CustomerChat(bot);

        await customer.SayAsync("hello");
        var said = await customer.SayAsync("tickets") + await customer.SayAsync($"ticket {ticket.Id}")
            + await customer.SayAsync("feedback this week");

        Assert.DoesNotContain("Charged twice", said);
        Assert.DoesNotContain("urgent", said);
        Assert.DoesNotContain("Tickets (", said);
        Assert.DoesNotContain("Feedback for", said);
    }

    [Fact]
    public async Task SomeoneWhoIsNotStaffClickingAStaffCardChangesNothing()
    {
        var ticket = await OpenTicketAsync();
        var colleague = TeamsChat.Open(store, objectId: "00000000-bbbb-4000-8000-000000000009", name: "Alex Wilber");

        var click = new JObject { ["answer"] = $"ticket {ticket.Id} status closed" };
        var (card, said) = await colleague.InvokeAsync(click);

        Assert.Null(card);
        Assert.Contains("Only the bank's staff can do that.", said);
        Assert.Equal(TicketStatus.Open, (await colleague.Bot.Get<TicketDesk>().FindAsync(ticket.Id))!.Status);
    }

    [Fact]
    public async Task StaffAskingForHelpHearWhatTheyCanDo()
    {
        var staff = TeamsChat.Open(store);

        Assert.Contains("\"tickets\"", await staff.SayAsync("help"));
        Assert.Contains("\"feedback this week\"", await staff.SayAsync("what's the weather"));
    }

    [Fact]
    public async Task AddingTheBotToATeamIntroducesItOnceAndMembersJoiningAreNotGreetedAsCustomers()
    {
        var staff = TeamsChat.Open(store, channelThread: "19:general@thread.tacv2");
        var added = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new ChannelAccount("28:bankingbot", TeamsChat.BotName)],
            ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = TeamsChat.Tenant } },
        };
        var member = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new ChannelAccount("29:new-member", "New Member")],
            ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = TeamsChat.Tenant } },
        };
        var chat = new CustomerChat(staff.Bot);

        Assert.Contains("assistant for staff", await chat.SendAsync(added));
        Assert.Empty(await chat.SendAsync(member));
    }

    private async Task<Ticket> OpenTicketAsync()
    {
        await using var bot = BotHarness.Create(store: store);
        var id = Guid.NewGuid().ToString("N");
        return await bot.Get<TicketDesk>().OpenAsync(new TicketRequest("payments", "Charged twice at the bakery",
            "urgent", "webchat", "customer-" + id, null, false), id);
    }
}
