using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NearMiss.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NearMiss.Tests.Browser;

/// <summary>
/// The reporter's whole path in Chromium against the real <c>nearmiss serve</c>: the form, the receipt
/// shown once, and the status page reaching "in review" once the background scan has run.
/// </summary>
[Trait("Kind", "Browser")]
[Collection(AzuriteCollection.Name)]
public sealed partial class ReportInBrowserTests(AzuriteFixture fixture)
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Report_SubmittedInBrowser_ReachesInReviewOnItsStatusPage()
    {
        await fixture.ClearQueuesAsync();
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 780 },
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(60_000);
        SetDefaultExpectTimeout(Timeout);

        var requests = new ConcurrentQueue<string>();
        var problems = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        var responses = new ConcurrentQueue<IResponse>();
        context.Response += (_, response) => responses.Enqueue(response);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue($"CSP: {message.Text}");
            }
        };

        // The form, on a 360 px wide phone screen.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send report" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The form is wider than a 360 px screen.");

        var month = DateTime.UtcNow.AddMonths(-3).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.GetByLabel("When did it happen?").FillAsync(month);
        await Question(page, "Time of day").GetByLabel("Night").CheckAsync();
        await page.GetByLabel("Call type").SelectOptionAsync(new SelectOptionValue { Label = "Traffic stop" });
        await Question(page, "Your assignment").GetByLabel("Patrol", new() { Exact = true }).CheckAsync();
        await Question(page, "Contributing factors").GetByLabel("Fatigue").CheckAsync();
        await Question(page, "Contributing factors").GetByLabel("Backup delayed").CheckAsync();
        await Question(page, "Outcome").GetByLabel("No injury").CheckAsync();
        await page.GetByLabel("What happened").FillAsync(
            "Stopped a car on a dark stretch of road; the driver reached under the seat while I was still at the rear " +
            "quarter panel. My backup was ten minutes out, so I stepped back and waited before approaching again.");
        await page.GetByLabel("Lessons learned").FillAsync("Wait for backup on dark roads when the driver keeps moving.");

        // Sent: the form gives way to the receipt, which cannot be left before it is saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        var receiptText = page.Locator("#receipt-value");
        await Expect(receiptText).ToHaveTextAsync(ReceiptPattern());
        await Expect(page.GetByLabel("What happened")).ToHaveCountAsync(0);
        var done = page.GetByRole(AriaRole.Button, new() { Name = "Done" });
        await Expect(done).ToBeDisabledAsync();
        await page.GetByLabel("I have saved my receipt").CheckAsync();
        await Expect(done).ToBeEnabledAsync();
        var receipt = (await receiptText.TextContentAsync() ?? "").Trim();
        await done.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        Assert.DoesNotContain(receipt, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);

        // The status page, with the receipt typed the sloppy way a person might.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Check a receipt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StatusPageUrl());
        await page.GetByLabel("Receipt", new() { Exact = true }).FillAsync(receipt.ToLowerInvariant().Replace('-', ' '));
        var status = await StatusPage.CheckUntilAsync(page, "Received");
        Assert.Equal("In review", status);
        await Expect(page.Locator("#status-typical")).ToHaveTextAsync("Reports are typically reviewed within 10 business days.");

        // Nothing went anywhere but the site, and the receipt was kept nowhere it could linger.
        var origin = site.BaseAddress.GetLeftPart(UriPartial.Authority);
        var elsewhere = requests.Where(url => !url.StartsWith(origin + "/", StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, "Requests left the site's origin: " + string.Join(", ", elsewhere));
        var compact = receipt.Replace("-", "", StringComparison.Ordinal);
        Assert.DoesNotContain(requests, url =>
            url.Contains(compact, StringComparison.OrdinalIgnoreCase) || url.Contains(receipt, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await context.CookiesAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));
        await AssertProtectiveHeadersAsync(responses);
    }

    /// <summary>
    /// The form and status pages and every API answer, as Chromium received them: not cached, no referrer, no
    /// sniffing, not frameable, and a policy that lets nothing load or run from anywhere but the site; and no
    /// request carried a Referer.
    /// </summary>
    private static async Task AssertProtectiveHeadersAsync(IEnumerable<IResponse> responses)
    {
        var checkedResponses = responses.Where(r => r.Request.ResourceType == "document" || new Uri(r.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var pages = checkedResponses.Where(r => r.Request.ResourceType == "document").Select(r => new Uri(r.Url).AbsolutePath).ToHashSet();
        Assert.Superset(new HashSet<string> { "/", "/status.html" }, pages);
        Assert.Contains(checkedResponses, r => r.Url.EndsWith("/api/receipts/status", StringComparison.Ordinal));
        foreach (var response in checkedResponses)
        {
            var headers = await response.AllHeadersAsync();
            var where = $"{response.Request.Method} {new Uri(response.Url).AbsolutePath}";
            Assert.True(headers.GetValueOrDefault("cache-control") == "no-store", $"{where}: Cache-Control {headers.GetValueOrDefault("cache-control")}");
            Assert.True(headers.GetValueOrDefault("referrer-policy") == "no-referrer", $"{where}: Referrer-Policy");
            Assert.True(headers.GetValueOrDefault("x-content-type-options") == "nosniff", $"{where}: X-Content-Type-Options");
            var policy = headers.GetValueOrDefault("content-security-policy") ?? "";
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
            Assert.False((await response.Request.AllHeadersAsync()).ContainsKey("referer"), $"{where} was sent with a Referer");
        }
    }

    [Fact]
    public async Task Form_SentIncomplete_ShowsEachErrorNextToItsFieldAndFocusesTheFirst()
    {
        await fixture.ClearQueuesAsync();
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString() });
        page.SetDefaultTimeout(Timeout);
        var reports = 0;
        page.Request += (_, request) => reports += request.Url.EndsWith("/api/reports", StringComparison.Ordinal) ? 1 : 0;

        await page.GotoAsync("/");
        await page.GetByLabel("What happened").FillAsync("Too short.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await Expect(page.Locator("#err-answers-month")).ToHaveTextAsync("When did it happen is required.");
        await Expect(page.Locator("#err-answers-factors")).ToHaveTextAsync("Contributing factors needs at least one choice.");
        await Expect(page.Locator("#err-narrative")).ToHaveTextAsync("What happened must be at least 50 characters (it has 10).");
        await Expect(page.GetByLabel("When did it happen?")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("What happened")).ToHaveValueAsync("Too short.");
        Assert.Equal(0, reports);
    }

    private static ILocator Question(IPage page, string legend) =>
        page.GetByRole(AriaRole.Group, new() { Name = legend });


    [GeneratedRegex(@"/status\.html$")]
    private static partial Regex StatusPageUrl();

    [GeneratedRegex("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){5}$")]
    private static partial Regex ReceiptPattern();
}
