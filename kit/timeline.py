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
import math
import re
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

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
_DECADE = re.compile(r"^(\d{3})X?$")
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


@dataclass(frozen=True)
class _Prepared:
    """The timeline tables as plain Python lists, so redrawing needs no pandas."""

    events: list[tuple[dt.date, dt.date, str]]
    points: list[tuple[str, dt.date, dt.date]]
    pubs: list[tuple[str, str, dt.date]]  # article, short name, published
    rows: list[str]  # one HTML table row per point


def _prepare(points: pd.DataFrame, events: pd.DataFrame, pubs: pd.DataFrame) -> _Prepared:
    shorts = {a: _short(pubs, a) for a in pubs["article"]}
    return _Prepared(
        events=list(zip(events["start"], events["end"], events["kind"], strict=True)),
        points=list(zip(points["article"], points["start_date"], points["end_date"], strict=True)),
        pubs=[(a, shorts[a], p) for a, p in zip(pubs["article"], pubs["published"], strict=True)],
        rows=_table_rows(points),
    )


def _overlaps(start: dt.date, end: dt.date, years: tuple[int, int]) -> bool:
    return end >= dt.date(years[0], 1, 1) and start <= dt.date(years[1], 12, 31)


def describe_timeline(
    points: pd.DataFrame,
    events: pd.DataFrame,
    pubs: pd.DataFrame,
    years: tuple[int, int] = (1950, 2016),
) -> str:
    """Text alternative for ``timeline_figure``, computed from the same tables."""
    return _describe(_prepare(points, events, pubs), years)


def _describe(prep: _Prepared, years: tuple[int, int]) -> str:
    ev = Counter(kind for start, end, kind in prep.events if _overlaps(start, end, years))
    pts = Counter(a for a, start, end in prep.points if _overlaps(start, end, years))
    shorts = {a: short for a, short, _ in prep.pubs}
    kind_text = ", ".join(f"{n} {k}" for k, n in ev.most_common()) or "none"
    per_article = ", ".join(f"{shorts.get(a, a)}: {n}" for a, n in pts.items()) or "none"
    published = "; ".join(f"{short} published {p.isoformat()}" for _, short, p in prep.pubs)
    return (
        f"Timeline from {years[0]} to {years[1]}: {sum(ev.values())} background event(s) "
        f"({kind_text}); {sum(pts.values())} dated expression(s) from the articles "
        f"({per_article}); {published}."
    )


_DASHES = ["6,3", "2,2", "6,2,1,2", "10,3"]


def _year_ticks(years: tuple[int, int]) -> list[tuple[dt.date, str]]:
    """Tick dates and labels: quarters for short ranges, round-numbered years otherwise."""
    y0, y1 = years
    if y1 - y0 < 2:
        return [
            (
                dt.date(y, m, 1),
                f"{calendar.month_abbr[m]} {y}" if m == 1 else calendar.month_abbr[m],
            )
            for y in range(y0, y1 + 1)
            for m in (1, 4, 7, 10)
        ]
    span = y1 - y0 + 1
    step = next((s for s in (1, 2, 5, 10, 20, 50) if span / s <= 9), 100)
    first = -(-y0 // step) * step
    return [(dt.date(y, 1, 1), str(y)) for y in range(first, y1 + 1, step)]


def _marker_svg(shape: str, cx: float, cy: float, color: str, r: float = 5) -> str:
    if shape == "s":
        return f'<rect x="{cx - r:.1f}" y="{cy - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{color}"/>'
    if shape in ("^", "v", "D", "*"):
        if shape == "^":
            pts = [(0, -r), (r, r * 0.8), (-r, r * 0.8)]
        elif shape == "v":
            pts = [(0, r), (r, -r * 0.8), (-r, -r * 0.8)]
        elif shape == "D":
            pts = [(0, -r * 1.1), (r, 0), (0, r * 1.1), (-r, 0)]
        else:  # a five-pointed star
            pts = [
                (
                    (r * 1.3 if k % 2 == 0 else r * 0.55) * math.sin(k * math.pi / 5),
                    -(r * 1.3 if k % 2 == 0 else r * 0.55) * math.cos(k * math.pi / 5),
                )
                for k in range(10)
            ]
        coords = " ".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in pts)
        return f'<polygon points="{coords}" fill="{color}"/>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" fill="{color}"/>'


def timeline_svg(
    points: pd.DataFrame,
    events: pd.DataFrame,
    pubs: pd.DataFrame,
    years: tuple[int, int] = (1950, 2016),
    alt: str = "",
) -> str:
    """The same timeline as ``timeline_figure``, drawn directly as an SVG ``<img>``.

    The timeline app redraws it on every slider move: writing SVG takes a few milliseconds,
    where rendering a matplotlib PNG takes well over 100 ms of CPU.
    """
    return _svg(_prepare(points, events, pubs), years, alt)


