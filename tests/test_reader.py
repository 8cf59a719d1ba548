"""The annotated reader: escaping, overlapping highlights, paragraph roles, the widgets."""

from __future__ import annotations

import html
import re

import pytest
from lesson_fixtures import TEXT, corpus_with_tables

import kit
from kit.reader import (
    Mark,
    ReaderApp,
    SentenceApp,
    article_marks,
    highlight,
    legend_html,
    render_article,
    weekday,
)

HOSTILE = """Hostile test page <script>alert(1)</script>

A standfirst with <img src=x onerror=alert(1)> inside it, written for the tests.

The minister said "<a href="javascript:alert(1)">x</a> is not a threat" on Monday.

Officials & analysts said the <b>talks</b> would resume, quoting 'single' and "double" marks."""

ATTACKS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
)


def _visible_text(markup: str) -> str:
    """The text a browser would show: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


@pytest.fixture(scope="module")
def hostile():
    return kit.parse_article(HOSTILE, published="2026-11-24", article_id="hostile")


def test_hostile_article_is_escaped_everywhere(hostile):
    app = ReaderApp(hostile)
    page = app.html.value + app.sourcing.value + app.static_html()
    for attack in ATTACKS:
        assert attack not in page
        assert html.escape(attack, quote=True) in app.html.value
    assert (
        "<script" not in page
        and "<img" not in page
        and "javascript:alert" not in page.replace("&quot;javascript:alert", "")
    )


def test_hostile_text_survives_with_marks_on_the_attack(hostile):
    art = hostile.article("hostile")
    start = HOSTILE.index("<img")
    marks = [
        Mark(start, start + 10, "actors", "background:#fff", 'a "title" <b>', "person"),
        Mark(start + 5, start + 30, "claims", "border:1px", "x' onmouseover='alert(1)", "x"),
    ]
    out = render_article(art, marks)
    assert "<img" not in out
    assert "onmouseover='alert" not in out  # quotes in titles are escaped too
    assert "&#x27; onmouseover=&#x27;alert(1)" in out
    assert "&lt;b&gt;" in out


def test_highlight_gives_back_the_exact_text():
    text = "Kerry met Wang Yi in Beijing on Wednesday & said <no>."
    marks = [
        Mark(0, 5, "actors", "s", "person: John Kerry", "person"),
        Mark(10, 17, "actors", "s", "person: Wang Yi", "person"),
        Mark(0, 55, "claims", "s", "claim", "direct quote"),
        Mark(21, 28, "actors", "s", "country: China", "country"),
        Mark(29, 41, "dates", "s", "date: 2016-01-27", "date"),
        Mark(32, 50, "claims", "s", "overlap", "reported claim"),  # crosses a date boundary
    ]
    out = highlight(text, 0, len(text), marks)
    assert _visible_text(out) == text
    # Valid nesting: every span opened is closed, and never more closed than opened.
    depth = 0
    for tag in re.findall(r"</?span", out):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0
    assert 'title="person: Wang Yi">Wang Yi</span>' in out


def test_overlapping_marks_nest_outer_layer_first():
    text = "He said the talks failed."
    marks = [
        Mark(8, 17, "actors", "A", "actor", "person"),
        Mark(3, 24, "claims", "C", "claim", "direct quote"),
    ]
    out = highlight(text, 0, len(text), marks)
    # Inside the overlap the claim span opens before the actor span.
    assert '<span class="kit-claims" style="C" title="claim"><span class="kit-actors"' in out


def test_marks_are_clipped_to_the_range():
    text = "First paragraph.\nSecond paragraph."
    marks = [Mark(6, 25, "claims", "C", "claim", "reported claim")]
    first = highlight(text, 0, 16, marks)
    second = highlight(text, 17, len(text), marks)
    assert _visible_text(first) == "First paragraph."
    assert _visible_text(second) == "Second paragraph."
    assert "kit-claims" in first and "kit-claims" in second


def test_empty_and_zero_length_marks_are_harmless():
    text = "Nothing to see."
    assert highlight(text, 0, len(text), []) == "Nothing to see."
    assert highlight(text, 0, len(text), [Mark(3, 3, "dates", "s", "t", "date")]) == text


def test_paragraph_roles_are_labelled_and_boilerplate_struck_through():
    corpus = corpus_with_tables()
    art = corpus.article("test-ruritania")
    out = render_article(art, [], show_roles=True)
    roles = re.findall(r'data-role="([a-z_]+)"', out)
    assert roles == [p.role for p in art.paragraphs]
    assert {"headline", "standfirst", "photo_credit", "caption", "boilerplate"} <= set(roles)
    boiler = re.search(r'<div class="kit-para" data-role="boilerplate" style="([^"]*)"', out)
    assert "line-through" in boiler.group(1)
    assert ">photo credit</span>" in out
    plain = render_article(art, [], show_roles=False)
    assert "line-through" not in plain and ">photo credit</span>" not in plain
    assert _visible_text(plain) == "".join(art.paragraph_text(p.index) for p in art.paragraphs)


def test_article_marks_use_the_tables_with_hover_details():
    corpus = corpus_with_tables()
    marks = article_marks(corpus, "test-ruritania")
    assert len(marks["actors"]) == len(corpus.mentions)
    assert len(marks["dates"]) == len(corpus.dates)
    # Each claim gives one mark for the claim and one for its reporting verb.
    assert len(marks["claims"]) == 2 * len(corpus.claims)
    titles = {m.title for layer in marks.values() for m in layer}
    assert "person: Karl Blau" in titles  # canonical name on the surname-only mention
    assert "date: 2026-W49 (vague)" in titles
    assert any(t.startswith("direct quote by no named speaker") for t in titles)
    for m in marks["actors"]:
        assert corpus.text("test-ruritania")[m.start : m.end] in TEXT


def test_reader_app_defaults_and_toggles():
    corpus = corpus_with_tables()
    app = ReaderApp(corpus)
    assert app.article.value == "test-ruritania"
    assert app.output is app.html
    shown = app.html.value
    assert 'title="person: Karl Blau"' in shown
    assert "kit-claims" in shown and "kit-dates" in shown
    assert "direct quote" in app.legend.value and "date" in app.legend.value
    assert "Test Wire" in app.sourcing.value and "2026-11-24 (Tuesday)" in app.sourcing.value

    app.show_actors.value = False
    assert "kit-actors" not in app.html.value and "kit-claims" in app.html.value
    assert ">person<" not in app.legend.value
    app.show_claims.value = False
    app.show_dates.value = False
    assert "<span class=" not in app.html.value.replace("<span style=", "")
    assert "No highlights" in app.legend.value
    app.show_roles.value = False
    assert "line-through" not in app.html.value


def test_reader_app_switches_article_on_the_seeds():
    corpus = kit.load_corpus()
    app = ReaderApp(corpus)
    first, second = corpus.ids[0], corpus.ids[1]
    assert app.article.value == first
    app.article.value = second
    art = corpus.article(second)
    assert art.paragraph_text(0) in _visible_text(app.html.value)
    visible = _visible_text(app.html.value)
    for p in art.paragraphs:  # every paragraph is shown, whatever the extractors found
        assert art.paragraph_text(p.index) in visible
    row = corpus.articles.set_index("article").loc[second]
    assert html.escape(row["outlet"]) in app.sourcing.value
    bundle = app._repr_mimebundle_()
    assert "static view" in bundle["text/html"] and "interactive widget" in bundle["text/plain"]


def test_reader_on_empty_tables_still_shows_the_text():
    corpus = corpus_with_tables(empty=True)
    app = ReaderApp(corpus)
    assert "No highlights" in app.legend.value
    assert "Talks stall as Ruritania tests again" in app.html.value


def test_legend_order_is_fixed():
    marks = [
        Mark(0, 1, "dates", "d", "t", "date"),
        Mark(0, 1, "actors", "a", "t", "person"),
        Mark(0, 1, "claims", "c", "t", "direct quote"),
    ]
    legend = legend_html(marks)
    assert legend.index("direct quote") < legend.index("person") < legend.index(">date<")


def test_weekday():
    assert weekday("2016-01-27") == "Wednesday"
    assert weekday("not a date") == ""


def test_sentence_app_slider_and_article():
    corpus = kit.load_corpus()
    app = SentenceApp(corpus)
    art = corpus.article(app.article.value)
    assert app.sentence.max == len(art.sentences) - 1
    app.sentence.value = 2
    assert html.escape(art.sentence_text(2), quote=True) in app.output.value
    app.article.value = corpus.ids[1]
    assert app.sentence.value == 0
    other = corpus.article(corpus.ids[1])
    assert html.escape(other.sentence_text(0), quote=True) in app.output.value
    assert app.static_html() == app.output.value
