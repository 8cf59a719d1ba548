"""TIMEX3 values → intervals, the background events file, and the timeline widget."""

from __future__ import annotations

import datetime as dt

import pytest

import kit
from kit import timeline as T
from kit.data_files import read_csv

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-01-27", (D(2016, 1, 27), D(2016, 1, 27))),
        ("2016-01-27T10:30", (D(2016, 1, 27), D(2016, 1, 27))),
        ("2016-02", (D(2016, 2, 1), D(2016, 2, 29))),  # leap year
        ("2013-02", (D(2013, 2, 1), D(2013, 2, 28))),
        ("2013", (D(2013, 1, 1), D(2013, 12, 31))),
        ("2013-W15", (D(2013, 4, 8), D(2013, 4, 14))),  # ISO week: Monday to Sunday
        ("2016-W03-WE", (D(2016, 1, 23), D(2016, 1, 24))),  # that week's Saturday and Sunday
        ("2015-W53", (D(2015, 12, 28), D(2016, 1, 3))),  # a week across the year end
        ("2013-Q1", (D(2013, 1, 1), D(2013, 3, 31))),
        ("2013-SU", (D(2013, 6, 1), D(2013, 8, 31))),
        ("2012-WI", (D(2012, 12, 1), D(2013, 2, 28))),
        ("2016-01-27TEV", (D(2016, 1, 27), D(2016, 1, 27))),
        ("195X", (D(1950, 1, 1), D(1959, 12, 31))),
        ("1950/1953", (D(1950, 1, 1), D(1953, 12, 31))),
        ("1950-06-25/1953-07-27", (D(1950, 6, 25), D(1953, 7, 27))),
    ],
)
def test_timex_interval(value, expected):
    assert T.timex_interval(value) == expected


@pytest.mark.parametrize("value", ["", "   ", None, float("nan"), "PRESENT_REF", "FUTURE_REF"])
def test_vague_values_have_no_interval(value):
    assert T.timex_interval(value) is None


@pytest.mark.parametrize(
    "value", ["2016-13", "2016-02-30", "2013-W54", "soon", "1953/1950", "2016/", "P1Y", "XXXX-01"]
)
def test_bad_values_raise_a_clear_error(value):
    with pytest.raises(kit.KitError, match="TIMEX3"):
        T.timex_interval(value)
    assert T.interval_or_none(value) is None


def test_every_background_event_has_a_valid_date_and_a_source():
    rows = read_csv(T.BACKGROUND_FILE)
    assert len(rows) >= 10
    for row in rows:
        assert row["source"].strip(), f"no source for {row['event']!r}"
        assert len(row["source"]) > 15, f"source too vague for {row['event']!r}: {row['source']!r}"
        assert T.timex_interval(row["date"]) is not None, row
        assert row["kind"] in T.KIND_STYLE, f"unknown kind {row['kind']!r} for {row['event']!r}"


def test_background_events_include_the_required_facts():
    events = T.background_events()
    by_date = {(r.date, r.kind) for r in events.itertuples()}
    for date in ("2006-10-09", "2009-05-25", "2013-02-12", "2016-01-06"):
        assert (date, "nuclear test") in by_date
    for date in ("2006-10-14", "2009-06-12", "2013-01-22", "2013-03-07", "2016-03-02"):
        assert (date, "UN resolution") in by_date
    assert ("1953-07-27", "war") in by_date and ("1950-06-25", "war") in by_date
    six_party = events[events["event"].str.contains("Six-Party")]
    assert list(six_party["date"]) == ["2003-08-27"]
    # resolution numbers appear in the sources of their rows
    resolutions = {
        "2006-10-14": "1718",
        "2009-06-12": "1874",
        "2013-01-22": "2087",
        "2013-03-07": "2094",
        "2016-03-02": "2270",
    }
    for date, number in resolutions.items():
        row = events[(events["date"] == date) & (events["kind"] == "UN resolution")].iloc[0]
        assert number in row["source"] and number in row["event"]
    assert list(events["start"]) == sorted(events["start"])


