using System.Text.Encodings.Web;
using BankingBot.Dialogs.Banking;
using Microsoft.Extensions.FileProviders;
using Newtonsoft.Json.Linq;

namespace BankingBot.DirectLine;

/// <summary>
/// The web chat page at <c>/</c> (the bank's name from configuration), its scripts and styles, and the token
/// endpoint the page calls first: <c>POST /api/directline/token</c>.
/// </summary>
public static class WebChatEndpoints
{
    /// <summary>The folder of the page's files next to the app's assemblies (build and publish copy it).</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Maps the page, its static files and the token endpoint.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = new Lazy<string>(() => Fill(File.ReadAllText(Path.Combine(WebRoot, "index.html")),
            app.Services.GetRequiredService<BankProfile>()));
        // The template itself is never served as a file: /index.html gets the filled page too.
        app.MapGet("/", () => Results.Content(page.Value, "text/html; charset=utf-8"));
        app.MapGet("/index.html", () => Results.Content(page.Value, "text/html; charset=utf-8"));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(WebRoot) });
        app.MapPost("/api/directline/token", IssueTokenAsync);
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext context, DirectLineSettings settings,
        DirectLineConversations conversations, AzureDirectLineTokens azure)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (settings.UsesAzure)
        {
            return await azure.GenerateAsync(context.RequestAborted) is { } issued
                ? DirectLineEndpoints.Json(With(issued, settings.AzureDomain))
                : Results.Problem("The chat service did not give a token; please try again.",
                    statusCode: StatusCodes.Status502BadGateway);
        }

        if (conversations.Open() is not { } opened)
        {
            return Results.Problem("Too many chats are open; please try again in a few minutes.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var (conversation, token) = opened;
        var request = context.Request;
        var issuedLocally = new JObject
        {
            ["conversationId"] = conversation.Id,
            ["token"] = token,
            ["expires_in"] = (long)settings.TokenLifetime.TotalSeconds,
        };
        return DirectLineEndpoints.Json(With(issuedLocally,
            $"{request.Scheme}://{request.Host}{request.PathBase}{DirectLineEndpoints.BasePath}"));
    }

    private static JObject With(JObject issued, string domain)
    {
        issued["domain"] = domain;
        return issued;
    }

    private static string Fill(string template, BankProfile bank)
    {
        var initials = string.Concat(bank.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(2).Select(word => char.ToUpperInvariant(word[0])));
        return template
            .Replace("{{BankName}}", HtmlEncoder.Default.Encode(bank.Name), StringComparison.Ordinal)
            .Replace("{{BankInitials}}", HtmlEncoder.Default.Encode(initials), StringComparison.Ordinal)
            .Replace("{{SupportPhone}}", HtmlEncoder.Default.Encode(bank.SupportPhone), StringComparison.Ordinal);
    }
}
