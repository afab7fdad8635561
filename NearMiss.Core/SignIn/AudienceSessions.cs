using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

using NearMiss.Core.Security;

namespace NearMiss.Core.SignIn;

/// <summary>
/// Access tokens of one console (<see cref="AudienceTokens"/>: signed under a key derived for this audience alone,
/// valid 8 hours). A console says only which claims its token carries and how it reads them back.
/// </summary>
public abstract class AudienceSessions<TAccount>(IOptions<KeyOptions> keys, TimeProvider time, string audience)
    where TAccount : class
{
    public static readonly TimeSpan Lifetime = AudienceTokens.Lifetime;

    private readonly AudienceTokens _tokens = new(keys.Value.Signing, audience, time);

    /// <summary>A signed access token for <paramref name="account"/>, valid <see cref="Lifetime"/> from now.</summary>
    public string IssueAccessToken(TAccount account) => _tokens.Issue(Claims(account));

    /// <summary>The account of a valid <c>Bearer</c> token, or null; the token alone (the console's authenticator checks the account too).</summary>
    public TAccount? Authenticate(string? authorizationHeader) => _tokens.ValidateBearer(authorizationHeader) is { } jwt ? Read(jwt) : null;

    /// <summary>The account of a valid access token, or null.</summary>
    public TAccount? Validate(string token) => _tokens.Validate(token) is { } jwt ? Read(jwt) : null;

    protected abstract Dictionary<string, object> Claims(TAccount account);

    protected abstract TAccount? Read(JsonWebToken jwt);

    /// <summary>The account version a token carries (<c>ver</c>), or -1 when it carries none.</summary>
    protected static int Version(JsonWebToken jwt) => jwt.TryGetPayloadValue<int>("ver", out var version) ? version : -1;
}
