using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 073, through the rules alone unless a test says otherwise: plates read in the spelling alphabet, call signs
/// said in words, digit by digit or as a speaker's label writes them, a line's clock before its call sign, diarized
/// speakers, numbers and names given in answer, premises and roads said in lower case, houses said aloud.
/// </summary>
public sealed class RadioAndAnswersTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] All(string text) => [.. Rules.Detect(text).Select(s => text[s.Start..s.End])];

    /// <summary>The persons the detector finds as it ships, with the tagger (which strikes a name that is a common word alone).</summary>
    private static string[] People(string text) =>
        [.. Shipped.Detect(text).Where(s => s.Label == PiiLabel.Person).Select(s => text[s.Start..s.End])];

    private static readonly LocalPiiDetector Shipped = new();

    [Theory]
    [InlineData("black Ford Ranger, Nevada Tango Romeo Kilo two niner one six.\nDISPATCH: copy", "Tango Romeo Kilo two niner one six")]
    [InlineData("um oregon plate hotel x ray lima four four zero eight. driver was a white male", "hotel x ray lima four four zero eight")]
    [InlineData("tag came back as six x-ray papa dash four one one on a silver impala", "six x-ray papa dash four one one")]
    public void PlatesReadInTheSpellingAlphabet(string text, string plate) => Assert.Contains(plate, Found(text, PiiLabel.Plate));

    [Fact]
    public void AVinReadInTheSpellingAlphabetIsTheVehiclesNumber()
    {
        const string text = "the vin is two golf alpha four seven one one on the dash";
        Assert.Contains("two golf alpha four seven one one", Found(text, PiiLabel.VehicleId));
    }

    [Fact]
    public void ACallSignSaidTwiceIsNoPlate()
    {
        const string text = "DISPATCH: lincoln two two lincoln two two\nL22: lincoln two two go ahead";
        Assert.Empty(Found(text, PiiLabel.Plate));
        Assert.Equal(3, Found(text, PiiLabel.BadgeId).Count(b => b == "lincoln two two"));
    }

    [Fact]
    public void ACallSignOnALetterThatNamesACountryIsNoPlace()
    {
        const string text = "TROOPER: Lima nine, out with a stalled semi at the bridge.\nDISPATCH: Lima nine, copy.";
        Assert.Equal(2, Found(text, PiiLabel.BadgeId).Count(b => b == "Lima nine"));
        Assert.Empty(Found(text, PiiLabel.Location));
    }

    [Fact]
    public void BakerIsALetterOfTheRadiosAlphabet()
    {
        const string text = "CENTRAL: Four Baker twelve, go ahead.\n4B12: Four Baker twelve, on scene.";
        Assert.Equal(2, Found(text, PiiLabel.BadgeId).Count(b => b == "Four Baker twelve"));
    }

    [Fact]
    public void APlateReadAfterItsWordIsNoCallSign()
    {
        const string text = "a blue pickup, kansas plate three baker nine nine two, westbound";
        Assert.Contains("three baker nine nine two", Found(text, PiiLabel.Plate));
        Assert.Empty(Found(text, PiiLabel.BadgeId));
    }

    [Fact]
    public void ASpellingByHyphensIsOneNameWithItsStop()
    {
        const string text = "subject with a bat, name Lucien Fontenot, F-O-N-T-E-N-O-T.\nSpeaker 2: copy, en route.";
        Assert.Contains("F-O-N-T-E-N-O-T", Found(text, PiiLabel.Person));
    }

    [Fact]
    public void CallSignsReadADigitAtATime()
    {
        const string text = "22:10 deputy 3 1 7: i'm out with a reckless driver\n22:11 deputy 3 2 2: 322 coming from the north end\n"
            + "22:12 radio: copy 317\n22:14 deputy 3 2 2: 322 on scene";
        var badges = Found(text, PiiLabel.BadgeId);
        Assert.Contains("3 1 7", badges);
        Assert.Equal(2, badges.Count(b => b == "3 2 2"));
        Assert.Equal(2, badges.Count(b => b == "322"));
    }

    [Fact]
    public void ACallSignSaidInWordsIsFoundAgainInTheTraffic()
    {
        const string text = "1907 henry nine: henry nine in pursuit eastbound\n1907 dispatch: copy henry nine all units henry nine in pursuit";
        Assert.Equal(4, Found(text, PiiLabel.BadgeId).Count(b => b == "henry nine"));
        Assert.Empty(Found(text, PiiLabel.Person));
    }

    [Fact]
    public void ALinesClockAndTheCallSignAfterItAreNoHouse()
    {
        const string text = "0715 echo 4: copy en route from the student union\n0716 echo 7: en route as well";
        Assert.Empty(Found(text, PiiLabel.Address));
        Assert.Contains("echo 4", Found(text, PiiLabel.BadgeId));
        Assert.Contains("0715", Found(text, PiiLabel.Time));
    }

    [Fact]
    public void ADistrictsNumberBeforeTheCallSign()
    {
        const string text = "1402 dispatch: 2 baker 5\n1403 2 baker 5: go ahead\n1404 dispatch: one in custody";
        Assert.Equal(2, Found(text, PiiLabel.BadgeId).Count(b => b == "2 baker 5"));
    }

    [Fact]
    public void ACallSignInItsLabelSaidInWords()
    {
        const string text = "[03:01:10] T12: radio, T twelve, out with a gray sedan\n[03:01:30] DISPATCH: T twelve copy, stand by";
        Assert.Equal(2, Found(text, PiiLabel.BadgeId).Count(b => b == "T twelve"));
    }

    [Theory]
    [InlineData("copy, stand by. report number will be two four one one zero three seven.", "two four one one zero three seven")]
    [InlineData("Speaker 1: you got the case number?\nSpeaker 2: two four dash zero one one nine two.", "two four dash zero one one nine two")]
    public void ANumberGivenAfterItsWordOrInAnswer(string text, string id) => Assert.Contains(id, Found(text, PiiLabel.CaseNumber));

    [Fact]
    public void ACornerOfANumberedStreetWithItsDirection()
    {
        const string text = "copy, show us en route from payne and east fiftieth.";
        Assert.Contains("payne and east fiftieth", Found(text, PiiLabel.Address));
    }

    /// <summary>With the tagger, as the detector ships: it would strike a name that is a common word alone.</summary>
    [Fact]
    public void ANameGivenInAnswer()
    {
        const string text = "OFFICER: okay what's your name\nMALE: brandy\nOFFICER: brandy what\nMALE: brandy coyle. c o y l e\nOFFICER: okay";
        var people = People(text);
        Assert.Contains("brandy", people);
        Assert.Contains("brandy coyle", people);
    }

    [Theory]
    [InlineData("Speaker A: good evening, do you know why I stopped you\nSpeaker B: no sir")]
    [InlineData("SPEAKER_00: okay, start whenever\nSPEAKER_01: so we get there and nobody answers")]
    public void ADiarizedSpeakerIsNoOne(string text) => Assert.Empty(Shipped.Detect(text));

    [Theory]
    [InlineData("we went out there and then 2 copy 31 to radio we have one and then")]
    [InlineData("we went out there and then 0932 adam 2 and we have one and then")]
    public void NumbersAroundAWordOfRadioTrafficAreNoHouse(string text) => Assert.Empty(Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("so we went to the uh the palomita motel and then we left it was late", "palomita motel")]
    [InlineData("it's pulling into the quiktrip's at 51st and doing a stop", "quiktrip's")]
    public void PremisesNamedInLowerCase(string text, string premise) => Assert.Contains(premise, Found(text, PiiLabel.Location));

    [Fact]
    public void APremiseOfOrdinaryWordsNamesNone() => Assert.Empty(Found("his vet check was at the vet clinic last week and it was fine", PiiLabel.Location));

    [Theory]
    [InlineData("about oh two ten i'm running county road four eighty one up toward the river", "county road four eighty one")]
    [InlineData("out with a red Civic, US two eighty seven northbound at the marker", "US two eighty seven")]
    [InlineData("the crash on friday was on i 35 so it's state right of way", "i 35")]
    public void RoadsSaidInWordsOrDigits(string text, string road) => Assert.Contains(road, Found(text, PiiLabel.Location));

    [Fact]
    public void ARiflesModelIsNoRoad() => Assert.DoesNotContain("AR fifteen", All("behind the engine block, rifle out, AR fifteen, I call it out"));

    [Theory]
    [InlineData("we get a domestic at thirty one twelve south okoboji upstairs and the door is open", "thirty one twelve south okoboji")]
    [InlineData("dispatched to a disturbance at twelve oh four north larchmont way apartment two c that's the complex", "twelve oh four north larchmont way apartment two c")]
    public void AHouseSaidAloud(string text, string address) => Assert.Contains(address, Found(text, PiiLabel.Address));

    [Fact]
    public void ACallSignOpeningALineIsFoundWhereItIsSaidAgain()
    {
        const string text = "0811 foxtrot 3: foxtrot 3 copy en route from the library\n0812 dispatch: copy";
        Assert.Equal(2, Found(text, PiiLabel.BadgeId).Count(b => b == "foxtrot 3"));
    }

    [Theory]
    [InlineData("[19:02:10] dispatch: 2 adam 12 copy nineteen oh two\n[19:02:30] speaker 1: good evening", "nineteen oh two")]
    [InlineData("one detained, transport to county. mark the time twenty three fifteen\n23:16 dispatch: copy", "twenty three fifteen")]
    [InlineData("OFFICER 1: for the record it's three forty a m on the ninth, the child is with me", "three forty a m")]
    public void AClockSaidOnTheRadio(string text, string time) => Assert.Contains(time, Found(text, PiiLabel.Time));

    [Theory]
    [InlineData("DISPATCH: copy ten thirty two, sarge is en route")]
    [InlineData("TROOP G: Copy four twelve, twenty-two fourteen.\n2219 G-412: 10-8")]
    public void ATenCodeOrACallSignAfterCopyIsNoClock(string text) => Assert.DoesNotContain(Found(text, PiiLabel.Time), t => t.StartsWith("ten", StringComparison.Ordinal) || t == "four twelve");

    [Fact]
    public void APhoneSaidAfterItsAreaCodeInDigits() =>
        Assert.Contains("303 five five five zero one eight eight", Found("you can reach me at 303 five five five zero one eight eight or by email", PiiLabel.Phone));

    /// <summary>With the tagger, as the detector ships: it would strike a name that is a common word alone.</summary>
    [Theory]
    [InlineData("hey sarge it's ray, uh, call me when you're up about the overpass thing", "ray")]
    [InlineData("Speaker 1: hey it's marcus, you got a minute?\nSpeaker 2: yeah go ahead", "marcus")]
    public void ACallerNamingThemselves(string text, string name) =>
        Assert.Contains(name, People(text));

    [Fact]
    public void ForWhatItsWorthNamesNoOne() => Assert.Empty(Found("For what it's worth, I'd always move the tests off the shoulder.", PiiLabel.Person));

    /// <summary>With the tagger, as the detector ships.</summary>
    [Theory]
    [InlineData("morning lieutenant it's trooper kate donnelly um from the east post, i'm leaving this because", "kate donnelly")]
    [InlineData("The guy's name is uh, Terrence Holloway, he's thirty eight.", "Terrence Holloway")]
    public void ANameWithoutTheFillersAtItsEdges(string text, string name)
    {
        var people = People(text);
        Assert.Contains(name, people);
        Assert.DoesNotContain(people, p => p.Contains("um", StringComparison.Ordinal) && p.EndsWith("um", StringComparison.Ordinal) || p.StartsWith("uh", StringComparison.Ordinal));
    }

    [Fact]
    public void AFillerAloneIsNoOne()
    {
        const string text = "this is officer hannah of pinecrest p d second shift um you said to send these in by friday um so here it is";
        Assert.DoesNotContain("um", Shipped.Detect(text).Select(s => text[s.Start..s.End]));
    }
}
