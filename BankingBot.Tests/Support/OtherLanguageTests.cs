using BankingBot.Dialogs.Support;

namespace BankingBot.Tests.Support;

public sealed class OtherLanguageTests
{
    [Theory]
    [InlineData("Hola, perdí mi tarjeta de crédito", "Spanish")]
    [InlineData("Bonjour, j'ai perdu ma carte bancaire", "French")]
    [InlineData("Ich habe meine Karte verloren", "German")]
    [InlineData("Ciao, ho perso la mia carta", "Italian")]
    [InlineData("Olá, perdi meu cartão", "Portuguese")]
    [InlineData("Ik ben mijn kaart kwijt", "Dutch")]
    [InlineData("gracias", "Spanish")]
    [InlineData("Я потерял карту", "unknown")]
    [InlineData("我的卡丢了", "unknown")]
    public void RecognisesMessagesNotInEnglish(string text, string language) =>
        Assert.Equal(language, OtherLanguages.Detect(text)?.Name);

    [Theory]
    [InlineData("I lost my card in Paris")]
    [InlineData("Can I pay in euros at a café in Madrid?")]
    [InlineData("my transfer to Señor Garcia has not arrived")]
    [InlineData("what does APR mean")]
    [InlineData("hi")]
    [InlineData("are you an AI?")]
    [InlineData("I paid 50 per month for my card, do me a favor and check")]
    public void LeavesEnglishAlone(string text) => Assert.Null(OtherLanguages.Detect(text));
}
