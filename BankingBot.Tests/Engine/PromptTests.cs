using BankingBot.Cards;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Understanding;
using BankingBot.Tests.Conversations;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Engine;

public sealed class PromptTests
{
    private static readonly ChoiceOption[] Accounts =
    [
        new("current", "Current account", ["checking"]),
        new("savings", "Savings account", ["saver"]),
        new("business", "Business account"),
    ];

    [Theory]
    [InlineData("Savings account", "savings")]
    [InlineData("saver", "savings")]
    [InlineData("2", "savings")]
    [InlineData("the second one", "savings")]
    [InlineData("number 3", "business")]
    [InlineData("the last one", "business")]
    [InlineData("checking please", "current")]
    [InlineData("business", "business")]
    public async Task ChoiceIsUnderstoodByTitleSynonymNumberAndPosition(string answer, string expected)
    {
        var bot = new EngineHarness(new ChoicePrompt("pick"), PromptOptions.Choose("Which account?", Accounts));
        await bot.Flow()
            .Send("start")
            .AssertReply(a => Assert.Contains("Which account?", BotHarness.Said(a)))
            .Send(answer)
            .AssertReply($"Done: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("how long does a savings account take to open?")]
    [InlineData("I am not sure whether my business partner would want the savings or the other one")]
    public async Task QuestionOrLongSentenceMentioningAnOptionIsNotAPick(string answer)
    {
        var options = PromptOptions.Choose("Which account?", Accounts, "Please pick an account.");
        var bot = new EngineHarness(new ChoicePrompt("pick"), options);
        await bot.Flow()
            .Send("start")
            .AssertReply(a => Assert.Contains("Which account?", BotHarness.Said(a)))
            .Send(answer)
            .AssertReply(a => Assert.Contains("Please pick an account.", BotHarness.Said(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoiceFromCardSubmitWithNoTextIsAccepted()
    {
        var bot = new EngineHarness(new ChoicePrompt("pick"), PromptOptions.Choose("Which account?", Accounts));
        JObject? data = null;
        await bot.Flow()
            .Send("start")
            .AssertReply(a => data = BotHarness.ButtonData(a, "Business account"))
            .Send(EngineHarness.CardAnswer(data!))
            .AssertReply("Done: business")
            .StartTestAsync();
    }

    [Fact]
    public async Task WrongChoiceIsAskedAgainWithTheRetryText()
    {
        var options = PromptOptions.Choose("Which account?", Accounts, "Please pick one of the three accounts.");
        var bot = new EngineHarness(new ChoicePrompt("pick"), options);
        await bot.Flow()
            .Send("start")
            .AssertReply(a => Assert.Contains("Which account?", BotHarness.Said(a)))
            .Send("a pony")
            .AssertReply(a => Assert.Contains("Please pick one of the three accounts.", BotHarness.Said(a)))
            .Send("current")
            .AssertReply("Done: current")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah, go ahead", true)]
    [InlineData("sure", true)]
    [InlineData("👍", true)]
    [InlineData("no thanks", false)]
    [InlineData("nope", false)]
    [InlineData("not now", false)]
    public async Task ConfirmUnderstandsManyWaysOfSayingYesAndNo(string answer, bool expected)
    {
        var bot = new EngineHarness(new ConfirmPrompt("ok"), PromptOptions.Ask("Shall I go on?"));
        await bot.Flow()
            .Send("start")
            .AssertReply(a => Assert.Contains("Shall I go on?", BotHarness.Said(a)))
            .Send(answer)
            .AssertReply($"Done: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("fifty thousand", "50000")]
    [InlineData("12", "12")]
    [InlineData("250k", "250000")]
    public async Task NumberUnderstandsDigitsWordsAndShorthand(string answer, string expected)
    {
        var bot = new EngineHarness(new NumberPrompt("n"), PromptOptions.Ask("How many?"));
        await bot.Flow().Send("start").AssertReply("How many?").Send(answer).AssertReply($"Done: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("two hundred and fifty thousand euros", "250,000 EUR")]
    [InlineData("€250k", "250,000 EUR")]
    [InlineData("$1,200", "1,200 USD")]
    [InlineData("3000", "3,000")]
    public async Task AmountUnderstandsCurrenciesInWordsAndSymbols(string answer, string expected)
    {
        var bot = new EngineHarness(new AmountPrompt("amount"), PromptOptions.Ask("How much?"));
        await bot.Flow().Send("start").AssertReply("How much?").Send(answer).AssertReply($"Done: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task AmountRejectsTextWithoutANumber()
    {
        var options = PromptOptions.Ask("How much?", "Please give an amount.");
        var bot = new EngineHarness(new AmountPrompt("amount"), options);
        await bot.Flow().Send("start").AssertReply("How much?").Send("quite a lot")
            .AssertReply("Please give an amount.").StartTestAsync();
    }

    [Fact]
    public async Task DateIsResolvedAgainstTheCustomersOwnLocalTime()
    {
        // 2026-12-02 10:00 UTC is 23:00 on Wednesday in Auckland: "tomorrow" there is Thursday the 3rd.
        var bot = new EngineHarness(new DateTimePrompt("when"), PromptOptions.Ask("When?"));
        await bot.Flow()
            .Send("start")
            .AssertReply("When?")
            .Send(new Activity(ActivityTypes.Message) { Text = "tomorrow at 3pm", LocalTimezone = "Pacific/Auckland" })
            .AssertReply(a => Assert.StartsWith("Done: SpokenTime", a.AsMessageActivity().Text))
            .StartTestAsync();
        var time = Assert.IsType<SpokenTime>(EngineHarness.LastResult);
        Assert.Equal(new DateTime(2026, 12, 3, 15, 0, 0), time.Start.DateTime);
        Assert.Equal(TimeSpan.FromHours(13), time.Start.Offset);
    }

    [Fact]
    public async Task TimeAloneIsTheNextSuchTimeOnTheCustomersCalendar()
    {
        // 10:00 UTC on 2 December is 19:00 in Tokyo: "4pm" is 16:00 on 3 December there.
        var bot = new EngineHarness(new DateTimePrompt("when"), PromptOptions.Ask("When?"));
        await bot.Flow()
            .Send("start")
            .AssertReply("When?")
            .Send(new Activity(ActivityTypes.Message) { Text = "4pm", LocalTimezone = "Asia/Tokyo" })
            .AssertReply(a => Assert.StartsWith("Done: SpokenTime", a.AsMessageActivity().Text))
            .StartTestAsync();
        var time = Assert.IsType<SpokenTime>(EngineHarness.LastResult);
        Assert.Equal(new DateTime(2026, 12, 3, 16, 0, 0), time.Start.DateTime);
    }

    [Theory]
    [InlineData("my address is jane.doe@example.com", "jane.doe@example.com")]
    [InlineData("JOHN@EXAMPLE.ORG", "john@example.org")]
    public async Task EmailIsFoundInTheAnswer(string answer, string expected)
    {
        var options = PromptOptions.Ask("Your e-mail?", "That's not an e-mail.");
        var bot = new EngineHarness(new EmailPrompt("email"), options);
        await bot.Flow().Send("start").AssertReply("Your e-mail?").Send("jane at home")
            .AssertReply("That's not an e-mail.").Send(answer).AssertReply($"Done: {expected}").StartTestAsync();
    }

    [Fact]
    public async Task PhoneIsFoundInTheAnswer()
    {
        var options = PromptOptions.Ask("Your phone?", "That's not a phone number.");
        var bot = new EngineHarness(new PhonePrompt("phone"), options);
        await bot.Flow().Send("start").AssertReply("Your phone?").Send("call me maybe")
            .AssertReply("That's not a phone number.").Send("you can reach me on +44 20 7946 0018")
            .AssertReply("Done: +44 20 7946 0018").StartTestAsync();
    }

    [Fact]
    public async Task ValidatorRejectsAnAnswerOfTheRightTypeWithItsOwnMessage()
    {
        var prompt = new NumberPrompt("n", (check, _) =>
        {
            check.RetryMessage = "Between 1 and 10, please.";
            return Task.FromResult(check.Recognized.Value is >= 1 and <= 10);
        });
        var bot = new EngineHarness(prompt, PromptOptions.Ask("Pick a number from 1 to 10."));
        await bot.Flow().Send("start").AssertReply("Pick a number from 1 to 10.").Send("42")
            .AssertReply("Between 1 and 10, please.").Send("seven").AssertReply("Done: 7").StartTestAsync();
    }
}
