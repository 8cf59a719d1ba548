"""The annotated reader: an article as HTML with actors, claims and dates highlighted.

Lesson 1 uses it to show *how* the kit read an article. The text comes straight from
``Article.text``; every highlight is a span of character offsets from the kit's tables
(``mentions``, ``claims``, ``dates``). The HTML is built from escaped pieces of text
between those offsets (never by string-replacing into the raw text), so an article
containing ``<script>`` shows that text and runs nothing.

Overlapping spans (an actor named inside a quote, a date inside a claim) are handled by
cutting each paragraph at every span boundary: each small piece is wrapped in one
``<span>`` per highlight that covers it, outer layers first (claim, then actor, then
date). The nesting is therefore always valid HTML, and each layer uses its own visual
channel (claims: underline, actors: background colour, dates: a box) so they combine.

Main entry points:

- ``render_article(article, marks, show_roles=True)`` -> HTML string
- ``article_marks(corpus, article_id)`` -> ``{"actors": [...], "claims": [...], "dates": [...]}``
- ``ReaderApp(corpus)`` -> the widget (attributes documented on the class)
- ``SentenceApp(corpus)`` -> a tiny slider demo used in lesson 0
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from .article import Article
from .display import StaticFallback, cell_text, escape

#: Layers in nesting order: outer first. The order also sets the legend order.
LAYERS = ("claims", "actors", "dates")

#: Background colours for actor kinds (light tints of the Okabe-Ito palette).
ACTOR_STYLES = {
    "person": "background:#CDE6F7",  # sky blue tint
    "country": "background:#C7EBDD",  # bluish green tint
    "organization": "background:#F2D6E6",  # reddish purple tint
}
OTHER_ACTOR_STYLE = "background:#E4E4E4"
CLAIM_STYLES = {
    "quote": "border-bottom:2px solid #E69F00;background:#FFF4D6",
    "reported": "border-bottom:2px dashed #E69F00",
}
#: Claim kinds drawn as direct quotes (the claims table calls them "quote").
DIRECT_KINDS = ("quote", "direct")
CUE_STYLE = "font-weight:bold"
LEGEND_ORDER = (
    "direct quote",
    "reported claim",
    "reporting verb",
    "person",
    "country",
    "organization",
    "other actor",
    "date",
)
DATE_STYLE = "outline:2px solid #D55E00;outline-offset:-1px;border-radius:2px"

#: How each paragraph role looks when "paragraph roles" is switched on.
ROLE_STYLES = {
    "headline": "font-size:1.35em;font-weight:bold",
    "standfirst": "font-size:1.1em;font-style:italic",
    "byline": "color:#555",
    "photo_credit": "font-size:0.85em;color:#555",
    "caption": "font-size:0.9em;font-style:italic;color:#333",
    "subheading": "font-weight:bold;font-size:1.1em",
    "body": "",
    "boilerplate": "color:#999;text-decoration:line-through",
}
_LABEL_STYLE = (
    "display:inline-block;min-width:7.5em;margin-right:0.5em;font:0.75em sans-serif;"
    "color:#fff;background:#555;padding:0 4px;border-radius:3px;text-decoration:none"
)
_PARA_STYLE = "margin:0 0 0.6em 0;line-height:1.5;white-space:pre-wrap"


@dataclass(frozen=True)
class Mark:
    """One highlight: characters ``start:end`` of the article, drawn with ``style``.

    ``layer`` is one of ``LAYERS``; ``title`` is the hover text (already plain text:
    it is escaped when rendered); ``label`` names the legend entry.
    """

    start: int
    end: int
    layer: str
    style: str
    title: str
    label: str


# -- marks from the kit's tables ---------------------------------------------------
def _rows(table: pd.DataFrame, article_id: str) -> pd.DataFrame:
    if table is None or table.empty:
        return table.iloc[0:0] if table is not None else pd.DataFrame()
    return table[table["article"] == article_id]


def claim_kind_label(kind: str) -> str:
    """'direct quote' for the words a speaker actually said, otherwise 'reported claim'."""
    return "direct quote" if kind in DIRECT_KINDS else "reported claim"


def claim_style(kind: str) -> str:
    return CLAIM_STYLES["quote"] if kind in DIRECT_KINDS else CLAIM_STYLES["reported"]


def actor_style(kind: str) -> str:
    return ACTOR_STYLES.get(kind, OTHER_ACTOR_STYLE)


def actor_marks(mentions: pd.DataFrame, article_id: str) -> list[Mark]:
    """One mark per actor mention; the hover text gives the actor's canonical name."""
    marks = []
    for row in _rows(mentions, article_id).itertuples(index=False):
        kind = cell_text(row.kind) or "actor"
        marks.append(
            Mark(
                int(row.start),
                int(row.end),
                "actors",
                actor_style(kind),
                f"{kind}: {cell_text(row.actor)}",
                kind if kind in ACTOR_STYLES else "other actor",
            )
        )
    return marks


