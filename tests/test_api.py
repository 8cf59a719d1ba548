"""The public API: load_corpus and parse_article return the same tables."""

import os
import subprocess
import sys

import kit
from kit.schema import COLUMNS, TABLES


def test_load_corpus_defaults_to_the_seeds_from_any_directory(tmp_path):
    code = "import kit; c = kit.load_corpus(); print(len(c), sorted(c.ids))"
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(kit.__file__))}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("2 ")


def test_every_table_has_its_documented_columns_first():
    corpus = kit.load_corpus()
    for name in TABLES:
        table = getattr(corpus, name)
        assert list(table.columns[: len(COLUMNS[name])]) == COLUMNS[name], name
        assert list(table.columns)[0] == "article"


def test_parse_article_gives_the_same_tables_as_the_corpus():
    corpus = kit.load_corpus()
    text = corpus.text("csm-2013-diplomacy-hope")
    single = kit.parse_article(text, published="2013-04-09", article_id="csm-2013-diplomacy-hope")
    for name in TABLES:
        if name == "articles":
            continue
        mine = getattr(single, name).reset_index(drop=True)
        theirs = getattr(corpus, name)
        theirs = theirs[theirs.article == "csm-2013-diplomacy-hope"].reset_index(drop=True)
        assert mine.equals(theirs), name
    assert (
        single.articles.loc[0, "title"] == "What hope for diplomacy to defuse North Korea crisis?"
    )


def test_tables_are_computed_once_and_cached():
    corpus = kit.load_corpus()
    assert corpus.sentences is corpus.sentences
    assert corpus.claims is corpus.claims
