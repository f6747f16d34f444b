using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Storage;

/// <summary>
/// The Bot Framework's <see cref="IStorage"/> on top of a document store, with real ETag checks. Bot state
/// (<see cref="ConversationState"/>, <see cref="UserState"/>) is read with the ETag of the version it came
/// from, so a turn that saves over a newer version gets a <see cref="StorageConflictException"/> instead of
/// silently overwriting another turn's changes. State that was read as missing is written create-only; an
/// ETag of "*" writes unconditionally.
/// </summary>
public sealed class StateStorage(IDocumentStore documents) : IStorage
{
    private const string ETagKey = "eTag";
    private const string Prefix = "state/";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
    });

    /// <inheritdoc />
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            if (await documents.ReadAsync(Prefix + key, cancellationToken) is { } stored)
            {
                // The state's properties as the tokens just read (BotState turns each into its type when asked),
                // rather than a second copy of the whole tree.
                var state = new Dictionary<string, object>(StringComparer.Ordinal) { [ETagKey] = stored.ETag };
                foreach (var property in stored.Content.Properties().Where(p => p.Name != ETagKey))
                {
                    // As Newtonsoft gives values typed as object: plain values unwrapped, objects and lists as tokens.
                    state[property.Name] = property.Value is JValue plain ? plain.Value! : property.Value;
                }

                items[key] = state;
            }
        }

        return items;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            string? expected;
            DocumentContent content;
            if (value is IDictionary<string, object> properties)
            {
                // Bot state: written straight from its objects, without its ETag.
                expected = properties.TryGetValue(ETagKey, out var tag) ? tag as string : null;
                content = DocumentContent.FromProperties(properties, Serializer, ETagKey);
            }
            else
            {
                var tree = JObject.FromObject(value, Serializer);
                expected = tree[ETagKey]?.Type == JTokenType.String ? (string?)tree[ETagKey] : null;
                tree.Remove(ETagKey);
                content = tree;
            }

            // State read with no ETag did not exist then: it is created only if nobody created it since.
            var condition = expected switch
            {
                null => WriteCondition.IfNew,
                "*" => WriteCondition.Always,
                _ => WriteCondition.IfUnchanged(expected),
            };
            var eTag = await documents.WriteAsync(Prefix + key, content, condition, cancellationToken);
            Remember(value, eTag);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            await documents.DeleteAsync(Prefix + key, cancellationToken);
        }
    }

    // The state object stays cached for the rest of the turn: a second save must expect the new version.
    private static void Remember(object value, string eTag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = eTag;
                break;
            case IDictionary<string, object> dictionary:
                dictionary[ETagKey] = eTag;
                break;
            case JObject obj:
                obj[ETagKey] = eTag;
                break;
        }
    }
}
