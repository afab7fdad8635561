using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Table-driven checks of each recogniser on its own: the registry restricted to one family
/// (<see cref="PiiRecogniserRegistry.Only"/>) must find the span, with its label, and nothing of another family.
/// </summary>
public sealed class RecogniserFamilyTests
{
    private static List<PiiSpan> Scan(PiiFamily family, string text)
    {
        var tokens = new Token[16];
        var count = PiiTokenizer.Tokenize(text, PiiLexicon.Shared, ref tokens);
        return new PiiScan(text, tokens, count, PiiLexicon.Shared).Run(PiiRecogniserRegistry.Default.Only(family));
    }

    private static void AssertFinds(PiiFamily family, string text, string expected, string label)
    {
        var spans = Scan(family, text);

        Assert.True(
            spans.Any(s => text[s.Start..s.End] == expected && s.Label.ToContractName() == label),
            $"found: {string.Join(", ", spans.Select(s => $"{text[s.Start..s.End]} {s.Label.ToContractName()}"))}");
    }

    [Theory]
    [InlineData("Send the footage to jane.doe@citypd.gov today.", "jane.doe@citypd.gov", "EMAIL")]
    [InlineData("The clip is at https://example.org/v/123, posted last week.", "https://example.org/v/123", "OTHER_ID")]
    [InlineData("Call me at (555) 123-4567 after shift.", "(555) 123-4567", "PHONE")]
    [InlineData("Her cell is 555-867-5309 if needed.", "555-867-5309", "PHONE")]
    [InlineData("The caller left 5558675309 as a callback.", "5558675309", "PHONE")]
    public void Contact(string text, string expected, string label) => AssertFinds(PiiFamily.Contact, text, expected, label);

    [Theory]
    [InlineData("His SSN 123-45-6789 was on the form.", "123-45-6789", "SSN")]
    [InlineData("I wore badge 4471 that night.", "4471", "BADGE_ID")]
    [InlineData("Under case 24-118763 the file was closed.", "24-118763", "CASE_NUMBER")]
    [InlineData("Plate TXK 2291 came back stolen.", "TXK 2291", "PLATE")]
    [InlineData("Units 12-Adam and 4-Charlie-12 responded.", "12-Adam", "BADGE_ID")]
    [InlineData("The VIN was 1HGCM82633A004352 on the dash.", "1HGCM82633A004352", "VEHICLE_ID")]
    [InlineData("A 57 y/o male was on the porch.", "57", "AGE")]
    [InlineData("The server at 10.0.0.12 logged it.", "10.0.0.12", "OTHER_ID")]
    [InlineData("K9-3 was already on scene.", "K9-3", "BADGE_ID")]
    [InlineData("Reporting: Sgt. Jerzy Szymanski #A-31, on scene.", "A-31", "BADGE_ID")]
    public void NumbersAndIds(string text, string expected, string label) => AssertFinds(PiiFamily.NumbersAndIds, text, expected, label);

    [Theory]
    [InlineData("We stopped at 1420 N Elm St Apt 4 around noon.", "1420 N Elm St Apt 4", "ADDRESS")]
    [InlineData("He lives at 88 Birch Road, Rapid City, SD 57701.", "88 Birch Road", "ADDRESS")]
    [InlineData("Mail it to P.O. Box 149 please.", "P.O. Box 149", "ADDRESS")]
    [InlineData("The crash was at the corner of Pine and 9th today.", "the corner of Pine and 9th", "ADDRESS")]
    [InlineData("We set up at 5th and Broad for the parade.", "5th and Broad", "ADDRESS")]
    [InlineData("The car stalled at Elm and 9th before dawn.", "Elm and 9th", "ADDRESS")]
    [InlineData("Her flat is at Sludevej 13 in town.", "Sludevej 13", "ADDRESS")]
    public void AddressesAndIntersections(string text, string expected, string label) =>
        AssertFinds(PiiFamily.AddressesAndIntersections, text, expected, label);

    [Theory]
    [InlineData("Sgt. Maria Delgado took the call.", "Maria Delgado", "PERSON")]
    [InlineData("The driver, Dax Orlov, ran.", "Dax Orlov", "PERSON")]
    [InlineData("Later that night C. Whitlock called back.", "C. Whitlock", "PERSON")]
    [InlineData("I got there and Angela told us to wait.", "Angela", "PERSON")]
    [InlineData("my partner patricia desrosiers was driving when it happened and we both saw it", "patricia desrosiers", "PERSON")]
    [InlineData("Our K9 Bruno found him and later Bruno alerted on the car.", "Bruno", "OTHER_ID")]
    [InlineData("Caleb Harper opened the door. Caleb came out slowly.", "Caleb", "PERSON")]
    public void People(string text, string expected, string label) => AssertFinds(PiiFamily.People, text, expected, label);

