using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace BankingBot.DirectLine;

/// <summary>
/// Exchanges the bot's Direct Line secret for one conversation's token with Azure's token service
/// (<see cref="DirectLineSettings.TokenService"/>), so the page gets a short-lived token and never the secret.
/// Each token names a fresh user id starting with "dl_", which Azure's Direct Line then vouches for.
/// </summary>
public sealed partial class AzureDirectLineTokens(IHttpClientFactory clients, DirectLineSettings settings,
    ILogger<AzureDirectLineTokens> logger)
{
    /// <summary>A new conversation's id, token and lifetime from Azure; null when the service failed.</summary>
    public async Task<JObject?> GenerateAsync(CancellationToken cancel)
    {
        var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenService)
        {
            Content = new StringContent(new JObject { ["user"] = new JObject { ["id"] = userId } }.ToString(),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Secret);
        try
        {
            using var client = clients.CreateClient(nameof(AzureDirectLineTokens));
            client.Timeout = TimeSpan.FromSeconds(10);
            using var response = await client.SendAsync(request, cancel);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused((int)response.StatusCode);
                return null;
            }

            var body = JObject.Parse(await response.Content.ReadAsStringAsync(cancel));
            if (body["token"]?.Type != JTokenType.String || body["conversationId"]?.Type != JTokenType.String)
            {
                LogRefused((int)response.StatusCode);
                return null;
            }

            return new JObject
            {
                ["conversationId"] = body["conversationId"],
                ["token"] = body["token"],
                ["expires_in"] = body["expires_in"] ?? 1800,
            };
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException
            or Newtonsoft.Json.JsonException)
        {
            LogUnreachable(failure.GetType().Name);
            return null;
        }
    }

    // The secret is never logged; neither is the token.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line token service refused a token (HTTP {Status})")]
    private partial void LogRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line token service could not be reached ({Failure})")]
    private partial void LogUnreachable(string failure);
}
