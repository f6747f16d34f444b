using BankingBot.Tests.Conversations;

namespace BankingBot.Tests.Support;

public sealed class SmallTalkConversationTests
{
    [Fact]
    public async Task GreetingIsAnsweredWithWhatTheBotCanDo()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("Hi there!").Introduced()
            .Hears("Hello!", "cards, payments, transfers and account")
            .Send("good morning")
            .Hears("Hello!")
            .StartTestAsync();
    }

    [Fact]
    public async Task ThanksAndGoodbyeAreAnsweredPolitely()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("thanks a lot").Introduced()
            .Hears("You're welcome!")
            .Send("ok bye")
            .Hears("Goodbye, and thank you for chatting with Northwind Bank.")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("are you a bot?")]
    [InlineData("Am I talking to a real person?")]
    [InlineData("are you human")]
    public async Task AskedWhetherItIsABotItSaysHonestlyThatItIsAnAutomatedAssistant(string question)
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send(question).Introduced()
            .Hears("automated assistant: a computer program, not a person", "talk to a person")
            .StartTestAsync();
    }

    [Fact]
    public async Task InsultGetsACalmAnswerAndTheOfferOfAPerson()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("you are a useless stupid bot").Introduced()
            .Hears("I'm sorry this hasn't gone well")
            .Hears("Would you like me to pass you to a colleague?", "[Yes]", "[No]")
            .Send("no")
            .Hears("All right. I'm here when you're ready.")
            .AskedAnythingElse()
            .StartTestAsync();
    }

    [Fact]
    public async Task EmptyMessageIsMetWithAQuestion()
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send("hello").Introduced()
            .Hears("Hello!")
            .Send("   ")
            .Hears("Your message reached me empty.")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("👍")]
    [InlineData("😡😡😡")]
    [InlineData("???")]
    public async Task EmojiOnlyMessageAsksForWords(string text)
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send(text).Introduced()
            .Hears("I can't read emoji or symbols on their own")
            .StartTestAsync();
    }

    [Fact]
    public async Task VeryLongMessageIsRefusedWithTheLimitAndTheBotCarriesOn()
    {
        await using var bot = SupportTalk.CreateBot();
        var essay = string.Concat(Enumerable.Repeat(" My card and my account and my transfer.", 125))[1..] + ".";
        Assert.Equal(5000, essay.Length);
        await bot.Flow()
            .Send(essay).Introduced()
            .Hears("5,000 characters long", "up to 1,000 at a time", "shorter version")
            .Send("thank you")
            .Hears("You're welcome!")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("What's the weather like in London tomorrow?", "I can't tell you about the weather")]
    [InlineData("tell me a joke", "Telling jokes isn't one of my talents")]
    [InlineData("Who won the football last night?", "I don't follow sport")]
    public async Task OutOfScopeQuestionGetsAPoliteNoAndWhatTheBotCanDo(string question, string politeNo)
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send(question).Introduced()
            .Hears(politeNo, "banking assistant, so I stick to banking", "open a support ticket")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Hola, he perdido mi tarjeta. ¿Qué hago?", "Lo siento, de momento solo puedo hablar en inglés.")]
    [InlineData("Bonjour, je ne trouve plus ma carte bancaire", "Désolé, pour l'instant je ne parle qu'anglais.")]
    [InlineData("Guten Tag, ich habe meine Karte verloren", "Entschuldigung, ich kann im Moment nur Englisch.")]
    public async Task MessageInAnotherLanguageIsToldTheBotSpeaksEnglishOnly(string message, string apology)
    {
        await using var bot = SupportTalk.CreateBot();
        await bot.Flow()
            .Send(message).Introduced()
            .Hears("I can only chat in English for now", "+44 20 7946 0000", apology)
            .StartTestAsync();
    }
}
