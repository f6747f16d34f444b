using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace BankingBot.Bench.Load;

/// <summary>What the benchmark prints: its exact configuration, each run as it ends, then the comparison.</summary>
internal sealed class Report(BenchOptions options)
{
    private const double MiB = 1024 * 1024;

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg has them.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    /// <summary>Prints the machine, the versions, the pinning and the load settings.</summary>
    public void PrintConfiguration(string serviceUrl)
    {
        var cpuInfo = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : [];
        var cores = cpuInfo.Count(l => l.StartsWith("processor", StringComparison.Ordinal));
        var model = cpuInfo.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1];
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim() : "?";
        var journey = Scripts.BankingJourney;
        string[] lines =
        [
            $"== BankingBot benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ==",
            $"Machine:        {cores} cores ({model?.Trim() ?? "?"}), {memory}, {RuntimeInformation.OSDescription}",
            $"Load average:   {LoadAverage()} at the start (1, 5, 15 min); other work here disturbs every figure",
            $"Pinning:        servers on core {options.ServerCore} (taskset -c {options.ServerCore}), one at a time;"
                + $" load generator and reply endpoint on core(s) {OwnCores()}",
            $"Runtimes:       {RuntimeInformation.FrameworkDescription}; Node.js {Run("node", "--version")}",
            $"Bot Framework:  C# {PackageVersion()} (Microsoft.Bot.Builder, both C# servers);"
                + $" Node.js botbuilder {NodeBotbuilderVersion()}",
            "Servers:",
            "  stock C# echo  tools/Bench/EchoBot: CloudAdapter + ConfigurationBotFrameworkAuthentication,"
                + " AddHttpClient(), ConversationState over MemoryStorage, 1 reply; SDK logs at Warning",
            "  node echo      tools/Bench/node-echo: botbuilder CloudAdapter + ConfigurationBotFrameworkAuthentication,"
                + " ConversationState over MemoryStorage, 1 reply; node:http",
            "  BankingBot     Release, BANKINGBOT_BENCH=1 (counting store, /bench endpoints),"
                + $" local-disk storage in {options.DataFolder}, ASPNETCORE_ENVIRONMENT=Production",
            "Load:           HttpClient (SocketsHttpHandler, keep-alive) posting to /api/messages; each conversation"
                + " sequential (next message after the previous 200), many in parallel;"
                + $" channel '{Activities.ChannelId}'; replies to {serviceUrl} (Kestrel, in the load generator)",
            options.LockStep
                ? "Start:          lock step: every conversation of a run starts at the first step at once"
                : "Start:          staggered: slot k of n first holds a conversation left after k/n of the script,"
                    + " so that conversations are spread over the steps (--lockstep: all at once)",
            $"Runs:           warm-up {options.WarmUp.TotalSeconds:F0} s at 16 conversations, then"
                + $" {options.RunTime.TotalSeconds:F0} s at each of {string.Join(", ", options.Concurrency)}"
                + $" conversations (at most {options.MaxTurnsPerRun} measured turns a run)"
                + (options.Settle > TimeSpan.Zero
                    ? $", each after {options.Settle.TotalSeconds:F0} s not measured (its conversations all begin"
                        + " at once there); server counters over the whole run"
                    : ", measured from their first turn"),
            $"Scripts:        echo bots: {Scripts.Echo.Steps.Count}-message conversations; BankingBot: the"
                + $" {journey.Steps.Count}-turn {journey.Name} (support, glossary, ticket + lookup, lead, feedback)",
            "Per turn:       CPU = server utime+stime (/proc/<pid>/stat); allocated = GC.GetTotalAllocatedBytes;"
                + " state = store reads/writes of state/* keys; each a run's delta / its turns. RSS at the run's end",
            string.Empty,
        ];
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Prints a warm-up's outcome.</summary>
    public void PrintWarmUp(string server, RunResult warm) =>
        Console.WriteLine($"{server}: warm-up {warm.Turns} turns, {warm.TurnsPerSecond:F0} turns/s"
            + (warm.Errors > 0 ? $", {warm.Errors} unexpected: {warm.FirstError}" : string.Empty));

