using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

using NearMiss.Core.Security;

namespace NearMiss.Core.Library;

/// <summary>
/// Reader access tokens: JWTs signed with HMAC-SHA256, issuer <c>nearmiss</c>, audience <c>nearmiss-library</c>,
/// <c>sub</c> the reader id and <c>ver</c> the account's version, nothing else, valid 8 hours. The key is derived from <c>NearMiss:Keys:Signing</c>
/// for this audience alone (<see cref="SigningKeys"/>), so a reviewer token (<c>nearmiss-review</c>) fails the
/// signature check here, and a reader token fails it in the review console.
/// </summary>
public sealed class ReaderSessions(IOptions<KeyOptions> keys, TimeProvider time)
{
    public const string Issuer = AudienceTokens.Issuer;
    public const string Audience = "nearmiss-library";
    public static readonly TimeSpan Lifetime = AudienceTokens.Lifetime;

    private readonly AudienceTokens _tokens = new(keys.Value.Signing, Audience, time);

    /// <summary>A signed access token for <paramref name="reader"/>, valid <see cref="Lifetime"/> from now.</summary>
    public string IssueAccessToken(Reader reader) =>
        _tokens.Issue(new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = reader.Id, ["ver"] = reader.Version });

    /// <summary>The reader of a valid <c>Bearer</c> token, or null; the token alone (<see cref="ReaderAuthenticator"/> checks the account too).</summary>
    public Reader? Authenticate(string? authorizationHeader) =>
        _tokens.ValidateBearer(authorizationHeader) is { } jwt && jwt.Subject.StartsWith("l-", StringComparison.Ordinal)
            ? new Reader(jwt.Subject) { Version = jwt.TryGetPayloadValue<int>("ver", out var version) ? version : -1 }
            : null;
}
