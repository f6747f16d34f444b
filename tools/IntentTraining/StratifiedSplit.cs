namespace BankingBot.Tools.IntentTraining;

/// <summary>A split of the training utterances into a part to fit on and a part held out for calibration.</summary>
/// <param name="Fit">Positions of the utterances the model is fitted on, ascending.</param>
/// <param name="Holdout">Positions of the utterances kept apart, ascending, in the same intent proportions.</param>
public sealed record StratifiedSplit(int[] Fit, int[] Holdout)
{
    /// <summary>
    /// Holds out <paramref name="holdoutShare"/> of each class's utterances (rounded, at least one), chosen by a
    /// seeded shuffle so the same seed always gives the same split.
    /// </summary>
    /// <param name="classes">The class of every training utterance.</param>
    /// <param name="holdoutShare">The share of each class to hold out, between 0 and 1.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static StratifiedSplit Create(IReadOnlyList<int> classes, double holdoutShare, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(holdoutShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(holdoutShare, 1.0);

        var random = new Random(seed);
        var heldOut = new HashSet<int>();
        var byClass = Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).OrderBy(group => group.Key);
        foreach (IGrouping<int, int> members in byClass)
        {
            int[] shuffled = members.ToArray();
            random.Shuffle(shuffled);
            int take = Math.Max(1, (int)Math.Round(shuffled.Length * holdoutShare, MidpointRounding.AwayFromZero));
            heldOut.UnionWith(shuffled.Take(take));
        }

        int[] fit = Enumerable.Range(0, classes.Count).Where(i => !heldOut.Contains(i)).ToArray();
        int[] holdout = Enumerable.Range(0, classes.Count).Where(heldOut.Contains).ToArray();
        return new StratifiedSplit(fit, holdout);
    }
}
