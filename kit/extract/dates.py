"""Temporal expressions normalized against the publication date. (in progress)"""

from __future__ import annotations

import pandas as pd

from ..article import Article
from ..schema import empty


def extract_dates(article: Article) -> pd.DataFrame:
    """One row per date expression, with a TIMEX3-style value."""
    return empty("dates")
