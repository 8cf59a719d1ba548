"""Unit tests of the scorer (kit.evaluate) on small hand-made gold and predicted tables."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kit import KitError
from kit.evaluate import (
    cli_main,
    date_interval,
    load_gold,
    same_clause,
    same_quote,
    same_speaker,
    score,
    score_misses,
)
from kit.schema import frame

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    "SEOUL, South Korea (AP) — North Korea said Friday it was “ready to talk.”\n"
    "“We will not wait forever,” said Foreign Minister Ri Yong-ho. He added, "
    "“The door is open.”\n"
    "Mr. Ri told reporters that talks could start next month.\n"
    "Chinese officials welcomed the 'pivot' in tone, while Japan stayed silent.\n"
)
PUBLISHED = "2017-06-06"

GOLD = """\
article: test-art
persons:
  - name: Ri Yong-ho
    aliases: [Foreign Minister Ri Yong-ho, Mr. Ri]
countries:
  - name: North Korea
  - name: South Korea
    aliases: [SEOUL]
  - name: China
    aliases: [Chinese]
  - name: Japan
quotes:
  - speaker: North Korea
    text: ready to talk.
  - speaker: Ri Yong-ho
    text: We will not wait forever,
  - speaker: Ri Yong-ho
    text: The door is open.
reported:
  - speaker: Ri Yong-ho
    cue: told
    text: talks could start next month
dates:
  - text: Friday
    value: 2017-06-02
  - text: next month
    value: 2017-07
not_claims:
  - pivot
