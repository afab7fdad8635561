using System.CommandLine;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Cli.Admin;
using NearMiss.Core.Storage;
using NearMiss.Core.Trends;

namespace NearMiss.Cli.Trends;

/// <summary>
/// <c>nearmiss trends --from YYYY-MM --to YYYY-MM [--format json|text] [--agency CODE] [--csv]</c>: the trend summary
/// (or an agency's analysis, suppressed) computed by the same Core service the timers use.
/// </summary>
public static class TrendsCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "First month, YYYY-MM", Required = true };
        var to = new Option<string>("--to") { Description = "Last month, YYYY-MM", Required = true };
        var format = new Option<string>("--format") { Description = "json or text", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var agency = new Option<string?>("--agency") { Description = "An agency code: that agency's analysis, small cells suppressed" };
        var csv = new Option<bool>("--csv") { Description = "CSV of the same tables instead of --format" };
        var command = new Command("trends", "Trend summary for a period of months, from the live counters.") { from, to, format, agency, csv };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!TrendService.TryParseMonth(result.GetValue(from), out var first) || !TrendService.TryParseMonth(result.GetValue(to), out var last) || last < first)
            {
                await Console.Error.WriteLineAsync("nearmiss trends: --from and --to must be months YYYY-MM from 2000-01 to 2999-12, --from not after --to");
                return 2;
            }

            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            var trends = services.GetRequiredService<TrendService>();
            var text = result.GetValue(format) == "text";
            if (result.GetValue(agency) is { } code)
            {
                if (AgencyDirectory.NormaliseCode(code) is null)
                {
                    await Console.Error.WriteLineAsync("nearmiss trends: --agency is not an agency code");
                    return 2;
                }

                var analysis = await trends.AgencyAsync(code, first, last, cancellationToken);
                Console.Write(result.GetValue(csv) ? TrendText.AgencyCsv(analysis) : text ? TrendText.Agency(analysis) : TrendText.ToJson(analysis) + Environment.NewLine);
                return 0;
            }

            var summary = await trends.SummaryAsync(first, last, cancellationToken);
            Console.Write(result.GetValue(csv) ? TrendText.SummaryCsv(summary) : text ? TrendText.Summary(summary) : TrendText.ToJson(summary) + Environment.NewLine);
            return 0;
        });

        command.Subcommands.Add(TrendsBench.Create());
        return command;
    }
}
