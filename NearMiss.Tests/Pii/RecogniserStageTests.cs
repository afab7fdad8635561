using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>Table-driven checks of the recogniser stages around the rules: case-proofing, quiet filters, context recognisers.</summary>
public sealed class RecogniserStageTests
{
    private static readonly LocalPiiDetector Detector = new();

    [Theory]
    // Case-proofing: ALL-CAPS, lower case, headlines.
    [InlineData("SUBJ WAS ARMED. DEP YOUNG AND DEP GRANT ENRT FROM AMARILLO. ARR 0147 HRS. SUBJ ID AS A LOCAL MAN.", "YOUNG", "PERSON")]
    [InlineData("SUBJ WAS ARMED. DEP YOUNG AND DEP GRANT ENRT FROM AMARILLO. ARR 0147 HRS. SUBJ ID AS A LOCAL MAN.", "AMARILLO", "LOCATION")]
    [InlineData("SUBJ WAS ARMED. DEP YOUNG AND DEP GRANT ENRT FROM AMARILLO. ARR 0147 HRS. SUBJ ID AS A LOCAL MAN.", "0147 HRS", "TIME")]
    [InlineData("dv call on a weeknight. me and bishop get there first, she says he has a gun. bishop walks up to the door and knocks.", "bishop", "PERSON")]
    [InlineData("Boise Officer Dragged During Traffic Stop\nBOISE, Idaho — A Boise police officer was dragged by a car.", "Idaho", "LOCATION")]
    // Context recognisers.
    [InlineData("NILES, Ill. — The village police said a man fired a shot.", "Ill.", "LOCATION")]
    [InlineData("Officer Dana Sokolowski, 45, is a veteran of the unit.", "45", "AGE")]
    [InlineData("He was arrested in the 1500 block of East Cottonwood Lane on Friday.", "1500 block of East Cottonwood Lane", "ADDRESS")]
    [InlineData("They stopped a gray sedan near Fairview and Orchard shortly after nine.", "Fairview and Orchard", "ADDRESS")]
    [InlineData("The Oklahoma State Bureau of Investigation will review the shooting.", "Oklahoma State Bureau of Investigation", "AGENCY")]
    [InlineData("0213 2K14 ENRT\n0219 2K14 OS, VEH IS STOPPED", "2K14", "BADGE_ID")]
    [InlineData("The passenger, Tou Vang, 24, of Clovis, was cited.", "Tou Vang", "PERSON")]
    // Rules that generalise (decision 031).
    [InlineData("At the top we found Hunter Rose (17) shooting into a hill.", "Hunter Rose", "PERSON")]
    [InlineData("Summer Hill and I were working the demolition derby.", "Summer Hill", "PERSON")]
    [InlineData("We went east on 5th Ave and then north.", "5th Ave", "ADDRESS")]
    [InlineData("He served a warrant at 4417 N. Halsted Ave around dawn.", "4417 N. Halsted Ave", "ADDRESS")]
    [InlineData("We were in car 31 when Adam-12 put out a robbery.", "Adam-12", "BADGE_ID")]
    [InlineData("11/4, around 2am, me and my partner took the call.", "2am", "TIME")]
    [InlineData("new years eve right around midnight we were standing in the lot.", "midnight", "TIME")]
    [InlineData("The file went to IA# IA-24-0071 the next week.", "IA-24-0071", "CASE_NUMBER")]
    [InlineData("Interstate 35\nOKLAHOMA CITY — An officer was hurt on the interstate.", "OKLAHOMA CITY", "LOCATION")]
    public void Stage_FindsTheSpan(string text, string expected, string label)
    {
        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label.ToContractName() == label);
    }

    [Theory]
    // Quiet filters: headings, radio and aviation positions, models that are places, placeholders, ordinary lower-case words.
    [InlineData("Event Summary\nResponded to a report of a stalled truck on the shoulder.", "Summary")]
    [InlineData("At the same time the Local Controller cleared a small plane to land.", "Local Controller")]
    [InlineData("We moved after Ground Control cleared us to reposition.", "Ground Control")]
    [InlineData("A GMC Sierra behind the semi had to swerve around my unit.", "Sierra")]
    [InlineData("The shooter two lanes down was using a Springfield XD with cheap ammo.", "Springfield")]
    [InlineData("The report now reads [LOCATION] near [OTHER_ID] after review.", "LOCATION")]
    [InlineData("The report now reads [LOCATION] near [OTHER_ID] after review.", "OTHER_ID")]
    [InlineData("Tribal Officer Hurt in Rollover While Pursuing Stolen Truck\nThe officer was hurt when the truck rolled.", "Hurt")]
    [InlineData("I reviewed the dash camera video with Trooper A. The video showed the stop.", "A.")]
    [InlineData("Medical history was discussed. [NAME REDACTED] from the family later confirmed it.", "REDACTED")]
    [InlineData("Family asked for a Somali-speaking officer and we waited.", "Somali")]
    [InlineData("Rules:\n- Ride-alongs stay in the car until the scene is safe.", "Ride")]
    [InlineData("We qualified with a patrol rifle (Springfield Armory Saint) on the range.", "Springfield")]
    [InlineData("Team was running a 4-man entry, I was #3 and went right.", "3")]
    [InlineData("we were on a traffic stop on a gmc sierra and i walked up on the driver side.", "sierra")]
    public void Stage_StaysQuiet(string text, string word)
    {
        var start = text.IndexOf(word, StringComparison.Ordinal);
        var spans = Detector.Detect(text);

        Assert.DoesNotContain(spans, s => s.Start < start + word.Length && start < s.End);
    }
}
