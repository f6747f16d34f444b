using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tests.Understanding;

/// <summary>Loads the shipped intent model once for every test in a class (about half a second).</summary>
public sealed class IntentClassifierFixture : IDisposable
{
    /// <summary>The recognizer as the bot loads it, from the build output.</summary>
    public IntentClassifier Classifier { get; } = IntentClassifier.Load(IntentClassifier.DefaultModelFolder);

    /// <inheritdoc />
    public void Dispose() => Classifier.Dispose();
}
