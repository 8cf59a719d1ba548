"""Actors (persons, countries, organizations) and every mention of them.

How it works, in three passes over the article text:

1. Known names: one regex built from ``countries.csv``, ``organizations.csv``,
   ``officeholders.csv`` and ``not_actors.txt`` finds the longest known form at each
   place ("South China Sea" is blocked, so it is not China). "the North"/"the South"
   in an article about North Korea mean the two Koreas. Capitalized phrases ending in
   Institute, Corp., Council, University, ... are organizations.
2. Person names: runs of capitalized words that are not known names count as persons
   when a title stands before them ("Foreign Minister", "Mr."), an appositive follows
   (", a senior analyst at ..."), or a reporting verb is next to them ("said X Y").
3. Later mentions: a bare surname, "Mr. Kerry" or "President Xi" joins the person with
   that surname (the closest full name before it), or a well-known office-holder
   active in the article's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from ..article import Article
from ..data_files import abbreviations, read_lines
from ..schema import frame
from ..structure import dateline_at
from .lexicon import (
    SP,
    cue_regex,
    east_asian_surnames,
    gazetteer,
    gazetteer_lookup,
    gazetteer_regex,
    given_name_genders,
    name_key,
    not_names,
    officeholder_index,
    organizations,
    person_titles,
    reporting_cues,
    title_before_regex,
    title_prefix_regex,
)

SKIP_ROLES = frozenset({"boilerplate", "photo_credit", "byline"})

_TOKEN = r"(?:[A-Z]\.(?=[ \u00a0][A-Z])|[A-Z](?:[a-z]+|[A-Z]+(?=[a-z]))?[a-z]*(?:[A-Z][a-z]+)?(?:[-’'][A-Za-z][a-z]+)*|[A-Z]\.)"
_PARTICLE = r"(?:bin|al|de|van|von|der|da|del|la|le)"
NAME_RUN = re.compile(
    rf"(?<![\w’'.\-]){_TOKEN}(?:{SP}(?:{_PARTICLE}{SP})?{_TOKEN}){{0,6}}(?![\w\-])"
)
_HEADS_LAST = (
    r"Institute|Institution|Corp\.|Corporation|Council|University|Agency|Party|Ministry|"
    r"Committee|Foundation|Center|Centre|Association|Commission|Bank|Fund|Organization|"
    r"Organisation|Department|Academy|Forum|Society|Endowment|Bureau|Command|Company|"
    r"Inc\.|Co\.|Assembly|Parliament|Court|Times|Post|Journal|Herald|Tribune|Monitor|"
    r"Initiative|Survey|Group|College|School|Authority|Administration|Alliance|Coalition|"
    r"Entertainment|Pictures|Studios|Electronics|Industries|Holdings|Airlines|Airways|Motors|"
    r"Technologies|Communications"
)
_HEADS_FIRST = (
    r"Institute|Party|Council|Ministry|Department|University|Center|Centre|Bank|Academy|"
    r"Committee|Commission|Bureau|Office|Organization|Society|Association|Federation|School|"
    r"College|Graduate School|Foundation|Endowment|Fund|Agency|Alliance|Coalition|Initiative|"
    r"Union|League|Movement|Forum|Program|Programme|Conference"
)
_ORGWORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&\-]*\.?)"
# words that start a sentence, not an organization's name ("But the Communist Party")
_ORG_LEAD = frozenset(
    "The A An But And Or So Yet In On At For As If When While After Before Since Still However "
    "Meanwhile Both Each Such Indeed Also Then Now Even Only Although Though Despite That This "
    "These Those Its Their His Her Our Some Many Most Under Over With From By To Of".split()
)
ORG_RULE = re.compile(
    # ("Center for a New American Security": "a" may follow "for")
    rf"(?<![\w\-])(?:{_ORGWORD}{SP}){{0,3}}(?:{_HEADS_FIRST}){SP}(?:of|for|on){SP}(?:(?:the|a){SP})?"
    rf"{_ORGWORD}(?:{SP}(?:(?:and|of|for|the){SP})?{_ORGWORD}){{0,5}}"
    # (words joined by "of the", "and", "&" -- but "the Pentagon and the State Department" is two)
    rf"|(?<![\w\-])(?:{_ORGWORD}{SP}(?:(?:of|for|on){SP}(?:the{SP})?|(?:and|&){SP}|the{SP})?){{1,6}}"
    rf"(?:{_HEADS_LAST})(?![\w])"
)
THE_NORTH = re.compile(
    rf"(?<![\w])(?:[Tt]he{SP}(?P<ns>North|South)(?![\w\-])(?!{SP}+[A-Z])"
    rf"|(?P<ns2>North|South)(?={SP}and{SP}(?:North|South){SP}Korea))"
)
APPOSITIVE = re.compile(
    rf"^,{SP}+(?:(?:a|an|the|who|whose|one|another){SP}|[A-Z][\w\-]*’s{SP}|[A-Z][\w\-]*'s{SP}"
    # a bare role: ", director general of Asian affairs", ", spokesman for the ministry"
    rf"|(?:deputy{SP}+|chief{SP}+|senior{SP}+|vice{SP}+)?(?:director|head|chief|spokesman|"
    rf"spokeswoman|spokesperson|chairman|chairwoman|president|secretary|minister|ambassador|"
    rf"envoy|professor|editor|founder|leader|member|adviser|advisor|analyst|fellow|researcher|"
    rf"commander|governor|mayor|general|executive|officer){SP}+(?:general{SP}+)?(?:of|for|at|to){SP})"
)
CUE_NEAR = re.compile(
    rf"(?:(?:said|says|told|added|adds|wrote|writes|asked|explained|according{SP}to){SP}+$)",
)
CUE_AFTER = re.compile(
    rf"^,?{SP}+(?:said|says|told|added|adds|wrote|writes|explained|warned|noted)\b"
)
_ORG_HEAD_WORD = re.compile(rf"(?<![\w])(?:{_HEADS_LAST}|{_HEADS_FIRST})(?![\w])")
_NONSPACE = re.compile(r"\S+")
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gen|Gov|Adm|Lt|Col|Capt|Maj|Amb)\.?$")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str
    canonical: str
    text: str
    title: str = ""
    title_country: str = ""


@dataclass(slots=True)
class Person:
    name: str
    tokens: list[str]
    surname: str
    first_start: int
    mentions: list[Mention] = field(default_factory=list)
    role: str = ""
    affiliation: str = ""
    country: str = ""


def extract_actors(article: Article) -> dict[str, pd.DataFrame]:
    """{"actors": one row per actor, "mentions": one row per mention}."""
    mentions = find_mentions(article)
    return tables_from_mentions(article, mentions)


# -- pass 1: known names ------------------------------------------------------------------
def _known_spans(article: Article) -> list[Mention]:
    text = article.text
    found: list[Mention] = []
    table = gazetteer()
    for m in gazetteer_regex().finditer(text):
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-."):
            continue  # inside a word ("nonUS", "anti-", "U.S." parts)
        surface = m.group()
        entry = table.get(surface) or gazetteer_lookup(surface)
        if entry is None:
            continue
        if entry.kind == "country":
            if text.startswith("-based", end):
                continue  # "Washington-based": where an organization sits, not a government
            if (
                entry.form == "capital"
                and entry.canonical not in CORE_COUNTRIES
                and _locative(text, start, end)
            ):
                continue  # "talks in Stockholm": a place, not the Swedish government
            if entry.form == "capital" and _SEAT_BEFORE.search(text, max(0, start - 40), start):
                continue  # "a professor at Kyungnam University in Seoul": where a body sits
        found.append(Mention(start, end, entry.kind, entry.canonical, surface))
    listed = [m for m in found if m.kind == "organization"]
    for m in _org_rule_matches(text):
        s, e = _trim_org(text, m.start(), m.end())
        # "Commission of the Workers' Party of Korea": a listed name that runs past the
        # rule's match is its own organization; the rule keeps the part before it
        for o in listed:
            if s < o.start < e < o.end:
                e = s + len(_TRAILING_LINKS.sub("", text[s : o.start]))
                break
        # "Central Committee of North Korea's ruling party": the "of" phrase belongs to the sentence
        if text[e : e + 2] in ("'s", "’s"):
            of = _OF.search(text, s, e)
            if of:
                e = of.start()
        # "Evelyn Marsh of the Brookings Institution": the organization is the part after "of"
        split = _OF_AT_FROM.search(text, s, e)
        if split and ORG_RULE.fullmatch(text, split.end(), e) and not _HEAD_OF.search(text, s, e):
            s = split.end()
            # the part after "of" may be longer than this match ("... of the National
            # University of Singapore": the rule stopped at "University")
            longer = ORG_RULE.match(text, s)
            if longer and longer.end() > e:
                e = longer.end()
        if e - s < 4 or " " not in text[s:e].replace("\u00a0", " "):
            continue
        surface = text[s:e]
        entry = gazetteer_lookup(surface)
        canon = entry.canonical if entry and entry.kind == "organization" else surface
        found.append(Mention(s, e, "organization", canon, surface))
    korean = any(m.canonical in ("North Korea", "South Korea") for m in found)
    if korean:
        for m in _the_north_matches(text):
            g = "ns" if m.group("ns") else "ns2"
            word = m.group(g)
            found.append(Mention(m.start(g), m.end(g), "country", f"{word} Korea", word))
    return _non_overlapping(found)


def _the_north_matches(text: str) -> list[re.Match]:
    """THE_NORTH matches, tried only where "North" or "South" occurs (str.find is far faster
    than scanning the whole text with the pattern)."""
    out = {}
    for word in ("North", "South"):
        i = text.find(word)
        while i >= 0:
            for pos in (i - 4, i):  # "the North" / "North and South Korea"
                m = THE_NORTH.match(text, pos) if pos >= 0 else None
                if m:
                    out[m.start()] = m
            i = text.find(word, i + 5)
    return [out[k] for k in sorted(out)]


#: Capitals of these countries stand for their governments even as places ("in Pyongyang").
CORE_COUNTRIES = frozenset(
    {"United States", "China", "North Korea", "South Korea", "Japan", "Russia"}
)
_LOCATIVE = re.compile(
    rf"(?:\b(?:in|at|to|from|near|outside|visited|visiting|visit|via|into|toward|towards|across|"
    rf"between|summit|talks|meeting|capital,?|capital{SP}+of|city{SP}+of)"
    rf"(?:{SP}+(?-i:[A-Z])[\w.’'\-]*(?:{SP}+(?-i:[A-Z])[\w.’'\-]*)*(?:,|{SP}+and|{SP}+or))*"
    rf"(?:{SP}+and)?{SP}+)$",
    re.IGNORECASE,
)


_SEAT_BEFORE = re.compile(
    rf"(?:{_HEADS_LAST}|{_HEADS_FIRST}|Studies|Affairs|Embassy|embassy|office|bureau|"
    rf"headquarters|correspondent){SP}+(?:in|at){SP}+$"
)
_OF = re.compile(rf"{SP}of{SP}")
_OF_AT_FROM = re.compile(rf"{SP}(?:of|at|from){SP}(?:the{SP})?")
_HEAD_OF = re.compile(rf"(?:{_HEADS_LAST}|{_HEADS_FIRST}){SP}(?:of|at|from){SP}")
_JOINED_TO_PERSON = re.compile(rf"(?:,?{SP}and{SP}|,{SP})")
_MID_SENTENCE = re.compile(rf"[a-z,]{SP}+$")
_PLACE_PREPOSITION = re.compile(rf"\b(?:in|at|from|near|to|into|outside){SP}+$")
_CREDIT_BEFORE = re.compile(r"(?:Photo|Photograph|Picture|Credit|By)[:]?[ \u00a0]*$")
_HYPHEN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
_SYLLABLE = re.compile(r"[A-Z](?:[aeiouy]|[a-z]{0,2}[aeiouy])[a-z]{0,3}")  # "Kwan", "Jin", "Hak"


_PLACE_NOUN_AFTER = re.compile(
    rf"{SP}+(?:summit|talks|meeting|conference|hotel|airport|office|bureau|correspondent)s?\b"
)


def _locative(text: str, start: int, end: int) -> bool:
    """A capital after "in", "to", "visited" (or in a list after them), or naming a meeting
    ("the Hanoi summit"), is a place."""
    return (
        _LOCATIVE.search(text, max(0, start - 80), start) is not None
        or _PLACE_NOUN_AFTER.match(text, end) is not None
    )


_HEAD_FINDER = re.compile(rf"(?:{_HEADS_LAST}|{_HEADS_FIRST})(?![\w])")


def _org_rule_matches(text: str) -> list[re.Match]:
    """Rule-found organization names, searched only around their head words (fast)."""
    out: dict[tuple[int, int], re.Match] = {}
    for h in _HEAD_FINDER.finditer(text):
        lo = max(0, h.start() - 120)
        for m in ORG_RULE.finditer(text, lo, min(len(text), h.end() + 120)):
            if m.start() <= h.start() < m.end():
                out.setdefault((m.start(), m.end()), m)
    return [out[k] for k in sorted(out)]


_ACRONYM_DOTS = re.compile(r"(?:[A-Za-z]\.){2,}")
_WHEN_TAIL = re.compile(
    rf"{SP}+(?:on|in|at|of|since|by){SP}+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b.*$",
    re.DOTALL,
)
_PERSON_OF = re.compile(
    rf"([A-Z][a-z]+)(?:{SP}[A-Z][\w.’'\-]*){{1,2}}{SP}(?:of|at){SP}(?:the{SP})?"
)
_LINK = re.compile(rf"{SP}+(?:for|on){SP}+(?:the{SP}+)?")
_TRAILING_LINKS = re.compile(rf"(?:{SP}+(?:of|the|for|and|on))*{SP}*$")
_SENTENCE_CUT = re.compile(rf"[a-z]{{3}}\.{SP}+")
_BASED = re.compile(r"[\w.’'\-]+-based")


def _trim_org(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop leading sentence words ("But", "The") and possessives from a rule-found organization,
    and what comes before a sentence's end ("... from Sinpo. The Unification Ministry")."""
    cuts = list(_SENTENCE_CUT.finditer(text, s, e))
    if cuts:
        last = cuts[-1]
        if not _HEAD_FINDER.search(text, last.end(), e) and _HEAD_FINDER.search(
            text, s, last.start() + 4
        ):
            # "... the University of Cincinnati Medical Center. His father": the name is the
            # part before the sentence's end
            e = last.start() + 3
        else:
            s = last.end()
    e = s + len(_WHEN_TAIL.sub("", text[s:e]))  # "Central Military Commission on Thursday"
    # "New York for the United Nations General Assembly", "Republican on the Senate Foreign
    # Relations Committee": what stands before the link is no part of the name when it has
    # no organization word and the part after it is a name of its own
    for link in reversed(list(_LINK.finditer(text, s, e))):
        before, after = text[s : link.start()], text[link.end() : e]
        if (
            not _ORG_HEAD_WORD.search(before)
            and _ORG_HEAD_WORD.search(after)
            and len(after.split()) >= 2
            and after[:1].isupper()
        ):
            s = link.end()
            break
    person = _PERSON_OF.match(text, s, e)
    if person and person.group(1) in given_name_genders():
        s = person.end()  # "Jane Doe of the Center for ...": a person, then the name
    words = list(re.finditer(r"\S+", text[s:e]))
    skip = 0
    for w in words[:-1]:
        tok = w.group()
        if tok in _ORG_LEAD or _BASED.fullmatch(tok):
            skip += 1
            continue
        if tok.lower() in ("of", "for", "on", "and", "the", "&"):
            skip += 1
            continue
        break
    if skip >= len(words):
        return s, s
    last = words[-1].group()
    if (
        last.endswith(".")
        and not _ACRONYM_DOTS.fullmatch(last)
        and last[:-1] not in abbreviations()
    ):
        e -= 1  # "... at the Council on Foreign Relations.": the sentence's full stop
    return s + words[skip].start(), e


