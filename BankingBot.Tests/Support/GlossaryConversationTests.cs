using BankingBot.Tests.Conversations;

namespace BankingBot.Tests.Support;

public sealed class GlossaryConversationTests
{
    [Fact]
    public async Task TermIsExplainedWithAnExample()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("What does APR mean?").Introduced()
            .Hears("APR (annual percentage rate): The yearly cost of borrowing", "For example:")
            .AskedAnythingElse()
            .StartTestAsync();
    }

    [Fact]
    public async Task MisspelledTermIsStillExplainedAndTheBotSaysWhatItUnderstood()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("what does anual percentage rate mean").Introduced()
            .Hears("I think you mean \"annual percentage rate\".", "The yearly cost of borrowing")
            .AskedAnythingElse()
            .Send("explain amortisaton")
            .Hears("I think you mean \"amortisation\".", "amortization: Paying off a loan gradually")
            .AskedAnythingElse()
            .StartTestAsync();
    }

    [Fact]
    public async Task WhatDoesThatWordMeanExplainsTheTermOfTheLastAnswer()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("What exchange rate do you use?").Introduced()
            .Hears("On weekdays we convert at an exchange rate")
            .AskedAnythingElse()
            .Send("what does that word mean?")
            .Hears("exchange rate: ", "For example:")
            .AskedAnythingElse()
            .StartTestAsync();
    }

    [Fact]
    public async Task WhatDoesThatMeanExplainsEachTermBrieflyWhenTheAnswerUsedSeveral()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("I was charged a bad exchange rate on a payment abroad").Introduced()
            .Hears("the exchange rate is fixed when the shop completes the payment")
            .Hears("Shall I open a ticket so we can check the rate used for this payment?")
            // Asked in the middle of the offer, the explanation comes first and then the offer again.
            .Send("what does that mean?")
            .Hears("Here's what those terms mean:", "- exchange rate: ", "- dynamic currency conversion: ")
            .Hears("Shall I open a ticket so we can check the rate used for this payment?")
            .Send("no")
            .Hears("All right, no ticket for now.")
            .AskedAnythingElse()
            .StartTestAsync();
    }

    [Fact]
    public async Task WhatDoesThatMeanWithNothingSaidBeforeAsksWhichWord()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("what does that mean").Introduced()
            .Hears("Which word would you like me to explain?")
            .AskedAnythingElse()
            .StartTestAsync();
    }
}
