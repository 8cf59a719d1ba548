"""Who is speaking: reporting cues and the noun phrase that does the reporting.

Shared by direct quotes and reported speech. A speaker is resolved, in order, to a
named person in the phrase, an unnamed source ("a senior administration official",
"some regional analysts": a phrase holding a word from ``source_nouns.txt``), a
pronoun (he/she: the person who spoke last, or the last person named), or a country or
organization ("Pyongyang said" -> North Korea).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from ..structure import dateline_at
from .actors import BRACKET_ASIDE, Mention
from .lexicon import organizations, source_nouns

ADVERBS = (
    r"has|have|had|do|does|did|will|would|also|long|often|repeatedly|previously|publicly|"
    r"privately|recently|later|earlier|then|still|already|reportedly|again|further|once|now|"
    r"even|only|clearly|flatly|strongly|quickly|never|has long|since|always|first|just|"
    r"separately|told reporters|on \w+day"
)
TRAILING_AUX = re.compile(rf"(?:[ \u00a0]+(?:{ADVERBS}))+[ \u00a0]*$", re.IGNORECASE)
# the last word of every ADVERBS entry (besides "on Tuesday"): TRAILING_AUX is tried only then
_AUX_LAST = frozenset(
    w.split()[-1].lower() for w in ADVERBS.replace("\\w+day", "").split("|") if w.strip()
)
PRONOUN = re.compile(r"(?:^|[\s,(])(he|she|they|it|we|i|who|which)$", re.IGNORECASE)
CLAUSE_WORDS = re.compile(
    r"(?:^|\s)(?:and|but|while|although|though|because|that|as|if|when|since|whereas|so|"
    r"which|where|what|after|before|said|says)\s",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'\-.]+")
_APPOS = re.compile(r",(?:[^,“”\"]|(?<=\d),(?=\d{3})){2,80},$")  # "which has 28,500 troops"
_PRONOUN_ONLY = re.compile(r"(he|she|they|it|we|i|who|which)", re.IGNORECASE)
_PLURAL = re.compile(r"s\b")
_SINGLE_DET = re.compile(r"(?:a|an|one|the)\b", re.IGNORECASE)
_INDEFINITE = re.compile(r"(?:a|an|one|another|two|three|several|some)[ \u00a0]", re.IGNORECASE)


@dataclass
class Speaker:
    name: str
    kind: str  # person | country | organization | group | unnamed | ""
    start: int = -1
    end: int = -1
    at: int = -1  # where the subject phrase itself starts (a pronoun's own place)


NONE = Speaker("", "")


class MentionIndex:
    """Actor mentions in text order, with quick lookups by position."""

    def __init__(self, mentions: list[Mention], quote_spans: list[tuple[int, int]]):
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.quote_spans = sorted(quote_spans)
        self._quote_starts = [a for a, _ in self.quote_spans]

    def inside_quote(self, pos: int) -> bool:
        return self.quote_span_at(pos) is not None

    def quote_span_at(self, pos: int) -> tuple[int, int] | None:
        """(opening mark, just after the closing mark) of the quote around ``pos``, or None."""
        i = bisect_right(self._quote_starts, pos) - 1
        return self.quote_spans[i] if i >= 0 and pos < self.quote_spans[i][1] else None

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def starting_at(self, start: int) -> Mention | None:
        i = bisect_left(self.starts, start)
        if i < len(self.mentions) and self.mentions[i].start == start:
            return self.mentions[i]
        return None

    def ending_at(self, end: int) -> Mention | None:
        i = bisect_right(self.starts, end) - 1
        while i >= 0 and self.mentions[i].start >= end - 80:
            m = self.mentions[i]
            if m.end == end:
                return m
            i -= 1
        return None

    def last_person_before(self, pos: int, floor: int = 0, skip=frozenset()) -> Mention | None:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= floor:
            m = self.mentions[i]
            if (
                m.kind == "person"
                and m.end <= pos
                and m.canonical not in skip
                and not self.inside_quote(m.start)
            ):
                return m
            i -= 1
        return None


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|of|for|with|near)[ \u00a0]+$")


def _place_after_preposition(text: str, m) -> bool:
    """ "a senior official in Seoul, who ..., said": a country or body after a preposition is
    where, not who."""
    return m.kind != "person" and bool(
        _PREPOSITION_BEFORE.search(text, max(0, m.start - 8), m.start)
    )


_NOT_A_SUBJECT = re.compile(
    r"^(?!according\b)[a-z]+ing\b|[ \u00a0](?:and|or|but)$"
    # "officials have used for years to fend off [calls for]": a clause, not a noun phrase
    r"|\b(?:have|has|had)[ \u00a0]+(?:long[ \u00a0]+)?[a-z]+(?:ed|en|wn|ght)\b"
)
_POSSESSIVE_THEN = re.compile(r"[’']s[ \u00a0]+([^,;:]+?)[ \u00a0]*$")


def is_source_phrase(phrase: str) -> bool:
    words = [w.lower().strip(".,") for w in _WORD.findall(phrase)]
    return any(w in source_nouns() for w in words)


def clean_phrase(phrase: str) -> str:
    phrase = phrase.strip(" ,\u00a0")
    phrase = re.sub(
        r"^(?:but|and|yet|so|while|although|though|because|indeed|that|later|earlier|meanwhile|"
        r"however|separately|still|now|then|also|instead|who|whom|which|whose|as|according\s+to)\s+",
        "",
        phrase,
        flags=re.I,
    )
    # "a demand U.S. officials said was ...": the writer's noun before the source is not it
    phrase = _WRITERS_NOUN.sub("", phrase)
    # "the official, who spoke on condition of anonymity,": the source is the head phrase
    rel = _RELATIVE_TAIL.search(phrase)
    if rel and rel.start() > 0:
        phrase = phrase[: rel.start()]
    return phrase.strip()


_WRITERS_NOUN = re.compile(
    r"^(?:an?|the)\s+(?:demand|claim|charge|move|step|position|view|formula|assertion|phrase|"
    r"term|word|label|line|slogan|expression|pledge|promise|warning|accusation|assessment|"
    r"prediction|description)\s+(?=\S)",
    re.IGNORECASE,
)
_RELATIVE_TAIL = re.compile(r",[ \u00a0]+(?:who|whom|whose|which)\b")


def speaker_from_phrase(
    text: str,
    start: int,
    end: int,
    index: MentionIndex,
    resolve_pronoun,
) -> Speaker:
    """The speaker named by ``text[start:end]``, a short noun phrase next to a cue."""
    phrase = text[start:end]
    lead = len(phrase) - len(phrase.lstrip(" ,\u00a0"))
    start += lead
    phrase = phrase.strip(" ,\u00a0")
    if not phrase or len(phrase.split()) > 12 or _NOT_A_SUBJECT.search(phrase):
        return NONE  # "saying Beijing welcomed the declaration and": a clause, not a speaker
    if _HANDLE.fullmatch(phrase):
        return _handle_speaker(phrase, start, index)
    inside = index.within(start, end)
    persons = [m for m in inside if m.kind == "person"]
    if persons:
        m = persons[0]
        owner = _POSSESSIVE_THEN.match(text, m.end, end)
        if owner and is_source_phrase(owner.group(1)) and len(owner.group(1).split()) <= 4:
            # "Mr. Moon’s spokesman", "Trump’s aides": the person's source, not the person
            cleaned = clean_phrase(phrase)
            s = start + phrase.find(cleaned)
            plural = bool(_PLURAL.search(cleaned.split()[-1]))
            return Speaker(cleaned, "group" if plural else "unnamed", s, s + len(cleaned))
        return Speaker(m.canonical, "person", m.start, m.end)
    pron = _PRONOUN_ONLY.fullmatch(phrase)
    if pron:
        return resolve_pronoun(pron.group(1).lower(), start)
    # "the official KCNA news agency", "state broadcaster CCTV": the named actor is the speaker
    tail_actor = [
        m
        for m in inside
        if m.kind in ("country", "organization")
        and (m.end == end or _OUTLET_TAIL.fullmatch(text, m.end, end) is not None)
    ]
    if (
        tail_actor
        and text[start : tail_actor[-1].start].strip().lower() in ("", "the")
        and tail_actor[-1].kind == "organization"
    ):
        m = tail_actor[-1]  # "Xinhua news agency reported", "the Korean Central News Agency said"
        return Speaker(m.canonical, m.kind, m.start, m.end)
    body_in = _BODY_IN.match(phrase)
    if body_in and tail_actor and tail_actor[-1].kind == "country":
        # "the foreign ministry in Pyongyang said": the government of that capital
        m = tail_actor[-1]
        return Speaker(m.canonical, m.kind, m.start, m.end)
    if (
        tail_actor
        and is_source_phrase(text[start : tail_actor[-1].start])
        and not re.search(
            r"\b(?:of|in|from|at|for|out|to|with|on|about|over|toward|towards|against)\s+"
            r"(?:the\s+)?$",
            text[start : tail_actor[-1].start],
        )
    ):
        m = tail_actor[-1]
        return Speaker(m.canonical, m.kind, m.start, m.end)
    if is_source_phrase(phrase):
        cleaned = clean_phrase(phrase)
        plural = bool(_PLURAL.search(cleaned.split()[-1])) if cleaned else False
        kind = "group" if plural and not _SINGLE_DET.match(cleaned) else "unnamed"
        s = start + phrase.find(cleaned)
        return Speaker(cleaned, kind, s, s + len(cleaned))
    # "a tearful announcer on state television": an unnamed source all the same
    if _INDEFINITE.match(phrase) and len(phrase.split()) <= 8:
        return Speaker(clean_phrase(phrase), "unnamed", start, start + len(phrase))
    others = [m for m in inside if m.kind in ("country", "organization")]
    if others and len(phrase.split()) <= 6:
        m = others[0]
        return Speaker(m.canonical, m.kind, m.start, m.end)
    the = _THE_NOUN.fullmatch(phrase)
    if the:  # "the bureau said" after "the FBI" (Federal Bureau of Investigation)
        noun = the.group(1).lower()
        for m in reversed(index.within(max(0, start - 2000), start)):
            if m.kind == "organization" and noun in _organization_words(m.canonical):
                return Speaker(m.canonical, m.kind, m.start, m.end)
    return NONE


_ISSUED_BY = re.compile(
    r"\b[Tt]he[ \u00a0]+(?:\w+[ \u00a0]+)?(?:statement|report|communiqué|communique|letter|"
    r"declaration|commentary|editorial),[ \u00a0]+(?:issued|released|published|put[ \u00a0]+out|"
    r"sent|signed)[ \u00a0]+by[ \u00a0]+"
)
_BODY_IN = re.compile(
    r"(?:the[ \u00a0]+)?(?:\w+[ \u00a0]+)?(?:ministry|government|embassy|foreign[ \u00a0]+office)"
    r"[ \u00a0]+in[ \u00a0]+",
    re.IGNORECASE,
)


@cache
def _organization_names() -> dict[str, frozenset[str]]:
    """Any name of a listed organization -> the lower-case words of all its names ("FBI" ->
    federal, bureau, investigation, ...), so "the bureau" can find "the FBI"."""
    out: dict[str, frozenset[str]] = {}
    for canonical, row in organizations().items():
        names = [canonical, *(a.strip() for a in (row.get("aliases") or "").split(";"))]
        words = frozenset(w for n in names for w in re.findall(r"[a-z]+", n.lower()))
        for n in names:
            if n:
                out[n] = words
    return out


def _organization_words(name: str) -> frozenset[str]:
    return _organization_names().get(name) or frozenset(re.findall(r"[a-z]+", name.lower()))


_THE_NOUN = re.compile(r"[Tt]he[ \u00a0]+([a-z]{4,})")
_HANDLE = re.compile(r"@\w{2,30}")


def _handle_speaker(handle: str, start: int, index: MentionIndex) -> Speaker:
    """ "@realDonaldTrump tweeted": the person of the article whose full name, or else whose
    family name, is in the handle; otherwise the handle itself."""
    flat = handle.lower()
    best = None
    for m in index.mentions:
        if m.kind != "person":
            continue
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.canonical)]
        if words and "".join(words) in flat:
            return Speaker(m.canonical, "person", m.start, m.end)
        if best is None and len(words) > 1 and len(words[-1]) > 2 and words[-1] in flat:
            best = m
    if best is not None:
        return Speaker(best.canonical, "person", best.start, best.end)
    return Speaker(handle, "unnamed", start, start + len(handle))


def subject_before(
    text: str, floor: int, cue_start: int, index: MentionIndex, resolve_pronoun
) -> Speaker:
    """The subject just before a cue ("Kerry said", "U.S. officials do acknowledge")."""
    # (a dateline opens a paragraph: look for one only there)
    dateline = (
        dateline_at(text, floor, cue_start) if floor == 0 or text[floor - 1] == "\n" else None
    )
    if dateline:  # "BEIJING (Reuters) - The top U.S. negotiator said": the place is no subject
        floor = dateline.end()
    floor = max(floor, cue_start - 240)  # a subject is never further away; keeps regexes fast
    before = text[floor:cue_start]
    # adverbs and auxiliaries before the cue ("has long said"): only the last stretch can hold them
    last = before.rstrip(" \u00a0").rsplit(None, 1)[-1:]
    aux = None
    if last and (last[0].lower() in _AUX_LAST or last[0].endswith("day")):
        aux = TRAILING_AUX.search(before, max(0, len(before) - 100))
    trimmed = before[: aux.start()] if aux else before
    end = floor + len(trimmed.rstrip(" \u00a0"))
    tail = text[floor:end]
    if tail.endswith(")") and index.ending_at(end) is None:
        # "Sen. John McCain (R-Ariz.) said", "Kim (pictured) says": the aside is not the subject
        open_ = tail.rfind("(")
        if 0 < open_ and len(tail) - open_ <= 40:
            end = floor + len(tail[:open_].rstrip(" \u00a0"))
            tail = text[floor:end]
    if not tail:
        return NONE
    aside = _DASH_ASIDE.search(tail)
    if aside:
        # "Jane Doe - who becomes envoy in May - told reporters": the aside
        # between dashes is not the subject; the words before it are
        return subject_before(text, floor, floor + aside.start(), index, resolve_pronoun)
    pron = PRONOUN.search(tail, max(0, len(tail) - 7))  # anchored at the end: look there only
    if pron:
        sp = resolve_pronoun(pron.group(1).lower(), floor + pron.start(1))
        return Speaker(sp.name, sp.kind, sp.start, sp.end, floor + pron.start(1))
    # "The statement, issued by the North’s Foreign Ministry and carried by KCNA, said": the
    # issuer speaks
    issued = _ISSUED_BY.search(tail, max(0, len(tail) - 200)) if tail.endswith(",") else None
    if issued:
        by = index.within(floor + issued.end(), end)
        if by:
            m = by[0]
            return Speaker(m.canonical, m.kind, m.start, m.end, floor + issued.start())
    # "Carpenter, the Cato foreign policy expert, said" / "X, who ... “Title,” said"
    if tail.endswith(",") or (tail[-2:-1] == "," and tail[-1] in "”\"’'"):
        return _appositive_subject(text, floor, end, tail, index, resolve_pronoun)
    # the noun phrase: back to the last clause boundary or punctuation
    hyphen = tail.rfind(" - ")  # a spaced hyphen used as a dash
    cut = max(
        max(tail.rfind(ch) for ch in ',;:(\u2014\u2013\u201c\u201d"'),
        hyphen + 2 if hyphen >= 0 else -1,
    )
    np_start = cut + 1
    # only a clause word ending in the last 90 characters can matter (see the max below)
    for cw in CLAUSE_WORDS.finditer(tail, max(np_start, len(tail) - 100)):
        np_start = max(np_start, cw.end())
    np_start = max(np_start, len(tail) - 90)
    phrase = tail[np_start:]
    if not phrase.strip():
        return NONE
    m = index.ending_at(end)
    # "Prof Yun Duk-min of the Korea National Diplomatic Academy says": the person speaks
    for p in index.within(floor + np_start, end):
        if p.kind == "person" and _OF_ORG.match(text, p.end):
            return Speaker(p.canonical, p.kind, p.start, p.end, p.start)
    if is_source_phrase(phrase) and not (m and m.kind == "person"):
        sp = speaker_from_phrase(text, floor + np_start, end, index, resolve_pronoun)
    elif m is not None and m.start >= floor + np_start - 1:
        sp = Speaker(m.canonical, m.kind, m.start, m.end)
    elif len(phrase.split()) <= 6:
        sp = speaker_from_phrase(text, floor + np_start, end, index, resolve_pronoun)
    else:
        return NONE
    if not sp.name:
        return NONE
    at = floor + np_start + len(phrase) - len(phrase.lstrip())
    return Speaker(sp.name, sp.kind, sp.start, sp.end, at)


#: an aside between two dashes that ends right before the cue ("X - who ... - told")
_DASH_ASIDE = re.compile(
    r"[ \u00a0]+(?:-|\u2013|\u2014)[ \u00a0]+[^\u2013\u2014]{3,150}?[ \u00a0]+(?:-|\u2013|\u2014)$|\u2014[^\u2014]{3,150}\u2014$"
)
_OUTLET_TAIL = re.compile(
    r"[ \u00a0]+(?:news[ \u00a0]+)?(?:agency|newspaper|daily|broadcaster|television|radio|website)"
)
_OF_ORG = re.compile(r"[ \u00a0]+(?:of|at|from|with)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]")
_APPOS_OPEN = re.compile(
    r",[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?(?:who|whose|which|a|an|the|one|"
    r"speaking|writing|asked|answering|responding|testifying)\b",
    re.IGNORECASE,
)  # ", 71, who ...", "Mattis, speaking to reporters outside the White House after ..., said"


_ASIDE_OPEN = re.compile(
    r",[ \u00a0]+(?:(?:when|while|after|before|once|if|though|although)[ \u00a0]+)?"
    r"(?:[a-z]+(?:ed|ing|en)|in|at|on|during|after|before|with|speaking|asked|told)\b"
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
_WHO_OPENS = re.compile(r",[ \u00a0]+who\b")
_SOURCE_OF = re.compile(
    r"\b(?:spokes(?:man|woman|person)|aide|adviser|advisor|official|envoy|representative|"
    r"lawyer|assistant|deputy)[ \u00a0]+(?:for|of|to)[ \u00a0]",
    re.IGNORECASE,
)


def _appositive_subject(text, floor, end, tail, index, resolve_pronoun) -> Speaker:
    """The subject of "X, <appositive>, said": a person inside a short appositive
    ("Seoul’s chief delegate, the minister Lee Sang-woo, said"), else the phrase before it."""
    appos = _APPOS.search(tail, max(0, len(tail) - 84))
    if appos:
        head = tail[: appos.start()]
        cut = max(head.rfind(ch) for ch in ",;:(\u2014\u2013")
        phrase = head[cut + 1 :]
        # "A spokesperson for the secretary general, Antonio Guterres, said": the name
        # belongs to the secretary general; the speaker is the spokesperson
        if _SOURCE_OF.search(phrase) and is_source_phrase(
            phrase.split(" for ")[0].split(" of ")[0]
        ):
            s = floor + cut + 1 + len(phrase) - len(phrase.lstrip())
            return Speaker(clean_phrase(phrase), "unnamed", s, floor + appos.start(), s)
        # "Mr. Cho, the minister who met Wang Yi, said": a name after "who" is an object
        rel = _RELATIVE.search(tail, appos.start())
        rel_at = floor + rel.start() if rel else end
        # "President Trump, asked about Warmbier during a meeting, said", "Abe, in an interview
        # with Fox, said": an aside opening with a participle or a preposition names objects
        aside = _ASIDE_OPEN.match(tail, appos.start())
        inner = [
            m
            for m in index.within(floor + appos.start(), rel_at)
            if m.kind == "person" and not aside
        ]
        if inner:
            m = inner[-1]
            return Speaker(m.canonical, m.kind, m.start, m.end, m.start)
    if appos:
        m = index.ending_at(floor + appos.start())
        if (
            m is not None
            and m.kind in ("person", "organization", "country")
            and not _place_after_preposition(text, m)
        ):
            return Speaker(m.canonical, m.kind, m.start, m.end, m.start)
    # the first actor followed by ", who ...", ", a ...": the subject of a long appositive
    for m in index.within(floor, end):
        after = m.end
        bracket = BRACKET_ASIDE.match(text, after)
        if bracket:  # "Sen. John Doe (R-Ohio), who chairs ..., told"
            after = bracket.end()
        if index.inside_quote(m.start) or not _APPOS_OPEN.match(text, after):
            continue
        if _place_after_preposition(text, m):
            continue
        between = text[m.end : end]
        if not re.search(r"[.;](?:\s|$)", between.rstrip(",”\"’' ")):
            return Speaker(m.canonical, m.kind, m.start, m.end, m.start)
        break
    if appos:
        head = tail[: appos.start()]
        cut = max(head.rfind(ch) for ch in ",;:(\u2014\u2013")
        phrase = head[cut + 1 :]
        if phrase.strip() and is_source_phrase(phrase):
            s = floor + cut + 1
            sp = speaker_from_phrase(text, s, floor + appos.start(), index, resolve_pronoun)
            if sp.name:
                return Speaker(sp.name, sp.kind, sp.start, sp.end, s)
    # "A State Department official, speaking on condition of anonymity because the official
    # was not authorized to discuss the matter, said": a source, then a long participle aside
    first = tail.find(",")
    if (
        first > 0
        and (_ASIDE_OPEN.match(tail, first) or _WHO_OPENS.match(tail, first))
        and not re.search(r"[.;!?](?:\s|$)", tail[first:])
    ):
        cut = max(tail.rfind(ch, 0, first) for ch in ";:(\u2014\u2013")
        phrase = tail[cut + 1 : first]
        if phrase.strip() and is_source_phrase(phrase):
            s = floor + cut + 1
            sp = speaker_from_phrase(text, s, floor + first, index, resolve_pronoun)
            if sp.name:
                return Speaker(sp.name, sp.kind, sp.start, sp.end, s)
    return NONE
