using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Storage;
using BankingBot.Dialogs.Understanding;
using BankingBot.Tests.Conversations;
using BankingBot.Tests.Leads;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BankingBot.Tests.Records;

public sealed class DeleteMyDataTests
{
    [Theory]
    [InlineData("Delete my data")]
    [InlineData("forget me")]
    [InlineData("please erase my information")]
    [InlineData("I want to exercise my right to be forgotten")]
    [InlineData("remove all my personal data please")]
    public void AskingToBeForgottenGoesToTheDeletion(string said) =>
        Assert.Equal(Job.DeleteMyData, Router.Route(said).Job);

    [Fact]
    public async Task DeletionRemovesEveryRecordOfTheCustomerButNoneOfAnothers()
    {
        await using var bot = BotHarness.Create();
        var sam = new CustomerChat(bot);
        var otherConversation = TestAdapter.CreateConversation("other-chat", "customer-2", "bot");
        var other = new CustomerChat(bot,
            new TestAdapter(otherConversation) { Conversation = { ChannelId = Channels.Test } });
        await OpenTicketAndRateAsync(sam);
        await AskForSavingsAnonymouslyAsync(sam);
        await sam.SayAsync("talk to a person");
        await OpenTicketAndRateAsync(other);
        await AskForSavingsAnonymouslyAsync(other);
        var samId = CustomerOf("customer-1");
        var otherId = CustomerOf("customer-2");
        var otherRecords = await RecordsOfAsync(bot, otherId);

        Assert.Contains("Shall I delete it all?", await sam.SayAsync("Delete my data"));
        var done = await sam.SayAsync("yes");

        Assert.Contains("I've deleted 7 records about you", done);
        Assert.Contains("Support tickets: 1", done);
        Assert.Contains("Ticket request markers: 1", done);
        Assert.Contains("Product enquiries: 1", done);
        Assert.Contains("Notes to our sales team: 1", done);
        Assert.Contains("Feedback: 1", done);
        Assert.Contains("Feedback invitations: 1", done);
        Assert.Contains("Requests for a person: 1", done);
        Assert.Contains("This conversation's history: deleted", done);
        Assert.DoesNotContain("how would you rate", done);
        Assert.Empty(await RecordsOfAsync(bot, samId));
        Assert.Equal(otherRecords, await RecordsOfAsync(bot, otherId));
        Assert.Equal(6, otherRecords.Count);

        var state = await bot.Get<IDocumentStore>().ReadAsync($"state/test/conversations/{sam.ConversationId}");
        Assert.DoesNotContain("swallowed", state?.Content.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("I've deleted 0", await DeleteAgainAsync(sam));
    }

    [Fact]
    public async Task DeletionAlsoClearsTheCustomersOtherConversationsButNotAnotherCustomers()
    {
        await using var bot = BotHarness.Create();
        var earlier = new CustomerChat(bot, ChatOf("earlier-chat", "customer-1"));
        var someoneElse = new CustomerChat(bot, ChatOf("their-chat", "customer-2"));
        await earlier.SayAsync("my card was swallowed by the machine on Baker Street");
        await someoneElse.SayAsync("my card was swallowed by the machine on Baker Street");
        var now = new CustomerChat(bot);

        await now.SayAsync("Delete my data");
        var done = await now.SayAsync("yes");

        Assert.Contains("Your other conversations' history: 1", done);
        var store = bot.Get<IDocumentStore>();
        Assert.Null(await store.ReadAsync("state/test/conversations/earlier-chat"));
        Assert.Contains("Baker Street", (await store.ReadAsync("state/test/conversations/their-chat"))!.Content
            .ToString());
    }

    [Fact]
    public async Task SayingNoDeletesNothing()
    {
        await using var bot = BotHarness.Create();
        var chat = new CustomerChat(bot);
        await OpenTicketAndRateAsync(chat);
        var before = await RecordsOfAsync(bot, CustomerOf("customer-1"));

        Assert.Contains("[Yes]", await chat.SayAsync("forget me"));
        Assert.Contains("I haven't deleted anything", await chat.TapAsync("No"));

        Assert.Equal(before, await RecordsOfAsync(bot, CustomerOf("customer-1")));
    }

    private static TestAdapter ChatOf(string conversation, string customer) =>
        new(TestAdapter.CreateConversation(conversation, customer, "bot"))
        {
            Conversation = { ChannelId = Channels.Test },
        };

    private static async Task<string> DeleteAgainAsync(CustomerChat chat)
    {
        await chat.SayAsync("erase my information");
        var said = await chat.SayAsync("yes");
        return said.Replace("I found no records about you", "I've deleted 0", StringComparison.Ordinal);
    }

    private static async Task OpenTicketAndRateAsync(CustomerChat chat)
    {
        await chat.SayAsync("I want to open a ticket");
        await chat.TapAsync("A card");
        await chat.SayAsync("My card was swallowed by a cash machine");
        await chat.TapAsync("Normal");
        Assert.Contains("what e-mail address", await chat.TapAsync("No"));
        Assert.Contains("how would you rate this chat", await chat.SayAsync("skip"));
        await chat.TapAsync("3 - OK");
        await chat.SayAsync("no");
        Assert.Contains("Thank you for your feedback!", await chat.SayAsync("7"));
    }

    private static async Task AskForSavingsAnonymouslyAsync(CustomerChat chat)
    {
        await chat.SayAsync("open a savings account");
        await chat.TapAsync("A home deposit");
        await chat.SayAsync("5000");
        await chat.TapAsync("Not sure yet");
        await chat.TapAsync("Yes");
        await chat.TapAsync("Not for years");
        await chat.TapAsync("No");
        Assert.Contains("without any contact details", await chat.TapAsync("No"));
    }

    private static string CustomerOf(string user) => Customer.IdOf(new Activity
    {
        ChannelId = Channels.Test, From = new ChannelAccount(user),
    });

    private static async Task<List<string>> RecordsOfAsync(BotHarness bot, string customer)
    {
        var store = bot.Get<IDocumentStore>();
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(string.Empty))
        {
            if (!key.StartsWith("state/", StringComparison.Ordinal)
                && (await store.ReadAsync(key))?.Content["customer"]?.ToString() == customer)
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
