using System.Text;
using System.Text.RegularExpressions;

namespace BankingBot.Cards;

/// <summary>
/// Makes text safe for the places of a card that hosts read as Markdown (a TextBlock, a fact), so that what a
/// customer typed is shown as typed and never becomes bold text, a link or a list.
/// </summary>
/// <remarks>
/// Backslash escapes are what CommonMark, Web Chat's renderer and the Adaptive Cards renderers understand; some
/// older Teams mobile clients have been known to show the backslash itself. Templates therefore put long free
/// text (a ticket's description, a comment, a staff note) in a TextRun, which no host reads as Markdown.
/// </remarks>
public static partial class CardText
{
    /// <summary>The text with every character that could start Markdown escaped.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '*' or '`' or '[' or ']' or '<' or '~' || (c == '_' && !InsideWord(text, i)))
            {
                escaped.Append('\\');
            }

            escaped.Append(text[i]);
        }

        // At a line's start only: headings, quotes, bullets and numbered lists; anywhere: HTML entities.
        var lines = LineStart().Replace(escaped.ToString(), m => m.Groups[1].Value + m.Groups[2].Value + "\\"
            + m.Groups[3].Value);
        return Entity().Replace(lines, m => "\\" + m.Value);
    }

    // An underscore between letters or digits (New_York) never starts emphasis, so it stays as it is.
    private static bool InsideWord(string text, int at) =>
        at > 0 && at < text.Length - 1 && char.IsLetterOrDigit(text[at - 1]) && char.IsLetterOrDigit(text[at + 1]);

    [GeneratedRegex(@"(?m)^([ \t]*)(\d*)(#|>|-|\+|=|(?<=\d)[.)])")]
    private static partial Regex LineStart();

    [GeneratedRegex(@"&(?=#?[A-Za-z0-9]+;)")]
    private static partial Regex Entity();
}
