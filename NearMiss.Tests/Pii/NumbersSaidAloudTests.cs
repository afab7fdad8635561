using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 078: numbers said aloud as speech-to-text writes them. Hyphenated number words read as words said; an id
/// after the word it belongs to and "number"; hours past noon with their minutes; an hour with its part of the day; an
/// age after a person described; call signs in number words that the radio marks, and their other mentions; ids said in
/// groups with "dash"; years after "two thousand" and a date's two-digit year; a freeway's number after "on the".
/// </summary>
public sealed class NumbersSaidAloudTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("DISPATCH: Ten four, fourteen twenty-two.", "fourteen twenty-two", PiiLabel.Time)]
    [InlineData("It was twenty-one fifteen, uh, no, twenty-one oh five.", "twenty-one oh five", PiiLabel.Time)]
    [InlineData("it was nineteen forty one when he came back out", "nineteen forty one", PiiLabel.Time)]
    [InlineData("so around one in the morning we get the call", "one", PiiLabel.Time)]
    [InlineData("Older woman, sixty-four, she was fine after.", "sixty-four", PiiLabel.Age)]
    [InlineData("The clerk, like nineteen, from Ames, called it in.", "nineteen", PiiLabel.Age)]
    [InlineData(">> how old are you\n>> nineteen\n>> okay stay right there", "nineteen", PiiLabel.Age)]
    [InlineData("this is quang dang, p number one one four two seven, east area command", "one one four two seven", PiiLabel.BadgeId)]
    [InlineData("The tractor had fleet number 4417 on the cab.", "4417", PiiLabel.VehicleId)]
    [InlineData("TDOC offender number 00498127.", "00498127", PiiLabel.OtherId)]
    [InlineData("The pickup hit my patrol car, car two-fourteen, and pushed it.", "two-fourteen", PiiLabel.VehicleId)]
    [InlineData("they gave me a report number, hold on, it's twenty-five dash zero one one four two. Assault.", "twenty-five dash zero one one four two", PiiLabel.CaseNumber)]
    [InlineData("Let me tell you about Mardi Gras night, two thousand eighteen, First District.", "two thousand eighteen", PiiLabel.Date)]
    [InlineData(">> date of birth\n>> june fourth eighty six\n>> okay", "eighty six", PiiLabel.Date)]
    [InlineData("he's merging onto the two ten westbound, speeds ninety", "two ten", PiiLabel.Location)]
    [InlineData("And I'm on the sixty-three, southbound, just past exit nine.", "sixty-three", PiiLabel.Location)]
    [InlineData("dispatch: units en route\nUNIT 2: Thirty-one, en route from Edinburg.", "Thirty-one", PiiLabel.BadgeId)]
    [InlineData("[siren]\n>> forty four copy units en route\n>> forty four foot pursuit northbound", "forty four", PiiLabel.BadgeId)]
    [InlineData("one in custody behind five six one two woodland, gun recovered", "five six one two woodland", PiiLabel.Address)]
    [InlineData("we had him in custody by Kessler and ninth, no injuries", "Kessler and ninth", PiiLabel.Address)]
    [InlineData("DISPATCH: copy hoang minh oh four twenty two ninety nine stand by", "oh four twenty two ninety nine", PiiLabel.Date)]
    [InlineData("speaker 1: date of birth\nspeaker 2: eleven four ninety eight\nspeaker 1: okay", "eleven four ninety eight", PiiLabel.Date)]
    [InlineData("One of them Jared Pike had a pistol in his hand.", "Jared Pike", PiiLabel.Person)]
    [InlineData("TROOPER: three sixty-seven, dispatch.\nDISPATCH: three sixty-seven, go ahead.", "three sixty-seven", PiiLabel.BadgeId)]
    [InlineData("DISPATCH: units en route.\nDEPUTY B: fourteen on scene, staged at the bottom of the hill", "fourteen", PiiLabel.BadgeId)]
    [InlineData("it's all on the one ticket, number four four zero nine, just add your name.", "four four zero nine", PiiLabel.OtherId)]
    [InlineData("DISPATCH: David thirty-two, forty-eight sixteen North Ridgeview, cross of Oak.", "forty-eight sixteen North Ridgeview", PiiLabel.Address)]
    [InlineData("driver identified as Dmitri Kuzmin comma forty seven comma was swinging a gaff hook", "forty seven", PiiLabel.Age)]
    [InlineData("shots fired at the house, zero zero forty, two on scene", "zero zero forty", PiiLabel.Time)]
    [InlineData("Mom has an order, court file sixty-two dash C-V dash twenty-three dash four four one, and it was flagged", "sixty-two dash C-V dash twenty-three dash four four one", PiiLabel.CaseNumber)]
    [InlineData("a rifle in the cab of their pickup, Idaho seven dash two two four one eight C. I've got eyes on it.", "seven dash two two four one eight C", PiiLabel.Plate)]
    [InlineData("I put in a work order, ticket thirty-one twelve. If that camera was up", "thirty-one twelve", PiiLabel.OtherId)]
    [InlineData("Dispatch, Warden three.\nGo ahead, Warden three.\nCopy, Warden three. Warden eight is at the boat ramp.", "Warden eight", PiiLabel.BadgeId)]
    [InlineData("I'm on Forest Road two-sixty-one about a mile up, below the ridge.", "Forest Road two-sixty-one", PiiLabel.Location)]
    [InlineData("Q. Badge number?\nA. Six twelve.\nQ. Go on.", "Six twelve", PiiLabel.BadgeId)]
    public void ANumberSaidAloudIsFound(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(text, label));

    [Theory]
    [InlineData("We went to Lebanon Pike and waited.", "Lebanon Pike")]
    [InlineData("Washington Street was closed both ways.", "Washington Street")]
    public void AStreetNamedForAPlaceOrOnACommonTypeStaysAStreet(string text, string street) => Assert.Contains(street, Found(text, PiiLabel.Address));

    [Fact]
    public void AMemosReAfterARankIsNoName() =>
        Assert.Empty(Found("WILL ADVISE DAY SHIFT SGT RE: MOP HANDLES IN THE POD. MOVED TO DETOX CELL ON 15 MIN CHECKS.", PiiLabel.Person));

    [Fact]
    public void ASpeakersLetterIsNoName() =>
        Assert.Empty(Found("OFFICER A: dog dog dog, back up\nOFFICER B: I know. I saw.\nDEPUTY B: yeah", PiiLabel.Person));

    [Fact]
    public void AKinWordBeforeANameInBracketsIsNoNickname() =>
        Assert.DoesNotContain("stepdad", Found("Her stepdad (Darnell Okafor, 52) walked out of the dark carrying it. The stepdad said nothing.", PiiLabel.Person));

    [Theory]
    [InlineData("Said he was going up to the cabin in Marathon county and wanted to think.", "Marathon county")]
    [InlineData("at the Kwik Trip on highway 10 west of Stevens point. Subject in a silver truck.", "Stevens point")]
    public void APlaceVoiceToTextLeftHalfInLowerCase(string text, string place) => Assert.Contains(place, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("Reserve deputy in a rural Texas county, eleven years in.", "Texas county")]
    [InlineData("we met at the Clark/Lake station in the Loop", "Lake station")]
    public void AStatesCountyOrAnEnglishWordsStationIsNoPlaceOfItsOwn(string text, string notPlace) => Assert.DoesNotContain(notPlace, Found(text, PiiLabel.Location));

    [Fact]
    public void ACallSignTheRadioMarksIsFoundAtEveryMention()
    {
        const string text = "DISPATCH: All units, hold the air for four fifteen.\nFOUR FIFTEEN: Radio, four fifteen, I'm behind it, northbound.\nDISPATCH: Four fifteen, back it off.";
        Assert.Equal(["four fifteen", "FOUR FIFTEEN", "four fifteen", "Four fifteen"], Found(text, PiiLabel.BadgeId));
    }

    [Theory]
    [InlineData("TROOPER: dispatch, ten thirty two, one subject, vehicle stop", PiiLabel.BadgeId)]
    [InlineData("he owed his cousin two thousand fifty dollars", PiiLabel.Date)]
    [InlineData("on march twelfth forty officers came to the funeral", PiiLabel.Age)]
    [InlineData("the one-two punch of a bad call and no backup", PiiLabel.Time)]
    [InlineData("he's going up sixty three miles an hour in a forty", PiiLabel.Location)]
    [InlineData("My personal number is 504-555-0177, evenings are best.", PiiLabel.OtherId)]
    public void AnOrdinaryNumberIsNoneOfThese(string text, PiiLabel label) => Assert.Empty(Found(text, label));

    [Theory]
    [InlineData("she was flagged down by the operator of bus fourteen oh nine", "fourteen oh nine", PiiLabel.VehicleId)]
    [InlineData("this was back in twenty nineteen when i was new", "twenty nineteen", PiiLabel.Date)]
    [InlineData("My personal number is 504-555-0177, evenings are best.", "504-555-0177", PiiLabel.Phone)]
    public void TheOlderReadingStillWins(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(text, label));

    [Theory]
    [InlineData("twenty-two fifteen", "twenty two fifteen")]
    [InlineData("car three-eleven", "car three eleven")]
    [InlineData("Forest Road one-forty-three", "Forest Road one-forty three")]
    [InlineData("a forty-five-year-old man", "a forty-five-year-old man")]
    [InlineData("one-on-one, well-known", "one-on-one, well-known")]
    public void OnlyHyphensBetweenNumberWordsBecomeSpaces(string text, string read) =>
        Assert.Equal(read, PiiSpokenNumbers.Unhyphenate(text) ?? text);
}
