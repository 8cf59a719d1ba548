"""Who said each direct quote.

A quote is attributed, in order, to the speaker named next to a reporting cue right
after it ("...,” said X", "...,” he says"), before it in the same sentence ("Kerry said,
“..."", "Wang called it “clear cut”"), to the speaker of another quote in the same
sentence, or to the speaker of the quote just before it (a quote running on without a
new cue). Short quoted words with no such cue are terms: scare quotes, titles, nicknames.
"""

from __future__ import annotations

import re

from .claim_context import (
    FINITE,
    FRAGMENT_WORDS,
    PREP_START,
    SMALL_WORDS,
    ClaimState,
    claim_row,
    cue_pattern,
    last_words,
    sentence_subject,
    whole_sentence,
)
from .cues import NONE, Speaker, speaker_from_phrase, subject_before
from .lexicon import cue_regex, reporting_cues
from .quotes import Quote

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


# a second reported clause begins: what follows is no longer the object of the verb before
_NEXT_CLAUSE = re.compile(r"\b(?:and|but|or)[ \u00a0]+that\b")
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


_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|[’']s)[ \u00a0\n]+$", re.IGNORECASE
)


_NAME_COLON = re.compile(r":[ \u00a0]*$")


def attribute_quotes(article, sent, qs: list[Quote], state: ClaimState, claims, terms) -> None:
    text = article.text
    found: list[tuple[Quote, Speaker, tuple | None, str]] = []  # quote, speaker, cue, how
    for q in qs:
        before = text[sent.start : q.open]
        nwords = len(text[q.start : q.end].split())
        fragment = nwords <= FRAGMENT_WORDS
        last = last_words(before)
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
        if how == "" and (nwords > FRAGMENT_WORDS or whole_sentence(text, sent, q)):
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
        claims.append(claim_row(article, q.start, q.end, sp, "quote", cue))
        state.remember(q.start, sp)


_WORK_NOUN = re.compile(
    r"\b(?:book|report|study|paper|documentary|film|article|memoir|novel|essay|album|song|op-ed|"
    r"column|series|survey|white[ \u00a0]+paper|analysis|briefing)\b",
    re.IGNORECASE,
)


_TITLE_WORD = re.compile(r"[A-Za-z][\w’'\-]*")


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


def _nickname_cue_last(last: list[str]) -> bool:
    if last and last[-1] in _DETERMINER_LAST:
        last = last[:-1]
    return bool(last) and last[-1] in _NICKNAME_LAST


def _titled_after_work(before: str, quoted: str) -> bool:
    """ "A report by the Stimson Center, “The Long Shadow of Sanctions,” found ...": a title in
    Title Case set off by a comma after a report/book/study named in the same sentence."""
    if not before.rstrip(" \u00a0").endswith(","):
        return False
    words = _TITLE_WORD.findall(quoted)
    if len(words) < 2 or not words[0][0].isupper():
        return False
    big = [w for w in words if w.lower() not in SMALL_WORDS]
    return bool(big) and all(w[0].isupper() for w in big) and bool(_WORK_NOUN.search(before[-140:]))


def _cue_tuple(base: int, m: re.Match, group: str = "cue") -> tuple[str, int, int]:
    return (m.group(group), base + m.start(group), base + m.end(group))


_MODIFIED_NOUN = re.compile(r"[ \u00a0]+(?!(?:he|she|they|it|we|i|one|officials?)\b)[a-z]")


def _after_cue(article, sent, q: Quote, state: ClaimState, allow_gap: bool):
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
    m = cue_pattern("cue_np").match(window) if has_cue else None
    if m and reporting_cues().get(" ".join(m.group("cue").lower().split())) == "object":
        m = None  # "‘...’ pointed to an accident": the quote is the subject, not a speaker's words
    if m and not PREP_START.match(m.group("np")) and not _CONJ.match(m.group("np")):
        sp = speaker_from_phrase(text, base + m.start("np"), base + m.end("np"), idx, resolve)
        if sp.name:
            return sp, _cue_tuple(base, m)
    m = cue_pattern("np_cue").match(window) if has_cue else None
    head_np = m.group("np").split(",")[0] if m else ""
    if (
        m
        and not _CONJ.match(m.group("np").strip(" ,\u00a0"))
        and not FINITE.search(head_np)
        and len(head_np.split()) <= (12 if _DESCRIBED_SOURCE.match(head_np) else 7)
    ):
        sp = speaker_from_phrase(text, base + m.start("np"), base + m.end("np"), idx, resolve)
        if not sp.name and "," in m.group("np"):
            # a long appositive: "Tom Berg, a senior fellow at ... in Seoul, told": its head
            head_end = base + m.start("np") + m.group("np").index(",")
            sp = speaker_from_phrase(text, base + m.start("np"), head_end, idx, resolve)
        if not sp.name and m.group("np").strip().endswith(","):
            sp = NONE
        if sp.name:
            return sp, _cue_tuple(base, m)
    # “...,” one official grumbled. -- any verb right after a quote that ends in a comma
    if text[q.end - 1 : q.end] in ",?!" or text[q.close - 1 : q.close] in ",?!":
        g = _ANY_VERB_AFTER.match(window)
        if g and not _CONJ.match(g.group("np")) and not FINITE.search(g.group("np")):
            sp = speaker_from_phrase(text, base + g.start("np"), base + g.end("np"), idx, resolve)
            if sp.name:
                return sp, _cue_tuple(base, g)
    if allow_gap:
        for name in ("gap_cue_np", "gap_np_cue") if has_cue else ():
            m = cue_pattern(name).match(window)
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


def _before_cue(article, sent, q: Quote, state: ClaimState, fragment: bool):
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
        cue_pattern("cue_end").search(before, near)
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
            sp = _last_speaker_in(state, sent) or sentence_subject(article, sent, cue_s, state)
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
    if c and _NEXT_CLAUSE.search(before, c.end("cue")):
        c = None  # "said the council had condemned it and that the statement sent “...”"
    if c:
        cue_s = before_start + c.start("cue")
        cue = (c.group("cue"), cue_s, before_start + c.end("cue"))
        word = c.group("cue").lower()
        sp = NONE
        if word not in _SPEECH_NOUNS:
            sp = subject_before(text, before_start, cue_s, idx, resolve)
        if not sp.name:
            sp = sentence_subject(article, sent, cue_s, state)
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


def _last_speaker_in(state: ClaimState, sent) -> Speaker | None:
    for pos, sp in reversed(state.history):
        if sent.start <= pos < sent.end:
            return sp
        if pos < sent.start:
            break
    return None


#: "the owner of a clothing firm with a plant in Kaesong": a described source may run long.
_DESCRIBED_SOURCE = re.compile(r"[ \u00a0]*(?:the|a|an|one)[ \u00a0]+[a-z]")


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


def _colon_intro_speaker(article, q: Quote, state: ClaimState) -> Speaker | None:
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
