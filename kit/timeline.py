"""When things happened: TIMEX3 values as date intervals, and a timeline figure (lesson 4).

The dates table (``corpus.dates``) writes each date expression's meaning as a TIMEX3-style
``value``: ``2016-01-27`` (a day), ``2016-01`` (a month), ``2016`` (a year), ``2016-W03``
(an ISO week), ``2016-W03-WE`` (that week's weekend), ``1950/1953`` (a range A/B); vague
expressions ("now", "in the future") have an empty value. ``timex_interval`` turns a value
into the first and last day it covers, so everything can be drawn on one time axis beside
the background events in ``kit/data/background_events.csv``.

    >>> timex_interval("2016-W03-WE")
    (datetime.date(2016, 1, 23), datetime.date(2016, 1, 24))
"""

from __future__ import annotations

import base64
import calendar
import datetime as dt
import io
import re

import ipywidgets as widgets
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from .corpus import Corpus
from .data_files import read_csv
from .display import StaticFallback, escape
from .errors import KitError
from .style import OKABE_ITO, finish

BACKGROUND_FILE = "background_events.csv"
#: Colour and marker of each kind of background event (colour-blind-safe palette).
KIND_STYLE = {
    "war": (OKABE_ITO["black"], "s"),
    "nuclear test": (OKABE_ITO["vermillion"], "*"),
    "missile launch": (OKABE_ITO["orange"], "^"),
    "UN resolution": (OKABE_ITO["blue"], "D"),
    "diplomacy": (OKABE_ITO["bluish green"], "o"),
    "leadership": (OKABE_ITO["reddish purple"], "v"),
}
OTHER_STYLE = (OKABE_ITO["grey"], "o")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(?:MO|AF|EV|NI|[\d:.]+))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DECADE = re.compile(r"^(\d{3})X$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
#: Meteorological seasons of the northern hemisphere: first month, last month (winter runs into
#: the next year).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
#: TIMEX3 values for "now", "in the past", "in the future": no interval, like a vague date.
_VAGUE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def timex_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a TIMEX3-style value; ``None`` for an empty (vague) value.

    Raises ``KitError`` for a value it cannot read, saying which forms it knows.
    """
    value = (
        ""
        if value is None or (not isinstance(value, str) and pd.isna(value))
        else str(value).strip()
    )
    if not value or value in _VAGUE_VALUES:
        return None
    try:
        if "/" in value:
            left, _, right = value.partition("/")
            a, b = timex_interval(left), timex_interval(right)
            if a is None or b is None:
                raise ValueError
            if b[1] < a[0]:
                raise ValueError
            return a[0], b[1]
        if m := _DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.match(value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := _WEEK.match(value):
            y, w = int(m[1]), int(m[2])
            if m[3]:  # the weekend: Saturday and Sunday of that ISO week
                return dt.date.fromisocalendar(y, w, 6), dt.date.fromisocalendar(y, w, 7)
            return dt.date.fromisocalendar(y, w, 1), dt.date.fromisocalendar(y, w, 7)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            first = dt.date(y, 3 * q - 2, 1)
            last_month = 3 * q
            return first, dt.date(y, last_month, calendar.monthrange(y, last_month)[1])
        if m := _SEASON.match(value):
            y, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
            y_last = y + 1 if last < first else y
            return dt.date(y, first, 1), dt.date(y_last, last, calendar.monthrange(y_last, last)[1])
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    except ValueError:
        pass
    raise KitError(
        f"date value {value!r} is not a TIMEX3 value the kit can read; use YYYY-MM-DD, YYYY-MM, "
        "YYYY, YYYY-Www, YYYY-Www-WE, YYYY-Qn, YYYY-SP|SU|FA|WI, YYYX (a decade) or START/END."
    )


def interval_or_none(value: str) -> tuple[dt.date, dt.date] | None:
    """Like ``timex_interval`` but ``None`` (not an error) for values it cannot read."""
    try:
        return timex_interval(value)
    except KitError:
        return None


def _mid(start: dt.date, end: dt.date) -> dt.date:
    return start + (end - start) / 2


def interval_table(values: list[str]) -> pd.DataFrame:
    """Each value with the first and last day it covers and how many days that is."""
    rows = []
    for v in values:
        interval = timex_interval(v)
        first, last = interval if interval else (None, None)
        rows.append(
            {
                "value": v,
                "first day": first.isoformat() if first else "",
                "last day": last.isoformat() if last else "",
                "days": (last - first).days + 1 if first else 0,
            }
        )
    return pd.DataFrame(rows, columns=["value", "first day", "last day", "days"])


# -- tables ------------------------------------------------------------------------------
def background_events(
    rows: tuple[dict, ...] | None = None, where: str = BACKGROUND_FILE
) -> pd.DataFrame:
    """The background events with their intervals; ``KitError`` naming the row if one is bad."""
    rows = read_csv(BACKGROUND_FILE) if rows is None else rows
    out = []
    for n, row in enumerate(rows, start=2):  # line 1 is the header (comments not counted)
        here = f"{where}, row {n} ({row.get('event') or 'no event'!s:.40})"
        for col in ("date", "event", "kind", "source"):
            if not (row.get(col) or "").strip():
                raise KitError(
                    f"{here}: the '{col}' column is empty; every event needs a date, "
                    "an event, a kind and a citable source."
                )
        try:
            interval = timex_interval(row["date"])
        except KitError as err:
            raise KitError(f"{here}: {err}") from None
        out.append(
            {
                "date": row["date"],
                "start": interval[0],
                "end": interval[1],
                "event": row["event"],
                "kind": row["kind"],
                "source": row["source"],
            }
        )
    df = pd.DataFrame(out, columns=["date", "start", "end", "event", "kind", "source"])
    return df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def article_points(corpus: Corpus) -> pd.DataFrame:
    """Every dated expression in the articles with its interval and its sentence.

    Columns: article, outlet, published, text, value, kind, start_date, end_date, offset
    (start of the expression in the article), sentence (its text), sentence_start (where the
    sentence starts in the article). Vague expressions (empty
    value) and values the kit cannot read are left out; ``skipped_dates`` counts them.
    """
    cols = [
        "article",
        "outlet",
        "published",
        "text",
        "value",
        "kind",
        "start_date",
        "end_date",
        "offset",
        "sentence",
        "sentence_start",
    ]
    rows = []
    outlets = (
        dict(zip(corpus.articles["article"], corpus.articles["outlet"], strict=True))
        if len(corpus.articles)
        else {}
    )
    for d in corpus.dates.itertuples(index=False):
        interval = interval_or_none(d.value)
        if interval is None:
            continue
        article = corpus.article(d.article)
        s = article.sentences[d.sentence] if 0 <= d.sentence < len(article.sentences) else None
        sentence = article.text[s.start : s.end] if s else article.text[d.start : d.end]
        rows.append(
            {
                "article": d.article,
                "outlet": outlets.get(d.article, ""),
                "published": article.published,
                "text": d.text,
                "value": d.value,
                "kind": d.kind,
                "start_date": interval[0],
                "end_date": interval[1],
                "offset": int(d.start),
                "sentence": sentence,
                "sentence_start": s.start if s else int(d.start),
            }
        )
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["start_date", "article", "offset"], kind="stable").reset_index(drop=True)


def skipped_dates(corpus: Corpus) -> pd.DataFrame:
    """Date expressions that cannot go on a timeline (vague, or a value the kit cannot read)."""
    dates = corpus.dates
    mask = [interval_or_none(v) is None for v in dates["value"]]
    return dates.loc[mask, ["article", "text", "value", "kind"]].reset_index(drop=True)


def publications(corpus: Corpus) -> pd.DataFrame:
    """Each article's outlet and publication date (marked on the timeline)."""
    rows = [
        {"article": a, "outlet": corpus.article(a).outlet, "published": corpus.article(a).published}
        for a in corpus.ids
    ]
    return pd.DataFrame(rows, columns=["article", "outlet", "published"])


def in_years(df: pd.DataFrame, years: tuple[int, int], start: str, end: str) -> pd.DataFrame:
    """Rows whose interval overlaps the years ``years[0]``..``years[1]`` (inclusive)."""
    if df.empty:
        return df
    lo, hi = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
    keep = [(e >= lo) and (s <= hi) for s, e in zip(df[start], df[end], strict=True)]
    return df.loc[keep].reset_index(drop=True)


def recent_events(events: pd.DataFrame, before: dt.date, n: int = 3) -> pd.DataFrame:
    """The ``n`` background events that started most recently before (or on) a date."""
    earlier = events[[start <= before for start in events["start"]]]
    return earlier.tail(n)[["date", "event", "source"]].reset_index(drop=True)


def points_table(points: pd.DataFrame) -> pd.DataFrame:
    """The table shown under the plot: expression, value, dates covered, sentence."""
    return pd.DataFrame(
        {
            "article": points["article"],
            "expression": points["text"],
            "value": points["value"],
            "covers": [
                s.isoformat() if s == e else f"{s.isoformat()} to {e.isoformat()}"
                for s, e in zip(points["start_date"], points["end_date"], strict=True)
            ],
            "sentence": points["sentence"],
        }
    )


# -- the figure -------------------------------------------------------------------------
def timeline_figure(
    points: pd.DataFrame,
    events: pd.DataFrame,
    pubs: pd.DataFrame,
    years: tuple[int, int] = (1950, 2016),
    fig: Figure | None = None,
) -> Figure:
    """Background events (top lanes, one per kind) and article dates (one lane per article).

    Each article's publication date is a dashed or dotted vertical line. Spans longer than a
    day are bars; single days are markers. Everything is drawn once and ``years`` sets the
    visible range (``zoom_timeline`` changes it without redrawing the data). Returns a
    matplotlib Figure (``plt.show()`` it, or pass ``fig`` to draw into an existing one).
    """
    if fig is None:
        fig = plt.figure(figsize=(8, 4.5))
    fig.clear()
    ax = fig.add_subplot()
    kinds = list(dict.fromkeys(events["kind"])) if len(events) else []
    article_ids = list(pubs["article"]) if len(pubs) else []
    lanes = [k[:1].upper() + k[1:] for k in kinds] + [
        f"{_short(pubs, a)} dates" for a in article_ids
    ]
    y_of = {k: n for n, k in enumerate(kinds)}
    y_of.update({a: len(kinds) + n for n, a in enumerate(article_ids)})
    marks: dict[tuple[str, str], tuple[list, list]] = {}
    spans: dict[str, tuple[list, list, list]] = {}

    def add(start: dt.date, end: dt.date, y: float, color: str, marker: str) -> None:
        if end > start:
            ys, x0, x1 = spans.setdefault(color, ([], [], []))
            ys.append(y), x0.append(start), x1.append(end + dt.timedelta(days=1))
        else:
            xs, ys = marks.setdefault((color, marker), ([], []))
            xs.append(start), ys.append(y)

    for row in events.itertuples(index=False):
        color, marker = KIND_STYLE.get(row.kind, OTHER_STYLE)
        add(row.start, row.end, y_of[row.kind], color, marker)
    for n, row in enumerate(points.itertuples(index=False)):
        if row.article in y_of:
            y = y_of[row.article] + (0.15 if n % 2 else -0.15)
            add(row.start_date, row.end_date, y, OKABE_ITO["sky blue"], "o")
    for color, (ys, x0, x1) in spans.items():
        ax.hlines(ys, x0, x1, colors=color, linewidth=5, alpha=0.8)
    for (color, marker), (xs, ys) in marks.items():
        ax.plot(xs, ys, marker=marker, color=color, markersize=8, linestyle="none")
    styles = ["--", ":", "-.", (0, (5, 2, 1, 2))]
    for n, row in enumerate(pubs.itertuples(index=False)):
        ax.axvline(
            row.published,
            color=OKABE_ITO["black"],
            linestyle=styles[n % len(styles)],
            linewidth=1.2,
            label=f"{_short(pubs, row.article)} published {row.published.isoformat()}",
        )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_yticks(range(len(lanes)), lanes, fontsize=9)
    ax.set_ylim(-0.7, max(len(lanes) - 0.3, 0.7))
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    finish(ax, "", "date", "")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(
            loc="upper left", bbox_to_anchor=(-0.05, -0.16), ncol=1, frameon=False, fontsize=8
        )
    fig.subplots_adjust(left=0.36, right=0.97, top=0.92, bottom=0.3)
    zoom_timeline(fig, years)
    return fig


def zoom_timeline(fig: Figure, years: tuple[int, int]) -> None:
    """Show only the years ``years[0]``..``years[1]`` (inclusive) of a timeline figure."""
    ax = fig.axes[0]
    ax.set_xlim(dt.date(years[0], 1, 1), dt.date(years[1], 12, 31))
    ax.set_title(f"Korea crisis timeline, {years[0]}–{years[1]}")


def _short(pubs: pd.DataFrame, article: str) -> str:
    row = pubs.loc[pubs["article"] == article]
    if row.empty:
        return article
    outlet = str(row["outlet"].iloc[0]).split(" (")[0] or article
    outlet = outlet[4:] if outlet.startswith("The ") else outlet
    return f"{outlet} ({row['published'].iloc[0].year})"


def describe_timeline(
    points: pd.DataFrame,
    events: pd.DataFrame,
    pubs: pd.DataFrame,
    years: tuple[int, int] = (1950, 2016),
) -> str:
    """Text alternative for ``timeline_figure``, computed from the same tables."""
    ev = in_years(events, years, "start", "end")
    pts = in_years(points, years, "start_date", "end_date")
    kinds = ev["kind"].value_counts() if len(ev) else pd.Series(dtype=int)
    kind_text = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "none"
    per_article = (
        ", ".join(
            f"{_short(pubs, a)}: {n}" for a, n in pts["article"].value_counts(sort=False).items()
        )
        if len(pts)
        else "none"
    )
    published = "; ".join(
        f"{_short(pubs, a)} published {p.isoformat()}"
        for a, p in zip(pubs["article"], pubs["published"], strict=True)
    )
    return (
        f"Timeline from {years[0]} to {years[1]}: {len(ev)} background event(s) ({kind_text}); "
        f"{len(pts)} dated expression(s) from the articles ({per_article}); {published}."
    )


def _png(fig: Figure, alt: str) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=72)
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode("ascii")}"/>'


