using BankingBot.Dialogs.Banking;
using BankingBot.Tests.Conversations;

namespace BankingBot.Tests.Support;

public sealed class SupportHandoverTests
{
    // Wednesday 2 December 2026, 10:00 in London: the bank is open.
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    // Saturday 5 December 2026, 11:00 in London: closed until Monday 09:00.
    private static readonly DateTimeOffset SaturdayMorning = new(2026, 12, 5, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NoneOfTheSuggestionsLeadsToAPersonWhoAnswersShortlyInBusinessHours()
    {
        await using var bot = SupportTalk.CreateBot(WednesdayMorning);
        await bot.Flow()
            .Send(UnclearQuestion).Introduced()
            .Hears("Did you mean one of these?", "[None of these]")
            .Send("none of these")
            .Hears("Sorry I couldn't find the right answer.")
            .Hears("Would you like me to pass your question to a colleague?")
            .Send("yes")
            .Hears("Someone from our team will join this chat shortly", "Your request number is HO-")
            .AskedAnythingElse()
            .StartTestAsync();

        var request = Assert.Single(await Requests(bot));
        Assert.Equal("support question not understood", request.Reason);
    }

    [Fact]
    public async Task OutsideBusinessHoursThePersonIsPromisedForTheNextOpening()
    {
        await using var bot = SupportTalk.CreateBot(SaturdayMorning);
        await bot.Flow()
            .Send(UnclearQuestion).Introduced()
            .Hears("Did you mean one of these?")
            .Send("none of these")
            .Hears("Sorry I couldn't find the right answer.")
            .Hears("Would you like me to pass your question to a colleague?")
            .Send("yes please")
            .Hears("Our team is not at work right now", "someone will answer here from Monday 7 December, 09:00")
            .AskedAnythingElse()
            .StartTestAsync();

        Assert.Single(await Requests(bot));
    }

    [Fact]
    public async Task SecondUnsureQuestionInARowOffersAPersonInsteadOfMoreGuesses()
    {
        await using var bot = SupportTalk.CreateBot(WednesdayMorning);
        await bot.Flow()
            .Send(UnclearQuestion).Introduced()
            .Hears("Did you mean one of these?")
            .Send(OtherUnclearQuestion)
            .Hears("I'm sorry, I'm not sure I understand that question.")
            .Hears("Would you like me to pass your question to a colleague?")
            .Send("no")
            .Hears("All right. If you like, try asking in other words.")
            .AskedAnythingElse()
            .StartTestAsync();

        Assert.Empty(await Requests(bot));
    }

    [Fact]
    public async Task UpsetCustomerWhoAcceptsIsHandedToAPerson()
    {
        await using var bot = SupportTalk.CreateBot(WednesdayMorning);
        await bot.Flow()
            .Send("this is rubbish, you are useless").Introduced()
            .Hears("I'm sorry this hasn't gone well")
            .Hears("Would you like me to pass you to a colleague?")
            .Send("yes")
            .Hears("Someone from our team will join this chat shortly")
            .AskedAnythingElse()
            .StartTestAsync();

        Assert.Equal("customer was upset", Assert.Single(await Requests(bot)).Reason);
    }

    private const string UnclearQuestion = "something is wrong with money";

    private const string OtherUnclearQuestion = "the thing did not work";

    private static async Task<List<HandoverRequest>> Requests(BotHarness bot)
    {
        var requests = new List<HandoverRequest>();
        await foreach (var request in bot.Get<HandoverQueue>().AllAsync())
        {
            requests.Add(request);
        }

        return requests;
    }
}
