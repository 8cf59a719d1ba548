"""python -m kit parse: summaries, CSV output, and exit code 2 with one line on bad input."""

import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_summary_for_the_seed_folder():
    result = run("parse", "seeds")
    assert result.returncode == 0, result.stderr
    assert "cnn-2016-kerry-beijing" in result.stdout and "csm-2013-diplomacy-hope" in result.stdout
    assert "paragraphs" in result.stdout


def test_out_writes_one_csv_per_table_with_article_first(tmp_path):
    result = run("parse", "seeds", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    for name in ("articles", "paragraphs", "sentences", "actors", "claims", "dates"):
        with (tmp_path / "out" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header[0] == "article", name


def test_a_single_file_uses_its_stem_as_id(tmp_path):
    article = tmp_path / "my_story.txt"
    article.write_text("BEIJING — China said on Friday it opposed new sanctions.\n", "utf-8")
    result = run("parse", str(article), "--published", "2013-03-01", "--out", str(tmp_path / "o"))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader((tmp_path / "o" / "articles.csv").open(encoding="utf-8")))
    assert rows[0]["article"] == "my_story" and rows[0]["published"] == "2013-03-01"


def one_error_line(result):
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.stderr
    return lines[0]


def test_bad_inputs_exit_2_with_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Some news.\n", "utf-8")
    assert "--published" in one_error_line(run("parse", str(article)))
    assert "YYYY-MM-DD" in one_error_line(run("parse", str(article), "--published", "2013-13-01"))
    assert "no such file" in one_error_line(run("parse", str(tmp_path / "missing.txt")))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "empty.txt" in one_error_line(run("parse", str(empty), "--published", "2013-01-01"))
    assert "catalog.csv" in one_error_line(run("parse", str(tmp_path / "..")))
