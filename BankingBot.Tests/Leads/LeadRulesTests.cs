using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Understanding;

namespace BankingBot.Tests.Leads;

public sealed class LeadRulesTests
{
    private static readonly string Knowledge = Path.Combine(AppContext.BaseDirectory, "Knowledge");
    private static readonly LeadProducts Products = LeadProducts.Load(Path.Combine(Knowledge, "lead-products.json"));
    private static readonly LeadScoring Scoring =
        LeadScoring.Load(Path.Combine(Knowledge, "lead-scoring.json"), Products);

    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("I'm interested in a mortgage", "mortgage")]
    [InlineData("I want a loan", "personal_loan")]
    [InlineData("do you have credit cards", "credit_card")]
    [InlineData("open a savings account", "savings")]
    [InlineData("Could you tell me about business accounts?", "business_account")]
    [InlineData("I'm thinking about remortgaging", "mortgage")]
    [InlineData("I need to borrow 5000 for a car", "personal_loan")]
    public void InterestInAProductGoesToTheLeadFlowWithTheProduct(string said, string product) =>
        Assert.Equal(new Route(Job.Lead, product), Router.Route(said));

    [Theory]
    [InlineData("I want to cancel my credit card")]
    [InlineData("I need to pay off my loan early")]
    [InlineData("my mortgage payment was taken twice")]
    [InlineData("what is a mortgage")]
    public void AMatterAboutAProductTheCustomerHasStaysWithSupport(string said) =>
        Assert.NotEqual(Job.Lead, Router.Route(said).Job);

    [Fact]
    public void AHotLeadSaysWhyItIsHot()
    {
        var lead = new Lead
        {
            Product = "mortgage", Amount = new Money(400_000, "GBP"), ExistingCustomer = true, Consent = true,
            Timeline = new LeadTimeline("next month", new DateOnly(2027, 1, 1)),
            Answers =
            [
                new("propertyValue", "Property value", QuestionKind.Amount, "500000", "500,000"),
                new("deposit", "Deposit", QuestionKind.Amount, "100000", "100,000"),
            ],
        };

        var score = Scoring.Score(lead, Today);

        Assert.Equal(85, score.Points);
        Assert.Equal(LeadTemperature.Hot, score.Temperature);
        Assert.Equal(
        [
            "+25 agreed to be contacted", "+20 wants to go ahead within three months", "+10 already banks with us",
            "+15 mortgage of 150,000 or more", "+15 deposit of at least 10% of the property value",
        ], score.Reasons);
    }

    [Fact]
    public void AnAnonymousUndecidedLeadIsColdAndNeverBelowZero()
    {
        var lead = new Lead
        {
            Product = "credit_card", Amount = new Money(1_000, null), Timeline = new("not sure", null),
        };

        var score = Scoring.Score(lead, Today);

        Assert.Equal((0, LeadTemperature.Cold), (score.Points, score.Temperature));
        Assert.Equal(["-5 has no time in mind yet"], score.Reasons);
    }

    [Fact]
    public void ASmallDepositEarnsNoDepositPoints()
    {
        var lead = new Lead
        {
            Product = "mortgage", Amount = new Money(100_000, null),
            Answers =
            [
                new("propertyValue", "Property value", QuestionKind.Amount, "200000", "200,000"),
                new("deposit", "Deposit", QuestionKind.Amount, "5000", "5,000"),
            ],
        };

        Assert.DoesNotContain(Scoring.Score(lead, Today).Reasons, reason => reason.Contains("deposit"));
    }

    [Fact]
    public void AScoringRuleWithAMisspeltFieldStopsTheStart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lead-scoring-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "thresholds": { "hot": 60, "warm": 30 },
              "rules": [ { "id": "r", "points": 5, "reason": "x",
                           "when": [ { "field": "depositt", "atLeast": 1 } ] } ] }
            """);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => LeadScoring.Load(path, Products));
            Assert.Contains("depositt", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ACatalogueButtonTitleTooLongForAChannelStopsTheStart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lead-products-{Guid.NewGuid():N}.json");
        var catalogue = File.ReadAllText(Path.Combine(Knowledge, "lead-products.json"))
            .Replace("\"Buying my first home\"", "\"Buying my very first home together\"", StringComparison.Ordinal);
        File.WriteAllText(path, catalogue);
        try
        {
            Assert.Throws<InvalidDataException>(() => LeadProducts.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("in three months", "2027-03-02")]
    [InlineData("next spring", "2027-03-01")]
    [InlineData("this winter", "2026-12-02")]
    [InlineData("15 March", "2027-03-15")]
    [InlineData("as soon as possible", "2026-12-02")]
    [InlineData("12months", "2027-12-02")]
    [InlineData("not sure", null)]
    [InlineData("just browsing", null)]
    public void ATimelineKeepsTheWordsAndTheDateTheyMean(string said, string? date)
    {
        var now = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

        var timeline = TimelinePrompt.Read(said, Today, now);

        Assert.NotNull(timeline);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            timeline.Date);
    }

    [Theory]
    [InlineData("https://northwind.example/loans?email=a%40b.example#top", "https://northwind.example/loans")]
    [InlineData("/savings/isa", "/savings/isa")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("<script>", null)]
    public void TheSourcePageKeepsNoQueryAndNothingThatIsNotAPage(string page, string? kept) =>
        Assert.Equal(kept, LeadSource.Clean(page));
}