def claim_marks(claims: pd.DataFrame, article_id: str) -> list[Mark]:
    """One mark per claim (quote or reported claim) plus one for its reporting verb."""
    marks = []
    for row in _rows(claims, article_id).itertuples(index=False):
        kind = cell_text(row.kind)
        speaker = cell_text(row.speaker) or "no named speaker"
        cue = cell_text(row.cue)
        label = claim_kind_label(kind)
        title = f"{label} by {speaker}" + (f' (reporting verb: "{cue}")' if cue else "")
        style = claim_style(kind)
        marks.append(Mark(int(row.start), int(row.end), "claims", style, title, label))
        if cell_text(row.cue_start) and cell_text(row.cue_end):
            marks.append(
                Mark(
                    int(row.cue_start),
                    int(row.cue_end),
                    "claims",
                    CUE_STYLE,
                    f"reporting verb for {speaker}",
                    "reporting verb",
                )
            )
    return marks


def date_marks(dates: pd.DataFrame, article_id: str) -> list[Mark]:
    """One mark per date expression; the hover text gives its normalized value."""
    marks = []
    for row in _rows(dates, article_id).itertuples(index=False):
        value = cell_text(row.value) or "unknown"
        vague = " (vague)" if cell_text(row.vague) in ("True", "true", "1") else ""
        marks.append(
            Mark(
                int(row.start),
                int(row.end),
                "dates",
                DATE_STYLE,
                f"date: {value}{vague}",
                "date",
            )
        )
    return marks


def article_marks(corpus, article_id: str) -> dict[str, list[Mark]]:
    """Every highlight for one article, by layer (``LAYERS``)."""
    return {
        "actors": actor_marks(corpus.mentions, article_id),
        "claims": claim_marks(corpus.claims, article_id),
        "dates": date_marks(corpus.dates, article_id),
    }


# -- rendering ---------------------------------------------------------------------
def _nesting_key(mark: Mark) -> tuple[int, int, int]:
    # Outer layers first; within a layer the longer span is outside.
    return (LAYERS.index(mark.layer), -(mark.end - mark.start), mark.start)


def highlight(text: str, start: int, end: int, marks: list[Mark]) -> str:
    """Escaped HTML for ``text[start:end]`` with ``marks`` (clipped to that range) highlighted.

    The range is cut at every mark boundary; each piece is escaped and wrapped in the
    marks that cover it, so overlapping or nested marks never produce broken HTML.
    """
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cuts = {start, end}
    for m in inside:
        cuts.add(max(m.start, start))
        cuts.add(min(m.end, end))
    points = sorted(cuts)
    out: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        piece = escape(text[a:b])
        covering = sorted((m for m in inside if m.start <= a and m.end >= b), key=_nesting_key)
        for m in covering:
            out.append(
                f'<span class="kit-{escape(m.layer)}" style="{escape(m.style)}" '
                f'title="{escape(m.title)}">'
            )
        out.append(piece)
        out.append("</span>" * len(covering))
    return "".join(out)


