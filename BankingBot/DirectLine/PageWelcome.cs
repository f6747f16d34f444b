using System.Text.RegularExpressions;
using BankingBot.Cards;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Leads;
using Microsoft.Bot.Builder;

namespace BankingBot.DirectLine;

/// <summary>
/// A greeting that fits the page of the bank's website the visitor opened the chat on: on a product's page
/// (its address names the product, such as <c>/mortgages/first-home</c>) the bot offers to pass an enquiry about
/// that product to the team that sells it. The choice starts the lead flow for that product.
/// </summary>
public sealed class PageWelcome(LeadProducts products, DialogEngineOptions options)
{
    /// <summary>The event the web chat page sends when it opens, with <c>value.pageUrl</c>.</summary>
    public const string JoinEvent = "webchat/join";

    /// <summary>The product a page is about, or null when it names none.</summary>
    public LeadProduct? ProductOf(string? page)
    {
        if (string.IsNullOrWhiteSpace(page))
        {
            return null;
        }

        var path = Uri.TryCreate(page, UriKind.Absolute, out var address) && address.Scheme.StartsWith("http",
            StringComparison.Ordinal) ? address.AbsolutePath : page;
        var words = " " + Regex.Replace(path.ToLowerInvariant(), @"[^a-z0-9]+", " ") + " ";
        return products.All
            .SelectMany(product => Terms(product).Select(term => (product, term)))
            .Where(match => Regex.IsMatch(words, @"\b" + Regex.Escape(match.term) + @"s?\b"))
            .OrderByDescending(match => match.term.Length)
            .Select(match => match.product)
            .FirstOrDefault();
    }

    /// <summary>Offers the page's product, if it has one; false when the page names no product.</summary>
    public async Task<bool> OfferAsync(ITurnContext turn, string? page, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (ProductOf(page) is not { } product)
        {
            return false;
        }

        // The first choice says it as a customer would, so the root dialog routes it to the product's lead flow.
        var offer = new QuestionReply(
            $"Thinking about {product.Name}? I can ask you a few quick questions and pass your answers to our " +
            $"{product.Team}, so they can get in touch. Or just ask me anything.",
            [
                new ChoiceOption($"I'm interested in {product.Name}", "Yes, please"),
                new ChoiceOption("menu:support", "Ask a question"),
                new ChoiceOption("menu:ticket", "Report a problem"),
                new ChoiceOption("menu:status", "Check a ticket"),
            ], string.Empty);
        var channel = ChannelProfile.For(turn.Activity.ChannelId, turn.Activity.Conversation?.IsGroup == true);
        foreach (var message in options.Renderer.Render(offer, channel))
        {
            await turn.SendActivityAsync(message, cancel);
        }

        return true;
    }

    private static IEnumerable<string> Terms(LeadProduct product) =>
        product.Synonyms.Append(product.Id.Replace('_', ' ')).Append(product.Title)
            .Select(term => Regex.Replace(term.ToLowerInvariant(), @"[^a-z0-9]+", " ").Trim())
            .Where(term => term.Length > 0);
}
