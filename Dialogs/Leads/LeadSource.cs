using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Leads;

/// <summary>
/// The page of the bank's website a chat was opened on, so sales knows which page brought the lead. A host
/// that learnt the page earlier (from a Web Chat event) puts it in the turn state under
/// <see cref="TurnStateKey"/>; otherwise the activity's channelData "pageUrl" or "page", or a value "page", is used.
/// </summary>
public static partial class LeadSource
{
    /// <summary>The turn-state key under which a host leaves the page it knows.</summary>
    public const string TurnStateKey = "BankingBot.SourcePage";

    private const int MaxLength = 300;

    /// <summary>The page of this turn, or null when nothing says it.</summary>
    public static string? PageOf(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var channelData = AsObject(activity.ChannelData);
        var value = AsObject(activity.Value);
        var candidates = new[]
        {
            turn.TurnState.Get<object>(TurnStateKey)?.ToString(),
            Text(channelData?["pageUrl"]), Text(channelData?["page"]), Text(value?["pageUrl"]), Text(value?["page"]),
        };
        return candidates.Select(Clean).FirstOrDefault(page => page is not null);
    }

    /// <summary>
    /// Keeps scheme, host and path of a web address and drops the query and fragment, which may carry a
    /// customer's e-mail or tracking ids; a relative path or page name is kept as it is when it looks like one.
    /// </summary>
    public static string? Clean(string? page)
    {
        if (string.IsNullOrWhiteSpace(page) || page.Length > 2000)
        {
            return null;
        }

        var trimmed = page.Trim();
        // On Linux "/savings" parses as an absolute file URI, so only text with a scheme counts as an address.
        if (trimmed.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            return uri.Scheme is "http" or "https" ? Clip(uri.GetLeftPart(UriPartial.Path)) : null;
        }

        var path = trimmed.Split('?', '#')[0];
        return PageName().IsMatch(path) ? Clip(path) : null;
    }

    private static string Clip(string page) => page.Length <= MaxLength ? page : page[..MaxLength];

    private static string? Text(JToken? token) => token?.Type == JTokenType.String ? token.ToString() : null;

    private static JObject? AsObject(object? value)
    {
        try
        {
            return value switch
            {
                JObject obj => obj,
                null or string => null,
                _ => JToken.FromObject(value) as JObject,
            };
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[\w\-./]{1,300}$")]
    private static partial Regex PageName();
}
