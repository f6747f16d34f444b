using BankingBot.Tests.Conversations;

namespace BankingBot.Tests.Support;

public sealed class SideQuestionTests
{
    [Fact]
    public async Task GlossaryQuestionInsideTheTicketCategoryPromptIsAnsweredAndThePromptRepeats()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("I want to open a ticket").Introduced()
            .Hears("What is it about?")
            .Send("what's a chargeback?")
            .Hears("chargeback: ")
            .Hears("What is it about?", "[A card]")
            .Send("a card")
            .Hears("Please describe the problem in a few words")
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportQuestionInsideTheTicketCategoryPromptIsAnsweredWhenTheBotIsSure()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("I want to open a ticket").Introduced()
            .Hears("What is it about?")
            .Send("What exchange rate will I get?")
            .Hears("On weekdays we convert at an exchange rate close to the live market rate")
            .Hears("What is it about?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnswerThatIsNotAQuestionStillCountsAsAWrongAnswer()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("I want to open a ticket").Introduced()
            .Hears("What is it about?")
            .Send("blue")
            .Hears("Please pick one of the options, or type its number.")
            .StartTestAsync();
    }
}
