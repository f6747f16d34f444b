using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// Stands in for the Teams connector service on a loopback port: takes the bot's new messages (POST) and updates
/// of a message in place (PUT), and gives each new message an id, as Teams does.
/// </summary>
public sealed class TeamsStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private int sequence;

    private TeamsStandIn(WebApplication app) => this.app = app;

    /// <summary>The service URL to configure.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every message posted, with its conversation id and the id given to it.</summary>
    public ConcurrentQueue<(string Conversation, string Id, JObject Activity)> Posted { get; } = new();

    /// <summary>Every update in place: the message id and its new version.</summary>
    public ConcurrentQueue<(string Id, JObject Activity)> Updated { get; } = new();

    /// <summary>Starts listening on a free loopback port.</summary>
    public static async Task<TeamsStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new TeamsStandIn(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyTo}", async (HttpRequest request,
            string conversationId) =>
        {
            var id = $"msg-{Interlocked.Increment(ref standIn.sequence)}";
            standIn.Posted.Enqueue((Uri.UnescapeDataString(conversationId), id, await ReadAsync(request)));
            return Results.Json(new { id });
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpRequest request,
            string activityId) =>
        {
            standIn.Updated.Enqueue((activityId, await ReadAsync(request)));
            return Results.Json(new { id = activityId });
        });
        await app.StartAsync();
        standIn.ServiceUrl = app.Urls.First() + "/";
        return standIn;
    }

    /// <summary>The messages posted to one conversation, oldest first.</summary>
    public IReadOnlyList<JObject> In(string conversation) =>
        Posted.Where(p => p.Conversation == conversation).Select(p => p.Activity).ToList();

    /// <summary>The text of a message: its text, or its card's texts.</summary>
    public static string Text(JObject activity) => (string?)activity["text"]
        ?? string.Join(" | ", activity.SelectTokens("attachments[0].content..text").Select(t => t.ToString()));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<JObject> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return JObject.Parse(await reader.ReadToEndAsync());
    }
}
