"""Charts for lessons 2, 3 and 7 and their text alternatives."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from lesson_fixtures import corpus_with_tables  # noqa: E402

from kit.explore import direct_vs_reported, quotes_by_country, quotes_by_speaker  # noqa: E402
from kit.plots import (  # noqa: E402
    describe_direct_vs_reported,
    describe_quotes_by_country,
    describe_quotes_by_speaker,
    plot_direct_vs_reported,
    plot_quotes_by_country,
    plot_quotes_by_speaker,
)
from kit.style import COUNTRY_COLORS, OTHER_COLOR, country_color  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return corpus_with_tables()


@pytest.fixture(scope="module")
def empty():
    return corpus_with_tables(empty=True)


def _rgb(hex_color: str):
    return matplotlib.colors.to_rgb(hex_color)


def test_quotes_by_speaker_chart(corpus):
    table = quotes_by_speaker(corpus)
    fig = plot_quotes_by_speaker(table)
    ax = fig.axes[0]
    assert ax.get_title() == "Who is quoted, and how often"
    assert ax.get_xlabel() and ax.get_ylabel()
    bars = ax.patches
    assert len(bars) == len(table)
    # Bars are drawn bottom-up, so the most-quoted speaker is the last bar (at the top).
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "Karl Blau"
    assert bars[-1].get_width() == 2
    # Each bar has its country's colour (countries outside the palette get the neutral one).
    expected = [_rgb(country_color(c)) for c in table["country"][::-1]]
    assert [b.get_facecolor()[:3] for b in bars] == expected
    assert expected[-1] == _rgb(OTHER_COLOR)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(legend) == set(table["country"])
    assert tuple(fig.get_size_inches()) == (7, 3.5)
    plt.close(fig)


def test_country_colours_are_the_shared_palette():
    import pandas as pd

    table = pd.DataFrame(
        {"speaker": ["A", "B"], "country": ["China", "United States"], "claims": [2, 1]}
    )
    fig = plot_quotes_by_speaker(table)
    colours = [b.get_facecolor()[:3] for b in fig.axes[0].patches]
    assert colours == [_rgb(COUNTRY_COLORS["United States"]), _rgb(COUNTRY_COLORS["China"])]
    plt.close(fig)


def test_describe_quotes_by_speaker(corpus):
    text = describe_quotes_by_speaker(quotes_by_speaker(corpus))
    assert text == (
        "The bar chart shows 4 speakers and 6 claims; Karl Blau (Ruritania) is quoted most, "
        "2 times. Claims by the speaker's country: Elbonia 2, Ruritania 2, (country unknown) 1 "
        "and Freedonia 1."
    )


def test_direct_vs_reported_chart_and_text(corpus):
    table = direct_vs_reported(corpus)
    fig = plot_direct_vs_reported(table)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct quote", "reported claim"]
    # One bar per group per kind, stacked: the widths add up to the number of claims.
    assert sum(b.get_width() for b in ax.patches) == 6
    plt.close(fig)
    assert describe_direct_vs_reported(table) == (
        "The stacked bar chart counts claims by kind of speaker — official: 1 direct quote, "
        "2 reported claims; analyst: 2 direct quotes; unnamed source: 1 direct quote."
    )


def test_quotes_by_country_chart_and_text(corpus):
    table = quotes_by_country(corpus)
    labels = {"test-ruritania": "Test Wire, 2026"}
    fig = plot_quotes_by_country(table, labels)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Test Wire, 2026"]
    assert sum(b.get_height() for b in ax.patches) == 6
    plt.close(fig)
    text = describe_quotes_by_country(table, labels)
    assert text.startswith("The grouped bar chart counts claims by the speaker's country")
    assert "Test Wire, 2026: Elbonia 2, Ruritania 2, (country unknown) 1 and Freedonia 1" in text


@pytest.mark.parametrize(
    ("make", "plot", "describe"),
    [
        (quotes_by_speaker, plot_quotes_by_speaker, describe_quotes_by_speaker),
        (direct_vs_reported, plot_direct_vs_reported, describe_direct_vs_reported),
        (quotes_by_country, plot_quotes_by_country, describe_quotes_by_country),
    ],
)
def test_empty_tables_give_a_labelled_empty_chart(empty, make, plot, describe):
    table = make(empty)
    fig = plot(table)
    ax = fig.axes[0]
    assert ax.get_title()
    assert "No quotes found" in [t.get_text() for t in ax.texts]
    plt.close(fig)
    assert "empty" in describe(table)
