using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tests.Understanding;

public sealed class IntentClassifierTests(IntentClassifierFixture fixture) : IClassFixture<IntentClassifierFixture>
{
    private readonly IntentClassifier classifier = fixture.Classifier;

    [Fact]
    public void ShippedModelKnowsAllBanking77Intents()
    {
        Assert.Equal(77, classifier.Intents.Count);
        Assert.Equal(77, classifier.Intents.Distinct().Count());
        Assert.Contains("card_arrival", classifier.Intents);
        Assert.InRange(classifier.Abstention.Threshold, 0f, 1f);
    }

    [Theory]
    [InlineData("my card hasn't arrived yet", "card_arrival")]
    [InlineData("I lost my card", "lost_or_stolen_card")]
    [InlineData("what's the exchange rate for euros", "exchange_rate")]
    [InlineData("The ATM swallowed my card", "card_swallowed")]
    [InlineData("How do I change my PIN?", "change_pin")]
    [InlineData("I want to close my account", "terminate_account")]
    [InlineData("how old do you have to be to open an account", "age_limit")]
    [InlineData("I was charged twice for the same thing", "transaction_charged_twice")]
    public void PlainQuestionGetsItsIntent(string utterance, string intent)
    {
        IntentPrediction prediction = classifier.Recognize(utterance);

        Assert.Equal(intent, prediction.Top.Intent);
    }

    [Fact]
    public void ClearQuestionIsAnsweredDirectly()
    {
        Assert.True(classifier.Recognize("My card still hasn't arrived, when will it come?").IsConfident);
    }

    [Fact]
    public void PlainQuestionIsAnsweredByTheQuickModelWithoutTheSentenceEncoder()
    {
        long before = classifier.EncodedUtterances;

        IntentPrediction prediction = classifier.Recognize("I lost my card");

        Assert.True(prediction.IsConfident);
        Assert.Equal("lost_or_stolen_card", prediction.Top.Intent);
        Assert.Equal(before, classifier.EncodedUtterances);
    }

    [Fact]
    public void QuestionTheQuickModelIsUnsureOfGoesThroughTheSentenceEncoder()
    {
        long before = classifier.EncodedUtterances;

        IntentPrediction prediction = classifier.Recognize("something odd happened with my money yesterday");

        Assert.Equal(before + 1, classifier.EncodedUtterances);
        AssertWellFormed(prediction);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n  ")]
    [InlineData("😀😀🙈👍🏽")]
    [InlineData("\u0000\u0007\u200B\uFEFF")]
    [InlineData("\uD800 lone surrogate \uDC00")]
    [InlineData("!!!???...")]
    [InlineData("thisisonewordlongerthanfiftycharacterswhichthesentenceencoderwouldsimplydrop")]
    public void OddTextStillGetsARanking(string utterance)
    {
        IntentPrediction prediction = classifier.Recognize(utterance);

        AssertWellFormed(prediction);
    }

    [Fact]
    public void VeryLongTextStillGetsARanking()
    {
        string utterance = string.Concat(Enumerable.Repeat("my card has not arrived and ", 2_000))
            + new string('x', 5_000);

        IntentPrediction prediction = classifier.Recognize(utterance);

        AssertWellFormed(prediction);
        Assert.Equal("card_arrival", prediction.Top.Intent);
    }

    [Fact]
    public void RankingHoldsAtLeastThreeDistinctIntentsBestFirst()
    {
        IntentPrediction prediction = classifier.Recognize("I think someone used my card without me knowing");

        AssertWellFormed(prediction);
        Assert.Same(prediction.Ranked[0], prediction.Top);
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameAnswersAsOneAtATime()
    {
        string[] utterances =
        [
            "my card hasn't arrived yet", "I lost my card", "what's the exchange rate for euros",
            "how do I top up by bank transfer", "why was my transfer declined", "can I get a virtual card",
        ];
        IntentPrediction[] expected = utterances.Select(classifier.Recognize).ToArray();

        IntentPrediction[] concurrent = Enumerable.Range(0, 24)
            .AsParallel()
            .WithDegreeOfParallelism(4)
            .Select(i => classifier.Recognize(utterances[i % utterances.Length]))
            .ToArray();

        for (int i = 0; i < concurrent.Length; i++)
        {
            IntentPrediction alone = expected[i % utterances.Length];
            Assert.Equal(alone.Top.Intent, concurrent[i].Top.Intent);
            Assert.Equal(alone.Top.Probability, concurrent[i].Top.Probability, 1e-4f);
        }
    }

    private static void AssertWellFormed(IntentPrediction prediction)
    {
        Assert.True(prediction.Ranked.Count >= 3);
        Assert.Equal(prediction.Ranked.Count, prediction.Ranked.Select(score => score.Intent).Distinct().Count());
        for (int i = 1; i < prediction.Ranked.Count; i++)
        {
            Assert.True(prediction.Ranked[i - 1].Probability >= prediction.Ranked[i].Probability);
        }

        Assert.All(prediction.Ranked, score => Assert.InRange(score.Probability, 0f, 1f));
        Assert.False(float.IsNaN(prediction.Top.Probability));
    }
}
