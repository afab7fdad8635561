using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace NearMiss.Core.Trends;

/// <summary>The trend reports as JSON, plain text, HTML and CSV, for the command line and the e-mails.</summary>
public static class TrendText
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson<T>(T report) => JsonSerializer.Serialize(report, Json);

    public static string Summary(TrendSummaryReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"NearMiss trend summary {r.From} to {r.To} (previous period {r.Previous.From} to {r.Previous.To})"));
        text.AppendLine();
        text.AppendLine(Invariant($"Received   {r.Totals.Received,8} {Delta(r.Changes.Received)}"));
        text.AppendLine(Invariant($"Published  {r.Totals.Published,8} {Delta(r.Changes.Published)}"));
        text.AppendLine(Invariant($"Not published {r.Totals.NotPublished,5}"));
        text.AppendLine(Invariant($"In review (backlog at {r.To}) {r.Totals.InReview}"));
        text.AppendLine(Invariant($"Review time, business days: median {Days(r.ReviewDays.P50)}, 90th percentile {Days(r.ReviewDays.P90)}; ")
            + Invariant($"{r.ReviewDays.WithinPromise} of {r.ReviewDays.Closed} closed within the {TrendService.PromiseBusinessDays}-business-day promise"));
        Table(text, "Call types", "callType", r.ByCallType, r.Changes.CallTypes);
        Table(text, "Contributing factors", "factor", r.ByFactor, r.Changes.Factors);
        text.AppendLine();
        text.AppendLine("Last 12 months (received / published; top factor)");
        foreach (var month in r.Months)
        {
            text.AppendLine(Invariant($"  {month.Month}  {month.Received,6} / {month.Published,-6} {(month.TopFactors.FirstOrDefault() is { } top ? TrendLabels.Of("factor", top.Value) : "-")}"));
        }

        text.AppendLine();
        text.AppendLine(r.UrgentHazards.Count == 0 ? "Urgent hazards: none published in the period." : "Urgent hazards published in the period:");
        foreach (var hazard in r.UrgentHazards)
        {
            text.AppendLine(Invariant($"  {hazard.Month}  {hazard.Title}"));
        }

        return text.ToString();
    }

    public static string Agency(AgencyAnalysisReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"NearMiss analysis for agency {r.Agency}, {r.From} to {r.To}"));
        text.AppendLine(Invariant($"Counts under {r.Threshold} are shown as \"<{r.Threshold}\" and some others are withheld with them, so that no count points at an officer."));
        text.AppendLine();
        if (r.Notice is not null)
        {
            text.AppendLine(r.Notice);
        }
        else
        {
            text.AppendLine(Invariant($"Received  {Cell(r.Totals!.Received, r.Threshold)}"));
            text.AppendLine(Invariant($"Published {Cell(r.Totals.Published, r.Threshold)}"));
            foreach (var table in r.Tables)
            {
                SuppressedTable(text, "Your agency: " + DimensionWords(table.Dimension), table, r.Threshold);
            }
        }

        text.AppendLine();
        text.AppendLine(Invariant($"National: received {Cell(r.NationalTotals.Received, r.Threshold)}, published {Cell(r.NationalTotals.Published, r.Threshold)}"));
        foreach (var table in r.National)
        {
            SuppressedTable(text, "National: " + DimensionWords(table.Dimension), table, r.Threshold);
        }

        return text.ToString();
    }

    /// <summary>CSV (RFC 4180) of the summary's tables: <c>table,value,count,label</c>, the label being the form's words for the value.</summary>
    public static string SummaryCsv(TrendSummaryReport r)
    {
        var csv = new StringBuilder("table,value,count,label\r\n");
        Row(csv, "totals", "received", r.Totals.Received);
        Row(csv, "totals", "published", r.Totals.Published);
        Row(csv, "totals", "notPublished", r.Totals.NotPublished);
        Row(csv, "totals", "inReview", r.Totals.InReview);
        foreach (var (name, counts) in new[] { ("callType", r.ByCallType), ("factor", r.ByFactor), ("assignment", r.ByAssignment), ("lighting", r.ByLighting), ("weapon", r.ByWeapon), ("region", r.ByRegion) })
        {
            foreach (var c in counts)
            {
                Row(csv, name, c.Value, c.Count);
            }
        }

        foreach (var bin in r.ReviewDays.Bins)
        {
            Row(csv, "reviewDays", bin.Days.ToString(CultureInfo.InvariantCulture), bin.Count);
        }

        foreach (var month in r.Months)
        {
            Row(csv, "receivedByMonth", month.Month, month.Received);
            Row(csv, "publishedByMonth", month.Month, month.Published);
        }

        return csv.ToString();
    }

    /// <summary>
    /// CSV of an agency analysis: <c>scope,table,value,count,label</c>, a suppressed count written as <c>suppressed</c>,
    /// the label being the form's words for the value.
    /// </summary>
    public static string AgencyCsv(AgencyAnalysisReport r)
    {
        var csv = new StringBuilder("scope,table,value,count,label\r\n");
        void Add(string scope, string table, string value, long? count) =>
            csv.Append(Quote(scope)).Append(',').Append(Quote(table)).Append(',').Append(Quote(value)).Append(',')
                .Append(count?.ToString(CultureInfo.InvariantCulture) ?? "suppressed").Append(',')
                .Append(Quote(TrendLabels.Of(table, value))).Append("\r\n");
        if (r.Totals is { } totals)
        {
            Add(r.Agency, "totals", "received", totals.Received);
            Add(r.Agency, "totals", "published", totals.Published);
            foreach (var table in r.Tables)
            {
                foreach (var cell in table.Cells ?? [new Cell("*", null)])
                {
                    Add(r.Agency, table.Dimension, cell.Value, cell.Count);
                }
            }
        }

        Add("national", "totals", "received", r.NationalTotals.Received);
        Add("national", "totals", "published", r.NationalTotals.Published);
        foreach (var table in r.National)
        {
            foreach (var cell in table.Cells ?? [new Cell("*", null)])
            {
                Add("national", table.Dimension, cell.Value, cell.Count);
            }
        }

        return csv.ToString();
    }

    public static string SummaryHtml(TrendSummaryReport r, IEnumerable<string> chartIds)
    {
        var html = new StringBuilder();
        html.Append("<h1>NearMiss trend summary ").Append(E(r.From)).Append(" to ").Append(E(r.To)).Append("</h1><pre>")
            .Append(E(Summary(r))).Append("</pre>");
        foreach (var id in chartIds)
        {
            html.Append("<p><img alt=\"").Append(E(id)).Append("\" src=\"cid:").Append(E(id)).Append("\"></p>");
        }

        return html.ToString();
    }

    public static string AgencyHtml(AgencyAnalysisReport r, IEnumerable<string> chartIds)
    {
        var html = new StringBuilder();
        html.Append("<h1>NearMiss analysis for agency ").Append(E(r.Agency)).Append("</h1><pre>").Append(E(Agency(r))).Append("</pre>");
        foreach (var id in chartIds)
        {
            html.Append("<p><img alt=\"").Append(E(id)).Append("\" src=\"cid:").Append(E(id)).Append("\"></p>");
        }

        return html.ToString();
    }

    private static void Table(StringBuilder text, string title, string dimension, IReadOnlyList<ValueCount> counts, IReadOnlyList<NamedChange> changes)
    {
        text.AppendLine();
        text.AppendLine(title);
        foreach (var c in counts)
        {
            var change = changes.FirstOrDefault(x => x.Value == c.Value)?.Change;
            text.AppendLine(Invariant($"  {TrendLabels.Of(dimension, c.Value),-36} {c.Count,6} {(change is null ? "" : Delta(change))}"));
        }
    }

    private static string DimensionWords(string dimension) => dimension switch
    {
        "callType" => "call types",
        "factor" => "contributing factors",
        "assignment" => "assignments",
        "lighting" => "lighting",
        "weapon" => "weapons",
        "region" => "regions",
        "agencyType" => "agency types",
        _ => dimension,
    };

    private static void SuppressedTable(StringBuilder text, string title, SuppressedTable table, int threshold)
    {
        text.AppendLine();
        text.AppendLine(title);
        if (table.Cells is null)
        {
            text.AppendLine("  (withheld: too few reports to show without pointing at an officer)");
            return;
        }

        foreach (var cell in table.Cells)
        {
            text.AppendLine(Invariant($"  {TrendLabels.Of(table.Dimension, cell.Value),-36} {Cell(cell.Count, threshold),6}"));
        }
    }

    private static string Cell(long? count, int threshold) => count?.ToString(CultureInfo.InvariantCulture) ?? Invariant($"<{threshold}*");

    private static string Delta(Change change) =>
        Invariant($"({(change.Difference >= 0 ? "+" : "")}{change.Difference}") + (change.Percent is { } p ? Invariant($", {(p >= 0 ? "+" : "")}{p}%)") : ")");

    private static string Days(int? days) => days is null ? "-" : days.Value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, string table, string value, long count) =>
        csv.Append(Quote(table)).Append(',').Append(Quote(value)).Append(',').Append(count.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Quote(TrendLabels.Of(table, value))).Append("\r\n");

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
