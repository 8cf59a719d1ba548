"""Claims (direct quotes and reported speech) and quoted terms.

Direct quotes come from :mod:`kit.extract.quotes`. Each is attributed, in order, to
the speaker named next to a reporting cue right after it ("...,” said X", "...,” he
says"), before it in the same sentence ("Kerry said, “..."", "Wang called it “clear
cut”"), to the speaker of another quote in the same sentence, or to the speaker of
the quote just before it (a quote running on without a new cue). Short quoted words
with no such cue are terms: scare quotes, titles of books or reports, nicknames.

Reported speech is a reporting cue from ``reporting_verbs.txt`` with a subject next to
it and a content clause: "Kerry said [the international community could ...]",
"[China is reluctant ...], Mr. Scobell says", "according to X, [...]".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

import pandas as pd

from ..article import Article
from ..data_files import abbreviations, read_lines
from ..schema import frame
from ..structure import dateline_at
from .actors import SKIP_ROLES, Mention
from .cues import (
    NONE,
    MentionIndex,
    Speaker,
    is_source_phrase,
    speaker_from_phrase,
    subject_before,
)
from .lexicon import (
    SP,
    cue_regex,
    given_name_genders,
    name_key,
    officeholder_index,
    person_titles,
    reporting_cues,
    title_before_regex,
    trie_regex,
)
from .quotes import Quote, find_quotes

FRAGMENT_WORDS = 3
_CUE_ALT = None


def _cue_alt() -> str:
    global _CUE_ALT
    if _CUE_ALT is None:
        # a trie, not a flat alternation: the end-anchored regexes try it at every position
        alt = trie_regex([c.replace(" ", "\0") for c in reporting_cues()])
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
_NPCH = (
    r"(?:[^,.;:“”\"()\u2014\u2013?!]|\.(?=\S)|\.(?:"
    + "|".join(f"(?<={a}\\.)" for a in _TITLE_ABBRS)
    + r"|(?<=\b[A-Z]\.)))"
)
# a full stop that ends a speaker phrase, not the one of "Mr." or an initial ("said Sen. Kim.")
# (the dot is matched first and the look-behinds include it: far fewer look-behinds run)
_ABBREVIATION_FREE_STOP = (
    r"\." + "".join(f"(?<!\\b{a}\\.)" for a in _TITLE_ABBRS) + r"(?<!\b[A-Z]\.)"
)


def _rx(name: str) -> re.Pattern[str]:
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
            "stop": rf",[ \u00a0]+(?:(?:while|as)[ \u00a0]+)?(?:{cue})\b|;",
            "coord": rf",?[ \u00a0]+(?:and|but)[ \u00a0]+(?:(?:then|also|has|have|had|later)[ \u00a0]+)?(?:{cue})\b",
        }
        _compiled[name] = re.compile(
            pats[name].replace("NPCH", _NPCH).replace("NOTABBR", _ABBREVIATION_FREE_STOP)
        )
    return _compiled[name]


_TITLE_BEFORE = re.compile(
    r"(?:book|books|film|movie|documentary|report|article|novel|memoir|essay|study|paper|op-ed|"
    r"column|song|album|play|series|programme|program|show|titled|entitled|headlined|speech|"
    r"poem|magazine|newspaper|blog|author[ \u00a0]+of|co-author[ \u00a0]+of|editor[ \u00a0]+of)"
    r"[\s,:]*(?:called[\s,:]*)?$",
    re.IGNORECASE,
)
_NICKNAME_BEFORE = re.compile(
    r"(?:dubbed|nicknamed|known(?:[ \u00a0]+[a-z]+(?:[ \u00a0]+the[ \u00a0]+[A-Z]\w*)?)?[ \u00a0]as|so-called|self-styled|self-proclaimed|named|code-?named|"
    r"referred[ \u00a0]to[ \u00a0]as|nickname|"
    # "what the military calls “hit-to-kill”": the writer names a term, nobody is quoted
    r"\bwhat[ \u00a0]+[^.,;:“”\"‘’]{1,50}?[ \u00a0]+(?:calls|call|dubs|terms|"
    r"likes[ \u00a0]+to[ \u00a0]+call)[ \u00a0]+"
    r"|(?:derided|derides|mocked|mocks|ridiculed|ridicules|lampooned|belittled|taunted|nicknamed|"
    r"dubbed)[ \u00a0]+(?:[^.,;:“”\"‘’]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\bMrs)\.){1,40}?"
    r"[ \u00a0]+as|"
    r"(?:is|are|was|were|been|being)[ \u00a0]+(?:hailed|called|described|labell?ed|branded|termed)"
    r"(?:[ \u00a0]+as)?)[\s,]*(?:the|a|an|his|her|its)?[\s]*$",
    re.IGNORECASE,
)
_ANY_VERB_AFTER = re.compile(
    r"^[ \u00a0]*(?P<np>(?:[^,.;:“”\"‘’()]|(?<=[A-Z])\.){1,40}?)[ \u00a0]+(?P<cue>[a-z]+(?:s|ed))"
    r"(?=[ \u00a0]*[.,;!?]|[ \u00a0]+(?:in|to|on|at|with|during|after)\b)"
)
_CONJ = re.compile(r"(?:and|but|or|while|as|so|because|although|though|if|when)\b")
# “...,” the agency quoted him as saying
_QUOTED_AS = re.compile(
    r"^[\s,]*[^.“”\"]{0,60}?(?P<cue>quoted)[ \u00a0]+(?P<pron>him|her|[A-Z][^.“”\"]{1,40}?"
    r"|(?:a|an|the|one)[ \u00a0]+[^.“”\"]{1,50}?)[ \u00a0]+as[ \u00a0]+saying"
)
# “...,” Mr. Kim was quoted as saying by KCNA.
_WAS_QUOTED = re.compile(
    r"^[\s,]*(?P<np>[^.“”\"]{1,60}?)[ \u00a0]+(?P<cue>was[ \u00a0]+quoted|were[ \u00a0]+quoted)[ \u00a0]+as[ \u00a0]+saying"
)
_QUOTED_AS_SAYING = re.compile(
    r"\bquoted[ \u00a0]+(?P<np>[^.,;“”\"]{1,60}?)[ \u00a0]+as[ \u00a0]+$"  # before "saying"/"telling"
)
_QUOTED_BEFORE = re.compile(
    r"(?:quoted[ \u00a0]+(?P<np>[^.,;“”\"]{1,50}?)|(?P<np2>[A-Z][^.,;“”\"]{0,50}?)[ \u00a0]+(?:was|were)"
    r"[ \u00a0]+quoted(?:[ \u00a0]+by[ \u00a0]+[^.,;“”\"]{1,40}?)?)[ \u00a0]+as[ \u00a0]+"
    r"(?P<cue>saying)[\s,:]*(?:that[ \u00a0]+)?$"
)
_LABEL_AFTER = re.compile(
    r"[ \u00a0]+(?:label|slogan|tag|moniker|phrase|catchphrase|doctrine|nickname|motto|rhetoric|"
    r"speech|remark|comment)s?\b"
)
_CALLED = re.compile(
    r"(?<!so-)\b(?P<cue>called|calling|calls|call|described|describing|describes|describe|termed|"
    r"labell?ed|branded|characterized|characterised|pledged?|pledges|threat|threats|threatened|"
    r"vow(?:ed|s)?|warn(?:ed|ing|s)?|statement|remarks?|words|urged|rejected|dismissed|"
    r"denounced|condemned|criticized|criticised|hailed|praised|demand(?:ed|s)?|"
    r"express(?:ed|es)?|voiced|conveyed)\b[^.“”\"]{0,120}$",
)
_SPEECH_NOUNS = {
    "pledge",
    "pledges",
    "threat",
    "threats",
    "warning",
    "statement",
    "remark",
    "remarks",
    "words",
}
_NO_REPORTED = {
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
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|should|must|"
    r"does|do|did|won[’']t|can[’']t|isn[’']t|wasn[’']t|aren[’']t|doesn[’']t|didn[’']t|"
    r"hasn[’']t|haven[’']t|wouldn[’']t|shouldn[’']t)\b",
    re.IGNORECASE,
)
_MODAL_BEFORE = re.compile(
    r"\b(?:could|would|might|may|can|will|should|must|to)[ \u00a0]+$", re.IGNORECASE
)
_REST_SUBORDINATE = re.compile(
    r"(?:and|as|when|while|after|before|because|since|although|though|if|amid|despite|with|who|"
    r"which|where|prompting|raising|making|leaving)\b"
)
_PP_TAIL = r"(?:(?!\bthat\b)[^,.;“”\"]){0,40}?"  # "said on Monday that ...": content follows
_ADVERBIAL_AFTER = re.compile(
    r"^[ \u00a0]+(?:"
    rf"(?:on|in|at|during|after|before)\b{_PP_TAIL}"
    rf"|(?:last|this|late|earlier|later)\b{_PP_TAIL}"
    # a day, then only a part of it or a phrase with a preposition: not "said Thursday the
    # talks had failed", whose content follows the day
    r"|(?:yesterday|today|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?:[ \u00a0]+(?:morning|afternoon|evening|night))?"
    rf"(?:[ \u00a0]+(?:in|at|on|during|after|before|while|from|to)\b{_PP_TAIL})?"
    r")(?=[,.;]|$)"
)
_WHEN_AFTER_CUE = re.compile(
    r"(?:on[ \u00a0]+)?(?:last|this|next|on|late|early|earlier|later)?[ \u00a0]*"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|weekend|"
    r"yesterday|today|tonight|morning|evening)[ \u00a0]+"
    # "said afterward that ...", "said separately that ..."
    r"|(?:afterwards?|later|earlier|separately|privately|publicly|repeatedly|again|recently)"
    r"[ \u00a0]+(?=that[ \u00a0])"
)
_SUBORDINATE = re.compile(
    r"^(?:Given|If|When|Although|Though|While|Because|Since|As|After|Before|Despite|Unless|With|"
    r"Once|Until|Whether)\b"
)
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|am|seem|seems|seemed|become|became|get|got|not)|[’']s|"
    r"\b(?:the|a|an|his|her|its|their|our|this|that|these|those|whose|my|your|to)|[’']|s[’'])"
    r"[ \u00a0]+(?:\w+ly[ \u00a0]+)?$",
    re.IGNORECASE,
)
_PREP_START = re.compile(
    r"^(?:(?:right|shortly|soon|just|immediately)[ \u00a0]+)?"
    r"(?:in|on|at|during|after|before|from|with|to|for|by|over|about|of|against|late|earlier|later|"
    r"last|this|reporters|journalists|the\s+\w+\s+news|it\s+clear)\b",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(
    r",[ \u00a0]+(?!(?:including|excluding|during|regarding|concerning|notwithstanding)\b)"
    r"[a-z]+ing\b"
)
#: Common verbs of a present-tense clause ("analysts believe neither side wants a war").
_PRESENT_VERB = re.compile(
    r"\b(?:wants|needs|remains|seems|lies|holds|plans|intends|hopes|expects|knows|wishes|means|"
    r"depends|faces|sees|looks|appears|continues|stands|lacks|controls|poses|represents|risks|"
    r"gets|makes|takes|gives|goes|comes|keeps|works|tries|feels|owns|fears)\b"
)
_GERUND_LIST = re.compile(r"[^.;]{0,80}?,[ \u00a0]+and[ \u00a0]+[a-z]+ing\b")
_CITING_THAT = re.compile(r"(?:citing|quoting)[ \u00a0][^,.;“”\"]{2,60},[ \u00a0]+that[ \u00a0]+")
_SEVERAL_CUE = re.compile(
    r",?[ \u00a0]+(?:and|but)[ \u00a0]+(?:some|several|many|others|most|one|two|three|a[ \u00a0]+few)"
    r"(?:[ \u00a0]+[a-z]+)?[ \u00a0]+(?:said|warned|cautioned|added|noted|argued|insisted|"
    r"believe|believed|say)\b"
)
_ED_WORD = re.compile(r"\b[a-z]{3,}ed\b")
_NOT_TO_BE = re.compile(r"not[ \u00a0]+to[ \u00a0]+be\b")
_THAT_LATER = re.compile(r"^(?:[^.;“”\"]|\.(?=\S)){0,140}?\bthat[ \u00a0]+")
_SENT_END = re.compile(r"^[\s.!?\"”’')\]]*$")
_INVERTED_NP = re.compile(
    rf"^[ \u00a0]+(?P<np>(?:[^,.;:“”\"()]|\.(?=\S)|(?<=\b[A-Z][a-z])\.|(?<=\bMrs)\.|(?<=\bProf)\.|(?<=\b[A-Z])\.)"
    rf"{{1,60}}?)(?=[,;:]|{_ABBREVIATION_FREE_STOP}|$)"
)
_AND_BEFORE = re.compile(r"\b(?:and|but)[ \u00a0]+(?:(?:then|also|has|have|had|later)[ \u00a0]+)?$")
_QUOTE_NEXT = re.compile(r"^[\s,:]*(?:that[ \u00a0]+)?[“\"‘']")
#: "warned that “all options are on the table”": a quote that is also the reported clause
_THAT_QUOTE = re.compile(r"^[ \u00a0]+that[ \u00a0]+[“\"‘']")
_NP_THEN_QUOTE = re.compile(r"^[ \u00a0]+[^,.;“”\"]{1,60},[ \u00a0]*[“\"]")  # not a closing mark
_STOP_IN = re.compile(r"[.;!?](?:\s|$)")
_CONJ_START = re.compile(r"(?:and|but|or|while|as)\b")
_LEAD_PUNCT = re.compile(r"^[\s,:]*")
_THAT_START = re.compile(r"that[ \u00a0]+")


class _State:
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
        """ "Trump himself weighed in online": the name is the first words of its sentence."""
        sent = self.article.sentences[self.article.sentence_at(m.start)]
        return not self.article.text[sent.start : m.start].strip(" \u00a0“”\"‘’'")

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
                last = (
                    None  # "Ms. Whitfield ... Jang ... “...,” she said": the one known to be a she
                )
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
            s0 = art.sentences[max(0, si - 1)].start
            for m in reversed(self.index.within(s0, pos)):
                if (
                    m.kind in ("country", "organization")
                    and not self.index.inside_quote(m.start)
                    and _subject_like(art.text, m)
                ):
                    return Speaker(m.canonical, m.kind, m.start, m.end)
        return NONE


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
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|[’']s)[ \u00a0\n]+$", re.IGNORECASE
)
_OPENING_MARK = re.compile(r"(?:^|[ \u00a0])[‘“\"']")
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


def _mentions_from(mentions) -> list[Mention]:
    if isinstance(mentions, pd.DataFrame):
        return [
            Mention(int(r.start), int(r.end), str(r.kind), str(r.actor), str(r.text))
            for r in mentions.itertuples(index=False)
        ]
    return list(mentions)


def extract_claims(article: Article, mentions) -> dict[str, pd.DataFrame]:
    """{"claims": one row per claim, "terms": scare quotes, titles, nicknames}.

    ``mentions`` is the mentions table (or the list of ``Mention`` objects) of the article.
    """
    rows = claim_rows(article, mentions)
    return {"claims": frame("claims", rows["claims"]), "terms": frame("terms", rows["terms"])}


@cache
def _off_story_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("not_story_lines.txt")))


def _off_story_paragraphs(article: Article) -> set[int]:
    """Paragraphs such as "READ MORE: ..." or newsletter lines: not part of the story."""
    rx = _off_story_regex()
    return {p.index for p in article.paragraphs if rx.match(article.text, p.start)}


def claim_rows(article: Article, mentions) -> dict[str, list[dict]]:
    """{"claims", "terms"} as lists of row dicts (DataFrames can then be built in bulk)."""
    ments = [m for m in _mentions_from(mentions) if m.kind != "block"]
    ments.sort(key=lambda m: m.start)
    quotes = find_quotes(article, SKIP_ROLES)
    index = MentionIndex(ments, [(q.open, q.close + 1) for q in quotes])
    state = _State(article, index)
    claims: list[dict] = []
    terms: list[dict] = []
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault(article.sentence_at(q.open), []).append(q)
    cues_in: dict[int, list[re.Match]] = {}
    for cm in cue_regex().finditer(article.text):
        cues_in.setdefault(article.sentence_at(cm.start()), []).append(cm)
        state.cue_starts.append(cm.start())
    off_story = _off_story_paragraphs(article)
    for sent in article.sentences:
        if article.paragraphs[sent.paragraph].role in SKIP_ROLES or sent.paragraph in off_story:
            continue
        qs = by_sentence.get(sent.index, [])
        if qs:
            _attribute_quotes(article, sent, qs, state, claims, terms)
        if sent.index in cues_in:
            _reported(article, sent, cues_in[sent.index], state, claims)
    _fragments_in_reported(article, claims, terms)
    _lead_sources(article, claims)
    _display_quotes_repeat_the_body(article, claims)
    claims.sort(key=lambda c: c["start"])
    for i, c in enumerate(claims, 1):
        c["claim"] = i
        c.pop("_cue_before", None)
    return {"claims": claims, "terms": terms}


_DISPLAY_ROLES = frozenset(("headline", "standfirst", "subheading"))
_WORD = re.compile(r"\w+")


def _display_quotes_repeat_the_body(article, claims: list[dict]) -> None:
    """A quote in a headline, standfirst or subheading with no cue of its own (“‘Not the right
    deal’: Trump walks out”) repeats words quoted in the body: it takes their speaker."""
    body = [
        (" ".join(_WORD.findall(c["text"].lower())), c)
        for c in claims
        if c["kind"] == "quote"
        and c["speaker"]
        and article.paragraphs[c["paragraph"]].role not in _DISPLAY_ROLES
    ]
    for c in claims:
        if (
            c["kind"] != "quote"
            or c["cue"]
            or (article.paragraphs[c["paragraph"]].role not in _DISPLAY_ROLES)
        ):
            continue
        words = " ".join(_WORD.findall(c["text"].lower()))
        if len(words.split()) < 2:
            continue
        source = next((b for text, b in body if f" {words} " in f" {text} "), None)
        if source is not None:
            c["speaker"], c["speaker_kind"] = source["speaker"], source["speaker_kind"]


_SMALL_WORDS = frozenset("of the and a an in on for to at by or with".split())


def _title_case(text: str) -> bool:
    """ "The Interview", "Guardians of Peace": every main word capitalized, a name or title."""
    words = [w.strip(".,;:!?’'\"") for w in text.split()]
    main = [w for i, w in enumerate(words) if w and (i == 0 or w.lower() not in _SMALL_WORDS)]
    return len(words) >= 2 and bool(main) and all(w[:1].isupper() for w in main)


def _fragments_in_reported(article, claims: list[dict], terms: list[dict]) -> None:
    """Words quoted inside "X said that ... “..." ..." are X's words, not scare quotes; a short
    quote whose own cue lies inside that content ("X told reporters that Seoul would respond
    “flexibly”") is X's too, not the content's subject's."""
    hosts = [c for c in claims if c["kind"] == "reported" and c.get("_cue_before") and c["speaker"]]
    for c in claims:  # a quote left without a speaker inside someone's reported content is theirs
        if c["kind"] == "quote" and not c["speaker"]:
            host = next(
                (h for h in hosts if h["start"] <= c["start"] and c["end"] <= h["end"]), None
            )
            if host is not None:
                c["speaker"], c["speaker_kind"] = host["speaker"], host["speaker_kind"]
    for c in claims:
        if (
            c["kind"] != "quote"
            or c["cue_start"] is pd.NA
            or len(c["text"].split()) > FRAGMENT_WORDS
        ):
            continue
        cue = " ".join(c["cue"].lower().split())
        own_host = any(h["cue_start"] == c["cue_start"] for h in hosts)  # "expressed [hope]"
        if cue in _NO_REPORTED or (cue not in reporting_cues() and not own_host):
            continue  # "Kerry said China had called the plan “clear cut”": China's words
        for h in hosts:
            if (
                (h["start"] <= c["cue_start"] or h["cue_start"] == c["cue_start"])
                and c["end"] <= h["end"]
                and h["speaker"] != c["speaker"]
            ):  # inside the content, or the very cue that introduced it ("urged X “...”")
                c["speaker"], c["speaker_kind"] = h["speaker"], h["speaker_kind"]
                break
    keep = []
    for t in terms:
        host = next(
            (
                c
                for c in claims
                if c["kind"] == "reported"
                # content before its cue ("..., the agency said"): a quoted phrase in it is
                # the speaker's; one quoted word ("the U.S. ‘pivot’ ..., experts say") a term
                and (c.get("_cue_before") or len(t["text"].split()) >= 2)
                and c["start"] <= t["start"]
                and t["end"] <= c["end"]
            ),
            None,
        )
        if (
            host is None
            or t["kind"] != "scare_quote"
            or not host["speaker"]
            or _title_case(t["text"])
        ):
            keep.append(t)
            continue
        sp = Speaker(host["speaker"], host["speaker_kind"])
        row = _claim_row(article, t["start"], t["end"], sp, "quote")
        claims.append(row)
    terms[:] = keep


_LEAD_ROLES = ("headline", "standfirst")
_PERSON_ROLE = re.compile(
    r"\b(?:head|chief|envoy|delegate|official|spokes(?:man|woman|person)|minister|negotiator|"
    r"leader|diplomat|ambassador|representative|adviser|advisor|aide|secretary|president)\b",
    re.IGNORECASE,
)
_NAME_COLON = re.compile(r":[ \u00a0]*$")


def _lead_sources(article, claims: list[dict]) -> None:
    """A headline's "says envoy" or a lede's "the head of the delegation" is usually the person
    named as a speaker just after: give such top-of-story unnamed speakers that person's name."""
    paras = article.paragraphs
    body = [p.index for p in paras if p.role == "body"]
    if not body:
        return
    lede_end = body[min(1, len(body) - 1)]
    ordered = sorted(claims, key=lambda c: c["start"])
    for c in ordered:
        role = paras[c["paragraph"]].role
        singular = c["speaker_kind"] == "unnamed" or (
            role in _LEAD_ROLES and c["speaker_kind"] in ("", "group") and not c["speaker"]
        )
        if not singular:
            continue
        if c["speaker"] and not _PERSON_ROLE.search(c["speaker"]):
            continue  # "the military", "state media": not one person to be named later
        if role not in _LEAD_ROLES and not (
            c["paragraph"] <= lede_end and c["speaker"].lower().startswith("the ")
        ):
            continue
        if role not in _LEAD_ROLES and c["paragraph"] > lede_end:
            continue
        nxt = next(
            (
                d
                for d in ordered
                if d["start"] > c["end"]
                and d["speaker_kind"] == "person"
                and paras[d["paragraph"]].role == "body"
                and d["paragraph"] <= lede_end + 2
            ),
            None,
        )
        if nxt is not None:
            c["speaker"], c["speaker_kind"] = nxt["speaker"], "person"


# -- direct quotes ------------------------------------------------------------------------
def _claim_row(article: Article, start: int, end: int, sp: Speaker, kind: str, cue=None) -> dict:
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


def _whole_sentence(text: str, sent, q: Quote) -> bool:
    """A short quote that is a sentence of its own ("“I feel nothing.”"): someone's words,
    not a scare quote, even with three words or fewer."""
    return (
        not text[sent.start : q.open].strip()
        and text[q.start : q.end].rstrip()[-1:] in (".", "!", "?")
        and not text[q.close + 1 : sent.end].strip()
    )


def _attribute_quotes(article, sent, qs: list[Quote], state: _State, claims, terms) -> None:
    text = article.text
    found: list[tuple[Quote, Speaker, tuple | None, str]] = []  # quote, speaker, cue, how
    for q in qs:
        before = text[sent.start : q.open]
        nwords = len(text[q.start : q.end].split())
        fragment = nwords <= FRAGMENT_WORDS
        last = _last_words(before)
        if last[-1:] and last[-1] in _TITLE_LAST and _TITLE_BEFORE.search(before[-60:]):
            found.append((q, NONE, None, "title"))
            continue
        if _titled_after_work(before, text[q.start : q.end]):
            found.append((q, NONE, None, "title"))
            continue
        if _nickname_cue_last(last) and _NICKNAME_BEFORE.search(before[-80:]):
            found.append((q, NONE, None, "nickname"))
            continue
        if nwords <= 4 and _LABEL_AFTER.match(text, q.close + 1):
            found.append((q, NONE, None, "nickname"))
            continue
        sp, cue = _after_cue(article, sent, q, state, allow_gap=not fragment)
        if not sp.name:
            sp, cue = _before_cue(article, sent, q, state, fragment)
        found.append((q, sp, cue, "quote" if sp.name else ""))
    # quotes of one sentence share a speaker; fragments joined by "and"/"or" too
    for i, (q, _sp, _cue, how) in enumerate(found):
        if how:
            continue
        nwords = len(text[q.start : q.end].split())
        sibling = _sibling(found, i, text, nwords <= FRAGMENT_WORDS)
        if sibling is not None:
            found[i] = (q, sibling, None, "quote")
    for i, (q, _sp, _cue, how) in enumerate(found):
        nwords = len(text[q.start : q.end].split())
        if how == "" and (nwords > FRAGMENT_WORDS or _whole_sentence(text, sent, q)):
            prev = _colon_intro_speaker(article, q, state) or _previous_quote_speaker(
                article, q, claims
            )
            found[i] = (q, prev, None, "quote")
        elif (
            how == ""
            and article.paragraphs[q.paragraph].role in ("headline", "standfirst")
            and nwords > 1
        ):
            # "Kim: ‘We will never give up’" -- a name and a colon before a headline quote
            colon = _NAME_COLON.search(text, max(0, q.open - 40), q.open)
            hit = state.index.ending_at(q.open - len(colon.group())) if colon else None
            if hit is not None:
                found[i] = (q, Speaker(hit.canonical, hit.kind, hit.start, hit.end), None, "quote")
    for q, sp, cue, how in found:
        if how in ("title", "nickname") or how == "":
            kind = {"title": "title", "nickname": "nickname"}.get(how, "scare_quote")
            terms.append(
                {
                    "article": article.id,
                    "text": text[q.start : q.end],
                    "kind": kind,
                    "start": q.start,
                    "end": q.end,
                    "sentence": article.sentence_at(q.start),
                }
            )
            continue
        sp = state.definite(sp)
        claims.append(_claim_row(article, q.start, q.end, sp, "quote", cue))
        state.remember(q.start, sp)


_WORK_NOUN = re.compile(
    r"\b(?:book|report|study|paper|documentary|film|article|memoir|novel|essay|album|song|op-ed|"
    r"column|series|survey|white[ \u00a0]+paper|analysis|briefing)\b",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_SMALL_WORDS = frozenset("a an and the of in on for to at by with or from as vs".split())


# Quick checks on the last words before a quote or cue, so that the end-anchored regexes
# (which try every position of their window) run only where they can match.
_TITLE_LAST = frozenset(
    "book books film movie documentary report article novel memoir essay study paper op-ed column "
    "song album play series programme program show titled entitled headlined speech poem magazine "
    "newspaper blog called of".split()  # ("the author of “...”": see _TITLE_BEFORE)
)
_NICKNAME_LAST = frozenset(
    "dubbed nicknamed as so-called self-styled self-proclaimed named nickname hailed called "
    "described labeled labelled branded termed calls call dubs terms".split()
)
_DETERMINER_LAST = frozenset(("the", "a", "an", "his", "her", "its"))
_PASSIVE_LAST = frozenset(
    "is are was were be been being am seem seems seemed become became get got not the a an his "
    "her its their our this that these those whose my your to".split()
)
_LAST_WORDS = re.compile(r"[\w’'\-]+")


def _last_words(before: str) -> list[str]:
    """The last three words of ``before``, lower case."""
    return [w.lower() for w in _LAST_WORDS.findall(before[-60:])[-3:]]


def _nickname_cue_last(last: list[str]) -> bool:
    if last and last[-1] in _DETERMINER_LAST:
        last = last[:-1]
    return bool(last) and last[-1] in _NICKNAME_LAST


def _passive_last(before: str) -> bool:
    """Same as ``_PASSIVE_BEFORE.search(before[-40:])``, checked cheaply first."""
    tail = before[-40:]
    if not tail[-1:].isspace():
        return False
    words = _last_words(tail)
    if not words:
        return False
    w = words[-2] if words[-1].endswith("ly") and len(words) > 1 else words[-1]  # "is widely"
    if w in _PASSIVE_LAST or w[-1] in "’'" or w.endswith(("’s", "'s")) or w.endswith("ly"):
        return _PASSIVE_BEFORE.search(tail) is not None
    return False


def _titled_after_work(before: str, quoted: str) -> bool:
    """ "A report by the Stimson Center, “The Long Shadow of Sanctions,” found ...": a title in
    Title Case set off by a comma after a report/book/study named in the same sentence."""
    if not before.rstrip(" \u00a0").endswith(","):
        return False
    words = _TITLE_WORD.findall(quoted)
    if len(words) < 2 or not words[0][0].isupper():
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and all(w[0].isupper() for w in big) and bool(_WORK_NOUN.search(before[-140:]))


def _cue_tuple(base: int, m: re.Match, group: str = "cue") -> tuple[str, int, int]:
    return (m.group(group), base + m.start(group), base + m.end(group))


_MODIFIED_NOUN = re.compile(r"[ \u00a0]+(?!(?:he|she|they|it|we|i|one|officials?)\b)[a-z]")


def _after_cue(article, sent, q: Quote, state: _State, allow_gap: bool):
    text = article.text
    if (
        text[sent.start : q.open].strip()
        and text[q.end - 1 : q.end] == "."
        and not text[q.close + 1 : sent.end].strip()
    ):
        # "... would respond “with measures that will be felt.” White House officials said":
        # the full stop ends the sentence that carried the quote; the cue is the next one's
        return NONE, None
    para = article.paragraphs[article.paragraph_at(q.close)]
    base = q.close + 1
    window = text[base : min(para.end, base + 160)]
    resolve = state.resolve_pronoun
    idx = state.index
    if not allow_gap and text[q.end - 1 : q.end] not in ",.?!" and _MODIFIED_NOUN.match(window):
        return NONE, None  # "a ‘peaceful’ mission to ...": the quoted word modifies a noun
    was = _WAS_QUOTED.match(window)
    if was:
        sp = speaker_from_phrase(text, base + was.start("np"), base + was.end("np"), idx, resolve)
        if sp.name:
            return sp, _cue_tuple(base, was)
    quoted = _QUOTED_AS.match(window)
    if quoted:
        sp = state.resolve_pronoun("he", base + quoted.start("pron"))
        if quoted.group("pron").lower() not in ("him", "her"):
            sp = speaker_from_phrase(
                text, base + quoted.start("pron"), base + quoted.end("pron"), idx, resolve
            )
        if sp.name:
            return sp, _cue_tuple(base, quoted)
    # the cue patterns below need a reporting cue in the window: look it up in the article's
    # cue index first (most quotes have none after them)
    has_cue = bool(state.cues_between(base, base + len(window)))
    m = _rx("cue_np").match(window) if has_cue else None
    if m and reporting_cues().get(" ".join(m.group("cue").lower().split())) == "object":
        m = None  # "‘...’ pointed to an accident": the quote is the subject, not a speaker's words
    if m and not _PREP_START.match(m.group("np")) and not _CONJ.match(m.group("np")):
        sp = speaker_from_phrase(text, base + m.start("np"), base + m.end("np"), idx, resolve)
        if sp.name:
            return sp, _cue_tuple(base, m)
    m = _rx("np_cue").match(window) if has_cue else None
    head_np = m.group("np").split(",")[0] if m else ""
    if (
        m
        and not _CONJ.match(m.group("np").strip(" ,\u00a0"))
        and not _FINITE.search(head_np)
        and len(head_np.split()) <= (12 if _DESCRIBED_SOURCE.match(head_np) else 7)
    ):
        sp = speaker_from_phrase(text, base + m.start("np"), base + m.end("np"), idx, resolve)
        if not sp.name and "," in m.group("np"):
            # a long appositive: "Marcus Feld, a senior fellow at ... in Seoul, told": its head
            head_end = base + m.start("np") + m.group("np").index(",")
            sp = speaker_from_phrase(text, base + m.start("np"), head_end, idx, resolve)
        if not sp.name and m.group("np").strip().endswith(","):
            sp = NONE
        if sp.name:
            return sp, _cue_tuple(base, m)
    # “...,” one official grumbled. -- any verb right after a quote that ends in a comma
    if text[q.end - 1 : q.end] in ",?!" or text[q.close - 1 : q.close] in ",?!":
        g = _ANY_VERB_AFTER.match(window)
        if g and not _CONJ.match(g.group("np")) and not _FINITE.search(g.group("np")):
            sp = speaker_from_phrase(text, base + g.start("np"), base + g.end("np"), idx, resolve)
            if sp.name:
                return sp, _cue_tuple(base, g)
    if allow_gap:
        for name in ("gap_cue_np", "gap_np_cue") if has_cue else ():
            m = _rx(name).match(window)
            if m and not re.match(r"(?:and|but|or|while|as|so)\b", m.group("np").strip()):
                sp = speaker_from_phrase(
                    text, base + m.start("np"), base + m.end("np"), idx, resolve
                )
                if sp.name:
                    return sp, _cue_tuple(base, m)
        # ", according to X." at the end of the sentence
        rest = text[base : sent.end]
        late = re.search(
            r",[ \u00a0]+(?P<cue>[Aa]ccording[ \u00a0]+to)[ \u00a0]+(?P<np>[^,.;:“”\"]{1,80}?)[.!?]?$",
            rest,
        )
        if late:
            sp = speaker_from_phrase(
                text, base + late.start("np"), base + late.end("np"), idx, resolve
            )
            if sp.name:
                return sp, _cue_tuple(base, late)
    return NONE, None


def _before_cue(article, sent, q: Quote, state: _State, fragment: bool):
    text = article.text
    before_start = sent.start
    # only the text since the previous quote closed in this sentence
    before = text[before_start : q.open]
    resolve = state.resolve_pronoun
    idx = state.index
    # "KCNA quoted Kim as saying: “..." / "Kim was quoted as saying “..."
    qa = _QUOTED_BEFORE.search(before, max(0, len(before) - 120))
    if qa:
        np_s, np_e = (
            (qa.start("np"), qa.end("np")) if qa.group("np") else (qa.start("np2"), qa.end("np2"))
        )
        sp = speaker_from_phrase(text, before_start + np_s, before_start + np_e, idx, resolve)
        if sp.name:
            return sp, ("saying", before_start + qa.start("cue"), before_start + qa.end("cue"))
    # the regexes below are anchored at the end: search only the last stretch (fast)
    near = max(0, len(before) - 90)
    m = (
        _rx("cue_end").search(before, near)
        if state.cues_between(before_start + near, q.open)
        else None
    )
    if m and _DETERMINER_BEFORE.search(
        before,
        max(0, m.start("cue" if m.group("cue") else "cue2") - 14),
        m.start("cue" if m.group("cue") else "cue2"),
    ):
        m = None  # "called the North's claim “deeply regrettable”": a noun, not a cue
    if m:
        g = "cue" if m.group("cue") else "cue2"
        cue_s = before_start + m.start(g)
        cue = (m.group(g), cue_s, before_start + m.end(g))
        if m.group(g).endswith("ing") and before[: m.start(g)].rstrip().endswith(","):
            sp = _last_speaker_in(state, sent) or _sentence_subject(article, sent, cue_s, state)
        else:
            sp = subject_before(text, before_start, cue_s, idx, resolve)
        if sp.name:
            return sp, cue
    c = _CALLED.search(before, max(0, len(before) - 220))
    if c and any(
        not idx.inside_quote(p) and not _DETERMINER_BEFORE.search(text, max(0, p - 14), p)
        for p in state.cues_between(before_start + c.end("cue"), q.open)
    ):
        c = None  # "X called it ‘...’ and Y said it was ‘...’": the later cue's subject speaks
    if c:
        cue_s = before_start + c.start("cue")
        cue = (c.group("cue"), cue_s, before_start + c.end("cue"))
        word = c.group("cue").lower()
        sp = NONE
        if word not in _SPEECH_NOUNS:
            sp = subject_before(text, before_start, cue_s, idx, resolve)
        if not sp.name:
            sp = _sentence_subject(article, sent, cue_s, state)
        if sp.name:
            return sp, cue
    if fragment:
        return NONE, None
    # a cue earlier in the sentence, before the quote: "Carpenter said, changing ... would “require"
    earlier = list(cue_regex().finditer(text, before_start, q.open))
    for i, cm in enumerate(earlier):
        if idx.inside_quote(cm.start()):
            continue
        if cm.group().lower().startswith("according") and i + 1 < len(earlier):
            continue  # "According to two officials, X ... said ... “...”": X's
        sp = subject_before(text, before_start, cm.start(), idx, resolve)
        if sp.name:
            return sp, (cm.group(), cm.start(), cm.end())
    return NONE, None


def _last_speaker_in(state: _State, sent) -> Speaker | None:
    for pos, sp in reversed(state.history):
        if sent.start <= pos < sent.end:
            return sp
        if pos < sent.start:
            break
    return None


#: "the owner of a clothing firm with a plant in Kaesong": a described source may run long.
_DESCRIBED_SOURCE = re.compile(r"[ \u00a0]*(?:the|a|an|one)[ \u00a0]+[a-z]")
_PRONOUN_OPENS = re.compile(r"[\s“\"‘']*(He|She|They|It)\b")


def _sentence_subject(article, sent, limit: int, state: _State) -> Speaker:
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


def _sibling(found, i, text, fragment: bool) -> Speaker | None:
    q = found[i][0]
    # the next attributed quote in the sentence (“A” from X – “B,” says Y), then the previous one
    for j in list(range(i + 1, len(found))) + list(range(i - 1, -1, -1)):
        q2, sp2, _, how2 = found[j]
        if how2 != "quote" or not sp2.name:
            continue
        if fragment:
            lo, hi = (q2.close + 1, q.open) if j < i else (q.close + 1, q2.open)
            between = text[lo:hi].strip(" ,\u00a0")
            if between.lower() not in ("and", "or", "but", "", "and then", "but also"):
                return None
        return sp2
    return None


def _colon_intro_speaker(article, q: Quote, state: _State) -> Speaker | None:
    """A quote opening a paragraph after "Kim said in his speech:" is Kim's."""
    text = article.text
    para = article.paragraphs[q.paragraph]
    if q.paragraph == 0 or text[para.start : q.open].strip():
        return None
    prev = article.paragraphs[q.paragraph - 1]
    ptext = text[prev.start : prev.end].rstrip()
    if not ptext.endswith(":"):
        return None
    sent = article.sentences[article.sentence_at(prev.start + len(ptext) - 1)]
    for cm in cue_regex().finditer(text, sent.start, prev.start + len(ptext)):
        if state.index.inside_quote(cm.start()):
            continue
        sp = subject_before(text, sent.start, cm.start(), state.index, state.resolve_pronoun)
        if sp.name:
            return sp
    return None


_CONTINUING_KINDS = ("person", "unnamed", "organization", "country")


def _previous_quote_speaker(article, q: Quote, claims: list[dict]) -> Speaker:
    """A quote with no cue continues the quote just before it (same or previous paragraph);
    failing that, it follows "X said ..." in the sentence or paragraph before."""
    role = article.paragraphs[q.paragraph].role
    sent = article.sentences[article.sentence_at(q.open)] if article.sentences else None
    # words quoted inside the writer's own sentence ("became a “strong and prosperous nation”")
    # continue a speaker only in the same paragraph
    embedded = sent is not None and bool(article.text[sent.start : q.open].strip(" \u00a0“\"‘'"))
    first_paragraph = q.paragraph if embedded else q.paragraph - 1
    for kind in ("quote", "reported"):
        for c in sorted(claims, key=lambda c: c["start"], reverse=True):
            if c["kind"] != kind or c["start"] >= q.start:
                continue
            near = (
                c["paragraph"] >= first_paragraph
                and article.paragraphs[c["paragraph"]].role == role
            )
            if near and (kind == "quote" or c["speaker_kind"] in _CONTINUING_KINDS):
                return Speaker(c["speaker"], c["speaker_kind"])
            break
    return NONE


# -- reported speech --------------------------------------------------------------------------
def _reported(article, sent, cues: list[re.Match], state: _State, claims) -> None:
    text = article.text
    s0, s1 = sent.start, sent.end
    idx = state.index
    cue_kinds = reporting_cues()
    last_sp = NONE
    # claims are added sentence by sentence: those of this sentence are at the end of the list
    recent = claims[-40:]
    claim_quotes = [
        (c["start"], c["end"])
        for c in recent
        if c["kind"] == "quote" and c["end"] >= s0 - 2 and c["start"] < s1
    ]
    n_before = len(claims)
    for cm in cues:
        cue_word = " ".join(cm.group().lower().split())
        if cue_word in _NO_REPORTED or idx.inside_quote(cm.start()):
            continue
        # a cue inside what someone else was reported to say is not a new claim
        reported_here = [
            (c["start"], c["end"])
            for c in claims[n_before:]
            if c["kind"] == "reported" and s0 <= c["start"] < s1
        ]
        nested_relative = False
        if any(a <= cm.start() < b for a, b in reported_here):
            # (but "Zhao said Beijing, which has urged both sides to ..., would": the relative
            # clause's own claim, closed by its comma)
            nested_relative = bool(_RELATIVE_CUE.search(text, max(s0, cm.start() - 40), cm.start()))
            if not nested_relative:
                continue
        if cue_word not in cue_kinds:
            continue
        before = text[s0 : cm.start()]
        after = text[cm.end() : s1]
        if _is_quote_attribution(before, after) or (
            # (“...,” saying ...: an "-ing" cue after a quote adds a claim, it never attributes)
            not cue_word.endswith("ing") and _attributes_quote(text, cm.start(), claim_quotes)
        ):
            continue
        if cue_word == "according to":
            _according_to(article, sent, cm, state, claims)
            continue
        if cue_word.endswith("ing"):
            quoted_as = _QUOTED_AS_SAYING.search(before, max(0, len(before) - 90))
            if quoted_as:  # "Xinhua quoted spokesman Qin Gang as saying Beijing welcomed ..."
                sp = speaker_from_phrase(
                    text,
                    s0 + quoted_as.start("np"),
                    s0 + quoted_as.end("np"),
                    idx,
                    state.resolve_pronoun,
                )
                content = _content_after(article, sent, cm.end(), state)
                if content and sp.name:
                    last_sp = sp
                    _add_reported(article, content, sp, cm, state, claims, cue_before=True)
                continue
            statement = _STATEMENT_BEFORE.search(before[-60:])
            if not _ING_CUE_OPENS.search(before[-12:]) and not statement:
                continue
            sp = last_sp if last_sp.name else _sentence_subject(article, sent, cm.start(), state)
            if statement:  # "The ministry issued a statement saying ...": the issuer
                at = s0 + max(0, len(before) - 60) + statement.start()
                sp = subject_before(text, s0, at, idx, state.resolve_pronoun)
            # ("claiming responsibility": a cognition verb needs a clause, as everywhere)
            kind = cue_kinds[cue_word] if cue_kinds[cue_word] == "cognition" else "speech"
            content = _content_after(article, sent, cm.end(), state, kind)
            if content and sp.name:
                _add_reported(article, content, sp, cm, state, claims, cue_before=True)
            continue
        if _passive_last(before) or _MODAL_BEFORE.search(before[-20:]):
            continue
        cue_kind = cue_kinds[cue_word]
        # cue after the content: "..., Mr. Scobell says." / "..., says Scobell."
        inv = _INVERTED_NP.match(after)
        if inv and (len(inv.group("np").split()) > 6 or _FINITE.search(inv.group("np"))):
            inv = None  # "said the 15 members agreed ...": a content clause, not a speaker
        if inv and _OPENING_MARK.search(inv.group("np")):
            inv = None  # "Beijing summons envoy, says Pyongyang’s test ‘harms everyone’"
        if inv and cue_kind == "object":
            inv = None  # "X, who chairs the panel, told reporters": the audience, not a speaker
        tail_after_np = after[inv.end() :] if inv else ""
        if (
            before.rstrip().endswith(",")
            and inv
            and (_SENT_END.match(tail_after_np) or tail_after_np.startswith(","))
        ):
            sp = speaker_from_phrase(
                text,
                cm.end() + inv.start("np"),
                cm.end() + inv.end("np"),
                idx,
                state.resolve_pronoun,
            )
            if sp.name:
                last_sp = sp
                _cue_after_contents(
                    article,
                    sent,
                    s0 + len(before.rstrip()) - 1,
                    cm.end() + inv.end(),
                    sp,
                    cm,
                    state,
                    claims,
                )
                continue
        sp = subject_before(text, s0, cm.start(), idx, state.resolve_pronoun)
        if not sp.name and _AND_BEFORE.search(before, max(0, len(before) - 24)):
            sp = last_sp if last_sp.name else _sentence_subject(article, sent, cm.start(), state)
            sp = Speaker(sp.name, sp.kind, sp.start, sp.end, cm.start())
        if not sp.name:
            continue
        last_sp = sp
        adv = _ADVERBIAL_AFTER.match(after)
        after_core = after[adv.end() :] if adv else after
        citing = after_core.lstrip().startswith(",") and _CITING_THAT.match(
            after_core.lstrip(" ,\u00a0")
        )
        if not citing and (_SENT_END.match(after_core) or after_core.lstrip().startswith(",")):
            # "..., Mr. Bennett says."  (subject before the cue, content before the subject)
            sub_start = sp.at if sp.at >= 0 else cm.start()
            comma = text.rfind(",", s0, sub_start)
            if comma > s0 and not text[comma:sub_start].strip(", \u00a0").count(" ") > 6:
                _cue_after_contents(
                    article,
                    sent,
                    comma,
                    cm.end() + (adv.end() if adv else 0),
                    sp,
                    cm,
                    state,
                    claims,
                )
            continue
        content = _content_after(
            article,
            sent,
            cm.end(),
            state,
            cue_kind,
            relative=_relative_before(text, s0, sp) or nested_relative,
        )
        if content:
            _add_reported(article, content, sp, cm, state, claims, cue_before=True)


def _is_quote_attribution(before: str, after: str) -> bool:
    """The cue introduces a direct quote: Kerry said, “... / said X, “..."."""
    if (
        _QUOTE_NEXT.match(after)
        and not _FRAGMENT_THEN_MORE.match(after)
        and not _THAT_QUOTE.match(after)
    ):
        return True  # (not "urged “all relevant parties” to respond": a clause with a fragment)
    if _NP_THEN_QUOTE.match(after):  # said X, “...
        return True
    return False


_RELATIVE_CUE = re.compile(
    r",[ \u00a0]+(?:which|who)[ \u00a0]+(?:(?:has|have|had)[ \u00a0]+)?"
    r"(?:(?:long|also|repeatedly|previously|often)[ \u00a0]+)?$"
)
_FRAGMENT_THEN_MORE = re.compile(
    r"^[\s,:]*(?:that[ \u00a0]+)?[“\"‘'](?:[^”\"’'\s]+[ \u00a0]?){1,4}[”\"’'][ \u00a0]+[a-z]"
)
_CONJ_END = re.compile(r"(?:^|[ ,\u00a0])(?:and|but|or)$")
#: Only white space (and an opening mark) between a line's start, or a sentence's end, and a quote.
_QUOTE_OPENS_LINE = re.compile(r"(?:^|\n|[.!?][”\"’']?[ \u00a0]+)[ \u00a0]*[“\"‘']?$")


def _attributes_quote(text: str, cue_start: int, claim_quotes: list[tuple[int, int]]) -> bool:
    """The cue follows a quote closely: “...,” he said / “...” Kim, says Scobell."""
    for qs, qe in claim_quotes:
        if qe <= cue_start and cue_start - qe <= 90:
            between = text[qe + 1 : cue_start].strip(" ,\u00a0”\"’'")
            if _STOP_IN.search(between) or "\n" in text[qe:cue_start]:
                continue  # another sentence, or another paragraph ("...”\nHill told reporters")
            if text[qe - 1 : qe] == "." and not _QUOTE_OPENS_LINE.search(text, max(0, qs - 80), qs):
                # "... would respond “with measures that will be felt.” White House officials
                # said": the full stop inside closed the writer's sentence
                continue
            if _CONJ_START.match(between) or _CONJ_END.search(between):
                continue  # "“sincere will” to implement it, and urged": a second verb
            if len(between.split()) <= 7:
                return True
    return False


def _cue_after_contents(
    article, sent, comma: int, after_np_end: int, sp, cm, state, claims
) -> None:
    text = article.text
    s0, s1 = sent.start, sent.end
    dl = dateline_at(text, s0, comma)
    first = (dl.end() if dl else s0, comma)
    fs, fe = _trim(text, *first)
    if (text[fs : fs + 1] in '“"‘' and fs < fe) or state.index.inside_quote(fs):
        return  # the words before the cue are a quote (one that began a sentence earlier)
    rest = text[after_np_end:s1]
    has_rest = (
        rest.lstrip().startswith(",")
        and len(rest.split()) >= 3
        and not _REST_SUBORDINATE.match(rest.lstrip(" ,\u00a0"))
    )
    # a short lead ("First,") or a subordinate clause before "X said, [content]" is not a claim
    if len(text[fs:fe].split()) >= 3 and not (has_rest and _SUBORDINATE.match(text[fs:fe])):
        _add_reported(article, (fs, fe), sp, cm, state, claims)
    if rest.lstrip().startswith(","):
        rs = after_np_end + len(rest) - len(rest.lstrip()) + 1
        cs, ce = _trim(text, rs, s1)
        if has_rest and text[cs : cs + 1] not in '“"' and not cue_regex().match(text, cs):
            # (", adding that ...": the next cue's own claim, found in its turn)
            _add_reported(article, (cs, ce), sp, cm, state, claims)


def _no_pronouns(pronoun: str, pos: int) -> Speaker:
    """A pronoun resolver that resolves nothing: only a named subject counts."""
    return NONE


def _according_to(article, sent, cm, state, claims) -> None:
    text = article.text
    s0, s1 = sent.start, sent.end
    after = text[cm.end() : s1]
    np = _ACCORDING_NP.match(after)
    if not np:
        return
    sp = speaker_from_phrase(
        text, cm.end() + np.start("np"), cm.end() + np.end("np"), state.index, state.resolve_pronoun
    )
    np_end = cm.end() + np.end()
    # "according to Professor Tan, who teaches in Singapore, ...": skip the appositive
    appos = _APPOSITIVE_AFTER.match(text, np_end, s1)
    if appos:
        np_end = appos.end()
    lead = text[s0 : cm.start()].strip(" ,\u00a0")
    rest_after = text[np_end:s1].lstrip()
    if len(lead.split()) >= 3 and not (_SUBORDINATE.match(lead) and rest_after.startswith(",")):
        cs, ce = _trim(text, s0, s0 + len(text[s0 : cm.start()].rstrip(" ,\u00a0")))
    else:
        rest = text[np_end:s1]
        if not rest.lstrip().startswith(","):
            return
        cs, ce = _trim(text, np_end + len(rest) - len(rest.lstrip()) + 1, s1)
        for inner in cue_regex().finditer(text, cs, ce):
            if state.index.inside_quote(inner.start()):
                continue
            who = subject_before(text, cs, inner.start(), state.index, _no_pronouns)
            if not who.name and _AND_BEFORE.search(
                text, max(cs, inner.start() - 12), inner.start()
            ):
                who = next(  # "X, a senior diplomat, took Y aside and said ..."
                    (
                        Speaker(m.canonical, m.kind, m.start, m.end)
                        for m in state.index.within(cs, inner.start())
                        if m.kind == "person" and m.start - cs < 3
                    ),
                    NONE,
                )
            if who.name:
                # "According to two officials, X ... said the weapons were “...”": the wrapper
                # gives no row; X's own cue gives X's
                return
    if len(text[cs:ce].split()) >= 3:
        if not any(ch in text[cs:ce] for ch in '“”"') or len(lead.split()) < 3:
            _add_reported(article, (cs, ce), sp, cm, state, claims)


# the source after "according to": up to a comma, or a full stop that ends the sentence
# (not the one of "Dr." in "according to Dr. Hart, ...")
_ACCORDING_NP = re.compile(rf"^[ \u00a0]+(?P<np>{_NPCH}{{1,80}}?)(?=[,;:]|\.[ \u00a0]*$|$)")
_APPOSITIVE_AFTER = re.compile(
    r",[ \u00a0]+(?:who|which|whose|an?|the)[ \u00a0][^,.;:“”\"]{1,80}(?=,)", re.IGNORECASE
)


def _relative_before(text: str, s0: int, sp: Speaker) -> bool:
    """ "which North Korea said was ...": a relative clause, closed by the next comma."""
    at = sp.at if sp.at >= 0 else -1
    if at < 0:
        return False
    return re.search(r"\b(?:which|who|whom)[ \u00a0]+$", text[max(s0, at - 12) : at]) is not None


_QUOTE_THEN_VERB = re.compile(
    r"[”’\"'][ \u00a0]+and[ \u00a0]+(?:defended|denied|rejected|accused|called|urged|said|told|"
    r"warned|vowed|demanded|threatened|criticized|criticised|condemned|dismissed|insisted|added|"
    r"noted|stressed|pledged|promised|praised|blamed)\b"
)
_BUT_CLAUSE = re.compile(
    r",?[ \u00a0]+but[ \u00a0]+(?:it|he|she|they|there|we|I|this|that|[A-Z][\w.’']*)[ \u00a0]"
)


def _content_after(
    article, sent, pos: int, state, cue_kind: str = "speech", relative: bool = False
) -> tuple[int, int] | None:
    text = article.text
    s1 = sent.end
    after = text[pos:s1]
    lead = _LEAD_PUNCT.match(after)
    start = pos + lead.end()
    rest = text[start:s1]
    citing = _CITING_THAT.match(rest)
    if citing:  # "reported, citing a government source, that the North could ..."
        start += citing.end()
        rest = text[start:s1]
    when = _WHEN_AFTER_CUE.match(rest)
    if (
        when
        and (
            rest[when.end() :].startswith("that ")
            or not _PREP_START.match(rest[when.end() :])
            # "said yesterday for the first time that ...": a day, a phrase, then the content
            or _THAT_LATER.match(rest[when.end() :])
        )
    ):
        start += when.end()
        rest = text[start:s1]
    has_that = False
    audience = _AUDIENCE.match(rest) if cue_kind == "object" else None
    where_that = _PREP_THEN_THAT.match(rest, audience.end()) if audience else None
    if where_that:
        # "told reporters in Tokyo that Japan would ...": the clause after "that"
        start += where_that.end()
        has_that = True
    elif audience and _FINITE_SOON.match(rest, audience.end()):
        # "told MPs the test was ...": a short audience, then the clause without "that"
        start += audience.end()
        has_that = True
    elif (cue_kind == "object" or _PREP_START.match(rest)) and not (
        cue_kind == "commit" and rest.startswith("to ")  # "vowed to continue ..."
    ):
        that = _THAT_LATER.match(rest)
        if not that or cue_regex().search(rest, 0, that.start() + 1) or _NOT_TO_BE.match(rest):
            return None  # "hoped to announce ..., said it regretted that": another verb's "that"
        start += that.end()
        has_that = True
    elif _THAT_START.match(rest):
        start += _THAT_START.match(rest).end()
        has_that = True
    if cue_kind == "commit" and not has_that and text.startswith("to ", start):
        pass  # "vowed to continue the policy": the promise itself is the content
    elif cue_kind in ("cognition", "commit") and not has_that:
        head = " ".join(text[start:s1].split()[:8])
        if head.lower().startswith("to ") or not (
            _FINITE.search(head) or _PRESENT_VERB.search(head)
        ):
            return None
    end = s1
    seg = text[start:end]
    if (
        not seg
        or (seg[0] in "“\"‘'" and not has_that and not _FRAGMENT_THEN_MORE.match(seg))
        or _NOT_TO_BE.match(seg)
    ):
        return None  # a quote ("that “...”" is also a clause), or "asked not to be named"
    if seg[0] in "“\"‘'" and not _FRAGMENT_THEN_MORE.match(seg):
        # "warned that “all options are on the table” after ...": the quote is the clause
        span = state.index.quote_span_at(start)
        if span:
            end = min(end, span[1])
            seg = text[start:end]
    # ", defying ...", ", drawing ...": a participle phrase added by the writer
    outside = state.index.inside_quote  # a clause break inside quoted words is theirs

    def first(pattern: re.Pattern[str]) -> re.Match[str] | None:
        return next((m for m in pattern.finditer(seg) if not outside(start + m.start())), None)

    part = first(_PARTICIPLE)
    head = text[start : start + part.start()] if part else ""
    if part and _GERUND_LIST.match(seg, part.end()):
        part = None  # "upholding ..., maintaining peace, and solving problems": a list of gerunds
    if part and (len(head.split()) > 4 or _FINITE.search(head) or _ED_WORD.search(head)):
        # (not "the U.S., failing to draw a lesson, is now staging ...": the subject's aside)
        end = min(end, start + part.start())
    # stop at a dash closing an aside opened before the cue, and at ", saying"/", adding"
    sent_before = text[sent.start : pos]
    for dash in (" \u2014", " \u2013", "\u2014"):
        if dash.strip() in sent_before:
            d = seg.find(dash)
            if d > 0:
                end = min(end, start + d)
    # ", a day after ...", ", as rescue workers ...", ", while ...": the writer's own clause
    tail = first(_WRITER_TAIL)
    if tail:
        end = min(end, start + tail.start())
    stop = first(_rx("stop"))
    if stop:
        end = min(end, start + stop.start())
    # "“seeking a pretext for war” and defended ...": a second verb of the subject's, after
    # the quoted words close the clause
    second = _QUOTE_THEN_VERB.search(seg)
    if second:
        end = min(end, start + second.start() + 1)
    # "... but it is not clear ...": a new clause by the writer
    but = first(_BUT_CLAUSE)
    if but:
        end = min(end, start + but.start())
    # "... and urged ...", "... and called on ...": a second verb of the same speaker
    several = first(_SEVERAL_CUE)
    if several:  # "..., and several cautioned that ...": another clause of other speakers
        end = min(end, start + several.start())
    coord = first(_rx("coord"))
    if coord:
        end = min(end, start + coord.start())
    if relative:
        comma = seg.find(",")
        if comma > 0:
            end = min(end, start + comma)
    # another cue with its own subject inside the content: "... and U.S. scientists assessed ..."
    for cm in cue_regex().finditer(text, start, end):
        if state.index.inside_quote(cm.start()):
            continue
        if _MODAL_BEFORE.search(text, max(start, cm.start() - 12), cm.start()):
            continue  # "China and the US should maintain ties": a verb, not someone's report
        sub = subject_before(text, start, cm.start(), state.index, _no_pronouns)
        at = sub.at if sub.at >= 0 else sub.start
        if sub.name and at > start:
            conj = re.search(
                r",?[ \u00a0]+(?:and|but|while|whereas)[ \u00a0]+(?:the[ \u00a0]+)?$",
                text[start:at],
            )
            if conj:
                end = min(end, start + conj.start())
            break
    cs, ce = _trim(text, start, end)
    if len(text[cs:ce].split()) < 2:
        return None
    return cs, ce


#: What comes before an "-ing" cue that adds a claim: ", saying", ",” saying", ", while stressing"
_ING_CUE_OPENS = re.compile(r"(?:,[”’\"']?|,?[ \u00a0]+(?:while|as))[ \u00a0]*$")
_STATEMENT_BEFORE = re.compile(
    r"\b(?:issued|released|published|put[ \u00a0]+out|sent)[ \u00a0]+(?:a|an|the|its)[ \u00a0]+"
    r"(?:[\w\-]+[ \u00a0]+)?(?:statement|communiqué|communique|letter|note|report)[ \u00a0]+$"
)
_WRITER_TAIL = re.compile(
    # ", a move that stunned its neighbours", ", in a setback to efforts ...", ", a reference to"
    r"(?:,|(?<=,[”’\"']))[ \u00a0]+(?:(?:in[ \u00a0]+)?(?:a|an)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?"
    r"(?:move|step|reference|setback|sign|signal|blow|rebuke|nod|swipe|jab|dig|claim|charge|"
    r"assertion|accusation|allegation|demand|formula|disclosure|admission|position|stance|"
    r"remark|comment|warning|threat|phrase|pledge|promise|offer|proposal)[ \u00a0]+"
    r"(?:that|which|to|seen|widely|likely|aimed|at|for|[A-Z][\w.’'\-]*)\b"
    r"|(?:a|one|two|three|four|five|several|a[ \u00a0]+few)[ \u00a0]+"
    r"(?:day|days|week|weeks|month|months|year|years|hours?)[ \u00a0]+(?:after|before|later|earlier)\b"
    r"|(?:while|whereas)[ \u00a0]+(?:the|a|an|[A-Z])"
    # ", though he acknowledged ...", ", and his aides were careful ...": the writer again
    r"|(?:though|although)[ \u00a0]+(?:he|she|they|it|the|a|an|[A-Z])"
    r"|and[ \u00a0]+(?:his|her|their|its)[ \u00a0]+[a-z]+[ \u00a0]+(?:were|was|are|is|had|have|has)\b"
    r"|(?:as|even[ \u00a0]+as|just[ \u00a0]+as)[ \u00a0]+(?:the[ \u00a0]+)?[\w.’'\-]+"
    r"(?:[ \u00a0]+[\w.’'\-]+){0,3}?[ \u00a0]+(?:[a-z]+ed|had|has|have|was|were|is|are|found|said|says|flew|met|"
    r"put|took|made|began|came|went|held|sent|left|gave|kept|set|ran|rose|fell|grew|won|lost|"
    r"saw|stood|spoke|wrote|brought|sought|fought|built)\b"
    r"|and[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w.’'\-]*(?:[ \u00a0]+[\w.’'\-]+){0,3}?[ \u00a0]+"
    r"(?:had|has|have|was|were|is|are|will|would)\b"
    # ", and he has ruled out ...": a new clause of the writer's with a pronoun subject
    # ", and the administration has since pressed ahead ...": the writer's clause
    r"|and[ \u00a0]+the[ \u00a0]+[a-z]+(?:[ \u00a0]+[a-z]+)?[ \u00a0]+(?:has|had|have|was|were|is|are)[ \u00a0]+"
    r"(?:since|also|now|already|long|been|not)\b"
    r"|and[ \u00a0]+(?:he|she|they|we|it)[ \u00a0]+(?:has|had|have|was|were|is|are|[a-z]+ed|"
    r"said|says|told|wants|needs|will|would|could|can)\b"
    # "..., analysts said.": the attribution of the whole sentence, not of this clause
    r"|(?:[\w’'.\-]+[ \u00a0]+){1,3}(?:said|says|added|noted|wrote)[.!?]?[”’\"']?$)"
)


# who was told: "reporters", "MPs", "the BBC", "Yonhap" (then the content, without "that")
_AUDIENCE = re.compile(
    r"(?:reporters|journalists|MPs|lawmakers|legislators|parliament|Parliament|Congress|"
    r"(?:the[ \u00a0]+)?[A-Z][\w.’'\-]*(?:[ \u00a0]+[A-Z][\w.’'\-]*){0,3}|him|her|them|us)"
    r"(?:[ \u00a0]+(?:on|in|at)[ \u00a0]+[A-Z]?[\w.’'\-]+)?[ \u00a0]+(?!that\b)"
)
_PREP_THEN_THAT = re.compile(
    r"(?:(?:right|shortly|soon|just|immediately)[ \u00a0]+)?"
    r"(?:on|in|at|during|after|before|late|earlier|later|last|this|from|by|via|over|"
    r"afterwards?|separately|privately|again)\b"
    r"[^,.;:“”\"‘’]{0,50}?\bthat[ \u00a0]+"
)
_FINITE_SOON = re.compile(
    r"(?:[\w.’'\-]+[ \u00a0]+){1,5}?(?:is|are|was|were|will|would|could|had|has|have|can|"
    r"should|must|might|may)\b"
)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \u00a0\n\t,":
        s += 1
    while e > s and text[e - 1] in " \u00a0\n\t,.;:":
        e -= 1
    note = _FOOTNOTE_END.search(text, s, e)
    if note:  # "... in U.S. custody.[1]": a footnote mark is not part of what was said
        return _trim(text, s, note.start())
    return s, e


_FOOTNOTE_END = re.compile(r"\[\d{1,3}\]$")


_AND_THAT = re.compile(r",?[ \u00a0]+(?:and|but|or)[ \u00a0]+that[ \u00a0]+")


def _content_clauses(article, s: int, e: int, state) -> list[tuple[int, int]]:
    """One content span split where a second clause of the same verb starts: "said the talks
    had failed and that the North would not return" holds two things said."""
    text = article.text
    out = []
    for m in _AND_THAT.finditer(text, s, e):
        if state.index.inside_quote(m.start()):
            continue
        out.append((s, m.start()))
        s = m.end()
    out.append((s, e))
    return [(a, b) for a, b in out if b - a >= 3]


def _add_reported(article, span, sp: Speaker, cm, state, claims, cue_before: bool = False) -> None:
    sp = state.definite(sp)
    for s, e in _content_clauses(article, *span, state):
        if any(c["kind"] == "reported" and c["start"] == s and c["end"] == e for c in claims):
            continue
        row = _claim_row(article, s, e, sp, "reported", (cm.group(), cm.start(), cm.end()))
        row["_cue_before"] = cue_before
        claims.append(row)
        state.contents.append((s, e))
    state.remember(cm.start(), sp)
