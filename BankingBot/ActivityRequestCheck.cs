using System.IdentityModel.Tokens.Jwt;
using System.Buffers;
using System.Text.Json;

namespace BankingBot;

/// <summary>
/// Refuses requests to <c>/api/messages</c> that cannot be a channel's activity, with a 400 that says why,
/// before the adapter sees them: a body that is not a JSON object, no type, no conversation id, no sender,
/// a service URL the bot could not reply to, or (with authentication off) one outside this machine. Too large
/// a body gets 413.
/// </summary>
public static class ActivityRequestCheck
{
    /// <summary>Largest accepted body; channels send far less (Teams caps messages near 100 KB).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Null when the request may go on to the adapter, else the result to answer with.</summary>
    public static async Task<IResult?> CheckAsync(HttpRequest request, bool authenticationOn, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // With authentication on, a request without a token is the adapter's to refuse (401), whatever it holds;
        // one whose token cannot even be read is refused here, since the SDK would fail on it with a 500.
        if (authenticationOn && !request.Headers.Authorization.Any())
        {
            return null;
        }

        if (authenticationOn && !IsReadableBearerToken(request.Headers.Authorization.ToString()))
        {
            return Results.Unauthorized();
        }

        // The body is read once into memory of its own size and handed on to the adapter from there (buffering
        // the request instead set aside a 256 KB array for every message, and kept it with the connection).
        MemoryStream? body;
        try
        {
            body = await ReadBodyAsync(request, cancel);
        }
        catch (BadHttpRequestException e)
        {
            return BodyNotReceived(e);
        }

        if (body is null)
        {
            return Results.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        request.Body = body;
        var problem = Problem(body.GetBuffer().AsMemory(0, (int)body.Length), authenticationOn);
        return problem is null ? null : Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The answer to a body the client sent too slowly or broke off (Kestrel's 408 or 400): its fault, said
    /// plainly, without a server error in the log. Also used by the local Direct Line.
    /// </summary>
    public static IResult BodyNotReceived(BadHttpRequestException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Results.Problem("The activity did not arrive whole or in time.", statusCode: e.StatusCode);
    }

    private static bool IsReadableBearerToken(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            new JwtSecurityTokenHandler().ReadJwtToken(header[scheme.Length..].Trim());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // The whole body, or null when it is larger than allowed.
    private static async Task<MemoryStream?> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        var declared = request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength : 0;
        var body = new MemoryStream(declared);
        request.HttpContext.Response.RegisterForDispose(body);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
            {
                if (body.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        body.Position = 0;
        return body;
    }

    private static string? Problem(ReadOnlyMemory<byte> body, bool authenticationOn)
    {
        var utf8Mark = "\uFEFF"u8;
        if (body.Span.StartsWith(utf8Mark))
        {
            body = body[utf8Mark.Length..];
        }

        // Read with System.Text.Json's pooled document: only its shape and a few fields are looked at, and the
        // adapter parses the body again into an Activity. Newtonsoft's leniency is kept: comments and trailing
        // commas pass. A field given twice is refused (ActivityShape).
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ActivityShape.Lenient);
        }
        catch (JsonException)
        {
            return "The body is not a JSON activity.";
        }

        using (document)
        {
            return Problem(document.RootElement, authenticationOn);
        }
    }

    private static string? Problem(JsonElement activity, bool authenticationOn)
    {
        if (activity.ValueKind != JsonValueKind.Object)
        {
            return "The body is not a JSON activity.";
        }

        if (ActivityShape.Problem(activity) is { } shape)
        {
            return shape;
        }

        if (ActivityShape.Field(activity, "type") is not { ValueKind: JsonValueKind.String } type
            || string.IsNullOrWhiteSpace(type.GetString()))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(Text(activity, "conversation", "id")))
        {
            return "The activity has no conversation id.";
        }

        if (string.IsNullOrWhiteSpace(Text(activity, "from", "id")))
        {
            return "The activity has no sender (from.id).";
        }

        if (string.IsNullOrWhiteSpace(Text(activity, "channelId")))
        {
            return "The activity has no channelId.";
        }

        var serviceUrl = Text(activity, "serviceUrl");
        var usable = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
        if (!usable)
        {
            return "The activity has no valid serviceUrl to reply to.";
        }

        // Without authentication nothing vouches for the service URL, and the bot would post its replies to any
        // address a caller names. Then only this machine's clients (the Emulator, local tools) are answered.
        return authenticationOn || uri!.IsLoopback
            ? null
            : "Without a MicrosoftAppId the bot replies only to service URLs on this machine.";
    }

    // A field's text (a number or object as written), or null when it is missing or null; names regardless of case.
    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (ActivityShape.Field(element, name) is not { } field)
            {
                return null;
            }

            element = field;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => element.GetString(),
            _ => element.GetRawText(),
        };
    }
}
