using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NearMiss.Core.Accounts;
using NearMiss.Core.Library;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Library;
using static Microsoft.Playwright.Assertions;

namespace NearMiss.Tests.Browser;

/// <summary>
/// Markup that would run if a page rendered it as HTML, in every text a person can write, followed through every page
/// that shows it in Chromium against the real <c>nearmiss serve</c>: the report form, the receipt status page (with a
/// reviewer's question), the review console in both stages with its highlighted findings, and, once published, the
/// library's list, search highlights, report page, similar reports and report of the week. On each: no dialog opened,
/// <c>window.__xss</c> never set, no element injected, and the markup shown as the text it is.
/// </summary>
[Trait("Kind", "Browser")]
[Collection(AzuriteCollection.Name)]
public sealed partial class MarkupInBrowserTests(AzuriteFixture fixture)
{
    private const float Timeout = 30_000;
    private static readonly TimeSpan MailWithin = TimeSpan.FromSeconds(90);

    // Each would set window.__xss or open a dialog if it ran; the content security policy would stop most of them,
    // so the test looks for the injected elements themselves as well.
    private const string Img = "<img src=x onerror=\"window.__xss=1;alert(1)\">";
    private const string Script = "<script>window.__xss=1;alert(1)</script>";
    private const string Svg = "\"><svg onload=\"window.__xss=1\">";
    private const string Frame = "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>";

    /// <summary>The number of elements markup could have injected, and whether any script ran.</summary>
    private const string Injected = """
        () => ({
          ran: typeof window.__xss !== 'undefined',
          elements: document.querySelectorAll(
            'img[src="x"], svg[onload], iframe[srcdoc], script:not([src]), [onerror], [onload], a[href^="javascript"]').length,
        })
        """;

