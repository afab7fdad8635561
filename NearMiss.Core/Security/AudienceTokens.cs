using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NearMiss.Core.Security;

/// <summary>
/// Short-lived access tokens for one audience: JWTs signed with HMAC-SHA256 under a key derived from
/// <c>NearMiss:Keys:Signing</c> for that audience alone (<see cref="SigningKeys"/>), issuer <c>nearmiss</c>,
/// lifetime checked against the injected clock. A token of another audience fails the signature check.
/// Reviewer, staff and reader sessions are all built on this.
/// </summary>
public sealed class AudienceTokens
{
    public const string Issuer = "nearmiss";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const int MaxTokenLength = 4096;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly string _audience;
    private readonly TimeProvider _time;
    private readonly SymmetricSecurityKey _key;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AudienceTokens(string signingKeyBase64, string audience, TimeProvider time)
    {
        _audience = audience;
        _time = time;
        _key = new SymmetricSecurityKey(SigningKeys.ForAudience(KeyOptions.Decode(signingKeyBase64), audience));
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
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

    /// <summary>A signed token carrying <paramref name="claims"/>, valid <see cref="Lifetime"/> from now.</summary>
    public string Issue(IDictionary<string, object> claims)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = _audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            TokenType = JwtConstants.HeaderType,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The valid token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public JsonWebToken? ValidateBearer(string? authorizationHeader)
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

    /// <summary>The token if it is valid for this audience now, or null.</summary>
    public JsonWebToken? Validate(string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }

        // With a fixed symmetric key, validation does no I/O: the task has completed when it returns.
        var result = _handler.ValidateTokenAsync(token, _validation).GetAwaiter().GetResult();
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && !string.IsNullOrEmpty(jwt.Subject) ? jwt : null;
    }

    /// <summary>Lifetime against the injected clock (the handler's own check would read the system clock).</summary>
    private bool IsCurrent(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end
            && now < end.ToUniversalTime() + ClockSkew
            && (notBefore is not { } start || start.ToUniversalTime() <= now + ClockSkew);
    }
}
