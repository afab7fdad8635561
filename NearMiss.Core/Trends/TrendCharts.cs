using ScottPlot;
using ScottPlot.TickGenerators;

namespace NearMiss.Core.Trends;

/// <summary>The charts of the trend e-mails and the dashboard, as PNG (ScottPlot, rendered without a display).</summary>
public sealed class TrendCharts
{
    public const int Width = 640;
    public const int Height = 360;

    /// <summary>The counts of a trend dimension with the form's words as labels.</summary>
    public static List<(string Label, double Value)> Labelled(string dimension, IEnumerable<ValueCount> counts) =>
        counts.Select(c => (TrendLabels.Of(dimension, c.Value), (double)c.Count)).ToList();

    /// <summary>Horizontal bars, largest at the top: every category, a count axis in whole reports.</summary>
    public static byte[] Bars(string title, IReadOnlyList<(string Label, double Value)> items)
    {
        var plot = new Plot();
        var shown = items.Reverse().ToList();
        var bars = shown.Select((item, i) => new Bar { Position = i, Value = item.Value, FillColor = Colors.SteelBlue }).ToList();
        var added = plot.Add.Bars(bars);
        added.Horizontal = true;
        plot.Axes.Left.SetTicks(shown.Select((_, i) => (double)i).ToArray(), shown.Select(item => item.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = WholeNumbers();
        plot.Axes.Margins(left: 0);
        plot.Title(title);
        return plot.GetImageBytes(Width, Math.Max(Height, 80 + (22 * shown.Count)), ImageFormat.Png);
    }

    /// <summary>Received and published per month.</summary>
    public static byte[] Months(string title, IReadOnlyList<MonthFigures> months)
    {
        var plot = new Plot();
        var xs = months.Select((_, i) => (double)i).ToArray();
        var received = plot.Add.Scatter(xs, months.Select(m => (double)m.Received).ToArray());
        received.LegendText = "received";
        var published = plot.Add.Scatter(xs, months.Select(m => (double)m.Published).ToArray());
        published.LegendText = "published";
        plot.Axes.Bottom.SetTicks(xs, months.Select(m => m.Month[2..]).ToArray());
        plot.Axes.Left.TickGenerator = WholeNumbers();
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Business days from arrival to closing, one bar per day (the last bar holds everything longer).</summary>
    public static byte[] ReviewDays(string title, IReadOnlyList<DayCount> bins)
    {
        var plot = new Plot();
        foreach (var (days, count) in bins)
        {
            plot.Add.Bar(new Bar { Position = days, Value = count, FillColor = days <= TrendService.PromiseBusinessDays ? Colors.SeaGreen : Colors.OrangeRed });
        }

        plot.Add.VerticalLine(TrendService.PromiseBusinessDays + 0.5, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Left.TickGenerator = WholeNumbers();
        plot.Axes.Bottom.TickGenerator = WholeNumbers();
        plot.Title(title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Ticks at whole numbers only: the axes count reports and days, never half of one.</summary>
    private static NumericAutomatic WholeNumbers() => new() { IntegerTicksOnly = true };
}
