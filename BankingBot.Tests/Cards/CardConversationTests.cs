using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Cards;

/// <summary>
/// The ticket flow answered the way each channel delivers a click: a Web Chat card submit (a value and no text),
/// a Teams Universal Action (an adaptiveCard/action invoke answered with the next card in place), and a Messenger
/// quick-reply payload. Old cards and second clicks change nothing.
/// </summary>
public sealed class CardConversationTests
{
    private const string Description = "A card payment at the bakery was taken twice yesterday";

    [Fact]
    public async Task WebChatCustomerOpensATicketByCardSubmits()
    {
        await using var bot = BotHarness.Create(channel: "webchat");
        var chat = new CustomerChat(bot);

        Assert.Contains("What is it about?", await chat.SayAsync("I want to open a ticket"));
        var category = chat.DataOf("A payment");
        Assert.Contains("describe the problem", await chat.TapAsync("A payment"));
        Assert.Contains("How urgent is it?", await chat.SayAsync(Description));
        var urgency = chat.DataOf("Quite urgent");
        Assert.Contains("let you know here", await chat.TapAsync("Quite urgent"));

        // A second click on the urgency card, and the category card again: both refused, nothing moves on.
        Assert.Contains("already answered", await chat.ResendAsync(urgency));
        Assert.Contains("let you know here", chat.Said);
        Assert.Contains("already answered", await chat.ResendAsync(category));

        var said = await FinishAsync(chat, () => chat.TapAsync("Yes"));
        var ticket = await bot.Get<TicketDesk>().FindAsync(TicketNumbers.Find(said)!);
        Assert.Equal(("payments", "high", true), (ticket!.Category, ticket.Urgency, ticket.NotifyOnChange));
        Assert.Equal(Description, ticket.Description);

        Assert.Contains("already answered", await chat.ResendAsync(urgency));
        Assert.Equal(1, await TicketCountAsync(bot));
    }

    [Fact]
    public async Task TeamsCustomerOpensATicketByUniversalActionsAnsweredWithTheNextCardInPlace()
    {
        await using var bot = BotHarness.Create(channel: "msteams");
        var chat = new CustomerChat(bot);

        await chat.SayAsync("hello");
        var menu = await chat.SayAsync("menu");
        Assert.Contains("[Report a problem]", menu);
        Assert.Equal("Action.Execute", (string?)CardOf(chat.Replies[^1])["actions"]![0]!["type"]);

        // The menu click is answered with the category card, which Teams puts where the menu was.
        var (inPlace, _) = await InvokeAsync(chat, chat.DataOf("Report a problem"));
        var categoryCard = (JObject)inPlace["value"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)inPlace["type"]);
        Assert.Equal("1.5", (string?)categoryCard["version"]);
        Assert.Contains("What is it about?", (string?)categoryCard["body"]![0]!["text"]);
        var payment = Data(categoryCard, "A payment");

