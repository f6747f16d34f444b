using System.Globalization;
using System.Text.Json;

namespace BankingBot;

/// <summary>
/// What an activity's JSON must look like before the adapter reads it into an Activity: no field given twice
/// (the adapter matches names regardless of case and keeps the last, so a second "ServiceUrl" could slip past
/// the checks on "serviceUrl"), and the fields the adapter types strictly of the right JSON kind, so the caller
/// learns which field is wrong instead of getting an empty 400.
/// </summary>
internal static class ActivityShape
{
    /// <summary>Newtonsoft's leniency, as the adapter reads activities: comments and trailing commas pass.</summary>
    public static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly (string Name, JsonValueKind Kind)[] Typed =
    [
        ("id", JsonValueKind.String), ("type", JsonValueKind.String), ("name", JsonValueKind.String),
        ("text", JsonValueKind.String), ("channelId", JsonValueKind.String), ("serviceUrl", JsonValueKind.String),
        ("locale", JsonValueKind.String), ("localTimezone", JsonValueKind.String),
        ("replyToId", JsonValueKind.String), ("timestamp", JsonValueKind.String),
        ("localTimestamp", JsonValueKind.String), ("conversation", JsonValueKind.Object),
        ("from", JsonValueKind.Object), ("recipient", JsonValueKind.Object),
        ("attachments", JsonValueKind.Array), ("entities", JsonValueKind.Array),
        ("membersAdded", JsonValueKind.Array), ("membersRemoved", JsonValueKind.Array),
    ];

    /// <summary>What is wrong with the activity's JSON text (not JSON, or its shape), or null.</summary>
    public static string? ProblemOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Lenient);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Problem(document.RootElement)
                : "The body is not a JSON activity.";
        }
        catch (JsonException)
        {
            return "The body is not a JSON activity.";
        }
    }

    /// <summary>What is wrong with the activity's shape, or null.</summary>
    public static string? Problem(JsonElement activity)
    {
        if (NameGivenTwice(activity) is { } twice)
        {
            return $"The field '{twice}' is given twice (names that differ only in case are the same field).";
        }

        foreach (var (name, kind) in Typed)
        {
            if (Field(activity, name) is { ValueKind: not JsonValueKind.Null } value && value.ValueKind != kind
                && !(kind == JsonValueKind.String && IsPlain(value)))
            {
                return $"The activity's '{name}' must be {Described(kind)}.";
            }
        }

        foreach (var account in new[] { "conversation", "from", "recipient" })
        {
            if (Field(activity, account) is { } holder && Field(holder, "id") is { } id
                && !IsPlain(id) && id.ValueKind != JsonValueKind.Null)
            {
                return $"The activity's '{account}.id' must be text.";
            }
        }

        foreach (var name in new[] { "timestamp", "localTimestamp" })
        {
            if (Field(activity, name) is { ValueKind: not JsonValueKind.Null } when
                && (when.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(when.GetString(),
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                return $"The activity's '{name}' is not a date and time.";
            }
        }

        foreach (var list in new[] { "attachments", "entities", "membersAdded", "membersRemoved" })
        {
            if (Field(activity, list) is { ValueKind: JsonValueKind.Array } items
                && items.EnumerateArray().Any(item => item.ValueKind is not (JsonValueKind.Object
                    or JsonValueKind.Null)))
            {
                return $"Every item of the activity's '{list}' must be an object.";
            }
        }

        return null;
    }

    /// <summary>A field of an object, its name matched regardless of case (as the adapter does), or null.</summary>
    public static JsonElement? Field(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    // The first field name that appears twice in one object anywhere in the activity, case aside.
    private static string? NameGivenTwice(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        return property.Name;
                    }

                    if (NameGivenTwice(property.Value) is { } inner)
                    {
                        return $"{property.Name}.{inner}";
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (NameGivenTwice(item) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // A number or true/false where text is expected: the adapter reads it as its text, as channels expect.
    private static bool IsPlain(JsonElement value) =>
        value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static string Described(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "text",
    };
}
