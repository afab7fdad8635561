namespace NearMiss.Tests.Infrastructure;

/// <summary>
/// The kind of a test class, as its <c>[Trait("Kind", ...)]</c>: <c>Azurite</c> (storage, or <c>nearmiss serve</c>),
/// <c>Browser</c> (Chromium), <c>Infra</c> (the Bicep CLI). A class without the trait is a unit test: no process,
/// no network. <c>./test.sh --unit</c> runs only those and sets <c>NEARMISS_TEST_KIND=unit</c>, so a test that
/// reaches for Azurite, Chromium or Bicep without its trait fails instead of passing slowly.
/// </summary>
public static class TestKind
{
    public const string Trait = "Kind";
    public const string Azurite = "Azurite";
    public const string Browser = "Browser";
    public const string Infra = "Infra";

    /// <summary>Throws when the run is unit-only: the caller needs <paramref name="kind"/>, which the run excludes.</summary>
    public static void Require(string kind)
    {
        if (Environment.GetEnvironmentVariable("NEARMISS_TEST_KIND") == "unit")
        {
            throw new InvalidOperationException(
                $"This test needs {kind} but its class has no [Trait(\"{Trait}\", \"{kind}\")]; add the trait so that unit-only runs leave it out.");
        }
    }
}
