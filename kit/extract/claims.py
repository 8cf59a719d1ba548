"""Claims (direct quotes and reported speech) and quoted terms. (in progress)"""

from __future__ import annotations

import pandas as pd

from ..article import Article
from ..schema import empty


def extract_claims(article: Article, mentions: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """{"claims": one row per claim, "terms": scare quotes, titles, nicknames}."""
    return {"claims": empty("claims"), "terms": empty("terms")}
