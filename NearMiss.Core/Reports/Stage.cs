namespace NearMiss.Core.Reports;

/// <summary>The two review stages: 1 (redact and coarsen) and 2 (verify and publish), and the four-eyes pairing of them.</summary>
public static class Stage
{
    public const int One = 1;

    public const int Two = 2;

    /// <summary>The stages that exist.</summary>
    public static readonly IReadOnlySet<int> Known = new HashSet<int> { One, Two };

    public static bool IsKnown(int stage) => stage is One or Two;

    /// <summary>The stage the four-eyes rule pairs with <paramref name="stage"/>.</summary>
    public static int Other(int stage) => stage == One ? Two : One;
}
