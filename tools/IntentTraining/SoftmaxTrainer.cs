using System.Numerics.Tensors;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>Feature vectors and their class numbers, ready for training or scoring.</summary>
/// <param name="Features">One feature vector per utterance.</param>
/// <param name="Classes">The class number of each utterance.</param>
public sealed record TrainingSet(IReadOnlyList<FeatureVector> Features, int[] Classes);

/// <summary>How the softmax model is fitted.</summary>
/// <param name="L2">Strength of the L2 penalty on every weight except the biases.</param>
/// <param name="MaxIterations">Upper bound on L-BFGS steps.</param>
/// <param name="HistorySize">L-BFGS memory.</param>
/// <param name="RelativeTolerance">L-BFGS stops when the objective improves less than this, relatively.</param>
public sealed record SoftmaxTrainingOptions(double L2, int MaxIterations, int HistorySize, double RelativeTolerance);

/// <summary>
/// Fits multinomial logistic regression (a linear softmax model): minimizes the mean cross-entropy plus
/// <c>L2 / 2 * |W|^2</c> with L-BFGS, starting from zero weights. The data is cut into a fixed number of
/// chunks whose gradients are summed in a fixed order, so the result does not depend on thread timing.
/// </summary>
/// <param name="featureCount">Number of features; the last one is the constant bias feature.</param>
/// <param name="classCount">Number of classes.</param>
/// <param name="options">Penalty and optimizer settings.</param>
public sealed class SoftmaxTrainer(int featureCount, int classCount, SoftmaxTrainingOptions options)
{
    private const int ChunkCount = 4;

    /// <summary>Fits the model and returns its weights, row-major (one row of classes per feature).</summary>
    /// <param name="set">The training data.</param>
    /// <param name="progress">Receives progress lines; may be null.</param>
    public (SoftmaxWeights Weights, MinimizationResult Result) Train(TrainingSet set, Action<string>? progress)
    {
        int parameterCount = featureCount * classCount;
        var chunkGradients = new float[ChunkCount][];
        for (int chunk = 0; chunk < ChunkCount; chunk++)
        {
            chunkGradients[chunk] = new float[parameterCount];
        }

        var chunkLosses = new double[ChunkCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        int n = set.Classes.Length;
        int biasStart = (featureCount - 1) * classCount;

        double Objective(float[] weights, float[] gradient)
        {
            Parallel.For(0, ChunkCount, parallel, chunk =>
            {
                int start = (int)((long)n * chunk / ChunkCount);
                int end = (int)((long)n * (chunk + 1) / ChunkCount);
                chunkLosses[chunk] = AccumulateChunk(set, start, end, weights, chunkGradients[chunk]);
            });

            Array.Clear(gradient);
            double loss = 0;
            for (int chunk = 0; chunk < ChunkCount; chunk++)
            {
                TensorPrimitives.Add(gradient, chunkGradients[chunk], gradient);
                loss += chunkLosses[chunk];
            }

            TensorPrimitives.Multiply(gradient, 1f / n, gradient);
            loss /= n;

            Span<float> penalized = weights.AsSpan(0, biasStart);
            Span<float> penalizedGradient = gradient.AsSpan(0, biasStart);
            TensorPrimitives.MultiplyAdd(penalized, (float)options.L2, penalizedGradient, penalizedGradient);
            return loss + 0.5 * options.L2 * Lbfgs.Dot(penalized, penalized);
        }

        var weights = new float[parameterCount];
        var optimizer = new Lbfgs(options.HistorySize, options.MaxIterations, options.RelativeTolerance);
        MinimizationResult result = optimizer.Minimize(Objective, weights, progress);
        return (new SoftmaxWeights(featureCount, classCount, weights), result);
    }

    /// <summary>The fraction of <paramref name="set"/> whose likeliest class is the labelled one.</summary>
    /// <param name="weights">A trained model.</param>
    /// <param name="set">Labelled feature vectors.</param>
    public static double Accuracy(SoftmaxWeights weights, TrainingSet set)
    {
        var probabilities = new float[weights.ClassCount];
        int correct = 0;
        for (int i = 0; i < set.Classes.Length; i++)
        {
            weights.Probabilities(set.Features[i], probabilities);
            correct += TensorPrimitives.IndexOfMax(probabilities) == set.Classes[i] ? 1 : 0;
        }

        return (double)correct / set.Classes.Length;
    }

    // Adds the unscaled cross-entropy gradient of utterances [start, end) into a cleared chunk buffer.
    private double AccumulateChunk(TrainingSet set, int start, int end, float[] weights, float[] gradient)
    {
        Array.Clear(gradient);
        var residual = new float[classCount];
        double loss = 0;
        for (int i = start; i < end; i++)
        {
            FeatureVector features = set.Features[i];
            SoftmaxWeights.Probabilities(weights, classCount, features, residual);
            int label = set.Classes[i];
            loss -= Math.Log(Math.Max(residual[label], 1e-30f));
            residual[label] -= 1f;

            for (int k = 0; k < features.Indices.Length; k++)
            {
                Span<float> row = gradient.AsSpan(features.Indices[k] * classCount, classCount);
                TensorPrimitives.MultiplyAdd(residual, features.Values[k], row, row);
            }
        }

        return loss;
    }
}