    /// <summary>Prints one measured run as it ends.</summary>
    public void PrintRow(Row row)
    {
        Console.WriteLine(Line(row));
        if (row.Result.Errors > 0)
        {
            Console.WriteLine($"    {row.Result.Errors} turns went wrong; the first: {row.Result.FirstError}");
        }
    }

    /// <summary>Prints the cold starts.</summary>
    public void PrintColdStarts(IReadOnlyList<double> coldStartsMs) =>
        Console.WriteLine("BankingBot: process start to first answered turn (incl. model loading): "
            + string.Join(", ", coldStartsMs.Select(ms => $"{ms:F0} ms")));

    /// <summary>Prints one idle-memory figure.</summary>
    public void PrintIdle(IdleMemory idle, string? firstError) =>
        Console.WriteLine($"BankingBot: {idle.Conversations} idle conversations ({idle.TurnsPerSecond:F0} new/s):"
            + $" managed heap after a full GC {idle.HeapBytesEach:+0;-0;0} B per conversation, RSS"
            + $" {idle.ResidentBytesEach:+0;-0;0} B per conversation"
            + (idle.Errors > 0 ? $"; {idle.Errors} went wrong, the first: {firstError}" : string.Empty));

    /// <summary>Prints the table, the ratios and each target; true when every target is met.</summary>
    public bool PrintSummary(IReadOnlyList<Row> rows, BotFigures? bot)
    {
        Console.WriteLine();
        Console.WriteLine("== Summary ==");
        Console.WriteLine(Header);
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row));
        }

        var targets = new Targets(rows, bot);
        Console.WriteLine();
        targets.PrintRatios();
        Console.WriteLine();
        var met = targets.Print();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        return met;
    }

    private const string Header = "server         conc   turns  turns/s   p50 ms   p99 ms  CPU ms/turn  alloc KB/turn"
        + "  state r/w per turn  records w/turn  RSS MB  core busy  errors  load avg (1 min, before -> after)";

    private static string Line(Row row)
    {
        var r = row.Result;
        var allocated = row.PerTurn(row.AllocatedBytes) is { } bytes
            ? (bytes / 1024).ToString("F1", CultureInfo.InvariantCulture)
            : "n/a";
        var state = row.PerTurn(row.StateReads) is { } reads && row.PerTurn(row.StateWrites) is { } writes
            ? $"{reads:F2} / {writes:F2}" : "n/a";
        var records = row.PerTurn(row.RecordWrites) is { } recordWrites ? $"{recordWrites:F2}" : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"{row.Server,-14} {row.Concurrency,4} {r.Turns,7} {r.TurnsPerSecond,8:F1} {r.Percentile(0.5),8:F2}"
            + $" {r.Percentile(0.99),8:F2} {row.CpuMsPerTurn,12:F3} {allocated,14} {state,19} {records,15}"
            + $" {row.ResidentBytes / MiB,7:F0} {row.CoreBusy,10:P0} {r.Errors,7}  {row.LoadAverage.Split(' ')[0]}"
            + $" -> {row.LoadAverage.Split(' ')[^3]}");
    }

    private static string OwnCores() => File.Exists("/proc/self/status")
        ? File.ReadLines("/proc/self/status")
            .FirstOrDefault(l => l.StartsWith("Cpus_allowed_list", StringComparison.Ordinal))?.Split(':')[1].Trim()
            ?? "?"
        : "?";

    private string PackageVersion()
    {
        var dll = Path.Combine(Path.GetDirectoryName(options.StockDll) ?? ".", "Microsoft.Bot.Builder.dll");
        return File.Exists(dll) ? FileVersionInfo.GetVersionInfo(dll).ProductVersion?.Split('+')[0] ?? "?" : "?";
    }

    private string NodeBotbuilderVersion()
    {
        var package = Path.Combine(Path.GetDirectoryName(options.NodeScript) ?? ".", "node_modules", "botbuilder",
            "package.json");
        return File.Exists(package)
            ? JsonDocument.Parse(File.ReadAllText(package)).RootElement.GetProperty("version").GetString() ?? "?"
            : "?";
    }

    private static string Run(string program, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
