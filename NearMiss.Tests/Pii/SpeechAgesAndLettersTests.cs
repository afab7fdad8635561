using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 074, through the rules alone: ages said in words in speech with no stops, names that end before a verb,
/// an address said after "the address is", agencies' letters said one at a time, and clock times said in a row.
/// </summary>
public sealed class SpeechAgesAndLettersTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("we got him two blocks over jalen moore seventeen lesson is don't chase alone", "seventeen")]
    [InlineData("we stopped him at the exit driver was brandon kessler forty four texting the whole time", "forty four")]
    [InlineData("a guy everybody calls rusty real name russell amato like fifty two we've dealt with him", "fifty two")]
    [InlineData("and this kid dustin hollis he's like twenty six comes around the side of the trailer", "twenty six")]
    [InlineData("had his grandson tyler who is seventeen and i walk up on the driver side", "seventeen")]
    [InlineData("target was demetrius coleman he goes by lil meech thirty one years old wanted out of lake county", "thirty one")]
    public void AgesSaidInWordsWithNoStopAfterThem(string text, string age) => Assert.Contains(age, Found(text, PiiLabel.Age));

    [Theory]
    [InlineData("so i gave tate twenty dollars for the tow and we left")]
    [InlineData("he's twenty feet away from me with the knife out")]
    [InlineData("and then kessler forty rounds later they finally stopped shooting")]
    [InlineData("we had lincoln forty four adam twelve and the sarge on scene")]
    public void CountsAndCallSignsAfterANameAreNoAge(string text) => Assert.Empty(Found(text, PiiLabel.Age));

    [Theory]
    [InlineData("so we pop the door and dupree goes to roll him over and he comes up swinging", "dupree")]
    [InlineData("the guy just floors it at him and reyes dove over the hood of a parked car", "reyes")]
    public void AVerbAfterANameIsNoPartOfIt(string text, string name) => Assert.Equal([name], Found(text, PiiLabel.Person));

    [Fact]
    public void AnAddressSaidAloudEndsAtAWordOfGrammar()
    {
        const string text = "the address is uh four four one eight county road twelve it's a single wide with a burn barrel out front caller was the neighbor";
        Assert.Equal(["four four one eight county road twelve"], Found(text, PiiLabel.Address));
    }

    [Theory]
    [InlineData("we terminated the pursuit and a z d p s found it abandoned near the exit", "a z d p s")]
    [InlineData("the pursuit started on the rez b i a police was chasing a stolen pickup", "b i a police")]
    [InlineData("i'm a county deputy assigned to the d e a task force in the city", "d e a")]
    public void AgenciesLettersSaidOneAtATime(string text, string agency) => Assert.Contains(agency, Found(text, PiiLabel.Agency));

    [Theory]
    [InlineData("i stopped a maroon impala on b i a twenty seven just outside of town")]
    [InlineData("report number is h c s o dash twenty four dash zero three one one two")]
    public void AnAgencysLettersBeforeANumberAreTheNumbers(string text) => Assert.Empty(Found(text, PiiLabel.Agency));

    [Fact]
    public void TwoClockTimesSaidInARow()
    {
        const string text = "during morning count so it's like oh five thirty oh five forty i'm working the pod";
        Assert.Equal(["oh five thirty", "oh five forty"], Found(text, PiiLabel.Time));
    }

    [Fact]
    public void AClockAfterLikeAndAPartOfTheDay() =>
        Assert.Equal(["five fifteen"], Found("sunday before daylight like five fifteen i'm checking the boat ramp", PiiLabel.Time));

    [Theory]
    [InlineData("i'm on patrol and me and officer brook ashby get a call of a guy with a knife", "brook ashby")]
    [InlineData("my backup was deputy grace tafoya and she's tied up on a rollover", "grace tafoya")]
    [InlineData("my partner's name is hunter and he was driving", "hunter")]
    [InlineData("the guy says his name is wade bishop and he lives out there", "wade bishop")]
    public void GivenNamesThatAreWordsAfterARankOrSaidToBeNames(string text, string name) => Assert.Contains(name, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("a domestic at the dock that's at forty one twenty two highway fifty six in the parish", "forty one twenty two highway fifty six")]
    [InlineData("call is a domestic at twenty eight forty county road one fifteen outside of town", "twenty eight forty county road one fifteen")]
    public void AHouseOnANumberedRoadSaidAloud(string text, string address) => Assert.Contains(address, Found(text, PiiLabel.Address));

    [Fact]
    public void AnInterstateWorked() =>
        Assert.Contains("i thirty five", Found("around oh two hundred and i'm working i thirty five south of the city", PiiLabel.Location));

    [Fact]
    public void ANameSaidAgainToThePersonSpokenTo()
    {
        const string text = "Speaker A: what's your name\nSpeaker B: chase. chase whitaker\nSpeaker A: alright chase i'm gonna have you step out\nSpeaker A: we had to chase him last week";
        Assert.Equal(2, Found(text, PiiLabel.Person).Count(p => p == "chase"));
    }

    [Fact]
    public void AnIntersectionTheTrueCaserHalfCapitalised() =>
        Assert.Contains("belmonte and orchid", Found("we roll on a family disturbance at belmonte and orchid in fresno and the rp is the grandma", PiiLabel.Address));

    [Fact]
    public void AnIntersectionEndsWithItsSentence()
    {
        const string text = "Deputies placed tire deflation devices near the intersection of Buffalo Soldier Trail and Fry Boulevard. Deputy Encinas moved behind his vehicle.";
        Assert.DoesNotContain(Found(text, PiiLabel.Address), a => a.Contains("Deputy", StringComparison.Ordinal));
        Assert.Contains("Encinas", Found(text, PiiLabel.Person));
    }

    [Fact]
    public void AWordAndANumberSaidTwiceOnTheRadioAreACallSign()
    {
        const string text = "01:52:10  S14: story fourteen, I'll be out with a vehicle in the ditch\n01:52:31  DISP: story fourteen copy, oh one fifty two";
        Assert.Equal(["story fourteen", "story fourteen"], Found(text, PiiLabel.BadgeId).Where(b => b.StartsWith("story", StringComparison.Ordinal)));
    }

    [Fact]
    public void ACodeSaidTwiceIsNoCallSign() =>
        Assert.Empty(Found("DISP: code three, all units\nME: code three copy", PiiLabel.BadgeId));

    [Fact]
    public void ARecordingsOwnStampsAndLengthAreNoTimes()
    {
        const string text = "Voicemail received Tue 4:07 PM, duration 2:38\nRecorded 06/22/2024 01:47:12\n\n[00:00:04] OFC. NGUYEN: on scene\n[00:00:09] DISPATCH: copy";
        Assert.Equal(["4:07 PM", "01:47:12"], Found(text, PiiLabel.Time));
    }

    [Theory]
    [InlineData("dictating shift notes for tuesday love county s o deputy on days", "love county s o")]
    [InlineData("i called it in off duty to p c s o dispatch on my cell", "p c s o")]
    [InlineData("and butler township p d grabbed him like twenty minutes later", "butler township p d")]
    public void SheriffsAndPoliceSpelledWithTheirPlace(string text, string agency) => Assert.Contains(agency, Found(text, PiiLabel.Agency));

    [Fact]
    public void AnEmailSpelledWithAnAgencysLettersStaysAnEmail() =>
        Assert.Equal(["w bishop at y c s o dot m t dot gov"], Found("call me or email is w bishop at y c s o dot m t dot gov thanks bye", PiiLabel.Email));

    [Theory]
    [InlineData("vehicle in the ditch, Parks Highway, mile three fifty one, no injuries, tow called", "mile three fifty one")]
    [InlineData("he's taking exit three oh five, ran the stop sign at the top", "exit three oh five")]
    [InlineData("oh six forty uh traffic assist I thirty five southbound with the other unit", "I thirty five")]
    [InlineData("about nine oh five we had a wreck on kentucky fifteen just past the market", "kentucky fifteen")]
    public void RoadsAndMilesSaidAloud(string text, string road) => Assert.Contains(road, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("i ran about a mile three times a week before the academy")]
    [InlineData("he moved back to kentucky three years ago")]
    public void DistancesAndStatesBeforeCountsAreNoRoads(string text) => Assert.DoesNotContain(Found(text, PiiLabel.Location), l => l.Contains(' ', StringComparison.Ordinal));

    [Theory]
    [InlineData("he gave two names um RD number is j b two four one three nine two um the lesson is", "j b two four one three nine two")]
    [InlineData("we didn't do either. arrest number is k twenty four six six one four four eight. i'll talk", "k twenty four six six one four four eight")]
    [InlineData("had dispatch call him out first. the report's M P twenty four dash zero eight eight one five. um", "M P twenty four dash zero eight eight one five")]
    public void CaseNumbersSaidAfterTheirKindOrLetters(string text, string id) => Assert.Contains(id, Found(text, PiiLabel.CaseNumber));

    [Fact]
    public void AnAgeDictatedAfterItsComma() =>
        Assert.Contains("fifty nine", Found("dash tenant is leroy cash comma fifty nine period landlord is bernice holt period", PiiLabel.Age));

    [Theory]
    [InlineData("one detained name of ruben gallardo spelled g a l l a r d o d o b oh two fourteen oh one", "g a l l a r d o")]
    [InlineData("me and my partner kasia voy chick sorry that's w o j c i k we're on the platform", "w o j c i k")]
    [InlineData("DEP: Spell the last name for me.\nDRIVER: B R O W N.\nDEP: Date of birth?", "B R O W N")]
    [InlineData("the guy was uh Travis lindqvist right L I N D Q V I S T. and the date was wrong", "L I N D Q V I S T")]
    public void NamesSpelledAfterAWordOrAQuestion(string text, string spelled) => Assert.Contains(spelled, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("four charlie twelve working late shift out of district four and we stop a silver impala", "district four")]
    [InlineData("ok so this is from the twenty fifth district, i was working a beat car", "twenty fifth district")]
    [InlineData("ronaldo santos my partner from the sector four car he's the one who saw it", "sector four")]
    public void PoliceDistrictsSaidWithTheirNumber(string text, string agency) => Assert.Contains(agency, Found(text, PiiLabel.Agency));

    [Fact]
    public void ADistrictBeforeACountIsNone() =>
        Assert.Empty(Found("we covered the district four times that night before it calmed down", PiiLabel.Agency));

    [Fact]
    public void ANicknameBeforeTheRealName() =>
        Assert.Contains("rusty", Found("there's a guy everybody down there calls rusty real name russell amato", PiiLabel.Person));

    [Theory]
    [InlineData("this was thursday, like two, two thirty in the morning. we get a call", "two thirty")]
    [InlineData("SGT: ok we're recording. it's uh ten fifteen on the third. deputy go ahead", "ten fifteen")]
    [InlineData("i'll put it in for the quarterly. interview ends ten thirty one.", "ten thirty one")]
    public void ClocksSaidBeforeAPartOfTheDayOrForARecording(string text, string time) => Assert.Contains(time, Found(text, PiiLabel.Time));

    [Fact]
    public void ADogsNameAfterKNineSaidAloud()
    {
        const string text = "k nine unit, my partner is k nine jinx she's a belgian malinois. um so the track goes into the woods. jinx is on the line and i'm running";
        Assert.Equal(["jinx", "jinx"], Found(text, PiiLabel.OtherId));
    }

    [Theory]
    [InlineData("DISPATCH: copy\nUNIT: 10-4, setting flares at the curve")]
    [InlineData("0703  DISPATCH: All units 10-33, shots fired at the exit")]
    public void ATenCodeAfterUnitIsNoCallSign(string text) => Assert.Empty(Found(text, PiiLabel.BadgeId));
}
