using System.Collections.Concurrent;
using System.Text.RegularExpressions;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using NearMiss.Core.Review;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Trends;

using static Microsoft.Playwright.Assertions;

namespace NearMiss.Tests.Browser;

/// <summary>A staff member signs in to the dashboard from the e-mailed link and reads a period's figures and charts.</summary>
[Trait("Kind", "Browser")]
[Collection(AzuriteCollection.Name)]
public sealed partial class StaffInBrowserTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Staff_SignsInFromTheEmailedLink_AndSeesTheTotalsAndACallTypeChart()
    {
        await using (var services = fixture.CreateServices())
        {
            var recorder = services.GetRequiredService<ITrendRecorder>();
            await TrendFixture.ReceiveAllAsync(recorder,
            [
                TrendFixture.Report("2087-05-02", "pursuit", ["fatigue"]),
                TrendFixture.Report("2087-05-03", "pursuit", ["complacency"]),
                TrendFixture.Report("2087-05-04", "domestic", ["fatigue"]),
                TrendFixture.Report("2087-05-05", "traffic-stop", ["fatigue"]),
            ]);
        }

        var staff = $"staff-{Guid.NewGuid():N}@example.org";
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString, new Dictionary<string, string?> { ["NearMiss__Staff__Emails"] = staff });
        await site.RunCliAsync("reviewers", "add", staff, "--stages", "1");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        SetDefaultExpectTimeout(30_000);
        var problems = new ConcurrentQueue<string>();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue($"console: {message.Text}");
            }
        };

        await page.GotoAsync("/staff/");
        await page.GetByLabel("Your e-mail address").FillAsync(staff);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await Expect(page.Locator("#signin-sent")).ToContainTextAsync("Check your e-mail");

        var link = await Mailbox.WaitForLinkAsync(site.MailDirectory, staff, StaffLink(), TimeSpan.FromSeconds(90));
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trends", Exact = true })).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("token"));

        await page.GetByLabel("From (month)").FillAsync("2087-05");
        await page.GetByLabel("To (month)").FillAsync("2087-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("#period-name")).ToHaveTextAsync("2087-05");
        await Expect(page.Locator("#totals")).ToContainTextAsync("Received4");
        await Expect(page.Locator("#by-call-type tbody tr").First).ToContainTextAsync("Vehicle pursuit2");
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Reports by call type" });
        await Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The chart did not load.");

        // A "From" after "To" is named next to the field, and the figures of the last period leave the screen.
        await page.GetByLabel("From (month)").FillAsync("2087-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("#err-from")).ToHaveTextAsync("\"From\" must not be after \"To\".");
        await Expect(page.GetByLabel("From (month)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#figures")).ToBeHiddenAsync();
        await page.GetByLabel("From (month)").FillAsync("2087-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("#err-from")).ToBeHiddenAsync();
        await Expect(page.Locator("#by-call-type tbody tr").First).ToContainTextAsync("Vehicle pursuit2");
        await NarrowScreen.AssertFitsAsync(page, "the dashboard with its figures");
        Assert.Empty(problems);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+/staff/#token=[A-Za-z0-9%._~-]+")]
    private static partial Regex StaffLink();
}
