using BankingBot.Cards;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Understanding;

namespace BankingBot.Dialogs.Feedback;

/// <summary>What the customer did with the rating question.</summary>
public enum RatingChoice
{
    /// <summary>Gave a rating.</summary>
    Rated,

    /// <summary>Said no thanks.</summary>
    Declined,

    /// <summary>Asked something else instead; the message is for the root dialog to route.</summary>
    AskedSomethingElse,
}

/// <summary>The answer to the rating question: what the customer did, and the rating when they gave one.</summary>
public sealed record RatingAnswer(RatingChoice Choice, int Rating = 0);

/// <summary>
/// Asks for a rating from 1 to 5 (a button, a number, a word, stars or an emoji) without trapping the
/// customer: "no thanks" declines, and a message that is plainly something else (a question, another request)
/// ends the question so that the message can be answered. When the bot offered the rating unasked
/// (<paramref name="offered"/>), any message of two words or more that is not a rating counts as something else.
/// </summary>
public sealed class RatingPrompt(string id, bool offered) : Prompt<RatingAnswer>(id)
{
    /// <summary>The buttons of the question; their values are the ratings.</summary>
    public static readonly IReadOnlyList<ChoiceOption> Choices =
    [
        new("1", "1 - Very poor"), new("2", "2 - Poor"), new("3", "3 - OK"), new("4", "4 - Good"),
        new("5", "5 - Excellent"),
    ];

    private static readonly HashSet<string> NoThanks =
        ["skip", "no feedback", "rather not", "i'd rather not", "not today", "no rating", "pass"];

    /// <inheritdoc />
    protected override Task<PromptRecognition<RatingAnswer>> RecognizeAsync(
        DialogContext dc, PromptInput input, PromptOptions options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Ratings.Read(input.Answer) is { } rating)
        {
            return Found(new RatingAnswer(RatingChoice.Rated, rating));
        }

        var text = input.IsCardAnswer ? null : input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Task.FromResult(PromptRecognition<RatingAnswer>.Failed);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (NoThanks.Contains(ChoiceRecognizer.Normalize(text)) || (words <= 3 && ConfirmPrompt.Read(text) is false))
        {
            return Found(new RatingAnswer(RatingChoice.Declined));
        }

        return IsSomethingElse(text, words)
            ? Found(new RatingAnswer(RatingChoice.AskedSomethingElse))
            : Task.FromResult(PromptRecognition<RatingAnswer>.Failed);
    }

    private bool IsSomethingElse(string text, int words)
    {
        var route = Router.Route(text).Job;
        if (route is Job.Feedback)
        {
            return false;
        }

        return route is not (Job.Support or Job.Unknown) || text.Contains('?') || (offered ? words >= 2 : words >= 6);
    }

    private static Task<PromptRecognition<RatingAnswer>> Found(RatingAnswer answer) =>
        Task.FromResult(PromptRecognition<RatingAnswer>.Of(answer));
}
