using Azure.Storage.Blobs;
using BankingBot.Dialogs.Storage;
using BankingBot.Storage;

namespace BankingBot;

/// <summary>
/// The configuration section "Storage": <c>Kind</c> is <c>Local</c> (the default: JSON files in
/// <c>Folder</c>), <c>Blob</c> (Azure Blob Storage, shared by every instance: <c>ConnectionString</c> and
/// <c>Container</c>), or <c>Memory</c> (tests).
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
            "Blob" => CreateBlobStore(section),
            "Memory" => new MemoryDocumentStore(),
            _ => throw new InvalidOperationException($"Storage:Kind '{kind}' is not known; use Local, Blob or Memory."),
        };
    }

    private static BlobDocumentStore CreateBlobStore(IConfigurationSection section)
    {
        var connection = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException("Storage:Kind is Blob but Storage:ConnectionString is not set.");
        }

        // Created once at start-up, so that the first turn does not pay for it.
        var container = new BlobContainerClient(connection, section["Container"] ?? "bankingbot",
            BlobDocumentStore.DefaultOptions());
        container.CreateIfNotExists();
        return new BlobDocumentStore(container);
    }
}
