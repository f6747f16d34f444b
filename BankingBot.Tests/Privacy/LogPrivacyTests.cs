using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;

namespace BankingBot.Tests.Privacy;

/// <summary>
/// A customer goes through every flow giving a name, an e-mail address, a phone number and free text, with
/// logging at every level captured: none of it may appear in any log line.
/// </summary>
public sealed class LogPrivacyTests
{
    private const string Name = "Zebedee Quartermaine";
    private const string Email = "zebedee.quartermaine@example.com";
    private const string Phone = "020 7946 0961";
    private const string Description = "my flatmate Ophelia borrowed the card at the Wobbly Duck pub";
    private const string Comment = "Ophelia says the chat was splendidly quick";

    [Fact]
    public async Task NoCustomerDataReachesTheLogsInAnyFlow()
    {
        var logs = new LogCapture();
        await using var bot = BotHarness.Create(logging: logs);
        var chat = new CustomerChat(bot);

        await chat.SayAsync("hello, I lost my card and my phone number is " + Phone);
        await chat.SayAsync("What does APR mean?");
        await chat.SayAsync("no");
        await chat.SayAsync("I want to open a ticket");
        await chat.TapAsync("A card");
        await chat.SayAsync(Description);
        await chat.TapAsync("Normal");
        await chat.TapAsync("Yes");
        var confirmation = await chat.SayAsync(Email);
        var number = Dialogs.Banking.TicketNumbers.Find(confirmation)!;
        await chat.SayAsync("I'd like to give feedback");
        await chat.SayAsync("4");
        await chat.SayAsync(Comment);
        Assert.Contains("Thank you for your feedback!", await chat.SayAsync("9"));
        await chat.SayAsync($"status of {number}");
        await chat.SayAsync("I'm interested in a personal loan");
        await chat.SayAsync("a new kitchen for " + Name);
        await chat.SayAsync("12000");
        await chat.SayAsync("in two months");
        await chat.SayAsync("no");
        await chat.SayAsync("5");
        await chat.SayAsync("40k");
        await chat.SayAsync("no");
        await chat.SayAsync("yes");
        await chat.SayAsync(Name);
        await chat.SayAsync(Email);
        await chat.SayAsync(Phone);
        Assert.Contains("Here's what I've passed on", await chat.SayAsync("tomorrow at 11am"));
        Assert.Contains("request number", await chat.SayAsync("talk to a person"));
        await chat.SayAsync("delete my data");
        Assert.Contains("deleted", await chat.SayAsync("yes"));

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains(number, StringComparison.Ordinal));
        foreach (var secret in new[] { "Zebedee", "Quartermaine", Email, "7946 0961", "Ophelia", "Wobbly", "kitchen" })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
