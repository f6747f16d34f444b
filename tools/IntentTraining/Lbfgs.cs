using System.Numerics.Tensors;

namespace BankingBot.Tools.IntentTraining;

/// <summary>Where a minimization stopped.</summary>
/// <param name="Iterations">Accepted steps taken.</param>
/// <param name="Value">The objective at the returned point.</param>
/// <param name="GradientNorm">The gradient's Euclidean norm there.</param>
/// <param name="Reason">Why it stopped.</param>
public sealed record MinimizationResult(int Iterations, double Value, double GradientNorm, string Reason);

/// <summary>
/// Limited-memory BFGS for smooth convex objectives, with a backtracking (Armijo) line search. Fully
/// deterministic: the same objective and start give the same steps on the same machine.
/// </summary>
/// <param name="historySize">How many recent steps shape the curvature estimate.</param>
/// <param name="maxIterations">Upper bound on accepted steps.</param>
/// <param name="relativeTolerance">Stop once the objective improves by less than this, relatively,
/// three steps in a row.</param>
public sealed class Lbfgs(int historySize, int maxIterations, double relativeTolerance)
{
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 30;

    /// <summary>An objective: writes the gradient at the point into the second array, returns the value.</summary>
    /// <param name="point">Where to evaluate.</param>
    /// <param name="gradient">Receives the gradient.</param>
    public delegate double Objective(float[] point, float[] gradient);

    /// <summary>Minimizes <paramref name="objective"/>, starting from <paramref name="point"/>.</summary>
    /// <param name="objective">The function to minimize.</param>
    /// <param name="point">Start point on entry, minimizer on return.</param>
    /// <param name="progress">Receives one line every 25 iterations; may be null.</param>
    public MinimizationResult Minimize(Objective objective, float[] point, Action<string>? progress = null)
    {
        int n = point.Length;
        var gradient = new float[n];
        var direction = new float[n];
        var candidate = new float[n];
        var candidateGradient = new float[n];
        var steps = new float[historySize][];
        var gradientChanges = new float[historySize][];
        var curvatures = new double[historySize];
        var alphas = new double[historySize];
        int stored = 0;
        int newest = -1;

        double value = objective(point, gradient);
        int slowSteps = 0;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            double gradientNorm = Math.Sqrt(Dot(gradient, gradient));
            if (gradientNorm < 1e-6)
            {
                return new MinimizationResult(iteration - 1, value, gradientNorm, "gradient vanished");
            }

            SearchDirection(gradient, direction);
            double slope = Dot(gradient, direction);
            if (slope >= 0)
            {
                // The curvature estimate has gone stale: forget it and go downhill.
                stored = 0;
                TensorPrimitives.Negate(gradient, direction);
                slope = -gradientNorm * gradientNorm;
            }

            double step = stored == 0 ? Math.Min(1.0, 1.0 / gradientNorm) : 1.0;
            double candidateValue = double.NaN;
            for (int backtrack = 0; backtrack < MaxBacktracks; backtrack++)
            {
                TensorPrimitives.MultiplyAdd(direction, (float)step, point, candidate);
                candidateValue = objective(candidate, candidateGradient);
                if (candidateValue <= value + Armijo * step * slope)
                {
                    break;
                }

                step *= 0.5;
            }

            if (!(candidateValue <= value))
            {
                return new MinimizationResult(iteration - 1, value, gradientNorm, "line search failed");
            }

            newest = (newest + 1) % historySize;
            steps[newest] ??= new float[n];
            gradientChanges[newest] ??= new float[n];
            TensorPrimitives.Subtract(candidate, point, steps[newest]);
            TensorPrimitives.Subtract(candidateGradient, gradient, gradientChanges[newest]);
            double curvature = Dot(steps[newest], gradientChanges[newest]);
            if (curvature > 1e-12)
            {
                curvatures[newest] = curvature;
                stored = Math.Min(stored + 1, historySize);
            }
            else
            {
                // Skip this pair. Its slot may have held the oldest stored pair, which is now gone too.
                newest = (newest + historySize - 1) % historySize;
                stored = Math.Min(stored, historySize - 1);
            }

            double improvement = (value - candidateValue) / Math.Max(Math.Abs(value), 1.0);
            candidate.CopyTo(point, 0);
            candidateGradient.CopyTo(gradient, 0);
            value = candidateValue;

            if (iteration % 25 == 0)
            {
                progress?.Invoke($"  iteration {iteration,4}: objective {value:F6}, |gradient| {gradientNorm:E2}");
            }

            slowSteps = improvement < relativeTolerance ? slowSteps + 1 : 0;
            if (slowSteps >= 3)
            {
                return new MinimizationResult(iteration, value, Math.Sqrt(Dot(gradient, gradient)), "converged");
            }
        }

        return new MinimizationResult(maxIterations, value, Math.Sqrt(Dot(gradient, gradient)), "iteration limit");

        // Two-loop recursion: direction = -H * gradient, H the inverse Hessian estimate from stored steps.
        void SearchDirection(float[] currentGradient, float[] result)
        {
            TensorPrimitives.Negate(currentGradient, result);
            if (stored == 0)
            {
                return;
            }

            for (int k = 0; k < stored; k++)
            {
                int slot = (newest - k + historySize) % historySize;
                alphas[slot] = Dot(steps[slot], result) / curvatures[slot];
                TensorPrimitives.MultiplyAdd(gradientChanges[slot], (float)-alphas[slot], result, result);
            }

            double scale = curvatures[newest] / Dot(gradientChanges[newest], gradientChanges[newest]);
            TensorPrimitives.Multiply(result, (float)scale, result);
            for (int k = stored - 1; k >= 0; k--)
            {
                int slot = (newest - k + historySize) % historySize;
                double beta = Dot(gradientChanges[slot], result) / curvatures[slot];
                TensorPrimitives.MultiplyAdd(steps[slot], (float)(alphas[slot] - beta), result, result);
            }
        }
    }

    /// <summary>A dot product accumulated in double over blocks, so long vectors keep their precision.</summary>
    /// <param name="left">First vector.</param>
    /// <param name="right">Second vector, same length.</param>
    public static double Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        const int Block = 4096;
        double sum = 0;
        for (int start = 0; start < left.Length; start += Block)
        {
            int length = Math.Min(Block, left.Length - start);
            sum += TensorPrimitives.Dot(left.Slice(start, length), right.Slice(start, length));
        }

        return sum;
    }
}
