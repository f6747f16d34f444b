using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.DirectLine;

/// <summary>
/// The part of the Direct Line 3.0 protocol that Web Chat uses, at <c>/v3/directline</c>: start or resume a
/// conversation, post an activity, read activities after a watermark (polling, or the WebSocket stream of
/// <see cref="DirectLineStream"/>), and renew a token. Every request carries its conversation's token.
/// </summary>
public static class DirectLineEndpoints
{
    /// <summary>The protocol's base path.</summary>
    public const string BasePath = "/v3/directline";

    /// <summary>The channel id of activities from the web chat page.</summary>
    public const string ChannelId = "webchat";

    /// <summary>The bot's account in local Direct Line conversations.</summary>
    public const string BotId = "bankingbot";

    /// <summary>Maps the Direct Line routes.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(BasePath);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", Resume);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", ReadActivities);
        group.MapPost("/tokens/refresh", Refresh);
        app.UseWebSockets();
        group.Map("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, DirectLineConversations conversations,
        DirectLineAdapter adapter, IHostApplicationLifetime lifetime)
    {
        var access = conversations.Authorize(DirectLineTokens.BearerOf(request), null);
        if (access.Conversation is not { } conversation)
        {
            return Refused(access.Status);
        }

        var started = conversation.TryStart();
        if (started)
        {
            // As Azure's Direct Line does, the bot hears that the customer and the bot joined.
            var update = Incoming(request, conversation, new JObject { ["type"] = ActivityTypes.ConversationUpdate });
            update.MembersAdded = [update.Recipient, update.From];
            await adapter.RunTurnAsync(update, lifetime.ApplicationStopping);
        }

        return Json(Described(request, conversation, access.Grant!, DirectLineTokens.BearerOf(request)!, 0),
            started ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Resume(HttpRequest request, string conversationId, string? watermark,
        DirectLineConversations conversations)
    {
        var access = conversations.Authorize(DirectLineTokens.BearerOf(request), conversationId);
        return access.Conversation is { } conversation
            ? Json(Described(request, conversation, access.Grant!, DirectLineTokens.BearerOf(request)!,
                WatermarkOf(watermark) ?? 0))
            : Refused(access.Status);
    }

    private static async Task<IResult> PostActivityAsync(HttpRequest request, string conversationId,
        DirectLineConversations conversations, DirectLineAdapter adapter, IHostApplicationLifetime lifetime)
    {
        var access = conversations.Authorize(DirectLineTokens.BearerOf(request), conversationId);
        if (access.Conversation is not { } conversation)
        {
            return Refused(access.Status);
        }

        JObject? posted;
        string? problem;
        try
        {
            (posted, problem) = request.ContentLength > ActivityRequestCheck.MaxBodyBytes
                ? (null, null)
                : await ReadObjectAsync(request);
        }
        catch (BadHttpRequestException e)
        {
            return ActivityRequestCheck.BodyNotReceived(e);
        }

        if (posted is null)
        {
            return Results.Problem(problem ?? "The body is not a JSON activity of at most 256 KB.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (posted["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
        {
            return Results.Problem("The activity has no type.", statusCode: StatusCodes.Status400BadRequest);
        }

        Activity activity;
        try
        {
            activity = Incoming(request, conversation, posted);
        }
        catch (JsonException)
        {
            // A field of a kind the Activity cannot hold that the shape check does not know by name.
            return Results.Problem("The activity has a field of the wrong kind.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var stored = JObject.FromObject(activity, DirectLineAdapter.Json);
        activity.Id = conversation.Append(stored);
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Invoke)
        {
            // The turn runs to its end even if the page goes away meanwhile, so state and records stay whole.
            await adapter.RunTurnAsync(activity, lifetime.ApplicationStopping);
        }

        return Json(new JObject { ["id"] = activity.Id });
    }

    private static IResult ReadActivities(HttpRequest request, string conversationId, string? watermark,
        DirectLineConversations conversations)
    {
        var access = conversations.Authorize(DirectLineTokens.BearerOf(request), conversationId);
        if (access.Conversation is not { } conversation)
        {
            return Refused(access.Status);
        }

        var (activities, next) = conversation.Since(WatermarkOf(watermark));
        return Json(ActivitySet(activities, next));
    }

    private static IResult Refresh(HttpRequest request, DirectLineConversations conversations)
    {
        var access = conversations.Authorize(DirectLineTokens.BearerOf(request), null);
        if (access.Conversation is null)
        {
            return Refused(access.Status);
        }

        var token = conversations.Renew(access.Grant!);
        return Json(new JObject
        {
            ["conversationId"] = access.Grant!.ConversationId,
            ["token"] = token,
            ["expires_in"] = SecondsLeft(conversations.Authorize(token, null).Grant!),
        });
    }

    /// <summary>The <c>{activities, watermark}</c> body of a read or a stream frame.</summary>
    public static JObject ActivitySet(IEnumerable<JObject> activities, long watermark) => new()
    {
        ["activities"] = new JArray(activities),
        ["watermark"] = watermark.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A watermark from a query string, or null when there is none or it is not a number.</summary>
    public static long? WatermarkOf(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    // What the customer's page posted, made into the activity the bot receives: the sender is the token's user
    // (a page cannot speak for another), the channel, conversation, recipient, time and service URL are the
    // Direct Line's; everything else (text, value, channelData with clientActivityID, locale, localTimestamp,
    // localTimezone, entities) is kept as posted.
    private static Activity Incoming(HttpRequest request, DirectLineConversation conversation, JObject posted)
    {
        var name = posted.SelectToken("from.name") is JValue { Type: JTokenType.String } given
            ? ((string)given!)[..Math.Min(((string)given!).Length, 100)]
            : null;
        posted["from"] = JObject.FromObject(new ChannelAccount(conversation.UserId, name, RoleTypes.User),
            DirectLineAdapter.Json);
        var bot = new ChannelAccount(BotId, BotId, RoleTypes.Bot);
        posted["recipient"] = JObject.FromObject(bot, DirectLineAdapter.Json);
        posted["conversation"] = new JObject { ["id"] = conversation.Id };
        posted["channelId"] = ChannelId;
        // Replies inside a turn never use the service URL (DirectLineAdapter adds them to the conversation). A message
        // sent later through a stored conversation reference would be posted here and get 404: the local Direct
        // Line has no connector endpoints, so such messages do not reach local conversations.
        posted["serviceUrl"] = BaseUrl(request);
        posted["timestamp"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        posted.Remove("id");
        return posted.ToObject<Activity>(DirectLineAdapter.Json)!;
    }

    private static JObject Described(HttpRequest request, DirectLineConversation conversation, DirectLineGrant grant,
        string token, long watermark)
    {
        var socket = BaseUrl(request).Replace("http", "ws", StringComparison.Ordinal);
        return new JObject
        {
            ["conversationId"] = conversation.Id,
            ["token"] = token,
            ["expires_in"] = SecondsLeft(grant),
            ["streamUrl"] = $"{socket}{BasePath}/conversations/{conversation.Id}/stream" +
                $"?t={Uri.EscapeDataString(token)}&watermark={watermark}",
        };
    }

    private static long SecondsLeft(DirectLineGrant grant) =>
        Math.Max(0, (long)(grant.Expires - DateTimeOffset.UtcNow).TotalSeconds);

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    // The posted activity, or null and what is wrong with it (too large, not JSON, a field given twice or of the
    // wrong kind: the same checks as for /api/messages, see ActivityShape).
    private static async Task<(JObject? Posted, string? Problem)> ReadObjectAsync(HttpRequest request)
    {
        using var body = new StreamReader(request.Body);
        var text = await body.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (text.Length > ActivityRequestCheck.MaxBodyBytes)
        {
            return (null, null);
        }

        if (ActivityShape.ProblemOf(text) is { } problem)
        {
            return (null, problem);
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text));
            reader.DateParseHandling = DateParseHandling.None;
            return (JToken.ReadFrom(reader) as JObject, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static IResult Refused(int status) => status == StatusCodes.Status404NotFound
        ? Results.Problem("The conversation has ended or does not exist.", statusCode: status)
        : Results.Problem("The token is missing, expired, or not for this conversation.", statusCode: status);

    /// <summary>A Newtonsoft JSON body, as the Bot Framework serializes activities.</summary>
    public static IResult Json(JObject body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToString(Formatting.None), "application/json", null, status);
}
