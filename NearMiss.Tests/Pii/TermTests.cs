using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Terms of the trade in Title Case are no PII (decision 064), through the whole detector, tagger included: a job, a
/// post or a piece of gear whose words are names and places elsewhere. A text in which nothing but such ordinary-word
/// terms is found is clear; a rank, a frequent name, a large place or any number keeps what was found.
/// </summary>
public sealed class TermTests
{
    private static readonly LocalPiiDetector Detector = new();

    [Theory]
    [InlineData("On 3/14/2023 at 0730 the Head Custodian called us about a man in the gym.", "Head Custodian")]
    [InlineData("At 1410 on 6/2/2022 our Trail Crew Lead radioed that a camper was down.", "Trail Crew Lead")]
    [InlineData("On 9/9/2021 at 2200 I had the Bear Spray out before I saw the cub.", "Bear Spray")]
    [InlineData("At 0300 on 1/5/2024 I set up in a Fend-Off Position behind the wreck.", "Position")]
    [InlineData("On 4/4/2020 at 1800 the Sergeant brought up the Ballistic Shield.", "Ballistic Shield")]
    public void TermsInAReportAreNoPii(string text, string term)
    {
        var spans = Detector.Detect(text);
        Assert.DoesNotContain(spans, s => text[s.Start..s.End].Contains(term, StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Label == PiiLabel.Date);
    }

    [Theory]
    [InlineData("We booked him into the Pike County Jail at 0200.", "Pike County Jail")]
    [InlineData("Sgt. Nurse told me to hold the perimeter until 0300.", "Nurse")]
    public void NamedPlacesAndPeopleAreStillFound(string text, string expected) =>
        Assert.Contains(Detector.Detect(text), s => text[s.Start..s.End] == expected);

    [Theory]
    [InlineData("I worked the Entry Post that night. The screening line backed up and a man walked around the magnetometer.\nLessons: staff the Entry Post with two.")]
    [InlineData("Airside Patrol got the call. Airside Patrol units held the gate while Operations closed the taxiway.")]
    [InlineData("Home Visit Safety: never sit with your back to a hallway, and tell someone where you are.")]
    [InlineData("The Campground Host flagged me down at the Entrance Station. The Campground Host said a man was yelling.")]
    public void ATextOfOnlyTermsIsClear(string text) => Assert.Empty(Detector.Detect(text));

    [Theory]
    [InlineData("Sgt. Stone told me to wait for cover. I did not wait.", "Stone")]
    [InlineData("My partner Grant Stone was driving when the deer came through the windshield.", "Grant Stone")]
    [InlineData("We chased him all the way into Mobile before he gave up.", "Mobile")]
    [InlineData("Field Services supervisors should know where you are on a home visit.", "Field Services")]
    public void ATextWithARealNameOrPlaceKeepsIt(string text, string expected) =>
        Assert.Contains(Detector.Detect(text), s => text[s.Start..s.End] == expected);
}
