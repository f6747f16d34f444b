using BankingBot.Dialogs.Banking;
using Microsoft.Bot.Schema;

namespace BankingBot.Tests.Conversations;

public sealed class TicketConversationTests
{
    [Fact]
    public async Task CustomerOpensTicketByTypingAndGetsNumberAndAnswerTime()
    {
        await using var bot = BotHarness.Create();
        string? number = null;
        await bot.Flow()
            .Send("I want to open a ticket")
            .AssertReply(a => Assert.Contains("Hi, I'm Northwind Bank's automated assistant", BotHarness.Said(a)))
            .AssertReply(a => Assert.Contains("What is it about?", BotHarness.Said(a)))
            .Send("the second one")
            .AssertReply(a => Assert.Contains("describe the problem", BotHarness.Said(a)))
            .Send("A card payment at the bakery was taken twice yesterday")
            .AssertReply(a => Assert.Contains("How urgent is it?", BotHarness.Said(a)))
            .Send("quite urgent")
            .AssertReply(a => Assert.Contains("let you know here", BotHarness.Said(a)))
            .Send("yes please")
            .AssertReply(a => Assert.Contains("what e-mail address should I put on it?", BotHarness.Said(a)))
            .Send("not an address")
            .AssertReply(a => Assert.Contains("doesn't look like an e-mail address", BotHarness.Said(a)))
            .Send("it's jane.doe@example.com")
            .AssertReply(a =>
            {
                var said = BotHarness.Said(a);
                number = TicketNumbers.Find(said);
                Assert.NotNull(number);
                Assert.True(said.Contains("About: A payment"), said);
                Assert.Contains("Urgency: Quite urgent", said);
                // Wednesday 10:00 London + 4 working hours (payments/high) = 14:00 the same day.
                Assert.Contains("An engineer answers by: Wednesday 2 December, 14:00", said);
            })
            .AssertReply("Is there anything else I can do for you?")
            .StartTestAsync();

        var ticket = await bot.Get<TicketDesk>().FindAsync(number!);
        Assert.NotNull(ticket);
        Assert.Equal(("payments", "high", "jane.doe@example.com"), (ticket.Category, ticket.Urgency, ticket.Email));
        Assert.True(ticket.NotifyOnChange);
        Assert.NotNull(ticket.ConversationReference);
    }

    [Fact]
    public async Task AnswerTimeSkipsTheWeekendAndTheHolidaysAndIsShownInTheCustomersTime()
    {
        // Thursday 24 December 2026, 16:00 in London. Cards/normal is 8 working hours: 1.5 h on Thursday, then
        // Friday 25th and Monday 28th are holidays and the 26th and 27th a weekend, so 6.5 h on Tuesday 29th.
        await using var bot = BotHarness.Create(now: new DateTimeOffset(2026, 12, 24, 16, 0, 0, TimeSpan.Zero));
        await bot.Flow()
            .Send(Message("I want to open a ticket")).AssertReply(_ => { }).AssertReply(_ => { })
            .Send(Message("a card")).AssertReply(_ => { })
            .Send(Message("My replacement card was never delivered")).AssertReply(_ => { })
            .Send(Message("normal")).AssertReply(_ => { })
            .Send(Message("no")).AssertReply(_ => { })
            .Send(Message("skip"))
            .AssertReply(a => Assert.Contains("An engineer answers by: Tuesday 29 December, 16:30 (Europe/Paris)",
                BotHarness.Said(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheSameFinalAnswerDeliveredTwiceCreatesOneTicket()
    {
        await using var bot = BotHarness.Create();
        await bot.TicketUpToTheLastAnswer()
            .StartTestAsync();

        // The channel did not hear back in time and delivers the same activity, with its id, again.
        var retried = bot.Adapter.WithChannelId(Message("skip"), "client-retry-1");
        await bot.Adapter.ProcessActivityAsync(retried, bot.Bot.OnTurnAsync, default);
        var first = bot.TakeReplies();
        await bot.Adapter.ProcessActivityAsync(retried, bot.Bot.OnTurnAsync, default);
        var again = bot.TakeReplies();

        Assert.Contains("Your ticket number is", first[0]);
        Assert.Equal(first, again);
        var state = await bot.Get<Dialogs.Storage.IDocumentStore>()
            .ReadAsync($"state/test/conversations/{bot.Adapter.Conversation.Conversation.Id}");
        Assert.Single(BotHarness.CustomerLines(state), line => line == "skip");
        var tickets = new List<string>();
        await foreach (var key in bot.Get<Dialogs.Storage.IDocumentStore>().ListKeysAsync("tickets/"))
        {
            tickets.Add(key);
        }

        Assert.Single(tickets);
    }

    [Fact]
    public async Task AnotherCustomerAskingForTheTicketLearnsNothingNotEvenThatItExists()
    {
        await using var owner = BotHarness.Create(user: "owner");
        var number = await OpenTicketAsync(owner, "jane.doe@example.com");
        var shared = owner.Get<Dialogs.Storage.IDocumentStore>();
        await owner.Flow()
            .Send($"status of {number}")
            .AssertReply(a => Assert.Contains($"Ticket {number}", BotHarness.Said(a)))
            .StartTestAsync();

        string? existing = null;
        string? missing = null;
        await using var other = BotHarness.Create(user: "stranger", store: shared);
        await other.Flow()
            .Send($"status of {number}").AssertReply(_ => { })
            .AssertReply(a => existing = BotHarness.Said(a).Replace(number, "#"))
            .Send("no").AssertReply(a => Assert.Contains("I can't show you a ticket", BotHarness.Said(a)))
            .AssertReply(_ => { })
            .Send("status of TK-0000-0000")
            .AssertReply(a => missing = BotHarness.Said(a).Replace("TK-0000-0000", "#"))
            .StartTestAsync();
        Assert.Equal(missing, existing);
    }

    [Fact]
    public async Task OnAnotherChannelTheEmailOnTheTicketShowsIt()
    {
        await using var owner = BotHarness.Create(user: "owner");
        var number = await OpenTicketAsync(owner, "jane.doe@example.com");
        await using var elsewhere = BotHarness.Create(user: "same-person-on-messenger", channel: "facebook",
            store: owner.Get<Dialogs.Storage.IDocumentStore>());
        await elsewhere.Flow()
            .Send($"status of {number}").AssertReply(_ => { })
            .AssertReply(a => Assert.Contains("what e-mail address is on the ticket?", BotHarness.Said(a)))
            .Send("Jane.Doe@example.com")
            .AssertReply(a => Assert.Contains($"Ticket {number}", BotHarness.Said(a)))
            .StartTestAsync();
    }

    private static async Task<string> OpenTicketAsync(BotHarness bot, string email)
    {
        string? number = null;
        await bot.TicketUpToTheLastAnswer()
            .Send(email).AssertReply(a => number = TicketNumbers.Find(BotHarness.Said(a)))
            .StartTestAsync();
        while (bot.Adapter.GetNextReply() is not null)
        {
            // "Anything else?" and the rating offer that follow a completed flow.
        }

        return number!;
    }

    private static Activity Message(string text) =>
        new(ActivityTypes.Message) { Text = text, LocalTimezone = "Europe/Paris" };
}
