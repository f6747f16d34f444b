using System.Diagnostics;
using BankingBot.Tests.Hosting;
using BankingBot.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.WebChat;

/// <summary>
/// The real bot app on a free loopback port for the browser tests, and a way to run one browser scenario
/// (<c>e2e/&lt;name&gt;.mjs</c>: headless Chromium through playwright-core, installed by build/test.sh) against
/// it. Screenshots go to <c>artifacts/webchat</c> at the repository's root, which git ignores.
/// </summary>
public sealed class BrowserBot : IAsyncLifetime
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(3);

    private BotProcess? bot;

    /// <summary>The bot's data folder (state and records on local disk).</summary>
    public string DataFolder { get; } =
        Path.Combine(Path.GetTempPath(), "bankingbot-webchat-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the scenarios save their screenshots.</summary>
    public static string Artifacts => Path.Combine(Azurite.RepositoryRoot(), "artifacts", "webchat");

    /// <inheritdoc />
    public async Task InitializeAsync() => bot = await BotProcess.StartAsync(DataFolder);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>Runs a scenario in the browser; returns the facts it printed, or fails with its output.</summary>
    public async Task<JObject> RunAsync(string scenario)
    {
        var root = Azurite.RepositoryRoot();
        var tools = Path.Combine(root, "build", "node");
        if (!File.Exists(Path.Combine(tools, "node_modules", "playwright-core", "package.json")))
        {
            throw new InvalidOperationException($"playwright-core is not in {tools}: run bash build/test.sh.");
        }

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium is not at {chromium}: run bash build/test.sh.");
        }

        var script = Path.Combine(root, "BankingBot.Tests", "WebChat", "e2e", scenario + ".mjs");
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BOT_URL"] = $"http://127.0.0.1:{bot!.Port}/";
        start.Environment["ARTIFACTS"] = Artifacts;
        start.Environment["NODE_TOOLS"] = tools;
        start.Environment["CHROMIUM"] = chromium;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScenarioTimeout);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"The {scenario} scenario did not finish within {ScenarioTimeout}.");
        }

        var said = await output;
        var facts = said.Split('\n').LastOrDefault(line => line.StartsWith('{'));
        if (node.ExitCode != 0 || facts is null)
        {
            throw new InvalidOperationException(
                $"The {scenario} scenario failed (exit {node.ExitCode}):\n{said}\n{await errors}\n" +
                string.Join("\n", BotProcess.Output.TakeLast(20)));
        }

        return JObject.Parse(facts);
    }
}
