using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BankingBot.Bots;

/// <summary>
/// A message or invoke the bot handled, with the replies it got as one compact JSON array: kept as a string, the
/// replies cost the conversation's state one value instead of a tree of hundreds of tokens on every load and save.
/// </summary>
public sealed record HandledActivity(
    [property: JsonProperty("key")] string Key,
    [property: JsonProperty("sent")] string Sent);

/// <summary>
/// The last messages and invokes a conversation's turns handled, with their replies, kept with the conversation's
/// state. A channel or client that sends an activity again (a retry after a lost reply, a double delivery) gets
/// the same replies again and nothing is done twice, on any instance and after a restart.
/// </summary>
internal sealed class HandledActivities(ConversationState conversationState)
{
    // Channels retry an activity within seconds of sending it, so only the latest few can come again.
    private const int Remembered = 4;

    private static readonly JsonSerializerSettings Compact = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.None,
        ContractResolver = new WithoutAddresses(),
    };

    private readonly IStatePropertyAccessor<List<HandledActivity>> accessor =
        conversationState.CreateProperty<List<HandledActivity>>("handledActivities");

    /// <summary>The replies the activity got the first time, or null when it is new.</summary>
    public async Task<IReadOnlyList<Activity>?> EarlierRepliesAsync(ITurnContext turn, CancellationToken cancel)
    {
        if (KeyOf(turn.Activity) is not { } key)
        {
            return null;
        }

        var handled = await accessor.GetAsync(turn, () => [], cancel);
        await accessor.SetAsync(turn, handled, cancel);
        if (handled.FirstOrDefault(h => h.Key == key && h.Sent is not null) is not { } earlier)
        {
            return null;
        }

        // Addressed again as the first time: the activity is the same one, so is its conversation reference.
        var replies = JsonConvert.DeserializeObject<List<Activity>>(earlier.Sent, Compact) ?? [];
        var reference = turn.Activity.GetConversationReference();
        replies.ForEach(reply => reply.ApplyConversationReference(reference));
        return replies;
    }

    /// <summary>Remembers the turn's activity with the replies it is about to send.</summary>
    public async Task RememberAsync(ITurnContext turn, IEnumerable<Activity> replies, CancellationToken cancel)
    {
        if (KeyOf(turn.Activity) is not { } key)
        {
            return;
        }

        var handled = await accessor.GetAsync(turn, () => [], cancel);
        // Entries of an earlier version (replies as a tree, no "sent") cannot be replayed and make way first.
        handled.RemoveAll(h => h.Sent is null);
        if (handled.Any(h => h.Key == key))
        {
            return;
        }

        var messages = replies.Where(r => r.Type == ActivityTypes.Message).ToList();
        handled.Add(new HandledActivity(key, JsonConvert.SerializeObject(messages, Compact)));
        if (handled.Count > Remembered)
        {
            handled.RemoveRange(0, handled.Count - Remembered);
        }

        await accessor.SetAsync(turn, handled, cancel);
    }

    // Ids are unique per conversation; the sender is part of the key for group chats of several people.
    private static string? KeyOf(IActivity activity) =>
        !string.IsNullOrEmpty(activity.Id) && activity.Type is ActivityTypes.Message or ActivityTypes.Invoke
            ? $"{activity.From?.Id}/{activity.Id}"
            : null;

    // The replies' addresses (channel, service URL, conversation, sender, recipient) are the turn's own and are
    // not kept: a replay takes them from the repeated activity.
    private sealed class WithoutAddresses : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        private static readonly HashSet<string> Addresses = new(StringComparer.Ordinal)
        {
            nameof(Activity.ChannelId), nameof(Activity.ServiceUrl), nameof(Activity.Conversation),
            nameof(Activity.From), nameof(Activity.Recipient), nameof(Activity.ReplyToId),
        };

        protected override Newtonsoft.Json.Serialization.JsonProperty CreateProperty(
            System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.DeclaringType == typeof(Activity) && Addresses.Contains(member.Name))
            {
                property.Ignored = true;
            }

            return property;
        }
    }
}
