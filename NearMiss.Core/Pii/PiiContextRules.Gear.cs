namespace NearMiss.Core.Pii;

/// <summary>
/// Makers of gear named before what they make: "Danner boots", "Oakley gloves", "an ASP Talon baton", "a Sam Browne
/// belt", "a Hi-Point carbine". Many makers are surnames or places, so the word alone says nothing; the piece of gear
/// after it (a model's name or number may come between) says it is a maker, unless the same word is used elsewhere in
/// the text, where it may be the name it looks like.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Pieces of gear a maker's name goes before. Not "radio", "light", "bar" or "plates": a town's radio, light rail, bar and plates are the town's.</summary>
    private static readonly WordSet GearNouns = new([
        "boots", "boot", "gloves", "glove", "baton", "batons", "cuffs", "handcuffs", "holster", "holsters", "spreader", "spreaders",
        "carbine", "carbines", "rifle", "rifles", "pistol", "pistols", "shotgun", "shotguns", "handgun", "handguns", "revolver",
        "suit", "suits", "vest", "vests", "helmet", "helmets", "flashlight", "flashlights", "lightbar", "weaponlight", "stretcher",
        "cot", "monitor", "scope", "optic", "optics", "sight", "sights", "knife", "knives", "tourniquet", "tourniquets", "mask",
        "masks", "mags", "magazine", "magazines", "sling", "belt", "belts", "jacket", "goggles", "sunglasses", "bodycam", "drone",
        "drones", "airpack", "airpacks", "harness", "respirator", "spray", "canister", "laptop", "tablet", "defibrillator", "blaster",
    ]);

    /// <summary>Tokens <paramref name="first"/> to <paramref name="last"/> name the maker of the gear after them.</summary>
    internal static bool IsGearMaker(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (last - first > 4)
        {
            return false;
        }

        // Up to two model words between ("Talon", "eDraulic", "TLR-7", "17").
        var k = last + 1;
        for (var model = 0; model < 2 && k < tokens.Length && !IsGear(text, tokens, k) && IsModelWord(text, tokens, k); model++)
        {
            k++;
            while (k + 1 < tokens.Length && tokens[k].Kind == TokenKind.Punct && text[tokens[k].Start] == '-' && tokens[k].Start == tokens[k - 1].End && tokens[k + 1].Start == tokens[k].End)
            {
                k += 2;
            }
        }

        return k < tokens.Length && IsGear(text, tokens, k) && !UsedElsewhere(text, tokens, first);
    }

    /// <summary>Token <paramref name="k"/> is a piece of gear in lower case ("boots", "baton").</summary>
    internal static bool IsGear(string text, ReadOnlySpan<Token> tokens, int k) =>
        tokens[k].Kind == TokenKind.Word && !tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.NewlineBefore) && GearNouns.Contains(text, tokens[k]);

    private static bool IsModelWord(string text, ReadOnlySpan<Token> tokens, int k) =>
        !tokens[k].Has(TokenFlags.NewlineBefore) && (tokens[k].Kind is TokenKind.Alnum or TokenKind.Number
            || tokens[k].Kind == TokenKind.Word && !tokens[k].Is(Lex.Stop) && (!tokens[k].Has(TokenFlags.Lower) || !tokens[k].Lex.IsEnglish) && char.IsLetter(text[tokens[k].Start]));

    /// <summary>
    /// The first word of the span stands elsewhere in the text as a word of its own, or without its last "s" (a
    /// possessive typed without the apostrophe: "grabs at rustys belt").
    /// </summary>
    private static bool UsedElsewhere(string text, ReadOnlySpan<Token> tokens, int first)
    {
        var word = text.AsSpan(tokens[first].Start, tokens[first].Length);
        var stem = word.Length > 3 && word[^1] is 's' or 'S' ? word[..^1] : word;
        for (var k = 0; k < tokens.Length; k++)
        {
            var other = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (k != first && tokens[k].Kind == TokenKind.Word && (other.Equals(word, StringComparison.OrdinalIgnoreCase) || other.Equals(stem, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
