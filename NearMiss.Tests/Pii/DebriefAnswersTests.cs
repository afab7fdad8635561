using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 088: a debrief transcribed as an interview, its fields asked one at a time and answered alone; names spelled
/// after a stop or with "dash" said between; ages in words after a name; plates in lower case after "plate" or "tag"; a
/// number set right after "no"; a place's word and a name's across a hyphen; dogs named after "their dog"; British
/// spellings of ordinary words; an ordinary word after "the" no town; breeds said short ("a jack russell"); holidays and a state's toll road in lower case; clocks, ages, phones, days and call signs as speech-to-text writes them, digit by digit and letter by letter.
/// </summary>
public sealed class DebriefAnswersTests
{
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(string text, PiiLabel label) =>
        [.. Full.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] Any(string text) => [.. Full.Detect(text).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("Q: date?\nA: the ninth.\nQ: time?\nA: 0815.\nQ: go ahead.", PiiLabel.Time, "0815")]
    [InlineData("Q: case number.\nA: 23-hpd-5521.\nQ: lesson.", PiiLabel.CaseNumber, "23-hpd-5521")]
    [InlineData("interviewer: incident number?\nofficer: k-24-339102.\ninterviewer: anything else?", PiiLabel.CaseNumber, "k-24-339102")]
    [InlineData("Q: your call sign?\nA: t-22.\nQ: and your partner?", PiiLabel.BadgeId, "t-22")]
    [InlineData("Q: where?\nA: halvorsen junction, up by the north stairs.", PiiLabel.Location, "halvorsen junction")]
    [InlineData("interviewer: location.\nofficer: east ridge shopping center, the back lot.", PiiLabel.Location, "east ridge shopping center")]
    public void AFieldAskedAloneIsWhatTheNextSpeakerAnswers(string text, PiiLabel label, string expected) =>
        Assert.Contains(expected, Found(text, label));

    [Theory]
    [InlineData("Q: lesson?\nA: 2 things. slow down and wait.")]
    [InlineData("Q: where?\nA: bus terminal, by the doors.")] // a kind of place, named by nobody
    [InlineData("Q: where?\nA: the parking garage, second level.")]
    [InlineData("Q: driver?\nA: no idea, it was dark.")]
    [InlineData("Q: what did you learn about time?\nA: 2 minutes is forever.")]
    public void AnAnswerOfAnotherShapeIsNoPii(string text) => Assert.Empty(Any(text));

    [Fact]
    public void NoClockTimeIsNoTimesAnswer() => Assert.Empty(Found("Q: time?\nA: 2575, give or take.", PiiLabel.Time));

    [Fact]
    public void APersonAskedForByTheirPartIsTheAnswer()
    {
        const string text = "Q: driver?\nA: tomas wenzlick, thirty four, ohio license on him.\nQ: okay.";
        Assert.Contains("tomas wenzlick", Found(text, PiiLabel.Person));
        Assert.Contains("thirty four", Found(text, PiiLabel.Age));
    }

    [Theory]
    [InlineData("officer: ana brevik. b r e v i k. twenty nine. lives out past the mill.", "b r e v i k", "twenty nine")]
    [InlineData("A: lev okonkwo-raines. that's o k o n k w o dash r a i n e s. forty.", "o k o n k w o dash r a i n e s", "forty")]
    public void ASpellingAfterAStopAndTheAgeAfterIt(string text, string spelling, string age)
    {
        Assert.Contains(spelling, Found(text, PiiLabel.Person));
        Assert.Contains(age, Found(text, PiiLabel.Age));
    }

    [Theory]
    [InlineData("we called ana brevik, thirty feet back from the door, to come out")]
    [InlineData("that's when dale renko. twenty minutes later he was back")]
    public void ACountAfterANameIsNoAge(string text) => Assert.Empty(Found(text, PiiLabel.Age));

    [Theory]
    [InlineData("ran the tag, it was a nebraska plate wq 4471 and it came back clean", "wq 4471")]
    [InlineData("ohio tag jkt 4471. no wants.", "jkt 4471")]
    [InlineData("the plate was iowa jyk 772 i think", "jyk 772")]
    public void APlateInLowerCaseAfterPlateOrTag(string text, string plate) => Assert.Contains(plate, Found(text, PiiLabel.Plate));

    [Theory]
    [InlineData("the colorado plate was new and the tags were current")]
    [InlineData("a texas plate and two in the back seat")]
    public void NoPlateWithoutItsShape(string text) => Assert.Empty(Found(text, PiiLabel.Plate));

    [Fact]
    public void DigitsSetRightAfterNo() =>
        Assert.Contains("1915", Any("so we cleared around 1900 no 1915 and went back out"));

    [Fact]
    public void NoOneAfterANumberIsNoCorrection() =>
        Assert.DoesNotContain("one", Any("at 1900 no one was there"));

    [Theory]
    [InlineData("Officer Marla Yazzie-Lente was pinned behind the door. Yazzie-Lente fired two rounds; no one was hit.", "Yazzie-Lente")]
    [InlineData("CHIEF DENISE OYELARAN-PRICE: Good afternoon.\nREPORTER: How long?\nCHIEF OYELARAN-PRICE: Tom is a nine-year veteran.", "OYELARAN-PRICE")]
    public void APlacesWordAndANamesAcrossAHyphenAreOnePerson(string text, string name) => Assert.Contains(name, Found(text, PiiLabel.Person));

