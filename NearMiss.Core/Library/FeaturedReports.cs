using Azure.Data.Tables;

using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Library;

/// <summary>The report of the week as the library home page shows it.</summary>
public sealed record FeaturedReport(string Id, string Title, string Summary, DateTimeOffset ChosenOn);

/// <summary>The library's report of the week, chosen by staff (<c>nearmiss library feature ID</c>), in table <c>libraryfeatured</c>.</summary>
public sealed class FeaturedReports(NearMissStore store, TimeProvider time)
{
    /// <summary>Makes <paramref name="publishedId"/> the report of the week; null when no report has that id.</summary>
    public async Task<FeaturedReport?> ChooseAsync(string publishedId, CancellationToken cancellationToken)
    {
        if (await FindAsync(publishedId, cancellationToken) is not { } report)
        {
            return null;
        }

        var chosen = new FeaturedReportEntity { PublishedId = report.RowKey, ChosenOn = time.GetUtcNow() };
        await store.LibraryFeatured.UpsertEntityAsync(chosen, TableUpdateMode.Replace, cancellationToken);
        return new FeaturedReport(report.RowKey, report.Title, report.Summary, chosen.ChosenOn);
    }

    /// <summary>The report of the week, or not found when none is chosen or it is no longer published.</summary>
    public async Task<Result<FeaturedReport>> GetAsync(CancellationToken cancellationToken)
    {
        var chosen = await store.LibraryFeatured.GetEntityIfExistsAsync<FeaturedReportEntity>(
            FeaturedReportEntity.Partition, FeaturedReportEntity.Row, cancellationToken: cancellationToken);
        if (!chosen.HasValue || await FindAsync(chosen.Value!.PublishedId, cancellationToken) is not { } report)
        {
            return Failure.NotFound("No report of the week is chosen.");
        }

        return Result.Ok(new FeaturedReport(report.RowKey, report.Title, report.Summary, chosen.Value.ChosenOn));
    }

    private async Task<PublishedReportEntity?> FindAsync(string publishedId, CancellationToken cancellationToken)
    {
        if (publishedId.Length is 0 or > 64 || !publishedId.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var found = await store.Published.GetEntityIfExistsAsync<PublishedReportEntity>(
            PublishedReportEntity.Partition, publishedId, select: ["RowKey", "Title", "Summary"], cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}
