using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace BankingBot;

/// <summary>The bot's HTTP surface.</summary>
public static class BotEndpoints
{
    /// <summary>Maps <c>POST /api/messages</c> (the Bot Framework endpoint) and <c>GET /healthz</c>.</summary>
    public static WebApplication MapBankingBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter,
            IBot bot, CancellationToken cancel) => adapter.ProcessAsync(request, response, bot, cancel));
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
