using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BankingBot.Bench.Load;

/// <summary>
/// The load command (build/load.sh): the bot on local disk, many conversations at once running the whole banking
/// journey (support, glossary, a ticket and its status, a mortgage lead, feedback) until a set number of journeys
/// are done or the time is up. It reports failed turns (5xx, timeouts or wrong replies; must be 0), records lost
/// or duplicated (each journey makes exactly one ticket, one lead and one feedback entry; must be 0), latency
/// percentiles, and the bot's memory after a full collection at the start, after a warm-up batch and at the end,
/// with the growth per journey completed after the warm-up.
/// </summary>
internal sealed class SoakCommand(HttpClient http, string botDll, int concurrency, int journeys, TimeSpan limit)
{
    public async Task<int> RunAsync()
    {
        var data = Directory.CreateTempSubdirectory("bankingbot-load-").FullName;
        try
        {
            await using var replies = await ReplyEndpoint.StartAsync();
            await using var bot = ServerProcess.Start("BankingBot", "0-1", "dotnet",
                [botDll, "--urls", "http://127.0.0.1:{port}"], Path.GetDirectoryName(botDll)!,
                new Dictionary<string, string>
                {
                    ["Storage__Kind"] = "Local",
                    ["Storage__Folder"] = data,
                    ["BANKINGBOT_BENCH"] = "1",
                    ["Logging__LogLevel__Default"] = "Warning",
                });
            await bot.WaitUntilListeningAsync(http, TimeSpan.FromSeconds(60));

            // Warm-up: one journey, then a batch at the full concurrency, so that what the process builds once
            // (JIT, models, caches filled on first use, threads, connection pools) is not counted as growth.
            var first = await RunPhaseAsync(bot, replies, 1, 1, TimeSpan.FromMinutes(2), "warm");
            var start = await CollectAsync(bot);
            var warmUp = await RunPhaseAsync(bot, replies, concurrency, Math.Max(concurrency, 50), limit, "warm-up");
            var warmed = await CollectAsync(bot);

            Console.WriteLine($"Running {journeys} banking journeys ({Scripts.BankingJourney.Steps.Count} turns " +
                $"each), {concurrency} at once, for at most {limit.TotalSeconds:F0} s...");
            var load = await RunPhaseAsync(bot, replies, concurrency, journeys, limit, "load");
            var end = await CollectAsync(bot);
            bot.ThrowIfExited();

            var run = load.Result;
            // A journey cut short by the time limit may have left some of its records and not others: each kind is
            // then counted at least once per whole journey and at most once per journey started.
            var whole = first.Result.Completed + warmUp.Result.Completed + run.Completed;
            var started = first.Result.Conversations + warmUp.Result.Conversations + run.Conversations;
            var counts = new[] { "tickets", "leads", "feedback" }.ToDictionary(kind => kind, kind => Count(data, kind));
            var wrongRecords = counts.Values.Sum(count => Math.Max(0, whole - count) + Math.Max(0, count - started));
            var errors = warmUp.Result.Errors + run.Errors;
            var heapPerJourney = (end.Heap - warmed.Heap) / (double)Math.Max(1, run.Completed);
            var residentPerJourney = (end.Resident - warmed.Resident) / (double)Math.Max(1, run.Completed);

            static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
            string Ms(double share) => run.Percentile(share).ToString("F1", CultureInfo.InvariantCulture);
            var firstError = (warmUp.Result.FirstError ?? run.FirstError) is { } error ? "; first: " + error : "";
            var kinds = string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"));
            var resident = $"{Mb(start.Resident)} MB -> {Mb(warmed.Resident)} MB -> {Mb(end.Resident)} MB";
            var heap = $"{Mb(start.Heap)} MB -> {Mb(warmed.Heap)} MB -> {Mb(end.Heap)} MB";
            var (seconds, openHeap) = (run.Elapsed.TotalSeconds, Mb(load.HeapWithConnectionsOpen));
            var timeUp = run.Completed < journeys && run.Elapsed >= limit ? " (the time limit came first)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"""
                journeys started:  {run.Conversations} (+1 and {warmUp.Result.Conversations} warm-up), in {seconds:F1} s
                journeys whole:    {run.Completed} of {journeys}{timeUp}
                turns answered:    {run.Turns} ({run.TurnsPerSecond:F1}/s)
                failed turns:      {errors} (5xx, timeouts or wrong replies; warm-up included){firstError}
                latency:           p50 {Ms(0.5)} ms, p90 {Ms(0.9)} ms, p99 {Ms(0.99)} ms, max {Ms(1)} ms
                records:           {kinds} for {whole} whole journeys of {started}; lost or duplicated: {wrongRecords}
                memory (after GC): resident {resident}, managed heap
                                   {heap} (start, after warm-up, end; the load's connections closed)
                                   with the load's {concurrency} connections still open: managed heap {openHeap} MB
                growth:            {heapPerJourney:+0;-0;0} B managed heap, {residentPerJourney:+0;-0;0} B resident
                                   per journey completed after warm-up
                """));
            var passed = errors == 0 && wrongRecords == 0 && run.Completed == journeys;
            Console.WriteLine(passed ? "Load: all journeys completed, nothing failed, nothing lost or doubled."
                : "Load: FAILED (see above).");
            return passed ? 0 : 2;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    // Each phase talks to the bot over connections of its own and closes them at its end, as a channel's idle
    // connections are closed in time; the memory measured next is then what the journeys left behind, not what an
    // open connection holds (the heap with them open is measured just before).
    private async Task<Phase> RunPhaseAsync(ServerProcess bot, ReplyEndpoint replies, int conversationsAtOnce,
        int count, TimeSpan duration, string tag)
    {
        Phase phase;
        using (var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = 1024,
        }) { Timeout = http.Timeout })
        {
            var result = await new LoadDriver(client, replies).RunAsync(bot.MessagesUri, Scripts.BankingJourney,
                new RunSettings(conversationsAtOnce, duration, int.MaxValue, count), tag);
            phase = new Phase(result, (await CollectAsync(bot)).Heap);
        }

        // Give the bot a moment to see its end of the connections close.
        await Task.Delay(1000);
        return phase;
    }

    private async Task<(long Resident, long Heap)> CollectAsync(ServerProcess bot)
    {
        using var response = await http.PostAsync(new Uri(bot.MessagesUri, "/bench/gc"), null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        await Task.Delay(500);
        return (bot.ResidentBytes(), body.GetProperty("heapBytes").GetInt64());
    }

    // The local store writes one file a record, named after its key ("tickets/…" as "tickets%002F…").
    private static int Count(string folder, string kind) =>
        Directory.EnumerateFiles(folder, kind + "%002F*.json").Count();

    private sealed record Phase(RunResult Result, long HeapWithConnectionsOpen);
}
