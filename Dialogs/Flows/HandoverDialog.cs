using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Flows;

/// <summary>
/// Hands the customer to a person: records a hand-over request for staff to pick up, and tells the
/// customer what happens next and when, by the bank's business hours.
/// </summary>
public sealed class HandoverDialog(HandoverQueue queue, BusinessCalendar calendar, TimeProvider time)
    : Dialog(DialogId)
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "handover";

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        var reason = options as string ?? "asked for a person";
        var request = await queue.RequestAsync(activity.ChannelId, Customer.IdOf(activity),
            Customer.ReferenceOf(activity), reason, ConversationTranscript.Of(dc.Context),
            $"{activity.Conversation?.Id}/{activity.Id}",
            cancel);

        var now = time.GetUtcNow();
        var open = calendar.IsOpen(now);
        var message = open
            ? "I've asked a colleague to take over. Someone from our team will join this chat shortly; please " +
              "stay here. Your request number is " + request.Id + "."
            : "Our team is not at work right now. I've passed your request on (number " + request.Id + "), and " +
              "someone will answer here from " + Customer.Format(calendar.NextOpening(now), dc.Clock.Zone) +
              ". Until then I'm still here if you'd like to ask me something.";
        var notice = new JObject
        {
            ["text"] = message,
            ["requestNumber"] = request.Id,
            ["answerFrom"] = open ? string.Empty : Customer.Format(calendar.NextOpening(now), dc.Clock.Zone),
        };
        await dc.SendAsync(new CardReply("handover-notice", notice, message), cancel);
        return await dc.EndDialogAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }
}
