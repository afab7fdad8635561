using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Playwright;
using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NearMiss.Tests.Browser;

/// <summary>
/// A report's whole way through review in Chromium against the real <c>nearmiss serve</c>: submitted in the
/// form, announced by e-mail (a link only), de-identified by one reviewer in stage 1, published by another
/// in stage 2, and shown as published on the reporter's status page.
/// </summary>
[Trait("Kind", "Browser")]
[Collection(AzuriteCollection.Name)]
public sealed partial class ReviewInBrowserTests(AzuriteFixture fixture)
{
    private const float Timeout = 30_000;
    private const string Name = "Dana Whitcombe";
    private const string HandMarked = "the bait shop crew";
    private static readonly TimeSpan MailWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Report_RedactedInStage1_PublishedByASecondReviewer_WithoutTheRedactedWords()
    {
        await fixture.ClearQueuesAsync();
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var first = $"stage1-{suffix}@example.org";
        var second = $"stage2-{suffix}@example.org";
        await site.RunCliAsync("reviewers", "add", first, "--stages", "1");
        await site.RunCliAsync("reviewers", "add", second, "--stages", "2");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        SetDefaultExpectTimeout(Timeout);
        var watch = new Watch();

        // The reporter sends a report that names an officer.
        var reporter = await watch.OpenAsync(browser, site);
        var receipt = await SubmitReportAsync(reporter);
        watch.Secrets.Add(receipt);
        watch.Secrets.Add(receipt.Replace("-", "", StringComparison.Ordinal));

        // Stage 1's reviewer learns of the case by e-mail: a link into the console, nothing of the report.
        var caseLink = await Mailbox.WaitForLinkAsync(site.MailDirectory, first, CaseLink(), MailWithin);
        Assert.StartsWith(site.BaseAddress.GetLeftPart(UriPartial.Authority) + "/review/case.html#id=", caseLink, StringComparison.Ordinal);
        var caseId = Uri.UnescapeDataString(caseLink[(caseLink.IndexOf("#id=", StringComparison.Ordinal) + 4)..]);
        Assert.All(Directory.GetFiles(site.MailDirectory, "*.eml"), file =>
            Assert.DoesNotContain("Whitcombe", Mailbox.Readable(File.ReadAllText(file)), StringComparison.OrdinalIgnoreCase));

        // Reviewer A (stage 1 only) follows it, signs in by e-mail link and lands on the case.
        var a = await watch.OpenAsync(browser, site);
        await SignInAsync(a, site, watch, caseLink, first);
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = $"Case {caseId}" })).ToBeVisibleAsync();
        await Expect(a.Locator("#case-meta")).ToContainTextAsync("Stage 1");

        // The name is highlighted; A redacts it (and anything else found), then marks one more span by hand.
        var narrative = a.Locator("#text-narrative");
        await Expect(narrative.Locator("mark.finding", new() { HasText = "Whitcombe" })).ToBeVisibleAsync();
        var nameRow = a.Locator("#findings-narrative li", new() { HasText = "Whitcombe" });
        var nameLabel = (await nameRow.Locator(".finding-label").TextContentAsync() ?? "").Trim();
        await nameRow.GetByRole(AriaRole.Button, new() { Name = "Redact" }).ClickAsync();
        await Expect(nameRow.GetByRole(AriaRole.Button, new() { Name = "Redact" })).ToHaveAttributeAsync("aria-pressed", "true");
        var redacted = new List<string> { Name, "Whitcombe", HandMarked };
        redacted.AddRange(await RedactUndecidedAsync(a));

        Assert.True(await a.EvaluateAsync<bool>(SelectWords, new[] { "narrative", HandMarked }), $"'{HandMarked}' is not in the text.");
        await a.Locator("#mark-label-narrative").SelectOptionAsync("OTHER_ID");
        await a.GetByRole(AriaRole.Button, new() { Name = "Mark the selection" }).First.ClickAsync();
        await Expect(a.Locator("#findings-narrative li[data-source='manual']")).ToContainTextAsync(HandMarked);

        await a.GetByRole(AriaRole.Button, new() { Name = "Apply redactions" }).ClickAsync();
        await Expect(narrative).ToContainTextAsync($"[{nameLabel}]");
        await Expect(narrative).ToContainTextAsync("[OTHER_ID]");
        foreach (var words in redacted)
        {
            await Expect(narrative).Not.ToContainTextAsync(words);
        }

        await a.GetByLabel("Pass to stage 2").CheckAsync();
        var passed = await a.RunAndWaitForResponseAsync(
            () => a.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync(),
            response => response.Url.EndsWith($"/stage1", StringComparison.Ordinal));
        Assert.Equal(200, passed.Status);
        await Expect(a.Locator("#decision-done")).ToContainTextAsync("Passed to stage 2");

        // A holds stage 1 only: opening the case again now shows the server's refusal, and nothing to act on.
        await a.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await a.EvaluateAsync("id => { location.hash = '#case=' + encodeURIComponent(id); }", caseId);
        await Expect(a.Locator("#case-loading")).ToContainTextAsync("which you do not review");
        await Expect(a.Locator("#decision")).ToBeHiddenAsync();

        // Reviewer B (stage 2 only) signs in the same way and sees the stage-1 text, without the redacted words.
        var b = await watch.OpenAsync(browser, site);
        await SignInAsync(b, site, watch, caseLink, second);
        await Expect(b.GetByRole(AriaRole.Heading, new() { Name = $"Case {caseId}" })).ToBeVisibleAsync();
        await Expect(b.Locator("#case-meta")).ToContainTextAsync("Stage 2");
        var shown = b.Locator("#text-narrative");
        await Expect(shown).ToContainTextAsync($"[{nameLabel}]");
        foreach (var words in redacted)
        {
            await Expect(shown).Not.ToContainTextAsync(words);
        }

        redacted.AddRange(await RedactUndecidedAsync(b));
        await b.GetByLabel("Title").FillAsync("Driver reached under the seat with backup far away");
        await b.GetByLabel("Summary").FillAsync("On a dark road the driver reached under the seat while backup was ten minutes out.");
        await b.GetByLabel("Lesson 1", new() { Exact = true }).FillAsync("Step back to a position of advantage when a driver reaches out of sight.");
        await b.GetByLabel("Lesson 2", new() { Exact = true }).FillAsync("Wait for backup before the second approach on a dark road.");
        await b.GetByLabel("Tags").FillAsync("traffic stop, backup");
        await b.GetByLabel("Publish", new() { Exact = true }).CheckAsync();
        var published = await b.RunAndWaitForResponseAsync(
            () => b.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync(),
            response => response.Url.EndsWith($"/stage2", StringComparison.Ordinal));
        Assert.Equal(200, published.Status);
        await Expect(b.Locator("#decision-done")).ToContainTextAsync("Published");
        string publishedId;
        using (var answer = JsonDocument.Parse(await published.TextAsync()))
        {
            Assert.Equal("published", answer.RootElement.GetProperty("status").GetString());
            publishedId = answer.RootElement.GetProperty("publishedId").GetString()!;
        }

        // What was published is what B sent: none of the redacted words anywhere in it.
        var sent = published.Request.PostData ?? "";
        using (var body = JsonDocument.Parse(sent))
        {
            Assert.Equal("publish", body.RootElement.GetProperty("decision").GetString());
            Assert.Contains($"[{nameLabel}]", body.RootElement.GetProperty("narrative").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, body.RootElement.GetProperty("lessons").GetArrayLength());
        }

        foreach (var words in redacted)
        {
            Assert.DoesNotContain(words, sent, StringComparison.OrdinalIgnoreCase);
        }

        // And what the published report holds is that text, with none of the redacted words either.
        var report = (await new TableClient(fixture.ConnectionString, StorageNames.Tables.Published)
            .GetEntityAsync<PublishedReportEntity>(PublishedReportEntity.Partition, publishedId)).Value;
        Assert.Contains($"[{nameLabel}]", report.Narrative, StringComparison.Ordinal);
        var publishedText = string.Join("\n", report.Title, report.Summary, report.Narrative, report.LessonsLearned, report.Lessons, report.Tags, report.Answers);
        foreach (var words in redacted)
        {
            Assert.DoesNotContain(words, publishedText, StringComparison.OrdinalIgnoreCase);
        }

        // The reporter's status page shows the report as published.
        await reporter.GotoAsync("/status.html");
        await reporter.GetByLabel("Receipt", new() { Exact = true }).FillAsync(receipt);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Check status" }).ClickAsync();
        await Expect(reporter.Locator("#status-words")).ToHaveTextAsync("Published");

        await watch.AssertCleanAsync(site);
    }

    [Fact]
    public async Task Question_AnsweredOnTheStatusPage_ThenTheStage1ReviewerCannotActInStage2()
    {
        await fixture.ClearQueuesAsync();
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        var both = $"both-{Guid.NewGuid().ToString("N")[..10]}@example.org";
        await site.RunCliAsync("reviewers", "add", both, "--stages", "1,2");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        SetDefaultExpectTimeout(Timeout);
        var watch = new Watch();
        var reporter = await watch.OpenAsync(browser, site);
        var receipt = await SubmitReportAsync(reporter);
        watch.Secrets.Add(receipt);
        watch.Secrets.Add(receipt.Replace("-", "", StringComparison.Ordinal));
        var caseLink = await Mailbox.WaitForLinkAsync(site.MailDirectory, both, CaseLink(), MailWithin);
        var caseId = Uri.UnescapeDataString(caseLink[(caseLink.IndexOf("#id=", StringComparison.Ordinal) + 4)..]);

        // The reviewer asks the reporter a question.
        var reviewer = await watch.OpenAsync(browser, site);
        await SignInAsync(reviewer, site, watch, caseLink, both);
        await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = $"Case {caseId}" })).ToBeVisibleAsync();
        await reviewer.GetByLabel("Ask the reporter a question").CheckAsync();
        await reviewer.GetByLabel("Question for the reporter").FillAsync("Was the road lit at all?");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync();
        await Expect(reviewer.Locator("#decision-done")).ToContainTextAsync("Question sent");

        // The reporter reads it on the status page and answers there.
        await reporter.GotoAsync("/status.html");
        await reporter.GetByLabel("Receipt", new() { Exact = true }).FillAsync(receipt);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Check status" }).ClickAsync();
        await Expect(reporter.Locator("#status-words")).ToHaveTextAsync("Waiting for your answer");
        await Expect(reporter.Locator("#messages")).ToContainTextAsync("Reviewer");
        await Expect(reporter.Locator("#messages")).ToContainTextAsync("Was the road lit at all?");
        await reporter.GetByLabel("Your answer").FillAsync("No street lights for a mile either way.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(reporter.Locator("#reply-sent")).ToContainTextAsync("reaches the reviewers within 1 hour");
        Assert.Equal("In review", await StatusPage.CheckUntilAsync(reporter, "Waiting for your answer"));
        await Expect(reporter.Locator("#status-stage")).ToContainTextAsync("Stage 1 of 2");

        // Back in the queue, the case shows the answer; the reviewer passes it to stage 2.
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Stage 1" }).ClickAsync();
        var queued = reviewer.Locator($"#queue-rows tr[data-case='{caseId}']");
        await Expect(queued).ToContainTextAsync("Traffic stop");
        await Expect(queued.Locator(".case-excerpt")).ToContainTextAsync("stopped a car on a dark road");
        await Expect(queued).Not.ToContainTextAsync(Name);
        await queued.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(reviewer.Locator("#case-message-list")).ToContainTextAsync("No street lights for a mile");
        await RedactUndecidedAsync(reviewer);
        await reviewer.GetByLabel("Pass to stage 2").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync();
        await Expect(reviewer.Locator("#decision-done")).ToContainTextAsync("Passed to stage 2");

        // Four eyes: in stage 2 the same reviewer sees the case as not available and has no decision to make.
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Stage 2" }).ClickAsync();
        var row = reviewer.Locator($"#queue-rows tr[data-case='{caseId}']");
        await Expect(row).ToContainTextAsync("Not available to you");
        await Expect(row.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await reviewer.EvaluateAsync("id => { location.hash = '#case=' + encodeURIComponent(id); }", caseId);
        await Expect(reviewer.Locator("#case-unavailable")).ToContainTextAsync("Not available to you");
        await Expect(reviewer.Locator("#decision")).ToBeHiddenAsync();

        await watch.AssertCleanAsync(site);
    }

    [Fact]
    public async Task NotificationLink_SignedOut_SignInThroughANewTab_LandsOnTheCase_AndAReloadKeepsTheSession()
    {
        await fixture.ClearQueuesAsync();
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        var email = $"tab-{Guid.NewGuid().ToString("N")[..10]}@example.org";
        await site.RunCliAsync("reviewers", "add", email, "--stages", "1");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        SetDefaultExpectTimeout(Timeout);
        var watch = new Watch();
        var reporter = await watch.OpenAsync(browser, site);
        var receipt = await SubmitReportAsync(reporter);
        watch.Secrets.Add(receipt);
        watch.Secrets.Add(receipt.Replace("-", "", StringComparison.Ordinal));
        var caseLink = await Mailbox.WaitForLinkAsync(site.MailDirectory, email, CaseLink(), MailWithin);
        var caseId = Uri.UnescapeDataString(caseLink[(caseLink.IndexOf("#id=", StringComparison.Ordinal) + 4)..]);

        // Signed out, the reviewer opens the notification and asks for a sign-in link.
        var first = await watch.OpenAsync(browser, site);
        await first.GotoAsync(caseLink);
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Sign in to review" })).ToBeVisibleAsync();
        await first.GetByLabel("Your e-mail address").FillAsync(email);
        await first.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await Expect(first.GetByText("Check your e-mail")).ToBeVisibleAsync();
        var link = await Mailbox.WaitForLinkAsync(site.MailDirectory, email, SignInLink(), MailWithin);
        watch.Secrets.Add(link[(link.IndexOf("#token=", StringComparison.Ordinal) + 7)..]);

        // The mail client opens the sign-in link in a new tab of the same browser: it lands on the case.
        var second = await watch.OpenTabAsync(first);
        var session = await second.RunAndWaitForResponseAsync(
            () => second.GotoAsync(link),
            response => response.Url.EndsWith("/api/review/session", StringComparison.Ordinal));
        Assert.Equal(200, session.Status);
        using (var json = JsonDocument.Parse(await session.TextAsync()))
        {
            watch.Secrets.Add(json.RootElement.GetProperty("accessToken").GetString()!);
        }

        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = $"Case {caseId}" })).ToBeVisibleAsync();
        Assert.DoesNotContain("token", second.Url, StringComparison.OrdinalIgnoreCase);

        // A reload keeps the session and the case; signing out ends it, and a reload then asks to sign in.
        await second.ReloadAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = $"Case {caseId}" })).ToBeVisibleAsync();
        await Expect(second.Locator("#text-narrative")).ToContainTextAsync("stopped a car on a dark road");

        // On a phone, the case and the queue fit the screen.
        await NarrowScreen.AssertFitsAsync(second, "the case page");
        await second.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await Expect(second.Locator($"#queue-rows tr[data-case='{caseId}']")).ToContainTextAsync("Traffic stop");
        await NarrowScreen.AssertFitsAsync(second, "the queue");

        await second.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await second.ReloadAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Sign in to review" })).ToBeVisibleAsync();
        Assert.Equal(0, await second.EvaluateAsync<int>("sessionStorage.length + localStorage.length"));

        await watch.AssertCleanAsync(site);
    }

    /// <summary>Opens the e-mailed case link, asks for a sign-in link and follows it from the e-mail in the same tab.</summary>
    private static async Task SignInAsync(IPage page, SiteProcess site, Watch watch, string caseLink, string email)
    {
        await page.GotoAsync(caseLink);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to review" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(WantedCase());
        await page.GetByLabel("Your e-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await Expect(page.GetByText("Check your e-mail")).ToBeVisibleAsync();

        var link = await Mailbox.WaitForLinkAsync(site.MailDirectory, email, SignInLink(), MailWithin);
        watch.Secrets.Add(link[(link.IndexOf("#token=", StringComparison.Ordinal) + 7)..]);

        // The link differs from the page's address only in its fragment: the page stays, with the case it was asked for.
        var session = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(link),
            response => response.Url.EndsWith("/api/review/session", StringComparison.Ordinal));
        Assert.Equal(200, session.Status);
        using var json = JsonDocument.Parse(await session.TextAsync());
        watch.Secrets.Add(json.RootElement.GetProperty("accessToken").GetString()!);
        await Expect(page.Locator("#case-view")).ToBeVisibleAsync();
        Assert.DoesNotContain("token", page.Url, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Redacts every finding still undecided; returns their words.</summary>
    private static async Task<List<string>> RedactUndecidedAsync(IPage page)
    {
        var words = new List<string>();
        var undecided = page.Locator("li.finding-row.undecided");
        while (await undecided.CountAsync() > 0)
        {
            var row = undecided.First;
            words.Add((await row.Locator(".finding-words").TextContentAsync() ?? "").Trim());
            var before = await undecided.CountAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Redact" }).ClickAsync();
            await Expect(undecided).ToHaveCountAsync(before - 1);
        }

        return words.Where(w => w.Length > 2).ToList();
    }

    private static async Task<string> SubmitReportAsync(IPage page)
    {
        await page.GotoAsync("/");
        var month = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.GetByLabel("When did it happen?").FillAsync(month);
        await Question(page, "Time of day").GetByLabel("Night").CheckAsync();
        await page.GetByLabel("Call type").SelectOptionAsync(new SelectOptionValue { Label = "Traffic stop" });
        await Question(page, "Your assignment").GetByLabel("Patrol", new() { Exact = true }).CheckAsync();
        await Question(page, "Contributing factors").GetByLabel("Backup delayed").CheckAsync();
        await Question(page, "Outcome").GetByLabel("No injury").CheckAsync();
        await page.GetByLabel("What happened").FillAsync(
            $"Ofc. {Name} and I stopped a car on a dark road; {HandMarked} was our only backup and ten minutes out. " +
            "The driver reached under the seat while I was at the rear quarter panel, so I stepped back and waited.");
        await page.GetByLabel("Lessons learned").FillAsync("Wait for backup on dark roads when the driver keeps moving.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        var receiptText = page.Locator("#receipt-value");
        await Expect(receiptText).ToHaveTextAsync(ReceiptPattern());
        var receipt = (await receiptText.TextContentAsync() ?? "").Trim();
        await page.GetByLabel("I have saved my receipt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        return receipt;
    }

    private static ILocator Question(IPage page, string legend) =>
        page.GetByRole(AriaRole.Group, new() { Name = legend });

    /// <summary>Selects the first occurrence of words in a field's text, as a reviewer dragging over them would.</summary>
    private const string SelectWords = """
        ([field, words]) => {
          const view = document.getElementById('text-' + field);
          const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at >= 0) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + words.length);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              return true;
            }
          }
          return false;
        }
        """;

    /// <summary>Every request, script error and CSP report of every page, and the secrets no URL may carry.</summary>
    private sealed class Watch
    {
        private readonly ConcurrentQueue<string> _requests = new();
        private readonly ConcurrentQueue<string> _problems = new();
        private readonly List<IBrowserContext> _contexts = [];
        private readonly List<IPage> _pages = [];

        public ConcurrentBag<string> Secrets { get; } = [];

        /// <summary>A page in a context of its own (each person has their own browser).</summary>
        public async Task<IPage> OpenAsync(IBrowser browser, SiteProcess site)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = site.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
            });
            context.SetDefaultTimeout(Timeout);
            context.SetDefaultNavigationTimeout(60_000);
            context.Request += (_, request) => _requests.Enqueue(request.Url);
            var page = await context.NewPageAsync();
            page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    _problems.Enqueue($"CSP: {message.Text}");
                }
            };
            _contexts.Add(context);
            _pages.Add(page);
            return page;
        }

        /// <summary>Another tab of the browser <paramref name="page"/> is in.</summary>
        public async Task<IPage> OpenTabAsync(IPage page)
        {
            var tab = await page.Context.NewPageAsync();
            tab.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
            _pages.Add(tab);
            return tab;
        }

        public async Task AssertCleanAsync(SiteProcess site)
        {
            var origin = site.BaseAddress.GetLeftPart(UriPartial.Authority);
            var urls = _requests.ToList();
            var elsewhere = urls.Where(url => !url.StartsWith(origin + "/", StringComparison.Ordinal)).ToList();
            Assert.True(elsewhere.Count == 0, "Requests left the site's origin: " + string.Join(", ", elsewhere));

            // What reaches a server is the URL without its fragment.
            var reached = urls.Select(url => url.Split('#')[0]).ToList();
            Assert.DoesNotContain(reached, url => url.Contains("token", StringComparison.OrdinalIgnoreCase));
            foreach (var secret in Secrets.Where(s => s.Length >= 8))
            {
                Assert.DoesNotContain(reached, url => url.Contains(secret, StringComparison.OrdinalIgnoreCase)
                    || Uri.UnescapeDataString(url).Contains(secret, StringComparison.OrdinalIgnoreCase));
            }

            foreach (var context in _contexts)
            {
                Assert.Empty(await context.CookiesAsync());
            }

            // Nothing is stored but a reviewer's session, in the review console's own tab.
            foreach (var page in _pages)
            {
                Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
                var stored = await page.EvaluateAsync<string[]>("Object.keys(sessionStorage)");
                Assert.All(stored, key => Assert.Equal("nearmiss.review.session", key));
                Assert.True(stored.Length == 0 || new Uri(page.Url).AbsolutePath.StartsWith("/review/", StringComparison.Ordinal), $"{page.Url} stores {string.Join(", ", stored)}");
            }

            Assert.True(_problems.IsEmpty, string.Join(Environment.NewLine, _problems));
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+/review/case\.html#id=[A-Za-z0-9%._~-]+")]
    private static partial Regex CaseLink();

    [GeneratedRegex(@"https?://[^\s""'<>]+/review/#token=[A-Za-z0-9%._~-]+")]
    private static partial Regex SignInLink();

    [GeneratedRegex(@"/review/#case=")]
    private static partial Regex WantedCase();

    [GeneratedRegex("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){5}$")]
    private static partial Regex ReceiptPattern();
}