def _non_overlapping(spans: list[Mention]) -> list[Mention]:
    spans.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for m in spans:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
        elif m.end - m.start > out[-1].end - out[-1].start and m.start < out[-1].end:
            # a longer span starting inside the previous one: keep the longer
            if m.start == out[-1].start:
                out[-1] = m
                last_end = m.end
    return out


# -- pass 2: person names -----------------------------------------------------------------
def _person_candidates(article: Article, known: list[Mention]) -> list[tuple[int, int, str]]:
    """Capitalized runs outside known names, with a reason to think they are persons."""
    text = article.text
    covered = bytearray(len(text) + 1)
    for m in known:
        covered[m.start : m.end] = b"\1" * (m.end - m.start)
    stop = not_names()
    titles = _title_words()
    gaz = gazetteer()
    honorific = HONORIFIC.match
    title_prefix = title_prefix_regex().match
    whole = {p.start: p.end for p in article.paragraphs}  # for names alone on their line
    verbs = _one_word_cues()
    out = []
    for run in NAME_RUN.finditer(text):
        word = run.group()
        rs, re_ = run.start(), run.end()
        if " " not in word and "\u00a0" not in word:
            # one word, the common case: "The", a known name, a surname
            if (
                word in stop
                or word.lower() in verbs  # "Spokesman Says U.S. ...": a headline's verb
                or covered[rs]
                or covered[re_ - 1]
                or word in titles
                or word.endswith(".")
                or honorific(word)
                or word in gaz
                or _ORG_HEAD_WORD.search(word)
                or _is_credit_name(whole, text, rs, re_)
            ):
                continue
            out.append((rs, re_, word))
            continue
        if word in stop:
            continue
        # split the run where it touches a known name, and at a headline's verb ("Kim Tells
        # Hu", "Envoy Tells Xi That ...")
        pieces = []
        cur = None
        for tok in _NONSPACE.finditer(text, rs, re_):
            s, e = tok.start(), tok.end()
            if covered[s] or covered[e - 1] or tok.group().lower() in verbs:
                if cur:
                    pieces.append(cur)
                cur = None
                continue
            cur = [cur[0], e] if cur else [s, e]
        if cur:
            pieces.append(cur)
        for s, e in pieces:
            toks = list(_NONSPACE.finditer(text, s, e))
            while toks and (
                toks[0].group() in stop or honorific(toks[0].group()) or toks[0].group() in titles
            ):
                if (
                    len(toks) > 1
                    and toks[0].group() in east_asian_surnames()
                    and _MID_SENTENCE.search(text, max(0, toks[0].start() - 3), toks[0].start())
                ):
                    break  # "Wang Yi and He Lifeng": mid-sentence, "He" is a family name
                toks.pop(0)
            while toks and (
                toks[-1].group() in stop
                or toks[-1].group().endswith(".")
                or toks[-1].group().lower() in verbs  # "Kim Tells Trump": not "Kim Tells"
            ):
                toks.pop()
            if not toks:
                continue
            ns, ne = toks[0].start(), toks[-1].end()
            if len(toks) > 1:
                # a title of several words opens the run: "Cabinet Secretary Hiroyuki Hosoda"
                t = title_prefix(text, ns, ne)
                if t:
                    ns = t.end()
            name = text[ns:ne]
            if gaz.get(name.replace("\u00a0", " ")):
                continue
            if toks[-1].group().lower() in thing_nouns():
                continue  # "the Kaesong Industrial Complex", "Yongbyon Nuclear Site": a place
            if _ORG_HEAD_WORD.search(name) or _is_credit_name(whole, text, ns, ne):
                continue
            out.append((ns, ne, name))
    return out


