namespace NearMiss.Core.Pii;

/// <summary>
/// The local detector, an ordered registry of recogniser stages over one text (decision 014):
/// <list type="number">
/// <item><see cref="PiiTrueCaser"/>: ALL-CAPS and lower-case prose, headlines and headings are recased letter for
/// letter (offsets unchanged) so the rules read every text in ordinary case;</item>
/// <item><see cref="PiiScan"/> with <see cref="PiiRecogniserRegistry.Default"/>: one recogniser per entity family
/// (contact, numbers and ids, addresses and intersections, people, agencies, places and highways, dates and times),
/// their rules tried in the registry's order at each token, the first that claims a position winning (decision 030),
/// then later mentions of names already found;</item>
/// <item><see cref="PiiContextRules"/>: the quiet filters over those spans, then the recognisers that need them
/// (ages after names, datelines, agency initials, "hrs" times), added only where no span is already.</item>
/// </list>
/// </summary>
public sealed class LocalPiiDetector : IPiiDetector
{
    [ThreadStatic]
    private static Token[]? _tokenBuffer;

    [ThreadStatic]
    private static PiiWordCache? _words;

    private readonly PiiLexicon _lexicon = PiiLexicon.Shared;

    public IReadOnlyList<PiiSpan> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var tokens = _tokenBuffer ??= new Token[1024];
        var words = _words ??= new PiiWordCache(_lexicon);
        var count = PiiTokenizer.Tokenize(text, _lexicon, ref tokens, words);
        var recased = PiiTrueCaser.Recase(text, tokens, count, _lexicon, out var lowerText, out var names, out var caseless);
        if (recased is not null)
        {
            text = recased;
            count = PiiTokenizer.Tokenize(text, _lexicon, ref tokens, words);
        }

        _tokenBuffer = tokens;
        var spans = new PiiScan(text, tokens, count, _lexicon, lowerText).Run(PiiRecogniserRegistry.Default);
        return new PiiContextRules(text, tokens, count, _lexicon, caseless).Apply(spans, names);
    }
}
