using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Security;

namespace NearMiss.Tests.Accounts;

public sealed class ReviewerSessionsTests
{
    private static readonly Reviewer Alice = new(ReviewerId.Parse("r-abcdefghij"), "alice@example.org", new HashSet<Stage> { Stage.One });

    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    private ReviewerSessions Sessions(byte[]? key = null, TimeProvider? time = null) =>
        new(Options.Create(new KeyOptions { Signing = Convert.ToBase64String(key ?? _signingKey) }), time ?? _time);

    [Fact]
    public void Authenticate_IssuedToken_ReturnsTheReviewer()
    {
        var sessions = Sessions();

        var reviewer = sessions.Authenticate("Bearer " + sessions.IssueAccessToken(Alice));

        Assert.NotNull(reviewer);
        Assert.Equal((Alice.Id, Alice.Email), (reviewer.Id, reviewer.Email));
        Assert.Equal([1], reviewer.Stages.Order().Select(s => s.Number));
    }

    [Fact]
    public void Authenticate_TokenCarriesIssuerAudienceAndEightHourLifetime()
    {
        var token = new JsonWebToken(Sessions().IssueAccessToken(Alice));

        Assert.Equal(("nearmiss", "nearmiss-review", "HS256"), (token.Issuer, token.Audiences.Single(), token.Alg));
        Assert.Equal(TimeSpan.FromHours(8), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public void Authenticate_WithoutBearerScheme_ReturnsNull()
    {
        var sessions = Sessions();

        Assert.Null(sessions.Authenticate(sessions.IssueAccessToken(Alice)));
        Assert.Null(sessions.Authenticate(null));
        Assert.Null(sessions.Authenticate("Bearer "));
    }

    [Fact]
    public void Authenticate_TamperedPayload_ReturnsNull()
    {
        var sessions = Sessions();
        var parts = sessions.IssueAccessToken(Alice).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("[1]", "[1,2]");
        Assert.Contains("[1,2]", payload);

        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Null(sessions.Authenticate("Bearer " + tampered));
    }

    [Fact]
    public void Authenticate_ExpiredToken_ReturnsNull()
    {
        var sessions = Sessions();
        var token = sessions.IssueAccessToken(Alice);

        _time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        Assert.Null(sessions.Authenticate("Bearer " + token));
    }

    [Fact]
    public void Authenticate_TokenFromTheFuture_ReturnsNull()
    {
        var later = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromHours(1));
        var token = Sessions(time: later).IssueAccessToken(Alice);

        Assert.Null(Sessions().Authenticate("Bearer " + token));
    }

    [Fact]
    public void Authenticate_TokenSignedWithAnotherKey_ReturnsNull()
    {
        var token = Sessions(RandomNumberGenerator.GetBytes(32)).IssueAccessToken(Alice);

        Assert.Null(Sessions().Authenticate("Bearer " + token));
    }

    [Theory]
    [InlineData("nearmiss-review")] // the audience is right but the key is the library's
    [InlineData("nearmiss-library")]
    public void Authenticate_ReaderTokenOfTheSameSigningKey_ReturnsNull(string audience)
    {
        var readerKey = SigningKeys.ForAudience(_signingKey, "nearmiss-library");

        var token = Create(readerKey, audience);

        Assert.Null(Sessions().Authenticate("Bearer " + token));
    }

    [Fact]
    public void Authenticate_WrongAudienceWithTheReviewKey_ReturnsNull()
    {
        var token = Create(SigningKeys.ForAudience(_signingKey, "nearmiss-review"), "nearmiss-library");

        Assert.Null(Sessions().Authenticate("Bearer " + token));
    }

    [Fact]
    public void Authenticate_ControlTokenBuiltTheSameWay_IsAccepted()
    {
        var token = Create(SigningKeys.ForAudience(_signingKey, "nearmiss-review"), "nearmiss-review");

        Assert.NotNull(Sessions().Authenticate("Bearer " + token));
    }

    [Fact]
    public void Authenticate_UnsignedToken_ReturnsNull()
    {
        var parts = Sessions().IssueAccessToken(Alice).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");

        Assert.Null(Sessions().Authenticate($"Bearer {header}.{parts[1]}."));
    }

    [Fact]
    public void Authenticate_OtherAlgorithmWithTheSameKey_ReturnsNull()
    {
        var key = SigningKeys.ForAudience(_signingKey, "nearmiss-review");
        var parts = Create(key, "nearmiss-review").Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"HS512","typ":"JWT"}""");
        var signature = Base64UrlEncoder.Encode(HMACSHA512.HashData(key, Encoding.ASCII.GetBytes($"{header}.{parts[1]}")));

        Assert.Null(Sessions().Authenticate($"Bearer {header}.{parts[1]}.{signature}"));
    }

    private string Create(byte[] key, string audience)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "nearmiss",
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = Alice.Id.Value, ["email"] = Alice.Email, ["stages"] = new[] { 1, 2 } },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
