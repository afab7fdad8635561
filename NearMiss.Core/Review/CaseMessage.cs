namespace NearMiss.Core.Review;

/// <summary>A message on a case. <c>From</c> is <c>reviewer</c>, <c>reporter</c> or <c>note</c> (reviewers only); dated to the month.</summary>
public sealed record CaseMessage(string From, string Text, string On)
{
    public const string Reviewer = "reviewer";
    public const string Reporter = "reporter";
    public const string Note = "note";
}
