#!/usr/bin/env python3
"""Derives the language layer's tagger data from the Universal Dependencies files in ../shared/data/ud/.

    python3 scripts/gen-language.py            # learn Data/*.tsv, then rebuild Generated/EmbeddedLanguageData.swift
    python3 scripts/gen-language.py --embed    # only rebuild the generated Swift source from Data/*.tsv
    python3 scripts/gen-language.py --embed --check   # fail if the generated source is stale (scripts/test.sh)
    python3 scripts/gen-language.py --check    # learn again into a temporary folder and fail if Data/ differs
    python3 scripts/gen-language.py --eval FILE.conllu  # tag FILE's gold words with this reference tagger

What it learns (no statistical model: three tables that a person can read and edit):
- lexicon.tsv: every word form of the training part with the counts of its universal tags (UPOS), the
  lemma of each tag where it differs from the lower-cased form, and the form's WordNet signature: its classes
  allow the open tags the training part never showed (a rule may move the word to them; the first guess
  stays the most frequent tag seen), and the signature rules read it without a WordNet search at run time.
- unknown-words.tsv: for words the lexicon does not hold, the tag counts by word shape and final letters,
  counted on words that were unknown to a lexicon built without their fold (five-fold jackknife), so the table
  sees unknown words the way the tagger will at run time. A rule may move an unknown word only to a name
  (PROPN) or to the open classes WordNet gives it, when WordNet knows it ("analysts" may be a noun, not a
  verb); to any open tag otherwise. The limit holds when the tagger runs (and in --eval),
  not while the rules are learned.
- context-rules.tsv: transformation rules in the style of Brill (1995), learned greedily on the jackknifed
  tagging of the training part: "change tag A to B when <context>", applied in order. Contexts are the
  tags and words around the word, and the word's own shape or WordNet signature with the tag before or after
  it ("change NOUN to VERB when WordNet makes the word a noun and a verb and an auxiliary precedes it").

The training part is EWT dev plus the GUM documents of part A; EWT test and GUM part B are never read here
except by --eval, so they measure the tagger on text it has not seen. GUM's part is fixed by the document id:
part B when the first hex digit of md5(document id) is 0-3, part A otherwise.

Sources and licences: UD_English-EWT (CC BY-SA 4.0) and GUM (annotations CC BY 4.0) as described in
../shared/data/ud/README.md; the derived tables carry the same attribution in their headers.
"""
import collections
import hashlib
import importlib.util
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UD = os.path.join(ROOT, "..", "shared", "data", "ud")
DATA = os.path.join(ROOT, "Sources", "NewsLanguage", "Data")
GENERATED = os.path.join(ROOT, "Sources", "NewsLanguage", "Generated", "EmbeddedLanguageData.swift")
EMBEDDED = [
    ("lexicon", "lexicon.tsv"),
    ("verbLemmas", "verb-lemmas.tsv"),
    ("unknownWords", "unknown-words.tsv"),
    ("contextRules", "context-rules.tsv"),
    ("wordLists", "word-lists.tsv"),
    ("wordnetClasses", "wordnet-classes.tsv"),
]
CLOSED = {"DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ", "PART"}
TAGS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X"]
OPEN = [tag for tag in TAGS if tag not in CLOSED]
MIN_SUFFIX_COUNT = 3
VERBOSE = "--verbose" in sys.argv
MAX_RULES = 1000
MIN_RULE_SCORE = 2
def debian_version(package):
    """The installed version of a Debian package, or "(version unknown)" where dpkg does not know it."""
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "(version unknown)"


def md5(path):
    with open(path, "rb") as handle:
        return hashlib.md5(handle.read()).hexdigest()


