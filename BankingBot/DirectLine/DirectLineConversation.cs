using System.Globalization;
using Newtonsoft.Json.Linq;

namespace BankingBot.DirectLine;

/// <summary>
/// One conversation of the local Direct Line: the activities in the order they happened (the customer's and the
/// bot's), numbered from 0; a watermark is the number of the next activity a client has not read yet. Only the
/// newest activities are kept (enough to redraw a reloaded page), so a long conversation stays small.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly object gate = new();
    private readonly List<JObject> activities = [];
    private readonly int maxActivities;
    private long firstNumber;
    private long lastTouchedTicks;
    private bool started;
    private TaskCompletionSource changed = NewSignal();

    /// <summary>Creates an empty conversation for one user.</summary>
    public DirectLineConversation(string id, string userId, int maxActivities, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxActivities, 1);
        (Id, UserId, this.maxActivities) = (id, userId, maxActivities);
        Touch(now);
    }

    /// <summary>The conversation id.</summary>
    public string Id { get; }

    /// <summary>The customer's user id, as in the conversation's tokens.</summary>
    public string UserId { get; }

    /// <summary>When someone last posted to or read from it.</summary>
    public DateTimeOffset LastTouched => new(Interlocked.Read(ref lastTouchedTicks), TimeSpan.Zero);

    /// <summary>The watermark after the newest activity.</summary>
    public long Watermark
    {
        get
        {
            lock (gate)
            {
                return firstNumber + activities.Count;
            }
        }
    }

    /// <summary>Notes that the conversation is in use.</summary>
    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastTouchedTicks, now.UtcTicks);

    /// <summary>True the first time only: the caller then tells the bot that the conversation started.</summary>
    public bool TryStart()
    {
        lock (gate)
        {
            var first = !started;
            started = true;
            return first;
        }
    }

    /// <summary>Gives the activity its id (conversation id, "|", its number) and adds it; returns the id.</summary>
    public string Append(JObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        TaskCompletionSource wake;
        string id;
        lock (gate)
        {
            id = Id + "|" + (firstNumber + activities.Count).ToString("D7", CultureInfo.InvariantCulture);
            activity["id"] = id;
            activities.Add(activity);
            if (activities.Count > maxActivities)
            {
                var dropped = activities.Count - maxActivities;
                activities.RemoveRange(0, dropped);
                firstNumber += dropped;
            }

            wake = changed;
            changed = NewSignal();
        }

        wake.TrySetResult();
        return id;
    }

    /// <summary>Forgets every activity so far; watermarks keep counting, so clients read on from there.</summary>
    public void Forget()
    {
        lock (gate)
        {
            firstNumber += activities.Count;
            activities.Clear();
        }
    }

    /// <summary>The activities from <paramref name="watermark"/> on (all that are kept when null or older), and
    /// the watermark to ask with next time.</summary>
    public (IReadOnlyList<JObject> Activities, long Watermark) Since(long? watermark)
    {
        lock (gate)
        {
            var end = firstNumber + activities.Count;
            var from = Math.Clamp(watermark ?? 0, firstNumber, end);
            return (activities.GetRange((int)(from - firstNumber), (int)(end - from)).ToList(), end);
        }
    }

    /// <summary>Completes when an activity past <paramref name="watermark"/> exists (at once if one does).</summary>
    public Task WaitForActivityAsync(long watermark, CancellationToken cancel)
    {
        lock (gate)
        {
            return watermark < firstNumber + activities.Count ? Task.CompletedTask : changed.Task.WaitAsync(cancel);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
