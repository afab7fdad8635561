using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Accounts;
using NearMiss.Core.Library;
using NearMiss.Core.Reports;
using NearMiss.Core.SignIn;
using NearMiss.Tests.Browser;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Accounts;

/// <summary>
/// Staff revoke accounts with the <c>nearmiss</c> command, and the sessions of a removed or changed account end at its
/// next request to <c>nearmiss serve</c>: reviewers, staff and readers.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Kind", "Azurite")]
public sealed partial class RevocationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServedSite _site = null!;
    private readonly string _staff = $"staff-{Guid.NewGuid():N}@example.org";

    private T Get<T>() where T : notnull => _site.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _site = await ServedSite.StartAsync(azurite.ConnectionString, "revoke", s =>
        {
            s["NearMiss:Staff:Emails"] = _staff;
            s["NearMiss:RateLimits:Enabled"] = "false";
        });
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Reviewer_RemovedWithTheCommand_IsSignedOutAtTheNextRequest()
    {
        var email = NewAddress();
        var token = Get<ReviewerSessions>().IssueAccessToken(await Get<ReviewerDirectory>().AddAsync(email, new HashSet<Stage> { Stage.One }, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/api/review/cases?stage=1", token));

        var (exit, output) = await CliAsync("reviewers", "remove", email);

        Assert.Equal((0, "removed"), (exit, output.Trim()));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/api/review/cases?stage=1", token));
        Assert.DoesNotContain(email, (await CliAsync("reviewers", "list")).Output);
        Assert.Equal(1, (await CliAsync("reviewers", "remove", email)).Exit);
    }

    [Fact]
    public async Task Reviewer_WhoseStagesWereReduced_LosesTheOldTokenAndANewOneHoldsOnlyTheNewStages()
    {
        var email = NewAddress();
        var old = Get<ReviewerSessions>().IssueAccessToken(await Get<ReviewerDirectory>().AddAsync(email, new HashSet<Stage> { Stage.One, Stage.Two }, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/api/review/cases?stage=2", old));

        Assert.Equal(0, (await CliAsync("reviewers", "add", email, "--stages", "1")).Exit);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/api/review/cases?stage=1", old));
        var fresh = Get<ReviewerSessions>().IssueAccessToken((await Get<ReviewerDirectory>().FindByEmailAsync(email, CancellationToken.None))!);
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/api/review/cases?stage=1", fresh));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync("/api/review/cases?stage=2", fresh));
    }

    [Fact]
    public async Task Staff_RemovedWithTheCommand_LoseTheDashboardAtTheNextRequest()
    {
        var reviewer = await Get<ReviewerDirectory>().AddAsync(_staff, new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var token = Get<ReviewerSessions>().IssueAccessToken(reviewer with { Staff = true });
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/api/staff/trends?from=2088-01&to=2088-02", token));

        Assert.Equal(0, (await CliAsync("reviewers", "remove", _staff)).Exit);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/api/staff/trends?from=2088-01&to=2088-02", token));
    }

    [Fact]
    public async Task Reader_RemovedWithTheCommand_IsSignedOutAtTheNextRequest()
    {
        var email = NewAddress();
        var token = Get<ReaderSessions>().IssueAccessToken(await Get<ReaderDirectory>().ApproveAsync(email, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/api/library", token));
        Assert.Contains($"{email}\tapproved\tmay-read", (await CliAsync("readers", "list")).Output);

        Assert.Equal(0, (await CliAsync("readers", "remove", email)).Exit);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/api/library", token));
        Assert.DoesNotContain(email, (await CliAsync("readers", "list")).Output);
    }

    [Fact]
    public async Task Reader_WhoseDomainIsDisallowed_IsSignedOutAtTheNextRequest_UnlessApprovedOneByOne()
    {
        var domain = $"pd{Guid.NewGuid():N}.example.gov";
        await Get<ReaderDirectory>().AllowDomainAsync(domain, CancellationToken.None);
        var onDomain = (await Get<ReaderDirectory>().EnsureAsync("officer@" + domain, CancellationToken.None))!.Value.Account;
        var approved = await Get<ReaderDirectory>().ApproveAsync("chief@" + domain, CancellationToken.None);
        var token = Get<ReaderSessions>().IssueAccessToken(new Reader(ReaderId.Parse(onDomain.Id)) { Version = onDomain.Version });
        var approvedToken = Get<ReaderSessions>().IssueAccessToken(approved);
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/api/library", token));

        var (exit, output) = await CliAsync("readers", "disallow-domain", domain);

        Assert.Equal((0, "disallowed"), (exit, output.Trim()));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/api/library", token));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/api/library", approvedToken));
        Assert.DoesNotContain(domain, (await CliAsync("readers", "domains")).Output);
        Assert.Contains($"officer@{domain}\tnot-approved\tmay-not-read", (await CliAsync("readers", "list")).Output);
    }

    [Fact]
    public async Task DemoReviewer_IsListedAsDemo()
    {
        var demo = await Get<ReviewerDirectory>().AddAsync(NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None, demo: true);
        var real = await Get<ReviewerDirectory>().AddAsync(NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);

        var listed = (await CliAsync("reviewers", "list")).Output.Split('\n');

        Assert.Contains($"{demo.Id}\t{demo.Email}\t1\tdemo", listed);
        Assert.Contains($"{real.Id}\t{real.Email}\t1", listed);
    }

    [Fact]
    public async Task ReaderRequest_StaffEmailCarriesOnlyARequestIdCommand_AndApprovingThatIdLetsTheAddressIn()
    {
        var email = NewAddress();
        Assert.Equal(HttpStatusCode.Accepted, await SignInAsync(email));

        var command = await Mailbox.WaitForLinkAsync(MailDirectory, _staff, ApproveCommand(), TimeSpan.FromSeconds(30));
        var requestId = ApproveCommand().Match(command).Groups["id"].Value;
        Assert.Contains($"{requestId}\t{email}", (await CliAsync("readers", "requests")).Output);
        Assert.All(MailLines().Where(l => l.Contains("nearmiss ", StringComparison.Ordinal)), l => Assert.DoesNotContain("@", l));

        var (exit, output) = await CliAsync("readers", "approve", requestId);

        Assert.Equal(0, exit);
        Assert.Contains(email, output);
        Assert.DoesNotContain(requestId, (await CliAsync("readers", "requests")).Output);
        Assert.Equal(HttpStatusCode.Accepted, await SignInAsync(email));
        await Mailbox.WaitForLinkAsync(MailDirectory, email, new Regex("#token="), TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await CliAsync("readers", "approve", "q-unknown000")).Exit);
    }

    [Theory]
    [InlineData("x$({touch,/tmp/p})@evil.example")]
    [InlineData("`touch${IFS}/tmp/p`@evil.example")]
    [InlineData("a|b@evil.example")]
    [InlineData("\"quoted\"@evil.example")]
    public async Task ReaderSignIn_AddressWithShellSyntax_Is400AndNothingIsStored(string email)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await SignInAsync(email));

        Assert.DoesNotContain("evil.example", (await CliAsync("readers", "list")).Output);
    }

    [Fact]
    public async Task ReaderRequest_MadeWhileNoStaffAddressIsConfigured_IsKeptAndStaffHearOfItAtTheNextRequest()
    {
        var email = NewAddress();
        var withoutStaff = new Dictionary<string, string?>(_site.Settings) { ["NearMiss:Staff:Emails"] = "" };
        await using (var unstaffed = TestServices.Create(withoutStaff))
        {
            await unstaffed.GetRequiredService<OneTimeLinks>().HandleAsync(LibraryRequest(email), CancellationToken.None);
        }

        var pending = Assert.Single(await Get<ReaderDirectory>().PendingRequestsAsync(CancellationToken.None), r => r.Email == email);
        Assert.Matches("^q-[a-z2-7]{10}$", pending.RequestId);

        await Get<OneTimeLinks>().HandleAsync(LibraryRequest(email), CancellationToken.None);

        var command = await Mailbox.WaitForLinkAsync(MailDirectory, _staff, ApproveCommand(), TimeSpan.FromSeconds(30));
        Assert.Contains(pending.RequestId, command);
    }

    /// <summary>The queue message of a library sign-in request, as the sign-in function queues it.</summary>
    private static string LibraryRequest(string email) => JsonSerializer.Serialize(new SignInRequest("library", email));

    private string MailDirectory => _site.MailDirectory;

    private IEnumerable<string> MailLines() =>
        Directory.GetFiles(MailDirectory, "*.eml").SelectMany(f => Mailbox.Readable(File.ReadAllText(f)).Split('\n'));

    private async Task<HttpStatusCode> SignInAsync(string email)
    {
        using var response = await _site.Http.PostAsJsonAsync("/api/readers/signin", new { email });
        return response.StatusCode;
    }

    [GeneratedRegex("nearmiss readers approve (?<id>q-[a-z2-7]{10})")]
    private static partial Regex ApproveCommand();

    private static string NewAddress() => $"revoke-{Guid.NewGuid():N}@example.org";

    private async Task<HttpStatusCode> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _site.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Runs <c>nearmiss</c> with the test's storage and keys in its environment, as staff would in a shell.</summary>
    private async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _site.ContentRoot };
        start.ArgumentList.Add(SiteProcess.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _site.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }
}
