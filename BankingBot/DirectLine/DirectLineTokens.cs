using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;

namespace BankingBot.DirectLine;

/// <summary>What a valid token of the local Direct Line grants: one conversation, as one user, until a time.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset Expires);

/// <summary>
/// Issues and checks the local Direct Line's tokens. A token is shaped as a JSON Web Token (HS256) with the
/// claims Azure's Direct Line tokens carry (<c>conv</c>, <c>user</c>, <c>exp</c>), because Web Chat reads the
/// user id from the <c>user</c> claim. The signing key is made afresh in each process: tokens die with the
/// process, as do the in-memory conversations they open.
/// </summary>
public sealed class DirectLineTokens(TimeProvider time)
{
    private static readonly string Header = Encode("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A token for the conversation and user, good for <paramref name="lifetime"/>.</summary>
    public string Issue(string conversationId, string userId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var expires = time.GetUtcNow() + lifetime;
        var claims = new JObject
        {
            ["conv"] = conversationId,
            ["user"] = userId,
            ["iat"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        var unsigned = Header + "." + Encode(claims.ToString(Newtonsoft.Json.Formatting.None));
        return unsigned + "." + Sign(unsigned);
    }

    /// <summary>What the token grants, or null when it is forged, malformed or expired.</summary>
    public DirectLineGrant? Check(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0] != Header)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        var claims = JObject.Parse(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1])));
        var expires = DateTimeOffset.FromUnixTimeSeconds((long)claims["exp"]!);
        return expires > time.GetUtcNow()
            ? new DirectLineGrant((string)claims["conv"]!, (string)claims["user"]!, expires)
            : null;
    }

    /// <summary>The bearer token of a request, or null when it has none.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private string Sign(string unsigned) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned)));

    private static string Encode(string json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));
}
