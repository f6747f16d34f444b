using System.Numerics.Tensors;

namespace BankingBot.Dialogs.Understanding.Intents;

/// <summary>
/// The weights of a linear softmax classifier, one row of <see cref="ClassCount"/> values per feature
/// (feature-major, so a sparse feature touches one contiguous row). Read-only once built: safe to share
/// between threads.
/// </summary>
public sealed class SoftmaxWeights
{
    private readonly float[] values;

    /// <summary>Wraps row-major weights: <paramref name="values"/>[feature * classCount + class].</summary>
    /// <param name="featureCount">Number of rows.</param>
    /// <param name="classCount">Number of columns.</param>
    /// <param name="values">The weights; not copied, so the caller must not change them afterwards.</param>
    public SoftmaxWeights(int featureCount, int classCount, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if (values.Length != (long)featureCount * classCount)
        {
            throw new ArgumentException($"Expected {featureCount} x {classCount} weights.", nameof(values));
        }

        FeatureCount = featureCount;
        ClassCount = classCount;
        this.values = values;
    }

    /// <summary>Number of features (rows).</summary>
    public int FeatureCount { get; }

    /// <summary>Number of classes (columns).</summary>
    public int ClassCount { get; }

    /// <summary>The weights, row-major.</summary>
    public ReadOnlySpan<float> Values => values;

    /// <summary>Writes the class probabilities of <paramref name="features"/>.</summary>
    /// <param name="features">A feature vector whose indices are below <see cref="FeatureCount"/>.</param>
    /// <param name="probabilities">Receives <see cref="ClassCount"/> probabilities summing to 1.</param>
    public void Probabilities(FeatureVector features, Span<float> probabilities)
    {
        Probabilities(values, ClassCount, features, probabilities);
    }

    /// <summary>
    /// The softmax of the logits of <paramref name="features"/> under row-major <paramref name="weights"/>;
    /// shared with training so both compute exactly the same thing.
    /// </summary>
    /// <param name="weights">Row-major weights, <paramref name="classCount"/> per feature.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="features">The sparse feature vector.</param>
    /// <param name="probabilities">Receives the probabilities.</param>
    public static void Probabilities(
        ReadOnlySpan<float> weights, int classCount, FeatureVector features, Span<float> probabilities)
    {
        Span<float> logits = probabilities[..classCount];
        logits.Clear();
        for (int i = 0; i < features.Indices.Length; i++)
        {
            ReadOnlySpan<float> row = weights.Slice(features.Indices[i] * classCount, classCount);
            TensorPrimitives.MultiplyAdd(row, features.Values[i], logits, logits);
        }

        float max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, logits);
        TensorPrimitives.Exp(logits, logits);
        float sum = TensorPrimitives.Sum(logits);
        TensorPrimitives.Divide(logits, sum, logits);
    }
}
