"""Split a paragraph into sentences, as character spans of the original text.

Abbreviations listed in ``kit/data/abbreviations.txt`` ("Mr.", "Va.", "Corp.") and
initials ("George W. Bush") do not end a sentence; dotted acronyms ("U.S.") end one
only when a typical sentence opener ("The", "He", ...) follows.
"""

from __future__ import annotations

import re

from .data_files import abbreviations

_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_OPENERS = frozenset(
    "The A An He She It They We I You But And Or So Yet In On At For This That These Those "
    "There Their His Her Its Our As If When While After Before Since Still However Meanwhile "
    "Some Many Most Both Each Such Officials".split()
)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (a paragraph), trimmed of white space."""
    spans: list[tuple[int, int]] = []
    chunk = text[start:end]
    last = 0
    for m in _BOUNDARY.finditer(chunk):
        if not _ends_sentence(chunk, m.start(), m.end()):
            continue
        spans.append((last, m.end()))
        last = m.end()
    spans.append((last, len(chunk)))
    out = []
    for s, e in spans:
        piece = chunk[s:e]
        lead = len(piece) - len(piece.lstrip())
        trimmed = piece.strip()
        if trimmed:
            out.append((start + s + lead, start + s + lead + len(trimmed)))
    return out


def _ends_sentence(chunk: str, dot: int, after: int) -> bool:
    if chunk[dot] != ".":
        return True
    word_start = dot
    while (
        word_start > 0
        and not chunk[word_start - 1].isspace()
        and chunk[word_start - 1] not in "(\"'\u201c\u2018\u2014"
    ):
        word_start -= 1
    word = chunk[word_start:dot]
    if not word:
        return True
    following = chunk[after:].lstrip()
    next_word = re.match(r"[\"'\u201c\u2018(\[]?(\w+)", following)
    next_word = next_word.group(1) if next_word else ""
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # dotted acronym: U.S, D.C
        return next_word in _OPENERS
    if len(word) == 1 and word.isupper():  # an initial
        return False
    return word not in abbreviations()
