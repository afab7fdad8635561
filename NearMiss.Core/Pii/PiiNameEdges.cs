namespace NearMiss.Core.Pii;

/// <summary>
/// The edges of a name as chats, logs and forms write it, after every other step has found the name (decision 086): a
/// handle's first part joined by a dot ("d.malik", "hodan.aden"), a capital initial that opens a bracket, a line or a
/// logged turn ("[J Renfro]", "[3:12 AM] J Renfro:"), and a name written surname first ("VILLANUEVA, Jaime"). The name's
/// span takes them in; the label is the name's.
/// </summary>
internal static class PiiNameEdges
{
    public static List<PiiSpan> Join(List<PiiSpan> spans, string text)
    {
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            if (span.Label != PiiLabel.Person)
            {
                continue;
            }

            var start = HandleStart(text, span.Start);
            start = start == span.Start ? InitialStart(text, span.Start) : start;
            if (start == span.Start)
            {
                continue;
            }

            // A name found for the first part ("hodan" of "hodan.aden") becomes one with the rest; any other span there
            // keeps its place.
            var before = spans.FindIndex(other => other.Start < span.Start && other.End > start);
            if (before >= 0)
            {
                if (spans[before].Label != PiiLabel.Person || spans[before].Start < start)
                {
                    continue;
                }

                spans.RemoveAt(before);
                s -= before < s ? 1 : 0;
            }

            spans[s] = span with { Start = start };
        }

        return JoinSurnamesFirst(spans, text);
    }

    /// <summary>
    /// A name written surname first, a comma between ("WARSAME, Abdirahman", "Price, Danielle" after "From:"), found as two
    /// names: one span, comma and all, where the surname opens a line or a field or is in capitals.
    /// </summary>
    private static List<PiiSpan> JoinSurnamesFirst(List<PiiSpan> spans, string text)
    {
        for (var s = spans.Count - 1; s > 0; s--)
        {
            var (first, second) = (spans[s - 1], spans[s]);
            if (first.Label != PiiLabel.Person || second.Label != PiiLabel.Person || second.Start != first.End + 2 || text[first.End] != ',' || text[first.End + 1] != ' '
                || text.AsSpan(first.Start, first.End - first.Start).Contains(' ') || !(OpensField(text, first.Start) || IsCapitals(text.AsSpan(first.Start, first.End - first.Start))))
            {
                continue;
            }

            spans[s - 1] = first with { End = second.End };
            spans.RemoveAt(s);
        }

        return spans;
    }

    /// <summary>Does the text at <paramref name="start"/> open a line or a field ("Inmate: ", "[")?</summary>
    private static bool OpensField(string text, int start)
    {
        var k = start - 1;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        return k < 0 || text[k] is '\n' or ':' or '[' or '(';
    }

    private static bool IsCapitals(ReadOnlySpan<char> word) => word.Length > 1 && !word.ContainsAnyInRange('a', 'z');

    /// <summary>
    /// "d.malik", "hodan.aden": small letters and a dot just before the name, opening a word; where they start ("U.S.
    /// Magistrate" stays).
    /// </summary>
    private static int HandleStart(string text, int start)
    {
        if (start < 2 || text[start - 1] != '.')
        {
            return start;
        }

        var first = start - 1;
        while (first > 0 && char.IsAsciiLetterLower(text[first - 1]))
        {
            first--;
        }

        return first < start - 1 && (first == 0 || text[first - 1] is ' ' or '\n' or '[' or '(' or '@' or '<') ? first : start;
    }

    /// <summary>
    /// "[J Renfro]", "[3:12 AM] J Renfro:", a line opening "T Oyelaran:": a capital letter and a space just before the
    /// name; where it starts ("I" and "A" are words).
    /// </summary>
    private static int InitialStart(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ' || !char.IsAsciiLetterUpper(text[start - 2]) || text[start - 2] is 'I' or 'A')
        {
            return start;
        }

        var initial = start - 2;
        return initial == 0 || text[initial - 1] is '\n' or '[' or '(' || initial >= 2 && text[initial - 1] == ' ' && text[initial - 2] == ']' ? initial : start;
    }
}
