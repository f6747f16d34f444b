using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Banking;

/// <summary>What a customer asks a ticket for.</summary>
public sealed record TicketRequest(string Category, string Description, string Urgency, string Channel,
    string Customer, JObject? ConversationReference, bool NotifyOnChange, string? Email = null);

/// <summary>Remembers which ticket a request created, so that a repeated request creates no second ticket.</summary>
public sealed class TicketRequestMarker : BankRecord
{
    /// <summary>The ticket the request created.</summary>
    public string Number { get; set; } = string.Empty;
}

/// <summary>
/// The ticket system: opens tickets with a response time from the service-level table counted in business
/// hours, and finds a ticket for the customer who opened it.
/// </summary>
public sealed class TicketDesk(IDocumentStore store, ServiceLevels levels, BusinessCalendar calendar,
    TimeProvider time, ILogger<TicketDesk> logger)
{
    private readonly RecordBook<Ticket> tickets = new(store, "tickets");
    private readonly RecordBook<TicketRequestMarker> requests = new(store, "ticket-requests");

    /// <summary>The ticket categories customers choose from.</summary>
    public IReadOnlyList<string> Categories => levels.Categories;

    /// <summary>
    /// Opens a ticket once per <paramref name="requestKey"/>: the same request again (a double click, a
    /// client retry, a turn re-run after a storage conflict) returns the ticket the first one created.
    /// </summary>
    public async Task<Ticket> OpenAsync(TicketRequest request, string requestKey, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var marker = new TicketRequestMarker
        {
            Id = KeyHash.Of(requestKey), Number = TicketNumbers.New(), CreatedAt = now, UpdatedAt = now,
            Channel = request.Channel, Customer = request.Customer,
        };
        if (!await requests.TryCreateAsync(marker, cancel))
        {
            marker = await requests.FindAsync(marker.Id, cancel) ?? throw new StorageConflictException(marker.Id);
            if (await tickets.FindAsync(marker.Number, cancel) is { } existing)
            {
                logger.LogInformation("Repeated ticket request answered with ticket {TicketNumber}", existing.Id);
                return existing;
            }
        }

        var ticket = new Ticket
        {
            Id = marker.Number, CreatedAt = now, UpdatedAt = now, Channel = request.Channel,
            Customer = request.Customer, Category = request.Category, Description = request.Description,
            Urgency = request.Urgency, ConversationReference = request.ConversationReference,
            NotifyOnChange = request.NotifyOnChange, Email = request.Email,
            AnswerBy = calendar.Add(now, levels.ResponseTime(request.Category, request.Urgency)),
        };
        ticket.History.Add(new TicketEvent(now, TicketStatus.Open, "Ticket opened."));
        ticket.Record(now, "customer", "opened");
        if (!await tickets.TryCreateAsync(ticket, cancel))
        {
            // Only a crash between marker and ticket leads here; the ticket that exists is the one.
            return await tickets.FindAsync(ticket.Id, cancel) ?? throw new StorageConflictException(ticket.Id);
        }

        logger.LogInformation("Ticket {TicketNumber} created: {Category}/{Urgency} on {Channel}",
            ticket.Id, ticket.Category, ticket.Urgency, ticket.Channel);
        return ticket;
    }

    /// <summary>
    /// The ticket if this customer opened it; null for a number that does not exist and, the same, for
    /// someone else's ticket, so numbers cannot be probed.
    /// </summary>
    public async Task<Ticket?> FindForCustomerAsync(string number, string customer, CancellationToken cancel = default)
    {
        var ticket = await tickets.FindAsync(number, cancel);
        return ticket is not null && ticket.Customer == customer ? ticket : null;
    }

    /// <summary>
    /// The ticket if the e-mail address given is the one on it (a customer asking from another channel); null
    /// otherwise, exactly as for a number that does not exist.
    /// </summary>
    public async Task<Ticket?> FindByEmailAsync(string number, string email, CancellationToken cancel = default)
    {
        var ticket = await tickets.FindAsync(number, cancel);
        return ticket?.Email is { } onTicket
            && string.Equals(onTicket, email.Trim(), StringComparison.OrdinalIgnoreCase)
            ? ticket
            : null;
    }

    /// <summary>Any ticket by number, for staff and for proving ownership by e-mail.</summary>
    public Task<Ticket?> FindAsync(string number, CancellationToken cancel = default) =>
        tickets.FindAsync(number, cancel);

    /// <summary>Changes a ticket, keeping the change in its audit.</summary>
    public Task<Ticket?> UpdateAsync(string number, Action<Ticket> change, CancellationToken cancel = default) =>
        tickets.UpdateAsync(number, change, cancel);
}
