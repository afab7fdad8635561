using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NearMiss.Core;
using NearMiss.Core.Accounts;
using NearMiss.Core.Publishing;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;

namespace NearMiss.Tests.Review;

/// <summary>The two-stage review on Azurite: four eyes, follow-up, publication and the retention purge.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ReviewWorkflowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Name = "Dana Whitcombe";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    private static readonly Reviewer Alice = new(ReviewerId.Parse("r-aliceaaaaa"), "alice@example.org", new HashSet<Stage> { Stage.One, Stage.Two });
    private static readonly Reviewer Bob = new(ReviewerId.Parse("r-bobbbbbbbb"), "bob@example.org", new HashSet<Stage> { Stage.Two });
    private static readonly Reviewer Carol = new(ReviewerId.Parse("r-carolccccc"), "carol@example.org", new HashSet<Stage> { Stage.One });

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        _services = azurite.CreateServices(s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<(string Receipt, string Id)> OpenCaseAsync()
    {
        var (receipt, id) = await Reports.StoreAsync(_services, Reports.Valid($"Ofc. {Name} and I stopped a car near the county line. {Reports.Narrative}"));
        await Get<CaseOpening>().OpenAsync(id, CancellationToken.None);
        return (receipt, id);
    }

    private static JsonElement Body(object value) => JsonSerializer.SerializeToElement(value);

    private static object Stage1(string decision, string narrative, string? question = null) =>
        new { decision, narrative, lessonsLearned = "Wait for cover.", answers = new Dictionary<string, string[]> { ["callType"] = ["traffic-stop"], ["region"] = ["Midwest"] }, question };

    private static object Publish(string narrative) =>
        new { decision = "publish", narrative, lessonsLearned = "Wait for cover.", title = "Hand between the seats", summary = "A stop where the driver's hand was hidden.", lessons = new[] { "Run the plate first.", "Wait for cover." }, tags = new[] { "traffic" }, urgent = true };

    [Fact]
    public async Task TwoReviewers_Publish_WritesOnlyReviewedTextAndCoarsenedAnswers()
    {
        var (receipt, id) = await OpenCaseAsync();
        var view = (await Get<CaseQueries>().GetAsync(Carol, id, CancellationToken.None)).Value!;
        var person = view.Findings.First(f => f.Label == "PERSON");
        Assert.Equal(Name, view.Narrative[person.Start..person.End]);
        Assert.Equal(["Midwest"], view.Answers["region"]);
        Assert.False(view.Answers.ContainsKey("state"));
        var redacted = view.Narrative.Replace(Name, "[PERSON]");

        var passed = await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("pass", redacted)), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(3));
        var stage2View = (await Get<CaseQueries>().GetAsync(Bob, id, CancellationToken.None)).Value!;
        var published = await Get<ReviewDecisions>().Stage2Async(Bob, id, Body(Publish(stage2View.Narrative)), CancellationToken.None);

        Assert.Equal((Outcome.Ok, 2), (passed.Outcome, passed.Value!.Stage.Number));
        Assert.DoesNotContain(Name, stage2View.Narrative);
        Assert.Equal((Outcome.Ok, "published"), (published.Outcome, published.Value!.Status));
        var entity = (await Get<NearMissStore>().Published.GetEntityAsync<PublishedReportEntity>(PublishedReportEntity.Partition, published.Value.PublishedId!)).Value;
        Assert.DoesNotContain("Whitcombe", JsonSerializer.Serialize(entity));
        Assert.DoesNotContain(id, JsonSerializer.Serialize(entity));
        Assert.Equal(("Midwest", "traffic-stop", true), (entity.Region, entity.CallType, entity.Urgent));
        Assert.Equal("published", (await Get<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Value!.Status);
        var audit = await Get<AuditTrail>().ForCaseAsync(id, CancellationToken.None);
        Assert.Equal(["r-carolccccc:stage1-pass", "r-bobbbbbbbb:stage2-publish"], audit.Select(a => $"{a.Actor}:{a.Action}"));
    }

    [Fact]
    public async Task Queue_ShowsMonthCallTypeAndTheFirstWordsWithNamesReplaced_BeforeAndAfterStage1()
    {
        var (_, id) = await OpenCaseAsync();

        var queued = (await Get<CaseQueries>().ListAsync(Carol, Stage.One, CancellationToken.None)).Value!.Single(c => c.Id == id);
        Assert.Equal("traffic-stop", queued.CallType);
        Assert.Matches(@"^\d{4}-\d{2}$", queued.Month);
        Assert.StartsWith("Ofc. [PERSON] and I stopped a car", queued.Excerpt);
        Assert.EndsWith(" …", queued.Excerpt);
        Assert.Equal(CaseQueries.ExcerptWords, queued.Excerpt.Split(' ').Length - 1);

        // Stage 1 saved its working copy with the name still in it: the queue still shows no name.
        await Get<ReviewDecisions>().Stage1Async(Alice, id, Body(Stage1("pass", $"Ofc. {Name} was my cover on a stop.")), CancellationToken.None);
        var stage2 = (await Get<CaseQueries>().ListAsync(Bob, Stage.Two, CancellationToken.None)).Value!.Single(c => c.Id == id);
        Assert.Equal("Ofc. [PERSON] was my cover on a stop.", stage2.Excerpt);
        Assert.Equal("traffic-stop", stage2.CallType);
    }

    [Fact]
    public async Task SameReviewer_CannotDoBothStages()
    {
        var (_, id) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Alice, id, Body(Stage1("pass", "Redacted text of the stop.")), CancellationToken.None);

        var refused = await Get<ReviewDecisions>().Stage2Async(Alice, id, Body(Publish("Redacted text of the stop.")), CancellationToken.None);
        var list = (await Get<CaseQueries>().ListAsync(Alice, Stage.Two, CancellationToken.None)).Value!;

        Assert.Equal(Outcome.Forbidden, refused.Outcome);
        Assert.Contains("different reviewer", refused.Failure?.Message);
        Assert.False(list.Single(c => c.Id == id).CanAct);
    }

    [Fact]
    public async Task Stage1OnlyReviewer_CannotActInStage2()
    {
        var (_, id) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Alice, id, Body(Stage1("pass", "Redacted.")), CancellationToken.None);

        var refused = await Get<ReviewDecisions>().Stage2Async(Carol, id, Body(Publish("Redacted.")), CancellationToken.None);
        var listed = await Get<CaseQueries>().ListAsync(Carol, Stage.Two, CancellationToken.None);

        Assert.Equal((Outcome.Forbidden, Outcome.Forbidden), (refused.Outcome, listed.Outcome));
    }

    [Fact]
    public async Task Stage2ReviewerSentBack_CannotThenDoStage1()
    {
        var (_, id) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("pass", "Redacted.")), CancellationToken.None);
        await Get<ReviewDecisions>().Stage2Async(Alice, id, Body(new { decision = "back", narrative = "Redacted.", note = "Missed a street name." }), CancellationToken.None);

        var refused = await Get<ReviewDecisions>().Stage1Async(Alice, id, Body(Stage1("pass", "Redacted again.")), CancellationToken.None);

        Assert.Equal(Outcome.Forbidden, refused.Outcome);
    }

    [Fact]
    public async Task AskTheReporter_WaitsForTheAnswer_WhichReturnsTheCaseToReviewOnlyAfterItsWindow()
    {
        var (receipt, id) = await OpenCaseAsync();

        await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("ask", "Redacted.", question: "Was the passenger armed?")), CancellationToken.None);
        var waiting = (await Get<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Value;
        var tooEarly = await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("pass", "Redacted.")), CancellationToken.None);
        var reply = await Get<ReporterReplies>().ReplyAsync(Body(new { receipt, message = "No, only the driver." }), CancellationToken.None);
        var beforeWindowEnds = (await Get<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Value;
        var queued = await NextReplyMessageAsync();
        await Get<ReporterReplies>().ApplyAsync(queued, CancellationToken.None);
        await Get<ReporterReplies>().ApplyAsync(queued, CancellationToken.None);
        var after = (await Get<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Value;
        var second = await Get<ReporterReplies>().ReplyAsync(Body(new { receipt, message = "Again." }), CancellationToken.None);

        Assert.Equal("awaiting-reporter", waiting!.Status);
        Assert.Equal("Was the passenger armed?", Assert.Single(waiting.Messages).Text);
        Assert.Equal(Outcome.Conflict, tooEarly.Outcome);
        Assert.Equal(Outcome.Ok, reply.Outcome);
        Assert.Equal(1, reply.Value!.WithinHours);
        Assert.Equal("awaiting-reporter", beforeWindowEnds!.Status);
        Assert.Single(beforeWindowEnds.Messages);
        Assert.DoesNotContain("only the driver", queued, StringComparison.Ordinal);
        Assert.Equal(("in-review", 1), (after!.Status, after.Stage?.Number));
        Assert.Equal(["reviewer", "reporter"], after.Messages.Select(m => m.From));
        Assert.Equal("No, only the driver.", after.Messages[1].Text);
        Assert.Equal(Outcome.Conflict, second.Outcome);
        var replied = (await Get<AuditTrail>().ForCaseAsync(id, CancellationToken.None)).Single(a => a.Actor == AuditTrail.Reporter);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), replied.At);
    }

    [Fact]
    public async Task ReporterAnswer_ForACaseErasedMeanwhile_IsDropped()
    {
        var (receipt, id) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("ask", "Redacted.", question: "Was it dark?")), CancellationToken.None);
        await Get<ReporterReplies>().ReplyAsync(Body(new { receipt, message = "Yes." }), CancellationToken.None);
        var queued = await NextReplyMessageAsync();
        await Get<NearMissStore>().Submissions.DeleteEntityAsync(id, CaseEntity.Row);
        await Get<NearMissStore>().Submissions.DeleteEntityAsync(id, SubmissionEntity.Row);

        await Get<ReporterReplies>().ApplyAsync(queued, CancellationToken.None);

        Assert.Null(await Get<ReviewCases>().LoadAsync(id, CancellationToken.None));
        Assert.DoesNotContain(await Get<AuditTrail>().ForCaseAsync(id, CancellationToken.None), a => a.Actor == AuditTrail.Reporter);
    }

    /// <summary>The one <c>reporter-replies</c> message, once its (one-second) batch window has let it be seen.</summary>
    private async Task<string> NextReplyMessageAsync() =>
        Assert.Single(await QueueWaits.ReceiveAsync(Get<NearMissStore>().ReporterReplies, timeout: TimeSpan.FromSeconds(30))).MessageText;

    [Fact]
    public async Task Reply_WithUnknownReceipt_IsNotFound()
    {
        var result = await Get<ReporterReplies>().ReplyAsync(Body(new { receipt = Receipts.NewReceipt(), message = "hello" }), CancellationToken.None);

        Assert.Equal(Outcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Decisions_WithBadInput_ReportEveryField()
    {
        var (_, id) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("pass", "Redacted.")), CancellationToken.None);

        var stage1 = await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(new { decision = "maybe", answers = new { state = new[] { "OH" } } }), CancellationToken.None);
        var stage2 = await Get<ReviewDecisions>().Stage2Async(Bob, id, Body(new { decision = "publish", narrative = "x", lessons = new[] { "only one" } }), CancellationToken.None);

        Assert.Equal(Outcome.Invalid, stage1.Outcome);
        Assert.Equal(["answers.state", "decision", "narrative"], stage1.Errors!.ToDictionary().Keys.Order());
        Assert.Equal(["lessons", "summary", "title"], stage2.Errors!.ToDictionary().Keys.Order());
    }

    [Fact]
    public async Task Decisions_WithControlCharactersInText_OrAFlagThatIsNotTrueOrFalse_AreRefusedAndChangeNothing()
    {
        var (_, id) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("pass", "Redacted.")), CancellationToken.None);
        var before = await Get<ReviewCases>().LoadAsync(id, CancellationToken.None);

        var stage1 = await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("ask", "Red\u0000acted.", question: "Was he \u001b[31marmed?")), CancellationToken.None);
        var stage2 = await Get<ReviewDecisions>().Stage2Async(Bob, id, Body(new
        {
            decision = "publish",
            narrative = "Redacted.",
            lessonsLearned = "Wait\u0085 for cover.",
            title = "Hand\u0007 between the seats",
            summary = "A stop.",
            lessons = new[] { "Run the plate first.", "Wait\u0000 for cover." },
            tags = new[] { "tra\u0001ffic" },
            urgent = "yes",
        }), CancellationToken.None);
        var back = await Get<ReviewDecisions>().Stage2Async(Bob, id, Body(new { decision = "back", narrative = "Redacted.", note = "Look\u0000 again." }), CancellationToken.None);
        var after = await Get<ReviewCases>().LoadAsync(id, CancellationToken.None);

        Assert.Equal(["narrative", "question"], stage1.Errors!.ToDictionary().Keys.Order());
        Assert.Equal(["lessons", "lessonsLearned", "tags", "title", "urgent"], stage2.Errors!.ToDictionary().Keys.Order());
        Assert.Equal(["note"], back.Errors!.ToDictionary().Keys);
        Assert.Equal(before!.Case.Version, after!.Case.Version);
    }

    [Fact]
    public async Task Reply_WithControlCharacters_IsRefusedAndTheQuestionStillWaits()
    {
        var (receipt, id) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Carol, id, Body(Stage1("ask", "Redacted.", question: "Was the passenger armed?")), CancellationToken.None);

        var reply = await Get<ReporterReplies>().ReplyAsync(Body(new { receipt, message = "No,\u0000 only the driver." }), CancellationToken.None);

        Assert.Equal(Outcome.Invalid, reply.Outcome);
        Assert.Equal(["message"], reply.Errors!.ToDictionary().Keys);
        Assert.Equal("awaiting-reporter", (await Get<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Value!.Status);
    }

    [Fact]
    public async Task Purge_AfterRetention_DeletesClosedCasesOnly_AndKeepsThePublishedReport()
    {
        var (receipt, published) = await OpenCaseAsync();
        var (_, open) = await OpenCaseAsync();
        await Get<ReviewDecisions>().Stage1Async(Carol, published, Body(Stage1("pass", "Redacted.")), CancellationToken.None);
        var result = await Get<ReviewDecisions>().Stage2Async(Bob, published, Body(Publish("Redacted.")), CancellationToken.None);

        var store = Get<NearMissStore>();
        _time.Advance(TimeSpan.FromDays(29));
        await Get<RetentionPurge>().PurgeAsync(CancellationToken.None);
        var early = (await store.Submissions.GetEntityAsync<SubmissionEntity>(published, SubmissionEntity.Row)).Value;
        _time.Advance(TimeSpan.FromDays(2));
        var erased = await Get<RetentionPurge>().PurgeAsync(CancellationToken.None);

        var untouched = (await store.Submissions.GetEntityAsync<SubmissionEntity>(open, SubmissionEntity.Row)).Value;
        Assert.NotNull(early.WrappedKey);
        Assert.True(erased >= 1);
        Assert.False((await store.Submissions.GetEntityIfExistsAsync<SubmissionEntity>(published, SubmissionEntity.Row)).HasValue);
        Assert.False((await store.Submissions.GetEntityIfExistsAsync<CaseEntity>(published, CaseEntity.Row)).HasValue);
        Assert.Empty(await Get<AuditTrail>().ForCaseAsync(published, CancellationToken.None));
        Assert.NotNull(untouched.WrappedKey);
        Assert.True((await store.Published.GetEntityIfExistsAsync<PublishedReportEntity>(PublishedReportEntity.Partition, result.Value!.PublishedId!)).HasValue);
        Assert.Equal(Outcome.NotFound, (await Get<CaseQueries>().GetAsync(Bob, published, CancellationToken.None)).Outcome);
        Assert.Equal(Outcome.NotFound, (await Get<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Outcome);
        Assert.Equal(0, await Get<RetentionPurge>().PurgeAsync(CancellationToken.None));
    }
}
