using BankingBot.Dialogs.Engine;
using BankingBot.Tests.Conversations;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Engine;

/// <summary>A small transfer flow: a waterfall that asks, starts a child component and uses its result.</summary>
internal sealed class TransferDialog : ComponentDialog
{
    public TransferDialog()
        : base("transfer")
    {
        AddDialog(new WaterfallDialog("transfer.steps", [AskAmountAsync, AskPayeeAsync, AskReferenceAsync, DoneAsync]));
        AddDialog(new NumberPrompt("transfer.amount"));
        AddDialog(new TextPrompt("transfer.reference"));
        AddDialog(new PayeeDialog());
    }

    public override string Purpose => "the transfer";

    public override string Help => "I need an amount, a payee and a reference.";

    private static Task<DialogTurnResult> AskAmountAsync(WaterfallStepContext step, CancellationToken cancel) =>
        step.PromptAsync("transfer.amount",
            PromptOptions.Ask("How much?", "Please give an amount in numbers."), cancel);

    private static Task<DialogTurnResult> AskPayeeAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("amount", (decimal)step.Result!);
        return step.BeginDialogAsync("payee", null, cancel);
    }

    private static Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("payee", (string)step.Result!);
        return step.PromptAsync("transfer.reference", PromptOptions.Ask("What reference?"), cancel);
    }

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken cancel) =>
        step.EndAsync($"{step.Get<decimal>("amount")} to {step.Get<string>("payee")} ref {step.Result}", cancel);

    /// <summary>A child component with its own prompt: picks a payee.</summary>
    private sealed class PayeeDialog : ComponentDialog
    {
        public PayeeDialog()
            : base("payee")
        {
            AddDialog(new WaterfallDialog("payee.steps", [AskAsync, ReturnAsync]));
            AddDialog(new ChoicePrompt("payee.choice"));
        }

        private static Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancel) =>
            step.PromptAsync("payee.choice", PromptOptions.Choose("To whom?",
                [new("alice", "Alice"), new("bob", "Bob")]), cancel);

        private static Task<DialogTurnResult> ReturnAsync(WaterfallStepContext step, CancellationToken cancel) =>
            step.EndAsync(step.Result, cancel);
    }
}

/// <summary>A waterfall whose first step skips to the next within the same turn.</summary>
internal sealed class SkippingDialog : ComponentDialog
{
    public SkippingDialog()
        : base("skipping")
    {
        AddDialog(new WaterfallDialog("skipping.steps", [
            (step, cancel) =>
            {
                step.Set("a", 1);
                return step.NextAsync(null, cancel);
            },
            (step, cancel) =>
            {
                step.Set("b", 2);
                return step.PromptAsync("skipping.c", PromptOptions.Ask("And c?"), cancel);
            },
            (step, cancel) => step.EndAsync($"{step.Get<int>("a")}+{step.Get<int>("b")}+{step.Result}", cancel),
        ]));
        AddDialog(new NumberPrompt("skipping.c"));
    }
}

