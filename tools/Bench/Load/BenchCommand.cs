using System.Diagnostics;
using System.Text.Json;

namespace BankingBot.Bench.Load;

/// <summary>One measured run of one server.</summary>
internal sealed record Row(string Server, int Concurrency, RunResult Result, TimeSpan Cpu, double? AllocatedBytes,
    double? StateReads, double? StateWrites, double? RecordWrites, long ResidentBytes, string LoadAverage)
{
    // The server's counters are read before and after the whole run, when no turn is in flight: per turn, they
    // are divided by all the turns answered in between, the settling start's included.

    /// <summary>Server CPU time per answered turn, in ms.</summary>
    public double CpuMsPerTurn => Cpu.TotalMilliseconds / Math.Max(1, Result.AllTurns);

    /// <summary>How much of one core the server used during the run.</summary>
    public double CoreBusy => Cpu / Result.AllElapsed;

    /// <summary>A counter's increase per answered turn.</summary>
    public double? PerTurn(double? total) => total / Math.Max(1, Result.AllTurns);
}

/// <summary>Memory the bot holds once a number of conversations have had their turn and gone idle.</summary>
internal sealed record IdleMemory(int Conversations, double HeapBytesEach, double ResidentBytesEach, int Errors,
    double TurnsPerSecond);

/// <summary>The bot-only figures: cold starts and idle memory.</summary>
internal sealed record BotFigures(IReadOnlyList<double> ColdStartsMs, IReadOnlyList<IdleMemory> Idle);