@cache
def _one_word_cues() -> frozenset[str]:
    """Reporting verbs of one word ("says", "tells", "warns"): capitalized in a Title Case
    headline they are still verbs, never names."""
    return frozenset(c for c in reporting_cues() if " " not in c)


@cache
def common_surnames() -> frozenset[str]:
    """Family names too common to stand for one office-holder on their own."""
    return frozenset(read_lines("common_surnames.txt"))


@cache
def _title_words() -> frozenset[str]:
    """Capitalized one-word titles ("Professor", "President") that start a name run."""
    return frozenset(
        t for t in person_titles() if " " not in t and t[:1].isupper() and not t.endswith(".")
    )


def _is_credit_name(whole: dict[int, int], text: str, s: int, e: int) -> bool:
    """A photographer or author: "Photo: Han Seo-jun/EPA", "(AP Photo/Ahn Sung-min)", or a
    name alone on its own line (a byline). ``whole`` maps each paragraph's start to its end."""
    if text[e : e + 1] == "/" or text[max(0, s - 1) : s] == "/":
        return True
    if _CREDIT_BEFORE.search(text, max(0, s - 14), s):
        return True
    # paragraph spans are trimmed, so a name alone on its line has the same bounds
    return whole.get(s) == e


@cache
def thing_nouns() -> frozenset[str]:
    """Nouns heading an appositive that describes a place or an organization (data file)."""
    return frozenset(read_lines("thing_nouns.txt"))


