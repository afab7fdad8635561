using System.Collections.Frozen;

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

/// <summary>What a text must be for a rule to fire in it; the scan reads these once per text.</summary>
[Flags]
internal enum PiiTextNeeds : byte
{
    None = 0,

    /// <summary>At a lower-case word, only in lower-case text (<see cref="PiiScan.LowerMode"/>).</summary>
    LowerText = 1,

    /// <summary>Never in mostly ALL-CAPS text (<see cref="PiiScan.CapsMode"/>).</summary>
    NotCaps = 2,

    /// <summary>Only in a text that holds an '@' (<see cref="PiiScan.HasAtSign"/>).</summary>
    AtSign = 4,
}

/// <summary>
/// One rule of a recogniser, tried at the tokens of the classes it names; when <paramref name="When"/> names case
/// flags, only at tokens with one of them (a rule for capitalised words is not called for a lower-case one); when
/// <paramref name="Needs"/> names word lists, only at words in one of them; when <paramref name="Unless"/> names word
/// lists, never at words in any of them; when <paramref name="Words"/> is given, only at those words in any case
/// ("hwy", "exit"); when <paramref name="Text"/> is given, only in texts of that kind. These say where a rule may start
/// and nothing more: the rule checks its own shape again, so they only spare the calls that would return 0.
/// </summary>
internal sealed record PiiRule(
    string Name,
    PiiFamily Family,
    PiiTokenClass At,
    Func<PiiScan, int, int> Try,
    TokenFlags When = TokenFlags.None,
    Lex Needs = Lex.None,
    string[]? Words = null,
    Lex Unless = Lex.None,
    PiiTextNeeds Text = PiiTextNeeds.None);

/// <summary>A rule as the scan calls it; <paramref name="Key"/> is its bit among the rules that start at listed words.</summary>
internal readonly record struct PiiRuleCall(Func<PiiScan, int, int> Try, Lex Needs, Lex Unless, ulong Key);

/// <summary>
/// The ordered list of rules the scan tries at each token (decision 030). Order is the conflict resolution: at a
/// position the first rule that claims it wins, so specific shapes come before general ones (an ISO date before a
/// phone number, a house number and street before an age, an agency run before a bare place or a person).
/// </summary>
internal sealed partial class PiiRecogniserRegistry
{
    /// <summary>The case flags a rule's <see cref="PiiRule.When"/> may name; a token has at most one of them.</summary>
    private const TokenFlags Cases = TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.Lower;

    /// <summary>The kinds of text told apart: lower-case or not, ALL-CAPS or not, with an '@' or not.</summary>
    private const int TextKinds = 8;

    /// <summary>
    /// The rules for each kind of text (<see cref="TextKind"/>), token class and case (none, capitalised, ALL-CAPS,
    /// lower), in the registry's order.
    /// </summary>
    private readonly PiiRuleCall[][] _byTextClassAndCase = new PiiRuleCall[TextKinds * 5 * 4][];
    private readonly FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _keys;
    private readonly WordSet? _keyWords;

    public PiiRecogniserRegistry(IReadOnlyList<PiiRule> rules, bool propagatesMentions)
    {
        Rules = rules;
        PropagatesMentions = propagatesMentions;

        // Each rule that starts only at listed words gets a bit; each listed word, the bits of its rules.
        var keyed = rules.Where(static r => r.Words is not null).ToList();
        if (keyed.Count > 64 || keyed.Exists(static r => r.At != PiiTokenClass.Word) || rules.Any(static r => (r.When & ~Cases) != 0))
        {
            throw new InvalidOperationException("Listed start words are for at most 64 rules, of words only; a rule's When names cases only.");
        }

        var keys = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        for (var n = 0; n < keyed.Count; n++)
        {
            foreach (var word in keyed[n].Words!)
            {
                keys[word] = keys.GetValueOrDefault(word) | 1UL << n;
            }
        }

        _keys = keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _keyWords = keys.Count == 0 ? null : new WordSet([.. keys.Keys]);
        TokenFlags[] cases = [TokenFlags.None, TokenFlags.Capitalized, TokenFlags.AllCaps, TokenFlags.Lower];
        for (var kind = 0; kind < TextKinds; kind++)
        {
            for (var c = 0; c < 5; c++)
            {
                var cls = (PiiTokenClass)(1 << c);
                for (var k = 0; k < cases.Length; k++)
                {
                    var tokenCase = cases[k];
                    _byTextClassAndCase[(((kind * 5) + c) * 4) + k] =
                    [
                        .. rules.Where(r => (r.At & cls) != 0 && (r.When == TokenFlags.None || (r.When & tokenCase) != 0) && FiresIn(r.Text, kind, tokenCase))
                            .Select(r => new PiiRuleCall(r.Try, r.Needs, r.Unless, r.Words is null ? 0 : 1UL << keyed.IndexOf(r))),
                    ];
                }
            }
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

    /// <summary>The bits of the rules that may start at this word (<see cref="PiiRuleCall.Key"/>), 0 when none.</summary>
    /// <summary>The set of rule keys is answered by a token's bits, not looked up word by word (<see cref="LocalPiiDetector"/> makes it first).</summary>
    internal bool KeysHaveBits => _keyWords?.HasBit ?? true;

    public ulong KeysOf(ReadOnlySpan<char> word) => _keys.TryGetValue(word, out var bits) ? bits : 0;

    /// <summary>The bits of the rules that may start at this token of <paramref name="text"/>: its word-set bit first.</summary>
    public ulong KeysOf(string text, in Token token) =>
        _keyWords is not null && _keyWords.Contains(text, token) ? KeysOf(text.AsSpan(token.Start, token.Length)) : 0;

    /// <summary>The kind of text, for <see cref="RulesFor"/>: one bit each for lower-case, ALL-CAPS and an '@'.</summary>
    public static int TextKind(PiiScan scan) => (scan.LowerMode ? 1 : 0) | (scan.CapsMode ? 2 : 0) | (scan.HasAtSign ? 4 : 0);

    /// <summary>The rules that may start at a token of this class and case, in a text of this kind (<see cref="TextKind"/>).</summary>
    public PiiRuleCall[] RulesFor(int textKind, in Token token)
    {
        var cls = token.Kind switch
        {
            TokenKind.Punct => 0,
            TokenKind.Number => 1,
            TokenKind.Alnum when token.Has(TokenFlags.DigitFirst) => 2,
            TokenKind.Alnum => 3,
            _ => 4,
        };
        var tokenCase = (token.Flags & Cases) switch
        {
            TokenFlags.Capitalized => 1,
            TokenFlags.AllCaps => 2,
            TokenFlags.Lower => 3,
            _ => 0,
        };
        return _byTextClassAndCase[(((textKind * 5) + cls) * 4) + tokenCase];
    }

    /// <summary>Whether a rule that needs <paramref name="needs"/> may fire at a token of this case in a text of this kind.</summary>
    private static bool FiresIn(PiiTextNeeds needs, int textKind, TokenFlags tokenCase)
    {
        bool lower = (textKind & 1) != 0, caps = (textKind & 2) != 0, atSign = (textKind & 4) != 0;
        return !((needs & PiiTextNeeds.LowerText) != 0 && tokenCase == TokenFlags.Lower && !lower)
            && !((needs & PiiTextNeeds.NotCaps) != 0 && caps)
            && !((needs & PiiTextNeeds.AtSign) != 0 && !atSign);
    }
}
