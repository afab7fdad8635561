using NearMiss.Core.Reports;

namespace NearMiss.Core.Accounts;

/// <summary>A reviewer as a request knows them: an opaque id (used in the audit trail), their address and stages.</summary>
public sealed record Reviewer(ReviewerId Id, string Email, IReadOnlySet<Stage> Stages)
{
    /// <summary>Whether the address is on the staff list (<c>NearMiss:Staff:Emails</c>) at sign-in: may read the trend figures.</summary>
    public bool Staff { get; init; }

    /// <summary>The account's version when this was read: a token carries it, and a change of the account makes it stale.</summary>
    public int Version { get; init; }

    /// <summary>A demo or seed account: it can review, but case notices are not sent to it.</summary>
    public bool Demo { get; init; }

    public bool Holds(Stage stage) => Stages.Contains(stage);
}

/// <summary>
/// Turns an <c>Authorization</c> header into the signed-in reviewer, or null: a valid token of an account that still
/// exists unchanged since the token was issued (checked on every request, so removing or changing an account ends its
/// sessions at once).
/// </summary>
public interface IReviewerAuthenticator
{
    Task<Reviewer?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken);
}
