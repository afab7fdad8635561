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

    /// <summary>Every feature of token <paramref name="i"/>: its own, its neighbours' and the linked ones, in that order.</summary>
    public static int Extract(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> words, ReadOnlySpan<uint> shapes, int i, int previousTag, bool caseless, Span<uint> features)
    {
        var n = Own(text, tokens[i], words[i], shapes[i], caseless, features);
        for (var position = 0; position < Positions; position++)
        {
            var k = i + Offset(position);
            n = k < 0 || k >= tokens.Length
                ? Edge(position, features, n)
                : AsNeighbour(tokens[k], words[k], shapes[k], position, features, n);
        }

        n = Previous(previousTag, shapes[i], features, n);
        return Linked(words, shapes, i, features, n);
    }

    /// <summary>The neighbours read at each token: two either side.</summary>
    public const int Positions = 4;

    /// <summary>Where neighbour <paramref name="position"/> sits from the token: -2, -1, +1, +2.</summary>
    public static int Offset(int position) => position < 2 ? position - 2 : position - 1;

    /// <summary>What the token alone says: its word, shape, suffix and what the word lists know of it.</summary>
    public static int Own(string text, in Token token, uint word, uint shape, bool caseless, Span<uint> features)
    {
        var n = 0;
        features[n++] = Hash(1, 0);
        features[n++] = Hash(2, word);
        features[n++] = Hash(3, shape);
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
        return n;
    }

    /// <summary>What a token says as the neighbour at <paramref name="position"/> of another.</summary>
    public static int AsNeighbour(in Token neighbour, uint word, uint shape, int position, Span<uint> features, int n)
    {
        var at = (uint)(Offset(position) + 2);
        features[n++] = Hash(20 + at, word);
        features[n++] = Hash(30 + at, shape);
        n = LexFeatures(40 + at, neighbour.Lex, NeighbourFlags, features, n);
        if (position is 1 or 2)
        {
            features[n++] = Hash(50 + at, (uint)neighbour.Lex.Extra);
        }

        return n;
    }

    /// <summary>The neighbour at <paramref name="position"/> is past the start or the end of the text.</summary>
    public static int Edge(int position, Span<uint> features, int n)
    {
        features[n++] = Hash(20 + (uint)(Offset(position) + 2), 0xFFFF);
        return n;
    }

    /// <summary>The tag just given, alone and with the token's shape.</summary>
    public static int Previous(int previousTag, uint shape, Span<uint> features, int n)
    {
        features[n++] = Hash(4, (uint)previousTag);
        features[n++] = Hash(5, (uint)(previousTag << 8) | shape);
        return n;
    }

    /// <summary>Each next-door word with the token's shape.</summary>
    public static int Linked(ReadOnlySpan<uint> words, ReadOnlySpan<uint> shapes, int i, Span<uint> features, int n)
    {
        var shape = shapes[i];
        if (i > 0)
        {
            features[n++] = Mix(Hash(61, words[i - 1]), shape) | 1;
        }

        if (i + 1 < words.Length)
        {
            features[n++] = Mix(Hash(63, words[i + 1]), shape) | 1;
        }

        return n;
    }

    /// <summary>
    /// Everything <see cref="Own"/> and <see cref="AsNeighbour"/> read of a token, so that tokens alike can share
    /// their scores (<see cref="PiiTagger"/>'s memo).
    /// </summary>
    public static TokenKey Key(string text, in Token token, uint word, uint shape, bool caseless) => new(
        word,
        shape | (caseless ? 1u << 16 : 0),
        SuffixHash(6, text, token),
        token.Kind == TokenKind.Number ? NumberClass(text, token) : 0,
        token.Lex.Flags,
        (uint)Bucket(token.Lex.GivenCount) | (uint)Bucket(token.Lex.SurnameCount) << 8 | (uint)Bucket(token.Lex.PlacePopulation) << 16 | (uint)token.Lex.Extra << 24);

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

/// <summary>What the features of one token depend on; tokens with equal keys have equal features.</summary>
internal readonly record struct TokenKey(uint Word, uint Shape, uint Suffix, uint Number, Lex Lex, uint Counts);
