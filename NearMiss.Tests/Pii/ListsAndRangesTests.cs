using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 071, through the rules alone: ranges of clock times, ages in words before "-year-old" and a name, and what
/// stays quiet in lists of radio letters and vehicle models.
/// </summary>
public sealed class ListsAndRangesTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("Date: 09/14/2024   Shift: 1800–0600", "1800", "0600")]
    [InlineData("Date/Time: 12/02/2023, 1930–2105", "1930", "2105")]
    [InlineData("Unit AP-12 – Swing (1400–2240)", "1400", "2240")]
    [InlineData("he worked days, hours: 0700-1500 all week", "0700", "1500")]
    public void BothEndsOfARangeOfClockTimes(string text, string from, string to)
    {
        var times = Found(text, PiiLabel.Time);
        Assert.Contains(from, times);
        Assert.Contains(to, times);
    }

    [Theory]
    [InlineData("see report 1400-2240 in the file", "2240")] // a hyphen with no word of hours: a number
    [InlineData("he served 2001–2010 in the army", "2010")] // years
    public void NumbersJoinedByADashAreNoRangeOfTimesAlone(string text, string second) =>
        Assert.DoesNotContain(second, Found(text, PiiLabel.Time));

    [Theory]
    [InlineData("The truck driver, fifty-four-year-old Dmitri Volkov of Jacksonville, was cited.", "fifty-four")]
    [InlineData("the driver, identified as twenty-six-year-old Brandon Ashby of Salem, hit the gas", "twenty-six")]
    public void AnAgeInWordsBeforeANamedPerson(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Age));

    [Fact]
    public void AnAgeInWordsBeforeAThingIsNone() =>
        Assert.Empty(Found("He carried a fifty-year-old Winchester rifle from his grandfather.", PiiLabel.Age));

    [Theory]
    [InlineData("- Sierra, Hotel, Romeo: learn the taxiway letters like you learned the ten codes.")]
    [InlineData("the K9 Sarge is on the west, the LT is running the command post. the Sarge said the same at debrief.")]
    [InlineData("rifle out, AR fifteen, I call it out, ten six, code three")]
    public void RadioLettersSargeAndARifleAreQuiet(string text) => Assert.Empty(Rules.Detect(text));

    [Theory]
    [InlineData("Trooper narrowly avoids being struck on I-90 near George\n\nGEORGE - A trooper was nearly struck", "GEORGE")]
    [InlineData("He moved to Little Rock, AR 72201 last year.", "AR")]
    [InlineData("Romeo Vasquez and I took the call.", "Romeo Vasquez")]
    public void NamesBesideNoRadioLetterStay(string text, string expected) =>
        Assert.Contains(Rules.Detect(text), s => text[s.Start..s.End] == expected);

    [Theory]
    [InlineData("Thanks,\nBrianna\n\nOfficer Brianna Stone #267\nLewiston Police Department – Patrol", "Brianna Stone")]
    [InlineData("Trainee: Dep. Mateo Archuleta   ID# 1409\nFTO: Cpl. Dusty Rhoades   ID# 0977\nPhase: II   Day: 23", "Dusty Rhoades")]
    [InlineData("Release date: 04/16/2024\nContact: Sheriff Curt Halverson, 515-555-0127\nNEVADA, Iowa", "Curt Halverson")]
    public void AFullNameAfterARankOnALineLikeAHeading(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Person));

    [Fact]
    public void AnOrdinaryWordAfterARankInAHeadingStaysAWord() =>
        Assert.Empty(Found("Officer Safety Bulletin\nRecruit Class Notes\nThe class met at the range.", PiiLabel.Person));

    [Theory]
    [InlineData("Roll-call training, 03/2024", "03/2024")]
    [InlineData("he has been on since 11/2021 and loves it", "11/2021")]
    public void AMonthAndYear(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Date));

    [Fact]
    public void AFractionIsNoMonthAndYear() =>
        Assert.DoesNotContain("1/2000", Found("the shutter was at 1/2000 of a second", PiiLabel.Date));

    [Theory]
    [InlineData("Speaker 1: We're on.\nSpeaker 2: Okay.\nSpeaker 1: Go ahead.\nSpeaker 2: So it was late.")]
    [InlineData("HOST 1: Good morning.\nHOST 2: Morning. HOST 1: Big story today.\nHOST 2: It is.")]
    [InlineData("Lesson 1: call for cover.\nLesson 2: wait for it.\nThat was Lesson 1, copy.")]
    public void NumberedPartsAndRolesAreNoCallSigns(string text) => Assert.Empty(Found(text, PiiLabel.BadgeId));

    [Fact]
    public void ANamedCallSignSaidTwiceStays() =>
        Assert.Contains("Harbor 12", Found("Harbor 12: on scene.\nDISPATCH: Copy Harbor 12, he's walking.", PiiLabel.BadgeId));

    [Fact]
    public void AQuestionsLabelIsNoInitial() =>
        Assert.Empty(Found("A. Okay so on uh March the second.\nQ. Take me through the stop.\nA. Sure.\nQ. Anything else?", PiiLabel.Person));

    [Theory]
    [InlineData("Date: 12/09/2023 (Sat) into 12/10/2023 (Sun)", "Sat", "Sun")]
    [InlineData("This was Sat Nov 18 around 2200.", "Sat")]
    public void AShortWeekdayInBracketsOrBeforeAMonth(string text, params string[] days)
    {
        var dates = Found(text, PiiLabel.Date);
        foreach (var day in days)
        {
            Assert.Contains(day, dates);
        }
    }

    [Theory]
    [InlineData("we sat in the car for an hour")]
    [InlineData("The Sun (a paper) ran the story.")]
    public void SatAndSunAsWordsAreNoDate(string text) => Assert.Empty(Found(text, PiiLabel.Date));

    [Theory]
    [InlineData("Okay end memo. Oh and tell the Sergeant I'll be late.")]
    [InlineData("caller asked us to keep it on file:\n\nYeah, this is a deputy from the east side.")]
    [InlineData("CASTELLANOS: Ma'am, come out, show me your hands.")]
    public void InterjectionsAndMaamAreNoNames(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => text[s.Start..s.End] is "Oh" or "Yeah" or "Ma");

    [Theory]
    [InlineData("The landlord's agent, Mrs. Oh, met us downstairs.", "Oh")]
    [InlineData("\"We kept the door between us,\" Oh said after the hearing.", "Oh")]
    [InlineData("He moved to Columbus, OH last spring.", "OH")]
    public void ASurnameOrAStateSpelledLikeAnInterjectionStays(string text, string expected) =>
        Assert.Contains(Rules.Detect(text), s => text[s.Start..s.End] == expected);

    [Fact]
    public void ANameStopsBeforeARaceAndSexAndTheAgeAfterThemIsFound()
    {
        const string text = "SUBJECT IS JAYLEN RICHARD BROWN BLACK MALE TWENTY EIGHT, LAST SEEN ON FOOT";
        Assert.Equal(["JAYLEN RICHARD BROWN"], Found(text, PiiLabel.Person));
        Assert.Equal(["TWENTY EIGHT"], Found(text, PiiLabel.Age));
    }

    [Fact]
    public void AMeasureAfterARaceAndSexIsNoAge() => Assert.Empty(Found("black male 5 foot 10, thin build", PiiLabel.Age));
}
