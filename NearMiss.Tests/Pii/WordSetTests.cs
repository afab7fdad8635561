using System.Reflection;
using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>A token's word-set bits (decision 055) answer as the word itself does, for sets made before and after it was read.</summary>
public sealed class WordSetTests
{
    private static readonly WordSet Early = new(["courtroom", "pod", "~"]);

    [Fact]
    public void TokenBitsAnswerAsTheWordDoes()
    {
        const string text = "Inmate in C POD threw a tray at the Courtroom door, about ~ 3";
        Assert.True(Early.Contains("Pod")); // made before the text is read: its bits are on the tokens
        var tokens = new Token[64];
        var count = PiiTokenizer.Tokenize(text, PiiLexicon.Shared, ref tokens, new PiiWordCache(PiiLexicon.Shared));
        var late = new WordSet(["tray", "door", "pod"]);

        for (var k = 0; k < count; k++)
        {
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            Assert.Equal(Early.Contains(word), Early.Contains(text, tokens[k]));
            Assert.Equal(late.Contains(word), late.Contains(text, tokens[k]));
            Assert.Equal(late.Value(word), late.Value(text, tokens[k]));
        }

        Assert.True(Early.Contains(text, tokens[Array.FindIndex(tokens, t => text.AsSpan(t.Start, t.Length).SequenceEqual("POD"))]));
        Assert.Contains(tokens[..count], t => t.Sets != default && t.SetsKnown > 0);
    }

    /// <summary>
    /// Every word list the detector keeps has a bit on each token: a list past <see cref="WordSet.MaxIndexed"/> would be
    /// hashed word by word at every ask, and a rule's test of the whole text for it would always answer "may be".
    /// </summary>
    [Fact]
    public void EveryListOfTheDetectorHasABit()
    {
        _ = new LocalPiiDetector();
        var lists = LocalPiiDetector.WordSetOwners
            .SelectMany(owner => owner.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(field => field.FieldType == typeof(WordSet))
            .Select(field => (field.Name, Set: (WordSet)field.GetValue(null)!))
            .ToList();

        Assert.True(lists.Count > 100, $"{lists.Count} lists found");
        Assert.All(lists, list => Assert.True(list.Set.HasBit, $"{list.Name} has no bit"));
    }

    /// <summary>Each set past the 64th keeps its bit in its own word, apart from the sets 64 before and after it (decision 076).</summary>
    [Theory]
    [InlineData(0, 64)]
    [InlineData(6, 70)]
    [InlineData(63, 127)]
    [InlineData(70, 6)]
    [InlineData(130, 66)]
    [InlineData(200, 136)]
    [InlineData(255, 191)]
    [InlineData(192, 0)]
    public void SetBitsKeepEachIndexApart(int index, int other)
    {
        var bits = default(SetBits).With(index);

        Assert.True(bits.Has(index));
        Assert.False(bits.Has(other));
        Assert.True((bits | default(SetBits).With(other)).Has(other));
    }

    /// <summary>
    /// Every class of the detector that keeps word sets in static fields is made before the first text is read, so
    /// that no text (the first of a thread included) is read knowing fewer sets than the next.
    /// </summary>
    [Fact]
    public void EveryOwnerOfWordSetsIsMadeBeforeTheFirstText()
    {
        const System.Reflection.BindingFlags statics = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly;
        var owners = typeof(WordSet).Assembly.GetTypes()
            .Where(type => type.GetFields(statics).Any(field => field.FieldType == typeof(WordSet)))
            .ToHashSet();

        Assert.NotEmpty(owners);
        Assert.Subset(LocalPiiDetector.WordSetOwners.ToHashSet(), owners);
    }

    /// <summary>Every word of every text is looked up in the registry's rule keys: that set must be answered by a bit.</summary>
    [Fact]
    public void TheRegistrysKeysAreAnsweredByATokensBits()
    {
        _ = new LocalPiiDetector();
        Assert.True(PiiRecogniserRegistry.Default.KeysHaveBits);
    }
}
