using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace BankingBot.Bench.Load;

/// <summary>
/// A server under test: started through <c>taskset</c> on its own core and a free loopback port, watched through
/// /proc (CPU time, resident memory) and its <c>GET /bench/counters</c>, and stopped by its process id.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly Lazy<int> ClockTicks = new(ReadClockTicks);
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServerProcess(string name, Process process, int port, long startedAt)
    {
        Name = name;
        this.process = process;
        Port = port;
        StartedAt = startedAt;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What the report calls it.</summary>
    public string Name { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Its process id (taskset runs the server in its own process).</summary>
    public int Id => process.Id;

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>The Bot Framework endpoint.</summary>
    public Uri MessagesUri => new($"http://127.0.0.1:{Port}/api/messages");

    /// <summary>The benchmark counters endpoint.</summary>
    public Uri CountersUri => new($"http://127.0.0.1:{Port}/bench/counters");

    /// <summary>Starts <paramref name="program"/> pinned to <paramref name="core"/>; the port is its last argument
    /// unless <paramref name="arguments"/> holds <c>{port}</c>.</summary>
    public static ServerProcess Start(string name, string core, string program, IEnumerable<string> arguments,
        string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("taskset")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(core);
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{port}", port.ToString(CultureInfo.InvariantCulture),
                StringComparison.Ordinal));
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        return new ServerProcess(name, process, port, startedAt);
    }

    /// <summary>Waits until the counters endpoint answers.</summary>
    public async Task WaitUntilListeningAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            ThrowIfExited();
            try
            {
                using var response = await http.GetAsync(CountersUri);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{Name} did not answer within {timeout.TotalSeconds:F0} s.{Tail()}");
    }

    /// <summary>Throws with the end of its console output when it has exited.</summary>
    public void ThrowIfExited()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}.{Tail()}");
        }
    }

    /// <summary>User plus system CPU time used so far, from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicks.Value);
    }

    /// <summary>Resident memory now, from /proc/&lt;pid&gt;/status.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                    CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>The server's counters: allocated bytes (null for Node), state reads and writes, and more.</summary>
    public async Task<JsonElement> CountersAsync(HttpClient http)
    {
        using var response = await http.GetAsync(CountersUri);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The last lines it wrote to its console.</summary>
    public string Tail() => output.IsEmpty ? string.Empty : "\n  " + string.Join("\n  ", output.TakeLast(20));

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 40)
        {
            output.TryDequeue(out _);
        }
    }

    private static int ReadClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK")
            {
                RedirectStandardOutput = true,
            })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return int.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException
            or System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}
