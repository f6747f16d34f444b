using System.Net;
using System.Net.Sockets;

namespace BankingBot.Tests.Storage;

/// <summary>
/// A TCP forwarder between the bot and a service (Azurite) that a test can break: while it is down, every
/// connection is cut, as in a network or storage outage; the service behind it keeps its data.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private volatile bool down;

    /// <summary>Forwards a free loopback port to <paramref name="targetPort"/>.</summary>
    public FaultProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The port to connect to instead of the service's.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Cuts every connection, now and until <see cref="Restore"/>.</summary>
    public void Break()
    {
        down = true;
        lock (open)
        {
            open.ForEach(client => client.Dispose());
            open.Clear();
        }
    }

    /// <summary>Lets connections through again.</summary>
    public void Restore() => down = false;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        Break();
        stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (down)
            {
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var target = new TcpClient();
        lock (open)
        {
            open.Add(client);
            open.Add(target);
        }

        try
        {
            await target.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
            using var upstream = client.GetStream();
            using var downstream = target.GetStream();
            await Task.WhenAny(upstream.CopyToAsync(downstream, stopping.Token),
                downstream.CopyToAsync(upstream, stopping.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException
            or ObjectDisposedException)
        {
            // The connection was cut, by the far side or by Break().
        }
        finally
        {
            client.Dispose();
        }
    }
}
