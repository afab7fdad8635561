using System.Text.Json;

using NearMiss.Core.Accounts;

namespace NearMiss.Functions.Http;

/// <summary>
/// The one reader of JSON request fields: each read returns the value or a default and notes, per field, why it was
/// refused, so a request answers 400 with every bad field at once. A body that is not an object reads as one with no
/// fields.
/// </summary>
public sealed class JsonFields(JsonElement root)
{
    public Dictionary<string, string[]> Errors { get; } = new();

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

    private JsonElement? Find(string name) => IsObject && root.TryGetProperty(name, out var value) ? value : null;

    private bool Refuse(string field, string message)
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
