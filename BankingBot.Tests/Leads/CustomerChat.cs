using BankingBot.Tests.Conversations;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Leads;

/// <summary>
/// A customer talking to the bot one message at a time: what they type or tap, and what the bot said back,
/// so that a test can tap a button of the card it was just shown.
/// </summary>
public sealed class CustomerChat(BotHarness bot, TestAdapter? adapter = null)
{
    private readonly TestAdapter adapter = adapter ?? bot.Adapter;

    /// <summary>The customer's time zone as their channel sends it (IANA id), or null to send none.</summary>
    public string? TimeZone { get; init; } = "Europe/London";

    /// <summary>The id of the conversation the customer talks in.</summary>
    public string ConversationId => adapter.Conversation.Conversation.Id;

    /// <summary>The bot's replies to the last message.</summary>
    public IReadOnlyList<IActivity> Replies { get; private set; } = [];

    /// <summary>Everything the bot said to the last message, replies separated by " || ".</summary>
    public string Said => string.Join(" || ", Replies.Select(BotHarness.Said));

    /// <summary>Types a message and returns what the bot said.</summary>
    public Task<string> SayAsync(string text, JObject? channelData = null) =>
        SendAsync(new Activity(ActivityTypes.Message) { Text = text, ChannelData = channelData });

    /// <summary>Taps the button with this title on the latest card that has one.</summary>
    public Task<string> TapAsync(string title) =>
        SendAsync(new Activity(ActivityTypes.Message) { Value = DataOf(title) });

    /// <summary>The data the button with this title on the latest card sends.</summary>
    public JObject DataOf(string title)
    {
        var card = Replies.LastOrDefault(reply =>
                BotHarness.Said(reply).Contains($"[{title}]", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button '{title}' in: {Said}");
        return BotHarness.ButtonData(card, title);
    }

    /// <summary>Sends a card's data again, as a double click or a client retry would.</summary>
    public Task<string> ResendAsync(JObject data) =>
        SendAsync(new Activity(ActivityTypes.Message) { Value = data.DeepClone() });

    /// <summary>Sends an activity from the customer and collects the bot's replies.</summary>
    public async Task<string> SendAsync(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.LocalTimezone ??= TimeZone;
        await adapter.ProcessActivityAsync(activity, bot.Bot.OnTurnAsync);
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        Replies = replies;
        return Said;
    }
}
