using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

public sealed class PiiRedactionTests
{
    [Fact]
    public void Merge_OverlappingSpans_KeepsOneSpanWithTheLongerLabel()
    {
        var merged = PiiRedaction.Merge([new PiiSpan(5, 9, PiiLabel.Person), new PiiSpan(0, 7, PiiLabel.Agency), new PiiSpan(20, 22, PiiLabel.Age)]);

        Assert.Equal([new PiiSpan(0, 9, PiiLabel.Agency), new PiiSpan(20, 22, PiiLabel.Age)], merged);
    }

    [Fact]
    public void Redact_ReplacesSpansWithTypedPlaceholders()
    {
        const string text = "Ofc. Dan Ruiz of Springfield PD.";

        var redacted = PiiRedaction.Redact(text, [new PiiSpan(17, 31, PiiLabel.Agency), new PiiSpan(5, 13, PiiLabel.Person)]);

        Assert.Equal("Ofc. [PERSON] of [AGENCY].", redacted);
    }
}
