using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Library;

/// <summary>One published report for a reader, read from storage, with the reports most like it from the index.</summary>
public sealed class LibraryReports(NearMissStore store, ILibrarySearch search)
{
    /// <summary>How many similar reports a report page shows at most.</summary>
    public const int SimilarCount = 5;

    /// <summary>What a reader is told for an id no published report has.</summary>
    public const string NoReport = "No published report has this id.";

    public async Task<Result<LibraryReport>> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return Failure.NotFound(NoReport);
        }

        var found = await store.Published.GetEntityIfExistsAsync<PublishedReportEntity>(PublishedReportEntity.Partition, id, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return Failure.NotFound(NoReport);
        }

        var report = found.Value!;
        var answers = LuceneLibraryIndex.ReadAnswers(report.Answers);
        var similar = await search.SimilarAsync(id, SimilarCount, cancellationToken);
        return Result.Ok(new LibraryReport(
            report.RowKey,
            report.Title,
            report.Summary,
            LuceneLibraryIndex.ReadList(report.Lessons),
            report.LessonsLearned,
            report.Narrative,
            report.Month,
            report.CallType,
            answers.TryGetValue("factors", out var factors) ? factors : [],
            answers.TryGetValue("assignment", out var assignment) && assignment.Length > 0 ? assignment[0] : null,
            report.Region,
            report.AgencyType,
            report.AgencySize,
            report.Urgent,
            report.PublishedMonth,
            LuceneLibraryIndex.ReadList(report.Tags),
            answers,
            similar));
    }
}
