namespace NearMiss.Core.Review;

/// <summary>An automated finding: where in which field, and what kind. The matched text is never kept.</summary>
public sealed record Finding(string Field, int Start, int End, string Label);