def header():
    return [
        "# Derived by scripts/gen-language.py from Universal Dependencies English: UD_English-EWT dev (CC BY-SA 4.0,",
        "# commit 15d613d8) and GUM part A (annotations CC BY 4.0, commit 72ce5ac1); see ../shared/data/ud/README.md.",
        "# Do not edit by hand: rerun the script. EWT test and GUM part B are kept out for measuring. Inputs (MD5):",
        f"# en_ewt-ud-dev.conllu {md5(os.path.join(UD, 'en_ewt-ud-dev.conllu'))}, "
        f"gum-cc-by-genres.conllu {md5(os.path.join(UD, 'gum-cc-by-genres.conllu'))}.",
    ]


def gum_part(doc_id):
    return "B" if hashlib.md5(doc_id.encode()).hexdigest()[0] in "0123" else "A"


class Sentence(list):
    """A sentence's (form, upos, lemma) triples; `spaced[k]` tells whether a space follows word k."""

    def __init__(self):
        super().__init__()
        self.spaced = []


def read_conllu(path, doc_filter=None):
    """Sentences (see Sentence); doc_filter(doc_id) picks documents."""
    sentences, words, doc = [], Sentence(), ""
    joined, joined_space = {}, True  # the words of the current multiword token: word id -> followed by its next
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc id ="):
            doc = line.split("=", 1)[1].strip()
            continue
        if not line:
            if words and (doc_filter is None or doc_filter(doc)):
                sentences.append(words)
            words, joined = Sentence(), {}
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) == 10 and "-" in cols[0]:
            # A token of several words ("Galois'" = "Galois" + "'"): no space inside, its own after the last.
            first, last = (int(part) for part in cols[0].split("-"))
            joined = {first + k: k < last - first for k in range(last - first + 1)}
            joined_space = "SpaceAfter=No" not in cols[9]
        elif len(cols) == 10 and cols[0].isdigit():
            words.append((cols[1], cols[3], cols[2]))
            number = int(cols[0])
            if number in joined:
                words.spaced.append(False if joined[number] else joined_space)
            else:
                words.spaced.append("SpaceAfter=No" not in cols[9])
    if words and (doc_filter is None or doc_filter(doc)):
        sentences.append(words)
    return sentences


def training_sentences():
    ewt = read_conllu(os.path.join(UD, "en_ewt-ud-dev.conllu"))
    gum = read_conllu(os.path.join(UD, "gum-cc-by-genres.conllu"), lambda doc: gum_part(doc) == "A")
    return ewt + gum


WORDNET = "/usr/share/wordnet"
WORDNET_FILES = [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]
WORDNET_INPUTS = [f"{kind}.{name}" for _, name in WORDNET_FILES for kind in ("index",)] + [
    f"{name}.exc" for _, name in WORDNET_FILES]


