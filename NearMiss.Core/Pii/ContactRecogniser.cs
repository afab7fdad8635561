namespace NearMiss.Core.Pii;

/// <summary>Contact details: e-mail addresses, web addresses and telephone numbers.</summary>
internal sealed class ContactRecogniser(PiiScan scan) : PiiRecogniser(scan)
{
    /// <summary>"jane.doe@city.gov": only where the whitespace-delimited run holds '@'.</summary>
    public int Email(int i)
    {
        ref var t = ref T(i);
        if (!scan.HasAtSign || !ContainsAt(t.Start))
        {
            return 0;
        }

        var length = PiiPatterns.MatchLength(PiiPatterns.Email(), text, t.Start, 256);
        return length > 0 ? EmitChars(t.Start, length, PiiLabel.Email) : 0;
    }

    /// <summary>"https://…", "www.…" (OTHER_ID), without trailing punctuation.</summary>
    public int Url(int i)
    {
        ref var t = ref T(i);
        if (text[t.Start] is not ('h' or 'H' or 'w' or 'W') || !EqAny(i, "http", "https", "www"))
        {
            return 0;
        }

        var length = PiiPatterns.MatchLength(PiiPatterns.Url(), text, t.Start, 256);
        if (length == 0)
        {
            return 0;
        }

        while (length > 0 && text[t.Start + length - 1] is '.' or ',' or ')' or ';')
        {
            length--;
        }

        return EmitChars(t.Start, length, PiiLabel.OtherId);
    }

    /// <summary>"(555) 123-4567", "+1 555 …": a phone number that opens with a bracket or a plus.</summary>
    public int PhoneFromPunct(int i)
    {
        var length = PhoneLengthAtPunct(i);
        return length > 0 && CountDigits(tokens[i].Start, length) >= 7 ? EmitChars(tokens[i].Start, length, PiiLabel.Phone) : 0;
    }

    /// <summary>The length of the phone pattern at a "(" or "+" before a number, or 0.</summary>
    public int PhoneLengthAtPunct(int i)
    {
        var c = text[tokens[i].Start];
        return (c == '(' || c == '+') && IsNum(i + 1) && Adj(i + 1) ? PiiPatterns.MatchLength(PiiPatterns.Phone(), text, tokens[i].Start) : 0;
    }

    /// <summary>"555-123-4567", "555.123.4567": 7 to 15 digits in the phone pattern.</summary>
    public int Phone(int i)
    {
        if (IsNum(i) && !(IsNumOfLength(i, 1, 5) && CharAfter(i) is '.' or '-' or ' '))
        {
            // At a number the pattern reads a group of up to five digits, then '.', '-' or a space before the next group.
            return 0;
        }

        var start = tokens[i].Start;
        var length = PiiPatterns.MatchLength(PiiPatterns.Phone(), text, start);
        if (length > 0)
        {
            var digits = CountDigits(start, length);
            if (digits is >= 7 and <= 15 && !TenCodes(text.AsSpan(start, length)))
            {
                return EmitChars(start, length, PiiLabel.Phone);
            }
        }

        return 0;
    }

    /// <summary>A radio code said again, no number to call: "10-33 10-33", "11-99 11-99 11-99".</summary>
    private static bool TenCodes(ReadOnlySpan<char> match)
    {
        foreach (var part in match.Split(' '))
        {
            var code = match[part];
            if (code.Length is < 4 or > 6 || code[0] != '1' || code[1] is not ('0' or '1') || code[2] != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"5551234567", "15551234567": ten digits, or eleven after a 1, in one number.</summary>
    public int BarePhone(int i)
    {
        ref var t = ref T(i);
        if (t.Length == 10 || (t.Length == 11 && text[t.Start] == '1'))
        {
            Emit(i, i + 1, PiiLabel.Phone);
            return i + 1;
        }

        return 0;
    }

    private bool ContainsAt(int start)
    {
        for (var k = start; k < text.Length && k < start + 128; k++)
        {
            var c = text[k];
            if (c == '@')
            {
                return true;
            }

            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return false;
    }
}
