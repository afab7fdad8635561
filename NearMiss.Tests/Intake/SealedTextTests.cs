using System.Text;
using NearMiss.Core.Intake;

namespace NearMiss.Tests.Intake;

public sealed class SealedTextTests
{
    [Fact]
    public void ToJson_AccentedText_IsWrittenAsUtf8NotEscaped()
    {
        var text = new SealedText(new string('é', 8000), new string('à', 3000));

        var bytes = Encoding.UTF8.GetByteCount(text.ToJson());

        Assert.InRange(bytes, 22_000, 22_100);
        Assert.True(text.FitsInStorage());
        Assert.Equal(text, SealedText.FromJson(text.ToJson()));
    }

    [Fact]
    public void FitsInStorage_TextOverTheBinaryPropertyLimitAsUtf8_IsFalse()
    {
        Assert.False(new SealedText(new string('中', 12_000), new string('中', 12_000)).FitsInStorage());
        Assert.True(new SealedText(new string('中', 12_000), new string('中', 9_000)).FitsInStorage());
    }

    [Fact]
    public void FromJson_ReadsTextSealedWithEscapes()
    {
        Assert.Equal(new SealedText("é", ""), SealedText.FromJson("""{"Narrative":"\u00e9","LessonsLearned":""}"""));
    }
}
