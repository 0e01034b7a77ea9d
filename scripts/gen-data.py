#!/usr/bin/env python3
"""Regenerates the extract module's derived data files and the Swift source that embeds them.

    python3 scripts/gen-data.py            # rebuild Data/countries-iso.tsv (needs Debian's iso-codes) and Generated/
    python3 scripts/gen-data.py --embed    # only rebuild Generated/EmbeddedData.swift from Data/*.tsv
    python3 scripts/gen-data.py --embed --check   # fail if Generated/ is out of date
    python3 scripts/gen-data.py --check   # also regenerate every derived Data/ file aside and compare (scripts/test.sh)

Each derived file's header names its inputs with their SHA-256 (and, for system files, the Debian package version),
so a change of input shows as a changed header and a failing --check.

Sources:
- /usr/share/iso-codes/json/iso_3166-1.json from Debian's iso-codes package (LGPL-2.1-or-later): all 249
  ISO 3166-1 entries. `apt-get install iso-codes` provides it.
- Sources/NewsExtract/Data/countries-common.tsv: the project's own common-name layer (hand-written).

The binary embeds the data as Swift string literals, so an installed `newsevents` needs no resource bundle.
A test checks that Generated/EmbeddedData.swift matches the data files.
"""
import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

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
    ("groupForms", "group-forms.tsv"),
    ("officeholders", "officeholders.tsv"),
    ("officeholdersPhoenix", "officeholders-phoenix.tsv"),
    ("officeholdersPhoenixIndex", "officeholders-phoenix-index.tsv"),
    ("officeholdersPhoenixSurnames", "officeholders-phoenix-surnames.tsv"),
    ("eventVerbs", "event-verbs.tsv"),
    ("eventPatterns", "event-patterns.tsv"),
    ("cameoPlover", "cameo-plover.tsv"),
    ("reciprocalCodes", "reciprocal-codes.tsv"),
    ("givenNames", "given-names.tsv"),
    ("organizationContext", "organization-context.tsv"),
]
# Embedded tables that the binary searches in place (sorted by the bytes of their lines).
SEARCHED_IN_PLACE = {"group-forms.tsv", "lexicon.tsv", "wordnet-classes.tsv", "verb-lemmas.tsv", "event-patterns.tsv", "event-verbs.tsv", "officeholders-phoenix.tsv", "officeholders-phoenix-index.tsv", "officeholders-phoenix-surnames.tsv"}
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
    write_lines("countries-iso.tsv", lines, [ISO_JSON])


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
    write_lines("threat-actors.tsv", lines, [os.path.join(SHARED_DATA, "threat-actors.jsonl"),
                                             os.path.join(SHARED_DATA, "attack-groups.jsonl")])


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
    # One row per person: source entries whose names give the same lookup keys ("C. P. Thakur", "C.p. Thakur")
    # are one person, the first entry's name, the others' names and aliases as aliases, the roles in entry order.
    rows, by_id = [], {}
    for key in sorted(people):
        person = people[key]
        dated = any(role[2] or role[3] for role in person["roles"])
        if not dated or not 2 <= len(words(key)) <= 4 or not clean(key):
            continue
        aliases = {display(form) for form in person["forms"]
                   if 2 <= len(words(form)) <= 4 and clean(form)
                   and not any(word in title_words for word in words(form))}
        person_id = " ".join(lookup_keys(display(key)))
        if person_id in by_id:
            row = by_id[person_id]
            row["aliases"] |= aliases | {display(key)}
            row["roles"] += person["roles"]
            continue
        by_id[person_id] = {"name": display(key), "aliases": aliases, "roles": list(person["roles"])}
        rows.append(by_id[person_id])
    for row in rows:
        roles = " ".join(":".join(role) for role in dict.fromkeys(row["roles"]))
        lines.append("\t".join([row["name"], "|".join(sorted(row["aliases"] - {row["name"]})), roles]))
    write_lines("officeholders-phoenix.tsv", lines, [source])
    write_phoenix_index(rows, source)
    # Given names: the first word of the people's names, when two or more people have it and it is a plain
    # word (letters only, not a title).
    firsts = {}
    for key in people:
        parts = words(key)
        if people[key]["roles"] and 2 <= len(parts) <= 4 and clean(key):
            first = parts[0]
            if first.isalpha() and len(first) >= 2 and first not in title_words:
                firsts.setdefault(first.capitalize(), set()).add(key)
    write_table("given-names.tsv", [
        "# given-names.tsv: derived by scripts/gen-data.py from ../shared/data/petrarch/Phoenix.Countries.actors.txt",
        "# (PETRARCH 2 / Phoenix dictionaries, MIT licence, \"Copyright (c) 2014 Open Event Data Alliance\"): the first",
        "# word of the names of two or more of its people. A capitalised name that starts with one is a person's.",
        "name",
    ], [[name] for name in sorted(name for name, keys in firsts.items() if len(keys) >= 2)], [source])


