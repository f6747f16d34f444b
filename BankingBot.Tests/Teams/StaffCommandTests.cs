using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Staff;

namespace BankingBot.Tests.Teams;

/// <summary>What staff type (or a staff card's button sends), read as a command.</summary>
public sealed class StaffCommandTests
{
    private static readonly string[] Categories = ["cards", "payments", "transfers", "account", "other"];

    [Theory]
    [InlineData("tickets", null, null, null)]
    [InlineData("Tickets in progress", TicketStatus.InProgress, null, null)]
    [InlineData("tickets waiting cards", TicketStatus.WaitingForCustomer, "cards", null)]
    [InlineData("tickets urgent payments", null, "payments", "urgent")]
    [InlineData("tickets closed low other", TicketStatus.Closed, "other", "low")]
    public void TheQueueIsFilteredByStatusCategoryAndUrgency(string text, string? status, string? category,
        string? urgency)
    {
        var command = StaffCommand.Parse(text, Categories);

        Assert.Equal(StaffAction.ListTickets, command.Action);
        Assert.Equal(new TicketFilter(status, category, urgency), command.Filter);
    }

    [Theory]
    [InlineData("ticket tk-4k7q-2mxa", StaffAction.ShowTicket, null)]
    [InlineData("ticket TK-4K7Q-2MXA status in progress", StaffAction.SetTicketStatus, TicketStatus.InProgress)]
    [InlineData("ticket TK-4K7Q-2MXA status waiting for you", StaffAction.SetTicketStatus,
        TicketStatus.WaitingForCustomer)]
    [InlineData("ticket TK-4K7Q-2MXA assign me", StaffAction.AssignTicketToMe, null)]
    [InlineData("ticket TK-4K7Q-2MXA note Your card is on its way.", StaffAction.AddTicketNote,
        "Your card is on its way.")]
    public void ATicketCommandNamesTheTicketAndWhatToDo(string text, StaffAction action, string? argument)
    {
        var command = StaffCommand.Parse(text, Categories);

        Assert.Equal((action, "TK-4K7Q-2MXA", argument), (command.Action, command.Target, command.Argument));
    }

    [Fact]
    public void ACardsNoteOrReasonComesFromItsBoxWhenTheButtonSendsOnlyTheCommand()
    {
        Assert.Equal("Refund sent", StaffCommand.Parse("ticket TK-4K7Q-2MXA note", Categories, "Refund sent").Argument);
        var disqualify = StaffCommand.Parse("lead LD-0A1B2C3D disqualify", Categories, "Not in our area");
        Assert.Equal((StaffAction.DisqualifyLead, "LD-0A1B2C3D", "Not in our area"),
            (disqualify.Action, disqualify.Target, disqualify.Argument));
    }

    [Theory]
    [InlineData("lead LD-0A1B2C3D claim", StaffAction.ClaimLead)]
    [InlineData("lead ld-0a1b2c3d contacted", StaffAction.LeadContacted)]
    [InlineData("handover HO-0A1B2C3D accept", StaffAction.AcceptHandover)]
    [InlineData("end chat", StaffAction.EndHandover)]
    [InlineData("feedback last 30 days", StaffAction.Feedback)]
    [InlineData("help", StaffAction.Help)]
    [InlineData("I want to open a ticket", StaffAction.None)]
    [InlineData("ticket please", StaffAction.None)]
    public void OtherCommands(string text, StaffAction action) =>
        Assert.Equal(action, StaffCommand.Parse(text, Categories).Action);
}
