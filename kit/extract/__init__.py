"""Extractors: plain functions from an ``Article`` to tables.

``extract_all`` runs them in order and shares the work that several need:
actor mentions are found once and used both for the actors table and to name
the speakers of claims.
"""

from __future__ import annotations

import pandas as pd

from ..article import Article
from .actors import extract_actors, find_mentions, tables_from_mentions
from .claims import extract_claims
from .dates import extract_dates

__all__ = ["extract_all", "extract_actors", "extract_claims", "extract_dates"]


def extract_all(article: Article) -> dict[str, pd.DataFrame]:
    """Every extracted table for one article: actors, mentions, claims, dates, terms."""
    mentions = find_mentions(article)
    people = tables_from_mentions(article, mentions)  # {"actors": ..., "mentions": ...}
    said = extract_claims(article, mentions)  # {"claims": ..., "terms": ...}
    return {**people, **said, "dates": extract_dates(article)}
