"""Split paragraphs into sentences, as character spans of the original text.

Abbreviations listed in ``kit/data/abbreviations.txt`` ("Mr.", "Va.", "Corp.") and
initials ("George W. Bush") do not end a sentence; dotted acronyms ("U.S.") end one
only when a typical sentence opener ("The", "He", ...) follows. A sentence never
crosses a paragraph boundary.
"""

from __future__ import annotations

import re

from .data_files import abbreviations

# (a footnote mark may follow the full stop: "... in U.S. custody.[1] Indonesian ...")
_BOUNDARY = re.compile(
    r"[.!?]+[\"'\u201d\u2019)\]]*(?:\[\d{1,3}\])*(?=[ \t\xa0]+[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
_BULLET = re.compile(r"[ \t\xa0]\u2022[ \t\xa0]")
_LAST_WORD = re.compile(r"[^\s(\"\u201c\u2018\u2014]*$")
_NEXT_WORD = re.compile(r"\s*[\"'\u201c\u2018(\[]?(\w+)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_OPENERS = frozenset(
    "The A An He She It They We I You But And Or So Yet In On At For This That These Those "
    "There Their His Her Its Our As If When While After Before Since Still However Meanwhile "
    "Some Many Most Both Each Such Officials".split()
)


def sentence_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """For each paragraph span, its sentence spans (one regex pass over the whole text)."""
    cuts = [m.end() for m in _BOUNDARY.finditer(text) if _ends_sentence(text, m.start(), m.end())]
    # "... within two weeks • Analysts in Beijing say ...": a bullet starts a sentence
    if "\u2022" in text:
        cuts = sorted(set(cuts) | {m.start() + 1 for m in _BULLET.finditer(text)})
    out: list[list[tuple[int, int]]] = []
    i = 0
    for start, end in paragraphs:
        while i < len(cuts) and cuts[i] <= start:
            i += 1
        spans = []
        last = start
        while i < len(cuts) and cuts[i] < end:
            spans.append((last, cuts[i]))
            last = cuts[i]
            i += 1
        spans.append((last, end))
        out.append([_trim(text, s, e) for s, e in spans if text[s:e].strip()])
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph)."""
    return sentence_spans(text, [(start, end)])[0]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    if text[dot] != ".":
        return True
    word = _LAST_WORD.search(text, max(0, dot - 40), dot).group()
    if not word:
        return True
    following = _NEXT_WORD.match(text, after)
    next_word = following.group(1) if following else ""
    if _ACRONYM.fullmatch(word):  # dotted acronym: U.S, D.C
        return next_word in _OPENERS
    if len(word) == 1 and word.isupper():  # an initial
        return False
    return word not in abbreviations()
