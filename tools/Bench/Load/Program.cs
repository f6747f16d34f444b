using System.Globalization;
using System.Net;
using System.Text.Json;
using BankingBot.Bench.Load;

// bench [options]: see BenchCommand and build/bench.sh.
// talk <messagesUrl> <text>...: says each text in one conversation and prints the replies' texts (for scripts).
// drive <messagesUrl> echo|one|journey <conversations> <seconds> [--steps] [--lockstep]: load only, for a profiler
// attached to the server; --steps prints each step's mean latency, --lockstep starts every conversation at once.
// Like bench's runs, a drive measures <seconds> after bench's default settling start (2 s), not measured.
var http = new HttpClient(new SocketsHttpHandler
{
    UseProxy = false,
    AutomaticDecompression = DecompressionMethods.None,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    MaxConnectionsPerServer = 1024,
}) { Timeout = TimeSpan.FromSeconds(60) };

if (args is ["talk", var url, .. var texts])
{
    await using var replies = await ReplyEndpoint.StartAsync();
    var driver = new LoadDriver(http, replies);
    var conversation = "talk-" + Guid.NewGuid().ToString("N")[..8];
    string? ticket = null;
    for (var i = 0; i < texts.Length; i++)
    {
        var text = texts[i].Replace("{ticket}", ticket, StringComparison.Ordinal);
        Console.WriteLine($"> {text}");
        var said = await driver.SayAsync(new Uri(url), conversation, i, text);
        ticket = LoadDriver.TicketOf(string.Join(" ", said ?? [])) ?? ticket;
        foreach (var reply in said ?? ["{\"text\":\"(HTTP error)\"}"])
        {
            Console.WriteLine("  < " + string.Join(" | ", TextsOf(JsonDocument.Parse(reply).RootElement)));
        }
    }

    return 0;
}

if (args is ["drive", var target, var scriptName, var concurrency, var seconds, .. var driveOptions])
{
    // For profiling a server started by hand: the same load, no measurement of the server.
    if (!int.TryParse(concurrency, CultureInfo.InvariantCulture, out var conversations) || conversations < 1
        || !int.TryParse(seconds, CultureInfo.InvariantCulture, out var measured) || measured < 1)
    {
        Console.Error.WriteLine("drive: <conversations> and <seconds> are whole numbers of at least 1.");
        return 1;
    }

    await using var replies = await ReplyEndpoint.StartAsync();
    Script? script = scriptName switch
    {
        "echo" => Scripts.Echo,
        "one" => Scripts.OneQuestion,
        "journey" => Scripts.BankingJourney,
        _ => null,
    };
    if (script is null)
    {
        Console.Error.WriteLine($"drive: no script \"{scriptName}\"; use echo, one or journey.");
        return 1;
    }

    var settle = new BenchOptions().Settle;
    var result = await new LoadDriver(http, replies).RunAsync(new Uri(target), script,
        new RunSettings(conversations, settle + TimeSpan.FromSeconds(measured), 1_000_000,
            Staggered: !driveOptions.Contains("--lockstep"), Settle: settle), "drive-"
        + Guid.NewGuid().ToString("N")[..8]);
    Console.WriteLine(result.Turns == 0
        ? $"nothing measured: {result.Errors} went wrong {result.FirstError}"
        : $"{result.Turns} turns, {result.TurnsPerSecond:F1}/s, p50 {result.Percentile(0.5):F2} ms, "
            + $"p99 {result.Percentile(0.99):F2} ms, {result.Errors} went wrong {result.FirstError}");
    if (driveOptions.Contains("--steps"))
    {
        // Each step's mean latency: at one conversation, what each kind of turn costs.
        for (var step = 0; step < script.Steps.Count; step++)
        {
            Console.WriteLine($"{result.StepMeansMs[step],8:F2} ms  {script.Steps[step].Say}");
        }
    }

    // Nothing measured, or a reply not as the script expects: the server is not doing its job.
    return result.Turns > 0 && result.Errors == 0 ? 0 : 1;
}

if (args is ["soak", var dll, var soakConcurrency, var soakJourneys, var soakSeconds])
{
    return await new SoakCommand(http, dll!, int.Parse(soakConcurrency!, CultureInfo.InvariantCulture),
        int.Parse(soakJourneys!, CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(int.Parse(soakSeconds!, CultureInfo.InvariantCulture))).RunAsync();
}

if (args is ["bench", .. var rest])
{
    BenchOptions options;
    try
    {
        options = BenchOptions.Parse(rest);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"bench: {e.Message}");
        return 1;
    }

    try
    {
        return await new BenchCommand(options, http).RunAsync();
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException)
    {
        Console.Error.WriteLine($"bench: {e.Message}");
        return 1;
    }
}

Console.Error.WriteLine("usage: Load bench [options] | talk <messagesUrl> <text>..."
    + " | drive <messagesUrl> echo|one|journey <conversations> <seconds> [--steps] [--lockstep]");
return 1;

// The texts of a reply: its text, its card's text blocks and its buttons' titles (in brackets).
static IEnumerable<string> TextsOf(JsonElement element) => element.ValueKind switch
{
    JsonValueKind.Object => element.EnumerateObject().SelectMany(property => property.Name switch
    {
        "text" when property.Value.ValueKind == JsonValueKind.String => [property.Value.GetString()!],
        "title" when property.Value.ValueKind == JsonValueKind.String => [$"[{property.Value.GetString()}]"],
        _ => TextsOf(property.Value),
    }),
    JsonValueKind.Array => element.EnumerateArray().SelectMany(TextsOf),
    _ => [],
};
