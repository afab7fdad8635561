namespace NearMiss.Core.Pii;

/// <summary>
/// Converts ascending UTF-16 offsets into Unicode code-point offsets (what the <c>pii scan</c> contract and Python
/// slicing count). Offsets must be asked for in ascending order; each call walks on from the previous one.
/// </summary>
public struct CodePointOffsets(string text)
{
    private int _utf16;
    private int _codePoints;

    public int ToCodePoint(int utf16Offset)
    {
        if (utf16Offset < _utf16)
        {
            _utf16 = 0;
            _codePoints = 0;
        }

        while (_utf16 < utf16Offset)
        {
            if (char.IsHighSurrogate(text[_utf16]) && _utf16 + 1 < text.Length && char.IsLowSurrogate(text[_utf16 + 1]))
            {
                _utf16++;
            }

            _utf16++;
            _codePoints++;
        }

        return _codePoints;
    }
}
