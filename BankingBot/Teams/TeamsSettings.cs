using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BankingBot.Teams;

/// <summary>
/// A Teams channel the bot posts to without being asked: the channel's conversation id (from the channel's link,
/// <c>19:…@thread.tacv2</c>), the service URL Teams gave the bot for that tenant, and the tenant.
/// </summary>
public sealed class StaffChannelSettings
{
    /// <summary>The channel's conversation id; empty: nothing is posted.</summary>
    public string ConversationId { get; set; } = string.Empty;

    /// <summary>The Teams service URL, such as https://smba.trafficmanager.net/emea/.</summary>
    public string ServiceUrl { get; set; } = string.Empty;

    /// <summary>The bank's tenant id.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>True when a channel is configured.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(ConversationId) && !string.IsNullOrWhiteSpace(ServiceUrl);

    /// <summary>Where to post: the channel as a conversation reference.</summary>
    public ConversationReference Reference(string? botAppId) => new()
    {
        ChannelId = Channels.Msteams,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: ConversationId,
            tenantId: TenantId),
        Bot = new ChannelAccount(id: string.IsNullOrEmpty(botAppId) ? "bankingbot" : "28:" + botAppId),
    };
}

/// <summary>Settings of the section "Teams": the staff channels and the hand-over and delivery timings.</summary>
public sealed class TeamsSettings
{
    /// <summary>Where new leads are posted.</summary>
    public StaffChannelSettings SalesChannel { get; set; } = new();

    /// <summary>Where hand-over requests are posted; the sales channel when not configured.</summary>
    public StaffChannelSettings ServiceChannel { get; set; } = new();

    /// <summary>
    /// How long a hand-over request waits (counted from the bank's next opening) before it becomes a ticket.
    /// </summary>
    public TimeSpan HandoverAcceptWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often pending lead notices and hand-over requests are looked for.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The bot's app id (MicrosoftAppId), which it sends as; empty when authentication is off.</summary>
    public string BotAppId { get; set; } = string.Empty;

    /// <summary>The channel for hand-over requests.</summary>
    public StaffChannelSettings HandoverChannel => ServiceChannel.Configured ? ServiceChannel : SalesChannel;
}
