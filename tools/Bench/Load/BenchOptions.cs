using System.Globalization;

namespace BankingBot.Bench.Load;

/// <summary>What <c>bench</c> runs, from its command line (build/bench.sh passes the paths).</summary>
internal sealed record BenchOptions
{
    /// <summary>BankingBot.dll of a Release build.</summary>
    public string BotDll { get; init; } = string.Empty;

    /// <summary>EchoBot.dll (the stock C# echo bot) of a Release build.</summary>
    public string StockDll { get; init; } = string.Empty;

    /// <summary>echo.js of the Node.js echo bot, with its node_modules installed.</summary>
    public string NodeScript { get; init; } = string.Empty;

    /// <summary>An empty folder for the bot's local-disk storage.</summary>
    public string DataFolder { get; init; } = string.Empty;

    /// <summary>The core the servers are pinned to (taskset -c).</summary>
    public string ServerCore { get; init; } = "1";

    /// <summary>Length of each measured run.</summary>
    public TimeSpan RunTime { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The unmeasured start of each measured run: all its conversations begin together, and the load generator's
    /// own start (its first turns, all at once) is not the server's steady state.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Length of the unmeasured warm-up of each server.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A ceiling on the turns of any one run, whatever its length.</summary>
    public int MaxTurnsPerRun { get; init; } = 100_000;

    /// <summary>Concurrent conversations of the measured runs.</summary>
    public int[] Concurrency { get; init; } = [1, 16, 64];

    /// <summary>Idle conversations at which the bot's memory is measured.</summary>
    public int[] IdleConversations { get; init; } = [1_000, 10_000];

    /// <summary>Fresh starts of the bot timed to its first answered turn.</summary>
    public int ColdStarts { get; init; } = 3;

    /// <summary>
    /// True (<c>--lockstep</c>) to start every conversation of a run at its first step at once, as the benchmark did
    /// until 2026-12-05; by default they are staggered (see LoadDriver).
    /// </summary>
    public bool LockStep { get; init; }

    /// <summary>The servers to measure: bot, stock, node.</summary>
    public string[] Servers { get; init; } = ["stock", "node", "bot"];

    /// <summary>Reads <c>--name value</c> pairs and the <c>--lockstep</c> flag.</summary>
    /// <exception cref="ArgumentException">An unknown option, one without its value, or a value not understood.
    /// </exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lockstep")
            {
                options = options with { LockStep = true };
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"{args[i]} needs a value.");
            }

            var value = args[++i];
            options = args[i - 1] switch
            {
                "--bot" => options with { BotDll = Path.GetFullPath(value) },
                "--stock" => options with { StockDll = Path.GetFullPath(value) },
                "--node" => options with { NodeScript = Path.GetFullPath(value) },
                "--data" => options with { DataFolder = Path.GetFullPath(value) },
                "--server-core" => options with { ServerCore = value },
                "--seconds" => options with { RunTime = TimeSpan.FromSeconds(Number(value)) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(Number(value, least: 0)) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(Number(value, least: 0)) },
                "--max-turns" => options with { MaxTurnsPerRun = Number(value) },
                "--concurrency" => options with { Concurrency = Numbers(value) },
                "--idle" => options with { IdleConversations = Numbers(value) },
                "--cold-starts" => options with { ColdStarts = Number(value) },
                "--servers" => options with { Servers = ServerList(value) },
                _ => throw new ArgumentException($"Unknown option {args[i - 1]}."),
            };
        }

        return options;
    }

    private static int Number(string text, int least = 1) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var number) && number >= least
            ? number
            : throw new ArgumentException($"\"{text}\" is not a whole number of at least {least}.");

    private static string[] ServerList(string text)
    {
        var servers = text.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return servers.Length > 0 && servers.All(name => name is "stock" or "node" or "bot")
            ? servers
            : throw new ArgumentException($"--servers takes stock, node and bot, comma-separated, not \"{text}\".");
    }

    private static int[] Numbers(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(Number).ToArray();
}