def _svg(prep: _Prepared, years: tuple[int, int], alt: str = "") -> str:
    lo, hi = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
    kinds = list(dict.fromkeys(kind for _, _, kind in prep.events))
    article_ids = [a for a, _, _ in prep.pubs]
    shorts = {a: short for a, short, _ in prep.pubs}
    lanes = [k[:1].upper() + k[1:] for k in kinds] + [f"{shorts[a]} dates" for a in article_ids]
    y_of = {k: n for n, k in enumerate(kinds)}
    y_of.update({a: len(kinds) + n for n, a in enumerate(article_ids)})
    width, left, right, top, lane = 680, 250, 20, 34, 24
    axis_y = top + lane * len(lanes)
    height = axis_y + 44 + 16 * len(article_ids)
    days = (hi - lo).days + 1

    def x(d: dt.date) -> float:
        return left + (d - lo).days / days * (width - left - right)

    def y(n: float) -> float:
        return top + lane * n + lane / 2

    e = xml_escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{(left + width - right) / 2:.1f}" y="20" text-anchor="middle" font-size="14">'
        f"Korea crisis timeline, {years[0]}–{years[1]}</text>",
    ]
    for d, label in _year_ticks(years):
        out.append(
            f'<line x1="{x(d):.1f}" y1="{top}" x2="{x(d):.1f}" y2="{axis_y}" stroke="#E5E5E5"/>'
            f'<text x="{x(d):.1f}" y="{axis_y + 15}" text-anchor="middle" font-size="11">{e(label)}</text>'
        )
    for n, name in enumerate(lanes):
        out.append(f'<text x="{left - 8}" y="{y(n) + 4:.1f}" text-anchor="end">{e(name)}</text>')

    def draw(start: dt.date, end: dt.date, lane_y: float, color: str, marker: str) -> None:
        if end < lo or start > hi:
            return
        if end > start:
            a, b = x(max(start, lo)), x(min(end, hi) + dt.timedelta(days=1))
            out.append(
                f'<rect x="{a:.1f}" y="{lane_y - 4:.1f}" width="{max(b - a, 1.5):.1f}" height="8" '
                f'fill="{color}" fill-opacity="0.8"/>'
            )
        else:
            out.append(_marker_svg(marker, x(start), lane_y, color))

    for start, end, kind in prep.events:
        color, marker = KIND_STYLE.get(kind, OTHER_STYLE)
        draw(start, end, y(y_of[kind]), color, marker)
    for n, (article, start, end) in enumerate(prep.points):
        if article in y_of:
            lane_y = y(y_of[article]) + (4 if n % 2 else -4)
            draw(start, end, lane_y, OKABE_ITO["sky blue"], "o")
    for n, (_article, short, published) in enumerate(prep.pubs):
        dash = _DASHES[n % len(_DASHES)]
        if lo <= published <= hi:
            px = x(published)
            out.append(
                f'<line x1="{px:.1f}" y1="{top - 4}" x2="{px:.1f}" y2="{axis_y}" stroke="black" '
                f'stroke-width="1.3" stroke-dasharray="{dash}"/>'
            )
        ly = axis_y + 40 + 16 * n
        out.append(
            f'<line x1="{left}" y1="{ly - 4}" x2="{left + 30}" y2="{ly - 4}" stroke="black" '
            f'stroke-width="1.3" stroke-dasharray="{dash}"/><text x="{left + 36}" y="{ly}" font-size="11">'
            f"{e(short)} published {published.isoformat()}</text>"
        )
    out.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="black"/>'
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{axis_y}" stroke="black"/></svg>'
    )
    data = base64.b64encode("".join(out).encode("utf-8")).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/svg+xml;base64,{data}"/>'


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


_CELL = 'style="text-align:left;vertical-align:top"'
_TABLE_HEAD = "".join(
    f"<th {_CELL}>{c}</th>" for c in ("article", "expression", "value", "covers", "sentence")
)


def _table_rows(points: pd.DataFrame) -> list[str]:
    """One escaped HTML row per point, the expression marked inside its sentence."""
    if points.empty:
        return []
    table = points_table(points)
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
        rows.append("<tr>" + "".join(f"<td {_CELL}>{v}</td>" for v in values) + "</tr>")
    return rows


def _table_html(points: pd.DataFrame) -> str:
    return _table_from_rows(_table_rows(points))


def _table_from_rows(rows: list[str]) -> str:
    if not rows:
        return "<p>No dated expressions from the articles in these years.</p>"
    return f'<table class="kit-dates"><tr>{_TABLE_HEAD}</tr>{"".join(rows)}</table>'


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
        self._prepared = _prepare(self.points, self.events, self.pubs)
        self.output = widgets.Output()
        super().__init__([self.years, self.output])
        self.years.observe(self._update, names="value")
        self._update()

    def _update(self, change=None) -> None:
        years = tuple(self.years.value)
        self.visible = in_years(self.points, years, "start_date", "end_date")
        prep = self._prepared
        self.alt = _describe(prep, years)
        keep = [_overlaps(start, end, years) for _, start, end in prep.points]
        table = _table_from_rows([r for r, k in zip(prep.rows, keep, strict=True) if k])
        self._html = f"{_svg(prep, years, self.alt)}<p>{escape(self.alt)}</p>{table}"
        self.output.outputs = ()
        self.output.append_display_data(HTML(self._html))

    def static_html(self) -> str:
        return self._html
