namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>One intent with the probability the recognizer gives it for an utterance.</summary>
/// <param name="Intent">The intent name, for example <c>card_arrival</c>.</param>
/// <param name="Probability">The model's probability for this intent, between 0 and 1.</param>
public sealed record IntentScore(string Intent, float Probability);
