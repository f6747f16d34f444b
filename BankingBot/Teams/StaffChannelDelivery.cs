using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Staff;
using BankingBot.Dialogs.Storage;

namespace BankingBot.Teams;

/// <summary>
/// Delivers what waits: each pending "new lead" notice becomes a card in the sales channel, each waiting hand-over
/// request a card in the service channel, a request nobody accepted in time becomes a ticket (the customer is
/// told), and a ticket update a turn left unsent reaches the customer. Safe with several instances: a card is
/// posted only by the instance whose ETag-checked write marked it "posting" first. An instance that stops between
/// posting and marking the card posted leaves it "posting"; after two minutes another instance posts it again, so
/// a crash can show a card twice, never lose one.
/// </summary>
/// <remarks>
/// Each round reads every lead notice and hand-over request (the store has no query by status): right for
/// thousands of records; a bank with far more would keep an index of the pending ones.
/// </remarks>
public sealed class StaffChannelDelivery(SalesInbox inbox, IDocumentStore store, LeadDesk leads, LeadProducts products,
    HandoverDesk handovers, TicketDesk desk, TicketQueue tickets, CustomerNotifier notifier, StaffChannel channel,
    TeamsSettings settings, StaffSettings staff, BusinessCalendar calendar, TimeProvider time,
    ILogger<StaffChannelDelivery> logger)
    : BackgroundService
{
    private static readonly TimeSpan StalePosting = TimeSpan.FromMinutes(2);

    // Ticket notices a turn left unsent are looked for at start-up and then every quarter of an hour: finding them
    // reads every ticket.
    private static readonly TimeSpan NoticeSweepInterval = TimeSpan.FromMinutes(15);

    private DateTimeOffset nextNoticeSweep = DateTimeOffset.MinValue;

    private readonly RecordBook<LeadEvent> notices = new(store, "lead-events");

    /// <summary>
    /// One round: leads, then hand-overs, then (at start-up and every quarter of an hour) ticket notices a turn left
    /// unsent. Public so tests can run a round without waiting.
    /// </summary>
    public async Task DeliverAsync(CancellationToken cancel)
    {
        if (time.GetUtcNow() >= nextNoticeSweep)
        {
            nextNoticeSweep = time.GetUtcNow() + NoticeSweepInterval;
            await SendStalledNoticesAsync(cancel);
        }

        if (settings.SalesChannel.Configured)
        {
            await foreach (var notice in inbox.PendingAsync(cancel))
            {
                await DeliverLeadAsync(notice, cancel);
            }
        }

        await foreach (var request in handovers.Requests.AllAsync(cancel))
        {
            if (request.Status != HandoverStatus.Waiting)
            {
                continue;
            }

            if (time.GetUtcNow() >= DueBy(request))
            {
                await TurnIntoTicketAsync(request, cancel);
            }
            else if (settings.HandoverChannel.Configured)
            {
                await PostHandoverAsync(request, cancel);
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (staff.GroupIds.Count > 0 && string.IsNullOrWhiteSpace(settings.BotAppId))
        {
            logger.LogWarning("Staff:GroupIds is set, but without a MicrosoftAppId the bot cannot ask Microsoft " +
                "Graph about groups: only Staff:UserIds are staff");
        }

        using var timer = new PeriodicTimer(settings.DeliveryInterval, time);
        do
        {
            try
            {
                await DeliverAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Staff channel delivery failed; trying again next round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendStalledNoticesAsync(CancellationToken cancel)
    {
        foreach (var (ticket, notice) in await tickets.ClaimStalledNoticesAsync(StalePosting, cancel))
        {
            var outcome = ticket.ConversationReference is { } reference
                ? await notifier.SendAsync(reference, notice!.Text, cancel)
                : NoticeOutcome.Failed;
            await tickets.RecordDeliveryAsync(ticket.Id, notice!.Id, outcome, cancel);
        }
    }

    private async Task DeliverLeadAsync(LeadEvent notice, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        await leads.FollowUps.TryCreateAsync(new LeadFollowUp { Id = notice.LeadId, CreatedAt = now, UpdatedAt = now },
            cancel);
        var mine = false;
        await leads.FollowUps.UpdateAsync(notice.LeadId, f =>
        {
            mine = f.Card == "none" || (f.Card == "posting" && now - f.UpdatedAt > StalePosting);
            if (mine)
            {
                (f.Card, f.UpdatedAt) = ("posting", now);
            }
        }, cancel);
        if (!mine)
        {
            return;
        }

        var (lead, followUp) = await leads.FindAsync(notice.LeadId, cancel);
        string? activityId = null;
        if (lead is not null)
        {
            activityId = await channel.PostAsync(settings.SalesChannel,
                StaffCards.Lead(lead, followUp, products.Find(lead.Product), calendar.Zone), cancel);
        }

        await leads.FollowUps.UpdateAsync(notice.LeadId, f => (f.Card, f.CardActivityId) = ("posted", activityId),
            cancel);
        await notices.UpdateAsync(notice.Id, n =>
        {
            n.Status = "delivered";
            n.Record(time.GetUtcNow(), "bot", lead is null ? "lead deleted before delivery" : "posted to sales");
        }, cancel);
        logger.LogInformation("Lead {LeadId} posted to the sales channel", notice.LeadId);
    }

    private async Task PostHandoverAsync(HandoverRequest request, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var mine = false;
        await handovers.Requests.UpdateAsync(request.Id, r =>
        {
            mine = r.Status == HandoverStatus.Waiting
                && (r.Card == "none" || (r.Card == "posting" && now - r.UpdatedAt > StalePosting));
            if (mine)
            {
                (r.Card, r.UpdatedAt) = ("posting", now);
            }
        }, cancel);
        if (!mine)
        {
            return;
        }

        var id = await channel.PostAsync(settings.HandoverChannel, StaffCards.Handover(request, calendar.Zone), cancel);
        await handovers.Requests.UpdateAsync(request.Id, r => (r.Card, r.CardActivityId) = ("posted", id), cancel);
        logger.LogInformation("Hand-over {HandoverId} posted to the staff channel", request.Id);
    }

    // Nobody accepted in time: one instance turns it into a ticket (ETag-checked), and the customer is told.
    private async Task TurnIntoTicketAsync(HandoverRequest request, CancellationToken cancel)
    {
        var mine = false;
        var updated = await handovers.Requests.UpdateAsync(request.Id, r =>
        {
            mine = r.Status == HandoverStatus.Waiting;
            if (mine)
            {
                r.Status = HandoverStatus.Ticket;
                r.Record(time.GetUtcNow(), "bot", "not accepted in time");
            }
        }, cancel);
        if (!mine || updated is null)
        {
            return;
        }

        var ticket = await desk.OpenAsync(new TicketRequest("other",
            $"The customer asked to talk to a person ({request.Reason}) and nobody could join in time. Request " +
            $"{request.Id}; the conversation so far is on that request.", "high", request.Channel, request.Customer,
            request.ConversationReference, NotifyOnChange: true), "handover/" + request.Id, cancel);
        await handovers.Requests.UpdateAsync(request.Id, r => r.TicketNumber = ticket.Id, cancel);
        await notifier.SendAsync(request.ConversationReference ?? [],
            $"I'm sorry, none of my colleagues could join the chat in time. I've opened ticket {ticket.Id} for you " +
            "instead: someone from our team will get back to you here. Say \"status of " + ticket.Id + "\" any time.",
            cancel);
        updated.TicketNumber = ticket.Id;
        await channel.UpdateAsync(settings.HandoverChannel, updated.CardActivityId,
            StaffCards.Handover(updated, calendar.Zone, $"nobody accepted in time: ticket {ticket.Id}"), cancel);
        logger.LogInformation("Hand-over {HandoverId} became ticket {TicketNumber}", request.Id, ticket.Id);
    }

    // The wait counts from when the request was made, or from the bank's next opening when it was made out of hours.
    private DateTimeOffset DueBy(HandoverRequest request) =>
        calendar.NextOpening(request.CreatedAt) + settings.HandoverAcceptWithin;
}
