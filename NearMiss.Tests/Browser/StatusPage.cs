using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace NearMiss.Tests.Browser;

/// <summary>The reporter's status page, checked again and again as a reporter would while the background work runs.</summary>
public static class StatusPage
{
    /// <summary>How long background work (a batch window of a second, the queue's polling, the scan) may take on a busy machine.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Presses "Check status" until the status shown is no longer <paramref name="waiting"/>; returns the status shown
    /// last. The receipt must already be in its field. A lookup that shows no status at all fails the test.
    /// </summary>
    public static async Task<string> CheckUntilAsync(IPage page, string waiting)
    {
        var check = page.GetByRole(AriaRole.Button, new() { Name = "Check status" });
        var words = page.Locator("#status-words");
        var shown = "";
        var deadline = DateTime.UtcNow + Within;
        while (DateTime.UtcNow < deadline)
        {
            await page.RunAndWaitForResponseAsync(
                () => check.ClickAsync(),
                response => response.Url.EndsWith("/api/receipts/status", StringComparison.Ordinal));
            await Expect(page.Locator("#result, #lookup-message, #err-receipt").Locator("visible=true")).Not.ToHaveCountAsync(0);
            if (!await page.Locator("#result").IsVisibleAsync())
            {
                var message = await page.Locator("#lookup-message, #err-receipt").Locator("visible=true").AllTextContentsAsync();
                Assert.Fail("The status page showed no status: " + string.Join(" ", message));
            }

            shown = (await words.TextContentAsync() ?? "").Trim();
            if (shown != waiting)
            {
                return shown;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return shown;
    }
}
