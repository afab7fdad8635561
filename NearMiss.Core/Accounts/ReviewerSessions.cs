using System.Text.Json;

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

using NearMiss.Core.Security;

namespace NearMiss.Core.Accounts;

/// <summary>
/// Reviewer access tokens: JWTs signed with HMAC-SHA256, issuer <c>nearmiss</c>, audience <c>nearmiss-review</c>,
/// <c>sub</c> the reviewer id, claims <c>email</c>, <c>stages</c>, <c>staff</c> and <c>ver</c> (the account's version), valid 8 hours. The signing key is derived
/// from <c>NearMiss:Keys:Signing</c> for this audience alone (<see cref="SigningKeys"/>), so a token of any
/// other audience (a future reader token, <c>nearmiss-library</c>) fails the signature check here even before
/// its audience is looked at.
/// </summary>
public sealed class ReviewerSessions(IOptions<KeyOptions> keys, TimeProvider time)
{
    public const string Issuer = AudienceTokens.Issuer;
    public const string Audience = "nearmiss-review";
    public static readonly TimeSpan Lifetime = AudienceTokens.Lifetime;

    private readonly AudienceTokens _tokens = new(keys.Value.Signing, Audience, time);

    /// <summary>A signed access token for <paramref name="reviewer"/>, valid <see cref="Lifetime"/> from now.</summary>
    public string IssueAccessToken(Reviewer reviewer) => _tokens.Issue(new Dictionary<string, object>
    {
        [JwtRegisteredClaimNames.Sub] = reviewer.Id,
        [JwtRegisteredClaimNames.Email] = reviewer.Email,
        ["stages"] = reviewer.Stages.Order().ToArray(),
        ["staff"] = reviewer.Staff,
        ["ver"] = reviewer.Version,
    });

    /// <summary>The reviewer of a valid <c>Bearer</c> token, or null; the token alone (<see cref="ReviewerAuthenticator"/> checks the account too).</summary>
    public Reviewer? Authenticate(string? authorizationHeader) => FromToken(_tokens.ValidateBearer(authorizationHeader));

    /// <summary>The reviewer of a valid access token, or null.</summary>
    public Reviewer? Validate(string token) => FromToken(_tokens.Validate(token));

    private static Reviewer? FromToken(JsonWebToken? jwt)
    {
        if (jwt is null
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email)
            || string.IsNullOrEmpty(email)
            || !TryGetStages(jwt, out var stages))
        {
            return null;
        }

        return new Reviewer(jwt.Subject, email, stages)
        {
            Staff = jwt.TryGetPayloadValue<bool>("staff", out var staff) && staff,
            Version = jwt.TryGetPayloadValue<int>("ver", out var version) ? version : -1,
        };
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
