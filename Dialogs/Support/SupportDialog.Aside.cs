using BankingBot.Dialogs.Engine;
using Microsoft.Extensions.Logging;

namespace BankingBot.Dialogs.Support;

/// <summary>Questions asked in the middle of another flow, answered where the customer is.</summary>
public sealed partial class SupportDialog
{
    /// <summary>
    /// The engine's aside hook: answers a clear glossary question or a confident support question that the customer
    /// asked instead of answering a prompt. Returns false, leaving the prompt to ask again, when unsure.
    /// </summary>
    public async Task<bool> AnswerAsideAsync(DialogContext dc, string text, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return false;
        }

        var remembered = await RememberedAsync(dc, cancel);
        if (Glossary.AsksAboutLastAnswer(text))
        {
            // With no terms remembered, "what does that mean?" is about the prompt itself: the prompt asks again.
            if (remembered.LastTerms.Count > 0)
            {
                await ExplainLastAnswerAsync(dc, remembered, cancel);
            }

            return remembered.LastTerms.Count > 0;
        }

        if (glossary.FindQuestion(text) is { IsWhole: true } term)
        {
            logger.LogInformation("Glossary term {Term} explained inside another question", term.Entry.Term);
            await dc.SendAsync(Glossary.Explain(term), cancel);
            return true;
        }

        if (recognizer is null || !LooksLikeQuestion(text))
        {
            return false;
        }

        var prediction = recognizer.Recognize(text);
        if (!prediction.IsConfident || prediction.Top.Probability < AsideMinimumProbability
            || knowledge.Find(prediction.Top.Intent) is not { } topic)
        {
            return false;
        }

        logger.LogInformation("Support topic {Intent} answered inside another question ({Probability:F2})",
            topic.Intent, prediction.Top.Probability);
        await AnswerTopicAsync(dc, topic, remembered, cancel);
        return true;
    }

    // State read back from storage is a copy: it is set again so that changes to it are saved with the turn.
    private async Task<SupportMemory> RememberedAsync(DialogContext dc, CancellationToken cancel)
    {
        var remembered = await memory.GetAsync(dc.Context, () => new SupportMemory(), cancel);
        await memory.SetAsync(dc.Context, remembered, cancel);
        return remembered;
    }

    private static bool LooksLikeQuestion(string text)
    {
        var said = ChoiceRecognizer.Normalize(text);
        var words = said.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] openers = ["what", "what's", "how", "why", "when", "where", "which", "who", "can", "could", "do",
            "does", "did", "is", "are", "will", "would", "should", "may", "has", "have"];
        return words.Length >= 3 && (text.TrimEnd().EndsWith('?') || openers.Contains(words[0]));
    }
}
