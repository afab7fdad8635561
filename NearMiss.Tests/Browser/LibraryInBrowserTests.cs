using System.Text.RegularExpressions;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using MimeKit;

using NearMiss.Core.Library;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Library;

using static Microsoft.Playwright.Assertions;

namespace NearMiss.Tests.Browser;

/// <summary>
/// A reader's path in Chromium against the real <c>nearmiss serve</c>: sign in from the e-mail link, filter,
/// search, open a report with its lessons and similar reports; an address on an unknown domain gets no link.
/// </summary>
[Trait("Kind", "Browser")]
[Collection(AzuriteCollection.Name)]
public sealed partial class LibraryInBrowserTests(AzuriteFixture fixture)
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Library_AllowedReaderSignsInFiltersSearchesAndReadsAReport()
    {
        var domain = "pd" + Guid.NewGuid().ToString("N")[..8] + ".example.gov";
        await using (var services = fixture.CreateServices())
        {
            await LibraryFixture.SeedAsync(services.GetRequiredService<NearMissStore>());
            await services.GetRequiredService<ReaderDirectory>().AllowDomainAsync(domain, CancellationToken.None);
        }

        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(60_000);
        SetDefaultExpectTimeout(Timeout);
        var problems = new List<string>();
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => problems.Add($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"CSP: {message.Text}");
            }
        };

        // An address on a domain nobody allowed: no link, and the library stays shut.
        var stranger = "someone@unknown-" + Guid.NewGuid().ToString("N")[..8] + ".example.com";
        await page.GotoAsync("/library/");
        await page.GetByLabel("Work e-mail address").FillAsync(stranger);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        Assert.Null(await LinkAsync(site, stranger, TimeSpan.FromSeconds(2)));
        await Expect(page.GetByLabel("Search the reports")).ToBeHiddenAsync();

        // An address on an allowed domain: the link arrives and signs the reader in.
        var reader = "officer@" + domain;
        await page.GetByLabel("Work e-mail address").FillAsync(reader);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        var link = await LinkAsync(site, reader, TimeSpan.FromSeconds(20));
        Assert.NotNull(link);
        page = await context.NewPageAsync(); // the link opens in a new tab, as from a mail client
        page.PageError += (_, error) => problems.Add($"script error: {error}");
        await page.GotoAsync("/library/#token=" + link);
        await Expect(page.GetByText("7 reports")).ToBeVisibleAsync();
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);

        // Filter by a call type: the counts sit next to each value.
        await page.GetByLabel("Domestic disturbance (2)").CheckAsync();
        await Expect(page.GetByText("2 reports")).ToBeVisibleAsync();

        // Search a word within the filter.
        await page.GetByLabel("Search the reports").FillAsync("bedroom");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByText("1 report", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#results mark").First).ToHaveTextAsync(new Regex("bedroom", RegexOptions.IgnoreCase));

        // Open the report: lessons learned first, then similar reports.
        await page.GetByRole(AriaRole.Button, new() { Name = "Second occupant hiding in a bedroom" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lessons learned" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Ask who else is in the house.")).ToBeVisibleAsync();
        var similar = page.Locator("#similar li");
        await Expect(similar.First).ToBeVisibleAsync();
        Assert.InRange(await similar.CountAsync(), 3, 5);
        await Expect(similar.First).ToContainTextAsync("Kitchen knife during a separation");
        await NarrowScreen.AssertFitsAsync(page, "a library report");

        // Back returns to the list, Forward to the report; a reload keeps the session and the report on screen.
        var report = page.GetByRole(AriaRole.Heading, new() { Name = "Second occupant hiding in a bedroom" });
        await page.GoBackAsync();
        await Expect(page.GetByText("1 report", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(report).ToBeHiddenAsync();
        await page.GoForwardAsync();
        await Expect(report).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(report).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Expect(page.GetByText("7 reports")).ToBeVisibleAsync();

        // Signing out ends the session: a reload asks to sign in, and nothing is left stored.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("sessionStorage.length + localStorage.length"));

        Assert.Empty(problems);
        await using (var services = fixture.CreateServices())
        {
            await LibraryFixture.ClearAsync(services.GetRequiredService<NearMissStore>());
        }
    }

    [Fact]
    public async Task Library_UnknownDomainReader_IsLetInOnlyOnceApproved()
    {
        var reader = "detective@unlisted-" + Guid.NewGuid().ToString("N")[..8] + ".example.gov";
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        context.SetDefaultTimeout(Timeout);
        SetDefaultExpectTimeout(Timeout);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/library/");
        await page.GetByLabel("Work e-mail address").FillAsync(reader);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await Expect(page.GetByText("a sign-in link is on its way")).ToBeVisibleAsync();
        Assert.Null(await LinkAsync(site, reader, TimeSpan.FromSeconds(2)));

        await using (var services = fixture.CreateServices())
        {
            await services.GetRequiredService<ReaderDirectory>().ApproveAsync(reader, CancellationToken.None);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        var link = await LinkAsync(site, reader, TimeSpan.FromSeconds(20));
        Assert.NotNull(link);
        page = await context.NewPageAsync(); // the link opens in a new tab, as from a mail client
        await page.GotoAsync("/library/#token=" + link);
        await Expect(page.GetByLabel("Search the reports")).ToBeVisibleAsync();
    }

    /// <summary>The token of the sign-in link e-mailed to <paramref name="address"/>, waiting up to <paramref name="within"/>.</summary>
    private static async Task<string?> LinkAsync(SiteProcess site, string address, TimeSpan within)
    {
        var folder = site.MailDirectory;
        var deadline = DateTime.UtcNow + within;
        do
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                MimeMessage message;
                try
                {
                    message = await MimeMessage.LoadAsync(file);
                }
                catch (IOException)
                {
                    continue; // still being written
                }

                if (message.To.Mailboxes.Any(m => m.Address == address) && LinkPattern().Match(message.TextBody ?? "") is { Success: true } match)
                {
                    return match.Groups["token"].Value;
                }
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return null;
    }

    [GeneratedRegex(@"/library/#token=(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