def _sentence_html(sentence: str, at: int, length: int) -> str:
    """The sentence, escaped, with the date expression (``length`` chars at ``at``) marked."""
    if not 0 <= at <= len(sentence) - length:
        return escape(sentence)
    return (
        escape(sentence[:at])
        + "<mark>"
        + escape(sentence[at : at + length])
        + "</mark>"
        + escape(sentence[at + length :])
    )


def _table_html(points: pd.DataFrame) -> str:
    if points.empty:
        return "<p>No dated expressions from the articles in these years.</p>"
    table = points_table(points)
    cell = 'style="text-align:left;vertical-align:top"'
    head = "".join(f"<th {cell}>{escape(c)}</th>" for c in table.columns)
    rows = []
    for row, p in zip(table.itertuples(index=False), points.itertuples(index=False), strict=True):
        sentence = _sentence_html(p.sentence, p.offset - p.sentence_start, len(p.text))
        values = [
            escape(row.article),
            escape(row.expression),
            escape(row.value),
            escape(row.covers),
            sentence,
        ]
        rows.append("<tr>" + "".join(f"<td {cell}>{v}</td>" for v in values) + "</tr>")
    return f'<table class="kit-dates"><tr>{head}</tr>{"".join(rows)}</table>'


class TimelineApp(StaticFallback, widgets.VBox):
    """A timeline of background events and the articles' dates, zoomed with a year-range slider.

    Attributes (stable): ``years`` (IntRangeSlider, first and last year shown), ``output``
    (Output: the figure, its text alternative and the table of article dates with their
    sentences), ``points``, ``events``, ``pubs`` (the full tables), ``visible`` (the article
    dates inside the chosen years).
    """

    title = "Timeline"

    def __init__(self, corpus: Corpus, years: tuple[int, int] = (1950, 2016)):
        self.points = article_points(corpus)
        self.events = background_events()
        self.pubs = publications(corpus)
        first = min(
            [
                years[0],
                *[d.year for d in self.events["start"]],
                *[d.year for d in self.points["start_date"]],
            ]
        )
        last = max(
            [
                years[1],
                *[d.year for d in self.events["end"]],
                *[d.year for d in self.points["end_date"]],
            ]
        )
        self.years = widgets.IntRangeSlider(
            value=years,
            min=first,
            max=last,
            step=1,
            description="Years:",
            continuous_update=False,
            layout=widgets.Layout(width="600px"),
        )
        self.figure = timeline_figure(
            self.points, self.events, self.pubs, years, fig=Figure(figsize=(8, 4.5))
        )
        self.output = widgets.Output()
        super().__init__([self.years, self.output])
        self.years.observe(self._update, names="value")
        self._update()

    def _update(self, change=None) -> None:
        years = tuple(self.years.value)
        self.visible = in_years(self.points, years, "start_date", "end_date")
        zoom_timeline(self.figure, years)
        self.alt = describe_timeline(self.points, self.events, self.pubs, years)
        self._html = (
            f"{_png(self.figure, self.alt)}<p>{escape(self.alt)}</p>{_table_html(self.visible)}"
        )
        self.output.outputs = ()
        self.output.append_display_data(HTML(self._html))

    def static_html(self) -> str:
        return self._html
