using Microsoft.Playwright;

namespace NearMiss.Tests.Browser;

/// <summary>A phone's width: no page may scroll sideways at 390 CSS pixels.</summary>
public static class NarrowScreen
{
    public const int Width = 390;

    /// <summary>Narrows <paramref name="page"/> to a phone and asserts nothing on it is wider than the screen.</summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        await page.SetViewportSizeAsync(Width, 844);
        var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
        Assert.True(width <= Width, $"{what} is {width} px wide on a {Width} px screen.");
    }
}

/// <summary>The pages as a signed-out visitor first sees them, on a phone.</summary>
[Trait("Kind", "Browser")]
[Collection(Infrastructure.AzuriteCollection.Name)]
public sealed class NarrowScreenInBrowserTests(Infrastructure.AzuriteFixture fixture)
{
    [Fact]
    public async Task EveryPage_FitsA390PxScreen_WithoutSidewaysScrolling()
    {
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = NarrowScreen.Width, Height = 844 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        foreach (var (path, ready) in new[]
                 {
                     ("/", "#report:not([hidden])"), ("/status.html", "h1"), ("/library/", "#signin:not([hidden])"),
                     ("/review/", "#signin-view:not([hidden])"), ($"/review/case.html#id={new string('a', 32)}", "#signin-view:not([hidden])"),
                     ("/staff/", "#signin-view:not([hidden])"),
                 })
        {
            await page.GotoAsync(path);
            await page.Locator(ready).First.WaitForAsync();
            await NarrowScreen.AssertFitsAsync(page, path);
        }
    }
}
