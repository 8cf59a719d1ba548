"""Load the readable knowledge files in ``kit/data/``.

Knowledge (countries, office-holders, reporting verbs, boilerplate patterns, ...)
lives in plain CSV, YAML or text files a teacher can read and extend; this module
reads them once and caches them.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """Absolute path of a file in ``kit/data``."""
    return DATA_DIR / name


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file."""
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


@cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV data file as dicts (lines starting with # are comments)."""
    with data_path(name).open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return tuple({k: (v or "").strip() for k, v in row.items()} for row in rows)


@cache
def read_yaml(name: str):
    """A YAML data file, parsed with ``yaml.safe_load`` (never executes anything)."""
    import yaml

    return yaml.safe_load(data_path(name).read_text(encoding="utf-8"))


@cache
def boilerplate_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Boilerplate patterns as two alternations: those anchored at the paragraph's start
    (tried once, with ``match``) and the rest (one ``search``). Both are matched against
    the lower-cased paragraph, which is several times faster than ``re.IGNORECASE``."""
    lines = read_lines("boilerplate.txt")
    anchored = [p[1:] for p in lines if p.startswith("^")]
    anywhere = [p for p in lines if not p.startswith("^")]

    def alternation(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")

    return alternation(anchored), alternation(anywhere)


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(read_lines("abbreviations.txt"))