public sealed class FlowTests
{
    [Fact]
    public async Task WaterfallRunsItsStepsAndReceivesTheChildDialogsResult()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("twenty").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .Send("Bob").AssertReply("What reference?")
            .Send("rent").AssertReply("Done: 20 to bob ref rent")
            .StartTestAsync();
    }

    [Fact]
    public async Task ValuesStoredBySkippedStepsInOneTurnAreAllKept()
    {
        // The first step skips ahead; the second stores a value and asks; the answer comes a turn later.
        var bot = new EngineHarness(new SkippingDialog());
        await bot.Flow().Send("start").AssertReply("And c?").Send("3").AssertReply("Done: 1+2+3").StartTestAsync();
    }

    [Fact]
    public async Task CancelThenNoResumesAtTheSameQuestion()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("cancel").AssertReply(a => Assert.Contains("Do you want to stop the transfer?", BotHarness.Said(a)))
            .Send("no").AssertReply("No problem, let's carry on.").AssertReply("How much?")
            .Send("5").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelThenYesStopsTheFlow()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("5").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .Send("stop please")
            .AssertReply(a => Assert.Contains("Do you want to stop the transfer?", BotHarness.Said(a)))
            .Send("yes").AssertReply(a => Assert.Contains("I've stopped that", BotHarness.Said(a)))
            .StartTestAsync();
        Assert.Empty(await StackOf(bot));
    }

    [Fact]
    public async Task HelpExplainsTheFlowAndAsksTheQuestionAgain()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("help").AssertReply("I need an amount, a payee and a reference.").AssertReply("How much?")
            .StartTestAsync();
    }

    [Fact]
    public async Task FreeTextContainingHelpOrCancelIsAnAnswerNotACommand()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("5").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .Send("alice").AssertReply("What reference?")
            .Send("help with the cancelled holiday")
            .AssertReply("Done: 5 to alice ref help with the cancelled holiday")
            .StartTestAsync();
    }

    [Fact]
    public async Task StartOverGoesBackToTheBeginning()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("5").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .Send("start over").AssertReply("How much?")
            .StartTestAsync();
    }

    [Fact]
    public async Task TalkToAPersonLeavesTheFlowForTheHandover()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("can I talk to a person please").AssertReply("A person will take over.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterThreeWrongAnswersTheCustomerIsOfferedAPersonInsteadOfBeingAskedForever()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("lots").AssertReply("Please give an amount in numbers.")
            .Send("loads").AssertReply("Please give an amount in numbers.")
            .Send("heaps")
            .AssertReply(a => Assert.Contains("talk to a person, try once more, or stop", BotHarness.Said(a)))
            .Send("a person").AssertReply("A person will take over.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterTheRetryLimitSomethingElseAltogetherIsHandledAsANewRequest()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("x").AssertReply("Please give an amount in numbers.")
            .Send("y").AssertReply("Please give an amount in numbers.")
            .Send("z").AssertReply(a => Assert.Contains("try once more", BotHarness.Said(a)))
            .Send("I'd like to give some feedback")
            // The flow under test is stopped and the message starts afresh at the root (here: the same flow).
            .AssertReply("How much?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterTheRetryLimitTheCustomerCanTryAgain()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("x").AssertReply("Please give an amount in numbers.")
            .Send("y").AssertReply("Please give an amount in numbers.")
            .Send("z").AssertReply(a => Assert.Contains("try once more", BotHarness.Said(a)))
            .Send("try again").AssertReply("How much?")
            .Send("7").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task AnswerFromAnOldCardChangesNothing()
    {
        var bot = new EngineHarness(new TransferDialog());
        JObject? stale = null;
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("5").AssertReply(a => stale = BotHarness.ButtonData(a, "Alice"))
            .Send(EngineHarness.CardAnswer(stale!)).AssertReply("What reference?")
            .Send(EngineHarness.CardAnswer(stale!))
            .AssertReply(a => Assert.Contains("expired or was already answered", BotHarness.Said(a)))
            .AssertReply("What reference?")
            .Send("rent").AssertReply("Done: 5 to alice ref rent")
            .StartTestAsync();
    }

    [Fact]
    public async Task ButtonWithoutAPromptIdPressedWhileAQuestionWaitsChangesNothing()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("5").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .Send(EngineHarness.CardAnswer(new JObject { ["answer"] = "alice" }))
            .AssertReply(a => Assert.Contains("expired or was already answered", BotHarness.Said(a)))
            .AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task APoliteCommandIsACommandEvenWhenAFreeTextAnswerIsExpected()
    {
        var bot = new EngineHarness(new TransferDialog());
        await bot.Flow()
            .Send("start").AssertReply("How much?")
            .Send("5").AssertReply(a => Assert.Contains("To whom?", BotHarness.Said(a)))
            .Send("alice").AssertReply("What reference?")
            .Send("can I talk to a person please").AssertReply("A person will take over.")
            .StartTestAsync();
    }

    private static async Task<JArray> StackOf(EngineHarness bot)
    {
        await foreach (var key in bot.Store.ListKeysAsync("state/"))
        {
            var stored = await bot.Store.ReadAsync(key);
            return (JArray)stored!.Content.SelectToken("dialogState.stack")!;
        }

        throw new InvalidOperationException("No conversation state was saved.");
    }
}