    [Fact]
    public async Task MarkupInEveryText_IsShownAsTextOnEveryPage_AndNeverRuns()
    {
        await fixture.ClearQueuesAsync();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var first = $"markup1-{suffix}@example.org";
        var second = $"markup2-{suffix}@example.org";
        var domain = $"pd{suffix}.example.gov";
        await using (var services = fixture.CreateServices())
        {
            await services.GetRequiredService<ReviewerDirectory>().AddAsync(first, new HashSet<Stage> { Stage.One }, CancellationToken.None);
            await services.GetRequiredService<ReviewerDirectory>().AddAsync(second, new HashSet<Stage> { Stage.Two }, CancellationToken.None);
            await services.GetRequiredService<ReaderDirectory>().AllowDomainAsync(domain, CancellationToken.None);

            // A second published report like the first, so the report page has similar reports to list.
            await LibraryFixture.ClearAsync(services.GetRequiredService<NearMissStore>());
            await services.GetRequiredService<NearMissStore>().Published.AddEntityAsync(LibraryFixture.Report(
                "m1", $"Zebra crossing stop at night {Svg}", "traffic-stop", "patrol", ["backup-delayed"], "2025-05",
                $"A zebra crossing stop at night; the driver reached under the seat. {Img}", ["Wait for backup.", $"Watch the hands. {Script}"]));
        }

        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        SetDefaultExpectTimeout(Timeout);
        var watch = new Watch();

        // The reporter writes markup into the narrative and the lessons; the form previews its PII and sends it.
        var reporter = await watch.OpenAsync(browser, site);
        var receipt = await SubmitReportAsync(reporter);
        await watch.AssertCleanAsync(reporter, "the report form");

        // Stage 1: the text with its highlighted findings, markup and all, as text.
        var caseLink = await Mailbox.WaitForLinkAsync(site.MailDirectory, first, CaseLink(), MailWithin);
        var caseId = Uri.UnescapeDataString(caseLink[(caseLink.IndexOf("#id=", StringComparison.Ordinal) + 4)..]);
        var a = await watch.OpenAsync(browser, site);
        await SignInAsync(a, site, caseLink, first);
        await Expect(a.Locator("#case-meta")).ToContainTextAsync("Stage 1");
        await Expect(a.Locator("#text-narrative mark.finding").First).ToBeVisibleAsync();
        await ExpectTextsAsync(a.Locator("#text-narrative"), Img, Script, Svg);
        await ExpectTextsAsync(a.Locator("#text-lessonsLearned"), Frame);
        await watch.AssertCleanAsync(a, "stage 1");

        // The reviewer asks a question with markup in it; the reporter reads it on the status page and answers with more.
        await a.GetByLabel("Ask the reporter a question").CheckAsync();
        await a.GetByLabel("Question for the reporter").FillAsync($"Was the road lit? {Img} {Script}");
        await a.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync();
        await Expect(a.Locator("#decision-done")).ToContainTextAsync("Question sent");

        await reporter.GotoAsync("/status.html");
        await reporter.GetByLabel("Receipt", new() { Exact = true }).FillAsync(receipt);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Check status" }).ClickAsync();
        await Expect(reporter.Locator("#status-words")).ToHaveTextAsync("Waiting for your answer");
        await ExpectTextsAsync(reporter.Locator("#messages"), Img, Script);
        await watch.AssertCleanAsync(reporter, "the status page");
        await reporter.GetByLabel("Your answer").FillAsync($"No lights at all. {Svg} {Frame}");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(reporter.Locator("#reply-sent")).ToBeVisibleAsync();
        Assert.Equal("In review", await StatusPage.CheckUntilAsync(reporter, "Waiting for your answer"));

        // Back in stage 1 the answer shows as text; the findings are kept, so stage 2 highlights them again.
        await a.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await a.EvaluateAsync("id => { location.hash = '#case=' + encodeURIComponent(id); }", caseId);
        await ExpectTextsAsync(a.Locator("#case-message-list"), Img, Script, Svg, Frame);
        await watch.AssertCleanAsync(a, "stage 1 with the reporter's answer");
        await DecideUndecidedAsync(a, "Keep");
        await a.GetByLabel("Pass to stage 2").CheckAsync();
        await a.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync();
        await Expect(a.Locator("#decision-done")).ToContainTextAsync("Passed to stage 2");

        // Stage 2: the text and its findings again; the publication is written with markup in every field.
        var b = await watch.OpenAsync(browser, site);
        await SignInAsync(b, site, caseLink, second);
        await Expect(b.Locator("#case-meta")).ToContainTextAsync("Stage 2");
        await Expect(b.Locator("#text-narrative mark.finding").First).ToBeVisibleAsync();
        await ExpectTextsAsync(b.Locator("#text-narrative"), Img, Script, Svg);
        await ExpectTextsAsync(b.Locator("#case-message-list"), Img, Svg);
        await watch.AssertCleanAsync(b, "stage 2");
        await DecideUndecidedAsync(b, "Keep");
        await b.GetByLabel("Title").FillAsync($"Zebra crossing stop {Img}");
        await b.GetByLabel("Summary").FillAsync($"A zebra {Script} crossing stop where the driver reached under the seat.");
        await b.GetByLabel("Lesson 1", new() { Exact = true }).FillAsync($"Step back when a driver reaches. {Svg}");
        await b.GetByLabel("Lesson 2", new() { Exact = true }).FillAsync($"Wait for backup on a dark road. {Frame}");
        await b.GetByLabel("Tags").FillAsync("<svg onload=alert(1)>, <b>bold</b>");
        await b.GetByLabel("Publish", new() { Exact = true }).CheckAsync();
        var published = await b.RunAndWaitForResponseAsync(
            () => b.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync(),
            response => response.Url.EndsWith("/stage2", StringComparison.Ordinal));
        Assert.Equal(200, published.Status);
        await Expect(b.Locator("#decision-done")).ToContainTextAsync("Published");
        string publishedId;
        using (var answer = JsonDocument.Parse(await published.TextAsync()))
        {
            publishedId = answer.RootElement.GetProperty("publishedId").GetString()!;
        }

        await site.RunCliAsync("library", "feature", publishedId);

        // A reader finds it in the list, as the report of the week, and by a word next to the markup, highlighted.
        var reader = await SignInToLibraryAsync(await watch.OpenAsync(browser, site), await watch.OpenAsync(browser, site), site, "officer@" + domain);
        await Expect(reader.GetByText("2 reports")).ToBeVisibleAsync();
        await ExpectTextsAsync(reader.Locator("#results"), Img, Script, Svg);
        await ExpectTextsAsync(reader.Locator("#featured"), Img, Script);
        await watch.AssertCleanAsync(reader, "the library list");

        await reader.GetByLabel("Search the reports").FillAsync("zebra");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(reader.Locator("#results mark").First).ToHaveTextAsync(new Regex("^[Zz]ebra$"));
        await Expect(reader.Locator("#results p.highlight", new() { HasText = Script }).First).ToBeVisibleAsync();
        await watch.AssertCleanAsync(reader, "the search results");

        // The report page: title, lessons, summary and narrative as text, and the similar report's title too.
        await reader.Locator("#results .result-title", new() { HasText = "Zebra crossing stop <img" }).ClickAsync();
        await Expect(reader.Locator("#report-title")).ToHaveTextAsync($"Zebra crossing stop {Img}");
        await ExpectTextsAsync(reader.Locator("#report-lessons"), Svg, Frame);
        await ExpectTextsAsync(reader.Locator("#report-summary"), Script);
        await ExpectTextsAsync(reader.Locator("#report-narrative"), Img, Script, Svg);
        await ExpectTextsAsync(reader.Locator("#similar"), Svg);
        await watch.AssertCleanAsync(reader, "the report page");

        await using (var services = fixture.CreateServices())
        {
            await LibraryFixture.ClearAsync(services.GetRequiredService<NearMissStore>());
        }
    }

    /// <summary>Each markup string is in the element's text: shown as the characters it is.</summary>
    private static async Task ExpectTextsAsync(ILocator locator, params string[] texts)
    {
        foreach (var text in texts)
        {
            await Expect(locator).ToContainTextAsync(text);
        }
    }

