namespace NearMiss.Core.Pii;

/// <summary>
/// What the tagger weighs at one token (decision 048): the word, its shape and what the word lists know of it, the
/// same for two tokens either side, and the tag just given. Each feature is a 32-bit hash, so the model is a table of
/// numbers keyed by hash and holds no words of the texts it learnt from.
/// </summary>
internal static class PiiTaggerFeatures
{
    /// <summary>The most features one token can have.</summary>
    public const int Max = 96;

    /// <summary>The tag before the first token.</summary>
    public const int Start = 15;

    private const int WordChars = 24;

    private const Lex NeighbourFlags = Lex.GivenName | Lex.Surname | Lex.Place | Lex.County | Lex.State | Lex.StateCode |
        Lex.Rank | Lex.StreetSuffix | Lex.PremiseSuffix | Lex.OrgSuffix | Lex.Locative | Lex.Role | Lex.AgencyAcronym |
        Lex.Month | Lex.Weekday | Lex.Stop | Lex.SubUnit | Lex.Keyword | Lex.NounRank | Lex.Measure;

    /// <summary>The word and shape of every token, worked out once: each is read again as a neighbour.</summary>
    public static void Prepare(string text, ReadOnlySpan<Token> tokens, Span<uint> words, Span<uint> shapes)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            words[i] = WordHash(text, tokens[i]);
            shapes[i] = Shape(tokens[i]);
        }
    }

    public static int Extract(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> words, ReadOnlySpan<uint> shapes, int i, int previousTag, bool caseless, Span<uint> features)
    {
        var n = 0;
        ref readonly var token = ref tokens[i];
        var shape = shapes[i];
        features[n++] = Hash(1, 0);
        features[n++] = Hash(2, words[i]);
        features[n++] = Hash(3, shape);
        features[n++] = Hash(4, (uint)previousTag);
        features[n++] = Hash(5, (uint)(previousTag << 8) | shape);
        features[n++] = SuffixHash(6, text, token);
        features[n++] = Hash(7, (uint)(caseless ? 1 : 0) << 8 | shape);
        if (token.Kind == TokenKind.Number)
        {
            features[n++] = Hash(8, NumberClass(text, token));
        }

        n = LexFeatures(9, token.Lex, Lex.None, features, n);
        features[n++] = Hash(10, Bucket(token.Lex.GivenCount));
        features[n++] = Hash(11, Bucket(token.Lex.SurnameCount));
        features[n++] = Hash(12, Bucket(token.Lex.PlacePopulation));
        features[n++] = Hash(13, (uint)token.Lex.Extra);

        for (var offset = -2; offset <= 2; offset++)
        {
            if (offset == 0)
            {
                continue;
            }

            var k = i + offset;
            var position = (uint)(offset + 2);
            if (k < 0 || k >= tokens.Length)
            {
                features[n++] = Hash(20 + position, 0xFFFF);
                continue;
            }

            features[n++] = Hash(20 + position, words[k]);
            features[n++] = Hash(30 + position, shapes[k]);
            n = LexFeatures(40 + position, tokens[k].Lex, NeighbourFlags, features, n);
            if (offset is -1 or 1)
            {
                features[n++] = Hash(50 + position, (uint)tokens[k].Lex.Extra);
                features[n++] = Mix(Hash(60 + position, words[k]), shape) | 1;
            }
        }

        return n;
    }

    /// <summary>Kind, case and position of a token, in one small number.</summary>
    private static uint Shape(in Token token) =>
        (uint)token.Kind |
        (token.Has(TokenFlags.Capitalized) ? 4u : 0) |
        (token.Has(TokenFlags.AllCaps) ? 8u : 0) |
        (token.Has(TokenFlags.Lower) ? 16u : 0) |
        (token.Has(TokenFlags.SentenceStart) ? 32u : 0) |
        (token.Has(TokenFlags.NewlineBefore) ? 64u : 0) |
        (token.Length == 1 ? 128u : 0);

    private static int LexFeatures(uint template, LexEntry lex, Lex only, Span<uint> features, int n)
    {
        var flags = (uint)(only == Lex.None ? lex.Flags : lex.Flags & only);
        while (flags != 0)
        {
            var bit = (uint)System.Numerics.BitOperations.TrailingZeroCount(flags);
            features[n++] = Hash(template, bit);
            flags &= flags - 1;
        }

        return n;
    }

    /// <summary>Numbers by digits and range: a two-digit number may be an age, a four-digit one a year or a time.</summary>
    private static uint NumberClass(string text, in Token token)
    {
        if (token.Length > 3)
        {
            return (uint)Math.Min(token.Length, 12);
        }

        var value = 0;
        foreach (var c in text.AsSpan(token.Start, token.Length))
        {
            value = value * 10 + (c - '0');
        }

        return value switch
        {
            < 13 => 100,
            < 18 => 101,
            < 100 => 102,
            _ => 103,
        };
    }

    private static uint Bucket(int count) => count <= 0 ? 0 : (uint)System.Numerics.BitOperations.Log2((uint)count) + 1;

    /// <summary>The word folded to lower case; letters and digits of a number or code as their shape ("d-dd").</summary>
    private static uint WordHash(string text, in Token token)
    {
        var hash = 2166136261u;
        var word = text.AsSpan(token.Start, Math.Min(token.Length, WordChars));
        var asShape = token.Kind is TokenKind.Number or TokenKind.Alnum;
        foreach (var c in word)
        {
            var folded = asShape ? (char.IsAsciiDigit(c) ? 'd' : char.IsLetter(c) ? 'a' : c) : char.ToLowerInvariant(c);
            hash = Mix(hash, folded);
        }

        return hash;
    }

    private static uint SuffixHash(uint template, string text, in Token token)
    {
        var hash = Hash(template, 0);
        if (token.Kind != TokenKind.Word)
        {
            return hash | 1;
        }

        var length = Math.Min(3, token.Length);
        foreach (var c in text.AsSpan(token.End - length, length))
        {
            hash = Mix(hash, char.ToLowerInvariant(c));
        }

        return hash | 1;
    }

    /// <summary>A feature's key; never 0, which marks an empty slot of the model's table.</summary>
    public static uint Hash(uint template, uint value) => Mix(Mix(2166136261u, template), value) | 1;

    private static uint Mix(uint hash, uint value)
    {
        hash ^= value;
        hash *= 16777619u;
        hash ^= hash >> 15;
        return hash;
    }
}
