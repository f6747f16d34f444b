using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BankingBot.Bench.Load;

/// <summary>
/// Stands in for the channel's connector service, so that a bot's replies travel real HTTP without being the
/// bottleneck: <c>POST /v3/conversations/{id}/activities[/{replyToId}]</c> answers 200 <c>{"id":...}</c> at once
/// and keeps the reply's JSON for the load generator, which checks it after the turn's HTTP 200. It runs in the
/// load generator's process, and so on the load generator's core.
/// </summary>
internal sealed class ReplyEndpoint : IAsyncDisposable
{
    private const string Prefix = "/v3/conversations/";
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, List<string>> inboxes = new(StringComparer.Ordinal);
    private long received;

    private ReplyEndpoint(WebApplication app) => this.app = app;

    /// <summary>The service URL to put in activities.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Replies received since the start.</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Starts listening on a free loopback port.</summary>
    public static async Task<ReplyEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new ReplyEndpoint(app);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.ServiceUrl = app.Urls.First() + "/";
        return endpoint;
    }

    /// <summary>Takes the replies a conversation received since the last take, in the order they came.</summary>
    public IReadOnlyList<string> Take(string conversationId) =>
        inboxes.TryRemove(conversationId, out var replies) ? replies : [];

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var slash = path.StartsWith(Prefix, StringComparison.Ordinal) ? path.IndexOf('/', Prefix.Length) : -1;
        if (!HttpMethods.IsPost(context.Request.Method) || slash < 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var conversationId = Uri.UnescapeDataString(path[Prefix.Length..slash]);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var reply = await reader.ReadToEndAsync(context.RequestAborted);
        var inbox = inboxes.GetOrAdd(conversationId, _ => []);
        lock (inbox)
        {
            inbox.Add(reply);
        }

        var number = Interlocked.Increment(ref received);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"id\":\"reply-{number}\"}}", context.RequestAborted);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
