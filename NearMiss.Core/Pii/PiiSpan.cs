namespace NearMiss.Core.Pii;

/// <summary>A flagged span of text: UTF-16 offsets into the scanned string, end exclusive.</summary>
public readonly record struct PiiSpan(int Start, int End, PiiLabel Label)
{
    public int Length => End - Start;
}
