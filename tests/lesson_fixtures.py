"""A small invented article with hand-made tables, for testing the lesson widgets.

The reader, explorers and plots only read a Corpus's tables, so these tests give them
tables built by hand (offsets found in the text, never typed in) instead of depending
on what the extractors find today. The article is written for the tests, in news style.
"""

from __future__ import annotations

import kit
from kit.schema import frame

TEXT = """Talks stall as Ruritania tests again

Ruritania's latest launch leaves envoys in Elbonia and Freedonia searching for a way back to talks.

Jane Roe/Wire Photo/File
Ruritanian Premier Karl Blau waves to officials in Strelsau on Monday.

Freedonia's Foreign Minister Ana Lima said on Monday that "the door to talks is still open" and that sanctions would follow any further test.

"We will not be moved by threats," Premier Karl Blau said. Blau added that Ruritania would defend itself.

Elbonia is "deeply worried," said Tom Park, a senior analyst at the Harbor Institute. "Nobody wants a crisis next week," Park said.

"Pressure alone will not work," said a senior official who asked not to be named.

Subscribe to continue reading. Get unlimited stories."""

# (actor, kind, surface text, occurrence number of that text, role, affiliation, country)
MENTIONS = [
    ("Ruritania", "country", "Ruritania", 0, "", "", "Ruritania"),
    ("Ruritania", "country", "Ruritania", 1, "", "", "Ruritania"),
    ("Elbonia", "country", "Elbonia", 0, "", "", "Elbonia"),
    ("Freedonia", "country", "Freedonia", 0, "", "", "Freedonia"),
    ("Karl Blau", "person", "Karl Blau", 0, "Premier", "", "Ruritania"),
    ("Karl Blau", "person", "Karl Blau", 1, "Premier", "", "Ruritania"),
    ("Karl Blau", "person", "Blau", 2, "Premier", "", "Ruritania"),
    ("Ana Lima", "person", "Ana Lima", 0, "Foreign Minister", "", "Freedonia"),
    ("Tom Park", "person", "Tom Park", 0, "senior analyst", "Harbor Institute", "Elbonia"),
    ("Tom Park", "person", "Park", 1, "senior analyst", "Harbor Institute", "Elbonia"),
    ("Harbor Institute", "organization", "Harbor Institute", 0, "", "", ""),
]

# (speaker, speaker_kind, kind, claim text, cue)
CLAIMS = [
    ("Ana Lima", "person", "reported", "the door to talks is still open", "said"),
    ("Karl Blau", "person", "quote", "We will not be moved by threats,", "said"),
    ("Karl Blau", "person", "reported", "Ruritania would defend itself", "added"),
    ("Tom Park", "person", "quote", "deeply worried,", "said"),
    ("Tom Park", "person", "quote", "Nobody wants a crisis next week,", "said"),
    (None, "unnamed", "quote", "Pressure alone will not work,", "said"),
]

DATES = [("on Monday", "2026-11-23", False, 0), ("next week", "2026-W49", True, 0)]


def find(text: str, needle: str, occurrence: int = 0, after: int = 0) -> int:
    pos = after - 1
    for _ in range(occurrence + 1):
        pos = text.index(needle, pos + 1)
    return pos


def corpus_with_tables(text: str = TEXT, *, empty: bool = False) -> kit.Corpus:
    """Parse ``text`` and give the corpus hand-made actor, claim and date tables."""
    corpus = kit.parse_article(
        text, published="2026-11-24", article_id="test-ruritania", outlet="Test Wire"
    )
    art = corpus.article("test-ruritania")
    aid = art.id
    mentions, actors, claims, dates = [], {}, [], []
    if not empty:
        for actor, kind, surface, occ, role, aff, country in MENTIONS:
            s = find(text, surface, occ)
            mentions.append(
                {
                    "article": aid,
                    "actor": actor,
                    "kind": kind,
                    "text": surface,
                    "start": s,
                    "end": s + len(surface),
                    "sentence": art.sentence_at(s),
                }
            )
            if actor not in actors:
                actors[actor] = {
                    "article": aid,
                    "actor": actor,
                    "kind": kind,
                    "mentions": 0,
                    "aliases": surface,
                    "role": role,
                    "affiliation": aff,
                    "country": country,
                    "text": surface,
                    "start": s,
                    "end": s + len(surface),
                }
            actors[actor]["mentions"] += 1
        for i, (speaker, skind, kind, quote, cue) in enumerate(CLAIMS):
            s = find(text, quote)
            sent = art.sentence_at(s)
            sent_span = art.sentences[sent]
            c = text.index(cue, sent_span.start)
            claims.append(
                {
                    "article": aid,
                    "claim": i,
                    "speaker": speaker,
                    "speaker_kind": skind,
                    "kind": kind,
                    "text": quote,
                    "start": s,
                    "end": s + len(quote),
                    "sentence": sent,
                    "paragraph": art.paragraph_at(s),
                    "cue": cue,
                    "cue_start": c,
                    "cue_end": c + len(cue),
                }
            )
        for surface, value, vague, occ in DATES:
            s = find(text, surface, occ)
            dates.append(
                {
                    "article": aid,
                    "text": surface,
                    "value": value,
                    "kind": "date",
                    "vague": vague,
                    "start": s,
                    "end": s + len(surface),
                    "sentence": art.sentence_at(s),
                }
            )
    corpus.__dict__["_extracted"] = {
        "actors": frame("actors", list(actors.values())),
        "mentions": frame("mentions", mentions),
        "claims": frame("claims", claims),
        "dates": frame("dates", dates),
        "terms": frame("terms", []),
    }
    return corpus
