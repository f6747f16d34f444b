using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace BankingBot;

/// <summary>The bot's HTTP surface.</summary>
public static class BotEndpoints
{
    /// <summary>
    /// Maps <c>POST /api/messages</c> (the Bot Framework endpoint) and <c>GET /healthz</c>, and the benchmark's
    /// endpoints when it started the bot (<see cref="BenchEndpoints"/>).
    /// </summary>
    public static WebApplication MapBankingBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var authenticationOn = !string.IsNullOrEmpty(app.Configuration["MicrosoftAppId"]);
        app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response,
            IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancel) =>
        {
            if (await ActivityRequestCheck.CheckAsync(request, authenticationOn, cancel) is { } refusal)
            {
                return refusal;
            }

            try
            {
                await adapter.ProcessAsync(request, response, bot, cancel);
            }
            catch (Exception e) when (e is SecurityTokenException or SecurityTokenArgumentException
                && !response.HasStarted)
            {
                // The SDK reports a token it cannot read, or whose signature does not hold, with its identity
                // library's exceptions instead of as unauthorized. No turn has run.
                app.Logger.LogWarning("Request to /api/messages refused: {Reason}", e.GetType().Name);
                return Results.Unauthorized();
            }

            return Results.Empty;
        });
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapBenchEndpoints();
        return app;
    }
}