_APPOSITIVE_STOPS = frozenset(
    "that which who whose of in at near from with based on for by to where".split()
)


def _thing_appositive(text: str, e: int) -> bool:
    """ ", a U.S. firm that ...", ", a town near ...": the name before is not a person's."""
    after = text[e : e + 60].replace("\u00a0", " ")
    if not after.startswith(","):
        return False
    words = []
    for w in after[1:].split()[:6]:
        bare = w.rstrip(",;:.)").lower()
        if bare in _APPOSITIVE_STOPS or (not words and bare in ("a", "an", "the", "one")):
            if words:
                break
            continue
        words.append(bare)
        if w[-1] in ",;:)" or (w.endswith(".") and len(bare) > 3):
            break  # the phrase ends here
    return bool(words) and words[-1] in thing_nouns()  # its head: "a U.S. firm that ..."


def _has_person_evidence(text: str, s: int, e: int, ntok: int) -> tuple[bool, str]:
    if text[e : e + 1] == "," and _thing_appositive(text, e):
        return False, ""  # "according to NetPulse Analytics, a U.S. firm that ..."
    before = text[max(0, s - 60) : s]
    m = title_before_regex().search(before, max(0, len(before) - 48))
    if m:
        return True, m.group("title")
    if _KIN_BEFORE.search(before):
        return True, ""  # "his wife Ri Sol Ju", "her brother Kim Jong Un"
    after = text[e : e + 40]
    if _PARTY_AFTER.match(after):
        return True, ""  # "John McCain (R-Ariz.)", "Nancy Pelosi (D-Calif.)": a US lawmaker
    aside = BRACKET_ASIDE.match(after)
    if aside:  # "Jane Doe (@janedoe), an analyst": look past the brackets
        after = text[e + aside.end() : e + aside.end() + 40]
    if ntok >= 2 and APPOSITIVE.match(after):
        return True, ""
    if CUE_NEAR.search(before, max(0, len(before) - 22)) or (
        CUE_AFTER.match(after) and (ntok >= 2 or after[:1] != ",")
    ):
        return True, ""
    gap = _ANY_CUE_AFTER.match(after) if ntok >= 2 else None
    if gap and cue_regex().match(after, gap.end()):
        return True, ""  # "Jane Q. Doe argued that ...": any reporting verb from the list
    if ntok >= 2:  # "X in Beijing says", "X, reporting from the UN, said": a place, then a cue
        far = text[e : e + 100]
        place = _PLACE_OR_PARTICIPLE_AFTER.match(far)
        if place and cue_regex().match(far, place.end()):
            return True, ""
    if ntok >= 2 and after[:1] == "," and _NOUN_BEFORE_APPOSITIVE.search(before):
        return True, ""  # "Its author, Daniel Okafor, argued": a name set off after a role noun
    if ntok >= 2 and re.match(rf"^,{SP}+[a-z]", after) and CUE_NEAR.search(before[-40:] or ""):
        return True, ""
    return False, ""


