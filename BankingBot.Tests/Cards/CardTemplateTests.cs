using BankingBot.Cards;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Cards;

public sealed class CardTemplateTests
{
    private static readonly string[] Expected =
    [
        "welcome-menu", "question", "support-answer", "did-you-mean", "glossary-entry", "lead-question",
        "lead-summary", "ticket-form", "ticket-confirmation", "ticket-status", "feedback-rating", "feedback-comment",
        "handover-notice", "staff-new-lead", "staff-ticket-queue", "staff-ticket-detail", "summary",
    ];

    [Fact]
    public void EveryCardTheBotShowsHasATemplate() =>
        Assert.Equal(Expected.Order(StringComparer.Ordinal), CardTemplates.Names);

    [Fact]
    public void ValuesAreBoundAndListsRepeated()
    {
        var card = CardTemplates.Bind("ticket-status", TemplateSamples.For("ticket-status"));

        Assert.Equal("Ticket TK-4K7Q-2MXA", (string?)card.SelectToken("$..columns[0].items[0].text"));
        var facts = card.SelectTokens("$..facts[*].title").Select(t => (string?)t).ToList();
        Assert.Equal(["Status", "Wednesday 2 December, 10:00", "Wednesday 2 December, 11:30"], facts);
        var unbound = card.Descendants().OfType<JValue>().Select(v => v.ToString())
            .Where(v => v.Contains("${", StringComparison.Ordinal) && !v.Contains("Sam", StringComparison.Ordinal));
        Assert.Empty(unbound);
    }

    [Fact]
    public void AnElementWhoseConditionIsFalseIsLeftOut()
    {
        var data = TemplateSamples.For("glossary-entry");
        data.Remove("example");

        var card = CardTemplates.Bind("glossary-entry", data);

        Assert.Equal(2, ((JArray)card["body"]!).Count);
    }

    [Fact]
    public void WhatACustomerTypedIsNeitherMarkdownNorTemplateSyntax()
    {
        var card = CardTemplates.Bind("staff-ticket-detail", TemplateSamples.For("staff-ticket-detail"));

        // In a TextRun (never read as Markdown) it stays exactly as typed, "${title}" included.
        var runs = card.SelectTokens("$..inlines[*].text").Select(t => (string?)t).ToList();
        Assert.Contains(TemplateSamples.Typed, runs);
        // In a fact (read as Markdown) every character that could start Markdown is escaped.
        var typedFact = card.SelectTokens("$..facts[*]").Single(f => (string?)f["title"] == "About");
        Assert.Equal("A payment", (string?)typedFact["value"]);
        var summary = CardTemplates.Bind("lead-summary", TemplateSamples.For("lead-summary"));
        var escaped = (string?)summary.SelectTokens("$..facts[*]").Single(f => (string?)f["title"] == "For")["value"];
        Assert.Equal(@"\*\*Sam\*\* \_Taylor\_ \[click\](http://example.test) \<b>hi\</b> ${title} \&amp;", escaped);
    }

    [Theory]
    [InlineData("New_York stays", "New_York stays")]
    [InlineData("- not a list", @"\- not a list")]
    [InlineData("1. not a list either", @"1\. not a list either")]
    [InlineData("# no heading", @"\# no heading")]
    [InlineData("> no quote", @"\> no quote")]
    [InlineData("plain words, 10:00 (Europe/London)", "plain words, 10:00 (Europe/London)")]
    public void MarkdownIsEscapedOnlyWhereItWouldAct(string typed, string expected) =>
        Assert.Equal(expected, CardText.Literal(typed));

    [Fact]
    public void TeamsGetsUniversalActionsWithASubmitFallbackAndSchemaOnePointFive()
    {
        var card = CardTemplates.Bind("question", TemplateSamples.For("question"), ChannelProfile.For("msteams"));

        Assert.Equal("1.5", (string?)card["version"]);
        var action = card["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal(CardAnswer.Verb, (string?)action["verb"]);
        Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
        Assert.Equal(action["data"]!.ToString(), action["fallback"]!["data"]!.ToString());
    }

    [Fact]
    public async Task EveryTemplateValidatesAndRendersInTheRealRendererForEachChannelVersion()
    {
        var cards = Expected.SelectMany(name => new[]
        {
            (name + ".webchat-1.6", "1.6", "webchat",
                CardTemplates.Bind(name, TemplateSamples.For(name), ChannelProfile.For("webchat"))),
            (name + ".teams-1.5", "1.5", "teams",
                CardTemplates.Bind(name, TemplateSamples.For(name), ChannelProfile.For("msteams"))),
        }).ToList();

        var results = await CardRendering.RenderAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        foreach (var (name, _, _, card) in cards)
        {
            var result = results[name];
            Assert.True(result["schemaErrors"]!.Count() == 0, $"{name}: {result["schemaErrors"]}");
            Assert.True(result["events"]!.Count() == 0, $"{name}: {result["events"]}");
            Assert.True(result["pageErrors"]!.Count() == 0, $"{name}: {result["pageErrors"]}");
            Assert.True((double)result["height"]! > 20, $"{name} rendered nothing");
            Assert.True(File.Exists((string)result["screenshot"]!), name);

            // Nothing typed became bold text, a link, a list or a heading; it is shown as typed.
            var markup = (JObject)result["markup"]!;
            Assert.True(markup.Properties().All(p => (int)p.Value == 0), $"{name}: {markup}");
            var text = (string)result["text"]!;
            if (card.ToString().Contains("Sam", StringComparison.Ordinal))
            {
                Assert.Contains(TemplateSamples.Typed, text, StringComparison.Ordinal);
            }

            // Every button the card holds is on screen (Teams may fold extra ones into its overflow menu).
            var titles = card.SelectTokens("$..actions[*].title").Select(t => (string)t!).ToList();
            Assert.All(titles.Take(6), title => Assert.Contains(title, result["buttons"]!.Select(b => (string)b!)));
        }
    }
}
