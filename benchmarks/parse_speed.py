"""How fast the kit parses, and how much memory it needs (prints figures; not a test).

    python benchmarks/parse_speed.py            # 1,000 and 10,000 articles (about a minute)
    python benchmarks/parse_speed.py --quick    # 100 and 1,000 articles
    python benchmarks/parse_speed.py --n 5000   # 1,000 and 5,000 articles

A synthetic corpus is made in memory by varying the bundled seed articles: the names of the
persons the kit finds in them are swapped for names from a list, the publication date is shifted,
body paragraphs are shuffled and some are dropped or repeated. Each size is parsed in a fresh
subprocess (structure, then every extracted table through ``kit.Corpus``) so each has its own peak
memory. The same run times ``dateparser.search_dates`` against the kit's dates extractor on 100 of
the articles, when dateparser is installed (``pip install dateparser``; benchmark-only).

Targets printed beside the figures: >= 500 articles/s on one core; peak memory <= 1 GB for
10,000 articles; per-article cost about the same at 1,000 and 10,000 articles (linear growth);
the kit's dates >= 50x faster than dateparser.search_dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATE = 500  # articles per second, one core
TARGET_PEAK_MB = 1024  # for 10,000 articles
TARGET_DATEPARSER_RATIO = 50
DATEPARSER_ARTICLES = 100

# Made-up names to put in place of the persons found in the seeds.
FIRST_NAMES = ["Alex", "Maria", "Daniel", "Sofia", "Minho", "Lena", "Jae", "Anna", "Omar", "Hana"]
SURNAMES = ["Moreno", "Lindqvist", "Okafor", "Tanaka", "Novak", "Haddad", "Keller", "Brennan"]


# -- the synthetic corpus ------------------------------------------------------------------------
def seed_templates() -> list[dict]:
    """The seeds as paragraphs with roles, their separator, date and person names."""
    import kit

    corpus = kit.load_corpus()
    persons = corpus.actors[corpus.actors["kind"] == "person"]
    templates = []
    for article_id in corpus.ids:
        article = corpus.article(article_id)
        text = article.text
        names = sorted(set(persons.loc[persons["article"] == article_id, "actor"]))
        templates.append(
            {
                "paragraphs": [(text[p.start : p.end], p.role) for p in article.paragraphs],
                "separator": "\n\n" if "\n\n" in text else "\n",
                "published": article.published,
                "names": names,
            }
        )
    return templates


def vary(template: dict, rng: random.Random) -> tuple[str, dt.date]:
    """One variant of a seed: names swapped, body paragraphs shuffled, dropped or repeated."""
    paragraphs = list(template["paragraphs"])
    body_slots = [i for i, (_, role) in enumerate(paragraphs) if role == "body"]
    body = [paragraphs[i] for i in body_slots]
    rng.shuffle(body)
    for slot, para in zip(body_slots, body, strict=True):
        paragraphs[slot] = para
    varied = []
    for para in paragraphs:
        if para[1] == "body" and rng.random() < 0.1:
            continue  # dropped
        varied.append(para[0])
        if para[1] == "body" and rng.random() < 0.1:
            varied.append(para[0])  # repeated
    text = template["separator"].join(varied) + "\n"
    for name in template["names"]:
        parts = [p for p in name.split() if len(p) > 2 and p[0].isupper()]
        if len(parts) < 2:
            continue
        swaps = {parts[0]: rng.choice(FIRST_NAMES), parts[-1]: rng.choice(SURNAMES)}
        for old, new in swaps.items():
            text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    published = template["published"] + dt.timedelta(days=rng.randint(-1500, 1500))
    return text, published


def synthetic_corpus(n: int, seed: int = 7) -> list[tuple[str, dt.date]]:
    rng = random.Random(seed)
    templates = seed_templates()
    return [vary(templates[i % len(templates)], rng) for i in range(n)]


# -- one size, in a child process ---------------------------------------------------------------
def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_size(n: int) -> dict:
    """Parse ``n`` synthetic articles; timings in seconds, memory in MB."""
    from kit.article import build_article
    from kit.corpus import Corpus
    from kit.extract.dates import date_rows, extract_dates

    base_mb = peak_rss_mb()
    texts = synthetic_corpus(n)
    chars = sum(len(t) for t, _ in texts)
    corpus_mb = peak_rss_mb()

    t0 = time.process_time()
    articles = [
        build_article(text, published=published, article_id=f"a{i:05d}")
        for i, (text, published) in enumerate(texts)
    ]
    t1 = time.process_time()
    corpus = Corpus(articles)
    tables = corpus.tables()  # every table: runs every extractor, then concatenates
    t2 = time.process_time()
    rows = {name: len(table) for name, table in tables.items()}
    peak_mb = peak_rss_mb()

    # The dates extractor alone, on the same articles (not part of the throughput above).
    t3 = time.process_time()
    for a in articles:
        date_rows(a)
    t4 = time.process_time()
    for a in articles:
        extract_dates(a)
    t5 = time.process_time()
    stages = stage_times(articles[:STAGE_ARTICLES])
    return {
        "n": n,
        "chars": chars,
        "structure_s": t1 - t0,
        "extract_s": t2 - t1,
        "total_s": t2 - t0,
        "date_rows_s": t4 - t3,
        "extract_dates_s": t5 - t4,
        "rows": rows,
        "stages": stages,
        "base_mb": base_mb,
        "corpus_mb": corpus_mb,
        "peak_mb": peak_mb,
    }


STAGE_ARTICLES = 1000  # the per-stage breakdown is timed on at most this many articles


def stage_times(articles: list) -> dict:
    """ms per article for each step of the parse, timed separately on the same articles."""
    from kit.article import build_article
    from kit.extract.actors import find_mentions, rows_from_mentions
    from kit.extract.claims import claim_rows
    from kit.extract.dates import date_rows
    from kit.schema import frame

    n = len(articles)
    out = {}
    t = time.process_time()
    for a in articles:
        build_article(a.text, published=a.published, article_id=a.id)
    out["build_article"] = time.process_time() - t
    t = time.process_time()
    mentions = [find_mentions(a) for a in articles]
    out["find_mentions"] = time.process_time() - t
    t = time.process_time()
    actor_rows = [rows_from_mentions(a, m) for a, m in zip(articles, mentions, strict=True)]
    out["rows_from_mentions"] = time.process_time() - t
    t = time.process_time()
    claims = [claim_rows(a, m) for a, m in zip(articles, mentions, strict=True)]
    out["claim_rows"] = time.process_time() - t
    t = time.process_time()
    dates = [date_rows(a) for a in articles]
    out["date_rows"] = time.process_time() - t
    t = time.process_time()
    for name, parts in (
        ("actors", [r["actors"] for r in actor_rows]),
        ("mentions", [r["mentions"] for r in actor_rows]),
        ("claims", [r["claims"] for r in claims]),
        ("terms", [r["terms"] for r in claims]),
        ("dates", dates),
        ("paragraphs", [a.paragraph_rows() for a in articles]),
        ("sentences", [a.sentence_rows() for a in articles]),
    ):
        frame(name, [row for part in parts for row in part])
    out["rows_and_frames"] = time.process_time() - t
    return {k: 1000 * v / n for k, v in out.items()}


def run_dateparser(n: int) -> dict:
    """``dateparser.search_dates`` against the kit's dates on the same ``n`` articles."""
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        return {"missing": True}
    from kit.article import build_article
    from kit.extract.dates import date_rows
    from kit.schema import frame

    texts = synthetic_corpus(n, seed=11)
    articles = [
        build_article(text, published=published, article_id=f"d{i:03d}")
        for i, (text, published) in enumerate(texts)
    ]
    search_dates("warm-up on Tuesday", languages=["en"])
    t0 = time.process_time()
    found_dp = 0
    for a in articles:
        settings = {"RELATIVE_BASE": dt.datetime.combine(a.published, dt.time())}
        found_dp += len(search_dates(a.text, languages=["en"], settings=settings) or [])
    t1 = time.process_time()
    # The kit as kit.Corpus runs it: rows per article, one dates table for all of them
    # (dateparser, for its part, returns plain tuples).
    table = frame("dates", [row for a in articles for row in date_rows(a)])
    found_kit = int((~table["vague"]).sum())
    t2 = time.process_time()
    return {
        "missing": False,
        "version": dateparser.__version__,
        "n": n,
        "dateparser_s": t1 - t0,
        "kit_s": t2 - t1,
        "found_dateparser": found_dp,
        "found_kit": found_kit,
    }


