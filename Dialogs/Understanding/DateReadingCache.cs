using System.Reflection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Microsoft.Recognizers.Text.DateTime;

namespace BankingBot.Dialogs.Understanding;

/// <summary>
/// The memory of Recognizers.Text's date extractors, kept for one reading of one text only.
/// <para>
/// Reading one date, the extractors run each other many times on the same text ("Monday afternoon" is tried as a
/// date, a time, a period, a date and time...), and each keeps its results in a process-wide cache keyed by the
/// text and the reference time, so that the repeats are answered at once. But the reference is the customer's
/// "now", new on every call: across calls those caches never answer, and they grew with every date customers gave
/// (3.4 KB a journey, up to their size limit). Turned off (<c>DateTimeOptions.NoProtoCache</c>), every repeat
/// within a call is extracted again: 2 to 5 ms a date instead of 0.2 to 0.5 ms.
/// </para>
/// <para>
/// The library has no setting for a cache that lives for one call, so <see cref="Install"/> puts this one in its
/// caches' place (they are private fields of its extractor classes, found by type). It holds entries only inside a
/// <see cref="Read"/> scope, on that thread, and drops them when the scope ends; outside a scope it keeps nothing.
/// The package's version is fixed in Directory.Packages.props; if a new version's caches cannot be replaced,
/// <see cref="Install"/> says so and the dates are read without any cache, correct but slower (a test fails).
/// </para>
/// </summary>
public sealed class DateReadingCache : IMemoryCache
{
    // What each replaced cache found during the current reading on this thread, by the cache's slot: each extractor
    // class keys its entries alike (options, language, text, reference), so they must not share one dictionary.
    [ThreadStatic]
    private static Dictionary<object, object?>?[]? reading;

    private static int slots;

    private readonly int slot;

    private DateReadingCache(int slot) => this.slot = slot;

    /// <summary>How many of the library's caches were replaced: date, time and their periods (8 in 1.8.13).</summary>
    public static int Replaced { get; private set; }

    /// <summary>
    /// Replaces the date extractors' process-wide caches with this per-call one; false (and nothing replaced) when
    /// the library is not built as expected.
    /// </summary>
    public static bool Install()
    {
        var caches = new List<(object Holder, FieldInfo Field)>();
        foreach (var type in typeof(DateTimeRecognizer).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (!IsResultsCache(field.FieldType) || field.GetValue(null) is not { } holder)
                {
                    continue;
                }

                var memory = holder.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                    .SingleOrDefault(f => f.FieldType == typeof(IMemoryCache));
                if (memory is null)
                {
                    return false;
                }

                caches.Add((holder, memory));
            }
        }

        foreach (var (holder, field) in caches)
        {
            field.SetValue(holder, new DateReadingCache(slots++));
        }

        Replaced = caches.Count;
        return caches.Count > 0;
    }

    /// <summary>A scope in which the extractors may reuse what they found; dispose it when the reading ends.</summary>
    public static Scope Read()
    {
        if (reading is not null)
        {
            return default;
        }

        reading = new Dictionary<object, object?>?[slots];
        return new Scope(owner: true);
    }

    /// <inheritdoc />
    public bool TryGetValue(object key, out object? value)
    {
        value = null;
        return Entries(create: false) is { } entries && entries.TryGetValue(key, out value);
    }

    /// <inheritdoc />
    public ICacheEntry CreateEntry(object key) => new Entry(this, key);

    /// <inheritdoc />
    public void Remove(object key) => Entries(create: false)?.Remove(key);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>The end of one reading: what it cached is dropped.</summary>
    public readonly struct Scope(bool owner) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose()
        {
            if (owner)
            {
                reading = null;
            }
        }
    }

    // This cache's entries of the current reading; null outside a reading.
    private Dictionary<object, object?>? Entries(bool create)
    {
        if (reading is null || (slot >= reading.Length && !create))
        {
            return null;
        }

        // A reading begun before the caches were installed (the first one, from the same static initializer).
        if (slot >= reading.Length)
        {
            Array.Resize(ref reading, slots);
        }

        return reading[slot] ?? (create ? reading[slot] = new Dictionary<object, object?>() : null);
    }

    private static bool IsResultsCache(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName
            == "Microsoft.Recognizers.Text.InternalCache.ResultsCache`1";

    // The library sets an entry through the cache's extension methods: created, given its value, then disposed.
    private sealed class Entry(DateReadingCache cache, object key) : ICacheEntry
    {
        public object Key => key;

        public object? Value { get; set; }

        public DateTimeOffset? AbsoluteExpiration { get; set; }

        public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

        public TimeSpan? SlidingExpiration { get; set; }

        public IList<IChangeToken> ExpirationTokens { get; } = [];

        public IList<PostEvictionCallbackRegistration> PostEvictionCallbacks { get; } = [];

        public CacheItemPriority Priority { get; set; }

        public long? Size { get; set; }

        public void Dispose()
        {
            if (cache.Entries(create: true) is { } entries)
            {
                entries[key] = Value;
            }
        }
    }
}
