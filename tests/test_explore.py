"""Actor and claims explorers, speaker groups and comparison helpers (lessons 2, 3, 7)."""

from __future__ import annotations

import html

import pandas as pd
import pytest
from lesson_fixtures import CLAIMS, corpus_with_tables

import kit
from kit.explore import (
    ALL,
    NO_COUNTRY,
    NO_SPEAKER,
    ActorExplorer,
    ClaimsExplorer,
    actor_table,
    article_labels,
    claim_context_html,
    claims_for_speaker,
    claims_with_country,
    classify_speaker,
    context_span,
    country_options,
    direct_vs_reported,
    filter_actors,
    mentions_per_article,
    oldest_and_newest,
    quotes_by_country,
    quotes_by_speaker,
    speaker_groups,
)


@pytest.fixture(scope="module")
def corpus():
    return corpus_with_tables()


@pytest.fixture(scope="module")
def empty():
    return corpus_with_tables(empty=True)


def _html(out) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in out.outputs)


def _stdout(out) -> str:
    return "".join(o.get("text", "") for o in out.outputs if o.get("output_type") == "stream")


# -- actors ------------------------------------------------------------------------
def test_actor_table_sorted_by_mentions(corpus):
    table = actor_table(corpus)
    assert list(table["actor"][:1]) == ["Karl Blau"]
    assert list(table["mentions"]) == sorted(table["mentions"], reverse=True)


def test_filter_actors(corpus):
    actors = actor_table(corpus)
    assert set(filter_actors(actors, country="Ruritania")["actor"]) == {"Ruritania", "Karl Blau"}
    assert set(filter_actors(actors, kind="person")["actor"]) == {
        "Karl Blau",
        "Ana Lima",
        "Tom Park",
    }
    assert list(filter_actors(actors, country="Elbonia", kind="person")["actor"]) == ["Tom Park"]
    assert list(filter_actors(actors, country=NO_COUNTRY)["actor"]) == ["Harbor Institute"]
    assert len(filter_actors(actors)) == len(actors)
    assert filter_actors(actors, article="no-such-article").empty


def test_country_options(corpus):
    opts = country_options(actor_table(corpus))
    assert opts == [ALL, "Elbonia", "Freedonia", "Ruritania", NO_COUNTRY]


def test_mentions_per_article(corpus):
    table = mentions_per_article(corpus)
    assert list(table.columns) == ["actor", "test-ruritania", "total"]
    blau = table[table["actor"] == "Karl Blau"].iloc[0]
    assert blau["test-ruritania"] == 3 and blau["total"] == 3
    assert table["total"].sum() == len(corpus.mentions)


def test_actor_explorer_filters_and_reports(corpus):
    app = ActorExplorer(corpus)
    assert "7 of 7 actor rows match." in _stdout(app.output)
    app.country.value = "Ruritania"
    assert "2 of 7 actor rows match." in _stdout(app.output)
    assert "Karl Blau" in _html(app.output) and "Tom Park" not in _html(app.output)
    app.kind.value = "organization"
    assert app.table.empty
    assert "No actors match" in _html(app.output)
    app.country.value = ALL
    assert list(app.table["actor"]) == ["Harbor Institute"]
    assert "Harbor Institute" in app.static_html()
    assert app.article.options[0] == (ALL, ALL)


def test_actor_explorer_escapes_names():
    corpus = corpus_with_tables()
    actors = corpus.actors.copy()
    actors.loc[0, "actor"] = "<script>alert(1)</script>"
    corpus.__dict__["_extracted"] = {**corpus.__dict__["_extracted"], "actors": actors}
    app = ActorExplorer(corpus)
    assert "<script>" not in _html(app.output)
    assert "&lt;script&gt;" in _html(app.output)


def test_actor_explorer_on_empty_tables(empty):
    app = ActorExplorer(empty)
    assert "0 of 0 actor rows match." in _stdout(app.output)
    assert "No actors match" in app.static_html()


