using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using NearMiss.Core.Accounts;
using NearMiss.Core.Email;

namespace NearMiss.Core.Trends;

/// <summary>
/// The scheduled trend e-mails. The staff summary covers the current month to date against the month before
/// (the counters are kept per month), with the 12-month trend; an agency analysis covers the 12 complete months
/// before the current one. Charts travel as inline PNG attachments.
/// </summary>
public sealed partial class TrendMail(
    TrendService trends, AgencyDirectory agencies, IEmailSender email, IOptions<StaffOptions> staff, TimeProvider time, ILogger<TrendMail> logger)
{
    public async Task<TrendSummaryReport?> SendSummaryAsync(CancellationToken cancellationToken)
    {
        var to = staff.Value.Addresses;
        if (to.Count == 0)
        {
            LogNoStaff(logger);
            return null;
        }

        var month = ThisMonth();
        var report = await trends.SummaryAsync(month, month, cancellationToken);
        var charts = new List<EmailAttachment>
        {
            Png("months", TrendCharts.Months("Reports per month", report.Months)),
            Png("call-types", TrendCharts.Bars("Call types " + report.From, TrendCharts.Labelled("callType", report.ByCallType))),
            Png("factors", TrendCharts.Bars("Contributing factors " + report.From, TrendCharts.Labelled("factor", report.ByFactor))),
            Png("review-days", TrendCharts.ReviewDays("Review time, business days", report.ReviewDays.Bins)),
        };
        await email.SendAsync(
            new EmailMessage(to, $"NearMiss trend summary {report.From}", TrendText.Summary(report), TrendText.SummaryHtml(report, charts.Select(c => c.ContentId!)), charts),
            cancellationToken);
        LogSent(logger, to.Count);
        return report;
    }

    public async Task<int> SendAgencyAnalysesAsync(CancellationToken cancellationToken)
    {
        var last = ThisMonth().AddMonths(-1);
        var from = last.AddMonths(-11);
        var sent = 0;
        foreach (var agency in await agencies.ListAsync(cancellationToken))
        {
            var report = await trends.AgencyAsync(agency.Code, from, last, cancellationToken);
            var charts = new List<EmailAttachment>();
            if (report.Tables.FirstOrDefault(t => t.Dimension == "callType")?.Cells is { } cells && cells.Any(c => !c.Suppressed))
            {
                charts.Add(Png("call-types", TrendCharts.Bars(
                    "Your agency: call types (small counts withheld)", cells.Where(c => !c.Suppressed).Select(c => (TrendLabels.Of("callType", c.Value), (double)c.Count!)).ToList())));
            }

            await email.SendAsync(
                new EmailMessage(
                    [agency.Contact],
                    $"NearMiss analysis for agency {report.Agency}, {report.From} to {report.To}",
                    TrendText.Agency(report),
                    TrendText.AgencyHtml(report, charts.Select(c => c.ContentId!)),
                    charts),
                cancellationToken);
            sent++;
        }

        LogAgencies(logger, sent);
        return sent;
    }

    private DateOnly ThisMonth()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateOnly(now.Year, now.Month, 1);
    }

    private static EmailAttachment Png(string id, byte[] content) => new(id + ".png", "image/png", content, id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff addresses (NearMiss:Staff:Emails): the trend summary was not sent")]
    private static partial void LogNoStaff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trend summary sent to {Count} staff address(es)")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency analyses sent to {Count} agency contact(s)")]
    private static partial void LogAgencies(ILogger logger, int count);
}
