using NearMiss.Cli.Seed;
using NearMiss.Core.Intake;

namespace NearMiss.Tests.Review;

/// <summary>The demo corpus <c>nearmiss seed</c> publishes: written per report, not assembled from fragments.</summary>
public sealed class DemoCorpusTests
{
    [Fact]
    public void DemoCorpus_HasFortyDistinctReports_CoveringEveryCallType()
    {
        var corpus = DemoReports.All;
        var callTypes = FormVersion1.Definition.Questions.Single(q => q.Id == "callType").Options.Select(o => o.Value);

        Assert.True(corpus.Count >= 40);
        Assert.Equal(corpus.Count, corpus.Select(r => r.Narrative).Distinct().Count());
        Assert.Equal(corpus.Count, corpus.Select(r => r.Title).Distinct().Count());
        Assert.Equal(corpus.Count, corpus.Select(r => r.Summary).Distinct().Count());
        Assert.All(callTypes, t => Assert.Contains(corpus, r => (string?)r.Answers["callType"] == t));
        Assert.All(corpus, r => Assert.InRange(r.Narrative.Split(' ').Length, 80, 200));
    }
}
