namespace NearMiss.Core.Library;

/// <summary>
/// Library requests: the token (<see cref="ReaderSessions"/>) and then the account behind it, on every request. A
/// removed account, one changed since the token was issued, or one whose domain is no longer allowed (and that staff
/// did not approve one by one) is signed out at once.
/// </summary>
public sealed class ReaderAuthenticator(ReaderSessions sessions, ReaderDirectory directory) : IReaderAuthenticator
{
    public async Task<Reader?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (sessions.Authenticate(authorizationHeader) is not { } claimed
            || await directory.FindByIdAsync(claimed.Id.Value, cancellationToken) is not { } account
            || account.Version != claimed.Version
            || !await directory.MayReadAsync(account, cancellationToken))
        {
            return null;
        }

        return claimed;
    }
}
