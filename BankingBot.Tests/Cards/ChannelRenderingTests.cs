using BankingBot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Cards;

public sealed class ChannelRenderingTests
{
    private static readonly ReplyRenderer Renderer = new();

    private static readonly ChannelProfile WebChat = ChannelProfile.For("webchat");
    private static readonly ChannelProfile Teams = ChannelProfile.For("msteams");
    private static readonly ChannelProfile TeamsChannel = ChannelProfile.For("msteams", isGroupConversation: true);
    private static readonly ChannelProfile Messenger = ChannelProfile.For("facebook");
    private static readonly ChannelProfile Sms = ChannelProfile.For("sms");

    private static readonly QuestionReply Category = new("What is it about?",
        Options("A card", "A payment", "A transfer", "My account", "Fraud or security", "The app or website",
            "Something else"), "p1");

    private static readonly QuestionReply YesNo = new("Shall I let you know here?", Options("Yes", "No"), "p2");

    private static readonly FormReply Ticket = new("I'll open a support ticket. What is it about?",
    [
        new FormField("category", "What is it about?", FormFieldKind.Choice)
        {
            Choices = Options("A card", "A payment"),
        },
        new FormField("description", "What happened, and when?", FormFieldKind.Text),
        new FormField("updates", "Shall I let you know here?", FormFieldKind.YesNo),
    ], "p3", "ticket-form");

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public void WebChatDirectLineAndEmulatorGetSchemaOnePointSixWithSubmitButtons(string channelId)
    {
        var card = CardOf(Renderer.Render(Category, ChannelProfile.For(channelId)).Single());

        Assert.Equal("1.6", (string?)card["version"]);
        Assert.Equal("What is it about?", (string?)card["body"]![0]!["text"]);
        var actions = card["actions"]!.ToList();
        Assert.Equal(7, actions.Count);
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.Equal(new JObject { ["promptId"] = "p1", ["answer"] = "A payment" }.ToString(),
            actions[1]["data"]!.ToString());
    }

