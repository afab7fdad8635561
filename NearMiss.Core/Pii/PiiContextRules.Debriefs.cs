namespace NearMiss.Core.Pii;

/// <summary>
/// A debrief as an interview transcribes it (decision 088): the interviewer asks for one thing at a time ("Q: time?",
/// "interviewer: case number.") and the officer answers it alone on the next turn; a person is named, then spelled, then
/// aged, each in a sentence of its own ("lev abramovich. sixty seven.").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// The answer to a question that asks for one field by its name alone: "Q: time?\nA: 1410.", "Q: case?\nA:
    /// 24-ktp-0912.", "interviewer: incident number?\nofficer: p-23-118204.", "Q: your call sign?\nA: g-14." The
    /// question is the field's words and at most two more ("your", "the") ending its line or closed by a question mark
    /// or a stop; the answer is the next speaker's first words, and only when they have the field's shape: a clock time
    /// of four digits or with a colon, an id of letters and digits joined by hyphens with three digits at least, a call
    /// sign with a digit.
    /// </summary>
    private void FieldAnswers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':') || !TextHasWord("time") && !TextHasWord("case") && !TextHasWord("number") && !TextHasWord("sign") && !TextHasWord("where") && !TextHasWord("location"))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsWord(k) || !(P(k + 1, '?') || P(k + 1, '.') || tokens[k + 1].Has(TokenFlags.NewlineBefore)))
            {
                continue;
            }

            var label = AskedField(k, out var asked);
            if (label is not { } field || !AskedAlone(asked))
            {
                continue;
            }

            var n = AnswerStart(k);
            if (n >= count || n <= k + 1 || !TurnStart(n) || !P(n - 1, ':'))
            {
                continue; // (a turn with its speaker's label: the answer is another's)
            }

            n = AfterFiller(n);
            n += EqAny(n, "about", "around", "approximately", "like") ? 1 : 0;
            var end = AnswerShapeEnd(n, field);
            if (end <= n)
            {
                continue;
            }

            // (in place of a part of it found as something else: "p-23-118204" is no phone's "23-118204")
            var answer = new PiiSpan(tokens[n].Start, tokens[end - 1].End, field);
            if (!OverlapsBeyond(spans, answer) && !Overlaps(added, answer.Start, answer.End))
            {
                RemoveWithin(spans, answer.Start, answer.End);
                added.Add(answer);
            }
        }
    }

    /// <summary>The field a question ending at <paramref name="k"/> names, and the token its name starts at.</summary>
    private PiiLabel? AskedField(int k, out int asked)
    {
        asked = k;
        if (Eq(k, "time"))
        {
            return PiiLabel.Time;
        }

        if (Eq(k, "case") || Eq(k, "number") && EqAny(k - 1, "case", "incident", "report", "warrant", "event", "complaint", "arrest", "file", "control", "cad"))
        {
            asked = Eq(k, "number") ? k - 1 : k;
            return PiiLabel.CaseNumber;
        }

        if (EqAny(k, "where", "location"))
        {
            return PiiLabel.Location;
        }

        if (Eq(k, "callsign") || Eq(k, "sign") && Eq(k - 1, "call"))
        {
            asked = Eq(k, "sign") ? k - 1 : k;
            return PiiLabel.BadgeId;
        }

        return null;
    }

    /// <summary>Does the question's line hold only the field's name, a speaker's label and at most two words before it ("your", "the")?</summary>
    private bool AskedAlone(int asked)
    {
        var j = asked;
        for (var before = 0; before <= 2; before++)
        {
            if (j == 0 || tokens[j].Has(TokenFlags.NewlineBefore) || P(j - 1, ':') && TurnStart(j))
            {
                return true;
            }

            if (!EqAny(j - 1, "your", "the", "his", "her", "and", "what", "whats", "okay", "ok"))
            {
                return false;
            }

            j--;
        }

        return false;
    }

    /// <summary>The end (exclusive) of an answer of the field's shape at <paramref name="n"/>, or <paramref name="n"/>.</summary>
    private int AnswerShapeEnd(int n, PiiLabel field)
    {
        if (field == PiiLabel.Location)
        {
            return PlaceAnswerEnd(n);
        }

        var last = n;
        while (last + 2 < count && P(last + 1, '-') && tokens[last + 1].Start == tokens[last].End && tokens[last + 2].Start == tokens[last + 1].End && tokens[last + 2].Kind != TokenKind.Punct)
        {
            last += 2;
        }

        int digits = 0;
        for (var j = n; j <= last; j++)
        {
            digits += tokens[j].Digits;
        }

        var closed = last + 1 >= count || tokens[last + 1].Has(TokenFlags.NewlineBefore) || P(last + 1, '.') || P(last + 1, ',') || P(last + 1, ';')
            || IsWord(last + 1) && tokens[last + 1].Is(Lex.Stop) && Spaced(last, last + 1);
        if (!closed || tokens[n].Kind == TokenKind.Punct)
        {
            return n;
        }

        return field switch
        {
            PiiLabel.Time => last == n && tokens[n].Kind == TokenKind.Number && tokens[n].Length == 4 && int.Parse(W(n), System.Globalization.CultureInfo.InvariantCulture) is var hhmm
                && hhmm / 100 <= 23 && hhmm % 100 <= 59 ? n + 1 : n,
            PiiLabel.CaseNumber => digits >= 3 && tokens[last].End - tokens[n].Start <= 24 ? last + 1 : n,
            _ => digits >= 1 && tokens[last].End - tokens[n].Start <= 10 && (last > n || tokens[n].Kind != TokenKind.Number || tokens[n].Length >= 2) ? last + 1 : n,
        };
    }

    /// <summary>
    /// An age said in words as a sentence or a clause of its own right after a person's full name (or its spelling):
    /// "lev abramovich. sixty seven.", "andrei kuznetsov, thirty one, ma license", "d e s r a v i n e s. fifty two."; or
    /// in figures said apart, as speech-to-text may write it ("brandon kowalczyk, 3 8.", "marcus little dog, 30 1,"). A
    /// grown person's age, 13 to 99, closed as an age is ("thirty one feet" is none).
    /// </summary>
    private void WordedAgesAfterNames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('.') && !Shapes.HasPunct(','))
        {
            return;
        }

        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Person || !text.AsSpan(span.Start, span.Length).Contains(' ') || TokenEnding(span.End) is not (>= 0 and var end))
            {
                continue;
            }

            var n = end + 2;
            if (!(P(end + 1, '.') || P(end + 1, ',')) || n >= count || !(IsWord(n) && IsNumberWord(n) || tokens[n].Kind == TokenKind.Number && tokens[n].Length <= 2))
            {
                continue;
            }

            var age = IsWord(n) ? SpelledNumber(n, out var last, spaced: true) : DigitsApart(n, out last);
            if (age is >= 13 and <= 99 && AgeCloses(last + 1) && !Overlaps(spans, tokens[n].Start, tokens[last].End)
                && !Overlaps(added, tokens[n].Start, tokens[last].End))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[last].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>Words of places an answer to "where?" may end with, besides the premises' (<see cref="LowerPremiseHeads"/>).</summary>
    private static readonly WordSet AnsweredPlaceHeads = new(["center", "centre", "junction", "projects", "homes", "courts", "garage", "yard", "split", "mall"]);

    /// <summary>
    /// The end (exclusive) of a place named as the whole answer to "where?", or <paramref name="n"/>: a name and a word of
    /// place, no article before it ("A: ashmont station, the busway side", "A: cross county shopping center, the parking
    /// deck", "A: king of prussia mall"). A word of it is no English word, or two words at least stand before the head:
    /// "bus terminal" and "parking garage" name none.
    /// </summary>
    private int PlaceAnswerEnd(int n)
    {
        var last = n;
        while (last < count && last - n < 5 && IsWord(last) && (!tokens[last].Is(Lex.Stop) || Eq(last, "of") && last > n) && !IsFiller(last) && !IsNumberWord(last)
            && (last == n || Spaced(last - 1, last)))
        {
            if (last > n && (In(LowerPremiseHeads, last) || In(AnsweredPlaceHeads, last)))
            {
                break;
            }

            last++;
        }

        if (last <= n || last >= count || !IsWord(last) || !(In(LowerPremiseHeads, last) || In(AnsweredPlaceHeads, last)) || Eq(last - 1, "of"))
        {
            return n;
        }

        var named = last - n >= 2;
        for (var j = n; j < last && !named; j++)
        {
            named = !English(j);
        }

        var closed = last + 1 >= count || tokens[last + 1].Has(TokenFlags.NewlineBefore) || P(last + 1, '.') || P(last + 1, ',');
        return named && closed ? last + 1 : n;
    }

    /// <summary>
    /// A number of two figures said apart at <paramref name="n"/>: two single digits ("3 8" is 38) or the tens and a
    /// digit ("30 1" is 31); its value and last token, or 0 (a number of its own figures is not said apart).
    /// </summary>
    private int DigitsApart(int n, out int last)
    {
        last = n;
        if (n + 1 >= count || tokens[n + 1].Kind != TokenKind.Number || tokens[n + 1].Length != 1 || !Spaced(n, n + 1) || tokens[n].Kind != TokenKind.Number)
        {
            return 0;
        }

        var first = int.Parse(W(n), System.Globalization.CultureInfo.InvariantCulture);
        var second = text[tokens[n + 1].Start] - '0';
        last = n + 1;
        return tokens[n].Length == 1 ? first * 10 + second : first % 10 == 0 && second > 0 ? first + second : 0;
    }
}
