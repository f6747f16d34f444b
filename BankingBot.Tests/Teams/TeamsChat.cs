using BankingBot.Cards;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// Someone in Microsoft Teams talking to the bot as Teams delivers it: in a 1:1 chat or a team channel, with the
/// tenant in the channel data, the user's Microsoft Entra object id, @mentions, and Universal Action invokes.
/// </summary>
public sealed class TeamsChat
{
    /// <summary>The bank's tenant.</summary>
    public const string Tenant = "tenant-northwind";

    /// <summary>An employee listed in Staff:UserIds.</summary>
    public const string StaffObjectId = "00000000-aaaa-4000-8000-000000000001";

    /// <summary>Another employee listed in Staff:UserIds.</summary>
    public const string OtherStaffObjectId = "00000000-aaaa-4000-8000-000000000002";

    /// <summary>The bot's name as Teams shows it in a mention.</summary>
    public const string BotName = "Northwind Bot";

    private readonly CustomerChat chat;
    private readonly ChannelAccount user;
    private readonly string tenant;
    private JObject? lastCard;

    private TeamsChat(BotHarness bot, ChannelAccount user, string tenant)
    {
        Bot = bot;
        this.user = user;
        this.tenant = tenant;
        chat = new CustomerChat(bot);
    }

    /// <summary>The bot this chat talks to.</summary>
    public BotHarness Bot { get; }

    /// <summary>What the bot said to the last message or click.</summary>
    public string Said => chat.Said;

    /// <summary>The bot's replies to the last message or click.</summary>
    public IReadOnlyList<IActivity> Replies => chat.Replies;

    /// <summary>Settings that make <see cref="StaffObjectId"/> and <see cref="OtherStaffObjectId"/> staff.</summary>
    public static Dictionary<string, string?> StaffSettings(string? standInUrl = null) => new()
    {
        ["Staff:TenantId"] = Tenant,
        ["Staff:UserIds:0"] = StaffObjectId,
        ["Staff:UserIds:1"] = OtherStaffObjectId,
        ["Teams:SalesChannel:ConversationId"] = standInUrl is null ? "" : "19:sales@thread.tacv2",
        ["Teams:SalesChannel:ServiceUrl"] = standInUrl ?? "",
        ["Teams:SalesChannel:TenantId"] = Tenant,
        ["Teams:ServiceChannel:ConversationId"] = standInUrl is null ? "" : "19:service@thread.tacv2",
        ["Teams:ServiceChannel:ServiceUrl"] = standInUrl ?? "",
        ["Teams:ServiceChannel:TenantId"] = Tenant,
    };

    /// <summary>
    /// A person in Teams: in a 1:1 chat, or in a team channel's thread when <paramref name="channelThread"/> is given
    /// (a group chat with that id when <paramref name="groupChat"/> is set).
    /// </summary>
    public static TeamsChat Open(IDocumentStore store, string objectId = StaffObjectId, string name = "Megan Bowen",
        string tenant = Tenant, string? channelThread = null, string? serviceUrl = null, DateTimeOffset? now = null,
        bool groupChat = false)
    {
        var conversation = channelThread ?? "a:1on1-" + Guid.NewGuid().ToString("N");
        var bot = BotHarness.Create(now: now, settings: StaffSettings(serviceUrl), channel: Channels.Msteams,
            user: "29:" + objectId, conversationId: conversation, store: store);
        bot.Adapter.Conversation.Conversation = new ConversationAccount(isGroup: channelThread is not null,
            conversationType: channelThread is null ? "personal" : groupChat ? "groupChat" : "channel",
            id: conversation, tenantId: tenant);
        bot.Adapter.Conversation.Bot = new ChannelAccount("28:bankingbot", BotName);
        if (serviceUrl is not null)
        {
            bot.Adapter.Conversation.ServiceUrl = serviceUrl;
        }

        return new TeamsChat(bot, new ChannelAccount("29:" + objectId, name) { AadObjectId = objectId }, tenant);
    }

    /// <summary>Types a message; in a channel it starts with the bot's @mention as Teams sends it.</summary>
    public Task<string> SayAsync(string text, bool mentionHasText = true)
    {
        var message = Teams(new Activity(ActivityTypes.Message) { Text = text });
        if (message.Conversation.IsGroup == true)
        {
            var tag = $"<at>{BotName}</at>";
            message.Text = $"{tag} {text}";
            var mention = new JObject
            {
                ["mentioned"] = new JObject { ["id"] = "28:bankingbot", ["name"] = BotName },
            };
            if (mentionHasText)
            {
                mention["text"] = tag;
            }

            message.Entities = [new Entity("mention") { Properties = mention }];
        }

        lastCard = null;
        return chat.SendAsync(message);
    }

    /// <summary>Clicks an Action.Execute button; returns the card shown in its place and what was said.</summary>
    public async Task<(JObject? Card, string Said)> ClickAsync(string title, JObject? inputs = null)
    {
        var data = (JObject)DataOf(title).DeepClone();
        foreach (var (name, value) in inputs ?? [])
        {
            data[name] = value;
        }

        return await InvokeAsync(data);
    }

    /// <summary>Sends an adaptiveCard/action invoke with this data.</summary>
    public async Task<(JObject? Card, string Said)> InvokeAsync(JObject data)
    {
        var invoke = Teams(new Activity(ActivityTypes.Invoke)
        {
            Name = UniversalActions.InvokeName,
            Value = new JObject
            {
                ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = CardAnswer.Verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        });
        var said = await chat.SendAsync(invoke);
        var response = chat.Replies.Single(r => r.Type == ActivityTypesEx.InvokeResponse);
        var body = JObject.FromObject(((InvokeResponse)((Activity)response).Value).Body);
        var card = body["value"] as JObject;
        lastCard = card;
        var cardSaid = card is null ? (string?)body["value"] : BotHarness.Said(CardMessage(card));
        return (card, said + " || " + cardSaid);
    }

    /// <summary>
    /// The data of the button with this title: on the card the last click put in place, else on the latest card
    /// the bot sent.
    /// </summary>
    public JObject DataOf(string title) =>
        lastCard?.SelectToken($"actions[?(@.title == '{title}')].data") as JObject ?? chat.DataOf(title);

    /// <summary>What a card says, as <see cref="BotHarness.Said"/> reads a message.</summary>
    public static string SaidBy(JObject card) => BotHarness.Said(CardMessage(card));

    /// <summary>A card as a message, for reading it.</summary>
    public static IActivity CardMessage(JObject card) => new Activity(ActivityTypes.Message)
    {
        Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: card)],
    };

    private Activity Teams(Activity activity)
    {
        // A fresh account each time: code that keeps a conversation reference may clear the name on it.
        activity.From = new ChannelAccount(user.Id, user.Name) { AadObjectId = user.AadObjectId };
        activity.ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = tenant } };
        activity.Conversation = Bot.Adapter.Conversation.Conversation;
        return activity;
    }
}
