namespace NearMiss.Core.Pii;

/// <summary>
/// A training text as speech-to-text would give it (decision 085): all lower case, with no double quote and no full
/// stop, comma, question or exclamation mark, colon or semicolon before a space, at the end or before another such
/// mark, the gold spans moved with their words. Punctuation inside a gold span stays ("St. Paul", "Okafor, J."), and so
/// do stops inside a word ("5.56", "3:15"). The tagger learns from both the text and its copy, so a name or place it has
/// seen written it also knows said.
/// </summary>
internal static class PiiSpokenCopy
{
    /// <summary>The spoken copy of <paramref name="training"/>, or null for a text with no upper-case letter (it reads as speech already).</summary>
    public static PiiTrainingText? Of(PiiTrainingText training)
    {
        var text = training.Text;
        if (!text.Any(char.IsUpper))
        {
            return null;
        }

        var inSpan = new bool[text.Length];
        foreach (var span in training.Spans)
        {
            inSpan.AsSpan(span.Start, span.End - span.Start).Fill(true);
        }

        var dropped = new bool[text.Length + 1];
        for (var i = text.Length - 1; i >= 0; i--)
        {
            dropped[i] = !inSpan[i] && (Quotes.Contains(text[i]) || Stops.Contains(text[i]) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || dropped[i + 1]));
        }

        var moved = new int[text.Length + 1];
        var copy = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            moved[i] = copy.Length;
            if (!dropped[i])
            {
                copy.Append(char.ToLowerInvariant(text[i]));
            }
        }

        moved[text.Length] = copy.Length;
        var spans = training.Spans.Select(span => span with { Start = moved[span.Start], End = moved[span.End] }).ToList();
        return new PiiTrainingText(copy.ToString(), spans);
    }

    private const string Stops = ".,?!;:";

    private const string Quotes = "\"\u201C\u201D";
}
