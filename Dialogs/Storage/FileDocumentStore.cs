using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Storage;

/// <summary>
/// Documents as JSON files in one folder, the default store. A write replaces the file atomically (the new
/// version is written to the document's spare file, which then exchanges names with it), and the compare-and-swap
/// on the ETag is held under the document's lock file (one of 256 in <c>locks/</c>), so two turns, or two processes
/// on the same folder, never overwrite each other's changes silently. Readers hold the lock file shared.
/// </summary>
public sealed class FileDocumentStore : IDocumentStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);
    // The text reader and writer buffer; the file streams under them do not buffer again.
    private const int TextBuffer = 4096;
    private const int Unbuffered = 0;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonLoadSettings WithoutLineInfo = new() { LineInfoHandling = LineInfoHandling.Ignore };
    private readonly string root;
    private readonly string locks;
    // Writers of one file take turns in-process on one of a fixed set of gates (chosen by the file's name), so
    // the gates do not grow with the number of documents ever written.
    private readonly SemaphoreSlim[] gates = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Stores documents under <paramref name="folder"/>, created when missing.</summary>
    public FileDocumentStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        root = Path.GetFullPath(folder);
        locks = Path.Combine(root, "locks");
        Directory.CreateDirectory(locks);
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancel = default)
    {
        var path = PathOf(key);
        // Most turns look up records that do not exist (a hand-over link, an employee): one stat answers them,
        // without the lock file and an exception. A document is never missing between two of its versions.
        if (!File.Exists(path))
        {
            return null;
        }

        // The file opened here may become the spare at the next write and be rewritten at the one after: a
        // reader holds the document's lock shared.
        await using var fileLock = await AcquireFileLockAsync(LockOf(path), exclusive: false, cancel);
        try
        {
            // Documents are small and local: read in one go on this thread, parsed without line numbers.
            using var reader = OpenJson(path);
            var envelope = JObject.Load(reader, WithoutLineInfo);
            return new StoredDocument(key, (JObject)envelope["content"]!, (string)envelope["eTag"]!);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(string key, DocumentContent content, WriteCondition condition,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        var gate = gates[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)gates.Length)];
        await gate.WaitAsync(cancel);
        try
        {
            await using var fileLock = await AcquireFileLockAsync(LockOf(path), exclusive: true, cancel);
            var current = EnvelopeValue(path, "eTag");
            if ((condition.IfNoneExists && current is not null)
                || (condition.IfMatch is { } expected && expected != "*" && current != expected))
            {
                throw new StorageConflictException(key);
            }

            var eTag = Guid.NewGuid().ToString("N");
            // The new version goes into the document's spare file, which then trades names with the document:
            // the previous version becomes the spare, and no file is created or freed (creating one a turn cost
            // a third of the turn's CPU on a busy ext4 folder). The first version, or a system that cannot
            // exchange names, renames instead; either way readers see the old or the new version whole.
            var spare = path + ".spare";
            WriteEnvelope(spare, key, eTag, content);
            if (current is null || !FileSwap.TryExchange(spare, path))
            {
                File.Move(spare, path, overwrite: true);
            }

            return eTag;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancel = default)
    {
        var path = PathOf(key);
        await using var fileLock = await AcquireFileLockAsync(LockOf(path), exclusive: true, cancel);
        var existed = File.Exists(path);
        File.Delete(path);
        // The spare holds the version before the last one: it goes too ("delete my data").
        File.Delete(path + ".spare");
        return existed;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        foreach (var file in Directory.EnumerateFiles(root, EscapedPrefix(prefix) + "*.json"))
        {
            cancel.ThrowIfCancellationRequested();
            string? key = null;
            try
            {
                key = EnvelopeValue(file, "key");
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // Deleted or replaced while listing: it is simply not part of this listing.
            }

            if (key is not null && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return key;
            }
        }
    }

    // The envelope's key or ETag, read from its start without parsing the content (both are written before it).
    private static string? EnvelopeValue(string path, string name)
    {
        try
        {
            using var reader = OpenJson(path);
            while (reader.Read())
            {
                if (reader.TokenType == JsonToken.PropertyName && reader.Depth == 1)
                {
                    if ((string?)reader.Value == name)
                    {
                        return reader.ReadAsString();
                    }

                    reader.Skip();
                }
            }

            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    // The spare is written over in place and cut only where the new version is shorter: the version it held is
    // usually no longer, and freeing and allocating its blocks on every write cost more than the write itself.
    private static void WriteEnvelope(string path, string key, string eTag, DocumentContent content)
    {
        using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, Unbuffered);
        using (var text = new StreamWriter(file, Utf8, TextBuffer, leaveOpen: true))
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, ArrayPool = PooledChars.Instance })
        {
            writer.WriteStartObject();
            writer.WritePropertyName("key");
            writer.WriteValue(key);
            writer.WritePropertyName("eTag");
            writer.WriteValue(eTag);
            writer.WritePropertyName("content");
            content.WriteTo(writer);
            writer.WriteEndObject();
        }

        if (file.Length > file.Position)
        {
            file.SetLength(file.Position);
        }
    }

    private static JsonTextReader OpenJson(string path)
    {
        // Readers let a writer replace the file under them (the rename), on every platform.
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
            Unbuffered, FileOptions.SequentialScan);
        // Strings stay strings: text that looks like a time (a customer's words) is not turned into a date.
        return new JsonTextReader(new StreamReader(file, Utf8, false, TextBuffer))
        {
            CloseInput = true,
            ArrayPool = PooledChars.Instance,
            DateParseHandling = DateParseHandling.None,
        };
    }

    // Documents share 256 lock files, chosen by a hash of the file name that every process computes alike, so
    // that a new document costs one file, not two (each new file is costly on a busy ext4 folder).
    private string LockOf(string path)
    {
        var hash = 2166136261u;
        foreach (var c in Path.GetFileName(path))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Path.Combine(locks, $"{hash % 256:x2}.lock");
    }

    private string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Path.Combine(root, FileNameOf(key) + ".json");
    }

    // Keys become readable file names; long ones keep a readable start and end in a hash.
    private static string FileNameOf(string key)
    {
        var escaped = Escape(key);
        if (escaped.Length <= 150)
        {
            return escaped;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return escaped[..100] + "~" + hash;
    }

    private static string EscapedPrefix(string prefix)
    {
        var escaped = Escape(prefix);
        return escaped.Length <= 100 ? escaped : escaped[..100];
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : $"%{(int)c:X4}");
        }

        return builder.ToString();
    }

    // Writers hold a document's lock file exclusively, readers shared (an advisory flock on Linux and macOS).
    private static async Task<FileStream> AcquireFileLockAsync(string lockPath, bool exclusive,
        CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // The lock file stays: deleting it on close would let two writers lock two different files.
                return exclusive
                    ? new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1)
                    : new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite, 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(5, cancel);
            }
            catch (IOException e)
            {
                throw new StorageUnavailableException("The storage folder stayed locked for too long.", e);
            }
        }
    }
}

/// <summary>Newtonsoft's readers and writers borrowing their character buffers from the shared pool.</summary>
internal sealed class PooledChars : IArrayPool<char>
{
    public static readonly PooledChars Instance = new();

    public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(array);
        }
    }
}
