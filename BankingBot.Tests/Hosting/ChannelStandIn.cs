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
    private readonly ConcurrentDictionary<string, BlockingCollection<JObject>> byConversation = new();

    private ChannelStandIn(WebApplication app) => this.app = app;

    private int failures;
    private int hangs;

    /// <summary>Refuses the next <paramref name="count"/> replies with 503, as a channel in trouble does.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failures, count);

    /// <summary>Takes the next <paramref name="count"/> replies and never answers them: a channel that hangs.</summary>
    public void HangNext(int count) => Interlocked.Exchange(ref hangs, count);

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
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (HttpRequest request,
            string conversationId) =>
        {
            using var reader = new StreamReader(request.Body);
            var reply = JObject.Parse(await reader.ReadToEndAsync());
            if (Interlocked.Decrement(ref standIn.hangs) >= 0)
            {
                // The channel hangs: no answer until the bot gives up and closes the request.
                await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { });
                return Results.Empty;
            }

            if (Interlocked.Decrement(ref standIn.failures) >= 0)
            {
                // The channel is having trouble: this reply is not taken.
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            standIn.replies.Add(reply);
            standIn.Of(conversationId).Add(reply);
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

    /// <summary>The next reply in one conversation, waiting up to 30 s for it.</summary>
    public JObject NextReply(string conversationId) =>
        Of(conversationId).TryTake(out var reply, TimeSpan.FromSeconds(30))
            ? reply
            : throw new TimeoutException($"The bot sent no reply in conversation {conversationId}.");

    /// <summary>The text of the next reply: its text, or its card's first text block.</summary>
    public string NextText() => TextOf(NextReply());

    /// <summary>The text of the next reply in one conversation.</summary>
    public string NextText(string conversationId) => TextOf(NextReply(conversationId));

    /// <summary>Replies of one conversation not yet taken.</summary>
    public int Pending(string conversationId) => Of(conversationId).Count;

    private static string TextOf(JObject reply) =>
        (string?)reply["text"] ?? reply.SelectToken("attachments[0].content.body[0].text")?.ToString() ?? "";

    private BlockingCollection<JObject> Of(string conversationId) =>
        byConversation.GetOrAdd(Uri.UnescapeDataString(conversationId), _ => []);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
