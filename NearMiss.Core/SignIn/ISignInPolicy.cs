namespace NearMiss.Core.SignIn;

/// <summary>
/// Who may sign in to one console and what the link opens: the only per-audience part of sign-in by one-time link
/// (<see cref="OneTimeLinks"/> does the rest, the same for every console).
/// </summary>
public interface ISignInPolicy
{
    /// <summary>The console, as the queue message and the link's path name it: <c>review</c>, <c>staff</c> or <c>library</c>.</summary>
    string Audience { get; }

    /// <summary>What the e-mail calls the console ("review console").</summary>
    string Place { get; }

    /// <summary>The table that keeps this console's pending links, by the SHA-256 of the token.</summary>
    string LinkTable { get; }

    /// <summary>
    /// The account <paramref name="address"/> signs in to, or null when it may not sign in here. Runs in the
    /// queue function, never in the request, so what it reads, writes or e-mails is not seen in the request's time.
    /// </summary>
    Task<SignInAccount?> AdmitAsync(string address, CancellationToken cancellationToken);
}

/// <summary>An account a link may be sent to: its opaque id and its address as stored (normalised).</summary>
public sealed record SignInAccount(string Id, string Email);

/// <summary>A console whose links are exchanged for a session of type <typeparamref name="TSession"/>.</summary>
public interface ISignInPolicy<TSession> : ISignInPolicy
    where TSession : class
{
    /// <summary>The session of the account a consumed link named, or null when the account may no longer sign in.</summary>
    Task<TSession?> OpenAsync(string accountId, CancellationToken cancellationToken);
}
