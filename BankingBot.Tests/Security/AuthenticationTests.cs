using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using BankingBot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Security;

/// <summary>
/// With a MicrosoftAppId configured, only a request with a valid Bot Framework token runs a turn. The tokens are
/// signed by a test authority whose metadata the bot fetches, so the SDK's own validation decides.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "3f2c6a1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
    private const string ServiceUrl = "http://127.0.0.1:9/";

    private readonly string dataFolder =
        Path.Combine(Path.GetTempPath(), "bankingbot-auth-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private TokenAuthority authority = null!;
    private BotProcess bot = null!;

    public async Task InitializeAsync()
    {
        authority = await TokenAuthority.StartAsync();
        bot = await BotProcess.StartAsync(dataFolder, new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["ToBotFromChannelOpenIdMetadataUrl"] = authority.MetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = TokenAuthority.ChannelIssuer,
            // Replies need a token from the login service; a closed loopback port keeps that attempt local.
            ["ToChannelFromBotLoginUrl"] = "https://127.0.0.1:9/botframework.com",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["ValidateAuthority"] = "false",
            ["OAuthUrl"] = "https://127.0.0.1:9/",
            ["SSL_CERT_FILE"] = authority.TrustedCertificates,
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await authority.DisposeAsync();
        http.Dispose();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task ValidTokenRunsTheTurn()
    {
        var status = await PostAsync("valid", authority.Token(AppId, ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(StateSaved("valid"), "A turn with a valid token should have saved the conversation's state.");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("malformed")]
    [InlineData("bad signature")]
    [InlineData("expired")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("other service url")]
    public async Task InvalidTokenIsRefusedAndNoTurnRuns(string problem)
    {
        using var stranger = RSA.Create(2048);
        var token = problem switch
        {
            "missing" => null,
            "malformed" => "not.a.jwt",
            "bad signature" => authority.Token(AppId, ServiceUrl, signWith: stranger),
            "expired" => authority.Token(AppId, ServiceUrl, validFor: TimeSpan.Zero),
            "wrong audience" => authority.Token("00000000-0000-0000-0000-000000000000", ServiceUrl),
            "wrong issuer" => authority.Token(AppId, ServiceUrl, issuer: "https://issuer.example"),
            "other service url" => authority.Token(AppId, "https://elsewhere.example/"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var conversation = "refused-" + problem.Replace(' ', '-');

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(conversation, token));
        Assert.False(StateSaved(conversation), $"A request with a {problem} token ran a turn.");
    }

    private async Task<HttpStatusCode> PostAsync(string conversation, string? token)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = ServiceUrl,
            ["conversation"] = new JObject { ["id"] = conversation },
            ["from"] = new JObject { ["id"] = "customer" },
            ["recipient"] = new JObject { ["id"] = AppId },
            ["text"] = "I want to open a ticket",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUri)
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private bool StateSaved(string conversation) => Directory.Exists(dataFolder)
        && Directory.EnumerateFiles(dataFolder, "state*.json")
            .Any(file => file.Contains(conversation, StringComparison.Ordinal));
}
