using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Hosting;

/// <summary>
/// Stands in for the channel's connector service, as the Emulator does: the bot posts its replies to
/// <c>{serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>, and the test reads them here.
/// </summary>
public sealed class ChannelStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly BlockingCollection<JObject> replies = [];

    private ChannelStandIn(WebApplication app) => this.app = app;

    /// <summary>The service URL to put in activities.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every reply received so far.</summary>
    public int Count => replies.Count;

    /// <summary>Starts listening on a free loopback port.</summary>
    public static async Task<ChannelStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new ChannelStandIn(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            standIn.replies.Add(JObject.Parse(await reader.ReadToEndAsync()));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        standIn.ServiceUrl = app.Urls.First();
        return standIn;
    }

    /// <summary>The next reply, waiting up to 15 s for it.</summary>
    public JObject NextReply() => replies.TryTake(out var reply, TimeSpan.FromSeconds(15))
        ? reply
        : throw new TimeoutException("The bot sent no reply.");

    /// <summary>The text of the next reply: its text, or its card's first text block.</summary>
    public string NextText()
    {
        var reply = NextReply();
        return (string?)reply["text"] ?? reply.SelectToken("attachments[0].content.body[0].text")?.ToString() ?? "";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
