using System.Security.Cryptography;

namespace BankingBot.Dialogs.Engine;

/// <summary>
/// Each question gets a fresh id that its card sends back, so an answer from an old or already used card
/// is told apart from an answer to the question being asked now.
/// </summary>
public static class PromptIds
{
    /// <summary>The key under which a dialog stores the id of the question it asked.</summary>
    public const string Key = "promptId";

    /// <summary>A new random id.</summary>
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
}
