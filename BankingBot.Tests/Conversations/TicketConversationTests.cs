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
        Assert.Equal("payments", ticket.Category);
        Assert.Equal("high", ticket.Urgency);
        Assert.True(ticket.NotifyOnChange);
        Assert.NotNull(ticket.ConversationReference);
    }
}
