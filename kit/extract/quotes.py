"""Find quoted spans: curly and straight, double and single quotation marks.

An apostrophe is not a quote mark: a single mark opens a quote only at the start of a
word (after a space, a bracket or a dash) and closes one only at the end of a word
("don’t", "Kim’s" and "the ’90s" are left alone). A quote left open at the end of a
paragraph continues when the next paragraph opens with a quote mark again (the
newspaper convention for a quote running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Article

_DOUBLE = re.compile(r"[\u201c\u201d\u201e\"]")
_OPEN_CONTEXT = " \t\n\u00a0([{\u2014\u2013-/:;,\u201c\u2018\"'"
_CLOSE_AFTER = re.compile(r"(?:$|[\s.,;:!?)\]}\u2014\u2013\u201d\"'-])")
_SINGLE = re.compile(r"[\u2018\u2019']")
_APOSTROPHE_WORDS = re.compile(r"(?:\d\d?s?\b|em\b|n[\u2019']|til\b|cause\b|tis\b)", re.IGNORECASE)


@dataclass
class Quote:
    """Content span (without the marks), the marks' span, and the paragraph it opens in."""

    start: int
    end: int
    open: int
    close: int
    paragraph: int
    continued: bool = False  # runs over several paragraphs


def find_quotes(article: Article, skip_roles: frozenset[str]) -> list[Quote]:
    """Every quoted span in the article, in text order (nested quotes are not listed)."""
    text = article.text
    out: list[Quote] = []
    pending: Quote | None = None  # an unclosed double quote running into the next paragraph
    for para in article.paragraphs:
        if para.role in skip_roles:
            pending = None
            continue
        ps, pe = para.start, para.end
        doubles, unclosed = _double_spans(text, ps, pe)
        if pending is not None:
            if (
                doubles
                and doubles[0][0] == _first_char(text, ps, pe)
                and (doubles[0][1] is not None or unclosed)
            ):
                first_open, first_close = doubles[0]
                if first_close is not None:
                    pending.end = first_close
                    pending.close = first_close
                    out.append(_trimmed(text, pending))
                    doubles = doubles[1:]
                    pending = None
                else:  # still open: keep running
                    pending.end = pe
                    doubles = doubles[1:]
            else:
                pending.end = pending.close = _last_char(text, pending.start, pending.end)
                out.append(_trimmed(text, pending))
                pending = None
        for o, c in doubles:
            if c is None:
                pending = Quote(o + 1, pe, o, pe, para.index, continued=True)
            else:
                out.append(_trimmed(text, Quote(o + 1, c, o, c, para.index)))
        covered = [(q.open, q.close) for q in out if q.paragraph == para.index]
        for o, c in _single_spans(text, ps, pe):
            if any(a <= o < b for a, b in covered) or (pending and o > pending.open):
                continue
            out.append(_trimmed(text, Quote(o + 1, c, o, c, para.index)))
    if pending is not None:
        out.append(_trimmed(text, pending))
    out = [q for q in out if q.end > q.start]
    out.sort(key=lambda q: q.start)
    return _outermost(out)


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Drop a quote inside another ("‘Pyongyang calls it “an act of war”, and ...’" is one
    quote of the outer speaker): single marks inside double ones are skipped when found, but
    British style nests double marks inside single ones. ``quotes`` is sorted by start."""
    out: list[Quote] = []
    for q in quotes:
        if out and out[-1].open < q.open and q.close < out[-1].close:
            continue
        out.append(q)
    return out


def _first_char(text: str, s: int, e: int) -> int:
    while s < e and text[s].isspace():
        s += 1
    return s


def _last_char(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


def _trimmed(text: str, q: Quote) -> Quote:
    s, e = q.start, q.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    q.start, q.end = s, e
    return q


def _double_spans(text: str, ps: int, pe: int) -> tuple[list[tuple[int, int | None]], bool]:
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for m in _DOUBLE.finditer(text, ps, pe):
        i, ch = m.start(), m.group()
        if ch == "\u201c" or ch == "\u201e":
            is_open = True
        elif ch == "\u201d":
            is_open = False
        else:  # straight mark: opening at a word start, else closing
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            is_open = (prev in _OPEN_CONTEXT or i == ps) and not nxt.isspace()
            if open_at is not None and is_open and (nxt.isspace() or prev.isalnum()):
                is_open = False
            if open_at is not None and not is_open and _CLOSE_AFTER.match(text, i + 1) is None:
                continue  # a mark inside a word ('href="x"'): neither opens nor closes
            if open_at is not None and is_open and prev not in " \t\n\u00a0(":
                continue  # '="' inside a quote: not a new quote
        if is_open:
            open_at = i
        elif open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, None))
        return spans, True
    return spans, False


def _single_spans(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    spans = []
    open_at: int | None = None
    for m in _SINGLE.finditer(text, ps, pe):
        i = m.start()
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        opens = (
            (i == ps or prev in _OPEN_CONTEXT)
            and m.group() != "\u2019"
            or (m.group() == "\u2019" and (i == ps or prev in " \u00a0(") and nxt.isalpha())
        )
        if (
            opens
            and (nxt.isalnum() or nxt in '\u201c"')
            and not _APOSTROPHE_WORDS.match(text, i + 1)
        ):
            open_at = i
            continue
        closes = not prev.isspace() and _CLOSE_AFTER.match(text, i + 1) is not None
        if closes and open_at is not None and m.group() != "\u2018":
            if i - open_at > 1 and not (prev == "s" and _looks_possessive(text, i, pe)):
                spans.append((open_at, i))
                open_at = None
    return spans


def _looks_possessive(text: str, c: int, pe: int) -> bool:
    """ "the generals’ patience is thin,’ he said": a plural possessive, not the closing mark,
    when a word follows and another closing mark comes later in the paragraph."""
    if not (c + 2 < pe and text[c + 1] in " \u00a0" and text[c + 2].islower()):
        return False
    later = _LATER_CLOSE.search(text, c + 1, pe)
    return later is not None and "\u2018" not in text[c + 1 : later.start()]


_LATER_CLOSE = re.compile(r"(?<=\S)[\u2019'](?=$|[\s.,;:!?)\]}\u2014\u2013\u201d\"-])")
