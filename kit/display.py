"""Widgets that still teach when no widget front end is available.

A hub with mismatched widget versions, a notebook viewer or a static export cannot
render ipywidgets. ``StaticFallback`` adds an HTML snapshot of the widget's default
view (a table or a figure) to its display data: a live front end shows the widget,
anything else shows the snapshot. nbval compares that snapshot, so a change in the
kit's tables or content shows up as a failing test.
"""

from __future__ import annotations

import base64
import html
import io

import pandas as pd


class StaticFallback:
    """Mixin for an ipywidgets container: implement ``static_html()`` and ``title``."""

    title: str = "Interactive view"

    def static_html(self) -> str:  # pragma: no cover - each app overrides it
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        bundle["text/plain"] = (
            f"{self.title} (interactive widget: run this notebook in JupyterLab to use it)"
        )
        bundle["text/html"] = (
            f'<div class="kit-static"><p><b>{html.escape(self.title)}</b> '
            "(static view: the interactive version needs a running notebook)</p>"
            f"{self.static_html()}</div>"
        )
        return bundle


def cell_text(value: object) -> str:
    """A table cell as stripped text ('' for None, NaN and pandas' NA)."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # list-like cells
        pass
    return str(value).strip()


def escape(text: object) -> str:
    """HTML-escape any value (article text is untrusted)."""
    return html.escape("" if text is None else str(text), quote=True)


def figure_html(fig, alt: str) -> str:
    """A matplotlib figure as an inline PNG ``<img>`` with alt text."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=72, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}"/>'
