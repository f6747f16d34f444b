namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>Tells which customer-support intent an utterance most likely expresses.</summary>
public interface IIntentRecognizer
{
    /// <summary>Ranks the known intents for <paramref name="utterance"/>; never throws for odd text.</summary>
    /// <param name="utterance">What the customer typed, as typed (it may be empty).</param>
    IntentPrediction Recognize(string utterance);
}