    [Fact]
    public void ADogNamedAfterTheirDog() =>
        Assert.Contains("bixby", Found("the k9 guys from the county came out and their dog bixby were first in the door", PiiLabel.OtherId));

    [Theory]
    [InlineData("As the talk became heated the ranger realised the fire was between them and the only exit.")]
    [InlineData("The deputy analysed the scene and recognised the risk before the organisation's review.")]
    public void BritishSpellingsAreOrdinaryWords(string text) => Assert.Empty(Any(text));

    [Theory]
    [InlineData("he bails out of the truck and runs up onto the mesa and i go for the radio")]
    [InlineData("the kid went hard into the cattails and i was on the long line")]
    public void AnOrdinaryWordAfterTheIsNoTown(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("we were on a suspicious person at the shell on 125th st and 6th ave", "shell")]
    [InlineData("i was working nights out of the salina office for kansas highway patrol", "salina")]
    public void AStoreOrANameBeforeWhatItNamesStays(string text, string place) => Assert.Contains(Found(text, PiiLabel.Location), p => p.Contains(place, StringComparison.Ordinal));

    [Theory]
    [InlineData("the caller says he's got a rottweiler and a jack russell in there with him")]
    [InlineData("the forester driver had a saint bernard in the back, the dog was fine")]
    public void BreedsSaidShortAreNoNames(string text) => Assert.Empty(Any(text));

    [Fact]
    public void ABreedsNameWithARankIsAPerson() =>
        Assert.Contains("Jack Russell", Found("Deputy Jack Russell took the call and met me at the gate.", PiiLabel.Person));

    [Theory]
    [InlineData("this was fourth of july uh about nine forty p m", "fourth of july")]
    [InlineData("so it's new year's eve, like twenty-three fifty", "new year's eve")]
    [InlineData("RPT#: LCSO24-003817\nDATE: 07/04/24 (FOURTH OF JULY)  TIME: 2240\nDEP: ANA SOTO", "FOURTH OF JULY")]
    public void HolidaysInAnyCaseAreDates(string text, string date) => Assert.Contains(date, Found(text, PiiLabel.Date));

    [Theory]
    [InlineData("eastbound on the pennsylvania turnpike near exit 57", "pennsylvania turnpike")]
    [InlineData("southbound on the new jersey turnpike at mile marker 74", "new jersey turnpike")]
    public void AStatesTollRoadInLowerCaseIsTheRoad(string text, string road) => Assert.Contains(road, Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("tuesday at 1 7 45 we got sent to a house on the butte", "1 7 45")]
    [InlineData("january 14th about oh 6 hundred I was parked in the chain up area", "oh 6 hundred")]
    [InlineData("wednesday around 22 hundred a car took off from a stop", "22 hundred")]
    [InlineData("call came in saturday around twenty 3 40 hours from the caller", "twenty 3 40 hours")]
    [InlineData("christmas eve at 0 5 20 hrs dispatch put out a wrong way driver", "0 5 20 hrs")]
    public void ClocksSaidDigitByDigitAreTimes(string text, string time) => Assert.Contains(time, Found(text, PiiLabel.Time));

    [Theory]
    [InlineData("we waited about 1 5 minutes for backup")]
    [InlineData("about 2 2 people showed up at the gate")]
    [InlineData("the ridge is around 15 hundred feet up")]
    public void CountsSaidDigitByDigitAreNoTimes(string text) => Assert.Empty(Found(text, PiiLabel.Time));

    [Theory]
    [InlineData("driver was cody ryswyk, twenty 6, rifle on the bench seat", "twenty 6")]
    [InlineData("guy was brandon kowalczyk, 3 8. when quinn opened the door he ran", "3 8")]
    public void AgesWithTheirFiguresSaidApart(string text, string age) => Assert.Contains(age, Found(text, PiiLabel.Age));

    [Fact]
    public void APhoneWrittenDigitByDigit() =>
        Assert.Contains("9 oh 7 5 5 5 0 1 6 3", Found("the trooper called me back on the sat phone 9 oh 7 5 5 5 0 1 6 3 and said to stay", PiiLabel.Phone));

    [Theory]
    [InlineData("klamath falls. november 1 2 at 19 50 I was sitting on the highway", "november 1 2")]
    [InlineData("unit 3 charlie. december 1 9th about oh 7 10 I was working a crash", "december 1 9th")]
    public void ADaySaidDigitByDigit(string text, string date) => Assert.Contains(date, Found(text, PiiLabel.Date));

    [Theory]
    [InlineData("officer dale running crane unit B L 12 with the tribe's law enforcement", "B L 12")]
    [InlineData("yakama nation police, radio Y N 22. october 21st about noon", "Y N 22")]
    public void CallSignsInCapitalLettersSaidApart(string text, string sign) => Assert.Contains(sign, Found(text, PiiLabel.BadgeId));
}
