using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json;

namespace BankingBot.DirectLine;

/// <summary>
/// The WebSocket stream of a local Direct Line conversation (its <c>streamUrl</c>): the server sends a
/// <c>{activities, watermark}</c> frame whenever activities arrive, starting after the watermark the URL names.
/// Web Chat sends empty frames now and then to keep the socket open; they are read and ignored.
/// </summary>
public static class DirectLineStream
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    /// <summary>Serves one stream until the page closes it, the conversation is dropped, or the app stops.</summary>
    public static async Task RunAsync(HttpContext context, string conversationId, DirectLineConversations conversations,
        TimeProvider time, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(lifetime);
        var access = conversations.Authorize(context.Request.Query["t"], conversationId);
        if (!context.WebSockets.IsWebSocketRequest || access.Conversation is not { } conversation)
        {
            context.Response.StatusCode = context.WebSockets.IsWebSocketRequest
                ? access.Status
                : StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted,
            lifetime.ApplicationStopping);
        var closed = DrainUntilClosedAsync(socket, stop.Token);
        var watermark = DirectLineEndpoints.WatermarkOf(context.Request.Query["watermark"]) ?? 0;
        try
        {
            while (socket.State == WebSocketState.Open && conversations.Find(conversationId) == conversation)
            {
                var (activities, next) = conversation.Since(watermark);
                if (activities.Count > 0)
                {
                    var frame = DirectLineEndpoints.ActivitySet(activities, next).ToString(Formatting.None);
                    await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, stop.Token);
                    watermark = next;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var arrived = conversation.WaitForActivityAsync(watermark, wait.Token);
                await Task.WhenAny(arrived, closed, Task.Delay(CheckInterval, time, wait.Token));
                await wait.CancelAsync();
                if (closed.IsCompleted)
                {
                    break;
                }

                // An open stream is a conversation in use: it is not idle.
                conversation.Touch(time.GetUtcNow());
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stream ended", stop.Token);
            }
        }
        catch (Exception failure) when (failure is OperationCanceledException or WebSocketException)
        {
            // The page went away or the app is stopping: nothing to tell anyone.
        }
    }

    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationToken cancel)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancel);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception failure) when (failure is OperationCanceledException or WebSocketException)
        {
            // Closed under us.
        }
    }
}
