"""Charts for lessons 2, 3 and 7, each with a ``describe_*`` text alternative.

Each ``plot_*`` function takes a small table made by ``kit.explore`` and returns a
matplotlib Figure; the matching ``describe_*`` function takes the same table and
returns one plain sentence saying what the figure shows, computed from the data so it
stays true when a teacher adds articles. Empty tables give a figure that says so.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from .reader import claim_kind_label
from .style import OKABE_ITO, country_color, finish

FIGSIZE = (7, 3.5)
#: Colours for claim kinds (direct quotes vs reported claims).
KIND_COLORS = {
    "quote": OKABE_ITO["orange"],
    "direct": OKABE_ITO["orange"],
    "reported": OKABE_ITO["sky blue"],
}


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# -- lesson 2: who is quoted -------------------------------------------------------
def plot_quotes_by_speaker(table: pd.DataFrame, top: int = 12):
    """Horizontal bars: claims per speaker (``kit.explore.quotes_by_speaker``), coloured
    by the speaker's country; the ``top`` most-quoted speakers."""
    fig, ax = plt.subplots(figsize=FIGSIZE)
    shown = table.head(top).iloc[::-1]
    if shown.empty:
        _empty(ax, "No quotes found")
    else:
        ax.barh(
            shown["speaker"], shown["claims"], color=[country_color(c) for c in shown["country"]]
        )
        handles = [
            Patch(color=country_color(country), label=country)
            for country in dict.fromkeys(table.head(top)["country"])
        ]
        ax.legend(
            handles=handles,
            title="Speaker's country",
            fontsize="small",
            frameon=False,
            loc="lower right",
        )
        ax.xaxis.get_major_locator().set_params(integer=True)
    finish(ax, "Who is quoted, and how often", "Number of quotes and claims", "Speaker")
    fig.tight_layout()
    return fig


def describe_quotes_by_speaker(table: pd.DataFrame) -> str:
    """One sentence describing ``plot_quotes_by_speaker``."""
    if table.empty:
        return "The chart is empty: the kit found no quotes or claims."
    top = table.iloc[0]
    by_country = table.groupby("country")["claims"].sum().sort_values(ascending=False)
    parts = [f"{country} {n}" for country, n in by_country.items()]
    return (
        f"The bar chart shows {_plural(len(table), 'speaker')} and "
        f"{_plural(int(table['claims'].sum()), 'claim')}; {top['speaker']} ({top['country']}) "
        f"is quoted most, {_plural(int(top['claims']), 'time')}. Claims by the speaker's "
        f"country: {_join(parts)}."
    )


# -- lesson 3: direct vs reported ------------------------------------------------------
def plot_direct_vs_reported(table: pd.DataFrame):
    """Stacked bars: claims per speaker group (rows of ``kit.explore.direct_vs_reported``)
    split into claim kinds (its columns)."""
    fig, ax = plt.subplots(figsize=FIGSIZE)
    if table.empty or table.to_numpy().sum() == 0:
        _empty(ax, "No quotes found")
    else:
        left = pd.Series(0, index=table.index)
        fallback = iter(["#999999", OKABE_ITO["bluish green"], OKABE_ITO["yellow"]])
        for kind in table.columns:
            color = KIND_COLORS.get(kind) or next(fallback, "#999999")
            ax.barh(table.index, table[kind], left=left, color=color, label=claim_kind_label(kind))
            left = left + table[kind]
        ax.invert_yaxis()
        ax.legend(title="Kind of claim", fontsize="small", frameon=False, loc="lower right")
        ax.xaxis.get_major_locator().set_params(integer=True)
    finish(
        ax,
        "Direct quotes and reported claims, by kind of speaker",
        "Number of claims",
        "Speaker group",
    )
    fig.tight_layout()
    return fig


def describe_direct_vs_reported(table: pd.DataFrame) -> str:
    """One sentence describing ``plot_direct_vs_reported``."""
    if table.empty or table.to_numpy().sum() == 0:
        return "The chart is empty: the kit found no quotes or claims."
    parts = []
    for group, row in table.iterrows():
        kinds = [_plural(int(n), claim_kind_label(kind)) for kind, n in row.items() if n]
        parts.append(f"{group}: {', '.join(kinds)}")
    return f"The stacked bar chart counts claims by kind of speaker — {'; '.join(parts)}."


# -- lesson 7: quotes per country in each article ----------------------------------------
def plot_quotes_by_country(table: pd.DataFrame, labels: dict[str, str] | None = None):
    """Grouped bars: claims per speaker country (rows of ``kit.explore.quotes_by_country``)
    in each article (its columns); ``labels`` maps article ids to legend names."""
    labels = labels or {}
    fig, ax = plt.subplots(figsize=FIGSIZE)
    if table.empty or table.to_numpy().sum() == 0:
        _empty(ax, "No quotes found")
    else:
        n = len(table.columns)
        width = 0.8 / n
        hatches = ["", "//", "..", "xx"]
        positions = range(len(table.index))
        for i, article in enumerate(table.columns):
            ax.bar(
                [p + (i - (n - 1) / 2) * width for p in positions],
                table[article],
                width=width,
                color=[country_color(c) for c in table.index],
                hatch=hatches[i % len(hatches)],
                edgecolor="black",
                linewidth=0.5,
                label=labels.get(article, article),
            )
        ax.set_xticks(list(positions), table.index, rotation=20, ha="right")
        legend = ax.legend(title="Article (bar pattern)", fontsize="small", frameon=False)
        for handle in legend.legend_handles:
            handle.set_facecolor("white")
        ax.yaxis.get_major_locator().set_params(integer=True)
    finish(
        ax,
        "Quotes and claims by the speaker's country, per article",
        "Speaker's country",
        "Number of claims",
    )
    fig.tight_layout()
    return fig


def describe_quotes_by_country(table: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """One sentence describing ``plot_quotes_by_country``."""
    labels = labels or {}
    if table.empty or table.to_numpy().sum() == 0:
        return "The chart is empty: the kit found no quotes or claims."
    parts = []
    for article in table.columns:
        counts = [f"{country} {int(n)}" for country, n in table[article].items() if n]
        parts.append(f"{labels.get(article, article)}: {_join(counts) or 'none'}")
    return f"The grouped bar chart counts claims by the speaker's country in each article — {'; '.join(parts)}."