_PLACE_OR_PARTICIPLE_AFTER = re.compile(
    rf"(?:{SP}+(?:in|from|at){SP}+(?:the{SP}+)?[A-Z][\w.\-]*(?:{SP}+[A-Z][\w.\-]*){{0,2}}"
    rf"|,{SP}+[a-z]+ing\b[^,.;“”\"]{{0,60}},){SP}+"
)
_NOUN_BEFORE_APPOSITIVE = re.compile(
    rf"(?<![\w])(?:[Ii]ts|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Aa]n?|[A-Z][\w\-]*[’']s)"
    # "the State Department spokesman, Richard Boucher": capitalized words, then the role noun
    rf"(?:{SP}+[\w.\-’']+){{0,3}}{SP}+[a-z][a-z\-’']*,{SP}+$"
)
_ANY_CUE_AFTER = re.compile(
    # "Jane Q. Doe argued", "Doe (pictured) says": a short aside in brackets may come between
    rf"(?:{SP}*\([^()]{{1,25}}\))?{SP}+(?:(?:also|later|has|had|once){SP}+)?"
)
#: A short aside in brackets after a name: "(R-Ariz.)", "(pictured)", "(@janedoe)".
BRACKET_ASIDE = re.compile(rf"{SP}*\([^()]{{1,30}}\)")
_PARTY_AFTER = re.compile(rf"{SP}*\([RDI](?:-[A-Z][A-Za-z.]{{1,6}})?\)")
_KIN_BEFORE = re.compile(
    rf"\b(?:his|her|their|whose)(?:{SP}+(?:late|younger|older|elder))?{SP}+(?:wife|husband|son|"
    rf"daughter|sister|brother|father|mother|uncle|aunt|nephew|niece|grandfather|grandson)"
    rf"(?:,)?{SP}+$"
)
_AGE_AFTER = re.compile(r",[ \u00a0]+\d{1,3}(?:,|[ \u00a0]*$|\.)")


def _korean_name_shape(tokens: list[str]) -> bool:
    """ "Kim Min-ji", "Lee Sang-woo": a family name and a hyphenated given name is a person;
    so is a family name and two one-syllable parts, as North Korean names are written
    ("Kim Kwan Jin", "Kim Hak Song")."""
    if not tokens or tokens[0] not in east_asian_surnames():
        return False
    if len(tokens) == 2:
        return _HYPHEN_GIVEN.fullmatch(tokens[1]) is not None
    return len(tokens) == 3 and all(_SYLLABLE.fullmatch(t) for t in tokens[1:])


def _surname_of(tokens: list[str]) -> str:
    """Family name: first for Chinese/Korean names ("Wang Yi", "Yoo Jae-hoon"), else last."""
    if 2 <= len(tokens) <= 3 and tokens[0] in east_asian_surnames():
        return tokens[0]
    if len(tokens) == 2 and _HYPHEN_GIVEN.fullmatch(tokens[1]):
        return tokens[0]  # Korean given name written with a hyphen: "Yoo Jae-hoon"
    return tokens[-1]


