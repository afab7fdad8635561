namespace NearMiss.Core.Pii;

/// <summary>Finds text that could identify an officer, an agency or anyone else in a narrative.</summary>
public interface IPiiDetector
{
    /// <summary>Spans in UTF-16 offsets, sorted by start, not overlapping.</summary>
    IReadOnlyList<PiiSpan> Detect(string text);
}
