"""Column lists for every table the kit produces.

One place to read what each table holds; extractors, the Corpus, the CLI and the
tests all use these lists so the tables always have the same shape, even when empty.
"""

from __future__ import annotations

from array import array

import numpy as np
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
    """The rows of one table, kept column by column while a corpus is parsed, then one
    DataFrame. No dict per row is kept, integer columns are packed (8 bytes a value) and
    repeated strings (article ids, actor names, kinds) are stored once: for 10,000 articles
    that saves hundreds of MB."""

    def __init__(self, table: str):
        self.table = table
        self.columns: dict[str, list | array] | None = None
        self.rows: list[dict] = []  # used instead when rows do not all have the same keys
        self._seen: dict[str, dict[str, str]] = {}

    def add(self, rows: list[dict]) -> None:
        if not rows:
            return
        if self.columns is None and not self.rows:
            first = rows[0]
            self.columns = {key: array("q") if key in _INT_COLUMNS else [] for key in first}
            self._seen = {key: {} for key in first if key != "text" or self.table == "mentions"}
        if self.columns is not None:
            keys = self.columns.keys()
            if all(row.keys() == keys for row in rows):
                self._extend(rows)  # the common case: column by column, not row by row
                return
        for row in rows:
            if self.columns is None and not self.rows:
                self.columns = {key: array("q") if key in _INT_COLUMNS else [] for key in row}
                self._seen = {key: {} for key in row if key != "text" or self.table == "mentions"}
            if self.columns is not None and row.keys() == self.columns.keys():
                self._append(row)
                continue
            if self.columns is not None:  # irregular rows: back to one dict per row
                self._to_rows()
            self.rows.append(row)

    def _append(self, row: dict) -> None:
        seen = self._seen
        for key, column in self.columns.items():
            value = row[key]
            if type(value) is str and key in seen:
                value = seen[key].setdefault(value, value)
            try:
                column.append(value)
            except TypeError:  # not an int after all (None, a float): keep Python objects
                self.columns[key] = column = list(column)
                column.append(value)

    def _extend(self, rows: list[dict]) -> None:
        seen = self._seen
        for key, column in self.columns.items():
            values = [row[key] for row in rows]
            known = seen.get(key)
            if known is not None:
                values = [known.setdefault(v, v) if type(v) is str else v for v in values]
            size = len(column)
            try:
                column.extend(values)
            except TypeError:  # not all ints after all (None, a float): keep Python objects
                self.columns[key] = column = list(column[:size])  # drop a partial extend
                column.extend(values)

    def _to_rows(self) -> None:
        keys = list(self.columns)
        values = [list(c) for c in self.columns.values()]
        self.rows = [dict(zip(keys, v, strict=True)) for v in zip(*values, strict=True)]
        self.columns = None

    def frame(self) -> pd.DataFrame:
        self._seen = {}
        if self.columns is None or not len(next(iter(self.columns.values()), [])):
            return frame(self.table, self.rows)
        # One column at a time, each list dropped as soon as its Series exists, and no
        # consolidation into 2-D blocks (copy=False): the peak stays near the final size.
        columns, self.columns = self.columns, None
        order = [c for c in COLUMNS[self.table] if c in columns]
        order += [c for c in columns if c not in order]
        data = {}
        for key in order:
            col = columns.pop(key)
            data[key] = pd.Series(
                np.frombuffer(col, dtype=np.int64) if isinstance(col, array) else col,
                copy=False,
            )
            del col
        return _in_order(self.table, pd.DataFrame(data, copy=False))


def _in_order(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the columns of ``table`` in the documented order (missing ones empty)."""
    missing = [c for c in COLUMNS[table] if c not in df.columns]
    for col in missing:
        df[col] = pd.Series(dtype=_dtype(col))
    extra = [c for c in df.columns if c not in COLUMNS[table]]
    wanted = COLUMNS[table] + extra
    return df if list(df.columns) == wanted else df[wanted]


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
