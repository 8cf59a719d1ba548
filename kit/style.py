"""Shared look for every figure: a colour-blind-safe palette and labelled axes.

Colours are the Okabe–Ito palette (safe for the common forms of colour blindness).
Every plot gets a title, axis labels, and a one-sentence text alternative that the
notebook prints below it (``describe``), so the figure also teaches without sight.
"""

from __future__ import annotations

from itertools import cycle

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
PALETTE = [
    OKABE_ITO[k]
    for k in (
        "blue",
        "orange",
        "bluish green",
        "vermillion",
        "reddish purple",
        "sky blue",
        "yellow",
        "grey",
    )
]

#: One fixed colour per country, so a country looks the same in every lesson.
COUNTRY_COLORS = {
    "United States": OKABE_ITO["blue"],
    "China": OKABE_ITO["vermillion"],
    "North Korea": OKABE_ITO["reddish purple"],
    "South Korea": OKABE_ITO["bluish green"],
    "Japan": OKABE_ITO["orange"],
    "Russia": OKABE_ITO["sky blue"],
}
OTHER_COLOR = OKABE_ITO["grey"]


def country_color(country: str | None) -> str:
    return COUNTRY_COLORS.get(country or "", OTHER_COLOR)


def colors(n: int) -> list[str]:
    """``n`` palette colours, repeating if needed."""
    it = cycle(PALETTE)
    return [next(it) for _ in range(n)]


def finish(ax, title: str, xlabel: str, ylabel: str) -> None:
    """Give an Axes its title and axis labels, and tidy the frame."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
