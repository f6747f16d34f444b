using BankingBot.Cards;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Understanding;
using BankingBot.Dialogs.Understanding.Intents;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace BankingBot.Dialogs.Support;

/// <summary>
/// Answers a customer's question: small talk first, then a glossary question, then the intent recognizer. A
/// confident answer may offer a next step (a ticket, a person, a product); an unsure one asks "did you mean…?"
/// with the likeliest topics, and a second unsure question in a row offers a person instead.
/// </summary>
public sealed partial class SupportDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "support";

    /// <summary>
    /// The probability a question asked in the middle of another flow needs before it is answered there. Kept high
    /// so that an answer to the flow's question is not mistaken for a new question.
    /// </summary>
    public const float AsideMinimumProbability = 0.9f;

    private const string StepsId = DialogId + ".steps";
    private const string QuestionId = DialogId + ".question";
    private const string ClarifyId = DialogId + ".clarify";
    private const string OfferId = DialogId + ".offer";
    private const string NoneOfThese = "none";
    private const string NotUnderstoodDeclined = "All right. If you like, try asking in other words.";
    private const string OfferKey = "offer";
    private const string SuggestedKey = "suggested";

    private readonly KnowledgeBase knowledge;
    private readonly Glossary glossary;
    private readonly SmallTalk smallTalk;
    private readonly IIntentRecognizer? recognizer;
    private readonly IReadOnlyDictionary<Job, string> flows;
    private readonly IStatePropertyAccessor<SupportMemory> memory;
    private readonly ILogger logger;

    /// <summary>Creates the flow. Without a recognizer (no model) it answers small talk and glossary only.</summary>
    public SupportDialog(KnowledgeBase knowledge, Glossary glossary, SmallTalk smallTalk, IIntentRecognizer? recognizer,
        ConversationState conversationState, IReadOnlyDictionary<Job, string> flows, ILogger<SupportDialog> logger)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        this.knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        this.glossary = glossary ?? throw new ArgumentNullException(nameof(glossary));
        this.smallTalk = smallTalk ?? throw new ArgumentNullException(nameof(smallTalk));
        this.flows = flows ?? throw new ArgumentNullException(nameof(flows));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        this.recognizer = recognizer;
        if (recognizer is null)
        {
            logger.LogWarning("No intent recognizer: support answers small talk and glossary questions only, and " +
                "offers a person for everything else");
        }

        if (knowledge.TermsMissingFrom(glossary) is { Count: > 0 } unexplained)
        {
            logger.LogWarning("Support answers use {TermCount} terms the glossary does not explain: {Terms}",
                unexplained.Count, string.Join(", ", unexplained));
        }

        memory = conversationState.CreateProperty<SupportMemory>("supportMemory");
        AddDialog(new WaterfallDialog(StepsId,
            [AskQuestionAsync, UnderstandAsync, AnswerChoiceAsync, OfferAsync, ActOnOfferAsync]));
        AddDialog(new TextPrompt(QuestionId, maxLength: int.MaxValue));
        // The suggestions are read in AnswerChoiceAsync: an answer that is none of them is a rephrased question.
        AddDialog(new TextPrompt(ClarifyId, maxLength: int.MaxValue));
        AddDialog(new ConfirmPrompt(OfferId));
    }

    /// <inheritdoc />
    public override string Purpose => "answering your question";

    /// <inheritdoc />
    public override string Help => "Ask me a banking question in your own words, for example \"my card hasn't " +
        "arrived\" or \"what does APR mean?\". Say \"talk to a person\" at any time to reach a colleague.";

    private static async Task<DialogTurnResult> AskQuestionAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (step.OptionsAs<string>() is { } question)
        {
            return await step.NextAsync(question, cancel);
        }

        step.Set("asked", true);
        return await step.PromptAsync(QuestionId, PromptOptions.Ask("What's your question?",
            "Please type your question in a few words."), cancel);
    }

    private async Task<DialogTurnResult> UnderstandAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var dc = step.Dialog;
        var question = (step.Result as string ?? string.Empty).Trim();
        if (step.Get<bool>("asked") && OtherJob(question) is { } other)
        {
            // Asked "what's your question?", the customer asked for another job ("open a ticket"): that job runs.
            return await dc.ReplaceDialogAsync(other.Flow, other.Detail, cancel);
        }

        var remembered = await RememberedAsync(dc, cancel);
        if (smallTalk.Answer(question) is { } talk)
        {
            logger.LogInformation("Small talk answered: {SmallTalkKind}", talk.Kind);
            await dc.SendAsync(talk.Text, cancel);
            if (talk.Kind != SmallTalkKind.Insult || dc.FindDialog(HandoverDialog.DialogId) is null)
            {
                return await step.EndAsync(null, cancel);
            }

            return await step.NextAsync(PersonOffer("Would you like me to pass you to a colleague?",
                "customer was upset", "All right. I'm here when you're ready."), cancel);
        }

        if (Glossary.AsksAboutLastAnswer(question))
        {
            await ExplainLastAnswerAsync(dc, remembered, cancel);
            return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
        }

        if (glossary.FindQuestion(question) is { } term)
        {
            logger.LogInformation("Glossary term {Term} explained (exact: {Exact})", term.Entry.Term, term.IsExact);
            remembered.LastTerms = [];
            await dc.SendAsync(Glossary.Explain(term), cancel);
            return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
        }

        return await RecognizeAsync(step, question, remembered, cancel);
    }

    private async Task<DialogTurnResult> RecognizeAsync(WaterfallStepContext step, string question,
        SupportMemory remembered, CancellationToken cancel)
    {
        var prediction = recognizer?.Recognize(question);
        if (prediction is { IsConfident: true } && knowledge.Find(prediction.Top.Intent) is { } topic)
        {
            logger.LogInformation("Support topic {Intent} recognised ({Probability:F2})", topic.Intent,
                prediction.Top.Probability);
            return await step.NextAsync(topic, cancel);
        }

        if (glossary.UnknownTermAsked(question) is { } unknown)
        {
            // "What does foobar mean?": a definition was asked for a word the glossary does not have.
            logger.LogInformation("Glossary question about a term it does not have");
            await step.Dialog.SendAsync($"I don't have a plain-words explanation of \"{unknown}\" yet. I can " +
                "explain banking terms such as APR, IBAN or overdraft, or you can ask me your question in other " +
                "words.", cancel);
            return await step.EndAsync(new FlowOutcome(DialogId, Completed: false), cancel);
        }

        var likely = (prediction?.Ranked ?? []).Select(s => knowledge.Find(s.Intent)).OfType<SupportTopic>().Take(3)
            .ToList();
        logger.LogInformation("Support question not recognised with confidence (top {Intent}, {Probability:F2}, " +
            "{UnsureInARow} before in a row)", prediction?.Top.Intent, prediction?.Top.Probability,
            remembered.UnsureInARow);
        if (remembered.UnsureInARow >= 1 || likely.Count < 2)
        {
            remembered.UnsureInARow = 0;
            await step.Dialog.SendAsync("I'm sorry, I'm not sure I understand that question.", cancel);
            return await step.NextAsync(PersonOffer("Would you like me to pass your question to a colleague?",
                "support question not understood"), cancel);
        }

        remembered.UnsureInARow++;
        step.Set(SuggestedKey, likely.Select(t => t.Intent).ToList());
        return await step.PromptAsync(ClarifyId, PromptOptions.Choose("I'm not quite sure what you mean. Did you " +
            "mean one of these?", Suggestions(likely), "Please pick one of the options, or say \"none of these\"."),
            cancel);
    }

    private async Task<DialogTurnResult> AnswerChoiceAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (step.Result is SupportOffer offerMade)
        {
            return await step.NextAsync(offerMade, cancel);
        }

        var dc = step.Dialog;
        var remembered = await RememberedAsync(dc, cancel);
        if (step.Result is not SupportTopic topic)
        {
            var answer = step.Result as string ?? string.Empty;
            var suggested = (step.Get<List<string>>(SuggestedKey) ?? []).Select(knowledge.Find)
                .OfType<SupportTopic>().ToList();
            var picked = ChoiceRecognizer.Recognize(answer, Suggestions(suggested));
            if (picked?.Value == NoneOfThese)
            {
                logger.LogInformation("Customer chose none of the suggested support topics");
                remembered.UnsureInARow = 0;
                await dc.SendAsync("Sorry I couldn't find the right answer.", cancel);
                return await step.NextAsync(PersonOffer("Would you like me to pass your question to a colleague?",
                    "support question not understood"), cancel);
            }

            if (knowledge.Find(picked?.Value) is not { } chosen)
            {
                // Not one of the suggestions: the customer put the question another way, or asked something else.
                return OtherJob(answer) is { } other
                    ? await dc.ReplaceDialogAsync(other.Flow, other.Detail, cancel)
                    : await dc.ReplaceDialogAsync(StepsId, answer, cancel);
            }

            logger.LogInformation("Customer chose the suggested support topic {Intent}", chosen.Intent);
            topic = chosen;
        }

        await AnswerTopicAsync(dc, topic, remembered, cancel);
        return OfferAfter(dc, topic) is { } offer
            ? await step.NextAsync(offer, cancel)
            : await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }

    private static async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var offer = (SupportOffer)step.Result!;
        step.Set(OfferKey, offer);
        return await step.PromptAsync(OfferId, PromptOptions.Ask(offer.Question, "Please answer yes or no. " +
            offer.Question), cancel);
    }

    private async Task<DialogTurnResult> ActOnOfferAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var dc = step.Dialog;
        var offer = step.Get<SupportOffer>(OfferKey)!;
        if (step.Result is not true)
        {
            await dc.SendAsync(offer.Declined, cancel);
            return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
        }

        logger.LogInformation("Support offer accepted: {OfferKind}", offer.Kind);
        return offer.Kind switch
        {
            NextStep.Ticket => await dc.ReplaceDialogAsync(TicketDialog.DialogId,
                new TicketPreset(offer.Category, offer.Urgency), cancel),
            NextStep.Sales => await dc.ReplaceDialogAsync(flows[Job.Lead], offer.Product, cancel),
            _ => await dc.ReplaceDialogAsync(HandoverDialog.DialogId, offer.Reason, cancel),
        };
    }

    private async Task AnswerTopicAsync(DialogContext dc, SupportTopic topic, SupportMemory remembered,
        CancellationToken cancel)
    {
        remembered.LastTerms = [.. topic.Terms];
        remembered.UnsureInARow = 0;
        await dc.SendAsync(topic.Answer, cancel);
    }

    private SupportOffer? OfferAfter(DialogContext dc, SupportTopic topic)
    {
        var hasPerson = dc.FindDialog(HandoverDialog.DialogId) is not null;
        switch (topic.NextStep)
        {
            case { Kind: NextStep.Ticket } step when dc.FindDialog(TicketDialog.DialogId) is not null:
                return new SupportOffer(step.Kind, step.Offer, "All right, no ticket for now. If you change your " +
                    "mind, just say \"open a ticket\".", step.Category, step.Urgency);
            case { Kind: NextStep.Sales } step when flows.TryGetValue(Job.Lead, out var lead)
                && dc.FindDialog(lead) is not null:
                return new SupportOffer(step.Kind, step.Offer, "No problem.", Product: step.Product);
            case { Kind: NextStep.Sales } step when hasPerson:
                // A bot without the lead flow: a colleague can tell the customer about the product instead.
                return PersonOffer("Would you like me to put you in touch with a colleague who can tell you more " +
                    $"about our {step.Product?.Replace('_', ' ')}?", $"interested in {step.Product}", "No problem.");
            case { Kind: NextStep.Handover } step when hasPerson:
                return PersonOffer(step.Offer, $"support topic {topic.Intent}", "No problem.");
            default:
                return null;
        }
    }

    private async Task ExplainLastAnswerAsync(DialogContext dc, SupportMemory remembered, CancellationToken cancel)
    {
        var found = remembered.LastTerms.Select(glossary.Lookup).OfType<GlossaryMatch>()
            .DistinctBy(m => m.Entry.Term).ToList();
        var reply = found.Count switch
        {
            0 when remembered.LastTerms.Count == 0 =>
                "Which word would you like me to explain? You can ask, for example, \"what does APR mean?\"",
            0 => $"I don't have a plain-words explanation of {string.Join(" or ", remembered.LastTerms)} yet, I'm " +
                "afraid. A colleague can explain it: just say \"talk to a person\".",
            1 => Glossary.Explain(found[0] with { IsExact = true }),
            _ => "Here's what those terms mean:\n"
                + string.Join("\n", found.Select(m => "- " + Glossary.ExplainBriefly(m.Entry))),
        };
        logger.LogInformation("Explained {TermCount} terms of the last answer", found.Count);
        await dc.SendAsync(reply, cancel);
    }

    private (string Flow, string? Detail)? OtherJob(string text)
    {
        var route = Router.Route(text);
        return route.Job is not (Job.Support or Job.Unknown) && flows.TryGetValue(route.Job, out var flow)
            && flow != DialogId ? (flow, route.Detail) : null;
    }

    private static List<ChoiceOption> Suggestions(IEnumerable<SupportTopic> topics) =>
    [
        .. topics.Select(t => new ChoiceOption(t.Intent, t.Title)),
        new ChoiceOption(NoneOfThese, "None of these", ["none", "neither", "nope", "other"]),
    ];

    private static SupportOffer PersonOffer(string question, string reason, string declined = NotUnderstoodDeclined) =>
        new(NextStep.Handover, question, declined, Reason: reason);
}
