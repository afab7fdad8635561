using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Products named in reports are no PII (decision 062), through the whole detector, tagger included, since the
/// tagger finds many of them: a boat, an air pack, a light bar, a stretcher or a coat whose maker's name is a name or
/// a place elsewhere. A person whose name is a product's is still found when a rank stands before it or the name is
/// used alone elsewhere in the text.
/// </summary>
public sealed class ProductTests
{
    private static readonly LocalPiiDetector Detector = new();

    [Theory]
    [InlineData("We launched the Boston Whaler at dawn and the twin Yamahas started fine.")]
    [InlineData("The Captain masked up with his Scott Air-Pak and went in.")]
    [InlineData("I lit it up with the Whelen Liberty II bar and parked behind him.")]
    [InlineData("EMS packaged him on the Stryker Power-PRO and left.")]
    [InlineData("Medics brought the Stryker Lucas and ran compressions.")]
    [InlineData("He pulled a Hi-Point from his waistband and I went hands on.")]
    [InlineData("The Kel-Tec was under the seat, loaded.")]
    [InlineData("He wore a Carhartt coat over a Point Blank vest.")]
    [InlineData("Got the OtterBox Defender case and a Sharpie from the glovebox.")]
    [InlineData("The Polaris Sportsman was on its side and the Coors Light cans everywhere.")]
    public void ProductsAreNoPii(string text) => Assert.Empty(Detector.Detect(text));

    [Theory]
    [InlineData("Deputy Stryker Lucas took the call at the trailer park.", "Stryker Lucas")]
    [InlineData("Stryker Lucas was first on scene. Lucas said the door was open.", "Stryker Lucas")]
    public void PeopleNamedLikeProductsAreStillFound(string text, string name) =>
        Assert.Contains(Detector.Detect(text), s => text[s.Start..s.End] == name && s.Label == PiiLabel.Person);

    [Fact]
    public void APlateStateAfterAModelIsNoModelWord()
    {
        const string text = "2231 T14 TRAFFIC STOP GRN FORD F-150 CHIH PLATE EKR-41-22";
        Assert.Contains(Detector.Detect(text), s => text[s.Start..s.End] == "CHIH");
    }
}
