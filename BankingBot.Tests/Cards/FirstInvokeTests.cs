using BankingBot.Tests.Conversations;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Cards;

public sealed class FirstInvokeTests
{
    [Fact]
    public async Task ACardActionInAConversationTheBotHasNotSeenYetStartsWhatItAsksFor()
    {
        await using var bot = BotHarness.Create(channel: "msteams");
        var invoke = new Activity(ActivityTypes.Invoke)
        {
            Name = "adaptiveCard/action",
            Value = JObject.FromObject(new { action = new { type = "Action.Execute", verb = "answer",
                data = new { answer = "menu:ticket" } } }),
        };

        string? answered = null;
        await bot.Flow()
            .Send(invoke)
            .AssertReply(reply => answered = JObject.FromObject(reply).ToString())
            .StartTestAsync();

        Assert.Contains("What is it about?", answered);
    }
}
