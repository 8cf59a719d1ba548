"""What the claim extractors share while reading one article.

`ClaimState` remembers who has spoken so far (for pronouns and quotes without a cue);
the cue regexes, the subject of a sentence, and how a claim row is built are used by
both :mod:`kit.extract.quote_speakers` and :mod:`kit.extract.reported`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import pandas as pd

from ..article import Article
from ..data_files import abbreviations
from ..structure import dateline_at
from .actors import HONORIFIC, Mention
from .cues import NONE, MentionIndex, Speaker, is_source_phrase, speaker_from_phrase
from .lexicon import (
    SP,
    given_name_genders,
    name_key,
    officeholder_index,
    person_titles,
    reporting_cues,
    title_before_regex,
    title_case_cues,
    trie_regex,
)
from .quotes import Quote

FRAGMENT_WORDS = 3


_CUE_ALT = None


def _cue_alt() -> str:
    global _CUE_ALT
    if _CUE_ALT is None:
        # a trie, not a flat alternation: the end-anchored regexes try it at every position
        cues = list(reporting_cues())
        # Title Case headlines: "Seoul Urges ‘Patience and Unity’", as in lexicon.cue_regex
        cues += [c[0].upper() + c[1:] for c in title_case_cues()]
        alt = trie_regex([c.replace(" ", "\0") for c in cues])
        _CUE_ALT = "(?:" + alt.replace("\\\x00", SP + "+").replace("\x00", SP + "+") + ")"
    return _CUE_ALT


_compiled: dict[str, re.Pattern[str]] = {}


def _title_abbreviations() -> list[str]:
    """Abbreviated titles before a name ("Sen.", "Gov.", "Mr."): from the data files, so a
    teacher who adds one to both abbreviations.txt and person_titles.txt gets it here too."""
    titles = set(person_titles())
    found = {a for a in abbreviations() if a + "." in titles}
    return sorted(
        found | {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Prof"}, key=lambda a: (-len(a), a)
    )


_TITLE_ABBRS = _title_abbreviations()


# a character of a speaker phrase: no clause punctuation, but "Mr. Ri" and "U.S. officials" are fine
NPCH = (
    r"(?:[^,.;:“”\"()\u2014\u2013?!]|\.(?=\S)|\.(?:"
    + "|".join(f"(?<={a}\\.)" for a in _TITLE_ABBRS)
    + r"|(?<=\b[A-Z]\.)))"
)


# a full stop that ends a speaker phrase, not the one of "Mr." or an initial ("said Sen. Kim.")
# (the dot is matched first and the look-behinds include it: far fewer look-behinds run)
ABBREVIATION_FREE_STOP = (
    r"\." + "".join(f"(?<!\\b{a}\\.)" for a in _TITLE_ABBRS) + r"(?<!\b[A-Z]\.)"
)


def cue_pattern(name: str) -> re.Pattern[str]:
    """Regexes that need the cue list, compiled once."""
    if name not in _compiled:
        cue = _cue_alt()
        pats = {
            # ”, said X  /  ”, says a senior official
            "cue_np": rf"^[\s,]*(?P<cue>{cue})[ \u00a0]+(?P<np>NPCH{{1,80}}?)(?=[,;:“”\"()\u2014\u2013?!]|NOTABBR|$)",
            # ”, he said  /  ” Blinken said in ...  /  ”, Carpenter, the Cato expert, said
            "np_cue": rf"^[\s,]*(?P<np>NPCH{{1,60}}?(?:,(?:[^,.;:“”\"]|\.(?=\S)|(?<=\b[A-Z])\.){{2,80}},)?)"
            # "Sen. John McCain (R-Ariz.) said": an aside in brackets between name and cue
            r"(?:[ \u00a0]+\([^()“”\"]{1,30}\))?[ \u00a0]+"
            rf"(?:(?:also|later|then|again|simply|quickly|has|had|once)[ \u00a0]+)?(?P<cue>{cue})(?![\w\-])",
            # ” Kim, says Scobell.
            "gap_cue_np": rf"^[^.“”\"]{{1,40}}?,[ \u00a0]+(?P<cue>{cue})[ \u00a0]+(?P<np>NPCH{{1,60}}?)(?=[,;:“”\"()]|NOTABBR|$)",
            "gap_np_cue": rf"^[^.“”\"]{{1,40}}?,[ \u00a0]+(?P<np>NPCH{{1,40}}?)[ \u00a0]+(?P<cue>{cue})(?=[\s,.;:]|$)",
            # cue just before the quote: "Kerry said, “"  "he adds, “"  "said:"
            "cue_end": rf"(?P<cue>{cue})(?:[ \u00a0]+(?:later|earlier|also|again|then|publicly|privately))?"
            rf"(?:[ \u00a0]+that)?"
            # "said it “undermines ...”", "said they were “..."": a pronoun then the quote
            rf"(?:[ \u00a0]+(?:it|this|they|these|those)(?:[ \u00a0]+(?:was|is|were|are|would|will|had|has))?)?"
            rf"[\s,:]*$"
            # "told the BBC: ‘", "said in a statement: “", "said on Tuesday, “"
            rf"|(?P<cue2>{cue})[ \u00a0]+[^.;:“”\"‘’]{{1,50}}?[ \u00a0]*[:,][ \u00a0]*$",
            # content ends before ", saying" / ";" and before "and urged" / ", but insisted"
            # (not "the leadership, newly strengthened ..., hopes to steer": the clause's verb)
            "stop": rf",[ \u00a0]+(?:(?:while|as)[ \u00a0]+)?(?:{cue})\b"
            rf"(?!(?<!ing)[ \u00a0]+(?:to|that)\b)|;",
            "coord": rf",?[ \u00a0]+(?:and|but)(?:,[^,;]{{1,40}},)?[ \u00a0]+"
            rf"(?:(?:then|also|has|have|had|later)[ \u00a0]+)?(?:{cue})\b",
        }
        _compiled[name] = re.compile(
            pats[name].replace("NPCH", NPCH).replace("NOTABBR", ABBREVIATION_FREE_STOP)
        )
    return _compiled[name]


NO_REPORTED = {
    "call",
    "calls",
    "called",
    "describe",
    "describes",
    "described",
    "continue",
    "continues",
    "continued",
}


FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|should|must|"
    r"does|do|did|won[’']t|can[’']t|isn[’']t|wasn[’']t|aren[’']t|doesn[’']t|didn[’']t|"
    r"hasn[’']t|haven[’']t|wouldn[’']t|shouldn[’']t)\b",
    re.IGNORECASE,
)


_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|am|seem|seems|seemed|become|became|get|got|not)|[’']s|"
    r"\b(?:the|a|an|his|her|its|their|our|this|that|these|those|whose|my|your|to)|[’']|s[’'])"
    r"[ \u00a0]+(?:\w+ly[ \u00a0]+)?$",
    re.IGNORECASE,
)


PREP_START = re.compile(
    r"^(?:(?:right|shortly|soon|just|immediately)[ \u00a0]+)?"
    r"(?:in|on|at|during|after|before|from|with|to|for|by|over|about|of|against|late|earlier|later|"
    r"last|this|reporters|journalists|the\s+\w+\s+news|it\s+clear)\b",
    re.IGNORECASE,
)


class ClaimState:
    """What has been said so far: used to resolve pronouns and quotes without a cue."""

    def __init__(self, article: Article, index: MentionIndex):
        self.article = article
        self.index = index
        self.history: list[tuple[int, Speaker]] = []  # (position, speaker)
        self.gender = _genders(article.text, index.mentions)
        # persons not known to be women, when the article names at least one woman
        self.not_women = (
            frozenset(
                m.canonical
                for m in index.mentions
                if m.kind == "person" and self.gender.get(m.canonical) != "f"
            )
            if "f" in self.gender.values()
            else frozenset()
        )
        self.contents: list[tuple[int, int]] = []  # spans of reported speech found so far
        self.cue_starts: list[int] = []  # filled by claim_rows from its one cue scan

    def cues_between(self, start: int, end: int) -> list[int]:
        """Start offsets of the reporting cues in ``text[start:end]`` (one scan per article)."""
        i = bisect_left(self.cue_starts, start)
        j = bisect_left(self.cue_starts, end, i)
        return self.cue_starts[i:j]

    def _subject_of_sentence(self, last: Mention, skip: frozenset[str]) -> Mention:
        """The first person named in ``last``'s sentence when it opens the sentence as its
        subject (and ``last`` comes later, as an object); else ``last``."""
        art = self.article
        sent = art.sentences[art.sentence_at(last.start)]
        for m in self.index.within(sent.start, last.start):
            if m.kind != "person" or self.index.inside_quote(m.start):
                continue
            if m.canonical in skip or m.canonical == last.canonical:
                return last
            lead = art.text[sent.start : m.start]
            if len(lead.split()) <= 3 and _subject_like(art.text, m):
                return m
            return last
        return last

    def _met_by_the_writer(self, m: Mention, pos: int) -> bool:
        """``m`` is the person of a first-person sentence ("when I spoke with Glyn Davies"),
        the last sentence or the one before it, with no other person named since."""
        art = self.article
        i = art.sentence_at(m.start)
        if art.sentence_at(pos) - i > 2:
            return False
        sent = art.sentences[i]
        return _WRITER_MET.search(art.text, sent.start, m.start) is not None

    def _opens_sentence(self, m: Mention) -> bool:
        """ "Trump himself weighed in online", "Mr. Oh, in Dandong, expects": the name (after
        an honorific) is the first words of its sentence."""
        sent = self.article.sentences[self.article.sentence_at(m.start)]
        before = self.article.text[sent.start : m.start].strip(" \u00a0“”\"‘’'")
        return not before or HONORIFIC.match(before) is not None

    def in_content(self, pos: int) -> bool:
        """Inside what someone was reported to say (a name there is talked about, not talking)."""
        return any(a <= pos < b for a, b in self.contents[-6:])

    def remember(self, pos: int, sp: Speaker) -> None:
        if sp.name:
            self.history.append((pos, sp))

    def definite(self, sp: Speaker) -> Speaker:
        """ "the official" after "a ministry official": the source introduced before."""
        if sp.kind not in ("unnamed", "group"):
            return sp
        government = _THE_GOVERNMENT.fullmatch(sp.name) is not None
        if government or _THE_STATEMENT.fullmatch(sp.name):
            # "“...,” the statement said": the statement of whoever was just reported;
            # "the government declared": the country just reported
            kinds = ("country",) if government else ("country", "organization", "person")
            pos = sp.start if sp.start >= 0 else 10**9
            para = self.article.paragraph_at(pos) if sp.start >= 0 else 0
            for p, prev in reversed(self.history):
                if p < pos and prev.kind in kinds:
                    if sp.start < 0 or self.article.paragraph_at(p) >= para - 2:
                        return prev
                    break
            return sp
        body = _THE_BODY.fullmatch(sp.name)
        if body and sp.start >= 0:
            # "The statement from Pyongyang’s foreign ministry ... ‘...,’ the ministry said":
            # the country whose ministry the article named shortly before
            country = self._country_with(body.group("head").lower(), sp.start)
            if country is not None:
                return country
        m = re.match(
            r"(?:the|this|that|[A-Z][\w.]*(?: [A-Z][\w.]*)?[’']s)\s+(?:\w+\s+)?(\w+)$", sp.name
        )
        if not m:
            return sp
        head = m.group(1).lower()
        # "the prime minister", "South Korea's new president": the person with that title
        if head in _ROLE_HEADS:
            pos = sp.start if sp.start >= 0 else 10**9
            by_key, _ = officeholder_index()
            for mention in reversed(self.index.mentions):
                if mention.kind != "person" or mention.start >= pos:
                    continue
                holder = by_key.get(name_key(mention.canonical))
                office = (mention.title + " " + (holder.office if holder else "")).lower()
                # "the vice president" is not "President of the Presidium": a modifier of the
                # role ("vice", "foreign") must be in the office too
                role = m.group(0).lower().split()[1:] if m.group(0)[:4].lower() == "the " else []
                if head in office and (len(role) < 2 or " ".join(role) in office):
                    return Speaker(mention.canonical, "person", mention.start, mention.end)
        if m.group(0).split()[0].lower() not in ("the", "this", "that"):
            return sp  # "Russia's foreign ministry" names its own owner: not an earlier source
        # "the defence minister" is not the "prime minister" named before: modifiers must agree
        modifier = m.group(0).lower().split()[1:-1] if m.group(0)[:4].lower() == "the " else []
        for _, prev in reversed(self.history):
            prev_words = prev.name.lower().split()
            if (
                prev.kind in ("unnamed", "group")
                and prev_words[-1] == head
                and prev.name != sp.name
                and all(w in prev_words for w in modifier)
            ):
                return prev
        return sp

    def _country_with(self, head: str, pos: int) -> Speaker | None:
        """The country named just before ``head`` ("China’s foreign ministry", "the Chinese
        foreign ministry"; for a ministry also "China’s foreign minister") in this or the two
        paragraphs before ``pos``."""
        text = self.article.text
        floor = self.article.paragraphs[max(0, self.article.paragraph_at(pos) - 2)].start
        by_key, _ = officeholder_index()
        for m in reversed(self.index.within(floor, pos)):
            if m.kind == "person" and head == "ministry" and "minister" in m.title.lower():
                # "Foreign Minister Yang Jiechi summoned ... the foreign ministry said"
                holder = by_key.get(name_key(m.canonical))
                country = m.title_country or (holder.country if holder else "")
                if country:
                    return Speaker(country, "country", m.start, m.end)
            if m.kind != "country":
                continue
            after = _COUNTRY_BODY.match(text, m.end)
            if after and after.group("head").lower().replace("minister", "ministry") == head:
                return Speaker(m.canonical, "country", m.start, m.end)
            if text[max(0, m.start - 20) : m.start].lower().rstrip().endswith(head + " in"):
                return Speaker(m.canonical, "country", m.start, m.end)  # "the ministry in Seoul"
        return None

    def resolve_pronoun(self, pron: str, pos: int) -> Speaker:
        art = self.article
        para = art.paragraph_at(pos)
        if pron in ("who", "which"):
            before = art.text[max(0, pos - 120) : pos]
            m = re.search(r"[,\s]*$", before)
            end = pos - (len(before) - m.start()) if m else pos
            hit = self.index.ending_at(end)
            if pron == "who" and (hit is None or hit.kind != "person"):
                # "Fu Ying, director general at China’s Foreign Ministry, who told ...": "who"
                # is a person; the organization ending the appositive is not
                near = [
                    m
                    for m in self.index.within(max(0, pos - 120), pos)
                    if m.kind == "person"
                    and not self.index.inside_quote(m.start)
                    and not re.search(r"[.;:!?](?:\s|$)", art.text[m.end : pos])
                ]
                if near:
                    hit = near[-1]
            if hit is not None:
                return Speaker(hit.canonical, hit.kind, hit.start, hit.end)
            head = art.text[max(0, end - 90) : end]
            cut = max(head.rfind(ch) for ch in ",;:(\u2014\u2013.")
            phrase = head[cut + 1 :]
            if phrase.strip() and is_source_phrase(phrase):
                return speaker_from_phrase(
                    art.text, end - len(phrase), end, self.index, self.resolve_pronoun
                )
            return NONE
        prev = None
        for p, sp in reversed(self.history):
            if p < pos:
                prev = (p, sp)
                break
        floor = art.paragraphs[max(0, para - 2)].start
        if pron in ("he", "she", "i"):
            # "she" is not a person called "Mr. X" (and "he" not "Ms. Y")
            wrong = {"he": "f", "she": "m"}.get(pron)
            skip = frozenset(n for n, g in self.gender.items() if g == wrong)
            if pron == "she" and self.not_women:
                # most people in the news are men and many names tell no sex: a woman the
                # article has marked as one, named in these paragraphs, is the likelier "she"
                if self.index.last_person_before(pos, floor, self.not_women) is not None:
                    skip = self.not_women
            last = self.index.last_person_before(pos, floor, skip)
            if pron != "i" and last is not None and self._met_by_the_writer(last, pos):
                # "When I called Doe again, I asked him for advice. “Wait,” he said": the
                # person the writer met or asked
                return Speaker(last.canonical, "person", last.start, last.end)
            if prev and prev[1].name in skip:
                prev = next(
                    (
                        (p, s)
                        for p, s in reversed(self.history)
                        if p < pos and s.kind == "person" and s.name not in skip
                    ),
                    None,
                )
            prev_person = (
                prev
                if prev and prev[1].kind == "person" and art.paragraph_at(prev[0]) >= para - 3
                else None
            )
            opener = False
            if last is not None and (
                not _subject_like(art.text, last) or self.in_content(last.start)
            ):
                subject = self._subject_of_sentence(last, skip)
                if (
                    prev_person is not None
                    and subject is not last
                    and art.paragraph_at(subject.start) == para
                    and subject.start > prev_person[0]
                ):
                    # "Pompeo declined to say whether he agreed with Bolton. “...,” he said":
                    # the subject of the sentence before, in the quote's paragraph
                    last, opener = subject, True
                else:
                    last = None if prev_person is not None else last
            right = {"he": "m", "she": "f"}.get(pron)
            if (
                last is not None
                and prev_person is not None
                and right
                and self.gender.get(prev_person[1].name) == right
                and self.gender.get(last.canonical) != right
            ):
                last = None  # "Ms. Lund ... Jang ... “...,” she said": the one known to be a she
            if last is not None and prev_person is None:
                # "Lee met Choe in Hanoi. “...,” he said": the subject, not the object, of the
                # sentence that named them
                last = self._subject_of_sentence(last, skip)
            if last is not None and (
                prev_person is None
                or (
                    last.start > prev_person[0]
                    and art.paragraph_at(last.start) == para
                    and last.canonical != prev_person[1].name
                    and (opener or _is_full_name(last) or self._opens_sentence(last))
                )
            ):
                return Speaker(last.canonical, "person", last.start, last.end)
            if prev_person is not None:
                return prev_person[1]
            # "Britain’s ambassador told ... ‘...,’ he said": a singular unnamed source
            last_any = next(((p, s) for p, s in reversed(self.history) if p < pos), None)
            if (
                pron != "i"
                and last_any
                and last_any[1].kind == "unnamed"
                and art.paragraph_at(last_any[0]) >= para - 1
            ):
                return last_any[1]
            return NONE
        if pron == "it":
            # "Pyongyang has said it will never give up its weapons, which it calls “…”": a
            # country or body that is a subject earlier in the same sentence comes first
            here = self._subject_body(art.sentences[art.sentence_at(pos)].start, pos)
            if here is not None:
                return here
        if prev and prev[1].kind in ("group", "unnamed", "country", "organization"):
            # "it" is a body or a country, never "a spokesman" or "officials"
            personal = (
                pron == "it"
                and prev[1].kind in ("group", "unnamed")
                and prev[1].name.lower().split()[-1] not in _IMPERSONAL_HEADS
            )
            if art.paragraph_at(prev[0]) >= para - 1 and not personal:
                return prev[1]
        if pron == "it":
            # "North Korea launched a rocket that it says ...", "Japan protested to Beijing over
            # what it called ...": the country or body that is a subject in this sentence or
            # the one before (not one after "to"/"with")
            si = art.sentence_at(pos)
            return self._subject_body(art.sentences[max(0, si - 1)].start, pos) or NONE
        return NONE

    def _subject_body(self, start: int, pos: int) -> Speaker | None:
        """The last country or organization between start and pos that is not inside a
        quote or a prepositional phrase."""
        for m in reversed(self.index.within(start, pos)):
            if (
                m.kind in ("country", "organization")
                and not self.index.inside_quote(m.start)
                and _subject_like(self.article.text, m)
            ):
                return Speaker(m.canonical, m.kind, m.start, m.end)
        return None


_PREP_END = re.compile(
    r"\b(?:with|of|to|for|by|from|at|on|in|about|against|between|and|than|like|toward|towards)"
    r"(?:[ \u00a0]+(?:the|a|an))?[ \u00a0]*$",
    re.IGNORECASE,
)


def _subject_like(text: str, m: Mention) -> bool:
    """Not inside a prepositional phrase ("a meeting with U.S. President Donald Trump")."""
    pre = text[max(0, m.start - 80) : m.start]
    title = title_before_regex().search(pre, max(0, len(pre) - 48))
    if title:  # "Secretary of State Rex Tillerson": the "of" is the title's
        pre = pre[: title.start()]
    pre = re.sub(r"(?:[A-Z][\w.’'\-]*[ \u00a0]+)*$", "", pre)  # titles, "U.S." before the name
    pre = re.sub(
        r"(?:[a-z]+[ \u00a0]+){0,2}$",
        lambda x: x.group() if _PREP_END.search(x.group()) else "",
        pre,
    )
    return not _PREP_END.search(pre)


_THE_STATEMENT = re.compile(
    r"(?:[Tt]he|[Tt]his|[Tt]hat)[ \u00a0]+(?:\w+[ \u00a0]+)?(?:statement|communique|communiqué|declaration|"
    r"announcement|dispatch|commentary|editorial)"
)


#: "the government declared ...": the country whose government was just reported.
_THE_GOVERNMENT = re.compile(r"(?:[Tt]he|[Ii]ts)[ \u00a0]+(?:government|regime|leadership)")


#: "the ministry", "the foreign ministry": a body whose country the article named just before.
#: The writer meeting someone: "when I spoke with", "I asked him", "I called Doe".
_WRITER_MET = re.compile(
    r"(?<![\w’'])I[ \u00a0]+(?:(?:again|later|first|then|recently)[ \u00a0]+)?(?:asked|called|spoke|"
    r"met|interviewed|visited|talked|reached|pressed|put|telephoned|phoned)\b"
)


_THE_BODY = re.compile(
    r"[Tt]he(?:[ \u00a0]+[a-z]+){0,2}[ \u00a0]+(?P<head>ministry|government|military|embassy)"
)


_COUNTRY_BODY = re.compile(
    r"(?:[’']s)?(?:[ \u00a0]+[a-z]+){0,2}[ \u00a0]+(?P<head>[Mm]inistry|[Mm]inister(?!s)|[Gg]overnment|[Mm]ilitary|"
    r"[Ee]mbassy)\b"
)


_ROLE_HEADS = frozenset(
    "president premier minister secretary leader chancellor chairman envoy ambassador "
    "spokesman spokeswoman negotiator king".split()
)


#: Heads of unnamed sources that "it" can stand for ("the ministry ... it said").
_IMPERSONAL_HEADS = frozenset(
    "ministry statement report media agency government council committee office department "
    "newspaper broadcaster television radio embassy military army command regime".split()
)


_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam)\.?[ \u00a0]+$")


def _genders(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Person -> "m"/"f" for he/she: the article's Mr. or Ms./Mrs. first, then a role noun
    ("spokeswoman"), the office-holders file, then the given name (given_names.csv)."""
    by_honorific: dict[str, str] = {}
    by_clue: dict[str, str] = {}
    by_key, _ = officeholder_index()
    given = given_name_genders()
    for m in mentions:
        if m.kind != "person" or m.canonical in by_honorific:
            continue
        h = _HONORIFIC_BEFORE.search(text, max(0, m.start - 8), m.start)
        if h:
            by_honorific[m.canonical] = "m" if h.group(1) == "Mr" else "f"
            continue
        if m.canonical in by_clue:
            continue
        role = _GENDERED_ROLE.search(m.title) if m.title else None
        appositive = _APPOSITIVE_ROLE.match(text, m.end) if role is None else None
        if appositive:  # "Jane Doe, a ministry spokeswoman,"
            role = _GENDERED_ROLE.search(appositive.group())
        holder = by_key.get(name_key(m.canonical))
        first = m.canonical.split()[0]
        clue = (
            ("f" if role.group("f") else "m")
            if role
            else (holder.gender if holder and holder.gender else given.get(first, ""))
        )
        if clue:
            by_clue[m.canonical] = clue
    return {**by_clue, **by_honorific}


_APPOSITIVE_ROLE = re.compile(r",[ \u00a0]+(?:a|an|the|his|her)[ \u00a0][^,;.]{1,50}")


_GENDERED_ROLE = re.compile(
    r"\b(?:(?P<f>spokeswoman|chairwoman|congresswoman|businesswoman|actress|wife|mother|"
    r"daughter|sister|queen|princess|first lady)|spokesman|congressman|businessman|husband|"
    r"father|son|brother|king|prince)\b",
    re.IGNORECASE,
)


def _is_full_name(m: Mention) -> bool:
    return len(m.text.split()) >= 2


# -- direct quotes ------------------------------------------------------------------------
def claim_row(article: Article, start: int, end: int, sp: Speaker, kind: str, cue=None) -> dict:
    return {
        "article": article.id,
        "claim": 0,
        "speaker": sp.name,
        "speaker_kind": sp.kind,
        "kind": kind,
        "text": article.text[start:end],
        "start": start,
        "end": end,
        "sentence": article.sentence_at(start),
        "paragraph": article.paragraph_at(start),
        "cue": cue[0] if cue else "",
        "cue_start": cue[1] if cue else pd.NA,
        "cue_end": cue[2] if cue else pd.NA,
    }


def whole_sentence(text: str, sent, q: Quote) -> bool:
    """A short quote that is a sentence of its own ("“I feel nothing.”"): someone's words,
    not a scare quote, even with three words or fewer."""
    return (
        not text[sent.start : q.open].strip()
        and text[q.start : q.end].rstrip()[-1:] in (".", "!", "?")
        and not text[q.close + 1 : sent.end].strip()
    )


SMALL_WORDS = frozenset("a an and the of in on for to at by with or from as vs".split())


_PASSIVE_LAST = frozenset(
    "is are was were be been being am seem seems seemed become became get got not the a an his "
    "her its their our this that these those whose my your to".split()
)


_LAST_WORDS = re.compile(r"[\w’'\-]+")


def last_words(before: str) -> list[str]:
    """The last three words of ``before``, lower case."""
    return [w.lower() for w in _LAST_WORDS.findall(before[-60:])[-3:]]


def passive_last(before: str) -> bool:
    """Same as ``_PASSIVE_BEFORE.search(before[-40:])``, checked cheaply first."""
    tail = before[-40:]
    if not tail[-1:].isspace():
        return False
    words = last_words(tail)
    if not words:
        return False
    w = words[-2] if words[-1].endswith("ly") and len(words) > 1 else words[-1]  # "is widely"
    if w in _PASSIVE_LAST or w[-1] in "’'" or w.endswith(("’s", "'s")) or w.endswith("ly"):
        return _PASSIVE_BEFORE.search(tail) is not None
    return False


_PRONOUN_OPENS = re.compile(r"[\s“\"‘']*(He|She|They|It)\b")


def sentence_subject(article, sent, limit: int, state: ClaimState) -> Speaker:
    """The first actor named in the sentence before ``limit`` (outside quotes); a person named
    in the first words wins over the country word before it ("South Korean President Moon");
    a sentence opening with "He"/"She"/"They"/"It" has that pronoun as its subject."""
    pron = _PRONOUN_OPENS.match(article.text, sent.start, limit)
    if pron:
        sp = state.resolve_pronoun(pron.group(1).lower(), pron.start(1))
        if sp.name:
            return sp
    begin = sent.start
    dateline = dateline_at(article.text, sent.start, limit)
    if dateline:  # "Seoul, South Korea (CNN) — North Korea ...": the place is not the subject
        begin = dateline.end()
    found = [
        m
        for m in state.index.within(begin, limit)
        if not state.index.inside_quote(m.start) and _subject_like(article.text, m)
    ]  # "Speaking in Seoul, ...", "the summit with Kim": not subjects
    if not found:
        return NONE
    first = found[0]
    text = article.text
    if (
        len(found) > 1
        and text[first.end : first.end + 2] in ("'s", "’s")
        and found[1].kind in ("organization", "person")
        and found[1].start - first.end <= 40
        and not re.search(r"[,;:]", text[first.end : found[1].start])
    ):
        first = found[1]  # "North Korea’s official KCNA news agency said": the agency
    if first.kind != "person":
        early = [
            m
            for m in found
            if m.kind == "person" and len(article.text[sent.start : m.start].split()) <= 10
        ]
        if early:
            first = early[0]
    return Speaker(first.canonical, first.kind, first.start, first.end)
