"""Extractors: plain functions from an ``Article`` to one table each.

``extract_all`` runs them in order and shares the work that several need
(actor mentions are found once and used for both actors and claim speakers).
"""

from __future__ import annotations

import pandas as pd

from ..article import Article
from ..schema import EXTRACTED_TABLES, empty


def extract_all(article: Article) -> dict[str, pd.DataFrame]:
    """Every extracted table for one article: actors, mentions, claims, dates, terms."""
    # Filled in by the extraction modules; until they exist the tables are empty.
    return {name: empty(name) for name in EXTRACTED_TABLES}
