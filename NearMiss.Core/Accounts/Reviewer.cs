namespace NearMiss.Core.Accounts;

/// <summary>A reviewer as a request knows them: an opaque id (used in the audit trail), their address and stages.</summary>
public sealed record Reviewer(string Id, string Email, IReadOnlySet<int> Stages)
{
    public bool Holds(int stage) => Stages.Contains(stage);
}

/// <summary>Turns an <c>Authorization</c> header into the signed-in reviewer, or null.</summary>
public interface IReviewerAuthenticator
{
    Reviewer? Authenticate(string? authorizationHeader);
}
