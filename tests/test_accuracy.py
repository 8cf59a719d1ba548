"""Accuracy of the extractors against the hand-made gold annotations.

Seeds: gold in tests/gold. Test articles (written for testing): gold beside them in
tests/articles and every tests/fresh* set (annotated blind, scored once, then used for
tuning). Each table must reach its F1 threshold; a failure prints the whole metric
table and the misses of the failing table, so the cause is visible at once.
Also: every extracted row's offsets give back exactly its text.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from kit.corpus import Corpus, load_folder
from kit.evaluate import GOLD_SUFFIX, format_metrics, score, score_misses
from kit.evaluate import load_gold_dir as _load_gold_dir

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "gold"
ARTICLES = ROOT / "tests" / "articles"
# sets annotated blind by someone who never saw the parser (tests/fresh, fresh2, ...): each was
# scored once as it arrived, then used for tuning like the others (blind scores in README.md)
FRESH_SETS = sorted(p.name for p in (ROOT / "tests").glob("fresh*") if (p / "catalog.csv").exists())

SEED_THRESHOLDS = {
    "quotes": 0.97,
    "reported": 0.75,
    "dates": 0.97,
    "persons": 0.97,
    "countries": 0.95,
}
ARTICLE_THRESHOLDS = {
    "quotes": 0.90,
    "reported": 0.65,
    "dates": 0.90,
    "persons": 0.90,
    "countries": 0.90,
}
SETS = {
    "seeds": (SEEDS, SEED_GOLD),
    "articles": (ARTICLES, ARTICLES),
    **{name: (ROOT / "tests" / name, ROOT / "tests" / name) for name in FRESH_SETS},
}


@cache
def _corpus(name: str) -> Corpus:
    folder, _ = SETS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Corpus(load_folder(folder))


@cache
def _gold(name: str):
    _, gold_dir = SETS[name]
    corpus = _corpus(name)
    return list(_load_gold_dir(gold_dir, {i: corpus.text(i) for i in corpus.ids}).values())


def _tables(name: str) -> dict[str, pd.DataFrame]:
    corpus = _corpus(name)
    return {"actors": corpus.actors, "claims": corpus.claims, "dates": corpus.dates}


@cache
def _metrics(name: str) -> pd.DataFrame:
    return score(_gold(name), _tables(name))


def _report(name: str, table: str) -> str:
    misses = score_misses(_gold(name), _tables(name))
    misses = misses[misses["table"] == table]
    lines = [
        f"{m.article} {m.error} {m.text!r} {m.speaker or m.value} {m.note}".rstrip()
        for m in misses.itertuples()
    ]
    shown = "\n".join(lines[:40]) + (f"\n... {len(lines) - 40} more" if len(lines) > 40 else "")
    return f"\n{format_metrics(_metrics(name))}\n\nmisses in {table}:\n{shown}"


@pytest.mark.parametrize(
    ("name", "table", "threshold"),
    [("seeds", t, v) for t, v in SEED_THRESHOLDS.items()]
    + [("articles", t, v) for t, v in ARTICLE_THRESHOLDS.items()]
    + [(name, t, v) for name in FRESH_SETS for t, v in ARTICLE_THRESHOLDS.items()],
)
def test_f1_reaches_threshold(name, table, threshold):
    row = _metrics(name).set_index("table").loc[table]
    assert row.f1 >= threshold, (
        f"{name}: {table} F1 {row.f1:.3f} is below {threshold:.2f}" + _report(name, table)
    )


def test_every_test_article_has_a_gold_file():
    corpus = _corpus("articles")
    assert len(corpus) >= 10
    missing = [i for i in corpus.ids if not (ARTICLES / f"{i}{GOLD_SUFFIX}").exists()]
    assert not missing, f"test articles without a gold file: {missing}"
    assert {g.article for g in _gold("articles")} == set(corpus.ids)
    assert {g.article for g in _gold("seeds")} == set(_corpus("seeds").ids)


def _offset_errors(corpus: Corpus, table: str, text_col: str, start: str, end: str) -> list[str]:
    frame = getattr(corpus, table)
    errors = []
    for row in frame.itertuples(index=False):
        s, e, want = getattr(row, start), getattr(row, end), getattr(row, text_col)
        if pd.isna(s) or pd.isna(e):
            if start == "start":
                errors.append(f"{row.article} {table}: no offsets for {want!r}")
            continue
        got = corpus.text(row.article)[int(s) : int(e)]
        if got != want:
            errors.append(f"{row.article} {table}[{int(s)}:{int(e)}] = {got!r}, row says {want!r}")
    return errors


@pytest.mark.parametrize("name", list(SETS))
@pytest.mark.parametrize(
    ("table", "text_col", "start", "end"),
    [
        ("claims", "text", "start", "end"),
        ("claims", "cue", "cue_start", "cue_end"),
        ("dates", "text", "start", "end"),
        ("mentions", "text", "start", "end"),
        ("actors", "text", "start", "end"),
    ],
)
def test_offsets_give_back_the_row_text(name, table, text_col, start, end):
    corpus = _corpus(name)
    assert len(getattr(corpus, table)) > 0, f"{name}: the {table} table is empty"
    errors = _offset_errors(corpus, table, text_col, start, end)
    assert not errors, f"{len(errors)} row(s) with wrong offsets:\n" + "\n".join(errors[:30])