def child(args: argparse.Namespace) -> None:
    result = run_dateparser(args.child) if args.dateparser else run_size(args.child)
    print(json.dumps(result))


def in_subprocess(n: int, dateparser: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--child", str(n)] + (["--dateparser"] if dateparser else [])
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"benchmark child for {n} articles failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- report --------------------------------------------------------------------------------------
def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report_size(r: dict) -> None:
    n = r["n"]
    rate = n / r["total_s"]
    print(f"\n{n:,} articles ({r['chars'] / n:,.0f} characters each on average)")
    print(f"  structure (paragraphs, sentences)  {1000 * r['structure_s'] / n:7.3f} ms/article")
    print(f"  extraction (all tables, Corpus)    {1000 * r['extract_s'] / n:7.3f} ms/article")
    print(f"  total                              {1000 * r['total_s'] / n:7.3f} ms/article")
    print(
        f"  throughput                         {rate:7.0f} articles/s   "
        f"(target >= {TARGET_RATE}: {mark(rate >= TARGET_RATE)})"
    )
    per_10k = 10_000 / (r["chars"] / n)
    print(
        f"  dates alone: rows {1000 * r['date_rows_s'] / n:.3f} ms/article, with DataFrame "
        f"{1000 * r['extract_dates_s'] / n:.3f} ms/article "
        f"(rows: {1000 * r['date_rows_s'] / n * per_10k:.3f} ms per 10,000 characters)"
    )
    print(
        "  stages (ms/article, timed apart): "
        + ", ".join(f"{k} {v:.3f}" for k, v in r["stages"].items())
    )
    print("  rows: " + ", ".join(f"{k} {v:,}" for k, v in r["rows"].items()))
    print(
        f"  memory: {r['base_mb']:.0f} MB after imports, {r['corpus_mb']:.0f} MB with the texts, "
        f"peak {r['peak_mb']:.0f} MB"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="largest corpus size (10000)")
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 articles")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dateparser", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return

    small, large = (100, 1000) if args.quick else (1000, max(args.n, 1001))
    if not args.quick and args.n <= 1000:
        small, large = max(args.n // 10, 10), args.n
    print(f"Parse speed and memory (Python {sys.version.split()[0]}, one process per size)")
    results = [in_subprocess(small), in_subprocess(large)]
    for r in results:
        report_size(r)
    a, b = results
    per_a, per_b = a["total_s"] / a["n"], b["total_s"] / b["n"]
    print(
        f"\nLinear growth: {1000 * per_b:.3f} ms/article at {b['n']:,} vs {1000 * per_a:.3f} at "
        f"{a['n']:,}; ratio {per_b / per_a:.2f} (target about 1.0: "
        f"{mark(per_b / per_a <= 1.25)})"
    )
    if b["n"] >= 10_000:
        print(
            f"Peak memory for {b['n']:,} articles: {b['peak_mb']:.0f} MB "
            f"(target <= {TARGET_PEAK_MB} MB: {mark(b['peak_mb'] <= TARGET_PEAK_MB)})"
        )

    n_dp = 20 if args.quick else DATEPARSER_ARTICLES
    d = in_subprocess(n_dp, dateparser=True)
    if d["missing"]:
        print(
            "\ndateparser is not installed, so the comparison with dateparser.search_dates is "
            "skipped (pip install dateparser to run it; it is a benchmark-only extra)."
        )
        return
    ratio = d["dateparser_s"] / d["kit_s"]
    print(
        f"\ndateparser {d['version']} search_dates (languages=['en']) on {d['n']} articles: "
        f"{1000 * d['dateparser_s'] / d['n']:.1f} ms/article, {d['found_dateparser']} hits"
    )
    print(
        f"kit dates extractor on the same articles (rows + one table, as kit.Corpus does): "
        f"{1000 * d['kit_s'] / d['n']:.3f} ms/article, "
        f"{d['found_kit']} dates"
    )
    print(
        f"speed ratio {ratio:.0f}x (target >= {TARGET_DATEPARSER_RATIO}x: "
        f"{mark(ratio >= TARGET_DATEPARSER_RATIO)})"
    )


if __name__ == "__main__":
    main()
