using System.Text.Json.Nodes;
using NearMiss.Core.Intake;

namespace NearMiss.Tests.Intake;

public sealed class SubmissionParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static (Submission? Submission, IDictionary<string, string[]> Errors) Parse(JsonNode body)
    {
        var (submission, errors) = SubmissionParser.Parse(Reports.Element(body), FormVersion1.Definition, Now);
        return (submission, errors.ToDictionary());
    }

    private static IDictionary<string, string[]> ErrorsOf(Action<JsonObject> change)
    {
        var body = Reports.Valid();
        change(body);
        var (submission, errors) = Parse(body);
        Assert.Null(submission);
        return errors;
    }

    [Fact]
    public void Parse_ValidReport_ReturnsSubmissionWithAnswers()
    {
        var (submission, errors) = Parse(Reports.Valid());

        Assert.Empty(errors);
        Assert.NotNull(submission);
        Assert.Equal(["traffic-stop"], submission.Answers["callType"]);
        Assert.Equal(["situational-awareness", "backup-delayed"], submission.Answers["factors"]);
        Assert.Equal("2026-03", submission.Answers["month"][0]);
    }

    [Fact]
    public void Parse_UnknownQuestion_ReportsFieldError()
    {
        var errors = ErrorsOf(b => b["answers"]!["favouriteColour"] = "blue");

        Assert.Contains("is not a question", Assert.Single(errors["answers.favouriteColour"]));
    }

    [Fact]
    public void Parse_UnknownOption_ReportsFieldError()
    {
        var errors = ErrorsOf(b => b["answers"]!["callType"] = "alien-abduction");

        Assert.Equal(["is not one of the options"], errors["answers.callType"]);
    }

    [Fact]
    public void Parse_TooManyFactors_ReportsMaxChoices()
    {
        var errors = ErrorsOf(b => b["answers"]!["factors"] = new JsonArray("fatigue", "complacency", "human-error", "policy", "tactics", "training-gap"));

        Assert.Equal(["allows at most 5 choices"], errors["answers.factors"]);
    }

    [Fact]
    public void Parse_MissingRequiredAnswers_ReportsEachOne()
    {
        var errors = ErrorsOf(b => b["answers"] = new JsonObject());

        foreach (var id in new[] { "month", "timeOfDay", "callType", "assignment", "outcome", "factors" })
        {
            Assert.Equal(["is required"], errors["answers." + id]);
        }
    }

    [Theory]
    [InlineData("2026-12", "cannot be in the future")]
    [InlineData("1999-12", "cannot be before 2000")]
    [InlineData("2026-13", "must be a month as YYYY-MM")]
    [InlineData("March 2026", "must be a month as YYYY-MM")]
    public void Parse_BadMonth_ReportsWhy(string month, string message)
    {
        var errors = ErrorsOf(b => b["answers"]!["month"] = month);

        Assert.Equal([message], errors["answers.month"]);
    }

    [Fact]
    public void Parse_CurrentMonth_IsAccepted()
    {
        var body = Reports.Valid();
        body["answers"]!["month"] = "2026-11";

        Assert.NotNull(Parse(body).Submission);
    }

    [Fact]
    public void Parse_NarrativeTooShortAndLessonsTooLong_ReportsBoth()
    {
        var errors = ErrorsOf(b =>
        {
            b["narrative"] = "Too short.";
            b["lessonsLearned"] = new string('x', 3001);
        });

        Assert.Contains("at least 50", Assert.Single(errors["narrative"]));
        Assert.Contains("at most 3000", Assert.Single(errors["lessonsLearned"]));
    }

    [Fact]
    public void Parse_NarrativeTooLong_ReportsLimit()
    {
        var errors = ErrorsOf(b => b["narrative"] = new string('a', 8001));

        Assert.Contains("at most 8000", Assert.Single(errors["narrative"]));
    }

    [Fact]
    public void Parse_WrongJsonTypes_ReportsEveryField()
    {
        var errors = ErrorsOf(b =>
        {
            b["formVersion"] = "1";
            b["narrative"] = 42;
            b["answers"]!["callType"] = new JsonArray("traffic-stop");
            b["answers"]!["factors"] = "fatigue";
            b["answers"]!["month"] = 202603;
            b["agencyCode"] = true;
        });

        Assert.Equal(["must be a whole number"], errors["formVersion"]);
        Assert.Equal(["must be text"], errors["narrative"]);
        Assert.Equal(["must be one option value (a string)"], errors["answers.callType"]);
        Assert.Equal(["must be a list of option values"], errors["answers.factors"]);
        Assert.Equal(["must be a month as YYYY-MM"], errors["answers.month"]);
        Assert.Equal(["must be text"], errors["agencyCode"]);
    }

    [Fact]
    public void Parse_AnswersNotAnObject_ReportsAnswers()
    {
        var errors = ErrorsOf(b => b["answers"] = new JsonArray());

        Assert.Contains("answers", errors.Keys);
    }

    [Fact]
    public void Parse_UnknownTopLevelField_IsRefused()
    {
        var errors = ErrorsOf(b => b["email"] = "officer@example.gov");

        Assert.Equal(["is not a field of the report"], errors["email"]);
    }

    [Fact]
    public void Parse_OldFormVersion_AsksToReload()
    {
        var errors = ErrorsOf(b => b["formVersion"] = 0);

        Assert.Contains("reload", Assert.Single(errors["formVersion"]));
    }

    [Fact]
    public void Parse_ControlCharactersInNarrative_AreRefused()
    {
        var errors = ErrorsOf(b => b["narrative"] = Reports.Narrative + "\u0007");

        Assert.Equal(["contains control characters"], errors["narrative"]);
    }

    [Fact]
    public void Parse_BodyNotAnObject_ReportsBody()
    {
        var (submission, errors) = Parse(new JsonArray(1, 2));

        Assert.Null(submission);
        Assert.Equal(["must be a JSON object"], errors["body"]);
    }

    [Fact]
    public void Parse_AgencyCode_IsNormalisedAndChecked()
    {
        var body = Reports.Valid();
        body["agencyCode"] = " oh-123 ";
        Assert.Equal("OH-123", Parse(body).Submission!.AgencyCode);

        var errors = ErrorsOf(b => b["agencyCode"] = "<script>");
        Assert.Contains("agencyCode", errors.Keys);
    }

    [Fact]
    public void Parse_DuplicateChoice_IsRefused()
    {
        var errors = ErrorsOf(b => b["answers"]!["factors"] = new JsonArray("fatigue", "fatigue"));

        Assert.Equal(["contains the same option twice"], errors["answers.factors"]);
    }
}
