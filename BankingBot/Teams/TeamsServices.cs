using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Staff;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BankingBot.Teams;

/// <summary>Wires the staff side in Teams: who is staff, the staff desk, proactive delivery, channel cards.</summary>
public static class TeamsServices
{
    /// <summary>Registers the Teams staff services and the background delivery to the staff channels.</summary>
    public static IServiceCollection AddTeamsStaff(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var staff = configuration.GetSection("Staff").Get<StaffSettings>() ?? new StaffSettings();
        staff.UserIds.RemoveAll(string.IsNullOrWhiteSpace);
        staff.GroupIds.RemoveAll(string.IsNullOrWhiteSpace);
        services.AddSingleton(staff);
        var teams = configuration.GetSection("Teams").Get<TeamsSettings>() ?? new TeamsSettings();
        teams.BotAppId = configuration["MicrosoftAppId"] ?? string.Empty;
        services.AddSingleton(teams);
        // The web host registers its configuration; a host without one (the tests' harness) gets this, which the
        // channel adapter needs to send messages outside a turn.
        services.TryAddSingleton(configuration);
        var graph = configuration.GetSection("Staff:Graph").Get<GraphSettings>() ?? new GraphSettings();
        services.AddSingleton(graph);
        var appId = configuration["MicrosoftAppId"];
        if (staff.GroupIds.Count > 0 && !string.IsNullOrWhiteSpace(appId))
        {
            services.AddSingleton<IStaffGroups>(provider => new GraphStaffGroups(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GraphStaffGroups)), graph,
                appId, configuration["MicrosoftAppPassword"] ?? string.Empty,
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<GraphStaffGroups>>()));
        }
        else
        {
            services.AddSingleton<IStaffGroups, NoStaffGroups>();
        }

        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<TicketQueue>();
        services.AddSingleton<HandoverDesk>();
        services.AddSingleton<LeadDesk>();
        services.AddSingleton<CustomerNotifier>();
        services.AddSingleton<StaffChannel>();
        services.AddSingleton<HandoverRelay>();
        services.AddSingleton<StaffDesk>();
        services.AddSingleton<TeamsTurns>();
        services.AddSingleton<StaffChannelDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<StaffChannelDelivery>());
        return services;
    }
}
