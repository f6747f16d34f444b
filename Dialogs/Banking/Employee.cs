namespace BankingBot.Dialogs.Banking;

/// <summary>
/// A bank employee acting on a record: <paramref name="Id"/> is their directory id (kept in audits),
/// <paramref name="Name"/> their display name (shown to colleagues, and its first word to a customer they join).
/// </summary>
public sealed record Employee(string Id, string Name)
{
    /// <summary>How the employee appears in a record's audit: a role and an id, never a name.</summary>
    public string Actor => "staff:" + Id;

    /// <summary>The first word of the display name, as a customer is told who joined.</summary>
    public string FirstName => Name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
        ? first
        : "a colleague";
}
