using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

using NearMiss.Core.Reports;
using NearMiss.Core.Security;
using NearMiss.Core.SignIn;

namespace NearMiss.Core.Library;

/// <summary>
/// Reader access tokens: audience <c>nearmiss-library</c>, <c>sub</c> the reader id and <c>ver</c> the account's
/// version, nothing else. A reviewer token fails the signature check here, and a reader token in the review console.
/// </summary>
public sealed class ReaderSessions(IOptions<KeyOptions> keys, TimeProvider time) : AudienceSessions<Reader>(keys, time, "nearmiss-library")
{
    protected override Dictionary<string, object> Claims(Reader reader) =>
        new() { [JwtRegisteredClaimNames.Sub] = reader.Id.Value, ["ver"] = reader.Version };

    protected override Reader? Read(JsonWebToken jwt) =>
        ReaderId.TryParse(jwt.Subject, out var id) ? new Reader(id) { Version = Version(jwt) } : null;
}
