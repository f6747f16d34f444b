using BankingBot.Dialogs.Support;

namespace BankingBot.Tests.Support;

public sealed class GlossaryTests
{
    private static readonly Glossary Terms =
        Glossary.Load(Path.Combine(AppContext.BaseDirectory, "Knowledge", "glossary.json"));

    [Theory]
    [InlineData("What does APR mean?", "APR")]
    [InlineData("what is an IBAN", "IBAN")]
    [InlineData("What's a sort code?", "sort code")]
    [InlineData("what's compound interest", "compound interest")]
    [InlineData("explain chargeback", "chargeback")]
    [InlineData("Can you explain what a direct debit is?", "direct debit")]
    [InlineData("define overdraft", "overdraft")]
    [InlineData("meaning of LTV", "LTV")]
    [InlineData("What does AER stand for?", "APY")]
    [InlineData("what are ISAs", "ISA")]
    public void FindsTheTermAskedAboutByNameOrAlias(string question, string term)
    {
        var match = Terms.FindQuestion(question);

        Assert.NotNull(match);
        Assert.Equal(term, match.Entry.Term);
        Assert.True(match.IsExact);
    }

    [Theory]
    [InlineData("What does anual percentage rate mean?", "APR")]
    [InlineData("explain amortisaton", "amortization")]
    [InlineData("what is a morgage", "mortgage")]
    [InlineData("define overdarft", "overdraft")]
    public void ForgivesMisspellings(string question, string term)
    {
        var match = Terms.FindQuestion(question);

        Assert.NotNull(match);
        Assert.Equal(term, match.Entry.Term);
        Assert.False(match.IsExact);
    }

    [Fact]
    public void PrefersAnExactTermOverACloseMisspelling()
    {
        // "credit" is one letter from "debit" with a letter changed, but it is a term of its own.
        Assert.Equal("credit", Terms.FindQuestion("what does credit mean")!.Entry.Term);
        Assert.Equal("debit", Terms.FindQuestion("what does debit mean")!.Entry.Term);
    }

    [Fact]
    public void FindsTheFirstTermInsideALongerQuestion()
    {
        var match = Terms.FindQuestion("What does APR on my credit card mean?");

        Assert.Equal("APR", match!.Entry.Term);
        Assert.False(match.IsWhole);
    }

    [Theory]
    [InlineData("what is the exchange rate today")]
    [InlineData("what does debt mean")]
    [InlineData("explain how to top up my account")]
    [InlineData("what is going on with my transfer")]
    [InlineData("I lost my card")]
    [InlineData("what does that word mean")]
    public void LeavesOtherQuestionsAlone(string question) => Assert.Null(Terms.FindQuestion(question));

    [Theory]
    [InlineData("what does that word mean?", true)]
    [InlineData("What does that mean", true)]
    [InlineData("what do those words mean", true)]
    [InlineData("sorry, I don't understand those terms", true)]
    [InlineData("what does APR mean", false)]
    [InlineData("what happened to my card", false)]
    public void TellsAQuestionAboutTheLastAnswerFromOneAboutATerm(string question, bool aboutLastAnswer) =>
        Assert.Equal(aboutLastAnswer, Glossary.AsksAboutLastAnswer(question));

    [Fact]
    public void ExplanationGivesTheMeaningAnExampleAndRelatedTerms()
    {
        var text = Glossary.Explain(Terms.FindQuestion("what does APR mean")!);

        Assert.StartsWith("APR (annual percentage rate): The yearly cost of borrowing", text);
        Assert.Contains("For example:", text);
        Assert.Contains("Related terms: interest rate, APY, representative APR.", text);
    }
}
