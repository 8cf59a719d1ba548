"""A ``Corpus``: several articles and their tables, built once for all articles and cached.

Widgets, plots and exercise checks only read a Corpus. Tables are computed once,
when first used, and kept in memory (nothing is written to disk).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd

from .article import Article, build_article
from .catalog import read_catalog
from .errors import KitError
from .extract import extract_rows
from .extract.dates import date_rows
from .schema import EXTRACTED_TABLES, TABLES, TableBuilder, frame
from .textio import read_article_file

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


class Corpus:
    """Articles and their tables: ``articles``, ``paragraphs``, ``sentences``,
    ``actors``, ``mentions``, ``claims``, ``dates`` and ``terms`` (all DataFrames)."""

    def __init__(self, articles: list[Article]):
        ids = [a.id for a in articles]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise KitError(f"article ids must be unique; repeated: {', '.join(dupes)}")
        self._articles = {a.id: a for a in articles}

    def __repr__(self) -> str:
        return f"<Corpus of {len(self._articles)} article(s): {', '.join(self._articles)}>"

    def __len__(self) -> int:
        return len(self._articles)

    @property
    def ids(self) -> list[str]:
        return list(self._articles)

    def article(self, article_id: str) -> Article:
        """The ``Article`` object (text and spans) for one id."""
        try:
            return self._articles[article_id]
        except KeyError:
            raise KitError(
                f"no article {article_id!r} in this corpus; choose one of: {', '.join(self.ids)}"
            ) from None

    def text(self, article_id: str) -> str:
        return self.article(article_id).text

    # -- structure tables -----------------------------------------------------
    @cached_property
    def articles(self) -> pd.DataFrame:
        return frame("articles", [a.article_row() for a in self._articles.values()])

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        builder = TableBuilder("paragraphs")
        for a in self._articles.values():
            builder.add(a.paragraph_rows())
        return builder.frame()

    @cached_property
    def sentences(self) -> pd.DataFrame:
        builder = TableBuilder("sentences")
        for a in self._articles.values():
            builder.add(a.sentence_rows())
        return builder.frame()

    # -- extracted tables -----------------------------------------------------
    @cached_property
    def _extracted(self) -> dict[str, pd.DataFrame]:
        # Rows of every article first, then one DataFrame per table: building a frame per
        # article and concatenating costs more time and memory than the extraction itself.
        builders = {name: TableBuilder(name) for name in EXTRACTED_TABLES}
        for article in self._articles.values():
            for name, rows in extract_rows(article).items():
                builders[name].add(rows)
            builders["dates"].add(date_rows(article))
        tables = {}
        for name in EXTRACTED_TABLES:
            tables[name] = builders.pop(name).frame()
        return tables

    @property
    def actors(self) -> pd.DataFrame:
        return self._extracted["actors"]

    @property
    def mentions(self) -> pd.DataFrame:
        return self._extracted["mentions"]

    @property
    def claims(self) -> pd.DataFrame:
        return self._extracted["claims"]

    @property
    def dates(self) -> pd.DataFrame:
        return self._extracted["dates"]

    @property
    def terms(self) -> pd.DataFrame:
        return self._extracted["terms"]

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in the documented order (``kit.schema.TABLES``)."""
        return {name: getattr(self, name) for name in TABLES}


def load_article_file(
    path: str | Path,
    *,
    published,
    article_id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    source: str = "",
) -> Article:
    """Read one .txt file and parse it (the id defaults to the file name without .txt)."""
    path = Path(path)
    text = read_article_file(path)
    return build_article(
        text,
        published=published,
        article_id=article_id or path.stem,
        title=title,
        outlet=outlet,
        file=path.name,
        source=source or str(path.name),
    )


def load_folder(folder: str | Path) -> list[Article]:
    """Every article listed in ``folder/catalog.csv``."""
    return [
        load_article_file(
            row.file,
            published=row.published,
            article_id=row.id,
            title=row.title,
            outlet=row.outlet,
            source=row.source,
        )
        for row in read_catalog(folder)
    ]


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load a folder of articles with a ``catalog.csv`` (default: the bundled seeds)."""
    folder = Path(path) if path is not None else SEEDS_DIR
    if not folder.exists():
        raise KitError(f"{folder}: no such folder. Give the folder that holds catalog.csv.")
    if folder.is_file():
        raise KitError(
            f"{folder}: is a file; load_corpus takes a folder with a catalog.csv. For one "
            "article use kit.parse_article(text, published=...)."
        )
    return Corpus(load_folder(folder))


def parse_article(
    text: str, *, published, article_id: str, title: str | None = None, outlet: str | None = None
) -> Corpus:
    """Parse one article's text; the result has the same tables as a Corpus."""
    return Corpus(
        [
            build_article(
                text, published=published, article_id=article_id, title=title, outlet=outlet
            )
        ]
    )