def lookup_words(form):
    """The words of a name as `TokenizedText.tokens(of:)` finds them in Swift, as written: maximal runs of ASCII
    letters and digits or of other alphabetic, decimal-digit and non-spacing-mark characters."""
    words, word = [], ""
    for char in form:
        if char.isascii():
            is_word = char.isalnum()
        else:
            is_word = (char.isalpha() or unicodedata.decimal(char, None) is not None
                       or unicodedata.category(char) == "Mn")
        if is_word:
            word += char
        elif word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    return words


def lookup_keys(form):
    """The lookup keys of a name as `TokenizedText.keys(of:)` makes them in Swift: its words lower-cased. A test
    (OfficeholderGazetteerTests) tokenizes every indexed name in Swift and compares."""
    return [word.lower() for word in lookup_words(form)]


def build_group_forms():
    """group-forms.tsv: every name and alias of organizations.tsv and threat-actors.tsv by its lookup keys, with
    what the matcher needs (case rules, whether a threat actor's alias needs cyber vocabulary nearby), searched
    in place by the binary instead of a trie built at every start. The Swift side (GroupGazetteer) drops at
    match time a threat actor's alias that is a country's name. A test (GroupFormTableTests) derives every line
    again in Swift and compares."""
    rows = []

    def add(form, group_id, name, kind, country, threat_actor):
        words = lookup_words(form)
        if not words or len(form) < 2:
            return
        # Per word: 2 all capitals (up to 6 letters), 1 capitalized, 0 any case.
        def rule(word):
            capitalized = word[0].isupper()
            if capitalized and not any(char.islower() for char in word) and len(word) <= 6:
                return "2"
            return "1" if capitalized else "0"
        rules = "".join(rule(word) for word in words)
        needs_context = False
        if threat_actor:
            has_digit = any(unicodedata.numeric(char, None) is not None for char in form)
            if rules.strip("0") == "" and not has_digit:
                return
            first_all_caps = words[0][0].isupper() and not any(char.islower() for char in words[0])
            camel_case = any(char.isupper() for char in form[1:]) and not first_all_caps
            needs_context = len(words) == 1 and not has_digit and not camel_case
        rows.append([" ".join(word.lower() for word in words), form, group_id, name, kind, country, rules,
                     "1" if needs_context else "0"])

    organizations = os.path.join(DATA, "organizations.tsv")
    threat_actors = os.path.join(DATA, "threat-actors.tsv")
    for row in data_rows(organizations):
        if len(row) < 5:
            continue
        forms = [row[1]] + [alias for alias in row[4].split("|") if alias]
        # "US Treasury Department" and "U.S. Treasury Department" are one name written two ways.
        forms += ["U.S. " + form[3:] for form in forms if form.startswith("US ")]
        forms += ["US " + form[5:] for form in forms if form.startswith("U.S. ")]
        for form in sorted(set(forms)):
            add(form, row[0], row[1], row[2], row[3], False)
    for row in data_rows(threat_actors):
        if len(row) < 4:
            continue
        for form in [row[1]] + [alias for alias in row[3].split("|") if alias]:
            add(form, row[0], row[1], "threat_actor", row[2], True)
    # By keys in byte order; a stable sort keeps the order of the names that share keys.
    rows.sort(key=lambda row: (row[0] + "\t").encode())
    write_table("group-forms.tsv", [
        "# group-forms.tsv: derived by scripts/gen-data.py from organizations.tsv (curated for this project) and",
        "# threat-actors.tsv (MISP galaxy, CC0, and MITRE ATT&CK, see that file's header). One line per name or alias:",
        "# lookup keys (space separated, as the Swift tokenizer makes them), the name as written, the group's id,",
        "# canonical name, kind and country, a case rule per word (2 all capitals, 1 capitalized, 0 any) and 1 when a",
        "# threat actor's one-word alias is also an ordinary word that counts only with cyber vocabulary nearby.",
        "keys\tform\tid\tname\tkind\tcountry\tcase\tcyber_context",
    ], rows, [organizations, threat_actors])


