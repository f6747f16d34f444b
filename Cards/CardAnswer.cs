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

    /// <summary>
    /// The data a button sends: the answer and, for a question (not for the always-valid main menu), the id
    /// of the prompt that asked it.
    /// </summary>
    public static JObject Data(string promptId, string answer)
    {
        var data = new JObject { [AnswerKey] = answer };
        if (!string.IsNullOrEmpty(promptId))
        {
            data[PromptKey] = promptId;
        }

        return data;
    }
}
