"""Column lists for every table the kit produces.

One place to read what each table holds; extractors, the Corpus, the CLI and the
tests all use these lists so the tables always have the same shape, even when empty.
"""

from __future__ import annotations

import pandas as pd

#: Paragraph roles, in the order they usually appear in an article.
PARAGRAPH_ROLES = (
    "headline",
    "standfirst",
    "byline",
    "photo_credit",
    "caption",
    "subheading",
    "body",
    "boilerplate",
)

COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article",
        "title",
        "outlet",
        "published",
        "file",
        "source",
        "n_chars",
        "n_paragraphs",
        "n_sentences",
    ],
    "paragraphs": ["article", "paragraph", "role", "start", "end", "text"],
    "sentences": ["article", "sentence", "paragraph", "role", "start", "end", "text"],
    # One row per actor per article; text/start/end locate the first mention.
    "actors": [
        "article",
        "actor",
        "kind",
        "mentions",
        "aliases",
        "role",
        "affiliation",
        "country",
        "text",
        "start",
        "end",
    ],
    # One row per mention of an actor (the long form behind actors.mentions).
    "mentions": ["article", "actor", "kind", "text", "start", "end", "sentence"],
    "claims": [
        "article",
        "claim",
        "speaker",
        "speaker_kind",
        "kind",
        "text",
        "start",
        "end",
        "sentence",
        "paragraph",
        "cue",
        "cue_start",
        "cue_end",
    ],
    "dates": ["article", "text", "value", "kind", "vague", "start", "end", "sentence"],
    # Quoted words that are not claims: scare quotes, titles, nicknames.
    "terms": ["article", "text", "kind", "start", "end", "sentence"],
}

TABLES = tuple(COLUMNS)
EXTRACTED_TABLES = ("actors", "mentions", "claims", "dates", "terms")


def empty(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns of ``table``."""
    return pd.DataFrame({col: pd.Series(dtype=_dtype(col)) for col in COLUMNS[table]})


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Build ``table`` from row dicts, with its columns in the documented order."""
    if not rows:
        return empty(table)
    return _in_order(table, _from_rows(rows))


class TableBuilder:
    """The rows of one table, kept column by column while a corpus is parsed (no dict per
    row is kept: for 10,000 articles that saves hundreds of MB), then one DataFrame."""

    def __init__(self, table: str):
        self.table = table
        self.columns: dict[str, list] | None = None
        self.rows: list[dict] = []  # used instead when rows do not all have the same keys

    def add(self, rows: list[dict]) -> None:
        for row in rows:
            if self.columns is None and not self.rows:
                self.columns = {key: [] for key in row}
            if self.columns is not None and row.keys() == self.columns.keys():
                for key, column in self.columns.items():
                    column.append(row[key])
                continue
            if self.columns is not None:  # irregular rows: back to one dict per row
                keys = list(self.columns)
                self.rows = [
                    dict(zip(keys, v, strict=True))
                    for v in zip(*self.columns.values(), strict=True)
                ]
                self.columns = None
            self.rows.append(row)

    def frame(self) -> pd.DataFrame:
        if self.columns is None or not next(iter(self.columns.values()), None):
            return frame(self.table, self.rows)
        df = pd.DataFrame(self.columns)
        self.columns = None
        return _in_order(self.table, df)


def _in_order(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the columns of ``table`` in the documented order (missing ones empty)."""
    missing = [c for c in COLUMNS[table] if c not in df.columns]
    for col in missing:
        df[col] = pd.Series(dtype=_dtype(col))
    extra = [c for c in df.columns if c not in COLUMNS[table]]
    return df[COLUMNS[table] + extra]


def _from_rows(rows: list[dict]) -> pd.DataFrame:
    """``pd.DataFrame(rows)``, built column by column when every row has the same keys
    (several times faster for the long tables of a large corpus)."""
    keys = rows[0].keys()
    if any(r.keys() != keys for r in rows):
        return pd.DataFrame(rows)
    return pd.DataFrame({k: [r[k] for r in rows] for k in keys})


_INT_COLUMNS = {
    "start",
    "end",
    "sentence",
    "paragraph",
    "mentions",
    "n_chars",
    "n_paragraphs",
    "n_sentences",
    "claim",
}
#: Offsets that may be missing (a claim without a reporting verb has no cue).
_NULLABLE_INT_COLUMNS = {"cue_start", "cue_end"}


def _dtype(col: str) -> str:
    if col in _INT_COLUMNS:
        return "int64"
    if col in _NULLABLE_INT_COLUMNS:
        return "Int64"
    if col == "vague":
        return "bool"
    return "object"
