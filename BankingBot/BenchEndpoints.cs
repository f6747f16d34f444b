using System.Runtime;
using BankingBot.Dialogs.Storage;

namespace BankingBot;

/// <summary>
/// What the benchmark (build/bench.sh) reads from a running bot, only when the environment variable
/// <c>BANKINGBOT_BENCH</c> is <c>1</c>: the document store then counts its reads and writes, and two endpoints
/// answer. Without the variable nothing here is registered or mapped, and the bot runs exactly as in production.
/// </summary>
public static class BenchEndpoints
{
    /// <summary>The environment variable (or configuration key) that turns the benchmark counters on.</summary>
    public const string Switch = "BANKINGBOT_BENCH";

    /// <summary>True when the bot was started for a benchmark.</summary>
    public static bool Enabled(IConfiguration configuration) => configuration?[Switch] == "1";

    /// <summary>The store, wrapped in a counting one when the bot was started for a benchmark.</summary>
    public static IDocumentStore CountedWhenBenchmarked(IDocumentStore store, IConfiguration configuration) =>
        Enabled(configuration) ? new CountingDocumentStore(store) : store;

    /// <summary>
    /// Maps <c>GET /bench/counters</c> (bytes allocated so far, state and record reads and writes, garbage
    /// collector mode) and <c>POST /bench/gc</c> (a full, compacting collection, then the managed heap's size),
    /// when the bot was started for a benchmark.
    /// </summary>
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Enabled(app.Configuration))
        {
            return app;
        }

        app.MapGet("/bench/counters", (IDocumentStore store) =>
        {
            var counted = store as CountingDocumentStore;
            return Results.Json(new
            {
                allocatedBytes = GC.GetTotalAllocatedBytes(),
                stateReads = counted?.StateReads,
                stateWrites = counted?.StateWrites,
                recordReads = counted?.RecordReads,
                recordWrites = counted?.RecordWrites,
                deletes = counted?.Deletes,
                listings = counted?.Listings,
                gc = GCSettings.IsServerGC ? "server" : "workstation",
                heapBytes = GC.GetTotalMemory(forceFullCollection: false),
            });
        });
        app.MapPost("/bench/gc", () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo();
            return Results.Json(new
            {
                heapBytes = GC.GetTotalMemory(forceFullCollection: false),
                committedBytes = info.TotalCommittedBytes,
            });
        });
        app.MapGet("/bench/allocations", async (int? seconds, CancellationToken cancel) =>
        {
            var sampled = await AllocationSampler.SampleAsync(TimeSpan.FromSeconds(Math.Clamp(seconds ?? 5, 1, 30)),
                cancel);
            return Results.Json(sampled.Take(40).Select(s => new { type = s.Type, bytes = s.Bytes, ticks = s.Ticks }));
        });
        return app;
    }
}
