using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace BankingBot.Dialogs.Banking;

/// <summary>
/// Ticket numbers such as <c>TK-4K7Q-2MXA</c>: eight random characters from an alphabet without look-alike
/// letters (no I, L, O or U), so they can be read out over the phone, and about 10^12 of them, so one
/// customer's number says nothing about another's.
/// </summary>
public static partial class TicketNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random number.</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"TK-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>The format, for customers who typed a number that is not one.</summary>
    public const string FormatHint = "Ticket numbers look like TK-4K7Q-2MXA: \"TK\" and eight letters or digits.";

    /// <summary>Reads a ticket number from text, forgiving case, spaces, missing dashes and O/0, I/1 mix-ups.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Pattern().Match(text.ToUpperInvariant());
        if (!match.Success)
        {
            return null;
        }

        var body = (match.Groups[1].Value + match.Groups[2].Value)
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return body.All(Alphabet.Contains) ? $"TK-{body[..4]}-{body[4..]}" : null;
    }

    /// <summary>True when the text holds something meant as a ticket number that is not well formed.</summary>
    public static bool LooksLikeBrokenNumber(string? text) =>
        text is not null && Find(text) is null && Attempt().IsMatch(text.ToUpperInvariant());

    [GeneratedRegex(@"\bTK[\s\-#:]*([0-9A-Z]{4})[\s\-]*([0-9A-Z]{4})\b")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\bTK[\s\-#:]*[0-9A-Z\-]{1,14}\b")]
    private static partial Regex Attempt();
}
