using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using BankingBot.Tests.Hosting;
using BankingBot.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c> 0.2.28, in build/node), a local
/// Teams that acts as the connector service for the bot: started on a free loopback port for one test, with
/// telemetry off and no browser, driven through its internal API, with the bot's messages read from its stream.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process process;
    private readonly ClientWebSocket stream = new();
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private AgentsPlayground(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The service URL the bot sends to (the Playground's connector).</summary>
    public string ServiceUrl => $"http://127.0.0.1:{Port}/_connector";

    /// <summary>Every frame of its conversation stream so far.</summary>
    public ConcurrentQueue<JObject> Frames { get; } = new();

    /// <summary>What it printed.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>The Playground's own settings (tenant, users, chats, teams) as its API reports them.</summary>
    public JObject TestConfig { get; private set; } = [];

    /// <summary>Where the Playground is installed; null when build/node has not been installed.</summary>
    public static string? Cli()
    {
        var cli = Path.Combine(Azurite.RepositoryRoot(), "build", "node", "node_modules", "@microsoft",
            "m365agentsplayground", "cli.js");
        return File.Exists(cli) ? cli : null;
    }

    /// <summary>Starts the Playground for a bot at <paramref name="botEndpoint"/> and waits until it answers.</summary>
    public static async Task<AgentsPlayground> StartAsync(string botEndpoint)
    {
        var cli = Cli() ?? throw new InvalidOperationException("Run build/test.sh once: the Playground is missing.");
        var port = BotProcess.FreePort();
        var start = new ProcessStartInfo("node", [cli, "start", "-e", botEndpoint, "-c", "msteams", "-p",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var playground = new AgentsPlayground(Process.Start(start)!, port);
        playground.process.OutputDataReceived += (_, line) => playground.Output.Enqueue(line.Data ?? "");
        playground.process.ErrorDataReceived += (_, line) => playground.Output.Enqueue(line.Data ?? "");
        playground.process.BeginOutputReadLine();
        playground.process.BeginErrorReadLine();
        await playground.WaitUntilReadyAsync();
        return playground;
    }

    /// <summary>
    /// The first message in the stream that matches (with its <c>messageId</c>), waiting up to
    /// <paramref name="seconds"/>.
    /// </summary>
    public async Task<JObject> WaitForActivityAsync(Func<JObject, bool> match, int seconds = 60)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var found = Frames.SelectMany(ActivitiesOf).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("No such activity from the bot. Stream: " + string.Join("\n", Frames.TakeLast(5))
            + "\nPlayground: " + string.Join("\n", Output.TakeLast(20)));
    }

    /// <summary>Clicks an Action.Execute button of a card message as the given user; returns the answer.</summary>
    public async Task<string> InvokeAsync(string conversationId, string replyToId, string userId, JObject data)
    {
        var body = new JObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JObject
            {
                ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = "answer", ["data"] = data },
                ["trigger"] = "manual",
            },
            ["from"] = new JObject { ["id"] = userId },
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
        };
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        var invoke = new Uri($"http://127.0.0.1:{Port}/_conversation/v1/invoke");
        using var response = await http.PostAsync(invoke, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stream.Dispose();
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        stop.Dispose();
    }

    // The stream says what changed in a conversation: {action: "createMessage", actionConversationId, message}.
    private static IEnumerable<JObject> ActivitiesOf(JObject frame) =>
        frame["message"] is JObject message ? [message] : [];

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The Playground exited: " + string.Join("\n", Output));
            }

            try
            {
                var config = await http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/_internal/v1/testConfig"));
                TestConfig = (JObject)JObject.Parse(config)["config"]!;
                await stream.ConnectAsync(
                    new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), stop.Token);
                _ = Task.Run(ReadStreamAsync);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("The Playground did not start: " + string.Join("\n", Output));
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (stream.State == WebSocketState.Open)
            {
                var result = await stream.ReceiveAsync(buffer, stop.Token);
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                try
                {
                    Frames.Enqueue(JObject.Parse(text));
                }
                catch (Newtonsoft.Json.JsonReaderException)
                {
                    Frames.Enqueue(new JObject { ["raw"] = text });
                }
            }
        }
        catch (Exception failure) when (failure is OperationCanceledException or WebSocketException)
        {
            // The test is over, or the Playground stopped.
        }
    }
}
