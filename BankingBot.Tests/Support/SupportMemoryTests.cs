using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;

namespace BankingBot.Tests.Support;

/// <summary>What support remembers from one turn to the next, after its state has been stored and read back.</summary>
public sealed class SupportMemoryTests
{
    [Fact]
    public async Task WhatDoesThatWordMeanWorksLaterInTheConversationNotOnlyOnItsFirstTurn()
    {
        await using var bot = SupportTalk.CreateBot();
        var chat = new CustomerChat(bot);

        await chat.SayAsync("hello");
        Assert.Contains("exchange rate", await chat.SayAsync("What exchange rate do you use?"),
            StringComparison.OrdinalIgnoreCase);
        var explained = await chat.SayAsync("what does that word mean?");

        Assert.DoesNotContain("Which word would you like me to explain?", explained);
        Assert.Contains("exchange rate: How much of one currency", explained, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondUnsureQuestionLaterInTheConversationOffersAPerson()
    {
        await using var bot = SupportTalk.CreateBot();
        var chat = new CustomerChat(bot);

        await chat.SayAsync("hello");
        Assert.Contains("Did you mean one of these?", await chat.SayAsync("blah blah the thing with the stuff"));
        var second = await chat.SayAsync("the other thing with that stuff again");

        Assert.Contains("pass your question to a colleague", second);
    }

    [Fact]
    public async Task AskedTheMeaningOfAWordItDoesNotKnowTheBotSaysSo()
    {
        await using var bot = SupportTalk.CreateBot();
        var chat = new CustomerChat(bot);

        var said = await chat.SayAsync("what does foobarqux mean?");

        Assert.Contains("I don't have a plain-words explanation of \"foobarqux\"", said);
        Assert.DoesNotContain("Did you mean", said);
    }
}
