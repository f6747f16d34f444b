namespace BankingBot.Bench.Load;

// The load generator runs with invariant globalization (Load.csproj): numbers print the same everywhere.

/// <summary>The comparison of BankingBot with the two echo bots, and the targets of the performance issue.</summary>
internal sealed class Targets(IReadOnlyList<Row> rows, BotFigures? bot)
{
    private const string Bot = "BankingBot";
    private const string Stock = "stock C# echo";
    private const string Node = "node echo";
    private static readonly int[] Compared = [16, 64];
    private readonly List<bool> verdicts = [];

    /// <summary>Prints bot/stock and bot/node for throughput, CPU and p99 at every concurrency measured.</summary>
    public void PrintRatios()
    {
        Console.WriteLine("Ratios (BankingBot's full flows against one echo message a turn):");
        foreach (var mine in rows.Where(r => r.Server == Bot))
        {
            foreach (var other in new[] { Stock, Node })
            {
                if (Find(other, mine.Concurrency) is { } theirs)
                {
                    Console.WriteLine($"  conc {mine.Concurrency,3}  bot/{other,-13}  turns/s "
                        + $"{mine.Result.TurnsPerSecond / theirs.Result.TurnsPerSecond,6:F2}x   CPU per turn "
                        + $"{mine.CpuMsPerTurn / theirs.CpuMsPerTurn,6:F2}x   p99 "
                        + $"{mine.Result.Percentile(0.99) / theirs.Result.Percentile(0.99),6:F2}x");
                }
            }
        }
    }

    /// <summary>Prints each target with its verdict; true when all that were measured are met.</summary>
    public bool Print()
    {
        Console.WriteLine("Targets:");
        foreach (var concurrency in Compared)
        {
            Ratio($"turns/s at {concurrency} conversations >= 10x the stock C# echo bot's", concurrency, Stock, 10);
            Ratio($"turns/s at {concurrency} conversations >= 0.5x the Node.js echo bot's", concurrency, Node, 0.5);
        }

        if (Find(Bot, 16) is { } bot16 && Find(Node, 16) is { } node16)
        {
            Verdict("p99 at 16 conversations <= the Node.js echo bot's",
                $"{bot16.Result.Percentile(0.99):F1} ms vs {node16.Result.Percentile(0.99):F1} ms",
                bot16.Result.Percentile(0.99) <= node16.Result.Percentile(0.99));
        }

        var mine = rows.Where(r => r.Server == Bot).ToList();
        if (mine.Count > 0)
        {
            var reads = mine.Max(r => r.PerTurn(r.StateReads) ?? double.NaN);
            var writes = mine.Max(r => r.PerTurn(r.StateWrites) ?? double.NaN);
            Verdict("at most one state read and one state write per turn (records aside)",
                $"worst run: {reads:F2} reads, {writes:F2} writes", reads <= 1.0 && writes <= 1.0);
            Verdict("every scripted reply as expected", $"{mine.Sum(r => r.Result.Errors)} turns went wrong",
                mine.All(r => r.Result.Errors == 0));
        }

        if (bot is not null)
        {
            var slowest = bot.ColdStartsMs.Max();
            Verdict("cold start to the first answered turn <= 3 s, model loading included",
                $"slowest of {bot.ColdStartsMs.Count}: {slowest:F0} ms", slowest <= 3000);
            if (bot.Idle.Count > 0)
            {
                // A full collection leaves a few KB of noise; spread over thousands of conversations that is
                // well under 16 bytes each, while anything kept per conversation (a key, a lock) is more.
                var most = bot.Idle.MaxBy(i => i.Conversations)!;
                Verdict("no memory kept per idle conversation (managed heap after a full GC)",
                    $"{most.HeapBytesEach:F1} B each at {most.Conversations} conversations",
                    most.HeapBytesEach < 16);
            }
        }

        var met = verdicts.All(v => v);
        Console.WriteLine(met ? "All measured targets met." : "Some targets are not met.");
        return met;
    }

    private void Ratio(string target, int concurrency, string other, double least)
    {
        if (Find(Bot, concurrency) is { } mine && Find(other, concurrency) is { } theirs)
        {
            var ratio = mine.Result.TurnsPerSecond / theirs.Result.TurnsPerSecond;
            Verdict(target, $"{ratio:F2}x ({mine.Result.TurnsPerSecond:F0} vs "
                + $"{theirs.Result.TurnsPerSecond:F0} turns/s)", ratio >= least);
        }
    }

    private void Verdict(string target, string measured, bool met)
    {
        verdicts.Add(met);
        Console.WriteLine($"  [{(met ? "met" : "NOT MET")}] {target}: {measured}");
    }

    private Row? Find(string server, int concurrency) =>
        rows.FirstOrDefault(r => r.Server == server && r.Concurrency == concurrency);
}
