namespace NearMiss.Core.Pii;

/// <summary>The entity families, one recogniser class each.</summary>
internal enum PiiFamily
{
    Contact,
    NumbersAndIds,
    AddressesAndIntersections,
    People,
    Agencies,
    PlacesAndHighways,
    DatesAndTimes,
}

/// <summary>The kinds of token a rule can start at.</summary>
[Flags]
internal enum PiiTokenClass : byte
{
    None = 0,
    Punct = 1,
    Number = 2,

    /// <summary>Digits first, then letters: "5th", "2K14", "4T1BF1FK5CU123456".</summary>
    DigitAlnum = 4,

    /// <summary>A letter first, then digits: "K9", "AB12345".</summary>
    Alnum = 8,
    Word = 16,
    NotPunct = Number | DigitAlnum | Alnum | Word,
}

/// <summary>
/// One rule of a recogniser, tried at the tokens of the classes it names; when <paramref name="When"/> names case
/// flags, only at tokens with one of them (a rule for capitalised words is not called for a lower-case one).
/// </summary>
internal sealed record PiiRule(string Name, PiiFamily Family, PiiTokenClass At, Func<PiiScan, int, int> Try, TokenFlags When = TokenFlags.None);

/// <summary>A rule as the scan calls it.</summary>
internal readonly record struct PiiRuleCall(Func<PiiScan, int, int> Try, TokenFlags When);

/// <summary>
/// The ordered list of rules the scan tries at each token (decision 030). Order is the conflict resolution: at a
/// position the first rule that claims it wins, so specific shapes come before general ones (an ISO date before a
/// phone number, a house number and street before an age, an agency run before a bare place or a person).
/// </summary>
internal sealed partial class PiiRecogniserRegistry
{
    private readonly PiiRuleCall[][] _byClass = new PiiRuleCall[5][];

    public PiiRecogniserRegistry(IReadOnlyList<PiiRule> rules, bool propagatesMentions)
    {
        Rules = rules;
        PropagatesMentions = propagatesMentions;
        for (var c = 0; c < _byClass.Length; c++)
        {
            var cls = (PiiTokenClass)(1 << c);
            _byClass[c] = [.. rules.Where(r => (r.At & cls) != 0).Select(r => new PiiRuleCall(r.Try, r.When))];
        }
    }

    /// <summary>Every rule, in the order tried, with the family of each.</summary>
    public static PiiRecogniserRegistry Default { get; } = new(DefaultRules(), propagatesMentions: true);

    public IReadOnlyList<PiiRule> Rules { get; }

    /// <summary>Whether later mentions of names found are flagged after the scan (the people family's last step).</summary>
    public bool PropagatesMentions { get; }

    /// <summary>The same registry with the rules of the given families only, in the same order.</summary>
    public PiiRecogniserRegistry Only(params PiiFamily[] families) =>
        new([.. Rules.Where(r => families.Contains(r.Family))], PropagatesMentions && families.Contains(PiiFamily.People));

    public PiiRuleCall[] RulesFor(in Token token) => _byClass[token.Kind switch
    {
        TokenKind.Punct => 0,
        TokenKind.Number => 1,
        TokenKind.Alnum when token.Has(TokenFlags.DigitFirst) => 2,
        TokenKind.Alnum => 3,
        _ => 4,
    }];
}
