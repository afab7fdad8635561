namespace NearMiss.Core.Pii;

/// <summary>
/// Which numbers the tagger may call an age: one to three digits from 1 to 119, not years of service, a speed, a
/// calibre, a count of a unit or a wind's speed.
/// </summary>
internal static partial class PiiTaggerSpans
{
    private static bool IsAge(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (first != last || tokens[first].Kind != TokenKind.Number || tokens[first].Length > 3)
        {
            return false;
        }

        return int.TryParse(text.AsSpan(tokens[first].Start, tokens[first].Length), out var age) && age is > 0 and < 120 && !IsYearsOfService(text, tokens, last) && !IsSpeed(text, tokens, first)
            && !IsCalibre(text, tokens, first) && !IsMeasured(text, tokens, last) && !IsWindSpeed(text, tokens, first);
    }

    /// <summary>"a Raven .25", "the .45": a calibre after its point, or a decimal's figures.</summary>
    private static bool IsCalibre(string text, ReadOnlySpan<Token> tokens, int k) =>
        k > 0 && tokens[k - 1].Kind == TokenKind.Punct && text[tokens[k - 1].Start] == '.' && tokens[k - 1].End == tokens[k].Start;

    /// <summary>"20 knots", "45 mph", "30 yards": a number of a unit that measures no one's years.</summary>
    private static bool IsMeasured(string text, ReadOnlySpan<Token> tokens, int k) =>
        k + 1 < tokens.Length && tokens[k + 1].Kind == TokenKind.Word && Units.Contains(text, tokens[k + 1]);

    private static readonly WordSet Units = new(["ft", "feet", "foot", "yards", "yard", "yds", "yd", "miles", "mile", "mi", "mph", "kph", "km", "meters", "metres", "meter", "metre",
        "inches", "inch", "sec", "secs", "seconds", "minutes", "mins", "hours", "hrs", "rounds", "shots", "percent", "lbs", "lb", "pounds", "grams", "kg", "oz", "knots", "kts",
        "degrees", "mm", "gauge", "caliber", "calibre", "cal", "grain", "people", "officers", "deputies", "units", "cars"]);

    /// <summary>"wind like 50", "winds at 40", "gusts to 60": a wind's speed, a word of estimate or a preposition between allowed.</summary>
    private static bool IsWindSpeed(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var before = k - 1;
        before -= before >= 0 && (PiiContextRules.TimeLeads.Contains(text, tokens[before]) || WindLinks.Contains(text, tokens[before])) ? 1 : 0;
        return before >= 0 && WindWords.Contains(text, tokens[before]);
    }

    private static readonly WordSet WindWords = new(["wind", "winds", "gust", "gusts", "gusting", "sustained"]);

    private static readonly WordSet WindLinks = new(["like", "at", "to", "of", "over", "near"]);

    /// <summary>"veh still rolling approx 40", "doing about 90": a speed after a word of motion, a word of estimate between allowed.</summary>
    private static bool IsSpeed(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var before = k - 1;
        before -= before >= 0 && PiiContextRules.TimeLeads.Contains(text, tokens[before]) ? 1 : 0;
        before -= before >= 0 && Headings.Contains(text, tokens[before]) ? 1 : 0; // "rolling sb approx 40"
        return before >= 0 && MotionWords.Contains(text, tokens[before]);
    }

    private static readonly WordSet Headings = new(["nb", "sb", "eb", "wb", "northbound", "southbound", "eastbound", "westbound"]);

    private static readonly WordSet MotionWords = new(["rolling", "going", "doing", "traveling", "travelling", "moving", "driving", "speed", "speeds", "speeding", "clocked", "paced", "pacing"]);

    /// <summary>"a 20-year veteran", "his 12 years on the job": years that are not "old" or "of age".</summary>
    private static bool IsYearsOfService(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var unit = PastHyphen(text, tokens, k + 1);
        if (unit >= tokens.Length || !YearWords.Contains(text, tokens[unit]))
        {
            return false;
        }

        var next = PastHyphen(text, tokens, unit + 1);
        return next < tokens.Length && tokens[next].Kind == TokenKind.Word && !AgeWords.Contains(text, tokens[next]);
    }

    private static readonly WordSet YearWords = new(["year", "years", "yr", "yrs"]);

    /// <summary>The words after "N years" that make it an age: "old", "of" (age), "young".</summary>
    private static readonly WordSet AgeWords = new(["old", "of", "young"]);

    private static int PastHyphen(string text, ReadOnlySpan<Token> tokens, int k) =>
        k < tokens.Length && tokens[k].Kind == TokenKind.Punct && text[tokens[k].Start] == '-' ? k + 1 : k;
}
