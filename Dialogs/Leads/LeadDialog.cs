using BankingBot.Cards;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Leads;

/// <summary>
/// Qualifies a customer's interest in a product for the sales team, one question at a time: the product and
/// what it is for, the amount, when, whether they bank with us already, the product's own questions, and
/// consent to be contacted. Only with consent does it ask for a name, e-mail, phone and a time to call;
/// without it the lead is kept anonymous. Then it scores the lead, stores it once, tells sales, and tells
/// the customer who will contact them and when.
/// </summary>
public sealed class LeadDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "lead";

    private const string ProductPromptId = DialogId + ".product";
    private const string PurposePromptId = DialogId + ".purpose";
    private const string TimelinePromptId = DialogId + ".timeline";
    private const string ExistingCustomerPromptId = DialogId + ".existingCustomer";
    private const string ConsentPromptId = DialogId + ".consent";
    private const string NamePromptId = DialogId + ".name";
    private const string EmailPromptId = DialogId + ".email";
    private const string PhonePromptId = DialogId + ".phone";
    private const string ContactTimePromptId = DialogId + ".contactTime";
    private const int MaxDaysToContact = 60;

    private readonly LeadProducts products;
    private readonly LeadScoring scoring;
    private readonly LeadBook book;
    private readonly ILeadEvents events;
    private readonly BankProfile bank;
    private readonly BusinessCalendar calendar;
    private readonly TimeProvider time;

    /// <summary>Creates the flow over the product catalogue, the scoring rules and the lead book.</summary>
    public LeadDialog(LeadProducts products, LeadScoring scoring, LeadBook book, ILeadEvents events, BankProfile bank,
        BusinessCalendar calendar, TimeProvider time)
        : base(DialogId)
    {
        (this.products, this.scoring, this.book, this.events) = (products, scoring, book, events);
        (this.bank, this.calendar, this.time) = (bank, calendar, time);
        AddDialog(new WaterfallDialog(DialogId + ".steps",
        [
            AskProductAsync, AskPurposeAsync, AskAmountAsync, AskTimelineAsync, AskExistingCustomerAsync,
            AskProductQuestionsAsync, AskConsentAsync, AskNameAsync, AskEmailAsync, AskPhoneAsync,
            AskContactTimeAsync, CaptureLeadAsync,
        ]));
        AddDialog(new ChoicePrompt(ProductPromptId));
        AddDialog(new TextPrompt(PurposePromptId, maxLength: 300));
        foreach (var product in products.All)
        {
            AddDialog(new AmountPrompt(AmountPromptId(product), (check, _) => AmountFitsAsync(check, product)));
        }

        AddDialog(new TimelinePrompt(TimelinePromptId));
        AddDialog(new ConfirmPrompt(ExistingCustomerPromptId));
        AddDialog(new LeadQuestionsDialog(products));
        AddDialog(new ConfirmPrompt(ConsentPromptId));
        AddDialog(new TextPrompt(NamePromptId, NameFitsAsync, maxLength: 80));
        AddDialog(new EmailPrompt(EmailPromptId));
        AddDialog(new PhonePrompt(PhonePromptId));
        AddDialog(new DateTimePrompt(ContactTimePromptId, ContactTimeFitsAsync));
    }

    /// <inheritdoc />
    public override string Purpose => "your product enquiry";

    /// <inheritdoc />
    public override string Help =>
        "I'm asking a few questions so that the right adviser can help you with the product you're interested " +
        "in. Answer in your own words or tap a button. Say \"cancel\" to stop, or \"talk to a person\" at any time.";

    private async Task<DialogTurnResult> AskProductAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("sourcePage", LeadSource.PageOf(step.Dialog.Context));
        if (products.Find(step.OptionsAs<string>()) is { } given)
        {
            // Kept here too: when NextAsync returns, the engine saves this step's copy of the values over what
            // the next step stored in the same turn, so the next step's "product" alone would be lost.
            step.Set("product", given.Id);
            return await step.NextAsync(given.Id, cancel);
        }

        return await step.PromptAsync(ProductPromptId, PromptOptions.Choose(
            "Happy to help you find the right product. Which one are you interested in?",
            products.All.Select(p => p.AsOption()), "Please pick one of the products, or type its name."), cancel);
    }

    private async Task<DialogTurnResult> AskPurposeAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var product = products.Find((string)step.Result!)!;
        step.Set("product", product.Id);
        var suggestions = product.Purpose.Choices.Select(c => new ChoiceOption(c, c));
        return await step.PromptAsync(PurposePromptId, PromptOptions.Choose(product.Purpose.Ask, suggestions,
            "Please tell me in a few words what it's for."), cancel);
    }

    private async Task<DialogTurnResult> AskAmountAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var product = ProductOf(step);
        step.Set("purpose", PurposeOf(product, (string)step.Result!));
        return await step.PromptAsync(AmountPromptId(product),
            PromptOptions.Ask(product.Amount.Ask, product.Amount.Retry), cancel);
    }

    private static async Task<DialogTurnResult> AskTimelineAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("amount", (Money)step.Result!);
        return await step.PromptAsync(TimelinePromptId, PromptOptions.Choose("When would you like to go ahead?",
            TimelinePrompt.Choices, "Tell me roughly when, for example \"in three months\", \"next spring\" or a " +
            "date, or tap \"Not sure yet\"."), cancel);
    }

    private async Task<DialogTurnResult> AskExistingCustomerAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("timeline", (LeadTimeline)step.Result!);
        return await step.PromptAsync(ExistingCustomerPromptId, PromptOptions.Ask(
            $"Do you already bank with {bank.Name}?",
            "Please answer yes or no: do you already have an account with us?"), cancel);
    }

    private static async Task<DialogTurnResult> AskProductQuestionsAsync(WaterfallStepContext step,
        CancellationToken cancel)
    {
        step.Set("existingCustomer", step.Result is true);
        return await step.BeginDialogAsync(LeadQuestionsDialog.DialogId,
            new LeadQuestionsProgress(step.Get<string>("product")!, 0, []), cancel);
    }

    private async Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("answers", (List<LeadAnswer>)step.Result!);
        var product = ProductOf(step);
        return await step.PromptAsync(ConsentPromptId, PromptOptions.Ask(
            $"Thank you, that's all I need about {product.Name}. Would you like one of our {product.Team} to " +
            "contact you about it? If so, I'll ask for your name, e-mail and phone number. If not, I'll pass on " +
            "what you've told me without any contact details.",
            "Please answer yes or no: may one of our advisers contact you?"), cancel);
    }

    private static async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        step.Set("consent", step.Result is true);
        if (step.Result is not true)
        {
            return await step.NextAsync(null, cancel);
        }

        return await step.PromptAsync(NamePromptId, PromptOptions.Ask("What name should our adviser ask for?",
            "Please tell me the name to ask for, for example \"Sam Taylor\"."), cancel);
    }

    private static async Task<DialogTurnResult> AskEmailAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (!step.Get<bool>("consent"))
        {
            return await step.NextAsync(null, cancel);
        }

        step.Set("name", (string)step.Result!);
        return await step.PromptAsync(EmailPromptId, PromptOptions.Ask("And your e-mail address?",
            "That doesn't look like an e-mail address. Please type it like name@example.com."), cancel);
    }

    private static async Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (!step.Get<bool>("consent"))
        {
            return await step.NextAsync(null, cancel);
        }

        step.Set("email", (string)step.Result!);
        return await step.PromptAsync(PhonePromptId, PromptOptions.Ask("Which phone number should we call?",
            "That doesn't look like a phone number. Please type it with the area code, for example " +
            "020 7946 0018 or +44 20 7946 0018."), cancel);
    }

    private async Task<DialogTurnResult> AskContactTimeAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        if (!step.Get<bool>("consent"))
        {
            return await step.NextAsync(null, cancel);
        }

        step.Set("phone", (string)step.Result!);
        return await step.PromptAsync(ContactTimePromptId, PromptOptions.Ask(
            "When would suit you for a call? For example \"tomorrow at 10am\" or \"Monday afternoon\". Our " +
            $"advisers work {LeadWording.Hours(bank)}.",
            "Please tell me a day and a time, for example \"tomorrow at 10am\"."), cancel);
    }

    private async Task<DialogTurnResult> CaptureLeadAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var turn = step.Dialog.Context;
        var clock = step.Dialog.Clock;
        var product = ProductOf(step);
        var now = time.GetUtcNow();
        var lead = new Lead
        {
            CreatedAt = now, UpdatedAt = now, Channel = turn.Activity.ChannelId,
            Customer = Customer.IdOf(turn.Activity),
            Product = product.Id, Purpose = step.Get<string>("purpose")!, Amount = step.Get<Money>("amount"),
            Timeline = step.Get<LeadTimeline>("timeline"), ExistingCustomer = step.Get<bool>("existingCustomer"),
            Answers = step.Get<List<LeadAnswer>>("answers") ?? [], Consent = step.Get<bool>("consent"),
            SourcePage = step.Get<string>("sourcePage") ?? LeadSource.PageOf(turn),
        };
        if (lead.Consent && step.Result is SpokenTime preferred)
        {
            lead.Contact = new LeadContact(step.Get<string>("name")!, step.Get<string>("email")!,
                step.Get<string>("phone")!, InstantOf(preferred, clock), clock.Zone.Id);
        }

        var score = scoring.Score(lead, DateOnly.FromDateTime(clock.Now.DateTime));
        (lead.Score, lead.Temperature, lead.Reasons) = (score.Points, score.Temperature, [.. score.Reasons]);
        lead.Summary = LeadWording.Summary(lead, product, clock.Zone);
        lead.Record(now, "customer", "enquired");
        var (stored, _) = await book.CaptureAsync(lead, $"{turn.Activity.Conversation?.Id}/{turn.Activity.Id}", cancel);
        await events.RaiseNewLeadAsync(stored, cancel);

        await step.Dialog.SendAsync(LeadWording.Confirmation(stored, product, bank, calendar, clock.Zone), cancel);
        return await step.EndAsync(new FlowOutcome(DialogId, Completed: true), cancel);
    }

    private LeadProduct ProductOf(WaterfallStepContext step) => products.Find(step.Get<string>("product"))!;

    private static string AmountPromptId(LeadProduct product) => $"{DialogId}.amount.{product.Id}";

    // A tapped suggestion, or its number, keeps the suggestion's words; anything longer is kept as typed.
    private static string PurposeOf(LeadProduct product, string said)
    {
        var suggestions = product.Purpose.Choices.Select(c => new ChoiceOption(c, c)).ToList();
        var picked = ChoiceRecognizer.Recognize(said, suggestions);
        return picked is not null && said.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3
            ? picked.Title
            : said;
    }

    private static Task<bool> AmountFitsAsync(PromptValidatorContext<Money> check, LeadProduct product)
    {
        var amount = check.Recognized.Value!.Amount;
        var fits = amount >= product.Amount.Min && amount <= product.Amount.Max;
        if (!fits)
        {
            check.RetryMessage = LeadWording.Range(product.Amount.Min, product.Amount.Max) + " " + product.Amount.Ask;
        }

        return Task.FromResult(fits);
    }

    private static Task<bool> NameFitsAsync(PromptValidatorContext<string> check, CancellationToken cancel)
    {
        // "yes" or "ok" here answers the consent question again rather than giving a name.
        var name = check.Recognized.Value ?? string.Empty;
        return Task.FromResult(name.Length >= 2 && name.Any(char.IsLetter) && !name.Contains('@')
            && name.Count(char.IsDigit) == 0 && ConfirmPrompt.Read(name) is null);
    }

    private static Task<bool> ContactTimeFitsAsync(PromptValidatorContext<SpokenTime> check, CancellationToken cancel)
    {
        var said = check.Recognized.Value!;
        var clock = check.Dialog.Clock;
        var instant = InstantOf(said, clock);
        check.RetryMessage = said.IsDayOnly
            ? "And at what time of day? For example \"tomorrow at 10am\" or \"Friday afternoon\"."
            : instant < clock.Now.AddMinutes(-5) ? "That time has already passed. When would suit you for a call?"
            : instant > clock.Now.AddDays(MaxDaysToContact) ? "That's quite far off. Please pick a time within the " +
              "next two months."
            : null;
        return Task.FromResult(check.RetryMessage is null);
    }

    // The recognizer gives wall-clock time with today's offset; the offset of the day itself may differ
    // (summer time), so the instant is worked out from the customer's zone for that wall-clock time.
    private static DateTimeOffset InstantOf(SpokenTime said, CustomerClock clock)
    {
        if (said.IsNow)
        {
            return clock.Now.ToUniversalTime();
        }

        var local = said.Start.DateTime;
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
