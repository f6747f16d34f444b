using System.Collections.Concurrent;
using System.Net;
using BankingBot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.WebChat;

/// <summary>
/// With a Direct Line secret configured, the page's token comes from Azure's token service, here a stand-in on
/// loopback that answers as the real one does; the secret goes only there, never to the browser.
/// </summary>
public sealed class TokenExchangeTests : IAsyncLifetime
{
    private const string Secret = "dl-secret-do-not-leak.123";

    private readonly ConcurrentQueue<(string? Authorization, JObject Body)> requests = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bankingbot-dl-" + Guid.NewGuid().ToString("N"));
    private WebApplication? azure;
    private BotProcess? bot;
    private int answerStatus = StatusCodes.Status200OK;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        azure = builder.Build();
        azure.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            requests.Enqueue((request.Headers.Authorization.ToString(), JObject.Parse(await reader.ReadToEndAsync())));
            return answerStatus != StatusCodes.Status200OK
                ? Results.StatusCode(answerStatus)
                : Results.Json(new { conversationId = "AzureConv-eu", token = "azure.token.value", expires_in = 3600 });
        });
        await azure.StartAsync();
        bot = await BotProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["DirectLine__Secret"] = Secret,
            ["DirectLine__TokenService"] = azure.Urls.First() + "/v3/directline/tokens/generate",
            ["Bank__Name"] = "Contoso <Mutual> & Co",
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await bot!.DisposeAsync();
        await azure!.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PageGetsAzuresTokenAndDomainAndTheSecretStaysOnTheServer()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot!.Port}/") };

        var response = await http.PostAsync("api/directline/token", null);
        var body = await response.Content.ReadAsStringAsync();
        var page = await http.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = JObject.Parse(body);
        Assert.Equal("AzureConv-eu", (string)issued["conversationId"]!);
        Assert.Equal("azure.token.value", (string)issued["token"]!);
        Assert.Equal(azure!.Urls.First() + "/v3/directline", (string)issued["domain"]!);
        var (authorization, sent) = Assert.Single(requests);
        Assert.Equal("Bearer " + Secret, authorization);
        Assert.StartsWith("dl_", (string)sent["user"]!["id"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain(Secret, page);
        Assert.DoesNotContain(BotProcess.Output, line => line.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenServiceFailureGivesThePageA502()
    {
        answerStatus = StatusCodes.Status403Forbidden;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot!.Port}/") };

        var response = await http.PostAsync("api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PageNamesTheBankFromConfigurationAndServesWebChatFromTheApp()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bot!.Port}/") };

        var page = await http.GetStringAsync("/");
        var bundle = await http.GetAsync("lib/webchat.js");

        Assert.Contains("<title>Contoso &lt;Mutual&gt; &amp; Co · Chat with us</title>", page);
        Assert.Contains("<script src=\"lib/webchat.js\"></script>", page);
        Assert.DoesNotContain("{{", page);
        Assert.Equal(page, await http.GetStringAsync("/index.html"));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 1_000_000);
    }
}
