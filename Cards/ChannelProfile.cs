namespace BankingBot.Cards;

/// <summary>How a reply can be shown on one channel.</summary>
public enum ReplyStyle
{
    /// <summary>Adaptive Cards with Action.Submit (Web Chat, Direct Line, Emulator).</summary>
    AdaptiveCards,

    /// <summary>Adaptive Cards up to 1.5 with Universal Actions (Microsoft Teams).</summary>
    TeamsCards,

    /// <summary>Quick replies and hero cards, no Adaptive Cards (Facebook Messenger).</summary>
    QuickReplies,

    /// <summary>Text only, with numbered options.</summary>
    NumberedText,
}

/// <summary>What one channel can show, looked up by its channel id.</summary>
public sealed record ChannelProfile(string ChannelId, ReplyStyle Style, int MaxSuggestedActions, int MaxCardButtons)
{
    /// <summary>Most characters a button or quick-reply title shows on any channel.</summary>
    public const int MaxTitleLength = 20;

    /// <summary>The newest Adaptive Card schema the channel renders; null when it shows none.</summary>
    public string? CardVersion => Style switch
    {
        ReplyStyle.AdaptiveCards => "1.6",
        ReplyStyle.TeamsCards => "1.5",
        _ => null,
    };

    /// <summary>The profile for a channel id; unknown channels get numbered text.</summary>
    public static ChannelProfile For(string? channelId, bool isGroupConversation = false) => channelId switch
    {
        "webchat" or "directline" or "emulator" or "test" => new(channelId, ReplyStyle.AdaptiveCards, 100, 100),
        "msteams" => new(channelId, ReplyStyle.TeamsCards, isGroupConversation ? 0 : 3, 50),
        "facebook" => new(channelId, ReplyStyle.QuickReplies, 10, 3),
        _ => new(channelId ?? "unknown", ReplyStyle.NumberedText, 0, 0),
    };
}
