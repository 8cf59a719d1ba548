"""Actors (persons, countries, organizations, groups) and their mentions. (in progress)"""

from __future__ import annotations

import pandas as pd

from ..article import Article
from ..schema import empty


def extract_actors(article: Article) -> dict[str, pd.DataFrame]:
    """{"actors": one row per actor, "mentions": one row per mention}."""
    return {"actors": empty("actors"), "mentions": empty("mentions")}
