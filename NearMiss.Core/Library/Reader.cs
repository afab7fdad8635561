using NearMiss.Core.Reports;

namespace NearMiss.Core.Library;

/// <summary>A signed-in library reader as a request knows them: an opaque id and nothing else.</summary>
public sealed record Reader(ReaderId Id)
{
    /// <summary>The account's version when the token was issued: a change of the account makes the token stale.</summary>
    public int Version { get; init; }
}

/// <summary>
/// Turns an <c>Authorization</c> header into the signed-in reader, or null: a valid token of an account that still
/// exists unchanged and may still read (its domain allowed or the address approved), checked on every request.
/// </summary>
public interface IReaderAuthenticator
{
    Task<Reader?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken);
}