/// <summary>
/// <c>bench</c>: measures the stock C# echo bot, the Node.js echo bot and BankingBot, one after the other, each
/// pinned to the same core and driven by the same load generator, then prints the comparison and the targets.
/// </summary>
internal sealed class BenchCommand(BenchOptions options, HttpClient http)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs everything; 0 when every target is met, 2 when one is not.</summary>
    public async Task<int> RunAsync()
    {
        await using var replies = await ReplyEndpoint.StartAsync();
        var driver = new LoadDriver(http, replies);
        var report = new Report(options);
        report.PrintConfiguration(replies.ServiceUrl);

        var rows = new List<Row>();
        if (options.Servers.Contains("stock"))
        {
            await using var stock = Start("stock C# echo", "dotnet",
                [options.StockDll, "--urls", "http://127.0.0.1:{port}"], Path.GetDirectoryName(options.StockDll)!,
                new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
            rows.AddRange(await MeasureAsync(stock, driver, Scripts.Echo, report));
        }

        if (options.Servers.Contains("node"))
        {
            await using var node = Start("node echo", "node", [options.NodeScript, "{port}"],
                Path.GetDirectoryName(options.NodeScript)!, new() { ["NODE_ENV"] = "production" });
            rows.AddRange(await MeasureAsync(node, driver, Scripts.Echo, report));
        }

        BotFigures? bot = null;
        if (options.Servers.Contains("bot"))
        {
            var coldStarts = new List<double>();
            for (var i = 1; i < options.ColdStarts; i++)
            {
                await using var fresh = StartBot();
                coldStarts.Add(await ColdStartAsync(fresh, driver));
            }

            await using var banking = StartBot();
            coldStarts.Add(await ColdStartAsync(banking, driver));
            report.PrintColdStarts(coldStarts);
            rows.AddRange(await MeasureAsync(banking, driver, Scripts.BankingJourney, report));
            bot = new BotFigures(coldStarts, await IdleMemoryAsync(banking, driver, report));
        }

        return report.PrintSummary(rows, bot) ? 0 : 2;
    }

    private ServerProcess StartBot() => Start("BankingBot", "dotnet",
        [options.BotDll, "--urls", "http://127.0.0.1:{port}"], Path.GetDirectoryName(options.BotDll)!, new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["BANKINGBOT_BENCH"] = "1",
            ["Storage__Kind"] = "Local",
            ["Storage__Folder"] = options.DataFolder,
        });

    private ServerProcess Start(string name, string program, string[] arguments, string folder,
        Dictionary<string, string> environment) =>
        ServerProcess.Start(name, options.ServerCore, program, arguments, folder, environment);

    // A warm-up at the middle concurrency, then one measured run at each concurrency.
    private async Task<List<Row>> MeasureAsync(ServerProcess server, LoadDriver driver, Script script, Report report)
    {
        await server.WaitUntilListeningAsync(http, StartTimeout);
        var tag = $"{server.Name.Split(' ')[0].ToLowerInvariant()}-{server.Id}";
        var warm = await driver.RunAsync(server.MessagesUri, script,
            new RunSettings(16, options.WarmUp, int.MaxValue, Staggered: !options.LockStep),
            $"{tag}-warm");
        report.PrintWarmUp(server.Name, warm);

        var rows = new List<Row>();
        foreach (var concurrency in options.Concurrency)
        {
            var load = Report.LoadAverage();
            var (cpu, before) = (server.CpuTime(), await server.CountersAsync(http));
            var result = await driver.RunAsync(server.MessagesUri, script,
                new RunSettings(concurrency, options.Settle + options.RunTime, options.MaxTurnsPerRun,
                    Staggered: !options.LockStep, Settle: options.Settle),
                $"{tag}-c{concurrency}");
            var (cpuAfter, after) = (server.CpuTime(), await server.CountersAsync(http));
            server.ThrowIfExited();
            if (result.Turns == 0)
            {
                throw new InvalidOperationException($"{server.Name} answered no turn after the settling start at"
                    + $" {concurrency} conversations: {result.FirstError ?? "too short a run"}.");
            }

            var row = new Row(server.Name, concurrency, result, cpuAfter - cpu, Delta("allocatedBytes"),
                Delta("stateReads"), Delta("stateWrites"), Delta("recordWrites"), server.ResidentBytes(),
                $"{load} -> {Report.LoadAverage()}");
            report.PrintRow(row);
            rows.Add(row);

            double? Delta(string counter) => Number(after, counter) - Number(before, counter);
        }

        return rows;
    }

    // From just before the process was started to the HTTP 200 of its first message, whose reply (from the
    // intent recognizer) has by then reached the reply endpoint.
    private static async Task<double> ColdStartAsync(ServerProcess bot, LoadDriver driver)
    {
        var conversation = "cold-" + Guid.NewGuid().ToString("N")[..12];
        var deadline = bot.StartedAt + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                var said = await driver.SayAsync(bot.MessagesUri, conversation, 0, Scripts.FirstTurn.Say);
                var elapsed = Stopwatch.GetElapsedTime(bot.StartedAt).TotalMilliseconds;
                if (said is null || !string.Concat(said).Contains(Scripts.FirstTurn.Expect, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The first turn got an unexpected answer." + bot.Tail());
                }

                return elapsed;
            }
            catch (HttpRequestException)
            {
                bot.ThrowIfExited();
                await Task.Delay(10);
            }
        }

        throw new TimeoutException("The bot answered no turn within a minute of its start." + bot.Tail());
    }

    // Conversations of one question each, left idle; after each batch a full collection, then the managed heap
    // and the resident memory compared with before the first batch.
    private async Task<List<IdleMemory>> IdleMemoryAsync(ServerProcess bot, LoadDriver driver, Report report)
    {
        // A first batch, not counted, so that whatever a first conversation of this kind loads is in the baseline.
        await driver.RunAsync(bot.MessagesUri, Scripts.OneQuestion,
            new RunSettings(16, TimeSpan.FromMinutes(1), 200, 200), $"idle-{bot.Id}-warm");
        var baseHeap = await CollectAsync(bot);
        var baseResident = bot.ResidentBytes();
        var held = 0;
        var figures = new List<IdleMemory>();
        foreach (var target in options.IdleConversations.Order())
        {
            var more = target - held;
            var result = await driver.RunAsync(bot.MessagesUri, Scripts.OneQuestion,
                new RunSettings(16, TimeSpan.FromMinutes(3), more, more), $"idle-{bot.Id}-{target}");
            held += result.Turns;
            var heap = await CollectAsync(bot);
            var figure = new IdleMemory(held, (heap - baseHeap) / (double)held,
                (bot.ResidentBytes() - baseResident) / (double)held, result.Errors, result.TurnsPerSecond);
            report.PrintIdle(figure, result.FirstError);
            figures.Add(figure);
        }

        return figures;
    }

    private async Task<long> CollectAsync(ServerProcess bot)
    {
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{bot.Port}/bench/gc"), null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("heapBytes").GetInt64();
    }

    private static double? Number(JsonElement counters, string name) =>
        counters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
}
