using NearMiss.Core.Reports;

namespace NearMiss.Core.Review;

/// <summary>Keeps the trend counters current as a report moves. Every call may be repeated: it counts once.</summary>
public interface ITrendRecorder
{
    /// <summary>The report arrived: counted by the month it arrived and by the month it happened.</summary>
    Task ReceivedAsync(ReportOriginal original, CancellationToken cancellationToken);

    /// <summary>
    /// The case closed (published or not publishable): counted by the month it closed, with its review time in
    /// business days; <paramref name="urgentPublishedId"/> names a report published as an urgent hazard.
    /// </summary>
    Task ClosedAsync(ReportOriginal original, ReviewCase closed, string? urgentPublishedId, CancellationToken cancellationToken);

    /// <summary>Erasure: deletes the markers that name the report; the counts stay.</summary>
    Task ForgetAsync(ReportOriginal? original, ReviewCase closed, CancellationToken cancellationToken);
}
