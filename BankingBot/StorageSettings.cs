using BankingBot.Dialogs.Storage;

namespace BankingBot;

/// <summary>
/// The configuration section "Storage": <c>Kind</c> is <c>Local</c> (the default: JSON files in
/// <c>Folder</c>) or <c>Blob</c> (Azure Blob Storage, shared by every instance).
/// </summary>
public static class StorageSettings
{
    /// <summary>Creates the document store the configuration names.</summary>
    public static IDocumentStore CreateStore(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection("Storage");
        var kind = section["Kind"] ?? "Local";
        return kind switch
        {
            "Local" => new FileDocumentStore(
                Path.Combine(environment.ContentRootPath, section["Folder"] ?? "App_Data")),
            "Memory" => new MemoryDocumentStore(),
            _ => throw new InvalidOperationException($"Storage:Kind '{kind}' is not known; use Local or Memory."),
        };
    }
}