    [Fact]
    public void TeamsGetsSchemaOnePointFiveWithUniversalActionsAndASubmitFallback()
    {
        var card = CardOf(Renderer.Render(Category, Teams).Single());

        Assert.Equal("1.5", (string?)card["version"]);
        Assert.All(card["actions"]!, action =>
        {
            Assert.Equal("Action.Execute", (string?)action["type"]);
            Assert.Equal("answer", (string?)action["verb"]);
            Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
        });
        Assert.DoesNotContain("Action.Submit\"", card["body"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TeamsShowsSuggestedActionsOnlyInOneToOneChatsAndAtMostThree()
    {
        var personal = Renderer.Render(YesNo, Teams).Single();
        Assert.Equal(["Yes", "No"], personal.SuggestedActions.Actions.Select(a => a.Title));
        Assert.All(personal.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.MessageBack, a.Type));
        Assert.Equal("p2", ((JObject)personal.SuggestedActions.Actions[0].Value)["promptId"]!.ToString());

        var inChannel = Renderer.Render(YesNo, TeamsChannel).Single();
        Assert.Null(inChannel.SuggestedActions);
        Assert.Equal("Action.Execute", (string?)CardOf(inChannel)["actions"]![0]!["type"]);

        var four = new QuestionReply("How urgent is it?", Options("Low", "Normal", "High", "Very urgent"), "p4");
        Assert.Null(Renderer.Render(four, Teams).Single().SuggestedActions);
    }

    [Fact]
    public void MessengerGetsQuickRepliesWithShortTitlesAndPayloads()
    {
        var message = Renderer.Render(Category, Messenger).Single();

        Assert.Empty(message.Attachments ?? []);
        var replies = message.SuggestedActions.Actions;
        Assert.Equal(7, replies.Count);
        Assert.All(replies, r => Assert.True(r.Title.Length <= 20, r.Title));
        Assert.Equal("Fraud or security", replies[4].Title);
        var payload = JObject.Parse((string)replies[1].Value);
        Assert.Equal("p1", (string?)payload["promptId"]);
        Assert.Equal("A payment", (string?)payload["answer"]);

        var longTitle = new QuestionReply("Which?", Options("A very long option title indeed"), "p5");
        Assert.Equal("A very long option …", Renderer.Render(longTitle, Messenger).Single().SuggestedActions
            .Actions[0].Title);
    }

    [Fact]
    public void MessengerNumbersMoreThanTenChoicesSoTheyCanBeAnsweredByNumber()
    {
        var many = new QuestionReply("Which branch?", Options(Enumerable.Range(1, 11).Select(i => $"Branch {i}")
            .ToArray()), "p6");

        var message = Renderer.Render(many, Messenger).Single();

        Assert.Null(message.SuggestedActions);
        Assert.Contains("\n11. Branch 11", message.Text, StringComparison.Ordinal);
        var ten = new QuestionReply("Which?", Options(Enumerable.Range(1, 10).Select(i => $"B{i}").ToArray()), "p7");
        Assert.Equal(10, Renderer.Render(ten, Messenger).Single().SuggestedActions.Actions.Count);
    }

    [Fact]
    public void MessengerSplitsLongTextSoNothingIsCut()
    {
        var words = string.Join(" ", Enumerable.Range(1, 400).Select(i => $"word{i}"));

        var bubbles = Renderer.Render(new TextReply(words), Messenger);

        Assert.True(bubbles.Count >= 4);
        Assert.All(bubbles, b => Assert.True(b.Text.Length <= 640, $"{b.Text.Length} characters"));
        Assert.Equal(words, string.Join(" ", bubbles.Select(b => b.Text)));
    }

    [Fact]
    public void MessengerShowsFollowUpActionsAsAHeroCardWithAtMostThreeButtons()
    {
        var answer = new CardReply("support-answer", new JObject { ["answer"] = "Cards arrive in 5 days." },
            "Cards arrive in 5 days.") { Actions = Options("Open a ticket", "Talk to a person", "Thanks"),
            PromptId = "p8" };

        var hero = (HeroCard)Renderer.Render(answer, Messenger).Single().Attachments.Single().Content;

        Assert.Equal("Cards arrive in 5 days.", hero.Text);
        Assert.Equal(3, hero.Buttons.Count);
        Assert.All(hero.Buttons, b => Assert.Equal(ActionTypes.PostBack, b.Type));
        var four = answer with { Actions = Options("A", "B", "C", "D") };
        var message = Renderer.Render(four, Messenger).Single();
        Assert.Empty(message.Attachments ?? []);
        Assert.Equal(4, message.SuggestedActions.Actions.Count);
    }

    [Fact]
    public void AFormIsOneCardWhereCardsExistAndItsFirstFieldElsewhere()
    {
        var card = CardOf(Renderer.Render(Ticket, WebChat).Single());
        Assert.Equal(["description", "updates"], card.SelectTokens("$..body[*].items[*].id").Select(t => (string)t!));
        Assert.Equal(["A card", "A payment"], card["actions"]!.Select(a => (string)a["title"]!));

        var messenger = Renderer.Render(Ticket, Messenger).Single();
        Assert.Equal("I'll open a support ticket. What is it about?", messenger.Text);
        Assert.Equal(["A card", "A payment"], messenger.SuggestedActions.Actions.Select(a => a.Title));

        var text = Renderer.Render(Ticket, Sms).Single().Text;
        Assert.Equal("I'll open a support ticket. What is it about?\n\n1. A card\n2. A payment", text);
        Assert.DoesNotContain("What happened", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormWhoseFirstFieldIsTypedHasASendButtonThatGathersTheInputs()
    {
        var rest = Ticket with { Question = "What happened, and when?", Fields = Ticket.Fields.Skip(1).ToList() };

        var card = CardOf(Renderer.Render(rest, WebChat).Single());

        var send = card["actions"]!.Single();
        Assert.Equal("Send", (string?)send["title"]);
        Assert.Equal("auto", (string?)send["associatedInputs"]);
        Assert.Equal(new JObject { ["promptId"] = "p3" }.ToString(), send["data"]!.ToString());
    }

    [Fact]
    public void OtherChannelsGetNumberedTextAndPlainSummaries()
    {
        Assert.Equal("What is it about?\n\n1. A card\n2. A payment\n3. A transfer\n4. My account\n" +
            "5. Fraud or security\n6. The app or website\n7. Something else",
            Renderer.Render(Category, Sms).Single().Text);

        var summary = new SummaryReply("Your ticket number is TK-1", [new BankingBot.Cards.Fact("About", "A card")],
            "Keep it.");
        Assert.Equal("Your ticket number is TK-1\n\nAbout: A card\n\nKeep it.",
            Renderer.Render(summary, Sms).Single().Text);
    }

    [Fact]
    public void NoChannelGetsMoreSuggestedActionsOrButtonsThanItShows()
    {
        var big = new QuestionReply("Pick", Options(Enumerable.Range(1, 60).Select(i => $"O{i}").ToArray()), "p9");
        foreach (var channel in new[] { WebChat, Teams, TeamsChannel, Messenger, Sms })
        {
            foreach (var message in Renderer.Render(big, channel).Concat(Renderer.Render(YesNo, channel)))
            {
                Assert.True((message.SuggestedActions?.Actions.Count ?? 0) <= channel.MaxSuggestedActions,
                    channel.ChannelId);
                var buttons = message.Attachments?.Select(a => a.Content).OfType<JObject>()
                    .Sum(c => c["actions"]?.Count() ?? 0) ?? 0;
                Assert.True(buttons <= channel.MaxCardButtons, channel.ChannelId);
            }
        }
    }

    private static JObject CardOf(IMessageActivity message)
    {
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return (JObject)attachment.Content;
    }

    private static List<ChoiceOption> Options(params string[] titles) =>
        titles.Select(t => new ChoiceOption(t, t)).ToList();
}
