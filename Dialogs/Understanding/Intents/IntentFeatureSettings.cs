namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>How an utterance becomes the feature vector of the linear model; stored with the model.</summary>
/// <param name="EmbeddingDimensions">Length of the sentence embedding (384 for MiniLM).</param>
/// <param name="EmbeddingWeight">Factor applied to the unit-length sentence embedding.</param>
/// <param name="MaxEncoderWords">
/// Longest input of the sentence encoder, in words and punctuation marks (first and last halves are kept);
/// 0 for no limit. The n-gram features always see the whole normalized text.
/// </param>
/// <param name="MaxWordNgram">Word n-grams of length 1 to this are counted.</param>
/// <param name="WordWeight">Length of the word n-gram block after its L2 normalization.</param>
/// <param name="MinCharNgram">Shortest character n-gram, taken inside words padded with one space each side.</param>
/// <param name="MaxCharNgram">Longest character n-gram.</param>
/// <param name="CharWeight">Length of the character n-gram block after its L2 normalization.</param>
public sealed record IntentFeatureSettings(
    int EmbeddingDimensions,
    float EmbeddingWeight,
    int MaxEncoderWords,
    int MaxWordNgram,
    float WordWeight,
    int MinCharNgram,
    int MaxCharNgram,
    float CharWeight);
