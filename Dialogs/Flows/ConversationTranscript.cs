using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BankingBot.Dialogs.Flows;

/// <summary>One line of the conversation, as staff read it when they take over.</summary>
public sealed record TranscriptLine(DateTimeOffset At, string From, string Text);

/// <summary>
/// The last lines of the conversation, kept in conversation state so a person who takes over sees what
/// was said. It lives only as long as the conversation state and is never logged.
/// </summary>
public sealed class ConversationTranscript
{
    private const int MaxLines = 30;
    private const int MaxLineLength = 500;

    /// <summary>The lines, oldest first; each stored as one string (<see cref="TranscriptLineText"/>).</summary>
    [JsonProperty("lines", ItemConverterType = typeof(TranscriptLineText))]
    public List<TranscriptLine> Lines { get; set; } = [];

    /// <summary>
    /// The customers (<see cref="Customer.IdOf"/>) whose words are among the lines: "delete my data" finds the
    /// customer's other conversations by it.
    /// </summary>
    [JsonProperty("customers")]
    public List<string> Customers { get; set; } = [];

    /// <summary>Adds a line, dropping the oldest beyond the limit.</summary>
    public void Add(DateTimeOffset at, string from, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Lines.Add(new TranscriptLine(at, from, text.Length <= MaxLineLength ? text : text[..MaxLineLength] + "…"));
        if (Lines.Count > MaxLines)
        {
            Lines.RemoveRange(0, Lines.Count - MaxLines);
        }
    }

    /// <summary>
    /// Loads the conversation's transcript for this turn, adds the customer's message, and puts it in the turn
    /// state for <see cref="Of"/>. The bot adds its own replies with <see cref="AddReplies"/> before saving.
    /// </summary>
    public static async Task<ConversationTranscript> LoadAsync(ITurnContext turn,
        IStatePropertyAccessor<ConversationTranscript> accessor, DateTimeOffset now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(accessor);
        var transcript = await accessor.GetAsync(turn, () => new ConversationTranscript(), cancel);
        await accessor.SetAsync(turn, transcript, cancel);
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            transcript.Add(now, "customer", turn.Activity.Text);
            if (Customer.IdOf(turn.Activity) is var customer && !transcript.Customers.Contains(customer))
            {
                transcript.Customers.Add(customer);
            }
        }

        turn.TurnState.Set(transcript);
        return transcript;
    }

    /// <summary>Adds the bot's messages of this turn.</summary>
    public void AddReplies(IEnumerable<IActivity> replies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies.OfType<IMessageActivity>())
        {
            Add(now, "bot", reply.Text ?? CardText(reply));
        }
    }

    private static string? CardText(IMessageActivity reply) =>
        reply.Attachments?
            .Select(a => (a.Content as Newtonsoft.Json.Linq.JObject)?.SelectToken("body[0].text")?.ToString())
            .FirstOrDefault(text => text is not null);

    /// <summary>The lines of the turn's conversation so far.</summary>
    public static IReadOnlyList<TranscriptLine> Of(ITurnContext turn) =>
        turn?.TurnState.Get<ConversationTranscript>()?.Lines.ToList() ?? [];
}