    private static async Task<string> SubmitReportAsync(IPage page)
    {
        await page.GotoAsync("/");
        var month = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.GetByLabel("When did it happen?").FillAsync(month);
        await page.GetByRole(AriaRole.Group, new() { Name = "Time of day" }).GetByLabel("Night").CheckAsync();
        await page.GetByLabel("Call type").SelectOptionAsync(new SelectOptionValue { Label = "Traffic stop" });
        await page.GetByRole(AriaRole.Group, new() { Name = "Your assignment" }).GetByLabel("Patrol", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Contributing factors" }).GetByLabel("Backup delayed").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel("No injury").CheckAsync();
        await page.GetByLabel("What happened").FillAsync(
            $"Ofc. Dana Whitcombe {Img} and I stopped a car at a zebra crossing on a dark road. {Script} " +
            $"The driver reached under the seat while I stood at the rear quarter panel, so I stepped back. {Svg}");
        await page.GetByLabel("Lessons learned").FillAsync($"Wait for backup on dark roads. {Frame}");

        // The form's check highlights the name next to the markup, and shows the markup as text.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check for identifying details" }).ClickAsync();
        await Expect(page.Locator("#pii-result mark").First).ToBeVisibleAsync();
        await ExpectTextsAsync(page.Locator("#pii-result"), Img, Script, Svg, Frame);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        var receiptText = page.Locator("#receipt-value");
        await Expect(receiptText).ToHaveTextAsync(ReceiptPattern());
        var receipt = (await receiptText.TextContentAsync() ?? "").Trim();
        await page.GetByLabel("I have saved my receipt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        return receipt;
    }

    /// <summary>Opens the e-mailed case link, asks for a sign-in link and follows it from the e-mail in the same tab.</summary>
    private static async Task SignInAsync(IPage page, SiteProcess site, string caseLink, string email)
    {
        await page.GotoAsync(caseLink);
        await page.GetByLabel("Your e-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await Expect(page.GetByText("Check your e-mail")).ToBeVisibleAsync();
        await page.GotoAsync(await Mailbox.WaitForLinkAsync(site.MailDirectory, email, SignInLink(), MailWithin));
        await Expect(page.Locator("#case-view")).ToBeVisibleAsync();
    }

    /// <summary>Asks for a link on one page and opens it on another, as from a mail client; returns the signed-in page.</summary>
    private static async Task<IPage> SignInToLibraryAsync(IPage asking, IPage reading, SiteProcess site, string email)
    {
        await asking.GotoAsync("/library/");
        await asking.GetByLabel("Work e-mail address").FillAsync(email);
        await asking.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await reading.GotoAsync(await Mailbox.WaitForLinkAsync(site.MailDirectory, email, LibraryLink(), MailWithin));
        await Expect(reading.GetByLabel("Search the reports")).ToBeVisibleAsync();
        return reading;
    }

    /// <summary>Clicks <paramref name="button"/> (Redact or Keep) on every finding not yet decided.</summary>
    private static async Task DecideUndecidedAsync(IPage page, string button)
    {
        var undecided = page.Locator("li.finding-row.undecided");
        while (await undecided.CountAsync() is var count and > 0)
        {
            await undecided.First.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Expect(undecided).ToHaveCountAsync(count - 1);
        }
    }

    /// <summary>Every dialog and script error of every page, and what markup left in the DOM at each check.</summary>
    private sealed class Watch
    {
        private readonly ConcurrentQueue<string> _problems = new();

        public async Task<IPage> OpenAsync(IBrowser browser, SiteProcess site)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
            context.SetDefaultTimeout(Timeout);
            context.SetDefaultNavigationTimeout(60_000);
            var page = await context.NewPageAsync();
            page.Dialog += async (_, dialog) =>
            {
                _problems.Enqueue($"a {dialog.Type} dialog opened on {page.Url}: {dialog.Message}");
                await dialog.DismissAsync();
            };
            page.PageError += (_, error) => _problems.Enqueue($"script error on {page.Url}: {error}");
            return page;
        }

        public async Task AssertCleanAsync(IPage page, string where)
        {
            var found = await page.EvaluateAsync<JsonElement>(Injected);
            Assert.False(found.GetProperty("ran").GetBoolean(), $"Markup ran on {where}.");
            Assert.True(found.GetProperty("elements").GetInt32() == 0, $"Markup injected {found.GetProperty("elements").GetInt32()} element(s) into {where}.");
            Assert.True(_problems.IsEmpty, $"On {where} or before: " + string.Join(Environment.NewLine, _problems));
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+/review/case\.html#id=[A-Za-z0-9%._~-]+")]
    private static partial Regex CaseLink();

    [GeneratedRegex(@"https?://[^\s""'<>]+/review/#token=[A-Za-z0-9%._~-]+")]
    private static partial Regex SignInLink();

    [GeneratedRegex(@"https?://[^\s""'<>]+/library/#token=[A-Za-z0-9_-]{43}")]
    private static partial Regex LibraryLink();

    [GeneratedRegex("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){5}$")]
    private static partial Regex ReceiptPattern();
}
