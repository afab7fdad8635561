namespace NearMiss.Core.Pii;

/// <summary>
/// One text being scanned: its tokens, the spans found so far, what kind of text it is, and one recogniser per family.
/// <see cref="Run"/> walks the tokens left to right and tries the registry's rules for each token's class in order;
/// the first rule that returns a position wins, and the scan resumes there (decision 030).
/// </summary>
internal sealed class PiiScan
{
    public PiiScan(string text, Token[] tokens, int count, PiiLexicon lexicon, bool lowerText = false)
    {
        Text = text;
        Tokens = tokens;
        Count = count;
        Lexicon = lexicon;
        DetectMode(lowerText);
        HasAtSign = text.Contains('@');
        Contact = new ContactRecogniser(this);
        Ids = new IdentifierRecogniser(this);
        Addresses = new AddressRecogniser(this);
        People = new PersonRecogniser(this);
        Agencies = new AgencyRecogniser(this);
        Places = new PlaceRecogniser(this);
        Dates = new DateTimeRecogniser(this);
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public int Count { get; }

    public PiiLexicon Lexicon { get; }

    /// <summary>The spans found, in order; room for a typical text's spans from the start, so the list seldom grows.</summary>
    public List<PiiSpan> Spans { get; } = new(16);

    public bool LowerMode { get; private set; }

    public bool CapsMode { get; private set; }

    public bool DogContext { get; private set; }

    /// <summary>The text holds an '@' somewhere (most hold none, and then no token starts an e-mail address).</summary>
    public bool HasAtSign { get; }

    public ContactRecogniser Contact { get; }

    public IdentifierRecogniser Ids { get; }

    public AddressRecogniser Addresses { get; }

    public PersonRecogniser People { get; }

    public AgencyRecogniser Agencies { get; }

    public PlaceRecogniser Places { get; }

    public DateTimeRecogniser Dates { get; }

    public List<PiiSpan> Run(PiiRecogniserRegistry registry)
    {
        // The text's kind picks, once, the rules that can fire in it (a rule for lower-case text is not even tried here).
        var textKind = PiiRecogniserRegistry.TextKind(this);
        var i = 0;
        while (i < Count)
        {
            var next = 0;
            ref var token = ref Tokens[i];
            var lex = token.Lex.Flags;
            var keys = token.Kind == TokenKind.Word ? registry.KeysOf(Text, token) : 0;
            foreach (var rule in registry.RulesFor(textKind, token))
            {
                if (rule.Needs != Lex.None && (lex & rule.Needs) == 0 || (lex & rule.Unless) != 0 || rule.Key != 0 && (keys & rule.Key) == 0)
                {
                    continue;
                }

                next = rule.Try(this, i);
                if (next != 0)
                {
                    break;
                }
            }

            i = next > i ? next : i + 1;
        }

        if (registry.PropagatesMentions)
        {
            People.Propagate();
        }

        return Spans;
    }

    private void DetectMode(bool lowerText)
    {
        int upper = 0, letters = 0, caps = 0;
        for (var k = 0; k < Count; k++)
        {
            ref var t = ref Tokens[k];
            if (t.Has(TokenFlags.AllCaps))
            {
                caps++;
            }

            if (t.Kind == TokenKind.Punct)
            {
                continue;
            }

            if (t.Kind == TokenKind.Word)
            {
                letters++;
                if ((t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Capitalized)) && !IsSpeakerLabel(Text, Tokens.AsSpan(0, Count), k))
                {
                    upper++;
                }
            }

            if (!DogContext && t.Length is 2 or 3 or 6 or 7 && (t.Kind == TokenKind.Word || t.Kind == TokenKind.Alnum) && IsDogWord(Text.AsSpan(t.Start, t.Length)))
            {
                DogContext = true;
            }
        }

        LowerMode = lowerText || letters > 8 && upper * 50 < letters;
        CapsMode = letters > 8 && caps * 10 > letters * 6;
    }