        var (_, replies) = await InvokeAsync(chat, payment);
        Assert.Contains("describe the problem", replies);
        await chat.SayAsync(Description);
        var urgencyCard = CardOf(chat.Replies.Last(r => r.AsMessageActivity()?.Attachments?.Count > 0));
        var (confirmIn, confirm) = await InvokeAsync(chat, Data(urgencyCard, "Very urgent"));
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)confirmIn["type"]);

        // The yes/no question comes as suggested actions in a 1:1 chat; a tap is a messageBack with the data.
        Assert.Contains("let you know here", confirm);
        var yes = chat.Replies.Select(r => r.AsMessageActivity()?.SuggestedActions).OfType<SuggestedActions>()
            .Single().Actions.Single(a => a.Title == "Yes");
        var said = await FinishAsync(chat, () => chat.SendAsync(new Activity(ActivityTypes.Message)
        {
            Text = yes.Text, Value = yes.Value,
        }));

        var ticket = await bot.Get<TicketDesk>().FindAsync(TicketNumbers.Find(said)!);
        Assert.Equal(("payments", "urgent"), (ticket!.Category, ticket.Urgency));

        // Clicking the old category card again (a double click on Teams) changes nothing.
        var (again, againSaid) = await InvokeAsync(chat, payment);
        Assert.Contains("already answered", againSaid);
        Assert.Equal(1, await TicketCountAsync(bot));
        Assert.NotNull(again);
    }

    [Fact]
    public async Task MessengerCustomerOpensATicketByQuickReplies()
    {
        await using var bot = BotHarness.Create(channel: "facebook");
        var chat = new CustomerChat(bot);

        Assert.Contains("[A payment]", await chat.SayAsync("I want to open a ticket"));
        Assert.All(chat.Replies, r => Assert.Empty(r.AsMessageActivity().Attachments ?? []));
        var payment = QuickReply(chat, "A payment");
        Assert.Contains("describe the problem", await TapQuickReplyAsync(chat, payment));
        Assert.Contains("How urgent is it?", await chat.SayAsync(Description));
        Assert.Contains("let you know here", await TapQuickReplyAsync(chat, QuickReply(chat, "It can wait")));
        var said = await FinishAsync(chat, () => TapQuickReplyAsync(chat, QuickReply(chat, "No")));

        var ticket = await bot.Get<TicketDesk>().FindAsync(TicketNumbers.Find(said)!);
        Assert.Equal(("payments", "low", false), (ticket!.Category, ticket.Urgency, ticket.NotifyOnChange));

        Assert.Contains("already answered", await TapQuickReplyAsync(chat, payment));
        Assert.Equal(1, await TicketCountAsync(bot));
    }

    [Fact]
    public async Task AnotherChannelAnswersNumberedOptionsByNumber()
    {
        await using var bot = BotHarness.Create(channel: "sms");
        var chat = new CustomerChat(bot);

        var asked = await chat.SayAsync("I want to open a ticket");
        Assert.Contains("\n2. A payment", asked);
        Assert.Contains("describe the problem", await chat.SayAsync("2"));
    }

    // The ticket's last questions: updates (answered by the caller's click) and, where the flow asks it, an e-mail.
    private static async Task<string> FinishAsync(CustomerChat chat, Func<Task<string>> answerUpdates)
    {
        var said = await answerUpdates();
        if (said.Contains("e-mail address", StringComparison.Ordinal))
        {
            said = await chat.SayAsync("skip");
        }

        Assert.NotNull(TicketNumbers.Find(said));
        return said;
    }

    private static async Task<(JObject Body, string Said)> InvokeAsync(CustomerChat chat, JObject data)
    {
        var invoke = new Activity(ActivityTypes.Invoke)
        {
            Name = UniversalActions.InvokeName,
            Value = new JObject
            {
                ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = CardAnswer.Verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        };
        var said = await chat.SendAsync(invoke);
        var response = chat.Replies.Single(r => r.Type == ActivityTypesEx.InvokeResponse);
        var body = JObject.FromObject(((InvokeResponse)((Activity)response).Value).Body);
        Assert.Equal(200, (int)body["statusCode"]!);
        var cardSaid = body["value"] is JObject card ? BotHarness.Said(CardMessage(card)) : (string?)body["value"];
        return (body, said + " || " + cardSaid);
    }

    private static IActivity CardMessage(JObject card) => new Activity(ActivityTypes.Message)
    {
        Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: card)],
    };

    private static JObject CardOf(IActivity reply) => (JObject)reply.AsMessageActivity().Attachments[0].Content;

    private static JObject Data(JObject card, string title) =>
        (JObject)card["actions"]!.Single(a => (string?)a["title"] == title)["data"]!;

    private static CardAction QuickReply(CustomerChat chat, string title) => chat.Replies
        .Select(r => r.AsMessageActivity()?.SuggestedActions).OfType<SuggestedActions>()
        .SelectMany(s => s.Actions).Single(a => a.Title == title);

    // What Messenger sends for a tapped quick reply: the title as text, the payload in the raw event.
    private static Task<string> TapQuickReplyAsync(CustomerChat chat, CardAction quickReply) =>
        chat.SendAsync(new Activity(ActivityTypes.Message)
        {
            Text = quickReply.Title,
            ChannelData = new JObject
            {
                ["sender"] = new JObject { ["id"] = "psid-1" },
                ["message"] = new JObject
                {
                    ["mid"] = "m_" + Guid.NewGuid().ToString("N"), ["text"] = quickReply.Title,
                    ["quick_reply"] = new JObject { ["payload"] = (string)quickReply.Value },
                },
            },
        });

    private static async Task<int> TicketCountAsync(BotHarness bot)
    {
        var count = 0;
        await foreach (var key in bot.Get<IDocumentStore>().ListKeysAsync("tickets/"))
        {
            count++;
        }

        return count;
    }
}
