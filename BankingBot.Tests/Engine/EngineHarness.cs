using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Storage;
using BankingBot.Tests.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BankingBot.Tests.Engine;

/// <summary>
/// The dialog engine alone on a <see cref="TestAdapter"/>: a root that starts the dialog under test, state
/// in a memory document store, and a "person" dialog standing for the hand-over.
/// </summary>
internal sealed class EngineHarness : IBot
{
    public const string PersonDialogId = "person";

    private readonly ConversationState conversationState;
    private readonly DialogRunner runner;

    public EngineHarness(Dialog dialogUnderTest, object? options = null, string? bankZone = null)
    {
        Store = new MemoryDocumentStore();
        conversationState = new ConversationState(new StateStorage(Store));
        var dialogs = new DialogSet()
            .Add(new StartingRoot(dialogUnderTest.Id, options))
            .Add(dialogUnderTest)
            .Add(new SayingDialog(PersonDialogId, "A person will take over."));
        var engine = new DialogEngineOptions
        {
            HandoverDialogId = PersonDialogId,
            BankTimeZone = TimeZoneInfo.FindSystemTimeZoneById(bankZone ?? "Europe/London"),
            TimeProvider = new TestClock(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)),
        };
        runner = new DialogRunner(dialogs, StartingRoot.DialogId, conversationState, engine);
        Adapter = new TestAdapter();
    }

    public MemoryDocumentStore Store { get; }

    public TestAdapter Adapter { get; }

    /// <summary>What the flow under test ended with, once it ended.</summary>
    public static object? LastResult { get; private set; }

    public TestFlow Flow() => new(Adapter, this);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await runner.RunAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <summary>A card answer as Web Chat sends it: a message with a value and no text.</summary>
    public static IActivity CardAnswer(Newtonsoft.Json.Linq.JObject data) =>
        new Activity(ActivityTypes.Message) { Value = data, ChannelData = new { postBack = true } };

    private sealed class StartingRoot(string childId, object? options) : Dialog(DialogId)
    {
        public const string DialogId = "testRoot";

        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? _, CancellationToken cancel) =>
            dc.BeginDialogAsync(childId, options, cancel);

        public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancel) =>
            dc.BeginDialogAsync(childId, options, cancel);

        public override async Task<DialogTurnResult> ResumeAsync(
            DialogContext dc, ResumeReason reason, object? result, CancellationToken cancel)
        {
            if (reason == ResumeReason.ChildEnded)
            {
                LastResult = result;
                await dc.SendAsync($"Done: {result}", cancel);
            }

            return DialogTurnResult.EndOfTurn;
        }
    }

    private sealed class SayingDialog(string id, string text) : Dialog(id)
    {
        public override async Task<DialogTurnResult> BeginAsync(
            DialogContext dc, object? options, CancellationToken cancel)
        {
            await dc.SendAsync(text, cancel);
            return await dc.EndDialogAsync(null, cancel);
        }
    }
}
