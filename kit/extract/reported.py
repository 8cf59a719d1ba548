"""Reported speech: a reporting cue, its speaker and its content clause.

A cue from ``reporting_verbs.txt`` with a subject next to it and a content clause:
"Kerry said [the international community could ...]", "[China is reluctant ...],
Mr. Scobell says", "according to X, [...]". The content ends where the writer's own
words begin (", a move that ...", ", while ...", ", analysts said").
"""

from __future__ import annotations

import re

from ..structure import dateline_at
from .claim_context import (
    ABBREVIATION_FREE_STOP,
    FINITE,
    NO_REPORTED,
    NPCH,
    PREP_START,
    ClaimState,
    claim_row,
    cue_pattern,
    passive_last,
    sentence_subject,
)
from .cues import NONE, Speaker, speaker_from_phrase, subject_before
from .lexicon import cue_regex, reporting_cues

_QUOTED_AS_SAYING = re.compile(
    r"\bquoted[ \u00a0]+(?P<np>[^.,;“”\"]{1,60}?)[ \u00a0]+as[ \u00a0]+$"  # before "saying"/"telling"
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


def _inverted_np(max_chars: int) -> re.Pattern[str]:
    """The speaker phrase right after a cue, up to ``max_chars`` characters."""
    char = (
        r"(?:[^,.;:“”\"()]|\.(?=\S)|(?<=\b[A-Z][a-z])\.|(?<=\bMrs)\.|(?<=\bProf)\.|(?<=\b[A-Z])\.)"
    )
    return re.compile(
        rf"^[ \u00a0]+(?P<np>{char}{{1,{max_chars}}}?)(?=[,;:]|{ABBREVIATION_FREE_STOP}|$)"
    )


_INVERTED_NP = _inverted_np(60)
# a person and where they work may run longer: "said Jane Doe of the Center for ... Studies"
_INVERTED_NP_LONG = _inverted_np(120)


# a second verb of the sentence's subject: "... and later said", "... and, on January 10,
# announced"
_AND_BEFORE = re.compile(
    r"\b(?:and|but)(?:,[^,;]{1,40},)?[ \u00a0]+(?:(?:then|also|has|have|had|later)[ \u00a0]+)?$"
)


_QUOTE_NEXT = re.compile(r"^[\s,:]*(?:that[ \u00a0]+)?[“\"‘']")


#: "warned that “all options are on the table”": a quote that is also the reported clause
_THAT_QUOTE = re.compile(r"^[ \u00a0]+that[ \u00a0]+[“\"‘']")


_NP_THEN_QUOTE = re.compile(r"^[ \u00a0]+[^,.;“”\"]{1,60},[ \u00a0]*[“\"]")  # not a closing mark


_STOP_IN = re.compile(r"[.;!?](?:\s|$)")


_CONJ_START = re.compile(r"(?:and|but|or|while|as)\b")


_LEAD_PUNCT = re.compile(r"^[\s,:]*")


_THAT_START = re.compile(r"that[ \u00a0]+")


_OPENING_MARK = re.compile(r"(?:^|[ \u00a0])[‘“\"']")


# -- reported speech --------------------------------------------------------------------------
def reported_in_sentence(article, sent, cues: list[re.Match], state: ClaimState, claims) -> None:
    text = article.text
    s0, s1 = sent.start, sent.end
    idx = state.index
    cue_kinds = reporting_cues()
    last_sp = NONE
    claims_at_last_sp = 0
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
        if cue_word in NO_REPORTED or idx.inside_quote(cm.start()):
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
                    last_sp, claims_at_last_sp = sp, len(claims)
                    _add_reported(article, content, sp, cm, state, claims, cue_before=True)
                continue
            statement = _STATEMENT_BEFORE.search(before[-60:])
            if not _ING_CUE_OPENS.search(before[-12:]) and not statement:
                continue
            sp = last_sp if last_sp.name else sentence_subject(article, sent, cm.start(), state)
            if statement:  # "The ministry issued a statement saying ...": the issuer
                at = s0 + max(0, len(before) - 60) + statement.start()
                sp = subject_before(text, s0, at, idx, state.resolve_pronoun)
            # ("claiming responsibility": a cognition verb needs a clause, as everywhere)
            kind = cue_kinds[cue_word] if cue_kinds[cue_word] == "cognition" else "speech"
            content = _content_after(article, sent, cm.end(), state, kind)
            if content and sp.name:
                _add_reported(article, content, sp, cm, state, claims, cue_before=True)
            continue
        if passive_last(before) or _MODAL_BEFORE.search(before[-20:]):
            continue
        cue_kind = cue_kinds[cue_word]
        # cue after the content: "..., Mr. Scobell says." / "..., says Scobell."
        inv = _INVERTED_NP.match(after)
        if inv is None and _person_and_affiliation(idx, cm.end() + 1, after[1:120]):
            inv = _INVERTED_NP_LONG.match(after)
        if (
            inv
            and (len(inv.group("np").split()) > 6 or FINITE.search(inv.group("np")))
            and not _person_and_affiliation(idx, cm.end() + inv.start("np"), inv.group("np"))
        ):
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
        if not sp.name and _AND_BEFORE.search(before, max(0, len(before) - 60)):
            # the subject of an earlier cue of this sentence that gave a claim ("said A and
            # later told B"), else the sentence's subject (not "two officials briefed on ...")
            spoke = len(claims) > claims_at_last_sp
            sp = (
                last_sp
                if last_sp.name and spoke
                else sentence_subject(article, sent, cm.start(), state)
            )
            sp = Speaker(sp.name, sp.kind, sp.start, sp.end, cm.start())
        if not sp.name:
            continue
        last_sp, claims_at_last_sp = sp, len(claims)
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
            inside_clause=_inside_clause(text, s0, sp),
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
_ACCORDING_NP = re.compile(rf"^[ \u00a0]+(?P<np>{NPCH}{{1,80}}?)(?=[,;:]|\.[ \u00a0]*$|$)")


_APPOSITIVE_AFTER = re.compile(
    r",[ \u00a0]+(?:who|which|whose|an?|the)[ \u00a0][^,.;:“”\"]{1,80}(?=,)", re.IGNORECASE
)


def _relative_before(text: str, s0: int, sp: Speaker) -> bool:
    """ "which North Korea said was ...": a relative clause, closed by the next comma."""
    at = sp.at if sp.at >= 0 else -1
    if at < 0:
        return False
    return re.search(r"\b(?:which|who|whom)[ \u00a0]+$", text[max(s0, at - 12) : at]) is not None


def _inside_clause(text: str, s0: int, sp: Speaker) -> bool:
    """ "Bush, who said Wednesday that ..., met ...", "days after the North said it had ...,
    bans ...": the cue is in a relative or subordinate clause, which a comma followed by the
    main clause's verb closes."""
    at = sp.at if sp.at >= 0 else -1
    if at < 0:
        return False
    if re.match(r"who[ \u00a0]", text[at : at + 4]) and text[max(s0, at - 2) : at].startswith(","):
        return True  # the subject is "who" after a comma
    return _SUBORDINATOR_BEFORE.search(text[max(s0, at - 16) : at]) is not None


_SUBORDINATOR_BEFORE = re.compile(r"\b(?:after|before|when|since|because|once)[ \u00a0]+$")
# a comma and then the main clause's verb: ", met China's ...", ", bans the sale ..."
_COMMA_MAIN_VERB = re.compile(
    r",[ \u00a0]+(?:(?:also|then|later|quickly|immediately)[ \u00a0]+)?(?:[a-z]{2,}(?:ed|s)|met|"
    r"went|came|left|made|took|gave|held|was|were|is|are|has|had|will|would|could)\b"
)


_QUOTE_THEN_VERB = re.compile(
    r"[”’\"'][ \u00a0]+and[ \u00a0]+(?:defended|denied|rejected|accused|called|urged|said|told|"
    r"warned|vowed|demanded|threatened|criticized|criticised|condemned|dismissed|insisted|added|"
    r"noted|stressed|pledged|promised|praised|blamed)\b"
)


_OF_AFFILIATION = re.compile(r"[ \u00a0]+(?:of|at|from)[ \u00a0]+")


def _person_and_affiliation(idx, start: int, np: str) -> bool:
    """ "said Jane Doe of the Center for Strategic and International Studies": a
    person's name and where they work, however many words, is a speaker."""
    m = idx.starting_at(start)
    if m is None or m.kind != "person":
        return False
    of = _OF_AFFILIATION.match(np, m.end - start)
    # the rest up to the next clause break names the workplace, with no verb in it
    return of is not None and not FINITE.search(np[: _CLAUSE_BREAK.search(np + ",").start()])


_CLAUSE_BREAK = re.compile(r"[,;:.](?:\s|$)")


_ASIDE_IN_HEAD = re.compile(r"^([^,;:]{1,60}),[ \u00a0]+[^,;:]{1,90},(?=[ \u00a0])")
_INDEFINITE_START = re.compile(r"(?:a|an)[ \u00a0]", re.IGNORECASE)
# "read as a signal that ...", "denied planting the mines": a phrase, not a clause
_NOT_A_CLAUSE_START = re.compile(r"(?:as|for|with|by|of|about|[a-z]+ing)\b")
_BUT_CLAUSE = re.compile(
    # "said he had discussed Iraq but would not say whether ...": the speaker's next act
    r",?[ \u00a0]+(?:but|and)[ \u00a0]+(?:(?:would|could|did|does|do|will)[ \u00a0]+not[ \u00a0]+"
    r"(?:say|comment|elaborate|specify|discuss|confirm|disclose)\b|declined[ \u00a0]+to\b|"
    r"refused[ \u00a0]+to\b)"
    r"|,?[ \u00a0]+but[ \u00a0]+(?:it|he|she|they|there|we|I|this|[A-Z][\w.’']*"
    # "but that did not stop ...": the pronoun (not "said A but that B", two things said)
    r"|that(?=[ \u00a0]+(?:did|does|was|is|has|had|could|would|will|may|might|seems|appears)\b))"
    r"[ \u00a0]"
)


def _content_after(
    article,
    sent,
    pos: int,
    state,
    cue_kind: str = "speech",
    relative: bool = False,
    inside_clause: bool = False,
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
            or not PREP_START.match(rest[when.end() :])
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
    elif (cue_kind == "object" or PREP_START.match(rest)) and not (
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
        # (an aside between commas does not count: "believe the leadership, newly
        # strengthened after the congress, hopes to ...")
        head = " ".join(_ASIDE_IN_HEAD.sub(r"\1", text[start:s1], count=1).split()[:8])
        if (
            head.lower().startswith("to ")
            or not (FINITE.search(head) or _PRESENT_VERB.search(head))
            or (cue_kind == "commit" and _INDEFINITE_START.match(head))
            or _NOT_A_CLAUSE_START.match(head)
        ):
            return None  # "proposed a “grand bargain” under which ...": a noun, not a clause
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
    if part and (len(head.split()) > 4 or FINITE.search(head) or _ED_WORD.search(head)):
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
    stop = first(cue_pattern("stop"))
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
    coord = first(cue_pattern("coord"))
    if coord:
        end = min(end, start + coord.start())
    if relative:
        comma = seg.find(",")
        if comma > 0:
            end = min(end, start + comma)
    elif inside_clause:
        closing = first(_COMMA_MAIN_VERB)
        # (only the first comma: "the meeting, which he had called off, would go ahead" is
        # an aside inside the content)
        if closing and "," not in seg[: closing.start()]:
            end = min(end, start + closing.start())
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
            first = text[start : start + conj.start()] if conj else ""
            if conj and (
                FINITE.search(first) or _ED_WORD.search(first) or _PRESENT_VERB.search(first)
            ):
                end = min(end, start + conj.start())  # (not "Kim and Xi had agreed": one subject)
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
    # (after a comma, or after a dash: "found responsible - a pledge Seoul says ...")
    r"(?:(?:,|(?<=,[”’\"'])|[ \u00a0][\-\u2013\u2014])[ \u00a0]+|\u2014[ \u00a0]*)"
    r"(?:(?:in[ \u00a0]+)?(?:a|an)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?"
    r"(?:move|step|reference|setback|sign|signal|blow|rebuke|nod|swipe|jab|dig|claim|charge|"
    r"assertion|accusation|allegation|demand|formula|disclosure|admission|position|stance|"
    r"remark|comment|warning|threat|phrase|pledge|promise|offer|proposal)[ \u00a0]+"
    r"(?:that|which|to|seen|widely|likely|aimed|at|for|[A-Z][\w.’'\-]*)\b"
    r"|(?:a|one|two|three|four|five|several|a[ \u00a0]+few)[ \u00a0]+"
    r"(?:day|days|week|weeks|month|months|year|years|hours?)[ \u00a0]+(?:after|before|later|earlier)\b"
    r"|(?:while|whereas)[ \u00a0]+(?:the|a|an|[A-Z])"
    # "..., according to a statement posted on its website": the writer's source, not content
    r"|according[ \u00a0]+to\b"
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
    # (a name is taken whole: "told President Lee Myung-bak that", not "told President Lee")
    r"(?:the[ \u00a0]+)?[A-Z][\w.’'\-]*+(?:[ \u00a0]+[A-Z][\w.’'\-]*+){0,5}+|him|her|them|us)"
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
    clauses = _content_clauses(article, *span, state)
    # "Xinhua said Kim told Xi that A and that B": B is what Kim told Xi, like A
    # (not after a comma, also one inside a closing quote mark: "noted that Kim told them
    # that A, and that B" is the noter's B)
    inner = (
        _inner_speaker(article, clauses[0], state)
        if len(clauses) > 1 and "," not in article.text[clauses[0][1] - 2 : clauses[1][0]]
        else None
    )
    for i, (s, e) in enumerate(clauses):
        if any(c["kind"] == "reported" and c["start"] == s and c["end"] == e for c in claims):
            continue
        who = inner if (i and inner is not None) else sp
        row = claim_row(article, s, e, who, "reported", (cm.group(), cm.start(), cm.end()))
        row["_cue_before"] = cue_before
        claims.append(row)
        state.contents.append((s, e))
    state.remember(cm.start(), sp)


_THAT_AFTER_CUE = re.compile(r"[ \u00a0]+(?:[^,.;“”\"]{0,40}?[ \u00a0]+)?that\b")


def _inner_speaker(article, clause: tuple[int, int], state) -> Speaker | None:
    """The subject of a speech cue with a "that" clause inside the first content clause
    ("Kim told Xi that ..."), or None."""
    text = article.text
    for cm in cue_regex().finditer(text, *clause):
        if state.index.inside_quote(cm.start()) or not _THAT_AFTER_CUE.match(text, cm.end()):
            continue
        who = subject_before(text, clause[0], cm.start(), state.index, _no_pronouns)
        if who.name and who.kind in ("person", "country", "organization"):
            return who
    return None
