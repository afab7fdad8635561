namespace NearMiss.Core.Reports;

/// <summary>What a reporter sees on the receipt status page.</summary>
public static class ReportStatus
{
    public const string Received = "received";
    public const string InReview = "in-review";
    public const string AwaitingReporter = "awaiting-reporter";
    public const string Published = "published";
    public const string NotPublished = "not-published";
}
