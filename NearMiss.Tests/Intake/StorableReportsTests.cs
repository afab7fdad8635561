using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Intake;

/// <summary>Every report the form accepts is stored, scanned and reviewable, through <c>nearmiss serve</c> and its queue listeners.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Kind", "Azurite")]
public sealed class StorableReportsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServedSite _site = null!;

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        _site = await ServedSite.StartAsync(azurite.ConnectionString, "storable", s =>
        {
            s["NearMiss:RateLimits:Enabled"] = "false";
            s["NearMiss:ResponseFloor:LookupMilliseconds"] = "0";
            // A receipt not yet stored reads `received` for about two windows; one second is too short for a large scan
            // on a busy machine, so these reports wait in a ten-second window.
            s["NearMiss:Privacy:BatchInterval"] = "00:00:10";
        });
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Submit_8000And3000AccentedCharacters_IsAcceptedAndReachesReviewWithTheTextIntact()
    {
        var narrative = Repeat("Le conducteur a caché sa main près de la console, à côté du siège. ", 8000);
        var lessons = Repeat("Vérifiez la plaque avant l'approche; attendez le renfort. ", 3000);
        var report = Reports.Valid(narrative);
        report["lessonsLearned"] = lessons;

        var receipt = await SubmitAsync(report);
        await WaitForReviewAsync(receipt);

        var view = await GetCaseAsync(receipt);
        Assert.Equal(narrative, (string)view["narrative"]!);
        Assert.Equal(lessons, (string)view["lessonsLearned"]!);
    }

    [Fact]
    public async Task Submit_TwoThousandShortDates_IsAcceptedAndReachesReviewWithEveryDateFlagged()
    {
        var dates = Enumerable.Range(0, 1999).Select(i => $"{(i % 9) + 1}/{(i / 9 % 9) + 1}").ToList();
        var narrative = "On " + string.Join(' ', dates);
        Assert.InRange(narrative.Length, 7900, 8000);

        var receipt = await SubmitAsync(Reports.Valid(narrative));
        await WaitForReviewAsync(receipt);

        var view = await GetCaseAsync(receipt);
        var findings = view["findings"]!.AsArray().Where(f => (string)f!["field"]! == "narrative").Select(f => ((int)f!["start"]!, (int)f["end"]!)).ToList();
        Assert.NotEmpty(findings);
        var position = 3;
        foreach (var date in dates)
        {
            Assert.Contains(findings, f => f.Item1 <= position && position + date.Length <= f.Item2);
            position += date.Length + 1;
        }
    }

    /// <summary><paramref name="text"/> repeated to exactly <paramref name="length"/> characters, ending in an accented letter.</summary>
    private static string Repeat(string text, int length) =>
        string.Concat(Enumerable.Repeat(text, (length / text.Length) + 1))[..(length - 1)] + "é";

    private async Task<string> SubmitAsync(JsonObject report)
    {
        using var response = await _site.Http.PostAsJsonAsync("api/reports", report);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }

    private async Task WaitForReviewAsync(string receipt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var status = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await _site.Http.PostAsJsonAsync("api/receipts/status", new { receipt });
            status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
            if (status == "in-review")
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The report is still {status} after 60 s.");
    }

    private async Task<JsonObject> GetCaseAsync(string receipt)
    {
        var id = _site.Services.GetRequiredService<ReceiptLookup>().ReportIdOf(receipt)!.Value.Value;
        var token = await TokenAsync("storable-reader@example.org", 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/review/cases/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _site.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<string> TokenAsync(string email, params int[] stages)
    {
        var reviewer = await _site.Services.GetRequiredService<ReviewerDirectory>().AddAsync(email, stages.Select(Stage.Parse).ToHashSet(), CancellationToken.None);
        return _site.Services.GetRequiredService<ReviewerSessions>().IssueAccessToken(reviewer);
    }
}
