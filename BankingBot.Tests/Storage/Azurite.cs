using System.Diagnostics;
using System.Net.Sockets;
using BankingBot.Tests.Hosting;

namespace BankingBot.Tests.Storage;

/// <summary>
/// A real Azurite blob service (npm <c>azurite</c>, installed by build/test.sh into build/node) on a free
/// loopback port with its own data folder, telemetry off, for the length of a test class.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    private const string Account = "devstoreaccount1";

    // The well-known development account key that every Azurite and the Azure storage emulator use.
    private const string DevelopmentKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string folder =
        Path.Combine(Path.GetTempPath(), "bankingbot-azurite-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    /// <summary>The port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string for the development account on this instance.</summary>
    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>A connection string for the development account through another port (a proxy).</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={DevelopmentKey};" +
        $"BlobEndpoint=http://127.0.0.1:{port}/{Account};";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "build", "node", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run bash build/test.sh.");
        }

        Directory.CreateDirectory(folder);
        Port = BotProcess.FreePort();
        var start = new ProcessStartInfo(executable, ["--blobHost", "127.0.0.1", "--blobPort", Port.ToString(),
            "--location", folder, "--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The folder holding BankingBot.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BankingBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BankingBot.sln not found above the tests.");
    }

    private async Task WaitForPortAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("Azurite did not listen within 30 s.");
    }
}
