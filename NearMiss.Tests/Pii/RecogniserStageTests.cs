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
    // Names completed and spread, agencies in any case, logs, plates, chains and premises (decision 045).
    [InlineData("The warrant (23WA-08812) was for Pao Vang, DOB 2/2/1990. His cousin answered.", "Pao Vang", "PERSON")]
    [InlineData("TARGET DESHAWN \"DRE\" BISHOP, 29, FED WARRANT 22-CR-00418. ENTRY TEAM WENT IN AT 0545 HRS.", "DESHAWN \"DRE\" BISHOP", "PERSON")]
    [InlineData("On March 3rd at approximately 1945 hours, I, Deputy Ana Lucía de la Cruz #5583 of the county responded.", "Ana Lucía de la Cruz", "PERSON")]
    [InlineData("robbery call on cedar ave. me (3-Frank-22) n grant (3-Frank-24) first there. we waited for grant.", "grant", "PERSON")]
    [InlineData("K9 report, K9-7. Hunter and I were called to assist Brighton PD on a burglary.", "Hunter", "OTHER_ID")]
    [InlineData("I was talking to him from her horse. My horse, Rocco, spooked at a dog and backed me into the fence.", "Rocco", "OTHER_ID")]
    [InlineData("Deputy Hector Villanueva and his K9 partner, Ranger, arrived at about 10:20 p.m.", "Ranger", "OTHER_ID")]
    [InlineData("RP ADVISED HER BOYFRIEND DESHAWN YOUNG (31) HAD A KNIFE. UPON ARRIVAL R/O OBSERVED YOUNG STANDING IN THE DOORWAY WITH HIS HAND BEHIND HIS BACK.", "YOUNG", "PERSON")]
    [InlineData("nobody got hurt but man. his uncle showed up 5 min later yelling at us. mpd 4th precinct. the part that bugs me is dispatch had it.", "mpd 4th precinct", "AGENCY")]
    [InlineData("Me and my partner rolled on a man with a gun at Figueroa and Manchester, LAPD 77th Street Division, around 1:40 in the morning.", "LAPD 77th Street Division", "AGENCY")]
    [InlineData("lol ok so me and my partner, apd southeast area command, call for a trespasser at the motel on central.", "apd southeast area command", "AGENCY")]
    [InlineData("WSP DIST 5 — TPR LUCAS FOX #1290 — I-82 EB MP 38. stopped to help a disabled motorist on the shoulder in freezing fog.", "WSP DIST 5", "AGENCY")]
    [InlineData("SUSP ID'D AS RUSSELL BEGAY, DOB 04/11/1988, NAVAJO NATION POLICE WARRANT ON FILE. AZDPS TROOPER ON SCENE.", "NAVAJO NATION POLICE", "AGENCY")]
    [InlineData("nobody hit, thank god. yakima county sheriff's office closed the on-ramp at exit 40. my car had lights out.", "yakima county sheriff's office", "AGENCY")]
    [InlineData("round went through the windshield frame, not hit. denver pd district 1. lesson: had my light in his eyes.", "denver pd district 1", "AGENCY")]
    [InlineData("Friday 9/15.\n2250 - Tiny and me 10-8 out of the county.\n2306 - traffic stop US-1 at Gilmore St, Waycross.\n2309 - he steps out.", "2250", "TIME")]
    [InlineData("Friday 9/15.\n2250 - Tiny and me 10-8 out of the county.\n2306 - traffic stop US-1 at Gilmore St, Waycross.\n2309 - he steps out.", "Waycross", "LOCATION")]
    [InlineData("P.O. DEPLOYED OC. OFFENDER TAKEN INTO CUSTODY, M/W/45, WITHOUT FURTHER INCIDENT.", "45", "AGE")]
    [InlineData("i stopped a silver chevy malibu tx tag RFK 2291 eb on the interstate near salina", "tx", "LOCATION")]
    [InlineData("SUBJ SEATED IN A GRAY HONDA ODYSSEY CA 8XKT221. OFC APPROACHED THE DRIVER SIDE.", "CA", "LOCATION")]
    [InlineData("ok so last night we got flagged down by a lady outside the circle k saying some guy was waving a knife around.", "circle k", "LOCATION")]
    [InlineData("I work traffic. Day after Thanksgiving at the Target on Sepulveda, a car backed into me while I was directing.", "Target", "LOCATION")]
    [InlineData("He was later found by deputies at an apartment on Chemawa Rd N and booked into jail.", "Chemawa Rd N", "ADDRESS")]
    [InlineData("Traffic stop at Gilmore St. The driver Clarence Wolf Jr. stepped out before I was at the bumper.", "Clarence Wolf Jr.", "PERSON")]
    [InlineData("so wednesday night me and my partner fabienne joseph-pierre (everybody calls her fab) get sent to a shots call. fab goes down the side yard.", "fab", "PERSON")]
    [InlineData("ok so last night me and big mike were working the 44th and mcdowell area when a lady flagged us down.", "big mike", "PERSON")]
    [InlineData("lesson: wait for the second unit. sarge (wolf) chewed us both out and honestly he was right.", "wolf", "PERSON")]
    [InlineData("at the fireworks in the park. dublin pd had me and o'neill on foot in the crowd when a fight broke out.", "o'neill", "PERSON")]
    [InlineData("0340 HRS 7/30 SR-85 MM 42 NORTH OF LUKEVILLE. AGENT ATTEMPTED VEHICLE STOP ON TAN FORD.", "LUKEVILLE", "LOCATION")]
    [InlineData("Car in the water at the Picacho Avenue bridge over the river, Sunday around 1620.", "Picacho Avenue bridge", "LOCATION")]
    [InlineData("keith co so was busy. lesson: light up the whole block. okafor took him to the prowers county jail, case 24-00871.", "prowers county jail", "LOCATION")]
    [InlineData("One of them, Chase Hunter Breaux, 34, had a rifle with a round chambered.", "Chase Hunter Breaux", "PERSON")]
    [InlineData("He ripped it off going over the wall and Big Mike from Adam-14 pulls up and we are both yelling.", "Big Mike", "PERSON")]
    [InlineData("LOCATION 7715 SE HOLLY LN, GRESHAM, OR. ENTRY TEAM WENT IN AT 0545 HRS.", "OR", "LOCATION")]
    [InlineData("STOP THE CAR WHEN POSSIBLE. TPR J. MARTINEZ-OYELARAN, TROOP D. CASE FHP230789114.", "TROOP D", "AGENCY")]
    [InlineData("robbery call, wed approx 1915. clerk mohamed abdi 45 says guy showed a gun n took the register.", "45", "AGE")]
    // Sub-units of several words, abbreviated sub-units, a county constable's precinct (decision 046).
    [InlineData("The crash was worked by SFPD Golden Gate Traffic Company and then by CHP Valley Traffic Division.", "CHP Valley Traffic Division", "AGENCY")]
    [InlineData("I was working nights out of NYPD 46th Pct when this happened.", "NYPD 46th Pct", "AGENCY")]
    [InlineData("Backup came from LVMPD Northeast Area Command about ten minutes later.", "LVMPD Northeast Area Command", "AGENCY")]
    [InlineData("Deputy Ruiz of Bexar County Constable Pct. 2 held the perimeter.", "Bexar County Constable Pct. 2", "AGENCY")]
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
    // Decision 045: ordinary words beside names, makes and models, chains that are words, "so" after a name, generic premises.
    [InlineData("nothing on arrival. fab goes down the side yard with her light and i go toward the back.", "light")]
    [InlineData("i had my taser out. my sergeant, tran, made me sit down and talk it through after.", "sit")]
    [InlineData("I ran about eight feet toward the disabled Kia Sorento where I had been standing.", "Sorento")]
    [InlineData("The car was left at a rest area between a Hyundai Santa Fe and a GMC Sonoma.", "Santa Fe")]
    [InlineData("on the search we found a loaded ruger lcp in the door pocket right where she was sitting.", "ruger")]
    [InlineData("we lost the target on foot near the river and set up a perimeter.", "target")]
    [InlineData("Why is Katrine so impulsive?", "so")]
    [InlineData("the crowd rose up a little when we cuffed him and i called for more units.", "rose")]
    [InlineData("Vehicle operations course at the Fairfax County academy, 04/22/2024. During the skid pan exercise we spun.", "academy")]
    // A bullet opens a sentence; programme, training and equipment words are never PII alone; a make before its model (decision 046).
    [InlineData("What went wrong\n- Overconfidence after two quiet nights on the same post.", "Overconfidence")]
    [InlineData("Crews were working under an Excessive Heat Warning when the call came in.", "Warning")]
    [InlineData("Both deputies had finished Tactical Combat Casualty Care the spring before.", "Care")]
    [InlineData("We were in a Ford Police Interceptor Sedan with the lights off.", "Ford Police")]
    [InlineData("The helicopter, a Sikorsky S-76, held a wide orbit over the field.", "Sikorsky")]
    public void Stage_StaysQuiet(string text, string word)
    {
        var start = text.IndexOf(word, StringComparison.Ordinal);
        var spans = Detector.Detect(text);

        Assert.DoesNotContain(spans, s => s.Start < start + word.Length && start < s.End);
    }

    [Theory]
    // Published de-identified narratives: headings, generalised wording and placeholders are not PII (decision 045).
    [InlineData("Event Summary\nAn officer from [AGENCY] responded to a report of a disturbance at a convenience store. The officer approached the subject without waiting for a cover unit. The subject produced a knife.\nLessons Learned\nWait for cover when the call involves a weapon.")]
    [InlineData("Summary of Event: A deputy conducted a traffic stop on a rural highway at night. While the deputy was at the driver window, a second vehicle drifted onto the shoulder and struck the patrol car.\nContributing Factors: Poor lighting, fatigue, no traffic cone pattern.\nLessons Learned: Use a passenger-side approach on high-speed roads.")]
    [InlineData("CALLBACK\nThe reporting officer, a patrol sergeant with 12 years of service, described a foot pursuit into a wooded area. The K9 handler deployed the dog. The suspect was found hiding in a culvert.\nDiscussion: Agencies should train on containment before search.")]
    [InlineData("Near Miss Narrative: Officer 1 and Officer 2 were dispatched to a domestic call in [CITY]. Officer 1 knocked while standing in front of the door. A round was fired through the door. The suspect surrendered after negotiations with the [AGENCY] crisis team.")]
    public void DeidentifiedNarrative_IsNotFlagged(string text)
    {
        Assert.Empty(Detector.Detect(text));
    }
}
