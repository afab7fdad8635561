using System.Text.Json;

using Azure;

using NearMiss.Core.Reports;
using NearMiss.Core.Storage;

namespace NearMiss.Tests.Storage;

public sealed class CaseRowsTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    /// <summary>A row as the service has always written it, with every column set.</summary>
    private static CaseEntity StoredRow() => new()
    {
        PartitionKey = Id,
        ETag = new ETag("W/\"datetime'2031-01-07T10%3A00%3A00.1234567Z'\""),
        Stage = 2,
        Status = ReportStatus.Published,
        Findings = JsonSerializer.Serialize(Finding.Fit([new("narrative", 4, 9, "PERSON"), new("lessonsLearned", 0, 3, "DATE_TIME")], 10_000)),
        OpenedOn = "2031-01-02",
        StageEnteredOn = "2031-01-05",
        NotificationQueued = true,
        Revision = 7,
        WorkingText = [1, 2, 3],
        Messages = [4, 5],
        PublishAnswers = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["month"] = ["2030-12"], ["factors"] = ["dark", "alone"], ["note"] = ["Ünïcode & <tags>"] }),
        Stage1Reviewers = "r-aaaaaaaaaa,r-bbbbbbbbbb",
        Stage2Reviewers = "r-cccccccccc",
        ClosedOn = "2031-01-07",
        ErasedOn = "2031-04-07",
        PublishedId = "00112233445566778899",
        PendingPublication = new PendingPublication("T", "S", ["one", "two"], ["traffic"], true, "2031-01", new DateTimeOffset(2031, 1, 7, 10, 0, 0, 123, TimeSpan.Zero)).ToJson(),
    };

    [Fact]
    public void AStoredRow_ReadAndWrittenBack_IsTheSameRow()
    {
        var row = StoredRow();

        var written = CaseRows.ToRow(CaseRows.ToCase(row));

        Assert.Equal(JsonSerializer.Serialize(row), JsonSerializer.Serialize(written));
        Assert.Equal(row.ETag, written.ETag);
    }

    [Fact]
    public void AStoredRow_ReadsAsTheCaseItRecords()
    {
        var reviewCase = CaseRows.ToCase(StoredRow());

        Assert.Equal((Id, Stage.Two, ReportStatus.Published, true), (reviewCase.Id.Value, reviewCase.Stage, reviewCase.Status, reviewCase.IsClosed));
        Assert.Equal(["r-aaaaaaaaaa", "r-bbbbbbbbbb"], reviewCase.Reviewers(Stage.One).Select(r => r.Value));
        Assert.True(reviewCase.ReviewedBy(ReviewerId.Parse("r-cccccccccc"), Stage.Two));
        Assert.Equal(2, reviewCase.Findings.Count);
        Assert.Equal(["dark", "alone"], reviewCase.PublishAnswers!["factors"]);
        Assert.Equal(["one", "two"], reviewCase.PendingPublication!.Lessons);
        Assert.NotNull(reviewCase.Version);
    }

    [Fact]
    public void ANewCase_IsWrittenWithTheDefaultsOfANewRow()
    {
        Assert.True(ReportId.TryParse(Id, out var id));
        var row = CaseRows.ToRow(new ReviewCase(id) { OpenedOn = "2031-01-02" });

        Assert.Equal(JsonSerializer.Serialize(new CaseEntity { PartitionKey = Id, OpenedOn = "2031-01-02" }), JsonSerializer.Serialize(row));
    }

    [Theory]
    [InlineData("not-a-report-id", 1, "")]
    [InlineData(Id, 3, "")]
    [InlineData(Id, 1, "r-aaaaaaaaaa,alice")]
    public void ARowNoServiceWrote_IsRefused(string partitionKey, int stage, string reviewers) =>
        Assert.Throws<FormatException>(() => CaseRows.ToCase(new CaseEntity { PartitionKey = partitionKey, Stage = stage, Stage1Reviewers = reviewers }));
}
