using System.Diagnostics;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>Labelled utterances, normalized and embedded once, so several fits can share the work.</summary>
/// <param name="Texts">Normalized utterances.</param>
/// <param name="Embeddings">The sentence embedding of each.</param>
/// <param name="Classes">The class number of each (a position in <paramref name="Intents"/>).</param>
/// <param name="Intents">Intent names in class order.</param>
public sealed record EmbeddedCorpus(
    IReadOnlyList<string> Texts, IReadOnlyList<float[]> Embeddings, int[] Classes, IReadOnlyList<string> Intents)
{
    /// <summary>Normalizes and embeds <paramref name="utterances"/>.</summary>
    /// <param name="utterances">Labelled utterances.</param>
    /// <param name="intents">All intent names in class order; every label must be among them.</param>
    /// <param name="encoder">The sentence encoder.</param>
    /// <param name="progress">Receives one line when done.</param>
    public static EmbeddedCorpus Embed(
        IReadOnlyList<LabelledUtterance> utterances,
        IReadOnlyList<string> intents,
        UtteranceEncoder encoder,
        Action<string> progress)
    {
        var classOf = intents.Select((intent, index) => (intent, index)).ToDictionary(e => e.intent, e => e.index);
        string[] texts = utterances.Select(u => UtteranceText.Normalize(u.Text)).ToArray();
        int[] classes = utterances.Select(u => classOf[u.Intent]).ToArray();

        var clock = Stopwatch.StartNew();
        float[][] embeddings = encoder.EncodeMany(texts);
        progress($"Embedded {texts.Length} utterances in {clock.Elapsed.TotalSeconds:F1} s.");
        return new EmbeddedCorpus(texts, embeddings, classes, intents);
    }

    /// <summary>The utterances at <paramref name="positions"/>, in that order.</summary>
    /// <param name="positions">Positions in this corpus.</param>
    public EmbeddedCorpus Subset(IReadOnlyList<int> positions) => new(
        positions.Select(i => Texts[i]).ToArray(),
        positions.Select(i => Embeddings[i]).ToArray(),
        positions.Select(i => Classes[i]).ToArray(),
        Intents);
}
