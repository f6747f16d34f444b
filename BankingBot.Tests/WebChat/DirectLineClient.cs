using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.WebChat;

/// <summary>
/// Talks to the app's Direct Line as Web Chat does, over HTTP: a token from the bot's token endpoint, then
/// the conversation's routes with that token.
/// </summary>
public sealed class DirectLineClient(Uri app) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = app, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The conversation this client opened.</summary>
    public string ConversationId { get; private set; } = string.Empty;

    /// <summary>The token it uses.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The watermark after the activities read so far.</summary>
    public string? Watermark { get; private set; }

    /// <summary>Gets a token from the bot and starts its conversation; returns the start's response.</summary>
    public async Task<JObject> StartAsync()
    {
        var issued = JObject.Parse(await (await http.PostAsync("api/directline/token", null)).Content
            .ReadAsStringAsync());
        (ConversationId, Token) = ((string)issued["conversationId"]!, (string)issued["token"]!);
        var started = await SendAsync(HttpMethod.Post, "v3/directline/conversations", new JObject());
        Assert.Equal(HttpStatusCode.Created, started.Status);
        return started.Body!;
    }

    /// <summary>Posts an activity from the customer; returns the status and body.</summary>
    public Task<(HttpStatusCode Status, JObject? Body)> PostAsync(JObject activity, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities",
            activity);

    /// <summary>Types a message with a client activity id, as Web Chat does.</summary>
    public Task<(HttpStatusCode Status, JObject? Body)> SayAsync(string text, string clientActivityId) =>
        PostAsync(new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JObject { ["id"] = "someone-else", ["name"] = "Sam" },
            ["locale"] = "en-GB",
            ["localTimezone"] = "Asia/Tokyo",
            ["localTimestamp"] = "2026-12-04T18:30:00.000+09:00",
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId },
        });

    /// <summary>Reads activities after the last watermark; returns the status and the activities.</summary>
    public async Task<(HttpStatusCode Status, JArray Activities)> ReadAsync(string? conversationId = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Get,
            $"v3/directline/conversations/{conversationId ?? ConversationId}/activities?watermark={Watermark}", null);
        if (status == HttpStatusCode.OK && conversationId is null)
        {
            Watermark = (string)body!["watermark"]!;
        }

        return (status, (JArray?)body?["activities"] ?? []);
    }

    /// <summary>Sends a request with the token; returns the status and the JSON body, if any.</summary>
    public async Task<(HttpStatusCode Status, JObject? Body)> SendAsync(HttpMethod method, string path, JObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!text.StartsWith('{'))
        {
            return (response.StatusCode, null);
        }

        // Dates stay as sent, with their offsets, as a browser reads them.
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return (response.StatusCode, JObject.Load(reader));
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
