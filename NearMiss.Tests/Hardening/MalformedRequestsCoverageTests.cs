namespace NearMiss.Tests.Hardening;

/// <summary>The fuzz knows every HTTP function the trigger attributes declare: a new endpoint without its requests fails here.</summary>
public sealed class MalformedRequestsCoverageTests
{
    private static readonly FuzzContext Context = new(
        new string('a', 32), new string('b', 32), "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "c3", "r@example.org", "l@example.gov", "r.r.r", "s.s.s", "l.l.l", "2026-01");

    [Fact]
    public void Generator_SendsToEveryHttpFunctionAndMethodOfTheCatalog()
    {
        var generated = new MalformedRequests(Context, MalformedRequestFuzzTests.DefaultSeed).Endpoints.Order().ToList();

        Assert.Equal(MalformedRequestFuzzTests.HttpEndpoints().Order().ToList(), generated);
    }

    [Fact]
    public void Generate_IsTheSameForTheSameSeed_AndEveryPostOrPutCarriesADefect()
    {
        var first = new MalformedRequests(Context, 7).Generate(20);
        var again = new MalformedRequests(Context, 7).Generate(20);

        Assert.Equal(first.Select(r => r.ToString()), again.Select(r => r.ToString()));
        Assert.All(first.Where(r => r.Method is "POST" or "PUT"), r => Assert.True(r.MustReject && r.Body is not null && r.Defects.Count > 0, r.ToString()));
    }

    [Fact]
    public void DefectsOfTheText_AreInTheBytesSent()
    {
        var requests = new MalformedRequests(Context, MalformedRequestFuzzTests.DefaultSeed).Generate(100);

        IEnumerable<string> Bodies(string defect) =>
            requests.Where(r => r.Defects.Contains(defect) && r.Defects.Count == 1).Select(r => System.Text.Encoding.UTF8.GetString(r.Body!));

        Assert.All(Bodies("lone surrogate in a value"), body => Assert.Matches(@"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", body));
        Assert.All(Bodies("raw control character in a string"), body => Assert.Contains(body, c => c < 0x20 && c is not ('\t' or '\n' or '\r')));
        Assert.All(Bodies("deep nesting"), body => Assert.True(Depth(body) > 16, body));
        Assert.All(new[] { "lone surrogate in a value", "raw control character in a string", "deep nesting" }, defect => Assert.NotEmpty(Bodies(defect)));
    }

    private static int Depth(string json)
    {
        var (depth, deepest) = (0, 0);
        foreach (var c in json)
        {
            depth += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }
}
