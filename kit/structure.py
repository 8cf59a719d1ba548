"""Find an article's paragraphs and give each a role, without changing the text.

A paragraph is a span ``(start, end)`` of the original text, trimmed of surrounding
white space. Roles: headline, standfirst, byline, photo_credit, caption, subheading,
body, boilerplate (see ``kit.schema.PARAGRAPH_ROLES``). Page furniture such as
paywall lines is *flagged* as boilerplate, never deleted.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .data_files import boilerplate_patterns

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_TERMINAL = tuple(".!?:;,\u201d\"\u2019')…")
_CREDIT = re.compile(
    r"^(?:\(?(?i:photo|photograph|image|picture|file photo)s?\s*(?i:by|:|credit:?|copyright|source:?)\s*.+\)?"
    r"|[A-Z][\w.'\-\u2019]*(?:\s+[A-Za-z][\w.'\-\u2019]*){0,4}\s*(?:/\s*[A-Z][\w.&'\- ]*){1,3}"
    r"|(?:AP|Reuters|AFP|Getty Images|EPA|Yonhap|KCNA|Xinhua)(?:\s+(?:Photo|file photo))?"
    r"(?:\s*/\s*[A-Z][\w.'\- ]*)*)$"
)
_CAPTION_START = re.compile(
    r"(?:(?:photo|caption|pictured|above|left|right|top)\s*:|image caption\b)", re.IGNORECASE
)
_CAPTION_END = re.compile(
    r"(?:\((?:AP|Reuters|AFP|EPA|Getty|Yonhap|Xinhua|Kyodo|KCNA)\b[^()]*\)"
    r"|/[ \u00a0]?(?:AP|Reuters|AFP|Getty Images|EPA|Yonhap|Xinhua|Kyodo)\)?"
    r"|\[(?:YONHAP|Yonhap|AP|AFP|REUTERS|Reuters|XINHUA|Xinhua|NEWS1|JoongAng Photo)\]"
    r"|\b(?:Photograph|Photo|Picture): [^.]{2,60})\s*$"
)
#: "SEOUL, South Korea (AP) —", "BEIJING (Reuters) -", "WASHINGTON —": a story's opening line.
DATELINE = re.compile(
    r"[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Z][\w.' ]+)*\s*(?:\([^()]{1,40}\))?\s*[\u2014\u2013-]{1,2}\s"
)
#: Any dateline at a paragraph's start: the above, "Seoul, South Korea (CNN) —" in ordinary case
#: with the outlet in brackets, and "BEIJING, Feb. 10 (Xinhua) --".
_DATELINE_ANY = re.compile(
    r"[A-Z][\w.'\- ]{1,30}(?:,[ \u00a0]*[A-Z][\w.' ]{1,30})*[ \u00a0]*(?:\([^()]{1,40}\))?"
    r"[ \u00a0]*(?:[\u2014\u2013]|--?)[ \u00a0]"
)


def dateline_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """The dateline opening ``text[start:end]`` (a place in capitals, or any place followed by
    the outlet in brackets), or None."""
    m = _DATELINE_ANY.match(text, start, end)
    if m and ("(" in m.group() or text[start : m.end()].isupper()):
        return m
    return DATELINE.match(text, start, end)


_BYLINE_IN = re.compile(r"^[A-Z][\w'\-]+(?: [A-Z][\w'\-.]+){1,3} (?:in|and) [A-Z][\w ]{2,30}$")
_TIMESTAMP = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,? )?(?:\d{1,2} [A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.? \d{1,2},?) "
    r"\d{4}\b[\w\s.:,]{0,30}$"
)
_BYLINE = re.compile(r"^(?:by|from)\s+[A-Z][\w.'\-]+(?:[ ,]+[\w.'&\-]+){0,8}$", re.IGNORECASE)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: one per line, or one per blank-line block when lines are hard-wrapped."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        line = m.group()
        stripped = line.strip()
        if not stripped:
            if blocks[-1]:
                blocks.append([])
            continue
        lead = len(line) - len(line.lstrip())
        blocks[-1].append((m.start() + lead, m.start() + lead + len(stripped)))
    blocks = [part for b in blocks if b for part in _split_at_furniture(text, b)]
    wrapped = [_hard_wrapped(text, block) for block in blocks]
    # The wrap width of a hard-wrapped text: the longest line of its clearly wrapped blocks.
    width = max((e - s for b, w in zip(blocks, wrapped, strict=True) if w for s, e in b), default=0)
    spans: list[tuple[int, int]] = []
    for block, is_wrapped in zip(blocks, wrapped, strict=True):
        if is_wrapped:
            spans.append((block[0][0], block[-1][1]))
        elif width:
            spans.extend(_unwrap(text, block, width))
        else:
            spans.extend(block)
    return spans


def _split_at_furniture(text: str, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A print copy's page break inside a paragraph ("Please see TALKS on Page A6", a page
    header, "Continued from Page A1"): each such line becomes a block of its own, so the lines
    around it can still be recognised as wrapped paragraphs."""
    if len(block) < 3:
        return [block]
    parts: list[list[tuple[int, int]]] = [[]]
    for i, (s, e) in enumerate(block):
        if 0 < i < len(block) - 1 and is_boilerplate(text[s:e]):  # ("Most read" + a list: one)
            parts.extend([[(s, e)], []])
        else:
            parts[-1].append((s, e))
    return [p for p in parts if p]


