"""Claims (direct quotes and reported speech) and quoted terms: the claims table.

``claim_rows`` reads an article sentence by sentence. Direct quotes come from
:mod:`kit.extract.quotes` and get their speakers in :mod:`kit.extract.quote_speakers`
(short quoted words with no speaker are terms: scare quotes, titles, nicknames);
reported speech comes from :mod:`kit.extract.reported`. Both share one
:class:`~kit.extract.claim_context.ClaimState`, so a pronoun or a quote without a cue
finds the speaker named before it. This module then adds what needs the whole
article: display quotes (headline, standfirst, subheadings) that repeat a body quote,
quoted fragments inside reported speech, and the sources named in the lead.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ..article import Article
from ..data_files import read_lines
from ..schema import frame
from .actors import SKIP_ROLES, Mention
from .claim_context import FRAGMENT_WORDS, NO_REPORTED, SMALL_WORDS, ClaimState, claim_row
from .cues import MentionIndex, Speaker
from .lexicon import cue_regex, reporting_cues
from .quote_speakers import attribute_quotes
from .quotes import Quote, find_quotes
from .reported import reported_in_sentence


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
    state = ClaimState(article, index)
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
            attribute_quotes(article, sent, qs, state, claims, terms)
        if sent.index in cues_in:
            reported_in_sentence(article, sent, cues_in[sent.index], state, claims)
    _fragments_in_reported(article, claims, terms)
    _lead_sources(article, claims)
    _colon_attributions(article, state, claims, terms)
    _display_quotes_repeat_the_body(article, claims, terms)
    claims.sort(key=lambda c: c["start"])
    for i, c in enumerate(claims, 1):
        c["claim"] = i
        c.pop("_cue_before", None)
    return {"claims": claims, "terms": terms}


_DISPLAY_ROLES = frozenset(("headline", "standfirst", "subheading"))


_WORD = re.compile(r"\w+")


def _display_quotes_repeat_the_body(article, claims: list[dict], terms: list[dict]) -> None:
    """A quote in a headline, standfirst or subheading with no cue of its own (“‘Not the right
    deal’: Trump walks out”) repeats words quoted in the body: it takes their speaker. Short
    display quotes left as terms become quotes too when they repeat a body quote (“Leaders
    vow to end ‘the years of drift’”), and a display quote may shorten the body's
    words a little (‘Not Pyongyang’s banker’ for “not North Korea’s banker”)."""
    body = [
        (_WORD.findall(c["text"].lower()), c)
        for c in claims
        if c["kind"] == "quote"
        and c["speaker"]
        and article.paragraphs[c["paragraph"]].role not in _DISPLAY_ROLES
    ]

    def source_of(text: str) -> dict | None:
        words = _WORD.findall(text.lower())
        for ws, c in body:
            if words == ws or (len(words) >= 2 and _repeats(words, ws)):
                return c
        return None

    for c in claims:
        if (
            c["kind"] != "quote"
            or c["cue"]
            or (article.paragraphs[c["paragraph"]].role not in _DISPLAY_ROLES)
        ):
            continue
        source = source_of(c["text"])
        if source is not None:
            c["speaker"], c["speaker_kind"] = source["speaker"], source["speaker_kind"]
    keep = []
    for t in terms:
        source = (
            source_of(t["text"])
            if article.paragraphs[article.paragraph_at(t["start"])].role in _DISPLAY_ROLES
            else None
        )
        if source is None:
            keep.append(t)
            continue
        sp = Speaker(source["speaker"], source["speaker_kind"])
        claims.append(claim_row(article, t["start"], t["end"], sp, "quote"))
    terms[:] = keep


def _repeats(words: list[str], body: list[str], max_gap: int = 2) -> bool:
    """``words`` appear in ``body`` in order, with at most ``max_gap`` other words among them."""
    for i, w in enumerate(body):
        if w != words[0]:
            continue
        k, gaps, j = 1, 0, i + 1
        while k < len(words) and j < len(body) and gaps <= max_gap:
            if body[j] == words[k]:
                k += 1
            else:
                gaps += 1
            j += 1
        if k == len(words) and gaps <= max_gap:
            return True
    return False


def _title_case(text: str) -> bool:
    """ "The Interview", "Guardians of Peace": every main word capitalized, a name or title."""
    words = [w.strip(".,;:!?’'\"") for w in text.split()]
    main = [w for i, w in enumerate(words) if w and (i == 0 or w.lower() not in SMALL_WORDS)]
    return len(words) >= 2 and bool(main) and all(w[:1].isupper() for w in main)


def _fragments_in_reported(article, claims: list[dict], terms: list[dict]) -> None:
    """Words quoted inside "X said that ... “..." ..." are X's words, not scare quotes; a short
    quote whose own cue lies inside that content ("X told reporters that Seoul would respond
    “flexibly”") is X's too, not the content's subject's."""
    hosts = [c for c in claims if c["kind"] == "reported" and c.get("_cue_before") and c["speaker"]]
    for c in claims:
        if c["kind"] != "quote":
            continue
        # a quote left without a speaker inside someone's reported content is theirs (the
        # innermost content: "Xinhua said Kim told Xi that it could be settled “step by step”"
        # gives Kim's words as Xinhua reported them); so is one that only a trailing
        # "according to" attributes ("The premier told him ties were “warm,” according to
        # state TV")
        trailing_source = c["cue"].lower().startswith("according") and c["cue_start"] > c["end"]
        if c["speaker"] and not trailing_source:
            continue
        host = max(
            (h for h in hosts if h["start"] <= c["start"] and c["end"] <= h["end"]),
            key=lambda h: h["start"],
            default=None,
        )
        if host is not None and (not trailing_source or host["speaker_kind"] == "person"):
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
        if cue in NO_REPORTED or (cue not in reporting_cues() and not own_host):
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
        row = claim_row(article, t["start"], t["end"], sp, "quote")
        claims.append(row)
    terms[:] = keep


_SPEAKING_KINDS = frozenset(("person", "country", "organization"))


def _colon_attributions(article, state: ClaimState, claims: list[dict], terms: list[dict]) -> None:
    """A headline, standfirst or subheading that opens with an actor and a colon ("Seoul:
    new drills will “harm” the talks", "Kerry: ‘We will not accept …’") gives
    that actor the quotes after the colon that have no speaker yet, short ones too (they are
    the actor's words, not scare quotes). Not a dateline in capitals ("BEIJING: ..."), and only
    when the actor's name is all that stands before the colon."""
    text = article.text
    for para in article.paragraphs:
        if para.role not in _DISPLAY_ROLES:
            continue
        colon = text.find(":", para.start, min(para.end, para.start + 60))
        if colon < 0:
            continue
        ms = state.index.within(para.start, colon)
        if len(ms) != 1:
            continue
        m = ms[0]
        name = text[m.start : m.end]
        if (
            m.kind not in _SPEAKING_KINDS
            or name.isupper()
            or text[para.start : m.start].strip()
            or text[m.end : colon].strip()
        ):
            continue
        sp = Speaker(m.canonical, m.kind, m.start, m.end)
        for c in claims:
            if c["kind"] == "quote" and not c["speaker"] and colon < c["start"] < para.end:
                c["speaker"], c["speaker_kind"] = sp.name, sp.kind
        for t in [t for t in terms if t["kind"] == "scare_quote" and colon < t["start"] < para.end]:
            terms.remove(t)
            claims.append(claim_row(article, t["start"], t["end"], sp, "quote"))


_LEAD_ROLES = ("headline", "standfirst")


_PERSON_ROLE = re.compile(
    r"\b(?:head|chief|envoy|delegate|official|spokes(?:man|woman|person)|minister|negotiator|"
    r"leader|diplomat|ambassador|representative|adviser|advisor|aide|secretary|president)\b",
    re.IGNORECASE,
)


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
