using BankingBot.Dialogs.Support;
using BankingBot.Tests.Conversations;
using Microsoft.Bot.Builder.Adapters;

namespace BankingBot.Tests.Support;

/// <summary>Short ways to write what the customer hears in a support conversation.</summary>
internal static class SupportTalk
{
    /// <summary>
    /// The whole bot, as <see cref="BotHarness.Create"/> makes it, except that it offers no rating after a support
    /// answer: that offer belongs to the feedback flow and is tested there, and here it would only interleave.
    /// </summary>
    public static BotHarness CreateBot(DateTimeOffset? now = null) => BotHarness.Create(now,
        new Dictionary<string, string?> { ["Bank:Feedback:NotOfferedAfter:0"] = SupportDialog.DialogId });

    /// <summary>The one-line introduction the bot gives before answering a first message.</summary>
    public static TestFlow Introduced(this TestFlow flow) =>
        flow.AssertReply(a => Assert.Contains("automated assistant", BotHarness.Said(a)));

    /// <summary>The next reply contains every one of <paramref name="parts"/>.</summary>
    public static TestFlow Hears(this TestFlow flow, params string[] parts) => flow.AssertReply(a =>
    {
        var said = BotHarness.Said(a);
        foreach (var part in parts)
        {
            Assert.True(said.Contains(part, StringComparison.Ordinal), $"Expected \"{part}\" in: {said}");
        }
    });

    /// <summary>The root's question after a finished flow.</summary>
    public static TestFlow AskedAnythingElse(this TestFlow flow) =>
        flow.AssertReply("Is there anything else I can do for you?");
}
