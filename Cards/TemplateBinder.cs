using System.Text;
using Newtonsoft.Json.Linq;

namespace BankingBot.Cards;

/// <summary>
/// Fills an Adaptive Card template with data, in the template language's own notation: <c>${name}</c> and
/// <c>${a.b}</c> read a value (<c>${$root.x}</c> from the top of the data), an object with <c>"$data"</c> bound
/// to a list is repeated for each item, and <c>"$when"</c> drops an element whose condition is false
/// (<c>${name}</c>, <c>${!name}</c>, <c>${name == 'text'}</c>, <c>${name != 'text'}</c>).
/// Values are inserted once and never read again as template syntax, and text that a card shows as Markdown
/// (a TextBlock's text, a fact) is escaped, so whatever a customer typed is shown as typed.
/// </summary>
/// <remarks>
/// This covers what the bot's own templates use, not the whole language (no functions, no arithmetic): the
/// templating package for .NET is not available here, and a template that uses anything else fails loudly.
/// </remarks>
public static class TemplateBinder
{
    /// <summary>The template with the data bound into it.</summary>
    public static JObject Bind(JObject template, JObject data)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(data);
        var scope = new Scope(data, data);
        return (JObject)BindObject(template, scope, parentType: null)!;
    }

    private sealed record Scope(JToken Current, JObject Root);

    private static JToken? BindToken(JToken token, Scope scope, string? parentType, string? property) => token switch
    {
        JObject obj => BindObject(obj, scope, parentType),
        JArray array => BindArray(array, scope, parentType),
        JValue { Type: JTokenType.String } text =>
            BindString((string)text!, scope, MarkdownField(parentType, property), wholeValue: property == "data"),
        _ => token.DeepClone(),
    };

    private static JArray BindArray(JArray array, Scope scope, string? parentType)
    {
        var bound = new JArray();
        foreach (var item in array)
        {
            if (item is JObject obj && obj.TryGetValue("$data", out var dataExpression))
            {
                // An element repeated over a list: one copy for each item, with the item as its scope.
                var source = Evaluate(ExpressionOf(dataExpression), scope);
                var items = source as JArray ?? (source is JObject ? new JArray(source) : []);
                foreach (var element in items)
                {
                    if (BindObject(obj, scope with { Current = element }, parentType, skipData: true) is { } copy)
                    {
                        bound.Add(copy);
                    }
                }
            }
            else if (BindToken(item, scope, parentType, property: null) is { } boundItem)
            {
                bound.Add(boundItem);
            }
        }

        return bound;
    }

    private static JObject? BindObject(JObject obj, Scope scope, string? parentType, bool skipData = false)
    {
        if (!skipData && obj.TryGetValue("$data", out var dataExpression))
        {
            scope = scope with { Current = Evaluate(ExpressionOf(dataExpression), scope) ?? JValue.CreateNull() };
        }

        if (obj.TryGetValue("$when", out var when) && !IsTrue(Evaluate(ExpressionOf(when), scope)))
        {
            return null;
        }

        var type = (string?)obj["type"] ?? (parentType == "FactSet" ? "Fact" : parentType);
        var bound = new JObject();
        foreach (var property in obj.Properties().Where(p => p.Name is not ("$data" or "$when")))
        {
            var childParent = property.Name == "facts" ? "FactSet" : type;
            if (BindToken(property.Value, scope, property.Value is JValue ? type : childParent, property.Name)
                is { } value)
            {
                bound[property.Name] = value;
            }
        }

        return bound;
    }

    private static JToken BindString(string text, Scope scope, bool markdown, bool wholeValue)
    {
        var start = text.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return new JValue(text);
        }

        if (start == 0 && text.EndsWith('}') && text.IndexOf('}') == text.Length - 1)
        {
            // A number or a flag keeps its type. An action's data is inserted as the object it is; anything that
            // is shown goes in only as text.
            var value = Evaluate(text[2..^1], scope);
            if (value is JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean }
                || (wholeValue && value is JObject))
            {
                return value.DeepClone();
            }
        }

        var result = new StringBuilder();
        var at = 0;
        while (start >= 0)
        {
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                throw new FormatException($"Unclosed expression in template text \"{text}\".");
            }

            result.Append(text, at, start - at);
            var inserted = AsText(Evaluate(text[(start + 2)..end], scope));
            result.Append(markdown ? CardText.Literal(inserted) : inserted);
            at = end + 1;
            start = text.IndexOf("${", at, StringComparison.Ordinal);
        }

        return new JValue(result.Append(text, at, text.Length - at).ToString());
    }

    // A TextBlock's text and a fact's title and value are read as Markdown by most hosts; a TextRun is not.
    private static bool MarkdownField(string? type, string? property) =>
        (type, property) is ("TextBlock", "text") or ("Fact", "title") or ("Fact", "value");

    private static string ExpressionOf(JToken token)
    {
        var text = token.Type == JTokenType.String ? (string)token! : string.Empty;
        return text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}')
            ? text[2..^1]
            : throw new FormatException($"Expected an expression like ${{name}}, got \"{token}\".");
    }

    private static JToken? Evaluate(string expression, Scope scope)
    {
        var trimmed = expression.Trim();
        foreach (var op in new[] { "==", "!=" })
        {
            var at = trimmed.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var left = AsText(Evaluate(trimmed[..at], scope));
                var right = Literal(trimmed[(at + 2)..].Trim());
                return new JValue(op == "==" ? left == right : left != right);
            }
        }

        if (trimmed.StartsWith('!'))
        {
            return new JValue(!IsTrue(Evaluate(trimmed[1..], scope)));
        }

        return Resolve(trimmed, scope);
    }

    private static string Literal(string text) => text.Length >= 2 && text[0] == '\'' && text[^1] == '\''
        ? text[1..^1]
        : throw new FormatException($"Expected a quoted text like 'value', got {text}.");

    private static JToken? Resolve(string path, Scope scope)
    {
        var parts = path.Split('.');
        JToken? current = parts[0] switch
        {
            "$root" => scope.Root,
            "$data" => scope.Current,
            _ => scope.Current is JObject obj ? obj[parts[0]] : null,
        };
        foreach (var part in parts.Skip(1))
        {
            if (!IsName(part))
            {
                throw new FormatException($"Unsupported template expression \"{path}\".");
            }

            current = current is JObject next ? next[part] : null;
        }

        return parts[0].StartsWith('$') || IsName(parts[0])
            ? current
            : throw new FormatException($"Unsupported template expression \"{path}\".");
    }

    private static bool IsName(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsTrue(JToken? value) => value switch
    {
        null => false,
        JValue { Type: JTokenType.Null } => false,
        JValue { Type: JTokenType.Boolean } flag => (bool)flag,
        JValue { Type: JTokenType.String } text => ((string)text!).Length > 0,
        JValue { Type: JTokenType.Integer } number => (long)number != 0,
        JArray list => list.Count > 0,
        _ => true,
    };

    private static string AsText(JToken? value) => value switch
    {
        null => string.Empty,
        JValue { Type: JTokenType.Null } => string.Empty,
        JValue { Type: JTokenType.String } text => (string)text!,
        JValue { Type: JTokenType.Boolean } flag => (bool)flag ? "true" : "false",
        JValue plain => Convert.ToString(plain.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };
}
