namespace BankingBot.DirectLine;

/// <summary>Wires the web chat: the local Direct Line, the Azure token exchange and the idle sweep.</summary>
public static class DirectLineServices
{
    /// <summary>Registers the Direct Line services from the configuration section "DirectLine".</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(DirectLineSettings.Section).Get<DirectLineSettings>()
            ?? new DirectLineSettings();
        if (settings.TokenLifetime <= TimeSpan.Zero || settings.IdleTimeout <= TimeSpan.Zero
            || settings.SweepInterval <= TimeSpan.Zero || settings.MaxActivitiesPerConversation < 1
            || settings.MaxConversations < 1)
        {
            throw new InvalidOperationException(
                "DirectLine: TokenLifetime, IdleTimeout, SweepInterval and the maximums must be positive.");
        }

        services.AddSingleton(settings);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<Dialogs.Records.IConversationHistory, DirectLineHistory>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<AzureDirectLineTokens>();
        services.AddHostedService<DirectLineSweep>();
        return services;
    }
}
