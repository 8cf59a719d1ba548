"""Bad input gets a clear, specific error naming the file, or a visible warning."""

import shutil
from pathlib import Path

import pytest

import kit
from kit.errors import ArticleError, CatalogError, KitWarning

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOOD = "SEOUL (AP) — North Korea said on Monday it would resume talks with the South.\n"
HEADER = "file,id,title,outlet,published,source\n"


def make_folder(tmp_path: Path, files: dict[str, bytes], catalog: str) -> Path:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "catalog.csv").write_text(HEADER + catalog, encoding="utf-8")
    return tmp_path


def test_a_new_article_is_added_with_a_file_and_a_catalog_row(tmp_path):
    shutil.copy(SEEDS / "000_9be87ed5098ebbf8.txt", tmp_path)
    make_folder(
        tmp_path,
        {"mine.txt": GOOD.encode()},
        "000_9be87ed5098ebbf8.txt,cnn,T,CNN,2016-01-27,s\nmine.txt,,My title,AP,2013-04-08,me\n",
    )
    corpus = kit.load_corpus(tmp_path)
    assert corpus.ids == ["cnn", "mine"]  # id defaults to the file name
    assert corpus.articles.set_index("article").loc["mine", "published"] == "2013-04-08"


def test_empty_file(tmp_path):
    make_folder(tmp_path, {"a.txt": b"  \n\n"}, "a.txt,a,T,O,2013-01-01,s\n")
    with pytest.raises(ArticleError, match=r"a\.txt.*empty"):
        kit.load_corpus(tmp_path)


def test_binary_file(tmp_path):
    make_folder(tmp_path, {"a.txt": b"%PDF-1.4\x00\x01\x02" * 50}, "a.txt,a,T,O,2013-01-01,s\n")
    with pytest.raises(ArticleError, match=r"a\.txt.*binary"):
        kit.load_corpus(tmp_path)


def test_non_utf8_text_falls_back_to_cp1252_with_a_warning(tmp_path):
    data = "\u201cWe will talk,\u201d the envoy said on Monday in Seoul.".encode("cp1252")
    make_folder(tmp_path, {"a.txt": data}, "a.txt,a,T,O,2013-01-01,s\n")
    with pytest.warns(KitWarning, match=r"a\.txt.*cp1252"):
        corpus = kit.load_corpus(tmp_path)
    assert corpus.text("a").startswith("\u201cWe will talk,\u201d")


def test_html_page_saved_as_txt(tmp_path):
    page = b"<!DOCTYPE html><html><head><title>x</title></head><body><p>News</p></body></html>"
    make_folder(tmp_path, {"a.txt": page}, "a.txt,a,T,O,2013-01-01,s\n")
    with pytest.raises(ArticleError, match=r"a\.txt.*HTML"):
        kit.load_corpus(tmp_path)


def test_a_few_tags_inside_an_article_are_text_not_a_page():
    text = "An article that quotes <script>alert(1)</script> as text.\nIt is still an article."
    corpus = kit.parse_article(text, published="2016-01-27", article_id="x")
    assert corpus.text("x") == text


@pytest.mark.parametrize("published", ["", "27/01/2016", "2016-02-30", "soon"])
def test_missing_or_invalid_published_date(tmp_path, published):
    make_folder(tmp_path, {"a.txt": GOOD.encode()}, f"a.txt,a,T,O,{published},s\n")
    with pytest.raises(CatalogError, match=r"catalog\.csv, row 2.*a\.txt.*YYYY-MM-DD"):
        kit.load_corpus(tmp_path)


def test_parse_article_needs_a_valid_date():
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        kit.parse_article(GOOD, published=None, article_id="x")
    with pytest.raises(ArticleError, match="not a valid date"):
        kit.parse_article(GOOD, published="next Tuesday", article_id="x")


def test_catalog_row_whose_file_is_missing(tmp_path):
    make_folder(tmp_path, {}, "gone.txt,g,T,O,2013-01-01,s\n")
    with pytest.raises(CatalogError, match=r"row 2.*'gone\.txt' is not in"):
        kit.load_corpus(tmp_path)


def test_file_with_no_catalog_row_is_skipped_with_a_warning(tmp_path):
    make_folder(
        tmp_path, {"a.txt": GOOD.encode(), "extra.txt": GOOD.encode()}, "a.txt,a,T,O,2013-01-01,s\n"
    )
    with pytest.warns(KitWarning, match=r"extra\.txt.*no row.*Add a row"):
        corpus = kit.load_corpus(tmp_path)
    assert corpus.ids == ["a"]


def test_missing_catalog_and_missing_columns(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CatalogError, match="no catalog.csv"):
        kit.load_corpus(tmp_path)
    (tmp_path / "catalog.csv").write_text("file,title\na.txt,T\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="missing column.*published"):
        kit.load_corpus(tmp_path)


def test_duplicate_ids(tmp_path):
    make_folder(
        tmp_path,
        {"a.txt": GOOD.encode(), "b.txt": GOOD.encode()},
        "a.txt,same,T,O,2013-01-01,s\nb.txt,same,T,O,2013-01-01,s\n",
    )
    with pytest.raises(CatalogError, match="already used on row 2"):
        kit.load_corpus(tmp_path)


def test_load_corpus_on_a_missing_folder_or_a_file(tmp_path):
    with pytest.raises(kit.KitError, match="no such folder"):
        kit.load_corpus(tmp_path / "nowhere")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(kit.KitError, match="parse_article"):
        kit.load_corpus(tmp_path / "a.txt")
