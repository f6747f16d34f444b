using System.Net;
using BankingBot.Bots;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using BankingBot.DirectLine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Teams;

/// <summary>When a customer last wrote, kept per conversation for channels that limit later messages.</summary>
public sealed class LastCustomerMessage : BankRecord
{
    /// <summary>When the customer's last message arrived.</summary>
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Sends customers messages they did not just ask for (ticket updates, a colleague joining, a hand-over that
/// became a ticket) in the conversation they used, from its stored reference, so it works after a restart and
/// from any instance. Says how it went instead of throwing: Messenger's 24-hour window closed (known from the
/// customer's last message), the conversation gone (the connector answers 403 or 404), or another failure.
/// </summary>
public sealed class CustomerNotifier(BankAdapter adapter, IDocumentStore store, TeamsSettings settings,
    IServiceProvider services, TimeProvider time, ILogger<CustomerNotifier> logger)
{
    /// <summary>How long after the customer's last message Messenger lets a page write to them.</summary>
    public static readonly TimeSpan MessengerWindow = TimeSpan.FromHours(24);

    private readonly RecordBook<LastCustomerMessage> lastMessages = new(store, "last-messages");

    /// <summary>
    /// Remembers when a Messenger customer wrote. One small write per Messenger message: the only way to know
    /// later whether the 24-hour window is still open. Other channels have no such window and write nothing.
    /// </summary>
    public async Task NoteCustomerMessageAsync(IActivity activity, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId != Channels.Facebook || activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var now = time.GetUtcNow();
        var key = KeyOf(activity.ChannelId, activity.Conversation?.Id);
        var note = new LastCustomerMessage { Id = key, CreatedAt = now, UpdatedAt = now, At = now,
            Channel = activity.ChannelId };
        if (!await lastMessages.TryCreateAsync(note, cancel))
        {
            await lastMessages.UpdateAsync(key, n => n.At = n.UpdatedAt = now, cancel);
        }
    }

    /// <summary>Sends a text to the conversation of a stored reference.</summary>
    public Task<string> SendAsync(JObject reference, string text, CancellationToken cancel) =>
        SendAsync(reference, MessageFactory.Text(text), cancel);

    /// <summary>Sends an activity to a stored reference's conversation; returns a NoticeOutcome.</summary>
    public async Task<string> SendAsync(JObject reference, IActivity message, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var to = reference.ToObject<ConversationReference>()!;
        if (to.ChannelId == Channels.Facebook && !await WindowOpenAsync(to, cancel))
        {
            logger.LogInformation("Notice not sent on {Channel}: the 24-hour window is closed", to.ChannelId);
            return NoticeOutcome.WindowClosed;
        }

        try
        {
            // The app's own Direct Line keeps its conversations in this process; anything else goes through the
            // channel's connector at the reference's service URL.
            var local = services.GetService<DirectLineConversations>()?.Find(to.Conversation.Id) is not null
                ? services.GetService<DirectLineAdapter>()
                : null;
            await ProactiveTurn.RunAsync((BotAdapter?)local ?? adapter, BotAppId, to,
                (turn, token) => turn.SendActivityAsync(message, token), cancel);

            return NoticeOutcome.Delivered;
        }
        catch (ErrorResponseException failure) when (failure.Response?.StatusCode is HttpStatusCode.Forbidden
            or HttpStatusCode.NotFound)
        {
            logger.LogWarning("Notice not delivered on {Channel}: the conversation is gone ({Status})",
                to.ChannelId, (int)failure.Response.StatusCode);
            return NoticeOutcome.ConversationGone;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Notice not delivered on {Channel}", to.ChannelId);
            return NoticeOutcome.Failed;
        }
    }

    /// <summary>The app id the bot sends as; empty when authentication is off (local clients).</summary>
    public string BotAppId => settings.BotAppId;

    private async Task<bool> WindowOpenAsync(ConversationReference to, CancellationToken cancel) =>
        await lastMessages.FindAsync(KeyOf(to.ChannelId, to.Conversation?.Id), cancel) is { } last
        && time.GetUtcNow() - last.At < MessengerWindow;

    private static string KeyOf(string channel, string? conversation) => KeyHash.Of($"{channel}/{conversation}");
}
