using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BankingBot.Teams;

/// <summary>Where the bot asks Microsoft Graph about group membership: the section "Staff:Graph".</summary>
public sealed class GraphSettings
{
    /// <summary>The Graph API's base address.</summary>
    public string Endpoint { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The token endpoint; "{tenant}" is replaced by the staff tenant.</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>How long a user's membership answer is kept before Graph is asked again.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Staff groups through Microsoft Graph: <c>POST /users/{id}/checkMemberGroups</c> with an app-only token of the
/// bot's own registration (client credentials; the app needs the GroupMember.Read.All permission). Answers are
/// kept for a while, so a staff member's turns do not each call Graph. When Graph cannot be asked, the user is
/// not staff: the desk stays closed rather than open to the wrong people.
/// </summary>
public sealed class GraphStaffGroups(HttpClient http, GraphSettings settings, string appId, string appPassword,
    TimeProvider time, ILogger<GraphStaffGroups> logger) : IStaffGroups
{
    private readonly ConcurrentDictionary<string, (bool Member, DateTimeOffset Until)> answers = new();
    private (string Token, DateTimeOffset Until)? token;

    /// <inheritdoc />
    public async Task<bool> IsMemberAsync(string tenantId, string userObjectId, IReadOnlyList<string> groupIds,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var now = time.GetUtcNow();
        if (answers.TryGetValue(userObjectId, out var known) && known.Until > now)
        {
            return known.Member;
        }

        try
        {
            var member = await AskGraphAsync(tenantId, userObjectId, groupIds, cancel);
            answers[userObjectId] = (member, now + settings.CacheFor);
            return member;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Newtonsoft.Json.JsonException
            && !cancel.IsCancellationRequested)
        {
            logger.LogWarning("Microsoft Graph could not say whether a Teams user is in a staff group ({Failure}); " +
                "treated as not staff", e.GetType().Name);
            return false;
        }
    }

    private async Task<bool> AskGraphAsync(string tenantId, string userObjectId, IReadOnlyList<string> groupIds,
        CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{settings.Endpoint.TrimEnd('/')}/users/{Uri.EscapeDataString(userObjectId)}/checkMemberGroups")
        {
            Content = new StringContent(new JObject { ["groupIds"] = new JArray(groupIds) }.ToString(),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(tenantId, cancel));
        using var response = await http.SendAsync(request, cancel);
        response.EnsureSuccessStatusCode();
        var found = JObject.Parse(await response.Content.ReadAsStringAsync(cancel))["value"] as JArray ?? [];
        return found.Any(id => groupIds.Contains(id.ToString(), StringComparer.OrdinalIgnoreCase));
    }

    private async Task<string> TokenAsync(string tenantId, CancellationToken cancel)
    {
        if (token is { } current && current.Until > time.GetUtcNow())
        {
            return current.Token;
        }

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = appId,
            ["client_secret"] = appPassword,
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        using var response = await http.PostAsync(settings.TokenEndpoint.Replace("{tenant}", tenantId,
            StringComparison.Ordinal), form, cancel);
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync(cancel));
        var lifetime = TimeSpan.FromSeconds(body["expires_in"]?.Value<int>() ?? 300);
        var issued = (string?)body["access_token"]
            ?? throw new HttpRequestException("The token answer had no token.");
        token = (issued, time.GetUtcNow() + lifetime - TimeSpan.FromMinutes(1));
        return issued;
    }
}
