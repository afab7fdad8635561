namespace NearMiss.Core.Pii;

/// <summary>Ids said aloud in groups with "dash" between, wherever their word stood: "it's twenty four dash zero three three one seven".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Words that, a few words before, make an id said in groups a case's or a report's number.</summary>
    private static readonly WordSet CaseWords = new(["case", "report", "incident", "event", "cad", "complaint", "arrest", "citation", "warrant", "docket", "file"]);

    /// <summary>
    /// Number words in two groups or more with "dash" between, seven words or more in all: the shape of an id read out
    /// (a case number after "hang on, it's", a report's). A CASE_NUMBER when a word of a case stands within twelve words
    /// before it, else OTHER_ID; a phone's or an SSN's own rules come first.
    /// </summary>
    private void SpokenDashedIds(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("dash") || !TextHas(NumberWords))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (!IsNumberWord(k) || IsNumberWord(k - 1) && Spaced(k - 1, k) || EqAny(k - 1, "dash", "point"))
            {
                continue;
            }

            var words = 0;
            var groups = 0;
            var last = -1;
            var n = k;
            while (true)
            {
                var start = n;
                while (n < count && IsNumberWord(n) && (n == start || Spaced(n - 1, n)))
                {
                    n++;
                }

                if (n == start)
                {
                    break;
                }

                words += n - start;
                groups++;
                last = n - 1;
                if (!Eq(n, "dash") || !IsNumberWord(n + 1))
                {
                    break;
                }

                n++;
            }

            if (groups >= 2 && words >= 7 && !In(Counted, last + 1))
            {
                var cased = false;
                for (var j = Math.Max(0, k - 12); j < k && !cased; j++)
                {
                    cased = In(CaseWords, j);
                }

                AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[last].End, cased ? PiiLabel.CaseNumber : PiiLabel.OtherId));
            }

            k = Math.Max(k, last);
        }
    }
}