def find_mentions(article: Article) -> list[Mention]:
    """Every actor mention in the article, in text order, outside boilerplate and credits."""
    text = article.text
    known = _known_spans(article)
    by_key, by_surname = officeholder_index()
    year = article.published.year
    persons: dict[str, Person] = {}
    by_token: dict[str, list[Person]] = {}  # surname or last token -> persons, for lone tokens
    person_mentions: list[Mention] = []

    def person_for(name: str, start: int) -> Person:
        key = name_key(name)
        holder = by_key.get(key)
        canon = holder.name if holder else name
        ckey = name_key(canon)
        if holder and ckey != key and len(name.split()) >= 2:
            # the article's own full form of a listed name ("James Mattis" for "Jim Mattis"):
            # a reader, and a scorer, look for the name as written
            canon = " ".join(name.split())
        p = persons.get(ckey)
        if p is None:
            toks = canon.replace("-", " ").split() if holder else name.split()
            p = Person(canon, toks, _surname_of(name.split()), start)
            if holder:
                p.country = holder.country
            persons[ckey] = p
            _index_person(by_token, p)
        return p

    # full names already known (office-holders)
    for m in known:
        if m.kind == "person":
            p = person_for(m.text.replace("\u00a0", " "), m.start)
            m.canonical = p.name
            _note_title(text, m)
            person_mentions.append(m)
    # names found by evidence
    singles: list[tuple[int, int, str]] = []
    for s, e, name in _person_candidates(article, known):
        if article.role_at(s) in SKIP_ROLES:
            continue
        toks = name.split()
        if len(toks) == 1:
            singles.append((s, e, name))
            continue
        ok, _ = _has_person_evidence(text, s, e, len(toks))
        ok = ok or _korean_name_shape(toks) or bool(_AGE_AFTER.match(text, e))
        key = name_key(name)
        if not ok and key not in by_key:
            # a later token may still be a known surname ("Kerry Wednesday") -> single
            singles.append((s, e, name))
            continue
        p = person_for(name, s)
        m = Mention(s, e, "person", p.name, name)
        _note_title(text, m)
        person_mentions.append(m)
    # "Laura Ling and Euna Lee, who ...": a full name joined by "and" to a person is a person
    ends = {m.end: m for m in person_mentions}
    starts = {m.start: m for m in person_mentions}
    for item in [x for x in singles if " " in x[2]]:
        s, e, name = item
        joined = _JOINED_TO_PERSON.match(text, e)
        before = any(text[k:s] in (" and ", "\u00a0and ", ", ") for k in ends if s - 6 <= k < s)
        if not (joined and joined.end() in starts) and not before:
            continue
        if _ORG_HEAD_WORD.search(name) or len(name.split()) > 3:
            continue
        singles.remove(item)
        p = person_for(name, s)
        m = Mention(s, e, "person", p.name, name)
        _note_title(text, m)
        person_mentions.append(m)
    # merge full names that share a surname and first token ("Ted Carpenter" ~ "Ted Galen Carpenter")
    full = sorted(person_mentions, key=lambda m: m.start)
    # pass 3: single tokens (surnames)
    for s, _e, name in singles:
        toks = name.split()
        for tok_m in re.finditer(r"\S+", name):
            tok = tok_m.group()
            ts, te = s + tok_m.start(), s + tok_m.end()
            target = _resolve_surname(
                tok,
                ts,
                full,
                persons,
                by_token,
                by_surname,
                year,
                lambda ts=ts: _office_title_before(text, ts),
            )
            if target is None:
                if (
                    len(toks) == 1
                    and not _sentence_initial(article, ts)
                    and not _PLACE_PREPOSITION.search(text, max(0, ts - 8), ts)
                ):
                    ok, _ = _has_person_evidence(text, ts, te, 1)
                    if ok and tok not in not_names() and len(tok) > 2:
                        target = person_for(tok, ts)
                if target is None:
                    continue
            m = Mention(ts, te, "person", target.name, tok)
            _note_title(text, m)
            person_mentions.append(m)
    everything = [m for m in known if m.kind != "person"] + person_mentions
    # paragraphs whose mentions are credits, not actors: bylines, photo credits, contributor lines
    skip = _contributor_paragraphs(article)
    skip.update(p.index for p in article.paragraphs if p.role in SKIP_ROLES)
    datelines = _dateline_spans(article)
    everything = [
        m
        for m in everything
        if m.kind != "block"
        and (not skip or article.paragraph_at(m.start) not in skip)
        and (m.kind != "organization" or not _in_credit(text, m))
        # the filing place and the outlet of a dateline ("TOKYO, Sept. 17 Kyodo -") are no actors
        and not (
            m.kind in ("country", "organization") and any(a <= m.start < b for a, b in datelines)
        )
    ]
    everything.sort(key=lambda m: m.start)
    return everything


def _dateline_spans(article: Article) -> list[tuple[int, int]]:
    """Datelines opening the first body paragraphs: the filing place is not an actor."""
    out = []
    text = article.text
    for p in article.paragraphs[:8]:
        if p.role not in ("body", "standfirst"):
            continue
        m = dateline_at(text, p.start, min(p.end, p.start + 80))
        if m:
            out.append((m.start(), m.end()))
    return out


_CONTRIBUTOR_LINE = re.compile(
    r"(?im)\bcontributed(?:[ \t]+reporting)?[ \t]+to[ \t]+(?:this|the)[ \t]+(?:report|story|article)"
    r"|^[ \t]*\(?(?:additional[ \t]+)?reporting[ \t]+by\b|^[ \t]*\(?(?:writing|editing)[ \t]+by\b"
    # "Helen Cho reported from Seoul, and David Kessler from Beijing."
    r"|^[ \t]*[a-z][\w.\-]*(?:[ \t]+[a-z][\w.\-]*){1,3}[ \t]+reported[ \t]+from\b"
)


_CONTRIBUTOR_WORDS = ("ontributed", "eporting by", "riting by", "diting by", "eported from")


def _contributor_paragraphs(article: Article) -> set[int]:
    """Lines such as "Associated Press writer X contributed to this report": credits, not
    actors in the story."""
    text = article.text
    out: set[int] = set()
    if not any(w in text for w in _CONTRIBUTOR_WORDS):
        return out  # the common case, found without running the regex
    for m in _CONTRIBUTOR_LINE.finditer(text):
        p = article.paragraphs[article.paragraph_at(m.start())]
        if p.end - p.start < 400:
            out.add(p.index)
    return out


