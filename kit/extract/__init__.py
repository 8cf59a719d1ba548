"""Extractors: plain functions from an ``Article`` to tables.

``extract_all`` runs them in order and shares the work that several need:
actor mentions are found once and used both for the actors table and to name
the speakers of claims.

``extract_rows`` gives the same tables as lists of row dicts. Building a pandas
DataFrame costs far more than finding the rows, so a caller parsing many articles
can collect the rows of all of them and build each table once
(``kit.schema.frame(name, all_rows)``).
"""

from __future__ import annotations

import pandas as pd

from ..article import Article
from ..schema import frame
from .actors import extract_actors, find_mentions, rows_from_mentions, tables_from_mentions
from .claims import claim_rows, extract_claims
from .dates import extract_dates
from .wrapped import restore_text, scan_view

__all__ = [
    "extract_all",
    "extract_rows",
    "extract_actors",
    "extract_claims",
    "extract_dates",
    "tables_from_mentions",
]


def extract_rows(article: Article) -> dict[str, list[dict]]:
    """Actors, mentions, claims and terms of one article as row dicts (no DataFrames)."""
    view = scan_view(article)  # a hard-wrapped text is read with its line breaks as spaces
    mentions = find_mentions(view)
    rows = {**rows_from_mentions(view, mentions), **claim_rows(view, mentions)}
    if view is not article:
        rows = {name: restore_text(article, table) for name, table in rows.items()}
    return rows


def extract_all(article: Article) -> dict[str, pd.DataFrame]:
    """Every extracted table for one article: actors, mentions, claims, dates, terms."""
    rows = extract_rows(article)
    tables = {name: frame(name, table) for name, table in rows.items()}
    tables["dates"] = extract_dates(article)
    return tables
