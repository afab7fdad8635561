namespace NearMiss.Core.Pii;

/// <summary>Forum and chat handles: "Posted by razorback_deputy_09", "Post #2 · Grant_in_Garden_City", "u/TwinCitiesTAC", "CornfieldDep319 wrote:".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A handle written with underscores between its words or numbers, as forums and chats show usernames
    /// ("razorback_deputy_09", "Grant_in_Garden_City"), is an identifier of the person (OTHER_ID); not part of an e-mail
    /// address or a web address.
    /// </summary>
    private void Handles(List<PiiSpan> spans, List<PiiSpan> added)
    {
        HandlesByPlace(spans, added);
        if (text.IndexOf('_') < 0)
        {
            return;
        }

        for (var at = text.IndexOf('_'); at >= 0; at = text.IndexOf('_', at + 1))
        {
            var start = at;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
            {
                start--;
            }

            var end = at;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            // Not part of an e-mail or web address or a file's name ("john_doe@…", "my_file.txt"), nor a placeholder or a
            // constant in capitals ("[OTHER_ID]", "CASE_NUMBER").
            var addressBefore = start > 0 && text[start - 1] is '@' or '.' or '/' or '\\' or '[';
            var addressAfter = end < text.Length && text[end] == '@' || end + 1 < text.Length && text[end] == '.' && char.IsAsciiLetter(text[end + 1]);
            var capitalsOnly = !text.AsSpan(start, end - start).ContainsAnyInRange('a', 'z');
            var shaped = end - start >= 5 && char.IsAsciiLetter(text[start]) && text[end - 1] != '_';
            if (shaped && !addressBefore && !addressAfter && !capitalsOnly && !FieldName(start, end) && !AnonymousLabel(text.AsSpan(start, end - start)) && !Overlaps(spans, start, end) && !Overlaps(added, start, end))
            {
                added.Add(new PiiSpan(start, end, PiiLabel.OtherId));
            }

            at = end - 1; // (the next search starts at the end, which may be the text's own: "client_")
        }
    }

    /// <summary>"User_1", "Guest_12": a meeting app's label for someone it does not name, a word and a number.</summary>
    private static bool AnonymousLabel(ReadOnlySpan<char> handle) =>
        handle.IndexOf('_') is > 0 and var at && at + 1 < handle.Length && !handle[(at + 1)..].ContainsAnyExceptInRange('0', '9')
        && AnonymousLabelWords.Contains(handle[..at]);

    private static readonly WordSet AnonymousLabelWords = new(["user", "guest", "caller", "speaker", "participant", "attendee", "host", "phone", "device", "unknown"]);

    /// <summary>A name of a field or a file in lower case, every part an ordinary word ("client_ip", "street_name"): no one's handle.</summary>
    private bool FieldName(int start, int end)
    {
        foreach (var range in text.AsSpan(start, end - start).Split('_'))
        {
            var part = text.AsSpan(start, end - start)[range];
            foreach (var c in part)
            {
                if (!char.IsAsciiLetterLower(c))
                {
                    return false;
                }
            }

            if (part.Length > 2 && !lexicon.IsEnglish(part, lexicon.Get(part)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Handles where forums put them, written as one word: any after "u/" ("u/redwood_rural_deputy"); one with a digit, an
    /// underscore or a capital inside ("CornfieldDep319", "BakerCoK9") after "posted by", "post by", "reply from",
    /// "[–]" or before "wrote:". A name ("Posted by Mike") is left to the rules for names.
    /// </summary>
    private void HandlesByPlace(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // A forum's marks ("u/", "[–]") or its words ("posted by", "wrote:") first: most texts have none.
        // (a search for one character first: the searches for two and three are dearer)
        if (!(text.Contains('/') && text.Contains("u/", StringComparison.Ordinal)) && !(text.Contains('[') && (text.Contains("[–]", StringComparison.Ordinal) || text.Contains("[-]", StringComparison.Ordinal)))
            && !TextHasWord("wrote") && !TextHasWord("post") && !TextHasWord("posted") && !TextHasWord("reply") && !TextHasWord("replied"))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (!IsWord(k) && tokens[k].Kind != TokenKind.Alnum)
            {
                continue;
            }

            // (most tokens stand after a word other than "by" or "from", and open no line before "wrote" or an underscore)
            var afterMark = k > 0 && tokens[k - 1].Kind == TokenKind.Punct;
            var user = afterMark && P(k - 1, '/') && Eq(k - 2, "u") && tokens[k - 1].End == tokens[k].Start && tokens[k - 2].End == tokens[k - 1].Start
                && (tokens[k - 2].Start == 0 || !char.IsLetterOrDigit(text[tokens[k - 2].Start - 1]));
            var posted = !afterMark && (Eq(k - 1, "by") || Eq(k - 1, "from")) && EqAny(k - 2, "posted", "post", "reply", "replied");
            var placed = user || posted
                || afterMark && P(k - 1, ']') && k >= 3 && (P(k - 2, '–') || P(k - 2, '-') || P(k - 2, '+')) && P(k - 3, '[');
            if (!placed && !((Eq(k + 1, "wrote") || P(k + 1, '_')) && LineStart(k)))
            {
                continue;
            }

            // (a dot or a hyphen inside a handle placed by a forum's words: "mike.kowalski19", "k-9.handler")
            var end = tokens[k].Start;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'
                || posted && text[end] is '.' or '-' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1])))
            {
                end++;
            }

            var last = k;
            while (last + 1 < count && tokens[last + 1].End <= end)
            {
                last++;
            }

            placed |= (k == 0 || LineStart(k)) && Eq(last + 1, "wrote") && (last + 2 >= count || P(last + 2, ':'));
            var handle = text.AsSpan(tokens[k].Start, end - tokens[k].Start);
            // (after "posted by", a word in lower case that is no English word is a handle too: "tjwhitehorse")
            var shaped = user || IsHandleShaped(handle) || posted && (handle.Contains('.') || last == k && tokens[k].Has(TokenFlags.Lower) && !English(k) && !Overlaps(spans, tokens[k].Start, end));
            if (placed && handle.Length >= 4 && char.IsAsciiLetter(handle[0]) && shaped && !Overlaps(added, tokens[k].Start, end))
            {
                // (what was read inside the handle goes with it: "TwinCitiesTAC", "OldSarge_Ret")
                var start = tokens[k].Start;
                RemoveWithin(spans, start, end);
                if (!Overlaps(spans, start, end))
                {
                    added.Add(new PiiSpan(start, end, PiiLabel.OtherId));
                }
            }

            k = last;
        }
    }

    /// <summary>A digit, an underscore, or a capital after a small letter inside ("BakerCoK9", "TwinCitiesTAC"); not a word in capitals.</summary>
    private static bool IsHandleShaped(ReadOnlySpan<char> handle)
    {
        for (var i = 1; i < handle.Length; i++)
        {
            if (char.IsAsciiDigit(handle[i]) || handle[i] == '_' || char.IsAsciiLetterUpper(handle[i]) && char.IsAsciiLetterLower(handle[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A forum's name after "r/" ("r/ProtectAndServe", "r/CorrectionsOfficers"): a place on the web, not a person's.</summary>
    private bool IsSubredditName(PiiSpan span)
    {
        var f = FirstToken(span.Start);
        return f >= 2 && f < count && tokens[f].Start == span.Start && P(f - 1, '/') && Eq(f - 2, "r") && tokens[f - 1].Start == tokens[f - 2].End && tokens[f].Start == tokens[f - 1].End;
    }
}
