"""Command line: ``python -m kit parse ...`` and ``python -m kit eval ...``.

A thin layer over the same API the notebooks use. Bad input exits with status 2
and one line on stderr naming the file, the problem and what to do.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from .catalog import CATALOG_NAME, read_catalog
from .corpus import Corpus, load_article_file, load_folder
from .errors import KitError, KitWarning
from .schema import TABLES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit",
        description="Parse news articles into tables of actors, claims and dates.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse article files or folders (with a catalog.csv)")
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="an article .txt file (id = file name) or a folder with catalog.csv",
    )
    p.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date for .txt files given directly"
    )
    p.add_argument("--out", metavar="DIR", help="write one CSV per table into DIR")

    e = sub.add_parser(
        "eval",
        help="score the parser against hand-annotated articles",
        description="Precision, recall and F1 per table against gold files named "
        "<article id>.gold.yaml (format: tests/gold/README.md).",
    )
    e.add_argument("folder", metavar="DIR", help="folder with catalog.csv, articles and gold files")
    e.add_argument("--gold", metavar="GOLD_DIR", help="folder of gold files (default: DIR)")
    e.add_argument("--details", action="store_true", help="also list every miss and false hit")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always", KitWarning)
        warnings.showwarning = _show_warning
        try:
            if args.command == "parse":
                return _parse(args)
            from .evaluate import cli_main

            return cli_main(args.folder, gold=args.gold, details=args.details)
        except KitError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2


def _show_warning(message, category, filename, lineno, file=None, line=None):
    print(f"warning: {message}", file=sys.stderr)


def _parse(args: argparse.Namespace) -> int:
    articles = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            articles.extend(load_folder(path))
        elif not path.exists():
            raise KitError(f"{path}: no such file or folder. Check the path.")
        else:
            articles.append(_load_single_file(path, args.published))
    corpus = Corpus(articles)
    if args.out:
        _write_tables(corpus, Path(args.out))
    else:
        _print_summary(corpus)
    return 0


def _load_single_file(path: Path, published: str | None):
    """One .txt file: id = file name; date from --published, else from a catalog beside it."""
    meta = {}
    if (path.parent / CATALOG_NAME).exists():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", KitWarning)
            rows = {row.file.name: row for row in read_catalog(path.parent)}
        if path.name in rows:
            row = rows[path.name]
            meta = {"title": row.title, "outlet": row.outlet, "source": row.source}
            published = published or row.published
    if published is None:
        raise KitError(
            f"{path}: no publication date. Add --published YYYY-MM-DD (dates such as "
            "'Tuesday' are read against it), or list the file in a catalog.csv beside it."
        )
    return load_article_file(path, published=published, **meta)


def _write_tables(corpus: Corpus, out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KitError(f"{out}: cannot create the output folder ({err.strerror}).") from None
    for name in TABLES:
        table = getattr(corpus, name)
        target = out / f"{name}.csv"
        try:
            table.to_csv(target, index=False, encoding="utf-8")
        except OSError as err:
            raise KitError(f"{target}: cannot write ({err.strerror}).") from None
        print(f"wrote {target} ({len(table)} rows)")


def _print_summary(corpus: Corpus) -> None:
    for row in corpus.articles.itertuples():
        counts = {}
        for name in ("paragraphs", "sentences", "actors", "claims", "dates"):
            table = getattr(corpus, name)
            counts[name] = int((table["article"] == row.article).sum())
        title = row.title if len(row.title) <= 70 else row.title[:67] + "..."
        print(f"{row.article}  ({row.outlet or 'unknown outlet'}, {row.published})  {title}")
        print("  " + ", ".join(f"{n} {k}" for k, n in counts.items()))
