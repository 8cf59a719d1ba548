"""The Korea Crisis Teaching Kit: news articles as tables of actors, claims and dates.

>>> import kit
>>> corpus = kit.load_corpus()          # the bundled seed articles
>>> corpus.paragraphs.head()            # every table is a pandas DataFrame
"""

from .article import Article
from .corpus import Corpus, load_corpus, parse_article
from .errors import ArticleError, CatalogError, KitError, KitWarning

__all__ = [
    "Article",
    "ArticleError",
    "CatalogError",
    "Corpus",
    "KitError",
    "KitWarning",
    "load_corpus",
    "parse_article",
]
__version__ = "0.1.0"
