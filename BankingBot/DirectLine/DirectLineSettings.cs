namespace BankingBot.DirectLine;

/// <summary>
/// The configuration section "DirectLine". With no <see cref="Secret"/> the app is its own Direct Line
/// (the local default: the web chat page talks to the bot in this process); with a secret the page gets a
/// short-lived token for Azure's Direct Line from <c>POST /api/directline/token</c>, and the secret stays here.
/// </summary>
public sealed class DirectLineSettings
{
    /// <summary>The name of the configuration section.</summary>
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret of the bot's Azure registration (Direct Line channel). Keep it in an environment
    /// variable or Key Vault; it is only ever sent to <see cref="TokenService"/>.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Azure's token service, which exchanges the secret for a conversation's token.</summary>
    public Uri TokenService { get; set; } = new("https://directline.botframework.com/v3/directline/tokens/generate");

    /// <summary>How long a token of the local Direct Line is good for; the page renews it before then.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A local conversation nobody has posted to or read from for this long is dropped.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How often the local Direct Line looks for idle conversations.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Activities a local conversation keeps for a reloaded page; older ones are let go.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Local conversations open at once; a page asking for one more is told to try later (503).</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>True when the page should use Azure's Direct Line rather than the local one.</summary>
    public bool UsesAzure => !string.IsNullOrWhiteSpace(Secret);

    /// <summary>
    /// The Direct Line domain that goes with <see cref="TokenService"/> (the part before
    /// <c>/tokens/generate</c>), so a regional token service gets a regional domain.
    /// </summary>
    public string AzureDomain
    {
        get
        {
            var service = TokenService.GetLeftPart(UriPartial.Path).TrimEnd('/');
            const string suffix = "/tokens/generate";
            return service.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? service[..^suffix.Length] : service;
        }
    }
}
