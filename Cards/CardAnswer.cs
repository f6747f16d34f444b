using Newtonsoft.Json.Linq;

namespace BankingBot.Cards;

/// <summary>
/// The names used in the data a card sends back, shared by the renderer (which writes them) and the
/// dialogs (which read them).
/// </summary>
public static class CardAnswer
{
    /// <summary>The id of the prompt that showed the card.</summary>
    public const string PromptKey = "promptId";

    /// <summary>The chosen or typed answer.</summary>
    public const string AnswerKey = "answer";

    /// <summary>The verb of the bot's Universal Actions (Teams Action.Execute).</summary>
    public const string Verb = "answer";

    /// <summary>
    /// The data a button sends: the answer and, for a question (not for the always-valid main menu), the id
    /// of the prompt that asked it.
    /// </summary>
    public static JObject Data(string promptId, string answer)
    {
        var data = Prompt(promptId);
        data[AnswerKey] = answer;
        return data;
    }

    /// <summary>The data of a form's send button: only the prompt id, the inputs are added by the card.</summary>
    public static JObject Prompt(string promptId)
    {
        var data = new JObject();
        if (!string.IsNullOrEmpty(promptId))
        {
            data[PromptKey] = promptId;
        }

        return data;
    }
}

/// <summary>Choice lists the renderer offers itself.</summary>
internal static class ChoiceLists
{
    public static readonly IReadOnlyList<ChoiceOption> YesNo = [new("yes", "Yes"), new("no", "No")];
}
