using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace BankingBot.Bench.Load;

/// <summary>How long and how hard one run drives a server.</summary>
/// <param name="Concurrency">Conversations in flight at once, each sequential.</param>
/// <param name="Duration">No new message is sent after this.</param>
/// <param name="MaxTurns">No new message is sent after this many either.</param>
/// <param name="MaxConversations">No new conversation is started after this many.</param>
/// <param name="Staggered">
/// Each slot's first conversation is cut short so that the slots spread over the script (see
/// <see cref="LoadDriver"/>); otherwise every conversation is whole and all slots start at the first step at once.
/// </param>
/// <param name="Settle">
/// The start of the run whose latencies are not measured: its turns are sent and checked, and counted only in
/// <see cref="RunResult.AllTurns"/>; the run's rate and latencies are those of the rest of
/// <paramref name="Duration"/>, and <paramref name="MaxTurns"/> counts from there.
/// </param>
internal sealed record RunSettings(int Concurrency, TimeSpan Duration, int MaxTurns,
    int MaxConversations = int.MaxValue, bool Staggered = false, TimeSpan Settle = default);

/// <summary>What one run measured on the load generator's side.</summary>
/// <param name="Conversations">Conversations started.</param>
/// <param name="Completed">Conversations that went through the whole script, every reply as expected.</param>
/// <param name="Turns">Turns answered that were sent after the settling start: the measured ones.</param>
/// <param name="Elapsed">
/// The measured window: from the end of the settling start to the deadline, or to the last answer when the run
/// ended before it.
/// </param>
/// <param name="StepMeansMs">The mean latency of each step of the script, in the script's order.</param>
/// <param name="AllTurns">Turns answered in the whole run, settling start included.</param>
/// <param name="AllElapsed">The whole run: what counters read on the server before and after it cover.</param>
/// <param name="AnsweredInWindow">
/// Turns answered in <paramref name="Elapsed"/>, each counted for the share of its time spent there.
/// </param>
internal sealed record RunResult(int Turns, int Errors, int Conversations, int Completed, TimeSpan Elapsed,
    double[] LatenciesMs, string? FirstError, double[] StepMeansMs, int AllTurns, TimeSpan AllElapsed,
    double AnsweredInWindow)
{
    /// <summary>Turns answered per second of the measured window.</summary>
    public double TurnsPerSecond => AnsweredInWindow / Elapsed.TotalSeconds;

    /// <summary>The latency at a share (0.5, 0.99) of the sorted latencies, in ms.</summary>
    public double Percentile(double share) => LatenciesMs.Length == 0
        ? double.NaN
        : LatenciesMs[Math.Clamp((int)Math.Ceiling(share * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}

/// <summary>
/// Drives a bot with many conversations at once. Each conversation is sequential: its next message goes out only
/// after the previous one's HTTP 200, by which time the bot has posted its replies to the <see cref="ReplyEndpoint"/>,
/// where they are checked against what the script expects. A turn's latency is from sending the message to
/// its 200. Every run stops by itself, at its duration or its turn limit, whichever comes first.
/// <para>
/// Customers do not all start at the same moment: in a staggered run, conversation slot k of n first holds a
/// conversation that its customer leaves after k/n of the script, so that from then on the slots' whole
/// conversations are spread over the script's steps. In lock step every slot would send the same step at the same
/// time, and the slowest step (the one question that needs the sentence encoder) would arrive from all slots at
/// once. The first steps of a run are still sent by many slots together, until their first conversations end.
/// </para>
/// </summary>
internal sealed partial class LoadDriver(HttpClient http, ReplyEndpoint replies)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Runs <paramref name="script"/> in as many conversations as the settings allow.</summary>
    public async Task<RunResult> RunAsync(Uri messages, Script script, RunSettings settings, string tag)
    {
        var state = new RunState(settings, Stopwatch.GetTimestamp());
        var workers = Enumerable.Range(0, settings.Concurrency)
            .Select(worker => Task.Run(() => WorkerAsync(messages, script, state, $"{tag}-{worker}",
                settings.Staggered ? worker * script.Steps.Count / settings.Concurrency : 0)))
            .ToArray();
        var answered = (await Task.WhenAll(workers)).SelectMany(list => list).ToArray();
        var turns = answered.Where(turn => turn.Measured).ToArray();
        // The rate is that of the window from the settling start's end to the deadline (or to the last answer,
        // when the turn limit ended the run first). Each turn counts for the share of its time spent in the window:
        // with latencies near the window's length (the stock echo bot at 64 conversations), counting whole answers
        // would move the rate by whole rounds of conversations.
        var last = answered.Length == 0 ? state.Measured : answered.Max(turn => turn.Answered);
        var windowEnd = Math.Min(last, state.Deadline);
        var inWindow = answered.Sum(turn => turn.ShareWithin(state.Measured, windowEnd));
        var latencies = turns.Select(turn => turn.Ms).Order().ToArray();
        var stepMeans = Enumerable.Range(0, script.Steps.Count)
            .Select(step => turns.Where(turn => turn.Step == step).Select(turn => turn.Ms).DefaultIfEmpty(double.NaN)
                .Average())
            .ToArray();
        return new RunResult(latencies.Length, state.Errors, state.Conversations, state.Completed,
            Stopwatch.GetElapsedTime(state.Measured, Math.Max(windowEnd, state.Measured)), latencies,
            state.FirstError, stepMeans, answered.Length, Stopwatch.GetElapsedTime(state.Start), inWindow);
    }

    /// <summary>Sends one message and returns the replies it got, or null when the turn failed.</summary>
    public async Task<IReadOnlyList<string>?> SayAsync(Uri messages, string conversationId, int sequence, string text)
    {
        var activity = Activities.Message(replies.ServiceUrl, conversationId, sequence, text);
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(messages, content);
        var received = replies.Take(conversationId);
        return response.IsSuccessStatusCode ? received : null;
    }

    // firstLength: the steps of the slot's first conversation, or 0 for a whole one.
    private async Task<List<Answer>> WorkerAsync(Uri messages, Script script, RunState state, string prefix,
        int firstLength)
    {
        var latencies = new List<Answer>(4096);
        for (var conversation = 0; state.StartConversation(); conversation++)
        {
            var conversationId = $"{prefix}-{conversation}";
            var length = conversation == 0 && firstLength > 0 ? firstLength : script.Steps.Count;
            string? ticket = null;
            var answered = 0;
            for (var index = 0; index < length && state.StartTurn(out var sent, out var measured); index++)
            {
                var step = script.Steps[index];
                var text = Fill(step.Say, ticket);
                var expected = Fill(step.Expect, ticket);
                IReadOnlyList<string>? received;
                string? refused = null;
                try
                {
                    received = await SayAsync(messages, conversationId, index, text);
                }
                catch (HttpRequestException e)
                {
                    (received, refused) = (null, e.Message);
                }

                // Only answered turns (HTTP 2xx) are timed; a wrong answer is timed and then fails the conversation.
                var now = Stopwatch.GetTimestamp();
                if (received is not null)
                {
                    latencies.Add(new Answer(index, measured, sent, now));
                }

                var said = received is null ? null : string.Join(" || ", received);
                if (said is null || !said.Contains(expected, StringComparison.Ordinal))
                {
                    state.Fail(said is not null ? $"\"{text}\": expected \"{expected}\", got {Shorten(said)}"
                        : $"\"{text}\": {refused ?? "HTTP error"}");

                    // A failing server is not hammered: the slot's next conversation waits a little.
                    await Task.Delay(100);
                    break;
                }

                if (step.CapturesTicket)
                {
                    ticket = TicketOf(said);
                }

                answered++;
            }

            if (answered == script.Steps.Count)
            {
                state.Complete();
            }

            replies.Take(conversationId);
        }

        return latencies;
    }

    /// <summary>The ticket number a reply announces, or null.</summary>
    public static string? TicketOf(string said) =>
        NewTicket().Match(said) is { Success: true } match ? match.Groups[1].Value : null;

    private static string Fill(string text, string? ticket) =>
        ticket is null ? text : text.Replace("{ticket}", ticket, StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "...";

    // One answered turn: its step, whether it was sent after the settling start, when it was sent and answered.
    private readonly record struct Answer(int Step, bool Measured, long Sent, long Answered)
    {
        public double Ms => Stopwatch.GetElapsedTime(Sent, Answered).TotalMilliseconds;

        // The share of the turn's time, from sending to its answer, that lies between two timestamps.
        public double ShareWithin(long from, long to)
        {
            var overlap = Math.Min(Answered, to) - Math.Max(Sent, from);
            return overlap <= 0 ? 0 : Answered == Sent ? 1 : overlap / (double)(Answered - Sent);
        }
    }

    [GeneratedRegex("Your ticket number is (TK-[A-Z0-9]{4}-[A-Z0-9]{4})")]
    private static partial Regex NewTicket();

    private sealed class RunState(RunSettings settings, long start)
    {
        private readonly long deadline = start + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        private int turns;
        private int conversations;
        private int errors;
        private int completed;

        public long Start => start;

        public long Deadline => deadline;

        /// <summary>When the settling start is over: turns sent from then on are measured.</summary>
        public long Measured { get; } = start + (long)(settings.Settle.TotalSeconds * Stopwatch.Frequency);

        public int Completed => completed;

        public void Complete() => Interlocked.Increment(ref completed);

        public int Errors => errors;

        public int Conversations => Math.Min(conversations, settings.MaxConversations);

        public string? FirstError { get; private set; }

        public bool StartConversation() =>
            Stopwatch.GetTimestamp() < deadline && Volatile.Read(ref turns) < settings.MaxTurns
            && Interlocked.Increment(ref conversations) <= settings.MaxConversations;

        // The turn limit counts measured turns only: the settling start is bounded by its time.
        public bool StartTurn(out long now, out bool measured)
        {
            now = Stopwatch.GetTimestamp();
            measured = now >= Measured;
            return now < deadline && (!measured || Interlocked.Increment(ref turns) <= settings.MaxTurns);
        }

        public void Fail(string what)
        {
            if (Interlocked.Increment(ref errors) == 1)
            {
                FirstError = what;
            }
        }
    }
}
