using NearMiss.Core.Intake;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Review;

/// <summary>
/// <c>{"decision": "pass"|"ask"|"reject", "narrative", "lessonsLearned"?, "answers"?, "question"?}</c>: a stage-1
/// decision; the question is required when asking.
/// </summary>
public sealed record Stage1Body(Stage1Request Request) : IJsonRequest<Stage1Body>
{
    public static int Limit => JsonBody.DefaultLimit;

    public static Stage1Body Read(JsonFields fields)
    {
        var (decision, text, answers) = DecisionFields.Read(fields, Stage1Request.Decisions);
        var question = decision == "ask" ? fields.BoundedText("question", 1, 2000) : null;
        return new(new Stage1Request(decision ?? "", text, answers, question));
    }
}

/// <summary>
/// <c>{"decision": "publish"|"back"|"reject", "narrative", "lessonsLearned"?, "answers"?, …}</c>: a stage-2 decision;
/// publishing needs <c>title</c>, <c>summary</c>, 2–5 <c>lessons</c>, and takes <c>tags</c> and <c>urgent</c>; sending
/// back or rejecting takes a <c>note</c>.
/// </summary>
public sealed record Stage2Body(Stage2Request Request) : IJsonRequest<Stage2Body>
{
    public static int Limit => JsonBody.DefaultLimit;

    public static Stage2Body Read(JsonFields fields)
    {
        var (decision, text, answers) = DecisionFields.Read(fields, Stage2Request.Decisions);
        var draft = decision == "publish"
            ? new PublicationDraft(
                fields.BoundedText("title", 1, 200) ?? "",
                fields.BoundedText("summary", 1, 1000) ?? "",
                fields.Texts("lessons", 2, 5, 500),
                fields.Texts("tags", 0, 10, 40, required: false),
                fields.Flag("urgent"))
            : null;
        var note = decision is "back" or "reject" ? fields.BoundedText("note", 0, 2000, required: false) : null;
        return new(new Stage2Request(decision ?? "", text, answers, draft, note));
    }
}

/// <summary>The fields both stages read alike.</summary>
internal static class DecisionFields
{
    /// <summary>The decision, one of <paramref name="decisions"/>; the text under review; the answers to publish, when sent.</summary>
    public static (string? Decision, SealedText Text, IReadOnlyDictionary<string, string[]>? Answers) Read(JsonFields fields, string[] decisions) =>
        (fields.OneOf("decision", decisions), Text(fields), Answers(fields));

    /// <summary>The narrative and lessons learned under review, refused on the narrative when together they do not fit in storage.</summary>
    private static SealedText Text(JsonFields fields)
    {
        var narrative = fields.BoundedText("narrative", 1, ReviewDecisions.MaxText);
        var lessons = fields.BoundedText("lessonsLearned", 0, ReviewDecisions.MaxText, required: false) ?? "";
        var text = new SealedText(narrative ?? "", lessons);
        if (narrative is not null && !text.FitsInStorage())
        {
            fields.Refuse("narrative", $"together with the lessons learned, is too long to store: at most {SealedText.MaxJsonBytes} bytes as UTF-8");
        }

        return text;
    }

    /// <summary>The answers to publish, when the reviewer sends them: only form options and regions (<see cref="AnswerCoarsening.Refusal"/>).</summary>
    private static IReadOnlyDictionary<string, string[]>? Answers(JsonFields fields) =>
        fields.Lists("answers", (question, values) => AnswerCoarsening.Refusal(question, values, FormVersion1.Definition));
}
