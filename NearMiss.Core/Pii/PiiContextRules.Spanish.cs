namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers said in Spanish, as a bilingual officer dictates them: an age ("tiene cuarenta y cuatro", "de treinta y un
/// años"), a time ("a las nueve y cuarenta", "como a las once y media"), a date ("el sábado veintitrés de noviembre",
/// "doce de agosto de mil novecientos noventa") and digits read out ("siete uno cuatro, cinco cinco cinco", "placas de
/// texas l r x nueve ocho ocho cuatro").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Spanish numbers from zero to 29 and the tens, each with its value.</summary>
    private static readonly (string Word, int Value)[] SpanishNumberList =
    [
        ("cero", 0), ("uno", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9),
        ("diez", 10), ("once", 11), ("doce", 12), ("trece", 13), ("catorce", 14), ("quince", 15), ("dieciséis", 16), ("dieciseis", 16), ("diecisiete", 17),
        ("dieciocho", 18), ("diecinueve", 19), ("veinte", 20), ("veintiuno", 21), ("veintiún", 21), ("veintidós", 22), ("veintidos", 22), ("veintitrés", 23),
        ("veintitres", 23), ("veinticuatro", 24), ("veinticinco", 25), ("veintiséis", 26), ("veintiseis", 26), ("veintisiete", 27), ("veintiocho", 28),
        ("veintinueve", 29), ("treinta", 30), ("cuarenta", 40), ("cincuenta", 50), ("sesenta", 60), ("setenta", 70), ("ochenta", 80), ("noventa", 90),
    ];

    private static readonly WordSet SpanishNumbers = new([.. SpanishNumberList.Select(n => n.Word)], index => SpanishNumberList[index].Value);

    private static readonly WordSet SpanishMonths = new(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre"]);

    private static readonly WordSet SpanishWeekdays = new(["lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo"]);

    /// <summary>The hundreds of a year said in Spanish: "mil novecientos noventa", "dos mil veinticuatro".</summary>
    private static readonly WordSet SpanishHundreds = new(["mil", "novecientos", "ochocientos"]);

    private void SpanishNumbersSaid(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(SpanishNumbers, SpanishWeekdays))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            var end = -1;
            var label = PiiLabel.Age;
            var start = k;
            var alone = false;
            if (In(SpanishWeekdays, k))
            {
                end = SpanishDateEnd(k + (Eq(k + 1, "el") ? 2 : 1));
                alone = end < 0;
                end = alone ? k : end;
                label = PiiLabel.Date;
            }
            else if (SpanishNumber(k, out var last) is var value and >= 0)
            {
                if (EqAny(k - 1, "tiene", "tenía", "tenia") && value is >= 1 and <= 110 || Eq(last + 1, "años") && (EqAny(k - 1, "de", "tiene") || P(k - 1, ',')) && value is >= 1 and <= 110
                    || value is >= 1 and <= 110 && IsWord(k - 1) && InSpan(spans, tokens[k - 1].Start, PiiLabel.Person) && (Eq(last + 1, "años") || Eq(last + 1, "fecha") || P(last + 1, ',') || P(last + 1, '.')))
                {
                    end = last; // (and after a name: "la señora guadalupe ibarra sesenta y dos años", "ángel ibarra treinta y uno fecha de nacimiento")
                }
                else if (Eq(k - 1, "las") && EqAny(k - 2, "a", "de", "desde", "hasta", "eran", "son"))
                {
                    end = SpanishClockEnd(k, last, value);
                    label = PiiLabel.Time;
                }
                else if (SpanishClockEnd(k, last, value) is var clock && clock > k && Eq(clock + 1, "de") && Eq(clock + 2, "la") && EqAny(clock + 3, "noche", "mañana", "tarde", "madrugada"))
                {
                    end = clock; // "once y media de la noche"
                    label = PiiLabel.Time;
                }
                else if (SpanishDateEnd(k) is >= 0 and var date)
                {
                    end = date;
                    label = PiiLabel.Date;
                }
                else if (SpanishDigitsEnd(ref start, k, out label) is >= 0 and var digits)
                {
                    end = digits;
                }
            }

            // (a weekday alone found as a name is one: "Domingo Ruiz")
            if (end >= start && !(alone && Overlaps(spans, tokens[k].Start, tokens[k].End)))
            {
                // (a name or place read out of its words goes: "el martes catorce de [Mayo Cerca de la escuela]")
                var (from, to) = (tokens[start].Start, tokens[end].End);
                spans.RemoveAll(s => s.Start >= from && s.Start < to && s.Label is PiiLabel.Person or PiiLabel.Location);
                TrimNameBefore(spans, start);
                if (AddInPlace(spans, added, new PiiSpan(from, to, label)))
                {
                    k = end;
                }
            }
        }
    }

    /// <summary>A Spanish number at <paramref name="k"/>, a tens word with "y" and its unit ("treinta y ocho") or one word: its value and last token, or -1.</summary>
    private int SpanishNumber(int k, out int last)
    {
        last = k;
        if (!IsWord(k) || !In(SpanishNumbers, k))
        {
            return -1;
        }

        var value = SpanishNumbers.Value(text, tokens[k]);
        var unit = EqAny(k + 2, "un", "una") ? 1 : IsWord(k + 2) && In(SpanishNumbers, k + 2) ? SpanishNumbers.Value(text, tokens[k + 2]) : 0; // ("treinta y un años")
        if (value >= 30 && value % 10 == 0 && Eq(k + 1, "y") && unit is >= 1 and <= 9)
        {
            last = k + 2;
            return value + unit;
        }

        return value;
    }

    /// <summary>The end of a clock time said in Spanish from its hour ("nueve y cuarenta", "once y media", "dos menos cuarto").</summary>
    private int SpanishClockEnd(int k, int last, int hour)
    {
        if (hour is < 1 or > 12 || last > k)
        {
            return -1;
        }

        if (EqAny(k + 1, "y", "menos") && (EqAny(k + 2, "media", "cuarto") || SpanishNumber(k + 2, out _) is >= 1 and <= 59))
        {
            SpanishNumber(k + 2, out var minutes);
            return EqAny(k + 2, "media", "cuarto") ? k + 2 : minutes;
        }

        return k;
    }

    /// <summary>The end of a date said in Spanish from its day ("veintitrés de noviembre", "8 de febrero de 2024"), or -1.</summary>
    private int SpanishDateEnd(int k)
    {
        if (k >= count)
        {
            return -1;
        }

        var day = tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2 && int.TryParse(W(k), out var written) ? written : SpanishNumber(k, out _);
        if (day is < 1 or > 31 || !Eq(k + 1, "de") || !In(SpanishMonths, k + 2))
        {
            return -1;
        }

        var end = k + 2;
        if (Eq(end + 1, "del") && SpanishNumber(end + 2, out var year2) >= 0)
        {
            return year2; // "dos de mayo del noventa y tres"
        }

        if (Eq(end + 1, "de") && end + 2 < count && tokens[end + 2].Kind == TokenKind.Number && tokens[end + 2].Length == 4)
        {
            return end + 2;
        }

        if (Eq(end + 1, "de") && (In(SpanishHundreds, end + 2) || Eq(end + 2, "dos") && Eq(end + 3, "mil")))
        {
            var year = end + 2;
            while (year + 1 < count && (In(SpanishHundreds, year + 1) || In(SpanishNumbers, year + 1) || Eq(year + 1, "y") && In(SpanishNumbers, year + 2)))
            {
                year++;
            }

            return year;
        }

        return end;
    }

    /// <summary>
    /// Digits read out in Spanish, four or more, with commas between groups and up to three letters before them ("l r x
    /// nueve ocho ocho cuatro"): the last token, the first (moved back over the letters) and a label from the word before.
    /// </summary>
    private int SpanishDigitsEnd(ref int start, int k, out PiiLabel label)
    {
        label = PiiLabel.OtherId;
        var digits = 0;
        var last = k;
        for (var n = k; n < count && !(n > k && tokens[n].Has(TokenFlags.NewlineBefore)); n++)
        {
            if (IsWord(n) && In(SpanishNumbers, n) && (SpanishNumbers.Value(text, tokens[n]) <= 9 || n == k && Eq(n + 1, "guion")) || IsNumberWord(n) && digits > 0)
            {
                digits++;
                last = n;
            }
            else if (!((P(n, ',') || EqAny(n, "guion", "guión", "dash")) && IsWord(n + 1) && (In(SpanishNumbers, n + 1) || IsNumberWord(n + 1))))
            {
                break;
            }
        }

        if (digits < 4)
        {
            return -1;
        }

        // Before them, letters or the spelling alphabet's words ("l r x", "hotel bravo charlie"), or numbers said in
        // English and a dash ("two four guion ocho ocho tres").
        while (start > k - 4 && IsWord(start - 1) && (tokens[start - 1].Length == 1 && !EqAny(start - 1, "y", "a", "o", "e") || In(PhoneticLetters, start - 1)))
        {
            start--;
        }

        while (start == k && start > 0 && (EqAny(start - 1, "guion", "guión", "dash") || IsNumberWord(start - 1) && !Eq(start - 1, "oh") && NumberWords.Value(text, tokens[start - 1]) <= 9))
        {
            k = --start; // (k follows: the words before are one run with it)
        }

        for (var b = start - 1; b >= 0 && b >= start - 6; b--)
        {
            if (EqAny(b, "placas", "placa", "plate", "plates", "tag"))
            {
                label = PiiLabel.Plate;
                break;
            }

            if (EqAny(b, "teléfono", "telefono", "phone", "callback", "celular", "cell"))
            {
                label = PiiLabel.Phone;
                break;
            }

            if (EqAny(b, "licencia", "license"))
            {
                label = PiiLabel.DriverLicense;
                break;
            }
        }

        return last;
    }
}