def render_article(article: Article, marks: list[Mark], show_roles: bool = True) -> str:
    """The whole article as HTML: one block per paragraph, highlights inside.

    With ``show_roles`` each paragraph other than plain body text gets a label with its
    role (headline, caption, ...) and the role's look; boilerplate is greyed and struck
    through. ``data-role`` on every block names the role for tests and browser checks.
    """
    blocks = []
    for p in article.paragraphs:
        body = highlight(article.text, p.start, p.end, marks)
        if show_roles:
            label = (
                ""
                if p.role == "body"
                else f'<span style="{_LABEL_STYLE}">{escape(p.role.replace("_", " "))}</span>'
            )
            style = f"{_PARA_STYLE};{ROLE_STYLES.get(p.role, '')}"
            blocks.append(
                f'<div class="kit-para" data-role="{escape(p.role)}" style="{style}">'
                f"{label}{body}</div>"
            )
        else:
            blocks.append(
                f'<div class="kit-para" data-role="{escape(p.role)}" style="{_PARA_STYLE}">'
                f"{body}</div>"
            )
    return f'<div class="kit-reader" style="max-width:48em">{"".join(blocks)}</div>'


def legend_html(marks: list[Mark]) -> str:
    """A legend with one swatch per kind of highlight present in ``marks``."""
    seen: dict[str, Mark] = {}
    for m in marks:
        seen.setdefault(m.label, m)
    order = {label: i for i, label in enumerate(LEGEND_ORDER)}
    seen = dict(sorted(seen.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    if not seen:
        return "<p><i>No highlights to show (the kit found nothing in the chosen layers).</i></p>"
    items = " ".join(
        f'<span style="margin-right:1em"><span style="{escape(m.style)};padding:0 4px">'
        f"{escape(label)}</span></span>"
        for label, m in seen.items()
    )
    return f'<p class="kit-legend"><b>Legend:</b> {items} <i>(hover over a highlight for details)</i></p>'


def weekday(published: str) -> str:
    """'2016-01-27' -> 'Wednesday' (empty if the date cannot be read)."""
    try:
        return dt.date.fromisoformat(str(published)).strftime("%A")
    except ValueError:
        return ""


def sourcing_html(corpus, article_id: str) -> str:
    """Who published the article, when, and the catalog's source note."""
    row = corpus.articles.set_index("article").loc[article_id]
    published = cell_text(row["published"])
    day = weekday(published)
    return (
        '<table class="kit-sourcing">'
        f"<tr><th style='text-align:left'>Title</th><td>{escape(row['title'])}</td></tr>"
        f"<tr><th style='text-align:left'>Outlet</th><td>{escape(row['outlet'])}</td></tr>"
        f"<tr><th style='text-align:left'>Published</th><td>{escape(published)}"
        f"{' (' + escape(day) + ')' if day else ''}</td></tr>"
        f"<tr><th style='text-align:left'>Source note</th><td>{escape(row['source'])}</td></tr>"
        "</table>"
    )


def article_label(row) -> str:
    """Dropdown label for an article: 'CNN, 2016-01-27'."""
    return f"{row['outlet']}, {row['published']}"


# -- widgets -----------------------------------------------------------------------
class ReaderApp(StaticFallback, widgets.VBox):
    """Annotated reader for lesson 1.

    Attributes other code may drive (stable names):

    - ``article``: Dropdown, value = an article id (``corpus.articles.article``)
    - ``show_actors``, ``show_claims``, ``show_dates``, ``show_roles``: Checkboxes
    - ``html``: HTML widget holding the rendered article (``html.value``);
      ``output`` is the same widget
    - ``sourcing``: HTML widget with outlet, publication date and source note
    - ``legend``: HTML widget with the legend of the layers shown
    """

    title = "Annotated reader"

    def __init__(self, corpus=None, article: str | None = None):
        if corpus is None:
            from .corpus import load_corpus

            corpus = load_corpus()
        self.corpus = corpus
        # Precompute every highlight once, so switching is instant.
        self._marks = {aid: article_marks(corpus, aid) for aid in corpus.ids}
        options = [(article_label(r), r["article"]) for _, r in corpus.articles.iterrows()]
        self.article = widgets.Dropdown(
            options=options,
            value=article or options[0][1],
            description="Article:",
            layout=widgets.Layout(width="28em"),
        )
        self.show_actors = widgets.Checkbox(value=True, description="Actors", indent=False)
        self.show_claims = widgets.Checkbox(
            value=True, description="Quotes and claims", indent=False
        )
        self.show_dates = widgets.Checkbox(value=True, description="Dates", indent=False)
        self.show_roles = widgets.Checkbox(value=True, description="Paragraph roles", indent=False)
        self.sourcing = widgets.HTML()
        self.legend = widgets.HTML()
        self.html = widgets.HTML()
        self.output = self.html
        for control in (
            self.article,
            self.show_actors,
            self.show_claims,
            self.show_dates,
            self.show_roles,
        ):
            control.observe(self._on_change, names="value")
        toggles = widgets.HBox(
            [self.show_actors, self.show_claims, self.show_dates, self.show_roles]
        )
        super().__init__([self.article, toggles, self.sourcing, self.legend, self.html])
        self.render()

    @property
    def layers(self) -> tuple[str, ...]:
        """The layers currently switched on."""
        on = {
            "actors": self.show_actors.value,
            "claims": self.show_claims.value,
            "dates": self.show_dates.value,
        }
        return tuple(layer for layer in LAYERS if on[layer])

    def current_marks(self) -> list[Mark]:
        by_layer = self._marks[self.article.value]
        return [m for layer in self.layers for m in by_layer[layer]]

    def render(self) -> None:
        """Redraw the sourcing box, legend and article for the current settings."""
        aid = self.article.value
        marks = self.current_marks()
        self.sourcing.value = sourcing_html(self.corpus, aid)
        self.legend.value = legend_html(marks)
        self.html.value = render_article(
            self.corpus.article(aid), marks, show_roles=self.show_roles.value
        )

    def _on_change(self, _change=None) -> None:
        self.render()

    def static_html(self) -> str:
        return self.sourcing.value + self.legend.value + self.html.value


class SentenceApp(StaticFallback, widgets.VBox):
    """A tiny demo widget for lesson 0: move the slider to read an article sentence by sentence.

    Attributes: ``article`` (Dropdown of article ids), ``sentence`` (IntSlider, 0-based
    sentence number), ``output`` (HTML widget showing the sentence and its paragraph role).
    """

    title = "Sentence by sentence"

    def __init__(self, corpus=None, article: str | None = None):
        if corpus is None:
            from .corpus import load_corpus

            corpus = load_corpus()
        self.corpus = corpus
        options = [(article_label(r), r["article"]) for _, r in corpus.articles.iterrows()]
        self.article = widgets.Dropdown(
            options=options, value=article or options[0][1], description="Article:"
        )
        self.sentence = widgets.IntSlider(value=0, min=0, max=0, description="Sentence:")
        self.output = widgets.HTML()
        self.article.observe(self._on_article, names="value")
        self.sentence.observe(lambda _c: self.render(), names="value")
        super().__init__([self.article, self.sentence, self.output])
        self._on_article()

    def _on_article(self, _change=None) -> None:
        n = len(self.corpus.article(self.article.value).sentences)
        self.sentence.max = max(n - 1, 0)
        self.sentence.value = 0
        self.render()

    def render(self) -> None:
        art = self.corpus.article(self.article.value)
        if not art.sentences:
            self.output.value = "<p><i>This article has no sentences.</i></p>"
            return
        s = art.sentences[self.sentence.value]
        role = art.paragraphs[s.paragraph].role.replace("_", " ")
        self.output.value = (
            f"<p><b>Sentence {s.index} of {len(art.sentences) - 1}</b> "
            f"(paragraph {s.paragraph}, role: {escape(role)})</p>"
            f"<blockquote>{escape(art.text[s.start : s.end])}</blockquote>"
        )

    def static_html(self) -> str:
        return self.output.value