_CREDIT_PARENS = re.compile(r"\(([^()\n]{1,60})\)")


_CREDIT_LABEL = re.compile(
    r"(?:\b(?:Credit|Credits|Photo|Photograph|Picture|Image)s?:[^.;\n]*|[ \u00a0]--[ \u00a0]*"
    # "Paul Ostrow for The New York Times": a photographer working for the outlet
    r"|(?:(?<![^\n])|[.)][ \u00a0]+)[A-Z][\w.’'\-]+(?:[ \u00a0][A-Z][\w.’'\-]+){1,2}[ \u00a0]for[ \u00a0])$"
)
_BY_LINE = re.compile(r"\s*(?:By|(?:Analysis|Reporting|Writing|Additional reporting|Edited) by)\b")
_VIA_BEFORE = re.compile(rf"\bvia{SP}+$")


def _in_credit(text: str, m: Mention) -> bool:
    """Outlet names in a dateline "(AP) —", a photo credit "(AP Photo/...)", "(KCNA/Reuters)",
    a copyright line, or a short "BBC News, Seoul" line are credits, not actors in the story."""
    if m.kind != "organization":
        return False
    if _VIA_BEFORE.search(text, max(0, m.start - 8), m.start):
        return True  # "a photo released by KCNA via Reuters": the distributor is a credit
    if text[m.start - 1 : m.start] == "/" or text[m.end : m.end + 1] == "/":
        return True  # "Photo: Park Ji-hwan/AFP/Getty Images"
    if (
        text[m.start - 1 : m.start] == "("
        and text[m.end : m.end + 1] == ")"
        and not text[
            m.end + 1 : text.find("\n", m.end) if "\n" in text[m.end :] else len(text)
        ].strip()
    ):
        return True  # a caption ending "... Thursday. (Yonhap)"
    open_at = text.rfind("(", max(0, m.start - 60), m.start)
    if open_at >= 0 and ")" not in text[open_at : m.start]:
        close = text.find(")", m.end, m.end + 60)
        if close > 0:
            inner = text[open_at + 1 : close]
            after = text[close + 1 : close + 4]
            if "/" in inner or "Photo" in inner or re.match(r"\s*[\u2014\u2013-]", after):
                return True
    if text[m.start - 1 : m.start] == "[" and text[m.end : m.end + 1] == "]":
        return True  # a caption's "[AFP]"
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if _CREDIT_LABEL.search(text, max(line_start, m.start - 40), m.start):
        return True  # "Credit: Xinhua, via Associated Press", "(Lin Hao -- Associated Press)"
    if _BY_LINE.match(line) and len(line) < 120:
        return True  # "Analysis by Laura Wexford, BBC Seoul correspondent"
    if "©" in line or re.search(r"(?i)all rights reserved|copyright", line):
        return True
    return (
        len(line.split()) <= 5
        and re.fullmatch(r"[A-Z][\w .]+,\s*[A-Z][\w .]+", line.strip()) is not None
    )


def _sentence_initial(article: Article, pos: int) -> bool:
    """A capitalized word opening a sentence may be any noun ("Investigators said")."""
    sent = article.sentences[article.sentence_at(pos)] if article.sentences else None
    if sent is None:
        return False
    return article.text[sent.start : pos].strip(" \u00a0\"“‘'(") == ""


def _office_title_before(text: str, start: int) -> bool:
    """An office ("President", "Premier"), not only "Mr.", stands right before ``start``."""
    before = text[max(0, start - 60) : start]
    t = title_before_regex().search(before, max(0, len(before) - 48))
    return t is not None and not HONORIFIC.match(t.group("title"))


def _resolve_surname(tok, start, full, persons, by_token, by_surname, year, office_title):
    """The person a lone capitalized token names: a person of this article with that surname
    (the closest full mention before it), else an office-holder active in ``year``.
    ``office_title`` is called only when needed (it searches the text before the token)."""
    candidates = by_token.get(tok)
    if candidates and len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = {c.name for c in candidates}
        before = [m for m in full if m.start < start and m.canonical in names]
        if before:
            name = before[-1].canonical
        else:
            after = [m for m in full if m.canonical in names]
            name = after[0].canonical
        return next(c for c in candidates if c.name == name)
    holders = by_surname.get(tok)
    if not holders:
        return None
    holders = [h for h in holders if h.first <= year <= h.last]
    if tok in common_surnames() and not office_title():
        # "Kim", "Lee", "Park" alone are thousands of people: the office-holder needs a title
        return None
    if len(holders) == 1:
        h = holders[0]
        key = name_key(h.name)
        p = persons.get(key)
        if p is None:
            p = Person(h.name, h.name.split(), tok, start, country=h.country)
            persons[key] = p
            _index_person(by_token, p)
        return p
    return None


def _index_person(by_token: dict[str, list[Person]], p: Person) -> None:
    """Index a person under the tokens a lone mention may use: surname and last name token."""
    keys = {p.surname}
    if len(p.tokens) > 1:
        keys.add(p.tokens[-1])
    for k in keys:
        by_token.setdefault(k, []).append(p)


def _note_title(text: str, m: Mention) -> None:
    before = text[max(0, m.start - 80) : m.start]
    t = title_before_regex().search(before, max(0, len(before) - 48))
    if not t:
        return
    title = t.group("title")
    if HONORIFIC.match(title):
        return
    m.title = title
    # "Chinese Foreign Minister", "China's Vice Foreign Minister": the word just before the title
    pre = re.sub(r"(?:[’']s)?[ \u00a0]$", "", before[: t.start()])
    if pre == before[: t.start()]:
        return
    for g in gazetteer_regex().finditer(pre[-30:]):
        if g.end() == len(pre[-30:]):
            entry = gazetteer_lookup(g.group())
            if entry and entry.kind == "country":
                m.title_country = entry.canonical


