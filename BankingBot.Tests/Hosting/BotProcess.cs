using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BankingBot.Tests.Hosting;

/// <summary>
/// The real bot web app as a separate process on a free loopback port, started the way a developer runs it,
/// with its own data folder. Stopping and starting it again on the same folder is a restart.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;

    private BotProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The Bot Framework endpoint.</summary>
    public Uri MessagesUri => new($"http://127.0.0.1:{Port}/api/messages");

    /// <summary>Starts the app and waits until /healthz answers.</summary>
    public static async Task<BotProcess> StartAsync(string dataFolder, IDictionary<string, string>? settings = null,
        int? port = null)
    {
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BankingBot.dll"),
            "--urls", $"http://127.0.0.1:{chosen}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__Kind"] = "Local";
        start.Environment["Storage__Folder"] = dataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        process.OutputDataReceived += (_, line) => Output.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => Output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(process, chosen);
        await bot.WaitUntilHealthyAsync();
        return bot;
    }

    /// <summary>What the bot processes of this test run wrote to their console.</summary>
    public static System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the app and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // Until the output streams are read to their end, its last lines may still be on their way.
                await process.WaitForExitAsync();
                throw new InvalidOperationException("The bot exited: " + string.Join("\n", Output.TakeLast(30)));
            }

            try
            {
                var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot did not become healthy within 60 s.");
    }
}