def test_bad_background_rows_name_the_row():
    good = {
        "date": "2013-02-12",
        "event": "A test.",
        "kind": "nuclear test",
        "source": "A source, 2013",
    }
    with pytest.raises(kit.KitError, match=r"row 3 .*source"):
        T.background_events((good, {**good, "source": ""}))
    with pytest.raises(kit.KitError, match=r"row 2 .*TIMEX3"):
        T.background_events(({**good, "date": "12 Feb 2013"},))


def test_article_points_trace_back_to_their_sentence():
    corpus = kit.load_corpus()
    points = T.article_points(corpus)
    assert len(points) == sum(T.interval_or_none(v) is not None for v in corpus.dates["value"])
    for p in points.itertuples():
        text = corpus.text(p.article)
        assert text[p.offset : p.offset + len(p.text)] == p.text
        assert p.text in p.sentence and p.sentence in text
        assert p.start_date <= p.end_date
    assert len(points) + len(T.skipped_dates(corpus)) == len(corpus.dates)


def test_empty_dates_table_still_draws():
    corpus = kit.parse_article(
        "Officials met in Beijing.\n", published="2016-01-27", article_id="x"
    )
    points = T.article_points(corpus)
    assert points.empty and list(points.columns)[:3] == ["article", "outlet", "published"]
    fig = T.timeline_figure(points, T.background_events(), T.publications(corpus))
    assert fig.axes
    assert "0 dated expression(s)" in T.describe_timeline(
        points, T.background_events(), T.publications(corpus)
    )


def _html(app) -> str:
    return "".join(o["data"].get("text/html", "") for o in app.output.outputs)


def test_timeline_app_zooms_with_the_year_slider():
    corpus = kit.load_corpus()
    app = T.TimelineApp(corpus)
    assert tuple(app.years.value) == (1950, 2016)
    full = _html(app)
    assert "data:image/svg+xml;base64," in full and "1950 to 2016" in full
    n_full = len(app.visible)
    app.years.value = (2014, 2016)
    zoomed = _html(app)
    assert zoomed != full and "2014 to 2016" in zoomed
    assert len(app.visible) < n_full
    assert all(p.end_date.year >= 2014 for p in app.visible.itertuples())
    app.years.value = (1960, 1970)
    assert "No dated expressions" in _html(app)
    assert "Timeline" in app._repr_mimebundle_()["text/plain"]


def test_article_text_is_escaped_in_the_table():
    points = T.article_points(kit.load_corpus()).head(2)
    assert len(points) == 2
    html = T._table_html(points.assign(sentence="<script>x</script> & y"))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; y" in html
    # with the real sentences, each expression is marked inside its sentence
    html = T._table_html(points)
    for p in points.itertuples():
        assert f"<mark>{p.text}</mark>" in html


def test_timeline_svg_marks_publications_and_escapes_text():
    import base64
    import re

    corpus = kit.load_corpus()
    points, events, pubs = T.article_points(corpus), T.background_events(), T.publications(corpus)
    svg = base64.b64decode(
        re.search(r"base64,([A-Za-z0-9+/=]+)", T.timeline_svg(points, events, pubs))[1]
    ).decode()
    for row in pubs.itertuples():
        assert f"published {row.published.isoformat()}</text>" in svg
    assert "Korea crisis timeline, 1950–2016" in svg and ">2000</text>" in svg
    odd = events.assign(kind="war <&>")
    svg = base64.b64decode(
        re.search(r"base64,([A-Za-z0-9+/=]+)", T.timeline_svg(points, odd, pubs))[1]
    ).decode()
    assert "War &lt;&amp;&gt;" in svg and "<&>" not in svg


def test_year_ticks():
    assert [label for _, label in T._year_ticks((2013, 2014))][:2] == ["Jan 2013", "Apr"]
    assert [label for _, label in T._year_ticks((1950, 2016))] == [
        str(y) for y in range(1950, 2011, 10)
    ]
