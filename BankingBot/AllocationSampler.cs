using System.Diagnostics.Tracing;

namespace BankingBot;

/// <summary>
/// For the benchmark only (<see cref="BenchEndpoints"/>): listens to the runtime's allocation ticks (one event
/// about every 100 KB allocated, naming the type of the object that crossed the mark) for a while and tallies
/// them by type, which shows what a turn's allocated bytes are made of without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, (long Bytes, int Ticks)> byType = new(StringComparer.Ordinal);
    private bool listening;

    /// <summary>Samples for <paramref name="duration"/>; returns the types by estimated bytes, largest first.</summary>
    public static async Task<IReadOnlyList<(string Type, long Bytes, int Ticks)>> SampleAsync(TimeSpan duration,
        CancellationToken cancel)
    {
        using var sampler = new AllocationSampler();
        sampler.Start();
        await Task.Delay(duration, cancel);
        sampler.listening = false;
        lock (sampler.byType)
        {
            return sampler.byType.OrderByDescending(entry => entry.Value.Bytes)
                .Select(entry => (entry.Key, entry.Value.Bytes, entry.Value.Ticks)).ToList();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource && listening)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!listening || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true
            || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string : null;
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0
            ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture)
            : 100_000;
        lock (byType)
        {
            var (bytes, ticks) = byType.GetValueOrDefault(type ?? "?");
            byType[type ?? "?"] = (bytes + amount, ticks + 1);
        }
    }

    private void Start()
    {
        listening = true;
        foreach (var source in EventSource.GetSources().Where(s => s.Name == RuntimeSource))
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }
}