    [Theory]
    [InlineData("Union Gap PD asked for help.", "Union Gap PD", "AGENCY")]
    [InlineData("The Pike County Sheriff's Office took over.", "Pike County Sheriff's Office", "AGENCY")]
    [InlineData("FHP Troop D closed the road.", "FHP Troop D", "AGENCY")]
    [InlineData("He works out of the 2nd District now.", "2nd District", "AGENCY")]
    [InlineData("We called Troop K for backup.", "Troop K", "AGENCY")]
    [InlineData("We met at the Cedar Ridge Arena after.", "Cedar Ridge Arena", "LOCATION")]
    public void Agencies(string text, string expected, string label) => AssertFinds(PiiFamily.Agencies, text, expected, label);

    [Theory]
    [InlineData("Northbound on I-95 near mile marker 42 we saw it.", "I-95", "LOCATION")]
    [InlineData("It happened on Hwy 9 MM 12 in the rain.", "Hwy 9 MM 12", "LOCATION")]
    [InlineData("WAS WORKING EB I-90 MP 47 IN CHAINS", "I-90 MP 47", "LOCATION")]
    [InlineData("We drove up from Rapid City that morning.", "Rapid City", "LOCATION")]
    [InlineData("She moved here from Colorado last year.", "Colorado", "LOCATION")]
    [InlineData("He showed his PA CDL at the stop.", "PA", "LOCATION")]
    [InlineData("We met in the Kroger lot on the east side.", "Kroger", "LOCATION")]
    public void PlacesAndHighways(string text, string expected, string label) => AssertFinds(PiiFamily.PlacesAndHighways, text, expected, label);

    [Theory]
    [InlineData("It was logged 2024-03-09 by the clerk.", "2024-03-09", "DATE")]
    [InlineData("The call came in on 3/9/2024 late.", "3/9/2024", "DATE")]
    [InlineData("We cleared at 0430 and went home.", "0430", "TIME")]
    [InlineData("It was March 3, 2024 when it happened.", "March 3, 2024", "DATE")]
    [InlineData("We worked the Sunday after Thanksgiving that year.", "Sunday after Thanksgiving", "DATE")]
    [InlineData("Traffic was heavy on Black Friday downtown.", "Black Friday", "DATE")]
    [InlineData("The party was on the 9th of July at the lake.", "9th of July", "DATE")]
    [InlineData("Sábado like 4:15 pm I'm in primary", "Sábado", "DATE")]
    [InlineData("the chief wants me to do the EAP thing lunes. I'll go.", "lunes", "DATE")]
    [InlineData("it was in noviembre, right after the storm", "noviembre", "DATE")]
    public void DatesAndTimes(string text, string expected, string label) => AssertFinds(PiiFamily.DatesAndTimes, text, expected, label);

    [Fact]
    public void OneFamily_FindsNothingOfAnother()
    {
        var spans = Scan(PiiFamily.DatesAndTimes, "Sgt. Maria Delgado called 555-867-5309 on Monday.");

        Assert.All(spans, s => Assert.Equal(PiiLabel.Date, s.Label));
        Assert.Single(spans);
    }

    [Fact]
    public void Registry_HasEveryFamily_AndOnlyKeepsTheOrder()
    {
        var registry = PiiRecogniserRegistry.Default;
        var people = registry.Only(PiiFamily.People);

        Assert.Equal(Enum.GetValues<PiiFamily>().Order(), registry.Rules.Select(r => r.Family).Distinct().Order());
        Assert.Equal(registry.Rules.Where(r => r.Family == PiiFamily.People).Select(r => r.Name), people.Rules.Select(r => r.Name));
        Assert.True(people.PropagatesMentions);
        Assert.False(registry.Only(PiiFamily.Contact).PropagatesMentions);
    }

    [Fact]
    public void Registry_TriesAHouseNumberBeforeAnAge()
    {
        var names = PiiRecogniserRegistry.Default.Rules.Select(r => r.Name).ToList();

        Assert.True(names.IndexOf("street address") < names.IndexOf("age with a unit"));
        Assert.True(names.IndexOf("capitalised run") < names.IndexOf("place"));
        Assert.True(names.IndexOf("place of several words") < names.IndexOf("full name"));
    }
}