# -- claims and speakers -------------------------------------------------------------
def test_claims_with_country_joins_speakers(corpus):
    claims = claims_with_country(corpus)
    assert len(claims) == len(CLAIMS)
    got = dict(zip(claims["speaker"], claims["country"], strict=True))
    assert got == {
        "Ana Lima": "Freedonia",
        "Karl Blau": "Ruritania",
        "Tom Park": "Elbonia",
        NO_SPEAKER: NO_COUNTRY,
    }
    assert claims.loc[claims["speaker"] == "Tom Park", "speaker_affiliation"].iloc[0] == (
        "Harbor Institute"
    )


def test_speaker_found_in_another_article():
    """A speaker without an actor row in their article borrows it from another article."""
    corpus = corpus_with_tables()
    tables = dict(corpus.__dict__["_extracted"])
    actors = tables["actors"].copy()
    actors.loc[actors["actor"] == "Ana Lima", "article"] = "another-article"
    tables["actors"] = actors
    corpus.__dict__["_extracted"] = tables
    claims = claims_with_country(corpus)
    assert claims.loc[claims["speaker"] == "Ana Lima", "country"].iloc[0] == "Freedonia"


def test_quotes_by_speaker_counts(corpus):
    table = quotes_by_speaker(corpus)
    assert table["claims"].sum() == len(CLAIMS)
    assert list(table.iloc[0]) == ["Karl Blau", "Ruritania", 2]
    assert list(table.columns) == ["speaker", "country", "claims"]


@pytest.mark.parametrize(
    ("kwargs", "group"),
    [
        ({"speaker": "A", "role": "Foreign Minister"}, "official"),
        ({"speaker": "A", "role": "Secretary of State"}, "official"),
        ({"speaker": "A", "role": "senior analyst", "affiliation": "Harbor Institute"}, "analyst"),
        ({"speaker": "A", "role": "colleague", "affiliation": "RAND Corp."}, "analyst"),
        ({"speaker": "A", "role": "spokesman", "affiliation": "Some University"}, "official"),
        ({"speaker": "A", "affiliation": "Ministry of Unification"}, "official"),
        ({"speaker": "North Korea", "speaker_kind": "country"}, "official"),
        ({"speaker": "Ruritania", "actor_kind": "country"}, "official"),
        ({"speaker": "", "role": "Foreign Minister"}, "unnamed source"),
        ({"speaker": NO_SPEAKER}, "unnamed source"),
        ({"speaker": "a senior official", "speaker_kind": "unnamed"}, "unnamed source"),
        ({"speaker": "U.S. officials", "speaker_kind": "group"}, "unnamed source"),
        ({"speaker": "A", "role": "farmer"}, "other"),
        ({"speaker": "A", "role": float("nan"), "affiliation": None}, "other"),
    ],
)
def test_classify_speaker(kwargs, group):
    assert classify_speaker(**kwargs) == group


def test_words_match_at_word_starts_only():
    # "rand" is an analyst word, but must not match inside "grandfather".
    assert classify_speaker(speaker="A", role="grandfather") == "other"


def test_speaker_groups_and_direct_vs_reported(corpus):
    groups = speaker_groups(corpus).set_index("speaker")["group"].to_dict()
    assert groups == {
        "Karl Blau": "official",
        "Ana Lima": "official",
        "Tom Park": "analyst",
        NO_SPEAKER: "unnamed source",
    }
    table = direct_vs_reported(corpus)
    assert list(table.index) == ["official", "analyst", "unnamed source"]
    assert table.loc["official"].to_dict() == {"quote": 1, "reported": 2}
    assert table.loc["analyst"].to_dict() == {"quote": 2, "reported": 0}
    assert int(table.to_numpy().sum()) == len(CLAIMS)


def test_empty_tables_give_empty_summaries(empty):
    assert quotes_by_speaker(empty).empty
    assert speaker_groups(empty).empty
    assert direct_vs_reported(empty).empty
    assert quotes_by_country(empty).empty
    assert list(mentions_per_article(empty).columns) == ["actor", "test-ruritania", "total"]


