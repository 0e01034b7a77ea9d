#!/usr/bin/env python3
"""Regenerates the extract module's derived data files and the Swift source that embeds them.

    python3 scripts/gen-data.py            # rebuild Data/countries-iso.tsv (needs Debian's iso-codes) and Generated/
    python3 scripts/gen-data.py --embed    # only rebuild Generated/EmbeddedData.swift from Data/*.tsv
    python3 scripts/gen-data.py --embed --check   # fail if Generated/ is out of date (run by scripts/test.sh)

Sources:
- /usr/share/iso-codes/json/iso_3166-1.json from Debian's iso-codes package (LGPL-2.1-or-later): all 249
  ISO 3166-1 entries. `apt-get install iso-codes` provides it.
- Sources/NewsExtract/Data/countries-common.tsv: the project's own common-name layer (hand-written).

The binary embeds the data as Swift string literals, so an installed `newsevents` needs no resource bundle.
A test checks that Generated/EmbeddedData.swift matches the data files.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Sources", "NewsExtract", "Data")
GENERATED = os.path.join(ROOT, "Sources", "NewsExtract", "Generated", "EmbeddedData.swift")
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
SHARED_DATA = os.path.join(ROOT, "..", "shared", "data")

# Data files embedded in the binary, as (Swift property name, file name).
EMBEDDED = [
    ("countriesISO", "countries-iso.tsv"),
    ("countriesCommon", "countries-common.tsv"),
    ("threatActors", "threat-actors.tsv"),
    ("organizations", "organizations.tsv"),
    ("officeholders", "officeholders.tsv"),
    ("officeholdersPhoenix", "officeholders-phoenix.tsv"),
]
# Phoenix sectors whose people count as officials (government, military, intelligence, judiciary, legislature,
# opposition, political elites, rebels, parties); media, business, religion, education and civil society do not.
OFFICIAL_SECTORS = {"GOV", "MIL", "SPY", "JUD", "LEG", "OPP", "ELI", "REB", "PTY", "COP"}


def build_iso():
    with open(ISO_JSON, encoding="utf-8") as handle:
        entries = json.load(handle)["3166-1"]
    lines = [
        "# countries-iso.tsv: derived by scripts/gen-data.py from Debian's iso-codes package, json/iso_3166-1.json",
        "# (iso-codes is LGPL-2.1-or-later; the ISO 3166-1 codes and names are facts published by ISO).",
        "# Columns: alpha3, alpha2, name (ISO short name), official_name, common_name. Empty when ISO gives none.",
        "alpha3\talpha2\tname\tofficial_name\tcommon_name",
    ]
    for entry in sorted(entries, key=lambda item: item["alpha_3"]):
        fields = [entry["alpha_3"], entry["alpha_2"], entry["name"], entry.get("official_name", ""),
                  entry.get("common_name", "")]
        lines.append("\t".join(field.replace("\t", " ") for field in fields))
    with open(os.path.join(DATA, "countries-iso.tsv"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def build_threat_actors():
    """threat-actors.tsv from the MISP galaxy (CC0) and MITRE ATT&CK groups: one row per group, every alias."""
    misp = [json.loads(line) for line in open(os.path.join(SHARED_DATA, "threat-actors.jsonl"), encoding="utf-8")]
    attack = {row["id"]: row for row in (json.loads(line) for line in open(os.path.join(SHARED_DATA, "attack-groups.jsonl"), encoding="utf-8"))}
    rows = {}
    for group in misp:
        name = group["name"].strip()
        if not name or name.startswith("["):
            continue
        ids = group.get("attack_ids") or []
        key = ids[0] if ids and ids[0] in attack else "misp:" + group["uuid"][:8]
        aliases = {alias.strip() for alias in group.get("aliases") or [] if alias.strip()}
        if key in attack:
            aliases |= set(attack[key]["aliases"]) | {attack[key]["name"]}
        aliases.discard(name)
        rows[key] = (key, name, group.get("country") or "", sorted(aliases))
    for key, group in attack.items():
        if key not in rows:
            rows[key] = (key, group["name"], "", sorted(set(group["aliases"]) - {group["name"]}))
    lines = [
        "# threat-actors.tsv: derived by scripts/gen-data.py from ../shared/data/threat-actors.jsonl (MISP galaxy",
        "# threat-actor cluster, CIRCL; CC0 1.0 / BSD-2-Clause) and ../shared/data/attack-groups.jsonl (MITRE ATT&CK",
        "# v18.1 intrusion sets: \"(c) 2025 The MITRE Corporation. This work is reproduced and distributed with the",
        "# permission of The MITRE Corporation.\"). Columns: id (ATT&CK group id, else misp:<uuid prefix>), name,",
        "# country (ISO 3166-1 alpha-3 of the attributed origin, where MISP states one), aliases (| separated).",
        "id\tname\tcountry\taliases",
    ]
    for key in sorted(rows):
        row = rows[key]
        lines.append("\t".join([row[0], row[1].replace("\t", " "), row[2], "|".join(a.replace("|", " ") for a in row[3])]))
    with open(os.path.join(DATA, "threat-actors.tsv"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def phoenix_day(text, opening):
    """A Phoenix date (YYMMDD, two-digit years before 2014 read as 19YY from 30, or YYYYMMDD) as YYYY-MM-DD."""
    if len(text) == 8:
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if len(text) != 6:
        return ""
    year = int(text[:2])
    year += 1900 if year >= 30 else 2000
    return f"{year}-{text[2:4]}-{text[4:]}"


def phoenix_role(code):
    """`[USAGOV 810120-890120]`, `[CHNGOV >20121115]`, `[USAELI]` as (country, sector, from, to) or None."""
    match = re.fullmatch(r"\[([A-Z]{3})([A-Z]{3})[A-Z]*(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\]", code.split("#")[0].strip())
    if not match:
        return None
    country, sector, bound, first, last = match.groups()
    if sector not in OFFICIAL_SECTORS:
        return None
    start, end = "", ""
    if first and last:
        start, end = phoenix_day(first, True), phoenix_day(last, False)
    elif first and bound == "<":
        end = phoenix_day(first, False)
    elif first:
        start = phoenix_day(first, True)
    return country, sector, start, end


def build_phoenix_officeholders():
    """officeholders-phoenix.tsv: the named people of Phoenix.Countries.actors.txt with their date-bounded roles."""
    source = os.path.join(SHARED_DATA, "petrarch", "Phoenix.Countries.actors.txt")
    iso = {line.split("\t")[0] for line in open(os.path.join(DATA, "countries-iso.tsv"), encoding="utf-8")
           if not line.startswith("#")}
    title_words = {"PRESIDENT", "MR", "MR.", "MRS", "MRS.", "MS", "DR", "DR.", "THE", "ADMINISTRATION", "GOVERNMENT",
                   "GOV.", "GOVERNOR", "PRIME", "MINISTER", "KING", "QUEEN", "PRINCE", "GENERAL", "GEN.", "SENATOR",
                   "SEN.", "US", "U.S.", "AMERICAN", "REGIME", "CABINET", "SHEIKH", "PRESIDENT-ELECT", "VICE",
                   "SECRETARY", "CHAIRMAN", "AYATOLLAH", "EMIR", "SULTAN", "COLONEL", "COL.", "LEADER", "DICTATOR"}
    body_words = {"OF", "THE", "AND", "FOR", "DEPARTMENT", "COUNCIL", "ASSEMBLY", "COMMITTEE", "PARTY", "MINISTRY",
                  "AGENCY", "COMMAND", "FORCES", "FORCE", "GOVERNMENT", "ARMY", "OFFICIAL", "OFFICIALS", "BUREAU",
                  "OFFICE", "COURT", "CONGRESS", "SENATE", "PARLIAMENT", "CABINET", "STAFF", "COMMISSION", "SERVICE"}
    people, entry = {}, None
    for raw in open(source, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            if entry is not None:
                role = phoenix_role(line.strip())
                if role and role[0] in iso:
                    entry["roles"].append(role)
            continue
        body = line.split("#")[0].strip()
        if line.startswith("+"):
            if entry is not None:
                entry["forms"].append(body[1:])
            continue
        entry = None if "[" in body else people.setdefault(body.strip("_"), {"forms": [], "roles": []})
    def words(form):
        return [word for word in form.strip("_").split("_") if word]
    def clean(form):
        # A few names of the source carry control characters or bytes that were not text (mis-encoded letters);
        # a few entries are bodies ("DEPARTMENT_OF_STATE"), not people.
        return (all(ord(char) >= 0x20 and char != "\ufffd" for char in form)
                and not any(word in body_words for word in words(form)))
    def display(form):
        return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in words(form))
    lines = [
        "# officeholders-phoenix.tsv: derived by scripts/gen-data.py from ../shared/data/petrarch/Phoenix.Countries.actors.txt",
        "# (PETRARCH 2 / Phoenix dictionaries, MIT licence, \"Copyright (c) 2014 Open Event Data Alliance\"; generated",
        "# 2014-01-30 from CountryInfo.140130.txt). The named people whose roles are government, military, intelligence,",
        "# judiciary, legislature, opposition, political elite, party or rebel, names of two to four words.",
        "# Columns: name, aliases (| separated), roles (space separated COUNTRY:SECTOR:FROM:TO, dates YYYY-MM-DD or",
        "# empty when open). Names are written in the source's capitals; matching ignores case.",
        "name\taliases\troles",
    ]
    for key in sorted(people):
        person = people[key]
        dated = any(role[2] or role[3] for role in person["roles"])
        if not dated or not 2 <= len(words(key)) <= 4 or not clean(key):
            continue
        aliases = sorted({display(form) for form in person["forms"]
                          if 2 <= len(words(form)) <= 4 and clean(form)
                          and not any(word in title_words for word in words(form))}
                         - {display(key)})
        roles = " ".join(":".join(role) for role in dict.fromkeys(person["roles"]))
        lines.append("\t".join([display(key), "|".join(aliases), roles]))
    with open(os.path.join(DATA, "officeholders-phoenix.tsv"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def swift_literal(text):
    # A raw multi-line literal: #"""..."""# needs no escaping unless the text holds """#.
    assert '"""#' not in text
    return '#"""\n' + text + '"""#'


def embedded_source():
    parts = [
        "// swift-format-ignore-file",
        "// Generated by scripts/gen-data.py from Sources/NewsExtract/Data/*.tsv. Do not edit by hand.",
        "// The data files' headers name their sources and licences.",
        "",
        "/// The gazetteer data, embedded so that the binary runs without a resource bundle.",
        "enum EmbeddedData {",
    ]
    for name, file_name in EMBEDDED:
        with open(os.path.join(DATA, file_name), encoding="utf-8") as handle:
            text = handle.read()
        parts.append(f"    /// The contents of `Data/{file_name}`.")
        parts.append(f"    static let {name} = " + swift_literal(text))
        parts.append("")
    parts[-1] = "}"
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    if "--embed" not in sys.argv:
        build_iso()
        build_threat_actors()
        build_phoenix_officeholders()
    source = embedded_source()
    if "--check" in sys.argv:
        with open(GENERATED, encoding="utf-8") as handle:
            if handle.read() != source:
                sys.exit("Sources/NewsExtract/Generated/EmbeddedData.swift is out of date: run python3 scripts/gen-data.py --embed")
        sys.exit(0)
    with open(GENERATED, "w", encoding="utf-8") as handle:
        handle.write(source)
