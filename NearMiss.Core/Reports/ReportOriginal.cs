namespace NearMiss.Core.Reports;

/// <summary>
/// A report as it arrived, as the review and the trends read it: the answers (option values only), the agency code,
/// the day of receipt, and the narrative and lessons learned sealed under the report's own key (both null once erased).
/// Stored as one row (<c>Storage/CaseRows.cs</c> maps it).
/// </summary>
public sealed record ReportOriginal(ReportId Id, string ReceivedOn, IReadOnlyDictionary<string, string[]> Answers)
{
    public int FormVersion { get; init; }

    public string? AgencyCode { get; init; }

    /// <summary>Narrative and lessons learned, sealed; null once erased.</summary>
    public byte[]? SealedText { get; init; }

    /// <summary>The report's data key, wrapped by the sealing key; null once erased.</summary>
    public byte[]? WrappedKey { get; init; }
}