def test_claim_context_is_the_whole_sentence_escaped(corpus):
    art = corpus.article("test-ruritania")
    claim = claims_for_speaker(corpus, "Karl Blau").iloc[0]
    out = claim_context_html(art, claim)
    assert out.startswith("&quot;<span")  # the sentence begins with the opening quote mark
    assert "Premier Karl Blau <span" in out and ">said</span>." in out
    assert 'title="direct quote">We will not be moved by threats,</span>' in out
    start, end = context_span(art, int(claim["start"]), int(claim["end"]))
    sentence = art.sentences[art.sentence_at(int(claim["start"]))]
    assert (start, end) == (sentence.start, sentence.end)


def test_claim_context_spanning_two_sentences(corpus):
    art = corpus.article("test-ruritania")
    s1, s2 = art.sentences[0], art.sentences[1]
    assert context_span(art, s1.end - 2, s2.start + 2) == (s1.start, s2.end)


def test_claims_explorer_default_and_choice(corpus):
    app = ClaimsExplorer(corpus)
    # Most-quoted first; ties broken alphabetically.
    assert [v for _, v in app.speaker.options] == ["Karl Blau", "Tom Park", NO_SPEAKER, "Ana Lima"]
    assert app.speaker.options[0][0] == "Karl Blau (2)"
    shown = _html(app.output)
    assert "<b>Karl Blau</b> — Premier" in shown and "group: official" in shown
    assert shown.count("<li>") == 2
    app.speaker.value = "Tom Park"
    shown = _html(app.output)
    assert "Harbor Institute" in shown and "deeply worried," in shown
    assert list(app.claims["speaker"].unique()) == ["Tom Park"]
    app.kind.value = "reported"
    assert "No quotes found for Tom Park." in _html(app.output)
    app.speaker.value = "Ana Lima"
    assert "the door to talks is still open" in _html(app.output)
    assert app.static_html() == _html(app.output)


def test_claims_explorer_on_empty_tables(empty):
    app = ClaimsExplorer(empty)
    assert app.speaker.options == (("(no claims found)", ""),)
    assert "No quotes found" in _html(app.output)


def test_claims_explorer_escapes_claim_text():
    text = 'Hostile Wire\n\n"<img src=x onerror=alert(1)> is coming," Jo Bloggs said on Monday.'
    corpus = kit.parse_article(text, published="2026-11-24", article_id="t")
    start = text.index("<img")
    end = text.index(' is coming,"') + len(" is coming,")
    claims = pd.DataFrame(
        [
            {
                "article": "t",
                "claim": 0,
                "speaker": "Jo Bloggs",
                "speaker_kind": "person",
                "kind": "quote",
                "text": text[start:end],
                "start": start,
                "end": end,
                "sentence": 1,
                "paragraph": 1,
                "cue": "said",
                "cue_start": pd.NA,
                "cue_end": pd.NA,
            }
        ]
    )
    corpus.__dict__["_extracted"] = {
        "actors": kit.schema.empty("actors"),
        "mentions": kit.schema.empty("mentions"),
        "claims": kit.schema.frame("claims", claims.to_dict("records")),
        "dates": kit.schema.empty("dates"),
        "terms": kit.schema.empty("terms"),
    }
    app = ClaimsExplorer(corpus)
    shown = _html(app.output)
    assert "<img" not in shown
    assert html.escape("<img src=x onerror=alert(1)>") in shown


# -- comparison helpers on the seeds ---------------------------------------------------
def test_oldest_and_newest_and_labels():
    corpus = kit.load_corpus()
    older, newer = oldest_and_newest(corpus)
    published = corpus.articles.set_index("article")["published"]
    assert published[older] == published.min() and published[newer] == published.max()
    labels = article_labels(corpus)
    assert set(labels) == set(corpus.ids)
    assert labels[newer].endswith(published[newer])


def test_quotes_by_country_adds_up_on_the_seeds():
    corpus = kit.load_corpus()
    table = quotes_by_country(corpus)
    assert list(table.columns) == corpus.ids
    assert int(table.to_numpy().sum()) == len(corpus.claims)
    by_speaker = quotes_by_speaker(corpus)
    assert by_speaker["claims"].sum() == len(corpus.claims)
