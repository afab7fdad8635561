using System.Globalization;
using System.Text.Json;

namespace NearMiss.Core.Intake;

/// <summary>
/// Reads a submission from JSON and checks it against the form definition. Works on the JSON tree, so a
/// wrong type is one more field error rather than a failed deserialisation; every error is reported.
/// </summary>
public static class SubmissionParser
{
    private static readonly string[] TopLevelFields = ["formVersion", "answers", "narrative", "lessonsLearned", "agencyCode"];
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public static (Submission? Submission, FieldErrors Errors) Parse(JsonElement root, FormDefinition form, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return (null, errors);
        }

        var fields = Collect(root, "", errors);
        foreach (var name in fields.Keys.Where(n => !TopLevelFields.Contains(n)))
        {
            errors.Add(name, "is not a field of the report");
        }

        var version = ReadVersion(fields, form, errors);
        var answers = fields.TryGetValue("answers", out var answersElement)
            ? ReadAnswers(answersElement, form, now, errors)
            : ReadAnswers(null, form, now, errors);
        var narrative = ReadText(fields, "narrative", form.Narrative, required: true, errors);
        var lessons = ReadText(fields, "lessonsLearned", form.LessonsLearned, required: false, errors);
        var agencyCode = ReadAgencyCode(fields, form.AgencyCode, errors);
        if (!errors.Any && !new SealedText(narrative, lessons).FitsInStorage())
        {
            // Only text of many 3- and 4-byte characters gets here: refused now rather than accepted and then lost.
            errors.Add("narrative", $"together with the lessons learned, is too long to store: at most {SealedText.MaxJsonBytes} bytes as UTF-8");
        }

        return errors.Any ? (null, errors) : (new Submission(version, answers, narrative, lessons, agencyCode), errors);
    }

    private static Dictionary<string, JsonElement> Collect(JsonElement obj, string prefix, FieldErrors errors)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(prefix + property.Name, "appears more than once");
            }
        }

        return fields;
    }

    private static int ReadVersion(Dictionary<string, JsonElement> fields, FormDefinition form, FieldErrors errors)
    {
        if (!fields.TryGetValue("formVersion", out var element))
        {
            errors.Add("formVersion", "is required");
        }
        else if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var version))
        {
            errors.Add("formVersion", "must be a whole number");
        }
        else if (version != form.Version)
        {
            errors.Add("formVersion", $"must be {form.Version}, the current form; reload the form");
        }

        return form.Version;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAnswers(JsonElement? element, FormDefinition form, DateTimeOffset now, FieldErrors errors)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Dictionary<string, JsonElement> given = [];
        if (element is { ValueKind: JsonValueKind.Object } obj)
        {
            given = Collect(obj, "answers.", errors);
        }
        else if (element is { ValueKind: not JsonValueKind.Null })
        {
            errors.Add("answers", "must be an object of question id → answer");
            return answers;
        }

        foreach (var id in given.Keys.Where(id => form.Find(id) is null))
        {
            errors.Add("answers." + id, $"is not a question of form version {form.Version}");
        }

        foreach (var question in form.Questions)
        {
            var field = "answers." + question.Id;
            if (!given.TryGetValue(question.Id, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (question.Required)
                {
                    errors.Add(field, "is required");
                }

                continue;
            }

            var values = question.Kind switch
            {
                FormQuestion.Multi => ReadMulti(value, question, field, errors),
                FormQuestion.Month => ReadMonth(value, field, now, errors),
                FormQuestion.Text => ReadFreeAnswer(value, field, errors),
                _ => ReadSingle(value, question, field, errors),
            };
            if (values is { Count: > 0 })
            {
                answers[question.Id] = values;
            }
        }

        return answers;
    }

    private static List<string>? ReadSingle(JsonElement value, FormQuestion question, string field, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(field, "must be one option value (a string)");
            return null;
        }

        var text = value.GetString()!;
        if (!question.Options.Any(o => o.Value == text))
        {
            errors.Add(field, "is not one of the options");
            return null;
        }

        return [text];
    }

    private static List<string>? ReadMulti(JsonElement value, FormQuestion question, string field, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "must be a list of option values");
            return null;
        }

        var chosen = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(field, "must contain only option values (strings)");
                return null;
            }

            var text = item.GetString()!;
            if (!question.Options.Any(o => o.Value == text))
            {
                errors.Add(field, "contains a value that is not one of the options");
                return null;
            }

            if (chosen.Contains(text))
            {
                errors.Add(field, "contains the same option twice");
                return null;
            }

            chosen.Add(text);
        }

        if (question.MaxChoices is { } max && chosen.Count > max)
        {
            errors.Add(field, $"allows at most {max} choices");
            return null;
        }

        if (question.Required && chosen.Count == 0)
        {
            errors.Add(field, "needs at least one choice");
        }

        return chosen;
    }

    private static List<string>? ReadMonth(JsonElement value, string field, DateTimeOffset now, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(value.GetString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            errors.Add(field, "must be a month as YYYY-MM");
            return null;
        }

        var current = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        if (month > current)
        {
            errors.Add(field, "cannot be in the future");
            return null;
        }

        if (month < Earliest)
        {
            errors.Add(field, "cannot be before 2000");
            return null;
        }

        return [month.ToString("yyyy-MM", CultureInfo.InvariantCulture)];
    }

    private static List<string>? ReadFreeAnswer(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(field, "must be text");
            return null;
        }

        return [value.GetString()!];
    }

    private static string ReadText(Dictionary<string, JsonElement> fields, string field, TextLimits limits, bool required, FieldErrors errors)
    {
        if (!fields.TryGetValue(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return "";
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(field, "must be text");
            return "";
        }

        var text = element.GetString()!.Trim();
        if (limits.MinLength is { } min && text.Length < min)
        {
            errors.Add(field, $"must be at least {min} characters (it has {text.Length})");
        }

        if (text.Length > limits.MaxLength)
        {
            errors.Add(field, $"must be at most {limits.MaxLength} characters (it has {text.Length})");
        }

        if (FreeText.HasControlCharacters(text))
        {
            errors.Add(field, FreeText.ControlCharacters);
        }

        return text;
    }

    private static string? ReadAgencyCode(Dictionary<string, JsonElement> fields, TextLimits limits, FieldErrors errors)
    {
        if (!fields.TryGetValue("agencyCode", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add("agencyCode", "must be text");
            return null;
        }

        var code = element.GetString()!.Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            return null;
        }

        if (code.Length > limits.MaxLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add("agencyCode", $"must be letters, digits and dashes, at most {limits.MaxLength}");
            return null;
        }

        return code;
    }
}
