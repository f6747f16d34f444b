using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Bots;

/// <summary>A message or invoke the bot handled, with the replies it got.</summary>
public sealed record HandledActivity(
    [property: JsonProperty("key")] string Key,
    [property: JsonProperty("replies")] List<JObject> Replies);

/// <summary>
/// The last messages and invokes a conversation's turns handled, with their replies, kept with the conversation's
/// state. A channel or client that sends an activity again (a retry after a lost reply, a double delivery) gets
/// the same replies again and nothing is done twice, on any instance and after a restart.
/// </summary>
internal sealed class HandledActivities(ConversationState conversationState)
{
    private const int Remembered = 8;

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
        return handled.FirstOrDefault(h => h.Key == key)?.Replies.Select(r => r.ToObject<Activity>()!).ToList();
    }

    /// <summary>Remembers the turn's activity with the replies it is about to send.</summary>
    public async Task RememberAsync(ITurnContext turn, IEnumerable<Activity> replies, CancellationToken cancel)
    {
        if (KeyOf(turn.Activity) is not { } key)
        {
            return;
        }

        var handled = await accessor.GetAsync(turn, () => [], cancel);
        if (handled.Any(h => h.Key == key))
        {
            return;
        }

        var messages = replies.Where(r => r.Type == ActivityTypes.Message).Select(r => JObject.FromObject(r)).ToList();
        handled.Add(new HandledActivity(key, messages));
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
}
