using Microsoft.Bot.Schema;

namespace BankingBot.Cards;

/// <summary>
/// Turns what a flow wants to show into activities that look right on the customer's channel: Adaptive Cards
/// from the templates where the channel has them, quick replies and hero cards on Messenger, numbered text
/// elsewhere. Flows never look at the channel themselves.
/// </summary>
public sealed class ReplyRenderer
{
    /// <summary>Renders one reply for the given channel.</summary>
    public IReadOnlyList<IMessageActivity> Render(Reply reply, ChannelProfile channel)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(channel);
        if (reply is FormReply { Fields.Count: 0 })
        {
            throw new ArgumentException("A form needs at least one field.", nameof(reply));
        }

        return channel.Style switch
        {
            ReplyStyle.AdaptiveCards or ReplyStyle.TeamsCards => AdaptiveCardRenderer.Render(reply, channel),
            ReplyStyle.QuickReplies => MessengerRenderer.Render(reply, channel),
            _ => NumberedTextRenderer.Render(reply),
        };
    }

    /// <summary>A title cut to what every channel shows, with an ellipsis when cut.</summary>
    public static string ShortTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.Length <= ChannelProfile.MaxTitleLength
            ? title
            : title[..(ChannelProfile.MaxTitleLength - 1)] + "…";
    }
}
