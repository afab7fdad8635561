using System.Text.Json;

using NearMiss.Core;
using NearMiss.Core.Accounts;
using NearMiss.Core.Intake;

namespace NearMiss.Functions.Http;

/// <summary>
/// The one reader of JSON request fields: each read returns the value or a default and notes, per field, why it was
/// refused, so a request answers 400 with every bad field at once. A body that is not an object reads as one with no
/// fields.
/// </summary>
public sealed class JsonFields(JsonElement root)
{
    public Dictionary<string, string[]> Errors { get; } = new();

    /// <summary>The request <typeparamref name="T"/> from <paramref name="root"/>, or the fields it refuses.</summary>
    public static Result<T> Read<T>(JsonElement root)
        where T : IJsonRequest<T>
    {
        var fields = new JsonFields(root);
        var request = T.Read(fields);
        return fields.Errors.Count > 0 ? Failure.Invalid(fields.Errors) : Result.Ok(request);
    }

    public bool IsObject => root.ValueKind == JsonValueKind.Object;

    /// <summary>Notes <paramref name="message"/> on <paramref name="field"/> unless the body is an object.</summary>
    public bool RequireObject(string field, string message) => IsObject || Refuse(field, message);

    /// <summary>A required text field: missing, null or not text is "is required, as text".</summary>
    public string Text(string name) =>
        Find(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : Refused(name, "is required, as text", "");

    /// <summary>An optional text field: null when missing or null; other types are "must be a string".</summary>
    public string? OptionalText(string name) => Find(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => Refused<string?>(name, "must be a string", null),
    };

    /// <summary>One of <paramref name="options"/>, or null when missing or null; anything else is refused with <paramref name="message"/>.</summary>
    public string? Choice(string name, IReadOnlySet<string> options, string message) => Find(name) switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } value when options.Contains(value.GetString()!) => value.GetString(),
        _ => Refused<string?>(name, message, null),
    };

    /// <summary>An e-mail address as typed; refused when blank or not an address (<see cref="ReviewerDirectory.NormaliseAddress"/>).</summary>
    public string Email(string name = "email")
    {
        var text = Find(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "";
        return string.IsNullOrWhiteSpace(text) ? Refused(name, "is required, as text", "")
            : ReviewerDirectory.NormaliseAddress(text) is null ? Refused(name, "is not an e-mail address", "")
            : text;
    }

    /// <summary>An optional list of <paramref name="options"/>, without repeats; empty when missing or null.</summary>
    public IReadOnlyList<string> Choices(string name, IReadOnlySet<string> options)
    {
        if (Find(name) is not { ValueKind: not JsonValueKind.Null } list)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > options.Count
            || list.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !options.Contains(v.GetString()!)))
        {
            return Refused<IReadOnlyList<string>>(name, "must be a list of the form's options", []);
        }

        return list.EnumerateArray().Select(v => v.GetString()!).Distinct().ToList();
    }

    /// <summary>
    /// A text of <paramref name="min"/> to <paramref name="max"/> characters once trimmed, without control characters;
    /// null when refused, or when missing or null and not <paramref name="required"/>. A body that is not an object is
    /// refused as a whole ("body").
    /// </summary>
    public string? BoundedText(string name, int min, int max, bool required = true)
    {
        if (!RequireObject("body", "must be a JSON object"))
        {
            return null;
        }

        return Find(name) switch
        {
            null or { ValueKind: JsonValueKind.Null } => required ? Refused<string?>(name, "is required", null) : null,
            { ValueKind: JsonValueKind.String } value => Bounded(name, value.GetString()!, min, max),
            _ => Refused<string?>(name, "must be text", null),
        };
    }

    /// <summary><paramref name="text"/> trimmed, or null (noted on <paramref name="name"/>) when its length is out of range or it has control characters.</summary>
    public string? Bounded(string name, string text, int min, int max)
    {
        text = text.Trim();
        return text.Length < min || text.Length > max
                ? Refused<string?>(name, min > 0 ? $"must be {min} to {max} characters" : $"must be at most {max} characters", null)
            : FreeText.HasControlCharacters(text) ? Refused<string?>(name, FreeText.ControlCharacters, null)
            : text;
    }

    /// <summary>A required text (<see cref="BoundedText"/>, at most 20 characters) that must be one of <paramref name="choices"/>.</summary>
    public string? OneOf(string name, params string[] choices) => BoundedText(name, 1, 20) switch
    {
        null => null,
        var value when choices.Contains(value) => value,
        _ => Refused<string?>(name, "must be one of " + string.Join(", ", choices), null),
    };

    /// <summary>
    /// A list of <paramref name="min"/> to <paramref name="max"/> texts of at most <paramref name="maxLength"/>
    /// characters each, trimmed and without control characters; when not <paramref name="required"/>, empty if left out.
    /// </summary>
    public IReadOnlyList<string> Texts(string name, int min, int max, int maxLength, bool required = true)
    {
        var found = Find(name);
        if (found is null && !required)
        {
            return [];
        }

        if (found is not { ValueKind: JsonValueKind.Array } list)
        {
            return Refused<IReadOnlyList<string>>(name, $"must be a list of {min} to {max} texts", []);
        }

        var items = list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()!.Trim() : null).ToList();
        return items.Any(i => string.IsNullOrEmpty(i) || i.Length > maxLength) || items.Count < min || items.Count > max
                ? Refused<IReadOnlyList<string>>(name, $"must be a list of {min} to {max} texts of at most {maxLength} characters", [])
            : items.Any(i => FreeText.HasControlCharacters(i!)) ? Refused<IReadOnlyList<string>>(name, FreeText.ControlCharacters, [])
            : items!;
    }

    /// <summary>A true/false field; left out or null is false, anything else is refused.</summary>
    public bool Flag(string name) => Find(name) switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.True } => true,
        _ => Refused(name, "must be true or false", false),
    };

    /// <summary>
    /// An optional object of lists of text (question id → values), null when left out. Each entry is checked by
    /// <paramref name="check"/> (a reason, or null when good) and refused as <c>name.key</c>.
    /// </summary>
    public Dictionary<string, string[]>? Lists(string name, Func<string, string[], string?> check)
    {
        if (Find(name) is not { } found)
        {
            return null;
        }

        if (found.ValueKind != JsonValueKind.Object)
        {
            return Refused<Dictionary<string, string[]>?>(name, "must be an object of question id → list of values", null);
        }

        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in found.EnumerateObject())
        {
            var field = name + "." + property.Name;
            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                Refuse(field, "must be a list of option values");
                continue;
            }

            var values = property.Value.EnumerateArray().Select(v => v.GetString()!).ToArray();
            if (check(property.Name, values) is { } reason)
            {
                Refuse(field, reason);
            }

            lists[property.Name] = values;
        }

        return lists;
    }

    private JsonElement? Find(string name) => IsObject && root.TryGetProperty(name, out var value) ? value : null;

    /// <summary>Notes <paramref name="message"/> on <paramref name="field"/> (the first note on a field stands); false.</summary>
    public bool Refuse(string field, string message)
    {
        Errors.TryAdd(field, [message]);
        return false;
    }

    private T Refused<T>(string field, string message, T fallback)
    {
        Refuse(field, message);
        return fallback;
    }
}

/// <summary>A request body the adapter reads and checks before the function sees it (<c>HttpEndpoint.ReadAsync</c>).</summary>
public interface IJsonRequest<TSelf>
    where TSelf : IJsonRequest<TSelf>
{
    /// <summary>The largest body accepted, in bytes.</summary>
    static abstract int Limit { get; }

    /// <summary>The request from the body's fields; what is refused is in <see cref="JsonFields.Errors"/>.</summary>
    static abstract TSelf Read(JsonFields fields);
}