def data_rows(path):
    """The data rows of a project table: lines that are no comment, after the column line."""
    lines = [line.rstrip("\n") for line in open(path, encoding="utf-8") if not line.startswith("#")]
    return [line.split("\t") for line in lines[1:] if line]


def write_phoenix_index(rows, source):
    """officeholders-phoenix-index.tsv and officeholders-phoenix-surnames.tsv: the lookup tables of
    officeholders-phoenix.tsv, sorted by the bytes of their UTF-8 lines, so that the binary searches them as they
    are embedded instead of building a trie of 17,000 names at every start. Index lines: the lookup keys of a name
    or alias (two or more, space separated), the person's row (0-based, five digits so that byte order is row
    order) and "n" for the row's name or "a" for an alias. Surname lines: the last key of the row's name and the
    row."""
    entries, surnames = set(), set()
    for number, row in enumerate(rows):
        name_keys = lookup_keys(row["name"])
        if len(name_keys) >= 2:
            entries.add((" ".join(name_keys), number, "n"))
        surnames.add((name_keys[-1], number))
        for alias in row["aliases"] - {row["name"]}:
            keys = lookup_keys(alias)
            if len(keys) >= 2 and keys != name_keys:
                entries.add((" ".join(keys), number, "a"))
    notice = [
        "# (derived from ../shared/data/petrarch/Phoenix.Countries.actors.txt, PETRARCH 2 / Phoenix dictionaries, MIT",
        "# licence, \"Copyright (c) 2014 Open Event Data Alliance\"). Generated by scripts/gen-data.py; sorted by the",
        "# bytes of each line, searched in place by OfficeholderGazetteer (see write_phoenix_index in the script).",
    ]
    index = ["%s\t%05d\t%s" % entry for entry in entries]
    write_lines("officeholders-phoenix-index.tsv", [
        "# officeholders-phoenix-index.tsv: the names and aliases of officeholders-phoenix.tsv by lookup keys"]
        + notice + ["keys\trow\tkind"] + sorted(index, key=lambda line: line.encode()), [source])
    lines = ["%s\t%05d" % entry for entry in surnames]
    write_lines("officeholders-phoenix-surnames.tsv", [
        "# officeholders-phoenix-surnames.tsv: the people of officeholders-phoenix.tsv by the last key of the name"]
        + notice + ["surname\trow"] + sorted(lines, key=lambda line: line.encode()), [source])


CAMEO_NOTICE = [
    "# PETRARCH 2 / Phoenix CAMEO verb dictionary (CAMEO.2.0.txt, MIT licence, \"Copyright (c) 2015 Open Event",
    "# Data Alliance\"; from openeventdata/petrarch2, commit of 2019-03-18).",
]


