"""An ``Article``: the untouched text plus the spans the kit found in it.

``Article.text`` is exactly the decoded file; paragraphs and sentences are spans
(character offsets) into it, so ``text[start:end]`` always gives back what a row says.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from .errors import ArticleError
from .schema import frame
from .sentences import sentence_spans
from .structure import assign_roles, split_paragraphs
from .textio import check_article_text


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    role: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int


@dataclass
class Article:
    """One news article: metadata, the original text, and its structure as spans."""

    id: str
    text: str
    published: dt.date
    title: str = ""
    outlet: str = ""
    file: str = ""
    source: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list, repr=False)
    sentences: list[Sentence] = field(default_factory=list, repr=False)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the nearest one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph containing ``offset`` (or the nearest one before it)."""
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    def role_at(self, offset: int) -> str:
        return self.paragraphs[self.paragraph_at(offset)].role if self.paragraphs else "body"

    def paragraph_text(self, index: int) -> str:
        p = self.paragraphs[index]
        return self.text[p.start : p.end]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    # -- tables -------------------------------------------------------------
    @cached_property
    def _paragraph_texts(self) -> list[str]:
        """Each paragraph's text, sliced once: a one-sentence paragraph's sentence row reuses
        the same string (news has many), which saves memory on a large corpus."""
        text = self.text
        return [text[p.start : p.end] for p in self.paragraphs]

    def paragraph_rows(self) -> list[dict]:
        """The paragraphs table of this article as row dicts (a Corpus builds one frame for all)."""
        aid = self.id
        return [
            {
                "article": aid,
                "paragraph": p.index,
                "role": p.role,
                "start": p.start,
                "end": p.end,
                "text": ptext,
            }
            for p, ptext in zip(self.paragraphs, self._paragraph_texts, strict=True)
        ]

    def sentence_rows(self) -> list[dict]:
        """The sentences table of this article as row dicts."""
        text, aid, paragraphs = self.text, self.id, self.paragraphs
        rows = []
        for s in self.sentences:
            p = paragraphs[s.paragraph]
            if p.start == s.start and p.end == s.end:
                shared = self._paragraph_texts[s.paragraph]
            else:
                shared = text[s.start : s.end]
            rows.append(
                {
                    "article": aid,
                    "sentence": s.index,
                    "paragraph": s.paragraph,
                    "role": p.role,
                    "start": s.start,
                    "end": s.end,
                    "text": shared,
                }
            )
        return rows

    def paragraphs_table(self) -> pd.DataFrame:
        return frame("paragraphs", self.paragraph_rows())

    def sentences_table(self) -> pd.DataFrame:
        return frame("sentences", self.sentence_rows())

    def article_row(self) -> dict:
        return {
            "article": self.id,
            "title": self.title or self.headline or "",
            "outlet": self.outlet,
            "published": self.published.isoformat(),
            "file": self.file,
            "source": self.source,
            "n_chars": len(self.text),
            "n_paragraphs": len(self.paragraphs),
            "n_sentences": len(self.sentences),
        }

    @property
    def headline(self) -> str | None:
        for p in self.paragraphs:
            if p.role == "headline":
                return self.text[p.start : p.end]
        return None


def coerce_date(value, source: str = "<text>") -> dt.date:
    """A publication date from a date, datetime or ISO string, or a clear ``ArticleError``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (not isinstance(value, str) and pd.isna(value))
    ):
        raise ArticleError(
            f"{source}: no publication date. Dates such as 'Tuesday' or 'last week' are read "
            "against it: give it as YYYY-MM-DD (catalog 'published' column or --published)."
        )
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ArticleError(
            f"{source}: publication date {value!r} is not a valid date; write it as YYYY-MM-DD, "
            "e.g. 2016-01-27."
        ) from None


def build_article(
    text: str,
    *,
    published,
    article_id: str,
    title: str | None = None,
    outlet: str | None = None,
    file: str = "",
    source: str = "",
) -> Article:
    """Find the structure of ``text`` and return an ``Article`` (the text is not modified)."""
    where = file or article_id or "<text>"
    check_article_text(text, where)
    published = coerce_date(published, where)
    spans = split_paragraphs(text)
    roles = assign_roles(text, spans)
    paragraphs = [
        Paragraph(i, s, e, r) for i, ((s, e), r) in enumerate(zip(spans, roles, strict=True))
    ]
    sentences: list[Sentence] = []
    for p, spans_in_p in zip(paragraphs, sentence_spans(text, spans), strict=True):
        for s, e in spans_in_p:
            sentences.append(Sentence(len(sentences), p.index, s, e))
    return Article(
        id=str(article_id),
        text=text,
        published=published,
        title=title or "",
        outlet=outlet or "",
        file=file,
        source=source,
        paragraphs=paragraphs,
        sentences=sentences,
    )
