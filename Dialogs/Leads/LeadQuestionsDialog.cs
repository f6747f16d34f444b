using System.Globalization;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Leads;

/// <summary>Where the product questions stand: the product, the next question, the answers so far.</summary>
public sealed record LeadQuestionsProgress(string Product, int Index, List<LeadAnswer> Answers);

/// <summary>
/// Asks a product's own questions from the catalogue, one at a time, each with the prompt its kind needs and
/// the limits the catalogue sets; then hands the answers back. It loops by starting itself again with the
/// next question, so a product can have any number of questions.
/// </summary>
public sealed class LeadQuestionsDialog : ComponentDialog
{
    /// <summary>The dialog id.</summary>
    public const string DialogId = "lead.questions";

    private const string StepsId = DialogId + ".steps";

    private readonly LeadProducts products;

    /// <summary>Creates the questions of every product in the catalogue.</summary>
    public LeadQuestionsDialog(LeadProducts products)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(products);
        this.products = products;
        AddDialog(new WaterfallDialog(StepsId, [AskAsync, KeepAnswerAsync]));
        foreach (var product in products.All)
        {
            foreach (var question in product.Questions)
            {
                AddDialog(PromptFor(PromptId(product, question), question));
            }
        }
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var progress = step.OptionsAs<LeadQuestionsProgress>()!;
        var product = products.Find(progress.Product)!;
        if (progress.Index >= product.Questions.Count)
        {
            return await step.EndAsync(progress.Answers, cancel);
        }

        var question = product.Questions[progress.Index];
        var options = question.Kind == QuestionKind.Choice
            ? PromptOptions.Choose(question.Ask, question.Choices!.Select(c => c.AsOption()), question.Retry)
            : PromptOptions.Ask(question.Ask, question.Retry);
        return await step.PromptAsync(PromptId(product, question), options, cancel);
    }

    private async Task<DialogTurnResult> KeepAnswerAsync(WaterfallStepContext step, CancellationToken cancel)
    {
        var progress = step.OptionsAs<LeadQuestionsProgress>()!;
        var product = products.Find(progress.Product)!;
        var question = product.Questions[progress.Index];
        var answer = AnswerOf(question, step.Result);
        if (question.NotMoreThan is { } limitId && progress.Answers.FirstOrDefault(a => a.Id == limitId) is { } limit
            && Number(answer) > Number(limit))
        {
            // A check across two answers: said plainly, then the same question again.
            await step.Dialog.SendAsync($"The {question.Label.ToLowerInvariant()} can't be more than the " +
                $"{limit.Label.ToLowerInvariant()} ({limit.Shown}).", cancel);
            return await step.Dialog.ReplaceDialogAsync(StepsId, progress, cancel);
        }

        progress.Answers.Add(answer);
        return await step.Dialog.ReplaceDialogAsync(StepsId, progress with { Index = progress.Index + 1 }, cancel);
    }

    private static string PromptId(LeadProduct product, LeadQuestion question) =>
        $"{DialogId}.{product.Id}.{question.Id}";

    private static Dialog PromptFor(string id, LeadQuestion question) => question.Kind switch
    {
        QuestionKind.Amount => new AmountPrompt(id,
            (check, _) => FitsAsync(check, check.Recognized.Value!.Amount, question)),
        QuestionKind.Number => new NumberPrompt(id, (check, _) => FitsAsync(check, check.Recognized.Value, question)),
        QuestionKind.Choice => new ChoicePrompt(id),
        QuestionKind.YesNo => new ConfirmPrompt(id),
        _ => new TextPrompt(id, maxLength: 300),
    };

    private static Task<bool> FitsAsync<T>(PromptValidatorContext<T> check, decimal value, LeadQuestion question)
    {
        var fits = (question.Min is not { } min || value >= min) && (question.Max is not { } max || value <= max);
        if (!fits)
        {
            check.RetryMessage = LeadWording.Range(question.Min, question.Max) + " " + question.Ask;
        }

        return Task.FromResult(fits);
    }

    private static LeadAnswer AnswerOf(LeadQuestion question, object? result)
    {
        var (value, shown) = result switch
        {
            Money money => (Invariant(money.Amount), money.ToString()),
            decimal number => (Invariant(number), number.ToString("#,0.##", CultureInfo.InvariantCulture)),
            bool yes => (yes ? "true" : "false", yes ? "Yes" : "No"),
            string text when question.Kind == QuestionKind.Choice =>
                (text, question.Choices!.First(c => c.Value == text).Title),
            _ => (result?.ToString() ?? string.Empty, result?.ToString() ?? string.Empty),
        };
        return new LeadAnswer(question.Id, question.Label, question.Kind, value, shown);
    }

    private static decimal Number(LeadAnswer answer) =>
        decimal.Parse(answer.Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
