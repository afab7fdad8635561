using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NearMiss.Cli.Load;
using NearMiss.Core.Intake;

namespace NearMiss.Cli.Seed;

/// <summary><c>nearmiss seed</c>: synthetic reports through the real API, for demo data.</summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of the site", Required = true };
        var reports = new Option<int>("--reports") { Description = "How many reports", DefaultValueFactory = _ => 10 };
        var command = new Command("seed", "Submit synthetic reports through the public API and print a JSON summary.") { url, reports };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(result.GetValue(url)!) };
            var form = await http.GetFromJsonAsync<FormDefinition>("api/form", JsonSerializerOptions.Web, cancellationToken)
                       ?? throw new InvalidOperationException("GET /api/form returned nothing.");
            var generator = new SyntheticReports(seed: Environment.TickCount);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var submitted = 0;
            for (var i = 0; i < result.GetValue(reports); i++)
            {
                using var response = await http.PostAsJsonAsync("api/reports", generator.Next(form, today), cancellationToken);
                submitted += response.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
            }

            Console.WriteLine(JsonSerializer.Serialize(new { submitted, published = 0, notPublished = 0 }));
            return submitted == result.GetValue(reports) ? 0 : 1;
        });
        return command;
    }
}