"""


def _gold(tmp_path, body: str = GOLD, text: str = ARTICLE):
    path = tmp_path / "test-art.gold.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_gold(path, text)


def _claim(text, speaker, kind="quote"):
    start = ARTICLE.find(text)
    return {
        "article": "test-art",
        "claim": 0,
        "speaker": speaker,
        "speaker_kind": "person",
        "kind": kind,
        "text": text,
        "start": start,
        "end": start + len(text),
    }


def _perfect_tables() -> dict:
    claims = [
        _claim("ready to talk.", "North Korea"),
        _claim("We will not wait forever,", "Ri Yong-ho"),
        _claim("The door is open.", "Ri Yong-ho"),
        _claim("talks could start next month", "Ri Yong-ho", kind="reported"),
    ]
    dates = [
        {"article": "test-art", "text": "Friday", "value": "2017-06-02", "vague": False},
        {"article": "test-art", "text": "next month", "value": "2017-07", "vague": False},
    ]
    actors = [
        {"article": "test-art", "actor": "Ri Yong-ho", "kind": "person"},
        {"article": "test-art", "actor": "North Korea", "kind": "country"},
        {"article": "test-art", "actor": "South Korea", "kind": "country"},
        {"article": "test-art", "actor": "China", "kind": "country"},
        {"article": "test-art", "actor": "Japan", "kind": "country"},
    ]
    return {
        "claims": frame("claims", claims),
        "dates": frame("dates", dates),
        "actors": frame("actors", actors),
    }


def _row(metrics, table):
    return metrics.set_index("table").loc[table]


def test_perfect_match_scores_one(tmp_path):
    metrics = score([_gold(tmp_path)], _perfect_tables())
    for table in ("quotes", "reported", "dates", "persons", "countries"):
        row = _row(metrics, table)
        assert (row.precision, row.recall, row.f1) == (1.0, 1.0, 1.0), table
    assert list(metrics.columns) == [
        "table",
        "gold",
        "predicted",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "f1",
    ]


def test_empty_prediction_scores_zero(tmp_path):
    empty = {
        "claims": frame("claims", []),
        "dates": frame("dates", []),
        "actors": frame("actors", []),
    }
    metrics = score([_gold(tmp_path)], empty)
    assert _row(metrics, "quotes").recall == 0.0
    assert _row(metrics, "quotes").fn == 3


def test_wrong_speaker_is_not_a_true_positive(tmp_path):
    tables = _perfect_tables()
    claims = tables["claims"].copy()
    claims.loc[claims["text"] == "The door is open.", "speaker"] = "Japan"
    tables["claims"] = claims
    gold = _gold(tmp_path)
    row = _row(score([gold], tables), "quotes")
    assert (row.tp, row.fp, row.fn) == (2, 1, 1)
    notes = score_misses([gold], tables)
    assert notes["note"].str.contains("wrong speaker").any()


def test_surname_and_alias_speakers_are_accepted():
    names = ["Ri Yong-ho", "Foreign Minister Ri Yong-ho", "Mr. Ri"]
    assert same_speaker("Ri", names, "person")
    assert same_speaker("Ri Yong Ho", names, "person")
    assert same_speaker("Mr. Ri", names, "person")
    assert not same_speaker("he", names, "person")
    assert not same_speaker("Kim Jong-un", names, "person")
    assert same_speaker(
        "senior administration official", ["a senior administration official"], "unnamed"
    )
    assert not same_speaker("official", ["a senior administration official"], "unnamed")


def test_person_listed_twice_is_an_error(tmp_path):
    tables = _perfect_tables()
    extra = {"article": "test-art", "actor": "Mr. Ri", "kind": "person"}
    tables["actors"] = frame("actors", tables["actors"].to_dict("records") + [extra])
    gold = _gold(tmp_path)
    row = _row(score([gold], tables), "persons")
    assert (row.tp, row.fp, row.fn) == (1, 1, 0)
    assert row.precision == 0.5
    assert score_misses([gold], tables)["note"].str.contains("listed twice").any()


def test_countries_match_by_canonical_name_only(tmp_path):
    tables = _perfect_tables()
    actors = tables["actors"].copy()
    actors.loc[actors["actor"] == "South Korea", "actor"] = "Seoul"
    tables["actors"] = actors
    row = _row(score([_gold(tmp_path)], tables), "countries")
    assert (row.tp, row.fp, row.fn) == (3, 1, 1)


def test_date_values_compare_as_calendar_intervals(tmp_path):
    assert date_interval("2016-W04") == date_interval("2016-01-25/2016-01-31")
    assert date_interval("2016-W03-WE") == date_interval("2016-01-23/2016-01-24")
    # TIMEX3 seasons; winter runs into the next year
    assert date_interval("2019-SP") == date_interval("2019-03/2019-05")
    assert date_interval("2018-WI") == date_interval("2018-12/2019-02")
    assert date_interval("1950/1953") == date_interval("1950-01-01/1953-12-31")
    assert date_interval("2013-03") == date_interval("2013-03-01/2013-03-31")
    assert date_interval("2016-W04") != date_interval("2016-01")
    tables = _perfect_tables()
    dates = tables["dates"].copy()
    dates.loc[dates["text"] == "next month", "value"] = "2017-07-01/2017-07-31"
    dates.loc[dates["text"] == "Friday", "text"] = "on Friday’s"  # a possessive is no matter
    tables["dates"] = dates
    assert _row(score([_gold(tmp_path)], tables), "dates").f1 == 1.0
    dates.loc[dates["text"] == "next month", "value"] = "2017-06"
    tables["dates"] = dates
    row = _row(score([_gold(tmp_path)], tables), "dates")
    assert (row.tp, row.fp, row.fn) == (1, 1, 1)


def test_vague_predicted_dates_are_not_scored(tmp_path):
    tables = _perfect_tables()
    vague = {"article": "test-art", "text": "now", "value": "", "vague": True}
    tables["dates"] = frame("dates", tables["dates"].to_dict("records") + [vague])
    assert _row(score([_gold(tmp_path)], tables), "dates").predicted == 2


def test_quote_matching_ignores_punctuation_and_quote_style():
    assert same_quote("\u201cWe will not wait forever\u201d", "We will not wait forever,")
    assert same_quote("He’s got to go", "He's got to go.")
    assert same_quote("clear-cut", "clear cut")
    assert not same_quote("We will wait forever", "We will not wait forever")


def test_a_quote_joined_across_its_attribution_finds_both_parts(tmp_path):
    tables = _perfect_tables()
    joined = _claim(
        "We will not wait forever,” said Foreign Minister Ri Yong-ho. He added, “The door is open.",
        "Ri Yong-ho",
    )
    others = [
        r
        for r in tables["claims"].to_dict("records")
        if r["speaker"] != "Ri Yong-ho" or r["kind"] != "quote"
    ]
    tables["claims"] = frame("claims", others + [joined])
    row = _row(score([_gold(tmp_path)], tables), "quotes")
    assert (row.tp, row.fp, row.fn, row.predicted) == (3, 0, 0, 2)


def test_reported_speech_is_matched_tolerantly():
    gold = "talks could start next month"
    assert same_clause("that talks could start next month.", gold)
    assert same_clause("talks could start as early as next month", gold)
    assert not same_clause("Japan stayed silent", gold)
    assert not same_clause(
        "Mr. Ri told reporters many things about the weather and that talks could start next month and more",
        gold,
    )


def test_scare_quote_predicted_as_quote_is_a_false_positive(tmp_path):
    tables = _perfect_tables()
    tables["claims"] = frame(
        "claims", tables["claims"].to_dict("records") + [_claim("pivot", "China")]
    )
    gold = _gold(tmp_path)
    row = _row(score([gold], tables), "quotes")
    assert row.fp == 1 and row.precision == 0.75
    assert score_misses([gold], tables)["note"].str.contains("not a claim").any()


def test_gold_text_not_in_article_is_a_clear_error(tmp_path):
    bad = GOLD.replace("text: The door is open.", "text: The door is closed.")
    with pytest.raises(
        KitError, match=r"test-art\.gold\.yaml.*'The door is closed\.' is not in the article"
    ):
        _gold(tmp_path, bad)


def test_gold_with_straight_quote_for_curly_gets_a_hint(tmp_path):
    text = ARTICLE.replace("Mr. Ri told", "Ri’s aide told")
    bad = GOLD.replace("aliases: [Foreign Minister Ri Yong-ho, Mr. Ri]", "aliases: [Ri's aide]")
    with pytest.raises(KitError, match="punctuation differs"):
        _gold(tmp_path, bad.replace("Mr. Ri", "Ri"), text)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("quotes: [unclosed\n", "not valid YAML"),
        ("- just a list\n", "must be a YAML mapping"),
        ("persons: []\n", "missing 'article:'"),
        ("article: test-art\nquotes:\n  - text: ready to talk.\n", "missing speaker"),
        ("article: test-art\ndates:\n  - text: Friday\n    value: next week\n", "not a date value"),
        ("article: test-art\nquots: []\n", "unknown key"),
        ("article: test-art\nquotes: ready\n", "must be a list"),
    ],
)
def test_malformed_gold_file_names_the_file(tmp_path, body, message):
    with pytest.raises(KitError, match=message) as err:
        _gold(tmp_path, body)
    assert "test-art.gold.yaml" in str(err.value)


def test_cli_prints_a_metric_table_for_the_seeds(capsys):
    assert cli_main(ROOT / "seeds", gold=ROOT / "tests" / "gold", details=True) == 0
    out = capsys.readouterr().out
    for table in ("quotes", "reported", "dates", "persons", "countries", "organizations"):
        assert table in out
    assert "precision" in out


def test_cli_without_gold_files_is_a_clear_error(tmp_path):
    with pytest.raises(KitError, match="no gold files"):
        cli_main(ROOT / "seeds", gold=tmp_path)


def test_person_matches_with_a_middle_name_left_out(tmp_path):
    text = "Secretary of State Hillary Rodham Clinton spoke. Clinton left.\n"
    body = "article: test-art\npersons:\n  - name: Hillary Rodham Clinton\n    aliases: [Clinton]\n"
    gold = _gold(tmp_path, body, text)
    actors = frame(
        "actors", [{"article": "test-art", "actor": "Hillary Clinton", "kind": "person"}]
    )
    tables = {"actors": actors, "claims": frame("claims", []), "dates": frame("dates", [])}
    assert _row(score([gold], tables), "persons").f1 == 1.0
    tables["actors"] = frame(
        "actors", [{"article": "test-art", "actor": "Bill Clinton", "kind": "person"}]
    )
    assert _row(score([gold], tables), "persons").f1 == 0.0


def test_organization_speaker_named_inside_a_longer_phrase():
    names = ["Korean Central News Agency", "KCNA"]
    assert same_speaker("the official Korean Central News Agency", names, "organization")
    assert same_speaker("North Korea’s official KCNA news agency", names, "organization")
    assert not same_speaker("Yonhap news agency", names, "organization")
    assert not same_speaker("US Forces Korea", ["United States", "US"], "country")


@pytest.mark.parametrize("gold_joined", [True, False])
def test_reported_and_that_may_be_one_clause_or_two(gold_joined):
    from kit.evaluate import _score_reported

    first, second = "the talks had failed", "the North would not return"
    joined = f"{first} and that {second}"
    split = [{"text": first, "start": 0}, {"text": second, "start": 30}]
    whole = [{"text": joined, "start": 0}]

    class Item:
        def __init__(self, text, start):
            self.text, self.start, self.speaker = text, start, "Kim"

    class Gold:
        article = "t"

    gold = Gold()
    gold.reported = [Item(joined, 0)] if gold_joined else [Item(first, 0), Item(second, 30)]
    res = _score_reported(gold, split if gold_joined else whole)
    assert (res.tp, res.fp, res.fn) == (len(gold.reported), 0, 0)
    # a clause that is not the other half still does not match
    wrong = [{"text": first, "start": 0}, {"text": "the sky is green today", "start": 30}]
    res = _score_reported(
        gold, wrong if gold_joined else [{"text": f"{first} and that the sky is green", "start": 0}]
    )
    assert res.fp >= 1 or res.fn >= 1


def test_organization_name_matches_without_a_leading_the():
    from kit.evaluate import _score_actors

    class Actor:
        def __init__(self, name, aliases=()):
            self.name, self.aliases = name, list(aliases)

        @property
        def names(self):
            return [self.name, *self.aliases]

    class Gold:
        article = "t"

    gold = Gold()
    gold.organizations = [Actor("United Nations Security Council", ["the Security Council"])]
    res = _score_actors(gold, "organizations", [{"actor": "Security Council"}])
    assert (res.tp, res.fp) == (1, 0)
    res = _score_actors(gold, "organizations", [{"actor": "Security Service"}])
    assert (res.tp, res.fp) == (0, 1)
