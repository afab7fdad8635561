using ScottPlot;

namespace NearMiss.Core.Trends;

/// <summary>The charts of the trend e-mails and the dashboard, as PNG (ScottPlot, rendered without a display).</summary>
public sealed class TrendCharts
{
    public const int Width = 640;
    public const int Height = 360;

    /// <summary>Horizontal bars, largest at the top.</summary>
    public static byte[] Bars(string title, IReadOnlyList<(string Label, double Value)> items)
    {
        var plot = new Plot();
        var shown = items.Take(12).Reverse().ToList();
        var bars = shown.Select((item, i) => new Bar { Position = i, Value = item.Value, FillColor = Colors.SteelBlue }).ToList();
        var added = plot.Add.Bars(bars);
        added.Horizontal = true;
        plot.Axes.Left.SetTicks(shown.Select((_, i) => (double)i).ToArray(), shown.Select(item => item.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0);
        plot.Title(title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
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
        plot.Title(title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
