using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tests.Understanding;

public sealed class UtteranceTextTests
{
    [Theory]
    [InlineData("  My CARD\thasn't\r\n\r\narrived  ", "my card hasn't arrived")]
    [InlineData("card\u0000\u0007arrival", "card arrival")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("ＦＵＬＬ width", "full width")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void NormalizeGivesOneCanonicalForm(string? typed, string expected)
    {
        Assert.Equal(expected, UtteranceText.Normalize(typed));
    }

    [Fact]
    public void NormalizeCapsTheLength()
    {
        string normalized = UtteranceText.Normalize(new string('a', 100_000));

        Assert.Equal(UtteranceText.MaxChars, normalized.Length);
    }

    [Fact]
    public void NormalizeNeverLeavesHalfAnEmoji()
    {
        string normalized = UtteranceText.Normalize(new string('a', UtteranceText.MaxChars - 1) + "😀");

        Assert.False(char.IsHighSurrogate(normalized[^1]));
    }

    [Theory]
    [InlineData("where's my card?", 0, "where ' s my card ?")]
    [InlineData("a, b , c", 0, "a , b , c")]
    [InlineData("one two three four five six", 4, "one two five six")]
    public void EncoderTextSeparatesPunctuationAndKeepsBothEnds(string normalized, int maxWords, string expected)
    {
        Assert.Equal(expected, UtteranceText.ForSentenceEncoder(normalized, maxWords));
    }
}
