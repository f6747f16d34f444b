using System.Globalization;
using BankingBot.Dialogs.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Flows;

/// <summary>Who the customer of a turn is, and how to reach them later, without keeping their name.</summary>
public static class Customer
{
    /// <summary>
    /// A stable id for the person behind the activity on its channel: a hash of channel and channel user id.
    /// The same person on another channel is another id; they prove who they are there by e-mail.
    /// </summary>
    public static string IdOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return KeyHash.Of($"{activity.ChannelId}/{activity.From?.Id}");
    }

    /// <summary>The conversation reference to send later messages to, as JSON.</summary>
    public static JObject ReferenceOf(IActivity activity)
    {
        // The reference carries the channel's display name of the user; the bot needs only the ids.
        var reference = ((Activity)activity).GetConversationReference();
        if (reference.User is { } user)
        {
            // A copy: the reference shares the account object with the turn's own activity.
            reference.User = new ChannelAccount(user.Id, null, user.Role, user.AadObjectId);
        }

        return JObject.FromObject(reference);
    }

    /// <summary>A time as the customer reads it: "Monday 7 December, 12:30 (Europe/Berlin)".</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var text = local.ToString("dddd d MMMM, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        return $"{text} ({zone.Id})";
    }
}
