namespace NearMiss.Core.Pii;

/// <summary>Forum and chat handles: "Posted by razorback_deputy_09", "Post #2 · Grant_in_Garden_City".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A handle written with underscores between its words or numbers, as forums and chats show usernames
    /// ("razorback_deputy_09", "Grant_in_Garden_City"), is an identifier of the person (OTHER_ID); not part of an e-mail
    /// address or a web address.
    /// </summary>
    private void Handles(List<PiiSpan> spans, List<PiiSpan> added)
    {
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
            if (shaped && !addressBefore && !addressAfter && !capitalsOnly && !FieldName(start, end) && !Overlaps(spans, start, end) && !Overlaps(added, start, end))
            {
                added.Add(new PiiSpan(start, end, PiiLabel.OtherId));
            }

            at = end;
        }
    }

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
}
