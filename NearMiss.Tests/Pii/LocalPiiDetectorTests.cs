using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

public sealed class LocalPiiDetectorTests
{
    private static readonly LocalPiiDetector Detector = new();

    [Theory]
    [InlineData("Ofc. Maria Lopez arrived first.", "Maria Lopez", "PERSON")]
    [InlineData("Sgt. R. Okafor called it in.", "R. Okafor", "PERSON")]
    [InlineData("my partner ofc dave kessler went in.", "dave kessler", "PERSON")]
    [InlineData("He showed badge 4471 at the door.", "4471", "BADGE_ID")]
    [InlineData("Dispatch sent unit 12-Adam to cover.", "12-Adam", "BADGE_ID")]
    [InlineData("Backup came from the Marion County Sheriff's Office that night.", "Marion County Sheriff's Office", "AGENCY")]
    [InlineData("We assisted Springfield PD on the call.", "Springfield PD", "AGENCY")]
    [InlineData("FHP Troop D closed the ramp.", "FHP Troop D", "AGENCY")]
    [InlineData("The call was at 880 Riverside Dr Apt 212 again.", "880 Riverside Dr Apt 212", "ADDRESS")]
    [InlineData("We staged on I-95 mile marker 42 in the rain.", "I-95 mile marker 42", "LOCATION")]
    [InlineData("Call her back at 217-555-0148 today.", "217-555-0148", "PHONE")]
    [InlineData("Mail jkruger@example.gov for the roster.", "jkruger@example.gov", "EMAIL")]
    [InlineData("Ohio plate HJK-4471 came back stolen.", "HJK-4471", "PLATE")]
    [InlineData("It happened on Sunday near the lake.", "Sunday", "DATE")]
    [InlineData("Contact was made at 0140 hrs behind the bar.", "0140 hrs", "TIME")]
    [InlineData("See case 2022-118834 for the file.", "2022-118834", "CASE_NUMBER")]
    [InlineData("His SSN 401-73-2286 was on the form.", "401-73-2286", "SSN")]
    [InlineData("Driver had WA DL KEEFEBJ512Q4 on him.", "KEEFEBJ512Q4", "DRIVER_LICENSE")]
    [InlineData("I parked my cruiser (car 318) on the shoulder.", "318", "VEHICLE_ID")]
    [InlineData("The driver, a 57 y/o male, ran.", "57", "AGE")]
    [InlineData("My K9, Ajax, found him in the corn.", "Ajax", "OTHER_ID")]
    public void Detect_FindsEachLabel(string text, string expected, string label)
    {
        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label.ToContractName() == label);
    }

    [Theory]
    [InlineData("Copy, 10-4, we went Code 3 and then Signal 30 cleared.")]
    [InlineData("He carried a Glock 17 and an AR-15 with .40 S&W rounds in the bag.")]
    [InlineData("I used the Officer Safety principles we learned in CIT class.")]
    [InlineData("SWAT and EMS staged while K9 searched the field.")]
    [InlineData("I will admit the bill was late, so mark your position and chase the lead.")]
    [InlineData("Will you check the door? Grant access to the deer hunter.")]
    [InlineData("WEAR THE REFLECTIVE VEST. PARK UPSTREAM AS A BLOCKER. USE CODE 3 LIGHTS, 10-4 AND STAY SAFE.")]
    [InlineData("The chief likes to talk about Main Street policing.")]
    [InlineData("We work May through October on the lake patrol.")]
    public void Detect_IgnoresDomainNegatives(string text)
    {
        var spans = Detector.Detect(text);

        Assert.Empty(spans);
    }

    [Fact]
    public void Detect_FlagsLaterMentionsOfAName()
    {
        const string text = "Suspect John Miller answered. Later Miller was booked.";

        var spans = Detector.Detect(text);

        Assert.Equal(["John Miller", "Miller"], spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Detect_ReturnsSortedNonOverlappingSpans()
    {
        const string text = "Ofc. Dan Ruiz (badge 4471) of the Springfield PD met Angela Miller (41) at 1423 Elm St on 2/11/22 at 1915.";

        var spans = Detector.Detect(text);

        Assert.NotEmpty(spans);
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i - 1].End <= spans[i].Start);
        }
    }
}
