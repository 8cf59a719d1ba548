"""The seed articles are the originals, byte for byte, and the catalog describes them."""

import csv
import hashlib
from pathlib import Path

import kit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PINNED = {
    "000_9be87ed5098ebbf8.txt": "a406cb4f1f2dbaccbc14bb4b64092eb93bb914f3cd1557ee9f99eb3b0f8f157c",
    "001_0baf1e98fb694c5c.txt": "9cea55a7c41c3e21ad23a2b01e8b1e5a3729c9701d86610aa4ec86e46d69c759",
}


def test_seed_files_are_byte_identical():
    for name, digest in PINNED.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_catalog_has_one_row_per_article_with_metadata():
    with (SEEDS / "catalog.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["file"] for r in rows] == sorted(PINNED)
    assert set(rows[0]) >= {"file", "id", "title", "outlet", "published", "source"}
    by_file = {r["file"]: r for r in rows}
    assert by_file["000_9be87ed5098ebbf8.txt"]["outlet"] == "CNN"
    assert by_file["000_9be87ed5098ebbf8.txt"]["published"] == "2016-01-27"
    assert "Christian Science Monitor" in by_file["001_0baf1e98fb694c5c.txt"]["outlet"]
    assert by_file["001_0baf1e98fb694c5c.txt"]["published"] == "2013-04-09"
    assert all(r["source"] and r["title"] and r["id"] for r in rows)


def test_loading_never_changes_the_text():
    corpus = kit.load_corpus()
    for row in corpus.articles.itertuples():
        original = (SEEDS / row.file).read_bytes().decode("utf-8")
        assert corpus.text(row.article) == original


def test_readme_credits_the_sources():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CNN" in readme and "Christian Science Monitor" in readme
    assert "teaching" in readme.lower() and "attribution" in readme.lower()
