"""Read an article file into a string without changing its text.

Bytes are decoded as UTF-8 (a byte-order mark is dropped); text that is not UTF-8
is decoded as cp1252 (Windows "smart quotes") with a visible warning. Files that
are empty, binary, or whole HTML pages are refused with an ``ArticleError`` that
says what to do.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from .errors import ArticleError, KitWarning

_HTML_PAGE = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<\?xml)", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def decode_article_bytes(data: bytes, source: str = "<text>") -> str:
    """Decode raw bytes into article text, refusing input that is not an article."""
    if not data.strip():
        raise ArticleError(
            f"{source}: the file is empty. Paste the article's text into it and save it as UTF-8."
        )
    if b"\x00" in data[:4096] or _control_ratio(data[:4096]) > 0.05:
        raise ArticleError(
            f"{source}: this looks like a binary file (a PDF, Word or image file?), not text. "
            "Copy the article's text into a plain .txt file saved as UTF-8."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "latin-1"
        warnings.warn(
            f"{source}: not valid UTF-8 (byte {err.start}); read it as {encoding}. "
            "Check quotation marks and accents, and re-save the file as UTF-8 to silence this.",
            KitWarning,
            stacklevel=3,
        )
    check_article_text(text, source)
    return text


def check_article_text(text: str, source: str = "<text>") -> None:
    """Raise ``ArticleError`` if ``text`` is empty or is an HTML page rather than an article."""
    if not isinstance(text, str):
        raise ArticleError(
            f"{source}: expected the article's text as a string, got {type(text).__name__}."
        )
    if not text.strip():
        raise ArticleError(
            f"{source}: the text is empty. Paste the article's text into it and save it as UTF-8."
        )
    tags = _TAG.findall(text)
    if _HTML_PAGE.match(text) or (len(tags) >= 20 and len(tags) * 40 > len(text)):
        raise ArticleError(
            f"{source}: this is an HTML web page, not the article's text. Open the page in a "
            "browser, copy the article's text (reader view helps) and save it as a .txt file."
        )


def read_article_file(path: str | Path) -> str:
    """Read and decode one article file; errors name the file."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"{path}: no such file. Check the name and the folder.")
    if path.is_dir():
        raise ArticleError(f"{path}: is a folder, not an article file.")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot be read ({err.strerror}).") from None
    return decode_article_bytes(data, str(path))


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)