def _unwrap(text: str, block: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """Lines of a short block in a hard-wrapped text, joined where the wrapping broke them: a
    line continues on the next when the next line's first word would not have fitted on it
    ("... the nuclear program has" + "changed.”")."""
    out = [block[0]]
    for s, e in block[1:]:
        ps, pe = out[-1]
        first = len(text[s:e].split(None, 1)[0])
        last_line = pe - text.rfind("\n", ps, pe) - 1 if "\n" in text[ps:pe] else pe - ps
        if last_line + 1 + first > width - 2 and last_line <= width:
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def _hard_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    """True for a block of several short lines that make up one paragraph (a wrapped text):
    lines of similar, modest length, many of them continued in lower case on the next line."""
    if len(block) < 3:
        return False
    lengths = [end - start for start, end in block[:-1]]
    if max(lengths) > 100 or sum(lengths) / len(lengths) < 50:
        return False
    continued = sum(text[start].islower() or text[start].isdigit() for start, _ in block[1:])
    return continued * 3 >= len(block) - 1


def _is_sentence(paragraph: str) -> bool:
    return len(paragraph.split()) >= 6 and paragraph.rstrip("\u201d\"')").endswith((".", "?", "!"))


def is_boilerplate(paragraph: str) -> bool:
    if len(paragraph) >= 400:
        return False
    at_start, anywhere = boilerplate_patterns()
    lowered = paragraph.lower()
    return bool(at_start.match(lowered) or anywhere.search(lowered))


def _boilerplate_indexes(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of boilerplate paragraphs: like ``is_boilerplate`` on each paragraph, but with
    the text lower-cased once and the unanchored patterns run once over all of it."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter changed length when lower-cased
        return [i for i, (s, e) in enumerate(spans) if is_boilerplate(text[s:e])]
    at_start, anywhere = boilerplate_patterns()
    starts = [s for s, _ in spans]
    hits = set()
    for m in anywhere.finditer(lowered):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= spans[i][1]:
            hits.add(i)
    return [
        i
        for i, (s, e) in enumerate(spans)
        if e - s < 400 and (i in hits or at_start.match(lowered, s, e))
    ]


def is_photo_credit(paragraph: str) -> bool:
    return len(paragraph) <= 80 and bool(_CREDIT.match(paragraph)) and not paragraph.endswith(".")


_ENCLOSING_QUOTES = re.compile(r"^([‘“'\"])((?:[^‘’“”\"]|’(?=\w))+)([’”'\"])$")  # “Kim’s” inside


def _is_heading_like(paragraph: str, max_chars: int) -> bool:
    # a quoted heading, "‘The Money Was Never the Point’": the words inside the marks decide
    quoted = _ENCLOSING_QUOTES.match(paragraph)
    if quoted and quoted.group(2)[-1:] not in ".!?,;:…":
        paragraph = quoted.group(2)
    words = paragraph.split()
    return (
        0 < len(paragraph) <= max_chars
        and not paragraph.endswith(_TERMINAL)
        and paragraph[0].isupper()
        and len(words) <= 14
    )


def assign_roles(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """One role per paragraph span, from layout cues only (no article-specific rules)."""
    paras = [text[s:e] for s, e in spans]
    n = len(paras)
    roles = ["body"] * n

    for i in _boilerplate_indexes(text, spans):
        roles[i] = "boilerplate"
    # Page furniture clusters at the end: after a boilerplate line near the end, short lines
    # that are not sentences ("Share", "Most read", "$11/month") are furniture too.
    first_tail = next((i for i in range(n) if roles[i] == "boilerplate" and i >= n * 0.6), None)
    if first_tail is not None:
        for i in range(first_tail + 1, n):
            if len(paras[i]) < 120 and not _is_sentence(paras[i]):
                roles[i] = "boilerplate"

    for i, p in enumerate(paras):
        if roles[i] != "body":
            continue
        if is_photo_credit(p):
            roles[i] = "photo_credit"
        elif _CAPTION_START.match(p) or _CAPTION_END.search(p[-80:]):
            roles[i] = "caption"
        elif len(p) <= 100 and (
            _BYLINE.match(p) or _TIMESTAMP.match(p) or (i < 5 and _BYLINE_IN.match(p))
        ):
            roles[i] = "byline"

    # A caption sits next to its photo credit.
    for i in range(n):
        if roles[i] == "photo_credit":
            nxt = i + 1
            if nxt < n and roles[nxt] == "body" and len(paras[nxt]) <= 600:
                roles[nxt] = "caption"

    # Headline: the first paragraph when it is short and is not a sentence ending in a period.
    first = next((i for i in range(n) if roles[i] == "body"), None)
    if first is not None and first == 0 and len(paras[0]) <= 200 and not paras[0].endswith("."):
        roles[0] = "headline"
        # Standfirst: the summary right after the headline, when page furniture
        # (byline, photo credit, caption) follows it, or when it is a short summary
        # set off before a longer lede.
        j = 1
        while j < n and roles[j] == "byline":
            j += 1
        if j < n and roles[j] == "body":
            after = roles[j + 1] if j + 1 < n else "body"
            if not DATELINE.match(paras[j]) and (
                after in ("photo_credit", "caption", "byline")
                or (len(paras[j]) <= 300 and j + 1 < n and len(paras[j + 1]) > len(paras[j]))
            ):
                roles[j] = "standfirst"

    # Subheadings: short title-like lines between body paragraphs.
    for i in range(1, n - 1):
        if roles[i] == "body" and _is_heading_like(paras[i], 80):
            if roles[i + 1] in ("body",) and len(paras[i + 1]) > len(paras[i]):
                roles[i] = "subheading"
    return roles
