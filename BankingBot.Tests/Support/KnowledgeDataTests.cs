using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Support;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tests.Support;

public sealed class KnowledgeDataTests
{
    private static readonly string Knowledge = Path.Combine(AppContext.BaseDirectory, "Knowledge");

    private static readonly string[] Categories =
        ["cards", "payments", "transfers", "account", "security", "app", "other"];

    [Fact]
    public void KnowledgeBaseHasOneAnswerForEachOfThe77Intents()
    {
        var knowledge = LoadKnowledge();

        Assert.Equal(77, knowledge.Topics.Count);
        Assert.Equal(77, knowledge.Topics.Select(t => t.Intent).Distinct().Count());
        Assert.All(knowledge.Topics, t => Assert.Same(t, knowledge.Find(t.Intent)));
    }

    [Fact]
    public void EveryIntentTheModelKnowsHasAnAnswer()
    {
        var intents = IntentModel.Load(IntentClassifier.DefaultModelFolder).Manifest.Intents;

        Assert.Equal(intents.Order(), LoadKnowledge().Topics.Select(t => t.Intent).Order());
    }

    [Fact]
    public void AnswersCarryTheBanksOwnDetailsAndNoPlaceholders()
    {
        var bank = new BankProfile { Name = "Fabrikam Bank", AppName = "Fabrikam app" };
        var knowledge = KnowledgeBase.Load(Path.Combine(Knowledge, "support-topics.json"), bank, Categories);

        Assert.DoesNotContain(knowledge.Topics, t => t.Answer.Contains('{') || t.NextStep?.Offer.Contains('{') == true);
        Assert.Contains("Fabrikam app", knowledge.Find("card_arrival")!.Answer);
    }

    [Fact]
    public void LostCardTopicOffersAnUrgentCardsTicket()
    {
        var step = LoadKnowledge().Find("lost_or_stolen_card")!.NextStep!;

        Assert.Equal((NextStep.Ticket, "cards", "urgent"), (step.Kind, step.Category, step.Urgency));
    }

    [Fact]
    public void KnowledgeBaseRefusesATicketStepWithACategoryTheDeskDoesNotHave()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            KnowledgeBase.Load(Path.Combine(Knowledge, "support-topics.json"), new BankProfile(), ["account"]));

        Assert.Contains("is not one of the ticket desk's", error.Message);
    }

    [Fact]
    public void EveryRelatedGlossaryTermIsItselfInTheGlossary()
    {
        var glossary = Glossary.Load(Path.Combine(Knowledge, "glossary.json"));

        Assert.True(glossary.Entries.Count >= 80, $"The glossary has {glossary.Entries.Count} terms, fewer than 80.");
        Assert.All(glossary.Entries.SelectMany(e => e.Related), related => Assert.NotNull(glossary.Lookup(related)));
    }

    [Fact]
    public void EveryTermAnAnswerUsesIsExplainedInTheGlossary()
    {
        var glossary = Glossary.Load(Path.Combine(Knowledge, "glossary.json"));
        var terms = LoadKnowledge().Topics.SelectMany(topic => topic.Terms).Distinct();

        Assert.All(terms, term => Assert.True(glossary.Lookup(term) is not null, $"No glossary entry for '{term}'."));
    }

    private static KnowledgeBase LoadKnowledge() =>
        KnowledgeBase.Load(Path.Combine(Knowledge, "support-topics.json"), new BankProfile(), Categories);
}
