"""Hard-wrapped articles: extract from a view where line breaks inside a paragraph are spaces.

A hard-wrapped text breaks lines inside sentences and names ("Ewha\\nWomans University",
"Mr.\\nPence"). The extractors' patterns treat a line break as the end of a line, so they run on
a view of the article whose in-paragraph line breaks are spaces. A space replaces each break
character one for one, so every offset stays valid; the rows' text columns are then sliced
again from the original text, which is never changed.
"""

from __future__ import annotations

import dataclasses

from ..article import Article

#: Row columns holding text that must equal ``article.text[start:end]``.
_SPANS = (("text", "start", "end"), ("cue", "cue_start", "cue_end"))


def scan_view(article: Article) -> Article:
    """``article`` itself, or a copy whose line breaks inside paragraphs are spaces."""
    text = article.text
    if not any(text.find("\n", p.start, p.end) >= 0 for p in article.paragraphs):
        return article
    chars = list(text)
    for p in article.paragraphs:
        i = text.find("\n", p.start, p.end)
        while i >= 0:
            chars[i] = " "
            if i > p.start and chars[i - 1] == "\r":
                chars[i - 1] = " "
            i = text.find("\n", i + 1, p.end)
    return dataclasses.replace(article, text="".join(chars))


def restore_text(article: Article, rows: list[dict]) -> list[dict]:
    """Re-slice each row's offset-bound text columns from the original article text."""
    text = article.text
    for row in rows:
        for col, start, end in _SPANS:
            s, e = row.get(start), row.get(end)
            if col in row and isinstance(s, int) and isinstance(e, int):
                row[col] = text[s:e]
    return rows
