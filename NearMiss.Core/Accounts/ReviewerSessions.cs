using System.Text.Json;

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

using NearMiss.Core.Reports;
using NearMiss.Core.Security;
using NearMiss.Core.SignIn;

namespace NearMiss.Core.Accounts;

/// <summary>
/// Reviewer access tokens: audience <c>nearmiss-review</c>, <c>sub</c> the reviewer id, claims <c>email</c>,
/// <c>stages</c>, <c>staff</c> and <c>ver</c> (the account's version). A token of any other audience (a reader's,
/// <c>nearmiss-library</c>) fails the signature check here even before its audience is looked at.
/// </summary>
public sealed class ReviewerSessions(IOptions<KeyOptions> keys, TimeProvider time) : AudienceSessions<Reviewer>(keys, time, Audience)
{
    public const string Audience = "nearmiss-review";

    protected override Dictionary<string, object> Claims(Reviewer reviewer) => new()
    {
        [JwtRegisteredClaimNames.Sub] = reviewer.Id.Value,
        [JwtRegisteredClaimNames.Email] = reviewer.Email,
        ["stages"] = reviewer.Stages.Order().Select(s => s.Number).ToArray(),
        ["staff"] = reviewer.Staff,
        ["ver"] = reviewer.Version,
    };

    protected override Reviewer? Read(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email)
            || string.IsNullOrEmpty(email)
            || !TryGetStages(jwt, out var stages)
            || !ReviewerId.TryParse(jwt.Subject, out var id))
        {
            return null;
        }

        return new Reviewer(id, email, stages)
        {
            Staff = jwt.TryGetPayloadValue<bool>("staff", out var staff) && staff,
            Version = Version(jwt),
        };
    }

    private static bool TryGetStages(JsonWebToken jwt, out IReadOnlySet<Stage> stages)
    {
        stages = new HashSet<Stage>();
        if (!jwt.TryGetPayloadValue<JsonElement>("stages", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var set = new HashSet<Stage>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number) || !Stage.TryParse(number, out var stage))
            {
                return false;
            }

            set.Add(stage);
        }

        stages = set;
        return set.Count > 0;
    }
}
