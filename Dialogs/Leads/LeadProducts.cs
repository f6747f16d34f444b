using BankingBot.Cards;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Leads;

/// <summary>The kinds of answer a product question takes, as written in Knowledge/lead-products.json.</summary>
public static class QuestionKind
{
    /// <summary>An amount of money ("250k").</summary>
    public const string Amount = "amount";

    /// <summary>A plain number ("3").</summary>
    public const string Number = "number";

    /// <summary>One of the question's choices.</summary>
    public const string Choice = "choice";

    /// <summary>Yes or no.</summary>
    public const string YesNo = "yesno";

    /// <summary>A few words in the customer's own words.</summary>
    public const string Text = "text";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Amount, Number, Choice, YesNo, Text };
}

/// <summary>One option of a choice question.</summary>
public sealed record LeadChoice(string Value, string Title, IReadOnlyList<string>? Synonyms = null)
{
    /// <summary>The option as a prompt shows it.</summary>
    public ChoiceOption AsOption() => new(Value, Title, Synonyms);
}

/// <summary>A question the bot asks about one product, with the limits of a sensible answer.</summary>
public sealed record LeadQuestion(string Id, string Label, string Kind, string Ask, string? Retry,
    decimal? Min = null, decimal? Max = null, string? NotMoreThan = null, IReadOnlyList<LeadChoice>? Choices = null);

/// <summary>How the bot asks what the product is for: a few suggestions, or the customer's own words.</summary>
public sealed record LeadPurposeQuestion(string Ask, IReadOnlyList<string> Choices);

/// <summary>How the bot asks for the product's amount (loan, limit, first deposit, turnover).</summary>
public sealed record LeadAmountQuestion(string Ask, string Retry, string Label, decimal Min, decimal Max);

/// <summary>A product a customer can ask about, and what sales needs to know about it.</summary>
public sealed record LeadProduct(string Id, string Title, string Name, string Team, IReadOnlyList<string> Synonyms,
    LeadPurposeQuestion Purpose, LeadAmountQuestion Amount, IReadOnlyList<LeadQuestion> Questions)
{
    /// <summary>The product as an option of the "which product?" question.</summary>
    public ChoiceOption AsOption() => new(Id, Title, Synonyms);
}

/// <summary>
/// The products and their questions: the data file Knowledge/lead-products.json, which the bank edits. It is
/// checked when the bot starts, so a typo stops the start instead of a customer's conversation.
/// </summary>
public sealed class LeadProducts
{
    private readonly Dictionary<string, LeadProduct> byId;

    private LeadProducts(IReadOnlyList<LeadProduct> products)
    {
        All = products;
        byId = products.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The products in the order customers see them.</summary>
    public IReadOnlyList<LeadProduct> All { get; }

    /// <summary>The product with this id, or null.</summary>
    public LeadProduct? Find(string? id) => id is not null ? byId.GetValueOrDefault(id.Trim()) : null;

    /// <summary>The ids of all product questions: fields a scoring rule may test besides the common ones.</summary>
    public IReadOnlySet<string> QuestionIds => All.SelectMany(p => p.Questions).Select(q => q.Id).ToHashSet();

    /// <summary>Loads and checks the catalogue.</summary>
    public static LeadProducts Load(string path)
    {
        var root = JObject.Parse(File.ReadAllText(path));
        var products = root["products"]?.ToObject<List<LeadProduct>>(JsonSerializer.CreateDefault())
            ?? throw new InvalidDataException($"{path}: 'products' is missing.");
        if (products.Count == 0)
        {
            throw new InvalidDataException($"{path}: no products.");
        }

        foreach (var product in products)
        {
            Check(path, product);
        }

        var duplicate = products.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new LeadProducts(products)
            : throw new InvalidDataException($"{path}: product '{duplicate.Key}' appears twice.");
    }

    private static void Check(string path, LeadProduct product)
    {
        var where = $"{path}: product '{product.Id}'";
        Require(!string.IsNullOrWhiteSpace(product.Id) && !string.IsNullOrWhiteSpace(product.Name)
            && !string.IsNullOrWhiteSpace(product.Team), $"{where} needs an id, a name and a team.");
        RequireTitle(product.Title, where);
        var purpose = product.Purpose is { Ask.Length: > 0, Choices: not null } given ? given
            : throw new InvalidDataException($"{where}: 'purpose' needs ask and choices.");
        var questions = product.Questions
            ?? throw new InvalidDataException($"{where}: 'questions' is missing (write [] for none).");
        foreach (var choice in purpose.Choices)
        {
            RequireTitle(choice, where);
        }

        Require(product.Amount is { Ask.Length: > 0, Label.Length: > 0 } amount && amount.Min <= amount.Max,
            $"{where}: 'amount' needs ask, label, and min no larger than max.");
        var earlier = new List<LeadQuestion>();
        foreach (var question in questions)
        {
            var at = $"{where}, question '{question.Id}'";
            Require(!string.IsNullOrWhiteSpace(question.Id) && !string.IsNullOrWhiteSpace(question.Ask)
                && !string.IsNullOrWhiteSpace(question.Label), $"{at} needs an id, a label and a question.");
            Require(QuestionKind.All.Contains(question.Kind), $"{at}: kind '{question.Kind}' is not known.");
            Require(question.Min is null || question.Max is null || question.Min <= question.Max, $"{at}: min > max.");
            Require(question.Kind != QuestionKind.Choice || question.Choices is { Count: >= 2 },
                $"{at}: a choice question needs at least two choices.");
            foreach (var choice in question.Choices ?? [])
            {
                RequireTitle(choice.Title, at);
            }

            Require(question.NotMoreThan is null || earlier.Any(q => q.Id == question.NotMoreThan
                && q.Kind is QuestionKind.Amount or QuestionKind.Number),
                $"{at}: 'notMoreThan' must name an earlier amount or number question.");
            Require(earlier.All(q => q.Id != question.Id), $"{at} appears twice.");
            earlier.Add(question);
        }
    }

    private static void RequireTitle(string? title, string where) => Require(
        !string.IsNullOrWhiteSpace(title) && title.Length <= Cards.ChannelProfile.MaxTitleLength,
        $"{where}: '{title}' must be 1 to {Cards.ChannelProfile.MaxTitleLength} characters, to fit on a button.");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException(message);
        }
    }
}