class WordNet:
    """Word classes of English lemmas from Princeton WordNet 3.0 (Debian's wordnet-base; WordNet 3.0 licence,
    permissive): which of noun (n), verb (v), adjective (a), adverb (r) a lemma can be, and the irregular
    inflections of the exception lists."""

    def __init__(self, classes, exceptions):
        self.classes = classes  # lemma -> set of n v a r
        self.exceptions = exceptions  # inflected form -> set of n v a r

    @staticmethod
    def from_debian():
        classes, exceptions = collections.defaultdict(set), collections.defaultdict(set)
        for pos, name in WORDNET_FILES:
            for line in open(os.path.join(WORDNET, "index." + name), encoding="utf-8"):
                if line.startswith(" "):
                    continue
                lemma = line.split(" ", 1)[0]
                if lemma.replace("'", "").replace(".", "").isalnum():
                    classes[lemma].add(pos)
            for line in open(os.path.join(WORDNET, name + ".exc"), encoding="utf-8"):
                form = line.split(" ", 1)[0]
                if form.isalpha():
                    exceptions[form].add(pos)
        return WordNet(classes, exceptions)

    @staticmethod
    def from_table(path):
        classes, exceptions = collections.defaultdict(set), collections.defaultdict(set)
        for line in open(path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            word, lemma_classes, inflected_classes = line.rstrip("\n").split("\t")
            if lemma_classes:
                classes[word] = set(lemma_classes)
            if inflected_classes:
                exceptions[word] = set(inflected_classes)
        return WordNet(classes, exceptions)

    def has(self, lemma, pos):
        return pos in self.classes.get(lemma, ())

    def signature(self, lower):
        """Lower-case letters: classes of the word as a lemma; capitals: classes it has as a regular or
        irregular inflection (plural or 3rd person -s, -ed, -ing, -er, -est). "-" for none. The Swift side
        (WordNetClasses.swift) computes the same."""
        base = set(self.classes.get(lower, ()))
        inflected = set(self.exceptions.get(lower, ()))
        n = len(lower)
        if n > 3 and lower.endswith("s"):
            for stem in plural_bases(lower):
                for pos in "nv":
                    if self.has(stem, pos):
                        inflected.add(pos)
        if (n > 4 and lower.endswith("ed")) or (n > 5 and lower.endswith("ing")):
            if any(self.has(stem, "v") for stem in verb_bases(lower)):
                inflected.add("v")
        if (n > 4 and lower.endswith("er")) or (n > 5 and lower.endswith("est")):
            if any(self.has(stem, "a") for stem in adjective_bases(lower)):
                inflected.add("a")
        text = "".join(pos for pos in "nvar" if pos in base) + "".join(pos.upper() for pos in "nvar" if pos in inflected)
        return text or "-"


def plural_bases(lower):
    stems = [lower[:-1]]
    if lower.endswith("es"):
        stems.append(lower[:-2])
    if lower.endswith("ies"):
        stems.append(lower[:-3] + "y")
    return stems


def stems(lower, ending, y_ending):
    """Stems of `lower` without `ending`: as is, with a silent e, with a doubled consonant undone, and with
    y for i where the word ends in `y_ending` ("tried", "happier")."""
    stem = lower[:-len(ending)]
    found = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        found.append(stem[:-1])
    if lower.endswith(y_ending):
        found.append(lower[:-len(y_ending)] + "y")
    return found


def verb_bases(lower):
    return stems(lower, "ed" if lower.endswith("ed") else "ing", "ied")


def adjective_bases(lower):
    ending = "er" if lower.endswith("er") else "est"
    return stems(lower, ending, "i" + ending)


WN = None


def wordnet():
    global WN
    if WN is None:
        table = os.path.join(DATA, "wordnet-classes.tsv")
        WN = WordNet.from_debian() if os.path.exists(os.path.join(WORDNET, "index.noun")) else WordNet.from_table(table)
    return WN


# Word shape. The Swift side (UnknownWordGuesser.swift) computes the same key; keep the two in step.
def shape(form, initial):
    letters = [c for c in form if c.isalpha()]
    if not letters:
        if any(c.isdigit() for c in form):
            return "num"
        return "sym"
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "caps"
    if form[0].isupper():
        return "init" if initial else "cap"
    if form[0].isalpha() and any(c.isupper() for c in form) and not any(c.isdigit() for c in form):
        return "camel"
    if any(c.isdigit() for c in form):
        return "mixed"
    return "lower"


def suffix_keys(form, initial):
    """Most specific first: shape, WordNet signature and 3, 2, 1 final letters; shape and signature; shape
    and final letters; shape."""
    base = shape(form, initial)
    if base in ("num", "sym"):
        return [base]
    lower = form.lower()
    signature = wordnet().signature(lower)
    suffixes = [lower[-n:] for n in (3, 2, 1) if len(lower) > n]
    return ([f"{base}|{signature}|{suffix}" for suffix in suffixes] + [f"{base}|{signature}"]
            + [f"{base}|{suffix}" for suffix in suffixes] + [base])


WORDNET_TAGS = (("n", "NOUN"), ("v", "VERB"), ("a", "ADJ"), ("r", "ADV"))


def signature_of(form, initial):
    """The WordNet signature a context rule reads: "-" for numbers and symbols."""
    return "-" if shape(form, initial) in ("num", "sym") else wordnet().signature(form.lower())


class Words(list):
    """A sentence's words lower-cased, with each word's shape and WordNet signature (the shape and signature
    templates read them)."""

    def __init__(self, forms):
        super().__init__(form.lower() for form in forms)
        self.shapes = [shape(form, k == 0) for k, form in enumerate(forms)]
        self.signatures = [signature_of(form, k == 0) for k, form in enumerate(forms)]


class Lexicon:
    def __init__(self, sentences):
        self.tags = collections.defaultdict(collections.Counter)
        self.lemmas = collections.defaultdict(collections.Counter)
        self.signatures = {}  # form -> its WordNet signature (computed on first use, or read from the table)
        for sentence in sentences:
            for form, tag, lemma in sentence:
                self.tags[form][tag] += 1
                self.lemmas[(form, tag)][lemma] += 1

    def key(self, form):
        """The form's line: the exact form, else its lower-case form, else None."""
        if form in self.tags:
            return form
        return form.lower() if form.lower() in self.tags else None

    def entry(self, form):
        """The tag counts for a form: the exact form, else its lower-case form."""
        key = self.key(form)
        return self.tags[key] if key is not None else None

    def signature(self, key):
        """The WordNet signature of the form, as the signature rules read it."""
        if key not in self.signatures:
            self.signatures[key] = signature_of(key, False)
        return self.signatures[key]

    def also_allowed(self, key):
        """The open tags that WordNet's classes of the form give it and the training part did not."""
        signature = self.signature(key).lower()
        if not set(self.tags[key]) - CLOSED:
            return []
        return sorted(tag for letter, tag in WORDNET_TAGS if letter in signature and tag not in self.tags[key])


class Guesser:
    def __init__(self, counts):
        self.counts = counts

    def guess(self, form, initial):
        for key in suffix_keys(form, initial):
            counter = self.counts.get(key)
            if counter and sum(counter.values()) >= MIN_SUFFIX_COUNT:
                return best(counter)
        return "PROPN" if form[:1].isupper() or shape(form, initial) == "camel" else "NOUN"


def best(counter):
    # Ties go to the tag first in TAGS order, the same on the Swift side.
    return max(TAGS, key=lambda tag: (counter.get(tag, 0), -TAGS.index(tag)))


def unknown_allowed(form, initial):
    """The tags a context rule may give a word the lexicon does not hold: a name's, and the open classes its
    WordNet signature names, as a lemma or as an inflection (a verb's inflection may be an adjective or a noun
    too: "the disputed islands", "the bombing", and rules reach the adjective through the noun); every open tag
    when WordNet does not know the word (and for numbers and symbols).
    Only in tagging: the rules are learned with every open tag allowed to an unknown word (learning them under
    this limit too gave rules that tag "group" a verb in "the rights group Amnesty International").
    PartOfSpeech.unknownWordBits on the Swift side."""
    signature = signature_of(form, initial)
    if signature == "-":
        return set(OPEN)
    options = {"PROPN"}
    for letter, tag in WORDNET_TAGS:
        if letter in signature.lower():
            options.add(tag)
        if tag == "VERB" and letter.upper() in signature:
            options |= {"ADJ", "NOUN"}
    return options


def initial_tags(sentence_forms, lexicon, guesser, limit_unknown=False):
    """The first guess for every word and the tags each may take: most frequent tag from the lexicon, or
    the unknown-word guess."""
    tags, allowed = [], []
    for index, form in enumerate(sentence_forms):
        key = lexicon.key(form)
        if key is not None:
            entry = lexicon.tags[key]
            tags.append(best(entry))
            options = set(entry) | set(lexicon.also_allowed(key))
            if form not in lexicon.tags and form[:1].isupper() and index > 0:
                options.add("PROPN")
            allowed.append(options)
        else:
            tags.append(guesser.guess(form, index == 0))
            allowed.append(unknown_allowed(form, index == 0) if limit_unknown else set(OPEN))
    return tags, allowed


def unknown_counts(sentences, folds=5):
    counts = collections.defaultdict(collections.Counter)
    for fold in range(folds):
        lexicon = Lexicon([s for i, s in enumerate(sentences) if i % folds != fold])
        for i, sentence in enumerate(sentences):
            if i % folds != fold:
                continue
            for index, (form, tag, _) in enumerate(sentence):
                if lexicon.entry(form) is None:
                    for key in suffix_keys(form, index == 0):
                        counts[key][tag] += 1
    return counts


# Templates: each gives the context a rule tests at position i, from the current tags t and lower-case words w.
BOS, EOS = "<s>", "</s>"


def template_values(t, w, i):
    n = len(t)

    def tag(k):
        j = i + k
        return t[j] if 0 <= j < n else (BOS if j < 0 else EOS)

    def word(k):
        j = i + k
        return w[j] if 0 <= j < n else (BOS if j < 0 else EOS)

    return [
        ("prevtag", tag(-1)),
        ("nexttag", tag(1)),
        ("prev2tag", tag(-2)),
        ("next2tag", tag(2)),
        ("prevtags", tag(-1) + " " + tag(-2)),
        ("nexttags", tag(1) + " " + tag(2)),
        ("surround", tag(-1) + " " + tag(1)),
        ("word-prevtag", w[i] + " " + tag(-1)),
        ("word-nexttag", w[i] + " " + tag(1)),
        ("prevword", word(-1)),
        ("nextword", word(1)),
        ("word-prevword", w[i] + " " + word(-1)),
        ("word-nextword", w[i] + " " + word(1)),
        ("prev2word", word(-2)),
        ("next2word", word(2)),
        ("word-next2tags", w[i] + " " + tag(1) + " " + tag(2)),
        ("shape-prevtag", w.shapes[i] + " " + tag(-1)),
        ("shape-nexttag", w.shapes[i] + " " + tag(1)),
        ("signature-prevtag", w.signatures[i] + " " + tag(-1)),
        ("signature-nexttag", w.signatures[i] + " " + tag(1)),
    ]


TEMPLATE_INDEX = {name: k for k, (name, _) in enumerate(template_values(["X"], Words(["x"]), 0))}


def matches(rule, t, w, i):
    _, _, name, value = rule
    return template_values(t, w, i)[TEMPLATE_INDEX[name]][1] == value


def apply_rule(rule, t, w, allowed):
    source, target, _, _ = rule
    # Every context is read before any tag changes (the rule applies to the sentence at once).
    hits = [i for i in range(len(t)) if t[i] == source and target in allowed[i] and matches(rule, t, w, i)]
    for i in hits:
        t[i] = target
    return len(hits)


def contributions(w, gold, t, allowed, i):
    """What position i adds to the counts: for a wrong tag, one "good" per template (the rule that would fix
    it); for a right one, one "bad" per template and other tag the word may take (the rules that would break
    it)."""
    if t[i] != gold[i]:
        if gold[i] in allowed[i]:
            return [(True, (t[i], gold[i], name, value)) for name, value in template_values(t, w, i)]
        return []
    others = sorted(tag for tag in allowed[i] if tag != t[i])
    return [(False, (t[i], other, name, value)) for name, value in template_values(t, w, i) for other in others]


def learn_rules(corpus):
    """corpus: list of (words lower, gold tags, current tags, allowed sets). Greedy Brill learning: each
    round takes the rule with the best score (errors fixed minus errors made; ties to the smallest rule
    tuple). Counts are kept up to date around the words a rule changes (a template looks two words either
    side), which gives the same rules as counting everything anew each round, much faster."""
    good, bad = collections.Counter(), collections.Counter()

    def count(sentence, positions, sign):
        w, gold, t, allowed = sentence
        for i in positions:
            for is_good, key in contributions(w, gold, t, allowed, i):
                (good if is_good else bad)[key] += sign

    for sentence in corpus:
        count(sentence, range(len(sentence[2])), 1)
    rules = []
    while len(rules) < MAX_RULES:
        best = None
        for rule, fixed in good.items():
            if fixed <= 0 or (best is not None and fixed < best[0]):
                continue
            candidate = (fixed - bad.get(rule, 0), rule)
            if best is None or candidate > best:
                best = candidate
        if best is None or best[0] < MIN_RULE_SCORE:
            break
        score, rule = best
        rules.append((score,) + rule)
        changed = 0
        for sentence in corpus:
            w, gold, t, allowed = sentence
            source, target, _, _ = rule
            hits = [i for i in range(len(t)) if t[i] == source and target in allowed[i] and matches(rule, t, w, i)]
            if not hits:
                continue
            affected = sorted({j for i in hits for j in range(max(0, i - 2), min(len(t), i + 3))})
            count(sentence, affected, -1)
            for i in hits:
                t[i] = target
            count(sentence, affected, 1)
            changed += len(hits)
        if VERBOSE:
            print(f"rule {len(rules)}: {rule} score {score} changed {changed}", file=sys.stderr)
    return rules


def jackknifed_corpus(sentences, guesser, folds=5):
    corpus = []
    for fold in range(folds):
        lexicon = Lexicon([s for i, s in enumerate(sentences) if i % folds != fold])
        for i, sentence in enumerate(sentences):
            if i % folds != fold:
                continue
            forms = [form for form, _, _ in sentence]
            tags, allowed = initial_tags(forms, lexicon, guesser)
            corpus.append((Words(forms), [tag for _, tag, _ in sentence], tags, allowed))
    return corpus


def write_tables(sentences, counts, rules, folder=DATA):
    os.makedirs(folder, exist_ok=True)
    lexicon = Lexicon(sentences)
    lines = header() + [
        "# lexicon.tsv: word form (case kept), then TAG=count for each universal tag seen with it (most frequent",
        "# first), then TAG=lemma where the lemma differs from the lower-cased form, then the form's WordNet",
        "# signature (as the signature rules read it; its classes n v a r also allow NOUN VERB ADJ ADV).",
    ]
    for form in sorted(lexicon.tags):
        counter = lexicon.tags[form]
        ordered = sorted(counter, key=lambda tag: (-counter[tag], TAGS.index(tag)))
        lemmas = []
        for tag in ordered:
            lemma = lexicon.lemmas[(form, tag)].most_common(1)[0][0]
            if lemma != form.lower():
                lemmas.append(f"{tag}={lemma}")
        lines.append(f"{form}\t{' '.join(f'{tag}={counter[tag]}' for tag in ordered)}\t{' '.join(lemmas)}"
                     f"\t{lexicon.signature(form)}")
    write(os.path.join(folder, "lexicon.tsv"), lines)
    # The verb lemmas of the lexicon (a form's VERB lemma, its lower-cased form when none is listed), for
    # lemmatizing unknown inflected verbs; sorted by bytes, searched in place like the lexicon.
    verbs = {lexicon.lemmas[(form, "VERB")].most_common(1)[0][0] for form in lexicon.tags
             if "VERB" in lexicon.tags[form]}
    write(os.path.join(folder, "verb-lemmas.tsv"), header() + [
        "# verb-lemmas.tsv: the VERB lemmas of lexicon.tsv (the lower-cased form where it lists none), in byte order.",
        "lemma",
    ] + sorted(verbs, key=lambda lemma: lemma.encode()))

    lines = header() + [
        "# unknown-words.tsv: tag counts of words unknown to a lexicon built without their fold, by key:",
        "# shape (num, sym, caps, cap, init = capitalized first word, camel = a capital after a lower-case first",
        "# letter, mixed, lower) and up to 3 final letters.",
        f"# The tagger takes the longest key seen at least {MIN_SUFFIX_COUNT} times.",
    ]
    for key in sorted(counts):
        counter = counts[key]
        if sum(counter.values()) < MIN_SUFFIX_COUNT:
            continue
        ordered = sorted(counter, key=lambda tag: (-counter[tag], TAGS.index(tag)))
        lines.append(f"{key}\t{' '.join(f'{tag}={counter[tag]}' for tag in ordered)}")
    write(os.path.join(folder, "unknown-words.tsv"), lines)

    lines = header() + [
        "# context-rules.tsv: in order, change tag FROM to TO where the context holds (and the word may take TO).",
        "# Contexts: prevtag/nexttag/prev2tag/next2tag T; prevtags T-1 T-2; nexttags T+1 T+2; surround T-1 T+1;",
        "# word-prevtag W T-1; word-nexttag W T+1; prevword/nextword/prev2word/next2word W; word-prevword W W-1;",
        "# word-nextword W W+1; word-next2tags W T+1 T+2; shape-prevtag/shape-nexttag S T-1|T+1 (the word's shape as",
        "# in unknown-words.tsv); signature-prevtag/signature-nexttag G T-1|T+1 (the word's WordNet signature: lemma",
        "# classes in lower case, inflection classes in capitals, - for none or for numbers and symbols). Words",
        "# lower-cased; <s> and </s> mark the sentence ends.",
        "# Columns: score on the training part (errors fixed minus errors made), from, to, context, value.",
    ]
    for score, source, target, name, value in rules:
        lines.append(f"{score}\t{source}\t{target}\t{name}\t{value}")
    write(os.path.join(folder, "context-rules.tsv"), lines)

    net = wordnet()
    lines = [
        "# wordnet-classes.tsv: derived by scripts/gen-language.py from Princeton WordNet 3.0 as packaged by Debian",
        f"# (wordnet-base {debian_version('wordnet-base')}, /usr/share/wordnet/index.* and *.exc). WordNet 3.0 licence:",
        "# Copyright 2006 by Princeton University, all rights reserved; permission to use, copy, modify and",
        "# distribute it for any purpose and without fee is granted, provided that this notice appears in all",
        "# copies (WordNet is a trademark of",
        "# Princeton University). Columns: word (lower case, one word), classes it has as a lemma (n noun, v verb,",
        "# a adjective, r adverb), classes it has as an irregular inflection (exception lists). Inputs (MD5): "
        + ", ".join(f"{name} {md5(os.path.join(WORDNET, name))}" for name in WORDNET_INPUTS) + ".",
    ]
    for word in sorted(set(net.classes) | set(net.exceptions)):
        base = "".join(pos for pos in "nvar" if pos in net.classes.get(word, ()))
        inflected = "".join(pos for pos in "nvar" if pos in net.exceptions.get(word, ()))
        lines.append(f"{word}\t{base}\t{inflected}")
    write(os.path.join(folder, "wordnet-classes.tsv"), lines)


def write(path, lines):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def load_tables():
    lexicon = Lexicon([])
    for line in open(os.path.join(DATA, "lexicon.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        form, tags, lemmas, signature = line.rstrip("\n").split("\t")
        for item in tags.split(" "):
            tag, count = item.split("=")
            lexicon.tags[form][tag] = int(count)
        lexicon.signatures[form] = signature
    counts = {}
    for line in open(os.path.join(DATA, "unknown-words.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        key, tags = line.rstrip("\n").split("\t")
        counts[key] = collections.Counter({item.split("=")[0]: int(item.split("=")[1]) for item in tags.split(" ")})
    rules = []
    for line in open(os.path.join(DATA, "context-rules.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        _, source, target, name, value = line.rstrip("\n").split("\t")
        rules.append((source, target, name, value))
    return lexicon, Guesser(counts), rules


def mark_possessive_apostrophes(forms, spaced, tags):
    """The hand-written rule PartOfSpeechTagger.markPossessiveApostrophes applies after the learned ones: an
    apostrophe against a word ending in "s", then a space and a word, is the possessive unless a single
    quotation is open; any other apostrophe opens or closes one."""
    quoting = False
    for k, form in enumerate(forms):
        if form == "\u2018":
            quoting = True
        elif form in ("'", "\u2019"):
            if (not quoting and 0 < k < len(forms) - 1 and not spaced[k - 1] and spaced[k]
                    and forms[k - 1][-1] in "sS" and forms[k - 1][0].isalnum() and forms[k + 1][0].isalnum()):
                tags[k] = "PART"
                continue
            quoting = not quoting


def evaluate(path):
    lexicon, guesser, rules = load_tables()
    parts = {"": None}
    if "gum" in os.path.basename(path):
        parts = {"A": lambda doc: gum_part(doc) == "A", "B": lambda doc: gum_part(doc) == "B"}
    for part, doc_filter in parts.items():
        total = correct = unknown = unknown_correct = 0
        for sentence in read_conllu(path, doc_filter):
            forms = [form for form, _, _ in sentence]
            tags, allowed = initial_tags(forms, lexicon, guesser, limit_unknown=True)
            w = Words(forms)
            for rule in rules:
                apply_rule(rule, tags, w, allowed)
            mark_possessive_apostrophes(forms, sentence.spaced, tags)
            for (form, gold, _), tag in zip(sentence, tags):
                total += 1
                correct += tag == gold
                if lexicon.entry(form) is None:
                    unknown += 1
                    unknown_correct += tag == gold
        print(f"{os.path.basename(path)} {part} words {total} upos_acc {correct / total:.4f} "
              f"unknown {unknown} acc {unknown_correct / max(unknown, 1):.4f}")


def embed(check):
    spec = importlib.util.spec_from_file_location("gen_data", os.path.join(ROOT, "scripts", "gen-data.py"))
    gen_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen_data)
    content = gen_data.embedded_source(
        script="scripts/gen-language.py --embed", folder="Sources/NewsLanguage", enum="EmbeddedLanguageData",
        what="The language layer's tables", data=DATA, files=EMBEDDED)
    if check:
        current = open(GENERATED, encoding="utf-8").read() if os.path.exists(GENERATED) else ""
        if current != content:
            print(f"{GENERATED} is stale: run python3 scripts/gen-language.py --embed", file=sys.stderr)
            return 1
        return 0
    os.makedirs(os.path.dirname(GENERATED), exist_ok=True)
    with open(GENERATED, "w", encoding="utf-8") as handle:
        handle.write(content)
    return 0


def main(argv):
    if "--eval" in argv:
        for path in argv[argv.index("--eval") + 1:]:
            evaluate(path)
        return 0
    if "--embed" in argv:
        return embed("--check" in argv)
    if "--check" in argv and not os.path.exists(os.path.join(UD, "en_ewt-ud-dev.conllu")):
        # Outside the project's workspace (no ../shared), only the embedded copy can be checked.
        print("gen-language.py: ../shared/data/ud is absent; checking the embedded copy only", file=sys.stderr)
        return embed(True)
    if not os.path.exists(os.path.join(WORDNET, "index.noun")):
        print("gen-language.py: Debian's wordnet-base is needed to learn the tables (apt-get install wordnet-base)",
              file=sys.stderr)
        return 1
    sentences = training_sentences()
    counts = unknown_counts(sentences)
    corpus = jackknifed_corpus(sentences, Guesser(counts))
    start = sum(1 for w, gold, t, _ in corpus for i in range(len(t)) if t[i] != gold[i])
    if VERBOSE:
        print(f"training words {sum(len(s) for s in sentences)}, errors before rules {start}", file=sys.stderr)
    rules = learn_rules(corpus)
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as folder:
            write_tables(sentences, counts, rules, folder)
            stale = [name for _, name in EMBEDDED if name != "word-lists.tsv"
                     and open(os.path.join(folder, name), encoding="utf-8").read()
                     != open(os.path.join(DATA, name), encoding="utf-8").read()]
        if stale:
            print(f"gen-language.py: {', '.join(stale)} differ from what the script learns: "
                  "run python3 scripts/gen-language.py", file=sys.stderr)
            return 1
        return embed(True)
    write_tables(sentences, counts, rules)
    return embed(False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
