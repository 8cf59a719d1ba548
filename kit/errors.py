"""The kit's own exceptions and warnings.

Every problem with an input file is reported as one of these, with a message that
names the file, says what is wrong and what to do, so students and teachers never
see a traceback from deep inside pandas or the parser.
"""

from __future__ import annotations


class KitError(Exception):
    """Base class for every error the kit raises on bad input."""


class ArticleError(KitError):
    """An article file cannot be read as a news article (empty, binary, HTML, ...)."""


class CatalogError(KitError):
    """The catalog (catalog.csv) is missing, malformed, or disagrees with the folder."""


class KitWarning(UserWarning):
    """Something was odd but the kit could go on (e.g. text decoded as cp1252)."""
