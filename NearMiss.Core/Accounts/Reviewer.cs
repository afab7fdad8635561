namespace NearMiss.Core.Accounts;

/// <summary>A reviewer as a request knows them: an opaque id (used in the audit trail), their address and stages.</summary>
public sealed record Reviewer(string Id, string Email, IReadOnlySet<int> Stages)
{
    /// <summary>Whether the address is on the staff list (<c>NearMiss:Staff:Emails</c>) at sign-in: may read the trend figures.</summary>
    public bool Staff { get; init; }

    public bool Holds(int stage) => Stages.Contains(stage);
}

/// <summary>Turns an <c>Authorization</c> header into the signed-in reviewer, or null.</summary>
public interface IReviewerAuthenticator
{
    Reviewer? Authenticate(string? authorizationHeader);
}
