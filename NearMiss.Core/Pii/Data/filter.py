#!/usr/bin/env python3
"""Builds the detector's word lists from the shared Census/SSA gazetteers (python3, standard library only).

    python3 filter.py GAZETTEER_DIR OUT_DIR
"""
import collections, sys

src, out = sys.argv[1], sys.argv[2]
# Words that are police vocabulary or titles: never names or places on their own.
TRAPS = {"officer", "sheriff", "sergeant", "deputy", "trooper", "marshal", "detective", "corporal",
         "lieutenant", "captain", "chief", "agent", "justice", "center", "police", "patrol", "county",
         "state", "city", "unit", "badge", "car", "suspect", "victim", "driver", "judge",
         # what a speaker says while thinking ("rock um stopped"): never a name in speech
         "uh", "um", "er", "erm", "uhm", "hm", "hmm", "uhh", "umm"}

given = collections.Counter()
for line in open(f"{src}/given-names.tsv", encoding="utf-8"):
    name, _, count = line.rstrip("\n").split("\t")
    given[name.lower()] += int(count)
for line in open(f"{src}/given-names-census1990.tsv", encoding="utf-8"):
    name = line.split("\t")[0].lower()
    given[name] = max(given[name], 1000)
with open(f"{out}/given-names.tsv", "w", encoding="utf-8") as f:
    for name, count in sorted(given.items(), key=lambda kv: (-kv[1], kv[0])):
        if count >= 1000 and len(name) > 1 and name not in TRAPS:
            f.write(f"{name}\t{count}\n")

with open(f"{out}/surnames.tsv", "w", encoding="utf-8") as f:
    for line in open(f"{src}/surnames.tsv", encoding="utf-8"):
        name, count = line.rstrip("\n").split("\t")
        if int(count) >= 500 and len(name) > 1 and name.lower() not in TRAPS:
            f.write(f"{name.lower()}\t{count}\n")

places = collections.Counter()
for line in open(f"{src}/places.tsv", encoding="utf-8"):
    name, _, pop = line.rstrip("\n").split("\t")
    key = name.lower()
    if key.startswith("st. "):
        places["saint " + key[4:]] = max(places["saint " + key[4:]], int(pop))
        places["st " + key[4:]] = max(places["st " + key[4:]], int(pop))
    places[key] = max(places[key], int(pop))
with open(f"{out}/places.tsv", "w", encoding="utf-8") as f:
    for name, pop in sorted(places.items(), key=lambda kv: (-kv[1], kv[0])):
        if pop >= 1000 and name not in TRAPS:
            f.write(f"{name}\t{pop}\n")

# Towns under 1,000 people, read only after a bearing and "of" ("east of concrete", decision 087): one per line.
with open(f"{out}/small-places.txt", "w", encoding="utf-8") as f:
    f.writelines(f"{name}\n" for name, pop in sorted(places.items()) if pop < 1000 and name not in TRAPS)

SUFFIXES = (" county", " parish", " borough", " census area", " municipio", " city and borough", " municipality", " city")
counties = set()
for line in open(f"{src}/counties.tsv", encoding="utf-8"):
    name = line.split("\t")[0].lower()
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    counties.add(name)
with open(f"{out}/counties.txt", "w", encoding="utf-8") as f:
    f.writelines(f"{c}\n" for c in sorted(counties))

with open(f"{out}/states.tsv", "w", encoding="utf-8") as f:
    for line in open(f"{src}/states.tsv", encoding="utf-8"):
        f.write(line)

# Surnames written as one word in the Census that people write as two ordinary words ("Ironcloud" as "Iron Cloud",
# "Notafraid" as "Not Afraid"): each split into two English words of three letters or more, one per line.
english = {w.strip().lower() for w in open(f"{out}/english-words.txt", encoding="utf-8") if w.strip() and not w.startswith("#")}
with open(f"{out}/split-surnames.txt", "w", encoding="utf-8") as f:
    for line in open(f"{src}/surnames.tsv", encoding="utf-8"):
        name, count = line.rstrip("\n").split("\t")
        name = name.lower()
        if int(count) >= 100 and name.isalpha():
            for k in range(3, len(name) - 2):
                if name[:k] in english and name[k:] in english:
                    f.write(f"{name[:k]} {name[k:]}\n")
