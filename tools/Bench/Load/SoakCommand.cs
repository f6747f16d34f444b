using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace BankingBot.Bench.Load;

/// <summary>
/// The load command (build/load.sh): the bot on local disk, many conversations at once running the whole banking
/// journey (support, glossary, a ticket and its status, a mortgage lead, feedback) until a set number of journeys
/// are done or the time is up. It reports failed turns (5xx, timeouts or wrong replies; must be 0), records lost
/// or duplicated (each journey makes exactly one ticket, one lead and one feedback entry; must be 0), latency
/// percentiles, and the bot's memory after a full collection at the start and at the end.
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
            var driver = new LoadDriver(http, replies);

            // Warm-up: one journey, so start-up work is not counted as growth.
            var warm = await driver.RunAsync(bot.MessagesUri, Scripts.BankingJourney,
                new RunSettings(1, TimeSpan.FromMinutes(2), int.MaxValue, 1), "warm");
            var before = await CollectAsync(bot);

            Console.WriteLine($"Running {journeys} banking journeys ({Scripts.BankingJourney.Steps.Count} turns " +
                $"each), {concurrency} at once, for at most {limit.TotalSeconds:F0} s...");
            var run = await driver.RunAsync(bot.MessagesUri, Scripts.BankingJourney,
                new RunSettings(concurrency, limit, int.MaxValue, journeys), "load");
            var after = await CollectAsync(bot);
            bot.ThrowIfExited();

            var done = warm.Conversations + run.Conversations;
            var counts = new[] { "tickets", "leads", "feedback" }.ToDictionary(kind => kind, kind => Count(data, kind));
            var wrongRecords = counts.Values.Sum(count => Math.Abs(count - done));
            var perConversation = (after.Resident - before.Resident) / (double)Math.Max(1, run.Conversations);

            static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
            string Ms(double share) => run.Percentile(share).ToString("F1", CultureInfo.InvariantCulture);
            var firstError = run.FirstError is null ? string.Empty : "; first: " + run.FirstError;
            var kinds = string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"""
                journeys started:  {run.Conversations} (+1 warm-up), in {run.Elapsed.TotalSeconds:F1} s
                turns answered:    {run.Turns} ({run.TurnsPerSecond:F1}/s)
                failed turns:      {run.Errors} (5xx, timeouts or wrong replies){firstError}
                latency:           p50 {Ms(0.5)} ms, p90 {Ms(0.9)} ms, p99 {Ms(0.99)} ms, max {Ms(1)} ms
                records:           {kinds} for {done} journeys; lost or duplicated: {wrongRecords}
                memory (after GC): resident {Mb(before.Resident)} MB -> {Mb(after.Resident)} MB, managed heap
                                   {Mb(before.Heap)} MB -> {Mb(after.Heap)} MB
                growth:            {perConversation:F0} resident bytes per completed journey
                """));
            var passed = run.Errors == 0 && wrongRecords == 0 && run.Conversations == journeys;
            Console.WriteLine(passed ? "Load: all journeys completed, nothing failed, nothing lost or doubled."
                : "Load: FAILED (see above).");
            return passed ? 0 : 2;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
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
}
