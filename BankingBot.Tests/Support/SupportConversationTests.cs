using BankingBot.Dialogs.Banking;
using BankingBot.Tests.Conversations;

namespace BankingBot.Tests.Support;

public sealed class SupportConversationTests
{
    private const string LostCardAnswer = "Freeze the card right away in Northwind app under Cards";
    private const string CardArrivalAnswer = "Most cards arrive within 3 to 7 working days of ordering";
    private const string ExchangeRateAnswer = "On weekdays we convert at an exchange rate close to the live market";
    private const string TopUpFailedAnswer = "A failed top-up is usually declined by the bank that issued your card";

    [Theory]
    [InlineData("I lost my card", LostCardAnswer)]
    [InlineData("Someone stole my card this morning", LostCardAnswer)]
    [InlineData("I can't find my credit card anywhere, I think it's lost", LostCardAnswer)]
    [InlineData("My new card still hasn't arrived", CardArrivalAnswer)]
    [InlineData("I ordered a card two weeks ago and it never came in the post", CardArrivalAnswer)]
    [InlineData("What exchange rate do you use?", ExchangeRateAnswer)]
    [InlineData("how do you work out the rate when I exchange pounds to euros", ExchangeRateAnswer)]
    [InlineData("my top up failed", TopUpFailedAnswer)]
    [InlineData("I tried to top up but it was declined", TopUpFailedAnswer)]
    public async Task QuestionsPhrasedInDifferentWaysGetTheRightAnswer(string question, string answer)
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send(question).Introduced()
            .Hears(answer)
            .StartTestAsync();
    }

    [Fact]
    public async Task LostCardAnswerOffersAnUrgentTicketAndYesOpensItAboutTheCard()
    {
        await using var bot = SupportTalk.CreateBot();
        string? number = null;
        await bot.Flow()
            .Send("I've lost my card").Introduced()
            .Hears(LostCardAnswer)
            .Hears("Shall I open an urgent ticket so our card team can block your card now?", "[Yes]", "[No]")
            .Send("yes please")
            // The category is preset, so the ticket flow goes straight to the description.
            .Hears("Please describe the problem in a few words")
            .Send("I left my debit card in a taxi last night")
            // So is the urgency: next comes whether to send updates.
            .Hears("Shall I let you know here when the ticket's status changes?")
            .Send("no")
            .Hears("what e-mail address should I put on it?")
            .Send("skip")
            .AssertReply(a =>
            {
                number = TicketNumbers.Find(BotHarness.Said(a));
                Assert.Contains("About: A card", BotHarness.Said(a));
                Assert.Contains("Urgency: Very urgent", BotHarness.Said(a));
            })
            .AskedAnythingElse()
            .StartTestAsync();

        var ticket = await bot.Get<TicketDesk>().FindAsync(number!);
        Assert.Equal(("cards", "urgent"), (ticket!.Category, ticket.Urgency));
    }

    [Fact]
    public async Task UnsureQuestionOffersTheLikeliestTopicsAndAnswersTheOneChosen()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("Why was my card payment abroad converted at such a bad rate?").Introduced()
            .Hears("Did you mean one of these?", "[Payment rate wrong]", "[None of these]")
            .Send("Payment rate wrong")
            .Hears("For payments in another currency, the exchange rate is fixed when the shop completes the payment")
            .Hears("Shall I open a ticket so we can check the rate used for this payment?")
            .Send("yes")
            .Hears("Please describe the problem in a few words")
            .StartTestAsync();
    }

    [Fact]
    public async Task CardAcceptanceAnswerOffersTheCreditCardAndYesStartsTheLeadFlowForIt()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("Where can I use my card?").Introduced()
            .Hears("Your card works wherever its network")
            .Hears("Would you like to hear about our credit card for places that ask for one?")
            .Send("yes")
            // The product is preset, so the lead flow starts with the credit card's own first question.
            .Hears("What would you mainly use the card for?")
            .StartTestAsync();
    }

    [Fact]
    public async Task ClosingTheAccountAnswerOffersAColleagueAndYesHandsOver()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("I want to close my account").Introduced()
            .Hears("First move any money left in your balances to another account")
            .Hears("Would you like to talk to a colleague before you close your account?")
            .Send("yes")
            .Hears("I've asked a colleague to take over.")
            .AskedAnythingElse()
            .StartTestAsync();

        await foreach (var request in bot.Get<HandoverQueue>().AllAsync())
        {
            Assert.Equal("support topic terminate_account", request.Reason);
        }
    }

    [Fact]
    public async Task DecliningTheTicketEndsPolitely()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("My new card still hasn't arrived").Introduced()
            .Hears(CardArrivalAnswer)
            .Hears("Shall I open a ticket so our card team can check the delivery")
            .Send("no thanks")
            .Hears("All right, no ticket for now.")
            .AskedAnythingElse()
            .StartTestAsync();
    }

    [Fact]
    public async Task StartedFromTheMenuItAsksForTheQuestionFirst()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("menu:support").Introduced()
            .Hears("What's your question?")
            .Send("What exchange rate do you use?")
            .Hears(ExchangeRateAnswer)
            .AskedAnythingElse()
            .StartTestAsync();
    }

    [Fact]
    public async Task AskedForItsQuestionTheCustomerCanStillAskForAnotherJob()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("menu:support").Introduced()
            .Hears("What's your question?")
            .Send("I want to open a ticket")
            .Hears("I'll open a support ticket. What is it about?")
            .StartTestAsync();
    }
}