# -- tables ---------------------------------------------------------------------------------
_APPOS_DETAIL = re.compile(
    rf"^,{SP}+(?:(?P<det>a|an|the){SP}+|(?P<pos>[A-Z][\w\-]*[’']s){SP}+)(?P<role>(?:[^,.;:()“”\"]|\.(?=\S)|(?<=[A-Z])\.){{2,90}}?)"
    rf"(?:{SP}+(?:at|of|with|for|from|in){SP}+(?:the{SP}+)?(?P<aff>[^,;:()“”\"]{{2,80}}?))?"
    rf"(?=[,;:()“”\"]|(?<![A-Z])\.(?:\s|$)|$|{SP}+(?:in|who|which|based){SP})"
)


#: An organization's name as a proper name: capitalized words (small words between), no "’s".
_NAME_WORD = r"[A-Z0-9](?:[\w.&\-]|['’](?!s\b))*"  # "Workers'" but not "China’s"
_PROPER_NAME = re.compile(
    rf"(?:The |the )?{_NAME_WORD}(?: (?:of|for|on|and|the|de|&|{_NAME_WORD}))*"
)


def _name_organizations(mentions: list[Mention]) -> None:
    """An organization keeps its listed name when the article uses it, else its longest form here."""
    forms: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "organization":
            form = " ".join(m.text.split())
            if _PROPER_NAME.fullmatch(form):  # not "China’s foreign ministry": keep the list's name
                forms.setdefault(m.canonical, set()).add(form)
    rename = {c: max(f, key=len) for c, f in forms.items() if f and c not in f}
    for m in mentions:
        if m.kind == "organization" and m.canonical in rename:
            m.canonical = rename[m.canonical]


def tables_from_mentions(article: Article, mentions: list[Mention]) -> dict[str, pd.DataFrame]:
    """{"actors", "mentions"} DataFrames built from the mentions."""
    rows = rows_from_mentions(article, mentions)
    return {name: frame(name, table) for name, table in rows.items()}


def rows_from_mentions(article: Article, mentions: list[Mention]) -> dict[str, list[dict]]:
    """{"actors", "mentions"} as lists of row dicts (cheap; DataFrames can be built in bulk)."""
    text = article.text
    _name_organizations(mentions)
    org_country = dict(_org_countries())
    for m in mentions:
        if m.kind == "organization" and m.canonical not in org_country:
            entry = gazetteer_lookup(m.text)
            if entry and entry.kind == "organization":
                org_country[m.canonical] = org_country.get(entry.canonical, "")
    _, _ = officeholder_index()
    mention_rows = []
    actors: dict[tuple[str, str], dict] = {}
    for m in mentions:
        mention_rows.append(
            {
                "article": article.id,
                "actor": m.canonical,
                "kind": m.kind,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "sentence": article.sentence_at(m.start),
            }
        )
        key = (m.canonical, m.kind)
        row = actors.get(key)
        if row is None:
            row = actors[key] = {
                "article": article.id,
                "actor": m.canonical,
                "kind": m.kind,
                "mentions": 0,
                "aliases": [],
                "role": "",
                "affiliation": "",
                "country": "",
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
        row["mentions"] += 1
        if m.text not in row["aliases"]:
            row["aliases"].append(m.text)
        if m.kind == "person":
            if m.title and not row["role"]:
                row["role"] = m.title
            if m.title_country and not row["country"]:
                row["country"] = m.title_country
            if not row["affiliation"] and len(m.text.split()) >= 2:
                _appositive(text, m, row, mentions)
    by_key, _ = officeholder_index()
    for (name, kind), row in actors.items():
        if kind == "country":
            row["country"] = name
        elif kind == "organization":
            row["country"] = org_country.get(name, "") or _country_inside(name)
        elif kind == "person":
            holder = by_key.get(name_key(name))
            if not row["country"] and holder:
                row["country"] = holder.country
            if not row["role"] and holder:
                row["role"] = ""
            if not row["country"] and row["affiliation"]:
                row["country"] = org_country.get(row["affiliation"], "")
        row["aliases"] = "; ".join(row["aliases"])
    return {"actors": list(actors.values()), "mentions": mention_rows}


@cache
def _org_countries() -> dict[str, str]:
    return {c: row.get("country", "") for c, row in organizations().items()}


def _country_inside(name: str) -> str:
    for g in gazetteer_regex().finditer(name):
        entry = gazetteer_lookup(g.group())
        if entry and entry.kind == "country":
            return entry.canonical
    return ""


def _appositive(text: str, m: Mention, row: dict, mentions: list[Mention]) -> None:
    after = text[m.end : m.end + 200]
    d = _APPOS_DETAIL.match(after)
    if not d:
        return
    role = d.group("role").strip()
    role = re.split(rf"{SP}+(?:focusing|specializing|specialising|who|based)\b", role)[0]
    span_end = m.end + d.end()
    orgs = [o for o in mentions if o.kind == "organization" and m.end <= o.start < span_end]
    if orgs:
        row["affiliation"] = orgs[0].canonical
        # "a RAND security analyst": drop the organization name from the role
        role = role.replace(orgs[0].text, "").strip()
    elif d.group("aff"):
        aff = d.group("aff").strip()
        if aff[:1].isupper():
            row["affiliation"] = aff
    if not row["role"]:
        row["role"] = " ".join(role.split())
