using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 072, through the rules alone: a transcript's speakers in capitals do not make its lower-case lines read as
/// written in capitals, shifts on the hour need no word of hours, a house number and a building number share a line;
/// names spelled in the radio's letters or asked for by name, ages that dictation runs on after, "st" read as "saint",
/// call signs that are numbers alone, and what a speaker sets right after saying it.
/// </summary>
public sealed class SpeakersAndShiftsTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    /// <summary>With the tagger, as the detector ships: the rules alone read the first "FEMALE" after a name as one too.</summary>
    [Fact]
    public void NamesInTheLowerCaseLinesOfATranscriptWithSpeakersInCapitals()
    {
        const string text = "OFFICER 1: ma'am we got a call from this address is that you are you gina\n"
            + "FEMALE: gina's my sister i'm teresa\nOFFICER 1: okay teresa is anybody else inside\nFEMALE: no\n"
            + "OFFICER 2: car out back that's his the black charger\nOFFICER 1: teresa what's your last name\nFEMALE: russo";
        string[] people = [.. new LocalPiiDetector().Detect(text).Where(s => s.Label == PiiLabel.Person).Select(s => text[s.Start..s.End])];
        Assert.Equal(3, people.Count(p => p == "teresa"));
        Assert.Contains("russo", people);
        Assert.DoesNotContain("FEMALE", people);
    }

    [Theory]
    [InlineData("Anyway I'm on 0600-1600 Sun-Wed this week if you want to talk it through.", "0600", "1600")]
    [InlineData("Sat 8/3. 1500-0300. car G-19.", "1500", "0300")]
    public void AShiftOnTheHourIsTwoTimesAndNoPhone(string text, string from, string to)
    {
        var times = Found(text, PiiLabel.Time);
        Assert.Contains(from, times);
        Assert.Contains(to, times);
        Assert.Empty(Found(text, PiiLabel.Phone));
    }

    [Theory]
    [InlineData("see case 1400-2200 in the file", "2200")] // a case number's words before it
    [InlineData("see report 1400-2240 in the file", "2240")] // not on the hour
    public void NumbersJoinedByAHyphenOffTheHourOrAfterACaseAreNoShift(string text, string second) =>
        Assert.DoesNotContain(second, Found(text, PiiLabel.Time));

    [Theory]
    [InlineData("bwc transcript, officer device 2 of 2\nofficer 1: can you come to the door and we will talk about it later ok")]
    [InlineData("we went out the roof and across to bldg 8\nHalvorsen 21:22: good job holding")]
    public void AHouseNumberAtALinesEndIsNoAddressWithTheNextLine(string text) =>
        Assert.DoesNotContain(Found(text, PiiLabel.Address), a => a.Contains('\n'));

    [Theory]
    [InlineData("the driver identified as abdirahman hassan that's alpha bravo delta india romeo alpha hotel mike alpha november last name hassan", "alpha bravo delta india romeo alpha hotel mike alpha november")]
    [InlineData("the guy identified himself as uh wesley iron cloud spelling last i r o n second word c l o u d date of birth", "c l o u d")]
    [InlineData("he says his name is efrain g o m e z gomez and he had a knife", "g o m e z")]
    public void NamesSpelledLetterByLetter(string text, string spelled) => Assert.Contains(spelled, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("plate is adam victor tango four four nine two and it came back clear")] // a plate's letters, then its numbers
    [InlineData("we cleared the alpha side, bravo side, delta side and then the interior")]
    public void RadioLettersThatSpellNoNameAreNoPerson(string text) => Assert.Empty(Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("reporting party is graciela ortiz uh she's fifty six says her nephew is inside", "fifty six")]
    [InlineData("the driver was a gianni esposito he's twenty two period ok so i'm standing", "twenty two")]
    [InlineData("the door was answered by his son who was like nineteen who told us his dad was asleep", "nineteen")]
    public void AnAgeDictationRunsOnAfter(string text, string age) => Assert.Contains(age, Found(text, PiiLabel.Age));

    [Fact]
    public void AnAgeIsNoDistanceOrDuration() =>
        Assert.Empty(Found("he's fifty feet away and she's twenty minutes out", PiiLabel.Age));

    [Theory]
    [InlineData("no signal at that landing so i couldnt call it in, had to raise st martin so on the 800")]
    [InlineData("had a warrant thru st mary parish so we held him")]
    public void StBeforeAParishIsSaintNoStreet(string text) => Assert.Empty(Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("OFFICER 1: four twelve to central go ahead and start me another unit code three", "four twelve")]
    [InlineData("OFFICER 1: two forty two to dispatch we need units to the corner", "two forty two")]
    [InlineData("21:47:10 DISPATCH: three twenty three three twenty three report of shots fired", "three twenty three three twenty three")]
    [InlineData("DISPATCH: adam one one go ahead\nA14: adam one four i'll back from the light rail station", "adam one four")]
    public void CallSignsSaidAsNumbers(string text, string sign) => Assert.Contains(sign, Found(text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("DISPATCH: copy, twenty two twenty one.")] // a time said after "copy"
    [InlineData("OFFICER 1: four twelve hours on this shift and still no lunch")]
    public void NumbersThatAreNoCallSign(string text) => Assert.Empty(Found(text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("i call it out to dispatch wisconsin plate adam victor tango four four nine two no wait four four niner two sorry.", "four four niner two", PiiLabel.Plate)]
    [InlineData("he was at his cousin's place, fifteen fifteen south fourth street apartment fourteen k, no, fourteen g as in george.", "fourteen g", PiiLabel.Address)]
    public void WhatIsSetRightIsFoundAgain(string text, string again, PiiLabel label) => Assert.Contains(again, Found(text, label));

    [Fact]
    public void DigitsSetRightAreAsMany() =>
        Assert.DoesNotContain("11702", Found("the old address on Farm to Market 1960, no wait, 11702 FM 2149 outside Tulia", PiiLabel.Date));

    [Theory]
    [InlineData("02:19 Moose: AK plate JRV 418\n02:20 Kenny: i got him eastbound", "JRV 418", PiiLabel.Plate, "02:20")]
    [InlineData("01:21 Kou: thats the same lot from april\n01:24 Sgt Her: Scene is the lot.", "april", PiiLabel.Date, "01:24")]
    [InlineData("ANDRES VILLALOBOS 25 CA DL B4471902\n23:18:40 DISP  LAPD PACIFIC NOTIFIED", "B4471902", PiiLabel.DriverLicense, "23:18:40")]
    public void AValueEndsAtItsLineAndTheNextLinesClockIsATime(string text, string value, PiiLabel label, string clock)
    {
        Assert.Contains(value, Found(text, label));
        Assert.Contains(clock, Found(text, PiiLabel.Time));
    }

    [Theory]
    [InlineData("Anyway I'm on 0600-1600 Sun-Wed this week", "Sun", "Wed")]
    [InlineData("we work Sat-Sun", "Sat", "Sun")]
    [InlineData("I work Sun-Tue this week", "Sun", "Tue")]
    public void BothDaysOfARangeOfWeekdays(string text, string from, string to)
    {
        var dates = Found(text, PiiLabel.Date);
        Assert.Contains(from, dates);
        Assert.Contains(to, dates);
        Assert.Empty(Found(text, PiiLabel.Person));
    }

    [Theory]
    [InlineData("the courthouse run with Ofc. Tae Chung in van T-7. Four inmates.", "T-7")]
    [InlineData("Sat 8/3. 1500-0300. car G-19.", "G-19")]
    [InlineData("I parked my unit, car P-31, behind his trailer", "P-31")]
    public void AVehicleNumberedByALetterAndANumber(string text, string id) => Assert.Contains(id, Found(text, PiiLabel.VehicleId));

    [Theory]
    [InlineData("the machete that was at the um the seven eleven by the mall", "seven eleven")]
    [InlineData("respond to the motel six on international boulevard", "motel six")]
    [InlineData("the duplex next to the quik stop period my cover was", "quik stop")]
    [InlineData("a burglary alarm at the uh the goodwill on south willow street", "goodwill")]
    public void ChainsAsDictationSaysThem(string text, string chain) => Assert.Contains(chain, Found(text, PiiLabel.Location));

    [Fact]
    public void ACallSignNamedAsOneIsFoundAtEveryMention() =>
        Assert.Equal(["Marine 2", "Marine 2"], Found("Dep. K. Haddad #1184, BCSO marine, call sign Marine 2. Later Marine 2 was towed.", PiiLabel.BadgeId).Skip(1));

    [Theory]
    [InlineData("ok so two sam nineteen en route from haines and anamosa and we get there and nobody is around", "haines and anamosa")]
    [InlineData("we need units to atwells and dean male with a bat fleeing toward the park and i went after him", "atwells and dean")]
    [InlineData("you rolled the stop sign back at division and lameuse and that is why i stopped you tonight", "division and lameuse")]
    [InlineData("three thirty on scene sixth and cedar we got a casing here on the sidewalk and a witness", "sixth and cedar")]
    public void ACornerSaidInLowerCase(string text, string corner) => Assert.Contains(corner, Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("he had a smith and wesson and a knife on him and i went to talk to him and he ran off")]
    [InlineData("the dog climbed right up on the kid and pushed him under twice and i got the boat over")]
    public void NoCornerInLowerCaseWithoutAStreetsName(string text) => Assert.Empty(Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("[23:44] T-Roy: i was at the waffle house on johnston\n[23:47] T-Roy: yes sarge", "T-Roy")]
    [InlineData("the hunter, Terrance \"T-Bob\" Guidry, 45, out of Loreauville, stood there. Afterward T-Bob was apologizing.", "T-Bob")]
    public void ANameWithACapitalAndAHyphenBefore(string text, string name) => Assert.Contains(name, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("write it up for the near miss board. no names. the LT will want it for roll call on monday night")]
    [InlineData("the suspect will run if you let him and the driver may run too so watch the doors")]
    public void AModalVerbAloneIsNoNameInLowerCase(string text) => Assert.DoesNotContain("will", Found(text, PiiLabel.Person));

    [Fact]
    public void AGivenNameThatIsAModalStaysANameWithEvidence() =>
        Assert.Contains("will", Found("me and will went in the back and will said it was clear so we left the house", PiiLabel.Person));
}
