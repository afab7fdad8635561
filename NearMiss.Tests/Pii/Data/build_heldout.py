#!/usr/bin/env python3
"""Builds heldout-nearmiss.jsonl from the marked narratives below.

Markup: [[text|LABEL]] marks one gold span (labels and boundaries per the project's annotation
rules). Offsets are computed here as Unicode code-point indices into the unmarked text (Python
string indices), end exclusive.

Run: python3 build_heldout.py > heldout-nearmiss.jsonl
"""
import json
import re
import sys

MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]")
LABELS = {"PERSON", "BADGE_ID", "AGENCY", "ADDRESS", "LOCATION", "PHONE", "EMAIL", "PLATE", "DATE",
          "TIME", "CASE_NUMBER", "SSN", "DRIVER_LICENSE", "VEHICLE_ID", "AGE", "OTHER_ID"}

DOCS = [
("hm-101", "traffic_stop",
 "[[Saturday|DATE]] [[3/9/24|DATE]] at [[0147 hrs|TIME]] I stopped a silver Nissan Altima on [[I-40|LOCATION]] near [[mile marker 212|LOCATION]] outside [[Lebanon|LOCATION]] for weaving. [[Tennessee|LOCATION]] tag [[BVR-4418|PLATE]]. Driver was [[terrence pollard|PERSON]], [[44|AGE]] y/o, [[TN|LOCATION]] DL [[118402297|DRIVER_LICENSE]]. While I was at the driver window the rear passenger kept reaching under the seat. I will admit I was focused on the driver and the smell of alcohol and didn't watch his hands. Cpl. [[Halvorsen|PERSON]] (unit [[7-Baker|BADGE_ID]]) pulled up, saw it from the passenger side and ordered him out. There was a loaded Taurus G2C under the seat. Lesson: second officer on the passenger side every time on a night stop, and don't let the DUI investigation tunnel your vision. [[Wilson County Sheriff's Office|AGENCY]], case [[24-003318|CASE_NUMBER]]."),
("hm-102", "domestic",
 "Call came out as a 10-16 at [[4417 Magnolia Bend Apt 3C|ADDRESS]], [[Slidell|LOCATION]]. Reporting party was [[Yolanda Fontenot|PERSON]], [[52|AGE]], calling from [[985-555-0172|PHONE]]. Dep. [[Kendrick Arceneaux|PERSON]] and I knocked and the boyfriend, [[Darnell Pitre|PERSON]] ([[37|AGE]]), opened the door holding a kitchen knife down by his leg. We were standing right in the fatal funnel. [[Arceneaux|PERSON]] stepped back off the landing and I went to the hinge side, gave commands, and [[Pitre|PERSON]] put the knife on the floor. Afterward [[Yolanda|PERSON]] said he had threatened her with it on [[Christmas Eve|DATE]] too, which was never reported. Take the extra second to position before the knock. [[St. Tammany Parish Sheriff's Office|AGENCY]], item [[2023-11471|CASE_NUMBER]]."),
("hm-103", "building_search",
 "Near miss during a routine building search. We had an alarm call at a closed business after hours and the keyholder was twenty minutes out. Two of us went in with lights. My partner cleared a storage room and called it clear, but he never checked above the drop ceiling where a tile was pushed up. When we came back through, a teenager dropped down behind him. He had nothing in his hands, thank God. Lessons: clear high and low, watch for displaced ceiling tiles, and don't call a room clear until both officers agree. We now carry a small mirror and a pole light in every car. Officer Safety bulletin going out next week."),
("hm-104", "highway_crash",
 "Working a disabled vehicle on [[SR-99|LOCATION]] southbound just past [[Exit 41|LOCATION]] near [[Merced|LOCATION]], [[11/26/2023|DATE]], the [[Sunday after Thanksgiving|DATE]], about [[6:15 pm|TIME]]. Heavy tule fog. I had my Explorer (car [[2047|VEHICLE_ID]]) behind the stalled pickup with the rear amber bar on. A northbound driver crossed the median and stopped about 30 feet from me. Nobody hurt. I called for a traffic break from [[CHP Merced Area|AGENCY]] and got one in under five minutes. In fog this thick, flares every 50 feet and get everyone off the road, including yourself. Ofc. [[Beatriz Olvera|PERSON]], badge [[21930|BADGE_ID]]."),
("hm-105", "warrant_service",
 "We served a felony warrant (warrant [[W-19-20886|CASE_NUMBER]]) on [[Quintin Ashworth|PERSON]], DOB [[June 3, 1979|DATE]], at a farmhouse off [[County Rd 1150 E|ADDRESS]] near [[Tuscola|LOCATION]], [[Illinois|LOCATION]]. Entry team was four deputies from [[Champaign Co. SO|AGENCY]] and two [[ISP|AGENCY]] troopers. The intel packet said no dogs. A large dog came around the barn and went for Dep. [[Lacey Brandt|PERSON]]; she backed into the team and nearly went off the porch steps with her rifle up. We held, the owner called it off, and [[Ashworth|PERSON]] came out on his own. Intel packets older than a week need a fresh drive-by. Briefed [[Tuesday|DATE]] at [[0500|TIME]], served [[Wednesday|DATE]] at [[0610 hours|TIME]]."),
("hm-106", "k9",
 "K9 [[Bruno|OTHER_ID]] and I (unit [[K9-7|BADGE_ID]], [[Boise Police Department|AGENCY]]) were called to a commercial burglary at [[Treasure Valley Pawn|LOCATION]], [[6120 W Fairview Ave|ADDRESS]], on [[Oct. 14|DATE]] around [[2340|TIME]]. I gave the announcement twice. [[Bruno|OTHER_ID]] alerted on a dumpster enclosure and as I moved up, the suspect came over the wall from the other side holding a pry bar. Ofc. [[Tanner Wojcik|PERSON]] was my cover and had lost sight of me behind the enclosure. We got him down without injury. Suspect [[Kyle Bramwell|PERSON]], [[29|AGE]] yrs old, [[ID|LOCATION]] DL [[RT482917K|DRIVER_LICENSE]]. Cover officer stays within sight of the handler, always."),
("hm-107", "mental_health",
 "Welfare check for a man in crisis on the [[Hawthorne Bridge|LOCATION]] in [[Portland|LOCATION]], [[Friday|DATE]] [[4/19|DATE]], about [[3:40 p.m.|TIME]] Subject was [[elijah vance|PERSON]], [[31|AGE]], known to our crisis team. His sister [[Naomi Vance|PERSON]] called it in from [[(503) 555-0163|PHONE]]. I approached alone before my cover arrived because he was already over the rail. He grabbed my sleeve and pulled and I was inches from going over with him. Sgt. [[Oyelaran|PERSON]] arrived and we pulled him back together. Lesson: wait for the second officer or tie off; a crisis doesn't make the rail any lower. [[PPB Central Precinct|AGENCY]], event [[PP24-118730|CASE_NUMBER]]."),
("hm-108", "firearm_malfunction",
 "Range day near miss. During a low-light qualification a shooter on the line had a Glock 17 malfunction, tap-rack did not clear it, and he turned toward the tower with the muzzle sweeping two other shooters to ask the range officer what to do. Everyone froze. The rangemaster called a cease fire and walked him through keeping the muzzle downrange. Root cause: a new weapon light and no dry practice with it. From now on any new equipment gets a dry run with the range staff first, and shooters are told to raise a hand and wait, not turn. Code 4 afterwards, no injuries. Ammo was 9mm 124 grain."),
("hm-109", "foot_pursuit",
 "[[Memorial Day|DATE]] weekend, [[May 26|DATE]], [[21:52|TIME]]. Foot pursuit from [[Euclid Ave and E 105th St|ADDRESS]] after a man matching a robbery lookout ran from me. Partner was Ofc. [[Rashida Coleman-Price|PERSON]] (#[[1187|BADGE_ID]]). He cut through a yard and I followed over a chain link fence without knowing what was on the other side: a six foot drop into a stairwell. I landed on my shoulder. We lost him and [[5th District|AGENCY]] units caught him two blocks later on [[Ashbury Ave|ADDRESS]]. Suspect [[Dontrell Haynes|PERSON]], [[19|AGE]]. Don't jump what you can't see over. [[Cleveland Division of Police|AGENCY]], report [[24-158221|CASE_NUMBER]]."),
("hm-110", "prisoner_transport",
 "Transporting a prisoner from [[Lower Buckeye Jail|LOCATION]] in [[Maricopa County|LOCATION]] to [[Flagstaff|LOCATION]] on [[1/12/2025|DATE]]. Prisoner [[Hector Villalobos|PERSON]], booking # [[P948812|OTHER_ID]], [[34|AGE]] y/o, was cuffed in front because of a wrist cast. At a fuel stop in [[Camp Verde|LOCATION]] off [[I-17|LOCATION]] [[exit 287|LOCATION]] he worked the cast loose and slipped one cuff. My partner Dep. [[Sam Whitehorse|PERSON]] noticed when the prisoner asked for water. Cast or not, belly chain and a second check at every stop. [[Coconino County Sheriff's Office|AGENCY]], transport unit [[T-4|BADGE_ID]]."),
("hm-111", "firearm_malfunction",
 "At the [[Yellowstone County|LOCATION]] range on [[8/2/22|DATE]] my duty rifle had a double feed during the stress course. Rifle serial [[KVX220871|OTHER_ID]], a Colt M4 in 5.56. Armorer [[Gus Thorsby|PERSON]] found the magazine follower tilted. I had carried that magazine on patrol for at least two years. If that had happened on the call in [[Laurel|LOCATION]] last spring I would have had nothing. All duty magazines now get a follower swap every year; logged under armory ticket [[ARM-77102|OTHER_ID]]. Deputy [[Carla Reinholt|PERSON]], [[YCSO|AGENCY]], badge [[612|BADGE_ID]]."),
("hm-112", "traffic_stop",
 "was covering a stop on the interstate when a second car pulled in behind mine and a guy got out walking fast toward us. turned out he was the driver's brother and had been following them, but for about ten seconds i had no idea who he was and my back was to him. nobody called out the second car. lesson is simple, the cover officer watches the outside, not the stop, and we say it out loud. also had the mdt screen lit up at night which killed my night vision. dim it. 10-4 on all of that from the shift."),
("hm-113", "ambush",
 "[[0315|TIME]] on [[New Year's Day|DATE]] we took a shots-fired call at [[Rosewood Terrace apts bldg F|LOCATION]] in the [[Bronx|LOCATION]]. PO [[Angelo Marchetti|PERSON]], PO [[Keisha Blount|PERSON]] and I from the [[47th Precinct|AGENCY]] went up the stairwell stacked tight. Someone fired two rounds down from the roof landing and they hit the wall a foot from [[Blount|PERSON]]. We had no cover in that stairwell and we had not waited for the second team. Shooter [[Raymond Ocasio|PERSON]], [[26|AGE]], was arrested the next day. Lesson: treat a stairwell as a danger area, wait for the team, and take the elevator to a floor below when you can. [[NYPD|AGENCY]] incident [[2025-047-000118|CASE_NUMBER]]."),
("hm-114", "crowd_control",
 "During the march on [[July 4th|DATE]] my squad held the line at [[Colfax and Broadway|ADDRESS]] from [[1400|TIME]] until well after dark. Around [[9 pm|TIME]] a man threw a bottle filled with sand that hit Ofc. [[Jeremy Lindqvist|PERSON]] in the helmet and knocked him down. The line held, but the squad had no spotter and nobody saw the thrower wind up. We will assign a spotter with binoculars to every squad on the line from now on. Mark your position on the radio when you move the line. [[Denver Police Department|AGENCY]], [[District 6|AGENCY]]."),
("hm-115", "off_duty",
 "Off duty at the [[Kroger|LOCATION]] on [[Hamilton Ave|ADDRESS]] in [[Cincinnati|LOCATION]], [[Sunday|DATE]] about [[10:20 am|TIME]], I saw a man pull a handgun on the cashier. I didn't give chase when he ran; I drew and followed to the door to get the plate. Responding unit [[2-Charlie-14|BADGE_ID]] came into the lot and saw a man in a hoodie with a gun: me. I had my badge in my pocket, not out. They held me at gunpoint until the cashier yelled. Badge out on a lanyard before you ever draw off duty, and holster before the marked units get there. [[Derek Sauer|PERSON]], [[Hamilton County Sheriff's Office|AGENCY]], cell [[513.555.0118|PHONE]] if anyone wants to talk about it."),
("hm-116", "traffic_stop",
 "Stopped a box truck on [[US 287|LOCATION]] north of [[Childress|LOCATION]], [[TX|LOCATION]] on [[October 2, 2023|DATE]] at [[1:05 AM|TIME]]. Plate [[TXK 2291|PLATE]] came back to a different truck; VIN [[1FDWE35L93HB20447|VEHICLE_ID]]. Driver [[Alvaro Quintanilla|PERSON]], [[TX|LOCATION]] CDL [[40918273|DRIVER_LICENSE]], DOB [[2/28/1971|DATE]]. When I opened the cargo door a second man was sitting inside with a tire iron. Tpr. [[McCreary|PERSON]] was still fifteen minutes out. I closed the door and waited. Don't open a cargo area alone at night. [[Texas Highway Patrol|AGENCY]], unit [[14-A-32|BADGE_ID]]."),
("hm-117", "training",
 "Defensive tactics class at the [[Hinds County|LOCATION]] training center, [[Feb. 20, 2024|DATE]]. Instructor Sgt. [[Odom|PERSON]] had a live folding knife in the same bin as the red trainers. Recruit [[Ebony Tillman|PERSON]] (class [[24-02|OTHER_ID]]) picked it up for the disarm drill and her partner got a cut across the palm. The bill for new trainers has been approved and a grant paid for locking bins. No live blades in the training room, period, and every trainer is checked by the instructor before the drill starts."),
("hm-118", "general",
 "OFFICER SAFETY BULLETIN. RECENT INCIDENTS INVOLVE SUBJECTS CONCEALING BLADES IN FACE MASKS AND HAT BRIMS. SEARCH ALL HEADWEAR DURING PAT DOWNS. ONE DEPUTY WAS NEARLY CUT LAST WEEK DURING A ROUTINE ARREST WHEN THE SUBJECT PULLED A RAZOR FROM HIS BEANIE WHILE SEATED IN THE CAGE. USE GLOVES, SEARCH HIGH TO LOW, AND SEARCH AGAIN BEFORE EVERY TRANSPORT. REMINDER THAT ALL K9 AND SWAT CALLOUTS REQUIRE A SUPERVISOR ON SCENE. CODE 3 RESPONSE ONLY WHEN AUTHORIZED."),
("hm-119", "general",
 "Identity theft follow-up on [[03-14-2024|DATE]]. Victim [[Marguerite Lindgren|PERSON]], SSN [[512-44-8830|SSN]], had e-mailed me from [[mlindgren77@outlook.com|EMAIL]] that the suspect wanted to meet her at the [[Oak Park Mall|LOCATION]] in [[Overland Park|LOCATION]], [[KS|LOCATION]] to return her documents. I set it up as a controlled meet and went in plain clothes without telling the mall security office. Their guard saw my holster and called it in as a man with a gun; a patrol unit came in hot. The suspect, [[Wade Kessinger|PERSON]], [[41|AGE]], was arrested, but it could have gone very differently. Notify property security on every plainclothes operation. Det. [[Ilse Brandvold|PERSON]], [[Overland Park PD|AGENCY]], [[i.brandvold@opkansas.org|EMAIL]]."),
("hm-120", "domestic",
 "Village domestic out of [[Bethel|LOCATION]] on [[Nov 2|DATE]]. Flew in with Tpr. [[Jonah Amaktoolik|PERSON]] ([[B-21|BADGE_ID]]); the VPSO met us at the strip. The husband, [[wesley kanuk|PERSON]], had a rifle leaning in the arctic entry and we walked right past it going in. He reached for it when [[Amaktoolik|PERSON]] told him he was under arrest. I got to it first. In rural houses check the entry, the porch and the snowmachine sled before you go through the inner door. [[Alaska State Troopers|AGENCY]], [[C Detachment|AGENCY]], case [[AK23-90412|CASE_NUMBER]]."),
("hm-121", "k9",
 "Track after a stolen truck bailed out on [[Highway 25|LOCATION]] north of [[Travelers Rest|LOCATION]], [[Thursday|DATE]] night around [[11:45 PM|TIME]]. K9 [[Duke|OTHER_ID]] and handler Dep. [[Chase Whitaker|PERSON]] took the track into the tree line; I was the cover. I will say I let myself get 40 yards behind because of the briars. [[Duke|OTHER_ID]] found the suspect in a creek bed and he came up swinging a branch at [[Whitaker|PERSON]] with nobody in position to help. Cover stays on the handler's hip. Truck VIN [[3GCPKSE73CG118804|VEHICLE_ID]], [[SC|LOCATION]] plate [[QHN 718|PLATE]]. [[Greenville County Sheriff's Office|AGENCY]]."),
("hm-122", "foot_pursuit",
 "Pursuit was called off by the supervisor after two minutes, which was the right call. The vehicle had run a red light at high speed and we had no idea who was in it. What nearly went wrong was after: the car was found abandoned and three of us walked up to it with no plan. One officer had a Remington 870 with 00 buck, one had a rifle, and we were in each other's line of fire. Nobody was inside. Treat an abandoned pursuit vehicle like a felony stop until it is cleared, and assign lethal cover out loud. Signal 30 was not needed. Code 4."),
("hm-123", "mental_health",
 "[[Thurs.|DATE]] [[9/5|DATE]] around [[11 pm|TIME]], CIT call to a duplex on [[E Sprague Ave|ADDRESS]] in [[Spokane Valley|LOCATION]]. Ms. [[Darla Pruitt|PERSON]], a [[63|AGE]]-year-old with dementia, had called her son [[Lewis|PERSON]] at [[509-555-0126|PHONE]] saying a man was in her house. The man was her neighbor checking on her. When we arrived she came to the door with a .38 revolver pointed at us through the screen. Dep. [[Faith Moreno|PERSON]] talked her into setting it down. Always ask the caller about weapons in the home, even for an elderly subject. [[Spokane County|LOCATION]] deputies, report [[SV24-061187|CASE_NUMBER]]."),
("hm-124", "highway_crash",
 "[[Dec. 23rd|DATE]], [[05:40|TIME]], semi jackknifed on black ice on [[I-70|LOCATION]] at [[MM 133|LOCATION]] near [[Dotsero|LOCATION]], [[Eagle County|LOCATION]]. I was setting flares uphill of the wreck when a [[Utah|LOCATION]] plate [[X914TK|PLATE]] SUV came around the curve too fast and slid sideways past me close enough to touch. Tow operator [[Rusty Kaminski|PERSON]] pulled me onto his deck. Set the first flares well before the curve, not after it, and stand behind the barrier. [[CSP Troop 4C|AGENCY]], Tpr. [[Nguyen-Hale|PERSON]]."),
("hm-125", "training",
 "Emergency vehicle operations course at [[Camp Blanding|LOCATION]] on [[April 8|DATE]]. Car [[31|VEHICLE_ID]] and car [[9|VEHICLE_ID]] were running the serpentine at the same time on a course designed for one car. Instructor [[Dwayne Batiste|PERSON]] was on the radio with car [[31|VEHICLE_ID]] and didn't see recruit [[m. estrada|PERSON]] in car [[9|VEHICLE_ID]] come back through the cones early. They missed each other by a few feet. One car on the course at a time, and the safety officer has a kill call on both radios. [[Alachua County Sheriff's Office|AGENCY]] academy, class [[25-1|OTHER_ID]]."),
]


def main() -> None:
    out = sys.stdout
    for doc_id, call_type, marked in DOCS:
        text, spans, pos, last = [], [], 0, 0
        for m in MARK.finditer(marked):
            text.append(marked[last:m.start()])
            pos += m.start() - last
            value, label = m.group(1), m.group(2)
            assert label in LABELS, (doc_id, label)
            assert value == value.strip(), (doc_id, value)
            spans.append({"start": pos, "end": pos + len(value), "label": label})
            text.append(value)
            pos += len(value)
            last = m.end()
        text.append(marked[last:])
        plain = "".join(text)
        assert "[[" not in plain and "]]" not in plain, doc_id
        assert 300 <= len(plain) <= 1200, (doc_id, len(plain))
        out.write(json.dumps({"id": doc_id, "text": plain, "spans": spans, "call_type": call_type},
                             ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
