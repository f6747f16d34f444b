using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BankingBot.Tests.Storage;

/// <summary>Storage that is slow, not failing: every read and write of the turn takes its time.</summary>
public sealed class SlowStorageTests
{
    [Fact]
    public async Task TheChannelRetryingTheLastAnswerWhileTheTicketIsStillBeingSavedGetsTheSameTicketAndOnlyOne()
    {
        var store = new SlowDocumentStore(new MemoryDocumentStore(), TimeSpan.FromMilliseconds(60));
        await using var bot = BotHarness.Create(store: store);
        await bot.TicketUpToTheLastAnswer()
            .StartTestAsync();

        // The channel gave up waiting for the first delivery and sends the same activity again while the first
        // is still saving.
        var answer = bot.Adapter.WithChannelId(bot.Adapter.MakeActivity("skip"), "final-answer");
        var again = bot.Adapter.WithChannelId(
            JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(answer))!, "final-answer");
        var first = bot.Adapter.ProcessActivityAsync(answer, bot.Bot.OnTurnAsync, default);
        await Task.Delay(20);
        await Task.WhenAll(first, bot.Adapter.ProcessActivityAsync(again, bot.Bot.OnTurnAsync, default));

        var numbers = bot.TakeReplies().Select(TicketNumbers.Find).OfType<string>().ToList();
        Assert.Equal(2, numbers.Count);
        Assert.Equal(numbers[0], numbers[1]);
        var tickets = new List<string>();
        await foreach (var key in store.ListKeysAsync("tickets/"))
        {
            tickets.Add(key);
        }

        Assert.Equal(["tickets/" + numbers[0]], tickets);
    }

    [Fact]
    public async Task TwoDifferentMessagesSentAtOnceAreBothAnsweredInTurn()
    {
        // A double send of two different messages (a click and a typed answer) while storage is slow: the
        // second waits for the first turn to save, and neither is lost.
        var store = new SlowDocumentStore(new MemoryDocumentStore(), TimeSpan.FromMilliseconds(60));
        await using var bot = BotHarness.Create(store: store);
        await bot.Flow().Send("hello").AssertReply(_ => { }).StartTestAsync();
        bot.TakeReplies();

        await Task.WhenAll(
            bot.Adapter.ProcessActivityAsync(bot.Adapter.MakeActivity("what does APR mean"), bot.Bot.OnTurnAsync,
                default),
            bot.Adapter.ProcessActivityAsync(bot.Adapter.MakeActivity("what is an overdraft"), bot.Bot.OnTurnAsync,
                default));

        var said = string.Join(" || ", bot.TakeReplies());
        Assert.Contains("APR", said);
        Assert.Contains("overdraft", said, StringComparison.OrdinalIgnoreCase);
        var state = await store.ReadAsync($"state/test/conversations/{bot.Adapter.Conversation.Conversation.Id}");
        var lines = BotHarness.CustomerLines(state);
        Assert.Contains("what does APR mean", lines);
        Assert.Contains("what is an overdraft", lines);
    }
}
