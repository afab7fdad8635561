using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.Extensions.DependencyInjection;

using MimeKit;

using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Library;
using NearMiss.Functions.Library;
using NearMiss.Tests.Infrastructure;

using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Library;

/// <summary>Reader sign-in: allowed domains, one-off approval and the one-time link.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed partial class ReaderSignInTests : IAsyncLifetime
{
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "nearmiss-mail-" + Guid.NewGuid().ToString("N"));
    private readonly string _domain = "pd" + Guid.NewGuid().ToString("N")[..8] + ".example.gov";
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;

    public ReaderSignInTests(AzuriteFixture azurite)
    {
        _services = azurite.CreateServices(
            services =>
            {
                services.Configure<EmailOptions>(o => o.PickupDirectory = _mail);
                services.Configure<PublicSiteOptions>(o => o.PublicBaseUrl = "https://nearmiss.example/");
                services.Configure<StaffOptions>(o => o.Emails = "staff@nearmiss.example");
            },
            _logs);
    }

    public Task InitializeAsync() => SignInQueue.ClearAsync(_services);

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_mail))
        {
            Directory.Delete(_mail, recursive: true);
        }
    }

    /// <summary>Asks for a link, then works the sign-in queue as the host would.</summary>
    private async Task<int> SignInAsync(string email)
    {
        var status = Unpack(await ActivatorUtilities.CreateInstance<ReaderSignInFunction>(_services).Run(Json(new JsonObject { ["email"] = email }), CancellationToken.None)).Status;
        await SignInQueue.DrainAsync(_services);
        return status;
    }

    private async Task<(int Status, object? Value)> SessionAsync(string token) =>
        Unpack(await ActivatorUtilities.CreateInstance<ReaderSessionFunction>(_services).Run(Json(new JsonObject { ["token"] = token }), CancellationToken.None));

    private async Task<List<MimeMessage>> MailsAsync(string to)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(_mail) ? Directory.GetFiles(_mail) : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == to))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    [Fact]
    public async Task ReaderSignIn_AllowedDomain_EmailsALinkThatExchangesOnceForAReaderToken()
    {
        await _services.GetRequiredService<ReaderDirectory>().AllowDomainAsync(_domain, CancellationToken.None);
        var address = "officer@" + _domain;

        Assert.Equal(202, await SignInAsync(address.ToUpperInvariant()));

        var link = LinkPattern().Match(Assert.Single(await MailsAsync(address)).TextBody ?? "");
        Assert.True(link.Success, "the e-mail carries a library link with the token in the fragment");
        var (status, value) = await SessionAsync(link.Groups["token"].Value);
        Assert.Equal(200, status);
        var accessToken = Assert.IsType<ReaderSessionResponse>(value).AccessToken;
        Assert.NotNull(await _services.GetRequiredService<IReaderAuthenticator>().AuthenticateAsync("Bearer " + accessToken, CancellationToken.None));
        Assert.Null(await _services.GetRequiredService<IReviewerAuthenticator>().AuthenticateAsync("Bearer " + accessToken, CancellationToken.None));
        Assert.Equal(401, (await SessionAsync(link.Groups["token"].Value)).Status);
    }

    [Fact]
    public async Task ReaderSignIn_UnknownDomain_SendsNoLinkAndTellsStaffOnceUntilApproved()
    {
        var address = "someone@" + _domain;

        Assert.Equal(202, await SignInAsync(address));
        Assert.Equal(202, await SignInAsync(address));

        Assert.Empty(await MailsAsync(address));
        var staff = Assert.Single(await MailsAsync("staff@nearmiss.example"));
        Assert.Contains(address, staff.TextBody ?? "");
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(_domain, StringComparison.OrdinalIgnoreCase));

        await _services.GetRequiredService<ReaderDirectory>().ApproveAsync(address, CancellationToken.None);
        Assert.Equal(202, await SignInAsync(address));

        Assert.Matches(LinkPattern(), Assert.Single(await MailsAsync(address)).TextBody ?? "");
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b@example.gov")]
    [InlineData("a\u0000@example.gov")]
    [InlineData("<script>alert(1)</script>")]
    public async Task ReaderSignIn_NotAnAddress_Is400AndTellsNobody(string email)
    {
        Assert.Equal(400, await SignInAsync(email));

        Assert.Empty(Directory.Exists(_mail) ? Directory.GetFiles(_mail) : []);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>window.__xss=1</script>aaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\ufeff")]
    public async Task ReaderSession_UnknownToken_Returns401(string token)
    {
        Assert.Equal(401, (await SessionAsync(token)).Status);
    }

    [GeneratedRegex(@"https://nearmiss\.example/library/#token=(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
