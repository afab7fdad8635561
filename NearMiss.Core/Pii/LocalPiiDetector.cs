namespace NearMiss.Core.Pii;

/// <summary>
/// The local detector: one tokenising pass, then one left-to-right pass of rules over the tokens (validated
/// patterns tried only where they can start, keyword context, rank and role context, agency/address/premise shapes
/// and gazetteer look-ups), then one pass that flags later mentions of names already found.
/// </summary>
public sealed class LocalPiiDetector : IPiiDetector
{
    [ThreadStatic]
    private static Token[]? _tokenBuffer;

    private readonly PiiLexicon _lexicon = PiiLexicon.Shared;

    public IReadOnlyList<PiiSpan> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var tokens = _tokenBuffer ??= new Token[1024];
        var count = PiiTokenizer.Tokenize(text, _lexicon, ref tokens);
        _tokenBuffer = tokens;
        var scanner = new PiiScanner(text, tokens, count, _lexicon);
        return scanner.Run();
    }
}