def inflections(base):
    """Regular English inflections of a verb given in capitals: base, -s, -ed, -ing."""
    word = base.lower()
    vowels = "aeiou"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        third = word + "es"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in vowels:
        third = word[:-1] + "ies"
    else:
        third = word + "s"
    double = (len(word) <= 4 and len(word) >= 3 and word[-1] not in vowels + "wxy" and word[-2] in vowels
              and word[-3] not in vowels)
    stem = word + word[-1] if double else word
    if word.endswith("e"):
        past = word + "d"
        ing = (word[:-2] + "ying") if word.endswith("ie") else (word + "ing" if word.endswith("ee") else word[:-1] + "ing")
    elif word.endswith("y") and len(word) > 1 and word[-2] not in vowels:
        past, ing = word[:-1] + "ied", word + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    return [word, third, past, ing]


# Verb patterns of the CAMEO dictionary left out of event-patterns.tsv: what they match in today's news means
# something else. (block, words after the verb, code)
DROPPED_PATTERNS = {
    # "condemned the move" criticises an action (111); it is no threat (130).
    ("blame", "move", "130"),
    # "awarded task orders to three companies" is a contract (the verb's 060), no ultimatum (138).
    ("grant", "orders", "138"),
    # "we need everyone on it": a bare "on" after a verb of need is no armed attack (190).
    ("demand", "on", "190"),
}

# Verbs of the CAMEO dictionary whose default code is not what news means by them; their forms are listed with
# code '---' (no event unless a pattern gives one).
NO_DEFAULT_VERBS = {
    # "WeWork faces losses", "faced criticism": undergoing, almost never a meeting (040).
    "face",
    # "we need everyone on it", "WeWork needs a leaner organization": a need, not a demand (100).
    "need",
    # "considers the US biased", "is considering its options": holding or weighing, not consulting (040).
    "consider",
    # "have struggled to gain momentum": a difficulty, not a fight (190).
    "struggle",
    # "left the company", "would leave the EU": a departure, not a visit (040); "leave for talks" keeps its pattern.
    "leave",
    # "the court ruled that ...": a ruling, not a cooperation (060).
    "rule",
}


