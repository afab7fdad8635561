using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using MimeKit;

using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Reports;
using NearMiss.Core.SignIn;
using NearMiss.Functions.Accounts;
using NearMiss.Tests.Infrastructure;

using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Accounts;

/// <summary>Sign-in by one-time link, through the function classes as the host invokes them.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed partial class ReviewerSignInTests : IAsyncLifetime
{
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "nearmiss-mail-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;

    public ReviewerSignInTests(AzuriteFixture azurite)
    {
        _services = azurite.CreateServices(
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);

                // The clock here only moves when a test moves it; the response floor has tests of its own.
                services.Configure<ResponseFloorOptions>(o => o.SignInMilliseconds = 0);
                services.Configure<EmailOptions>(o => o.PickupDirectory = _mail);
                services.Configure<PublicSiteOptions>(o => o.PublicBaseUrl = "https://nearmiss.example/");
            },
            _logs);
    }

    private T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public Task InitializeAsync() => SignInQueue.ClearAsync(_services);

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_mail))
        {
            Directory.Delete(_mail, recursive: true);
        }
    }

    private async Task<Reviewer> AddReviewerAsync(params int[] stages) =>
        await _services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), stages.Select(Stage.Parse).ToHashSet(), CancellationToken.None);

    /// <summary>Asks for a link, then works the sign-in queue as the host would.</summary>
    private async Task<(int Status, object? Value)> SignInAsync(string email)
    {
        var answer = Unpack(await Function<ReviewerAccess>().SignIn(Json(new JsonObject { ["email"] = email }), CancellationToken.None));
        await SignInQueue.DrainAsync(_services);
        return answer;
    }

    private async Task<(int Status, object? Value)> SessionAsync(string token) =>
        Unpack(await Function<ReviewerAccess>().Session(Json(new JsonObject { ["token"] = token }), CancellationToken.None));

    private string[] Mails() => Directory.Exists(_mail) ? Directory.GetFiles(_mail) : [];

    /// <summary>Signs in by e-mail and returns the one-time token from the link in the e-mail.</summary>
    private async Task<string> TokenFromEmailAsync(Reviewer reviewer)
    {
        var (status, _) = await SignInAsync(reviewer.Email);
        Assert.Equal(202, status);
        var file = Assert.Single(Mails());
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(reviewer.Email, message.To.Mailboxes.Single().Address);
        var link = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, "the e-mail carries the sign-in link");
        return link.Groups["token"].Value;
    }

    [Fact]
    public async Task SignIn_KnownReviewer_EmailsALinkThatExchangesForASession()
    {
        var reviewer = await AddReviewerAsync(1, 2);
        var token = await TokenFromEmailAsync(reviewer);

        var (status, value) = await SessionAsync(token);

        Assert.Equal(200, status);
        var json = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!;
        Assert.Equal(reviewer.Id.Value, (string)json["reviewer"]!["id"]!);
        Assert.Equal(reviewer.Email, (string)json["reviewer"]!["email"]!);
        Assert.Equal("[1,2]", json["reviewer"]!["stages"]!.ToJsonString());
        var signedIn = await _services.GetRequiredService<IReviewerAuthenticator>().AuthenticateAsync("Bearer " + (string)json["accessToken"]!, CancellationToken.None);
        Assert.Equal(reviewer.Id, signedIn?.Id);
    }

    [Fact]
    public async Task SignIn_Response_IsAnEmptyObject()
    {
        var reviewer = await AddReviewerAsync(1);

        var (status, value) = await SignInAsync(reviewer.Email);

        Assert.Equal(202, status);
        Assert.Equal("{}", JsonSerializer.Serialize(value));
    }

    [Fact]
    public async Task Session_ReplayedLink_IsRefused()
    {
        var token = await TokenFromEmailAsync(await AddReviewerAsync(1));
        Assert.Equal(200, (await SessionAsync(token)).Status);

        var (status, _) = await SessionAsync(token);

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Session_LinkUsedTwiceAtOnce_OnlyOneWins()
    {
        var token = await TokenFromEmailAsync(await AddReviewerAsync(1));
        var (links, review) = (_services.GetRequiredService<OneTimeLinks>(), _services.GetRequiredService<ReviewerSignIn>());

        var sessions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => links.ExchangeAsync(review, token, CancellationToken.None)));

        Assert.Single(sessions, s => s.IsOk);
    }

    [Fact]
    public async Task Session_ExpiredLink_IsRefused()
    {
        var token = await TokenFromEmailAsync(await AddReviewerAsync(1));

        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Assert.Equal(401, (await SessionAsync(token)).Status);
    }

    [Fact]
    public async Task Session_LinkJustBeforeExpiry_IsAccepted()
    {
        var token = await TokenFromEmailAsync(await AddReviewerAsync(1));

        _time.Advance(TimeSpan.FromMinutes(14));

        Assert.Equal(200, (await SessionAsync(token)).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Session_UnknownOrMalformedToken_Is401(string token) =>
        Assert.Equal(401, (await SessionAsync(token)).Status);

    [Fact]
    public async Task Session_TamperedLink_IsRefused()
    {
        var token = await TokenFromEmailAsync(await AddReviewerAsync(1));
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        Assert.Equal(401, (await SessionAsync(tampered)).Status);
        Assert.Equal(200, (await SessionAsync(token)).Status);
    }

    [Fact]
    public async Task SignIn_UnknownAddress_Answers202AndSendsNothing()
    {
        var (status, value) = await SignInAsync(ReviewerDirectoryTests.NewAddress());

        Assert.Equal(202, status);
        Assert.Equal("{}", JsonSerializer.Serialize(value));
        Assert.Empty(Mails());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"email":42}""")]
    [InlineData("""{"email":"  "}""")]
    public async Task SignIn_BadBody_Is400(string body) =>
        Assert.Equal(400, Unpack(await Function<ReviewerAccess>().SignIn(Raw(body), CancellationToken.None)).Status);

    [Theory]
    [InlineData("""{"email":"not-an-address"}""", "email")]
    [InlineData("""{"email":"a@b@example.org"}""", "email")]
    [InlineData("""{"email":"a b@example.org"}""", "email")]
    [InlineData("""{"email":"a\u0000@example.org"}""", "email")]
    [InlineData("""{"email":"someone@example.org","console":"review"}""", "console")]
    [InlineData("""{"email":"someone@example.org","console":true}""", "console")]
    public async Task SignIn_NotAnAddress_OrAConsoleOtherThanStaff_Is400OnThatField(string body, string field)
    {
        var (status, value) = Unpack(await Function<ReviewerAccess>().SignIn(Raw(body), CancellationToken.None));

        Assert.Equal((400, field), (status, Assert.IsType<ValidationProblemDetails>(value).Errors.Keys.Single()));
        Assert.Empty(Mails());
    }

    [Fact]
    public async Task SignIn_ForAReviewerWithAConsoleThatIsNotStaff_SendsNoLink()
    {
        var reviewer = await AddReviewerAsync(1);

        var (status, _) = Unpack(await Function<ReviewerAccess>().SignIn(Json(new JsonObject { ["email"] = reviewer.Email, ["console"] = "stafff" }), CancellationToken.None));

        Assert.Equal(400, status);
        Assert.Empty(Mails());
    }

    [Theory]
    [InlineData("<script>window.__xss=1</script>")]
    [InlineData("=")]
    [InlineData("\u0000")]
    [InlineData("\ufeff")]
    public async Task Session_WithATokenOfTheRightLengthButOtherCharacters_Is401(string junk) =>
        Assert.Equal(401, (await SessionAsync(junk.PadRight(43, 'a'))).Status);

    [Fact]
    public async Task Session_MissingToken_Is400() =>
        Assert.Equal(400, Unpack(await Function<ReviewerAccess>().Session(Raw("{}"), CancellationToken.None)).Status);

    [Fact]
    public async Task SignInAndSession_LogNeitherAddressNorTokens()
    {
        var reviewer = await AddReviewerAsync(1);
        var token = await TokenFromEmailAsync(reviewer);
        var (_, value) = await SessionAsync(token);
        var accessToken = (string)JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!["accessToken"]!;
        await SignInAsync("unknown-" + reviewer.Email);

        var logged = string.Join('\n', _logs.Lines);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(reviewer.Email, logged, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, logged);
        Assert.DoesNotContain(accessToken, logged);
    }

    [GeneratedRegex(@"https://nearmiss\.example/review/#token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
