using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using NearMiss.Core.Security;

namespace NearMiss.Core.Library;

/// <summary>
/// Reader access tokens: JWTs signed with HMAC-SHA256, issuer <c>nearmiss</c>, audience <c>nearmiss-library</c>,
/// <c>sub</c> the reader id and nothing else, valid 8 hours. The key is derived from <c>NearMiss:Keys:Signing</c>
/// for this audience alone (<see cref="SigningKeys"/>), so a reviewer token (<c>nearmiss-review</c>) fails the
/// signature check here, and a reader token fails it in the review console.
/// </summary>
public sealed class ReaderSessions : IReaderAuthenticator
{
    public const string Issuer = "nearmiss";
    public const string Audience = "nearmiss-library";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const int MaxTokenLength = 4096;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly SymmetricSecurityKey _key;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public ReaderSessions(IOptions<KeyOptions> keys, TimeProvider time)
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

    /// <summary>A signed access token for <paramref name="reader"/>, valid <see cref="Lifetime"/> from now.</summary>
    public string IssueAccessToken(Reader reader)
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
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = reader.Id },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The reader of a valid <c>Bearer</c> token, or null.</summary>
    public Reader? Authenticate(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null
            || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || authorizationHeader.Length > scheme.Length + MaxTokenLength)
        {
            return null;
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        if (token.Length == 0)
        {
            return null;
        }

        // With a fixed symmetric key, validation does no I/O: the task has completed when it returns.
        var result = _handler.ValidateTokenAsync(token, _validation).GetAwaiter().GetResult();
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.Subject is { Length: > 0 } subject && subject.StartsWith("l-", StringComparison.Ordinal)
            ? new Reader(subject)
            : null;
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
