using BankingBot.Dialogs.Banking;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BankingBot.Teams;

/// <summary>
/// Settings of the section "Staff": the bank's Microsoft Entra tenant and who in it is staff, by user object id
/// or by group.
/// </summary>
public sealed class StaffSettings
{
    /// <summary>The bank's tenant id; a Teams user of any other tenant is never staff.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Microsoft Entra object ids of employees (Teams sends them as <c>from.aadObjectId</c>).</summary>
    public List<string> UserIds { get; set; } = [];

    /// <summary>Microsoft Entra group ids whose members are staff; needs <see cref="IStaffGroups"/>.</summary>
    public List<string> GroupIds { get; set; } = [];
}

/// <summary>Answers whether a user belongs to one of the staff groups.</summary>
public interface IStaffGroups
{
    /// <summary>True when the user (by object id) is a member of any of the groups.</summary>
    Task<bool> IsMemberAsync(string tenantId, string userObjectId, IReadOnlyList<string> groupIds,
        CancellationToken cancel);
}

/// <summary>
/// Group membership when the bot cannot ask Microsoft Graph (no app registration, as when it runs locally):
/// nobody is a member; list employees in Staff:UserIds. Start-up logs a warning when groups are configured.
/// </summary>
public sealed class NoStaffGroups : IStaffGroups
{
    /// <inheritdoc />
    public Task<bool> IsMemberAsync(string tenantId, string userObjectId, IReadOnlyList<string> groupIds,
        CancellationToken cancel) => Task.FromResult(false);
}

/// <summary>
/// Who is staff: only a Teams user of the bank's tenant whose object id is listed (or who is in a listed group).
/// On every other channel, and for everyone else on Teams, the sender is a customer like any other.
/// </summary>
public sealed class StaffDirectory(StaffSettings settings, IStaffGroups groups)
{
    private readonly HashSet<string> userIds = new(settings.UserIds.Where(id => !string.IsNullOrWhiteSpace(id))
        .Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when staff features can work at all (a tenant and someone in it are configured).</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(settings.TenantId)
        && (userIds.Count > 0 || settings.GroupIds.Count > 0);

    /// <summary>The employee behind the activity, or null for a customer.</summary>
    public async Task<Employee?> FindAsync(IActivity activity, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!Configured || activity.ChannelId != Channels.Msteams || activity.From?.AadObjectId is not { } objectId
            || !string.Equals(TenantOf(activity), settings.TenantId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var member = userIds.Contains(objectId) || (settings.GroupIds.Count > 0
            && await groups.IsMemberAsync(settings.TenantId, objectId, settings.GroupIds, cancel));
        return member ? new Employee(objectId, activity.From.Name ?? "A colleague") : null;
    }

    /// <summary>The tenant Teams says the activity came from: its channel data, else the conversation.</summary>
    public static string? TenantOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = activity.ChannelData switch
        {
            JObject obj => obj,
            null => null,
            var other => JObject.FromObject(other),
        };
        return (string?)channelData?.SelectToken("tenant.id") ?? activity.Conversation?.TenantId;
    }
}
