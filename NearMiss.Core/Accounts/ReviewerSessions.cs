using System.Text.Json;

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using NearMiss.Core.Security;

namespace NearMiss.Core.Accounts;

/// <summary>
/// Reviewer access tokens: JWTs signed with HMAC-SHA256, issuer <c>nearmiss</c>, audience <c>nearmiss-review</c>,
/// <c>sub</c> the reviewer id, claims <c>email</c>, <c>stages</c> and <c>staff</c>, valid 8 hours. The signing key is derived
/// from <c>NearMiss:Keys:Signing</c> for this audience alone (<see cref="SigningKeys"/>), so a token of any
/// other audience (a future reader token, <c>nearmiss-library</c>) fails the signature check here even before
/// its audience is looked at.
/// </summary>
public sealed class ReviewerSessions : IReviewerAuthenticator
{
    public const string Issuer = "nearmiss";
    public const string Audience = "nearmiss-review";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const int MaxTokenLength = 4096;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly SymmetricSecurityKey _key;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public ReviewerSessions(IOptions<KeyOptions> keys, TimeProvider time)
    {
        _time = time;
        _key = new SymmetricSecurityKey(SigningKeys.ForAudience(KeyOptions.Decode(keys.Value.Signing), Audience));
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [JwtConstants.HeaderType],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) => IsCurrent(notBefore, expires),
        };
    }

    /// <summary>A signed access token for <paramref name="reviewer"/>, valid <see cref="Lifetime"/> from now.</summary>
    public string IssueAccessToken(Reviewer reviewer)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            TokenType = JwtConstants.HeaderType,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = reviewer.Id,
                [JwtRegisteredClaimNames.Email] = reviewer.Email,
                ["stages"] = reviewer.Stages.Order().ToArray(),
                ["staff"] = reviewer.Staff,
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The reviewer of a valid <c>Bearer</c> token, or null.</summary>
    public Reviewer? Authenticate(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null
            || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || authorizationHeader.Length > scheme.Length + MaxTokenLength)
        {
            return null;
        }

        return Validate(authorizationHeader[scheme.Length..].Trim());
    }

    /// <summary>The reviewer of a valid access token, or null.</summary>
    public Reviewer? Validate(string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }

        // With a fixed symmetric key, validation does no I/O: the task has completed when it returns.
        var result = _handler.ValidateTokenAsync(token, _validation).GetAwaiter().GetResult();
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        if (string.IsNullOrEmpty(jwt.Subject)
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email)
            || string.IsNullOrEmpty(email)
            || !TryGetStages(jwt, out var stages))
        {
            return null;
        }

        return new Reviewer(jwt.Subject, email, stages)
        {
            Staff = jwt.TryGetPayloadValue<bool>("staff", out var staff) && staff,
        };
    }

    /// <summary>Lifetime against the injected clock (the handler's own check would read the system clock).</summary>
    private bool IsCurrent(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end
            && now < end.ToUniversalTime() + ClockSkew
            && (notBefore is not { } start || start.ToUniversalTime() <= now + ClockSkew);
    }

    private static bool TryGetStages(JsonWebToken jwt, out IReadOnlySet<int> stages)
    {
        stages = new HashSet<int>();
        if (!jwt.TryGetPayloadValue<JsonElement>("stages", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var set = new HashSet<int>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var stage) || !ReviewerDirectory.KnownStages.Contains(stage))
            {
                return false;
            }

            set.Add(stage);
        }

        stages = set;
        return set.Count > 0;
    }
}
