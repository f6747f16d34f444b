using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Teams;

/// <summary>
/// In a Teams channel or group chat the bot hears a message only when @mentioned, and the text then starts with
/// <c>&lt;at&gt;Bot name&lt;/at&gt;</c>. The mention is taken out before anything reads the text.
/// </summary>
public static partial class TeamsMentions
{
    /// <summary>Removes the bot's mentions from a Teams message's text; other channels are left alone.</summary>
    public static void StripBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId != Channels.Msteams || activity.Type != ActivityTypes.Message
            || string.IsNullOrEmpty(activity.Text))
        {
            return;
        }

        var text = activity.Text;
        var botMentions = (activity.Entities ?? []).Where(e => e.Type == "mention")
            .Select(e => e.Properties ?? new JObject())
            .Where(p => (string?)p.SelectToken("mentioned.id") == activity.Recipient?.Id).ToList();
        foreach (var mention in botMentions)
        {
            // A mention entity can lack its text: then its <at> tag is found by the bot's name.
            var tag = (string?)mention["text"];
            var name = (string?)mention.SelectToken("mentioned.name") ?? activity.Recipient?.Name;
            text = !string.IsNullOrEmpty(tag) && text.Contains(tag, StringComparison.Ordinal)
                ? text.Replace(tag, " ", StringComparison.Ordinal)
                : RemoveTagsNamed(text, name);
        }

        if (botMentions.Count == 0 && activity.Conversation?.IsGroup == true)
        {
            // A channel message reaches the bot only when it is mentioned: a leading tag is the bot's.
            text = LeadingTag().Replace(text, " ");
        }

        activity.Text = Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    private static string RemoveTagsNamed(string text, string? name) => AtTag().Replace(text, match =>
        name is null || WebUtility.HtmlDecode(match.Groups["name"].Value).Trim() == name.Trim() ? " " : match.Value);

    [GeneratedRegex(@"<at>(?<name>[^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"^\s*<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingTag();

    [GeneratedRegex(@"[\s\u00a0]+")]
    private static partial Regex Spaces();
}
