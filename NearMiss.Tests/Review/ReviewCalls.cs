using System.Text.Json;

using NearMiss.Core;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Functions.Http;
using NearMiss.Functions.Review;

namespace NearMiss.Tests.Review;

/// <summary>
/// The review operations as the HTTP functions call them, for tests that drive Core directly: a JSON body goes through
/// the functions' request reader (<see cref="JsonFields.Read{T}"/>), a text id is parsed as a route's.
/// </summary>
internal static class ReviewCalls
{
    public static Task<Result<DecisionResult>> Stage1Async(this ReviewDecisions decisions, Reviewer reviewer, string id, JsonElement body, CancellationToken cancellationToken) =>
        JsonFields.Read<Stage1Body>(body).ThenAsync(request => decisions.Stage1Async(reviewer, Id(id), request.Request, cancellationToken));

    public static Task<Result<DecisionResult>> Stage2Async(this ReviewDecisions decisions, Reviewer reviewer, string id, JsonElement body, CancellationToken cancellationToken) =>
        JsonFields.Read<Stage2Body>(body).ThenAsync(request => decisions.Stage2Async(reviewer, Id(id), request.Request, cancellationToken));

    public static Task<Result<ReplyAccepted>> ReplyAsync(this ReporterReplies replies, JsonElement body, CancellationToken cancellationToken) =>
        JsonFields.Read<ReplyBody>(body).ThenAsync(reply => replies.ReplyAsync(reply.Receipt, reply.Message, cancellationToken));

    public static Task<Result<CaseView>> GetAsync(this CaseQueries queries, Reviewer reviewer, string id, CancellationToken cancellationToken) =>
        queries.GetAsync(reviewer, Id(id), cancellationToken);

    public static Task<LoadedCase?> LoadAsync(this ReviewCases cases, string id, CancellationToken cancellationToken) =>
        cases.LoadAsync(Id(id), cancellationToken);

    /// <summary>A report id the test holds; one that is not well formed fails the test.</summary>
    public static ReportId Id(string id) => ReportId.TryParse(id, out var reportId) ? reportId : throw new ArgumentException($"'{id}' is not a report id.", nameof(id));
}
