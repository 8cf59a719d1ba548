"""Read a folder's ``catalog.csv``: one row of metadata per article file.

Columns: file, id, title, outlet, published (YYYY-MM-DD), source. Only ``file`` and
``published`` are required; ``id`` defaults to the file name without ``.txt``.
Problems are reported with the catalog's path and row number.
"""

from __future__ import annotations

import csv
import warnings
from dataclasses import dataclass
from pathlib import Path

from .article import coerce_date
from .errors import ArticleError, CatalogError, KitWarning

CATALOG_NAME = "catalog.csv"
CATALOG_COLUMNS = ("file", "id", "title", "outlet", "published", "source")
REQUIRED = ("file", "published")


@dataclass(frozen=True)
class CatalogRow:
    file: Path
    id: str
    title: str
    outlet: str
    published: object
    source: str


def read_catalog(folder: str | Path) -> list[CatalogRow]:
    """Catalog rows for ``folder``, checked against the .txt files that are really there."""
    folder = Path(folder)
    path = folder / CATALOG_NAME
    if not path.exists():
        raise CatalogError(
            f"{folder}: no {CATALOG_NAME} here. Create one with the header "
            f"'{','.join(CATALOG_COLUMNS)}' and one row per article file."
        )
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise CatalogError(
                    f"{path}: missing column(s) {', '.join(missing)}. The header must include "
                    f"'{','.join(CATALOG_COLUMNS)}'."
                )
            raw_rows = [
                (n, {(k or "").strip(): (v or "").strip() for k, v in r.items()})
                for n, r in enumerate(reader, start=2)
            ]
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: not UTF-8 text. Re-save the catalog as UTF-8 CSV.") from None
    except csv.Error as err:
        raise CatalogError(f"{path}: not a readable CSV file ({err}).") from None

    rows: list[CatalogRow] = []
    seen: dict[str, int] = {}
    for line, r in raw_rows:
        if not any(r.values()):
            continue
        where = f"{path}, row {line}"
        if not r.get("file"):
            raise CatalogError(
                f"{where}: the 'file' column is empty; give the article's file name."
            )
        file = folder / r["file"]
        if not file.is_file():
            raise CatalogError(
                f"{where}: file {r['file']!r} is not in {folder}. Copy the article there or "
                "fix the name in the catalog."
            )
        try:
            published = coerce_date(r.get("published"), f"{where} ({r['file']})")
        except ArticleError as err:
            raise CatalogError(str(err)) from None
        article_id = r.get("id") or file.stem
        if article_id in seen:
            raise CatalogError(
                f"{where}: id {article_id!r} is already used on row {seen[article_id]}; ids must be unique."
            )
        seen[article_id] = line
        rows.append(
            CatalogRow(
                file,
                article_id,
                r.get("title", ""),
                r.get("outlet", ""),
                published,
                r.get("source", ""),
            )
        )

    listed = {row.file.name for row in rows}
    for txt in sorted(folder.glob("*.txt")):
        if txt.name not in listed:
            warnings.warn(
                f"{txt}: has no row in {path}, so it was skipped. Add a row such as "
                f"'{txt.name},{txt.stem},Title,Outlet,YYYY-MM-DD,Where it came from'.",
                KitWarning,
                stacklevel=2,
            )
    return rows