def build_event_lexicon():
    """event-verbs.tsv, event-patterns.tsv and cameo-plover.tsv from the CAMEO verb dictionary and the
    CAMEO -> PLOVER table."""
    source = os.path.join(SHARED_DATA, "petrarch", "CAMEO.2.0.txt")
    sets, verbs, patterns = {}, [], []
    section, current_set, block, block_code = None, None, None, None
    for raw in open(source, encoding="utf-8", errors="replace"):
        line = raw.split("#")[0].rstrip()
        if raw.startswith("####### SYNONYM SETS"):
            section = "sets"
            continue
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip():
            continue
        if section == "sets":
            if line.startswith("&"):
                current_set = line.strip().rstrip("_")
                sets[current_set] = []
            elif line.startswith("+") and current_set:
                sets[current_set].append(line[1:].strip().rstrip("_").replace("_", " ").lower())
            continue
        if section != "verbs":
            continue
        match = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", line)
        if match:
            block, block_code = match.group(1).lower(), match.group(2).split(":")[0]
            continue
        if line.startswith("-"):
            code_match = re.search(r"\[([^\]]*)\]", line)
            if not code_match or block is None:
                continue
            code = code_match.group(1).split(":")[0].strip()
            body = line[1:code_match.start()].replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ")
            words = body.split()
            if "*" not in words:
                continue
            star = words.index("*")
            def element(word):
                if word.startswith("&"):
                    return "|".join(item.replace(" ", "_") for item in sets.get(word.rstrip("_"), []))
                return word.lower().rstrip("_").replace("_", " ")
            def keep(word):
                return word not in ("$", "+", "^", "%") and not word.startswith("=")
            pre = [element(word) for word in words[:star] if keep(word)]
            post = [element(word) for word in words[star + 1:] if keep(word)]
            if all(not item for item in pre + post) or any(not item for item in pre + post):
                continue
            if (block, " ".join(post), code) in DROPPED_PATTERNS and not pre:
                continue
            patterns.append((block, " ".join(pre), " ".join(post), code))
            continue
        # A verb: "ASK [020]", "QUERY {QUERYING QUERIES QUERIED }", "+ASK_FOR {+ASKED_FOR ...} [020]".
        code_match = re.search(r"\[([^\]]*)\]", line)
        code = code_match.group(1).split(":")[0].strip() if code_match else block_code
        body = line[:code_match.start()] if code_match else line
        forms_match = re.search(r"\{([^}]*)\}", body)
        head = (body[:forms_match.start()] if forms_match else body).strip().lstrip("+").rstrip("_")
        if not head or block is None or not re.fullmatch(r"[A-Z_\-']+", head):
            continue
        if forms_match:
            forms = [head.replace("_", " ").lower()] + [
                form.lstrip("+").rstrip("_").replace("_", " ").lower() for form in forms_match.group(1).split()]
        elif "_" in head:
            first, rest = head.split("_", 1)
            forms = [form + " " + rest.replace("_", " ").lower() for form in inflections(first)]
        else:
            forms = inflections(head)
        if head.lower() in NO_DEFAULT_VERBS:
            code = "---"
        for form in dict.fromkeys(forms):
            verbs.append((form, code, block))
    # By lookup keys in byte order (stable: a form's readings keep the dictionary's order), searched in place by
    # the binary; forms with no word (a stray comma) are left out, as they can never match.
    rows = sorted(([" ".join(lookup_keys(form)), form, code, block] for form, code, block in verbs
                   if lookup_keys(form)), key=lambda row: (row[0] + "\t").encode())
    write_table("event-verbs.tsv", CAMEO_NOTICE + [
        "# event-verbs.tsv: derived by scripts/gen-data.py. Every verb form (regular inflections generated, irregular",
        "# ones as listed) with its CAMEO code ('---': no event unless a pattern gives one) and its verb block, by the",
        "# form's lookup keys (space separated, as the Swift tokenizer makes them) in byte order.",
        "keys\tform\tcode\tblock",
    ], rows, [source])
    # Blocks in the byte order of "block<TAB>", each block's patterns in dictionary order: the binary finds a
    # block's lines by binary search and reads them when a verb of the block first occurs.
    patterns.sort(key=lambda row: (row[0] + "\t").encode())
    write_table("event-patterns.tsv", CAMEO_NOTICE + [
        "# event-patterns.tsv: derived by scripts/gen-data.py. The verb patterns of each block: words before and after",
        "# the verb (space separated; alternatives of a synonym set joined by |, their words by _), and the CAMEO code.",
        "block\tbefore\tafter\tcode",
    ], patterns, [source])
    table = os.path.join(SHARED_DATA, "petrarch", "CAMEO2PLOVER-2021.txt")
    rows = []
    for raw in open(table, encoding="utf-8"):
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*)(?:,([^#]*))?)?", raw)
        if not match:
            continue
        code, kind, mode, context = match.group(1), match.group(2), (match.group(3) or "").strip(), (match.group(4) or "").strip()
        context = "|".join(part.strip() for part in context.split(";") if part.strip())
        if code not in {row[0] for row in rows}:
            rows.append((code, kind, mode, context))
    header = [
        "# cameo-plover.tsv: derived by scripts/gen-data.py from ../shared/data/petrarch/CAMEO2PLOVER-2021.txt (PLOVER",
        "# manual Draft 0.8, 2021; licensed CC BY-SA 4.0, \"Copyright by the Open Event Data Alliance\"). Columns: CAMEO",
        "# code, PLOVER type, mode, contexts (| separated). The first row of a code that the table lists twice is kept.",
        "code\ttype\tmode\tcontext",
    ]
    write_table("cameo-plover.tsv", header, rows, [table])


def write_table(name, header, rows, inputs):
    """Writes Data/<name>: the header lines, then one tab-separated line per row."""
    write_lines(name, header + ["\t".join(row) for row in rows], inputs)


def input_version(path):
    """The version of the Debian package that holds `path`, or "" when dpkg does not know it."""
    try:
        owner = subprocess.run(["dpkg-query", "-S", path], capture_output=True, text=True, check=True).stdout
        package = owner.split(":")[0].strip()
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                                 check=True).stdout.strip()
        return f"{package} {version}"
    except (OSError, subprocess.CalledProcessError):
        return ""


def provenance(inputs):
    """Header lines naming each input file with its SHA-256 (and its Debian package version, for system files),
    so that a derived file says exactly what it was made from."""
    lines = []
    for path in inputs:
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        if path.startswith(SHARED_DATA):
            name = "../shared/data/" + os.path.relpath(path, SHARED_DATA)
        elif path.startswith(DATA):
            # A table of this project's own (the check regenerates into a scratch copy of Data/).
            name = "Sources/NewsExtract/Data/" + os.path.relpath(path, DATA)
        else:
            version = input_version(path)
            name = path + (f" (Debian package {version})" if version else "")
        lines.append(f"# input: {name} sha256 {digest}")
    return lines


def write_lines(name, lines, inputs):
    """Writes Data/<name>: its comment header, the provenance of `inputs` just before the column line, the rest."""
    column_line = next(index for index, line in enumerate(lines) if not line.startswith("#"))
    text = lines[:column_line] + provenance(inputs) + lines[column_line:]
    with open(os.path.join(DATA, name), "w", encoding="utf-8") as handle:
        handle.write("\n".join(text) + "\n")


def swift_literal(text):
    # A raw multi-line literal: #"""..."""# needs no escaping unless the text holds """#.
    assert '"""#' not in text
    return '#"""\n' + text + '"""#'


def embedded_source(
    script="scripts/gen-data.py", folder="Sources/NewsExtract", enum="EmbeddedData", what="The gazetteer data",
    data=DATA, files=EMBEDDED,
):
    """The Swift source that embeds `files` (Swift name, file name in `data`) as string literals. Also used by
    scripts/gen-language.py for the language layer's tables."""
    parts = [
        "// swift-format-ignore-file",
        f"// Generated by {script} from {folder}/Data/*.tsv. Do not edit by hand.",
        "// The data files' headers name their sources and licences.",
        "",
        f"/// {what}, embedded so that the binary runs without a resource bundle.",
        f"enum {enum} {{",
    ]
    for name, file_name in files:
        with open(os.path.join(data, file_name), encoding="utf-8") as handle:
            text = handle.read()
        parts.append(f"    /// The contents of `Data/{file_name}`.")
        # Tables searched in place are StaticString: their bytes stay where the binary has them, with a stable
        # address and nothing copied or allocated at start-up.
        kind = ": StaticString" if file_name in SEARCHED_IN_PLACE else ""
        parts.append(f"    static let {name}{kind} = " + swift_literal(text))
        parts.append("")
    parts[-1] = "}"
    return "\n".join(parts) + "\n"


def build_all():
    build_iso()
    build_threat_actors()
    build_phoenix_officeholders()
    build_event_lexicon()
    build_group_forms()


def check_derived():
    """Regenerates every derived data file into a scratch copy of Data/ and lists those that differ from the
    committed ones (their inputs or the script changed without a regeneration)."""
    global DATA
    committed = DATA
    with tempfile.TemporaryDirectory() as scratch:
        DATA = os.path.join(scratch, "Data")
        shutil.copytree(committed, DATA)
        build_all()
        stale = [name for name in sorted(os.listdir(DATA))
                 if not filecmp.cmp(os.path.join(DATA, name), os.path.join(committed, name), shallow=False)]
    DATA = committed
    return stale


if __name__ == "__main__":
    if "--check" in sys.argv and "--embed" not in sys.argv:
        stale = check_derived()
        if stale:
            sys.exit("derived data out of date (run python3 scripts/gen-data.py): "
                     + ", ".join("Sources/NewsExtract/Data/" + name for name in stale))
    elif "--embed" not in sys.argv:
        build_all()
    source = embedded_source()
    if "--check" in sys.argv:
        with open(GENERATED, encoding="utf-8") as handle:
            if handle.read() != source:
                sys.exit("Sources/NewsExtract/Generated/EmbeddedData.swift is out of date: run python3 scripts/gen-data.py --embed")
        sys.exit(0)
    with open(GENERATED, "w", encoding="utf-8") as handle:
        handle.write(source)
