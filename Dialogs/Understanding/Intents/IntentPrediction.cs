namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>What the recognizer makes of one utterance.</summary>
/// <param name="Ranked">The likeliest intents, best first; always at least three.</param>
/// <param name="IsConfident">
/// True when the model's abstention rule lets the bot answer <see cref="Top"/> directly; false when it should
/// ask the customer to confirm or rephrase instead.
/// </param>
public sealed record IntentPrediction(IReadOnlyList<IntentScore> Ranked, bool IsConfident)
{
    /// <summary>The likeliest intent (the first of <see cref="Ranked"/>).</summary>
    public IntentScore Top => Ranked[0];
}