    /// <summary>
    /// A transcript's speaker in capitals before a colon at a line's start ("OFFICER 1:", "DISPATCH:", "Q:", "21:47:10
    /// DISPATCH:", "OFFICER 1 (HOLLOWAY):", "2 HENRY 34 (OFC. BLAKE):", "Speaker B:"): its capitals say nothing of how the
    /// lines themselves are written. From the line's start (after its clock) to the colon, up to eight tokens, every word
    /// in capitals, the rest numbers and brackets, dots, hyphens. (A chat's "Dre:" is not one: a name in a line of lower
    /// case is what the true-caser would be misled by.)
    /// </summary>
    public static bool IsSpeakerLabel(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (IsDiarized(text, tokens, k) || k >= 1 && tokens[k].Length <= 2 && IsDiarized(text, tokens, k - 1))
        {
            return true;
        }

        if (!tokens[k].Has(TokenFlags.AllCaps))
        {
            return false;
        }

        var first = k;
        while (first > 0 && !tokens[first].Has(TokenFlags.NewlineBefore))
        {
            if (k - first >= 8 || !IsLabelPart(text, tokens[first - 1], clock: true))
            {
                return false;
            }

            first--;
        }

        for (var n = k + 1; n < tokens.Length && n - k <= 8 && !tokens[n].Has(TokenFlags.NewlineBefore); n++)
        {
            if (tokens[n].Kind == TokenKind.Punct && text[tokens[n].Start] == ':')
            {
                return true;
            }

            if (!IsLabelPart(text, tokens[n], clock: false))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A token of a speaker's label: a word in capitals, a number, a bracket, dot, hyphen or underscore (and before it, a clock's colon).</summary>
    private static bool IsLabelPart(string text, in Token token, bool clock) =>
        token.Kind == TokenKind.Number || token.Kind is TokenKind.Word or TokenKind.Alnum && token.Has(TokenFlags.AllCaps)
        || token.Kind == TokenKind.Punct && text[token.Start] is '(' or ')' or '[' or ']' or '.' or '-' or '_' || clock && token.Kind == TokenKind.Punct && text[token.Start] == ':';

    /// <summary>A speaker named by a diarizing recorder opening a line (<see cref="DiarizedLabelEnd"/>).</summary>
    private static bool IsDiarized(string text, ReadOnlySpan<Token> tokens, int k) =>
        (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && DiarizedLabelEnd(text, tokens, k) >= 0;

    /// <summary>
    /// A speaker as a diarizing recorder names one, in any case: "Speaker A:", "Speaker 2:", "SPEAKER_00:" (the word
    /// "speaker" at <paramref name="k"/>, a letter or number, then the colon). The letter's or number's token, or -1.
    /// </summary>
    internal static int DiarizedLabelEnd(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (tokens[k].Length != 7 || tokens[k].Kind != TokenKind.Word || !text.AsSpan(tokens[k].Start, 7).Equals("speaker", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        var n = k + 1 < tokens.Length && tokens[k + 1].Kind == TokenKind.Punct && text[tokens[k + 1].Start] == '_' ? k + 2 : k + 1;
        return n + 1 < tokens.Length && tokens[n].Length <= 2 && tokens[n].Kind != TokenKind.Punct && tokens[n + 1].Kind == TokenKind.Punct && text[tokens[n + 1].Start] == ':' ? n : -1;
    }

    /// <summary>
    /// "dog", "canine", "k9" or "handler" in any case; the length picks the one word it can be, and its first letter is
    /// tested before the whole word.
    /// </summary>
    private static bool IsDogWord(ReadOnlySpan<char> w) => w.Length switch
    {
        2 => w[0] is 'k' or 'K' && w.Equals("k9", StringComparison.OrdinalIgnoreCase),
        3 => w[0] is 'd' or 'D' && w.Equals("dog", StringComparison.OrdinalIgnoreCase),
        6 => w[0] is 'c' or 'C' && w.Equals("canine", StringComparison.OrdinalIgnoreCase),
        7 => w[0] is 'h' or 'H' && w.Equals("handler", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
