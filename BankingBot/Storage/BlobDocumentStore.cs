using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BankingBot.Dialogs.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Storage;

/// <summary>
/// Documents as blobs in one Azure Blob Storage container, shared by every instance of the bot. Each write
/// is conditional on the blob's ETag (If-Match), or on its absence (If-None-Match: *) for a create, so two
/// instances never overwrite each other's changes. Transient faults (timeouts, 5xx, throttling) are retried
/// with exponential backoff by the client; what still fails is reported as
/// <see cref="StorageUnavailableException"/>.
/// </summary>
public sealed class BlobDocumentStore : IDocumentStore
{
    private readonly BlobContainerClient container;

    /// <summary>
    /// Uses an existing container client (create the container first with <see cref="CreateAsync"/>).
    /// </summary>
    public BlobDocumentStore(BlobContainerClient container) =>
        this.container = container ?? throw new ArgumentNullException(nameof(container));

    /// <summary>Connects to the container, creating it when it does not exist.</summary>
    public static async Task<BlobDocumentStore> CreateAsync(string connectionString, string containerName,
        BlobClientOptions? options = null, CancellationToken cancel = default)
    {
        var client = new BlobContainerClient(connectionString, containerName, options ?? DefaultOptions());
        try
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancel);
        }
        catch (RequestFailedException e)
        {
            throw new StorageUnavailableException("The blob container could not be reached or created.", e);
        }

        return new BlobDocumentStore(client);
    }

    /// <summary>Retries with exponential backoff and a network timeout suited to a turn.</summary>
    public static BlobClientOptions DefaultOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancel = default)
    {
        var blob = container.GetBlobClient(BlobNames.Of(key));
        try
        {
            var download = await blob.DownloadContentAsync(cancel);
            // Strings stay strings: text that looks like a time (a customer's words) is not turned into a date.
            using var reader = new JsonTextReader(new StringReader(download.Value.Content.ToString()))
            {
                DateParseHandling = DateParseHandling.None,
            };
            var content = JObject.Load(reader);
            return new StoredDocument(key, content, download.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (IsOutage(e, cancel))
        {
            throw Unavailable(e);
        }
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(string key, DocumentContent content, WriteCondition condition,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = container.GetBlobClient(BlobNames.Of(key));
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = condition switch
            {
                { IfNoneExists: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
                { IfMatch: { } eTag } when eTag != "*" => new BlobRequestConditions { IfMatch = new ETag(eTag) },
                _ => null,
            },
        };
        try
        {
            var body = BinaryData.FromString(content.ToJson());
            var response = await blob.UploadAsync(body, upload, cancel);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed
            or (int)HttpStatusCode.Conflict)
        {
            throw new StorageConflictException(key);
        }
        catch (Exception e) when (IsOutage(e, cancel))
        {
            throw Unavailable(e);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancel = default)
    {
        try
        {
            var blob = container.GetBlobClient(BlobNames.Of(key));
            var response = await blob.DeleteIfExistsAsync(cancellationToken: cancel);
            return response.Value;
        }
        catch (Exception e) when (IsOutage(e, cancel))
        {
            throw Unavailable(e);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        var pages = container.GetBlobsAsync(BlobTraits.None, BlobStates.None, BlobNames.Of(prefix), cancel);
        await using var items = pages.GetAsyncEnumerator(cancel);
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception e) when (IsOutage(e, cancel))
            {
                throw Unavailable(e);
            }

            yield return BlobNames.KeyOf(items.Current.Name);
        }
    }

    // After its retries the client throws the last failure, or all of them together; a network timeout is
    // a cancellation that the caller did not ask for.
    private static bool IsOutage(Exception e, CancellationToken cancel) => e switch
    {
        RequestFailedException or AggregateException or HttpRequestException or TimeoutException => true,
        OperationCanceledException => !cancel.IsCancellationRequested,
        _ => false,
    };

    private static StorageUnavailableException Unavailable(Exception e) => e is RequestFailedException failed
        ? new($"Blob storage answered {failed.Status} ({failed.ErrorCode}) after retries.", e)
        : new("Blob storage could not be reached after retries.", e);
}

/// <summary>
/// Store keys as blob names: "/" stays a virtual folder separator, everything else outside a safe set is
/// percent-encoded, so any key (a channel's conversation id may hold anything) is a valid, reversible name.
/// </summary>
public static class BlobNames
{
    /// <summary>The blob name of a key.</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = new StringBuilder(key.Length);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            name.Append(b < 128 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
                ? c.ToString()
                : $"%{b:X2}");
        }

        return name.ToString();
    }

    /// <summary>The key of a blob name.</summary>
    public static string KeyOf(string name) => Uri.UnescapeDataString(name);
}
