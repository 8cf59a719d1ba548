"""Weigh a country's incentives and see which policy it prefers; play two-player games (lesson 6).

Two transparent models, both read from ``kit/data/policy_options.yaml`` (incentive ids from
``incentives.yaml``):

* **Option scoring** — each option gets a score from -2 to +2 for each incentive; the
  student sets a weight (0–5) per incentive; an option's total is the weighted sum
  ``sum(weight × score)``. The option with the highest total is the one preferred.
* **Games** — two countries each choose a move; each outcome serves each country's
  incentives to some degree; a country's payoff is again a weighted sum. From the two
  payoff matrices we find best responses and pure-strategy Nash equilibria.

The game functions are pure (lists of numbers in, lists/sets out), like nashpy's:
``A[i][j]`` is the row player's payoff and ``B[i][j]`` the column player's when row plays
``i`` and column plays ``j``.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape as xml_escape

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from .data_files import read_yaml
from .display import StaticFallback, escape
from .errors import KitError
from .incentives import CountryView, load_incentives
from .style import country_color, finish

OPTIONS_FILE = "policy_options.yaml"
WEIGHT_MIN, WEIGHT_MAX, DEFAULT_WEIGHT = 0, 5, 3
SCORE_MIN, SCORE_MAX = -2, 2

Matrix = list[list[float]]


# -- pure game theory ---------------------------------------------------------------
def _check_matrices(A: Matrix, B: Matrix) -> tuple[int, int]:
    rows = len(A)
    if rows == 0 or len(B) != rows:
        raise KitError("payoff matrices must be non-empty and have the same number of rows")
    cols = len(A[0])
    if cols == 0 or any(len(r) != cols for r in A) or any(len(r) != cols for r in B):
        raise KitError("payoff matrices must be rectangular and the same shape")
    return rows, cols


def row_best_responses(A: Matrix, B: Matrix) -> list[set[int]]:
    """For each column move j, the row moves that give the row player the most (ties kept)."""
    rows, cols = _check_matrices(A, B)
    out = []
    for j in range(cols):
        best = max(A[i][j] for i in range(rows))
        out.append({i for i in range(rows) if A[i][j] == best})
    return out


def col_best_responses(A: Matrix, B: Matrix) -> list[set[int]]:
    """For each row move i, the column moves that give the column player the most (ties kept)."""
    rows, cols = _check_matrices(A, B)
    out = []
    for i in range(rows):
        best = max(B[i][j] for j in range(cols))
        out.append({j for j in range(cols) if B[i][j] == best})
    return out


def best_responses(A: Matrix, B: Matrix) -> tuple[list[set[int]], list[set[int]]]:
    """``(row_best_responses, col_best_responses)``."""
    return row_best_responses(A, B), col_best_responses(A, B)


def pure_nash_equilibria(A: Matrix, B: Matrix) -> list[tuple[int, int]]:
    """Every cell (i, j) where each move is a best response to the other (may be empty)."""
    row_br, col_br = best_responses(A, B)
    rows, cols = len(A), len(A[0])
    return [(i, j) for i in range(rows) for j in range(cols) if i in row_br[j] and j in col_br[i]]


def dominant_move(best: list[set[int]]) -> int | None:
    """A move that is a best response to everything the other side can do, if there is one."""
    common = set.intersection(*best) if best else set()
    return min(common) if len(common) == 1 else None


# -- the data -----------------------------------------------------------------------
@dataclass(frozen=True)
class Option:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class CountryOptions:
    """A country's policy options and how each option scores on each of its incentives."""

    country: str
    options: tuple[Option, ...]
    scores: dict[str, dict[str, int]]  # item id -> option id -> score
    default_weights: dict[str, int]

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KitError(f"{self.country} has no option {option_id!r}")


@dataclass(frozen=True)
class Move:
    id: str
    label: str


@dataclass(frozen=True)
class GameSpec:
    """A two-player game; outcome scores say how each outcome serves each player's incentives."""

    id: str
    title: str
    row: str
    col: str
    row_moves: tuple[Move, ...]
    col_moves: tuple[Move, ...]
    # (row move id, col move id) -> {"story": str, country: {item id: score}}
    outcomes: dict[tuple[str, str], dict]

    def items(self, country: str) -> list[str]:
        """The incentive ids that matter to ``country`` in this game, in file order."""
        seen: list[str] = []
        for outcome in self.outcomes.values():
            for item in outcome[country]:
                if item not in seen:
                    seen.append(item)
        return seen


def _score(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
        raise KitError(
            f"{where}: score {value!r} must be a whole number from {SCORE_MIN} to {SCORE_MAX}."
        )
    return value


def _weight(value, where: str) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not WEIGHT_MIN <= value <= WEIGHT_MAX
    ):
        raise KitError(
            f"{where}: weight {value!r} must be a whole number from {WEIGHT_MIN} to {WEIGHT_MAX}."
        )
    return value


def load_options(
    data: dict | None = None, views: dict[str, CountryView] | None = None, where: str = OPTIONS_FILE
) -> dict[str, CountryOptions]:
    """Read and check each country's options and scores (ids must exist in incentives.yaml)."""
    data = read_yaml(OPTIONS_FILE) if data is None else data
    views = load_incentives() if views is None else views
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise KitError(f"{where}: expected a top-level 'countries:' mapping.")
    out = {}
    for country, body in data["countries"].items():
        here = f"{where}: {country}"
        if country not in views:
            raise KitError(f"{here}: no such country in incentives.yaml ({', '.join(views)}).")
        item_ids = {it.id for it in views[country].items}
        raw_options = (body or {}).get("options") or []
        if len(raw_options) < 2:
            raise KitError(f"{here}: give at least two options to choose between.")
        options = []
        for n, o in enumerate(raw_options, 1):
            if not isinstance(o, dict) or not o.get("id") or not o.get("label"):
                raise KitError(f"{here} / option {n}: needs an 'id' and a 'label'.")
            options.append(Option(str(o["id"]), str(o["label"]), str(o.get("description") or "")))
        option_ids = [o.id for o in options]
        scores: dict[str, dict[str, int]] = {}
        for item_id, per_option in ((body or {}).get("scores") or {}).items():
            name = f"{here} / scores / {item_id}"
            if item_id not in item_ids:
                raise KitError(
                    f"{name}: no incentive with this id in incentives.yaml ({', '.join(sorted(item_ids))})."
                )
            if not isinstance(per_option, dict) or set(per_option) != set(option_ids):
                raise KitError(
                    f"{name}: give exactly one score for each option: {', '.join(option_ids)}."
                )
            scores[item_id] = {
                oid: _score(per_option[oid], f"{name} / {oid}") for oid in option_ids
            }
        if not scores:
            raise KitError(
                f"{here}: 'scores' is empty; score each option on at least one incentive."
            )
        raw_weights = (body or {}).get("default_weights") or {}
        for item_id in raw_weights:
            if item_id not in scores:
                raise KitError(
                    f"{here} / default_weights / {item_id}: not one of the scored incentives."
                )
        weights = {
            item: _weight(
                raw_weights.get(item, DEFAULT_WEIGHT), f"{here} / default_weights / {item}"
            )
            for item in scores
        }
        out[country] = CountryOptions(country, tuple(options), scores, weights)
    return out


def load_games(
    data: dict | None = None, views: dict[str, CountryView] | None = None, where: str = OPTIONS_FILE
) -> dict[str, GameSpec]:
    """Read and check the two-player games (every outcome present, every id known)."""
    data = read_yaml(OPTIONS_FILE) if data is None else data
    views = load_incentives() if views is None else views
    games = {}
    for n, g in enumerate((data or {}).get("games") or [], 1):
        here = f"{where}: game {g.get('id') if isinstance(g, dict) else n}"
        try:
            row, col = g["row"]["country"], g["col"]["country"]
            row_moves = tuple(Move(str(m["id"]), str(m["label"])) for m in g["row"]["moves"])
            col_moves = tuple(Move(str(m["id"]), str(m["label"])) for m in g["col"]["moves"])
        except (KeyError, TypeError):
            raise KitError(
                f"{here}: needs row and col, each with a country and moves (id, label)."
            ) from None
        for c in (row, col):
            if c not in views:
                raise KitError(f"{here}: no country {c!r} in incentives.yaml.")
        if row == col:
            raise KitError(f"{here}: the two players must be different countries.")
        if len(row_moves) < 2 or len(col_moves) < 2:
            raise KitError(f"{here}: each player needs at least two moves.")
        outcomes: dict[tuple[str, str], dict] = {}
        for o in g.get("outcomes") or []:
            key = (str(o.get("row")), str(o.get("col")))
            name = f"{here} / outcome {key[0]} × {key[1]}"
            if key[0] not in {m.id for m in row_moves} or key[1] not in {m.id for m in col_moves}:
                raise KitError(f"{name}: unknown move id.")
            entry = {"story": str(o.get("story") or "")}
            for c in (row, col):
                scores = o.get(c)
                if not isinstance(scores, dict) or not scores:
                    raise KitError(f"{name}: give {c}'s scores (incentive id: -2..2).")
                ids = {it.id for it in views[c].items}
                for item, value in scores.items():
                    if item not in ids:
                        raise KitError(f"{name} / {c}: no incentive {item!r} in incentives.yaml.")
                    _score(value, f"{name} / {c} / {item}")
                entry[c] = dict(scores)
            outcomes[key] = entry
        missing = [
            (r.id, c.id) for r in row_moves for c in col_moves if (r.id, c.id) not in outcomes
        ]
        if missing:
            raise KitError(
                f"{here}: missing outcomes: {', '.join(f'{r} × {c}' for r, c in missing)}."
            )
        spec = GameSpec(
            str(g["id"]), str(g.get("title") or g["id"]), row, col, row_moves, col_moves, outcomes
        )
        for c in (row, col):
            items = spec.items(c)
            for key, entry in outcomes.items():
                if set(entry[c]) != set(items):
                    raise KitError(
                        f"{here} / outcome {key[0]} × {key[1]} / {c}: score every one of {', '.join(items)}."
                    )
        games[spec.id] = spec
    return games


@cache
def _options() -> dict[str, CountryOptions]:
    return load_options()


@cache
def _games() -> dict[str, GameSpec]:
    return load_games()


@cache
def _views() -> dict[str, CountryView]:
    return load_incentives()


# -- option scoring -------------------------------------------------------------------
def contributions(country_options: CountryOptions, weights: dict[str, float]) -> pd.DataFrame:
    """Table of weight × score: one row per incentive, one column per option, plus a 'total' row."""
    rows = {}
    for item, per_option in country_options.scores.items():
        w = weights.get(item, 0)
        rows[item] = {o.id: w * per_option[o.id] for o in country_options.options}
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.loc["total"] = df.sum()
    return df


def options_table(country_options: CountryOptions) -> pd.DataFrame:
    """The options a country can choose from, with what each means."""
    return pd.DataFrame(
        [{"option": o.label, "what it means": o.description} for o in country_options.options]
    )


def option_totals(country_options: CountryOptions, weights: dict[str, float]) -> dict[str, float]:
    """Each option's weighted sum of scores."""
    return {
        o.id: sum(weights.get(item, 0) * s[o.id] for item, s in country_options.scores.items())
        for o in country_options.options
    }


def preferred_options(totals: dict[str, float]) -> list[str]:
    """The option id(s) with the highest total (more than one on a tie)."""
    best = max(totals.values())
    return [oid for oid, t in totals.items() if t == best]


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def explain_preference(
    country_options: CountryOptions, weights: dict[str, float], labels: dict[str, str] | None = None
) -> str:
    """The sentence 'With these weights, <country> prefers … because …', from the numbers."""
    labels = labels or {}
    totals = option_totals(country_options, weights)
    best = preferred_options(totals)
    c = country_options.country
    names = [f"“{country_options.option(b).label}”" for b in best]
    if all(weights.get(item, 0) == 0 for item in country_options.scores):
        return f"With every weight at zero, {c} does not care about anything here, so all options tie at 0."
    if len(best) > 1:
        return (
            f"With these weights, {c} is torn: {_join(names)} tie at {totals[best[0]]:g} points each. "
            "Move a slider to break the tie."
        )
    top = best[0]
    runner = max((o for o in totals if o != top), key=lambda o: totals[o])
    # The incentives that most favour the winner over the runner-up.
    gains = {
        item: weights.get(item, 0) * (s[top] - s[runner])
        for item, s in country_options.scores.items()
    }
    reasons = [item for item, g in sorted(gains.items(), key=lambda kv: -kv[1]) if g > 0][:2]
    costs = [item for item, g in sorted(gains.items(), key=lambda kv: kv[1]) if g < 0][:1]
    reason_text = _join([f"“{labels.get(r, r)}” (weight {weights.get(r, 0):g})" for r in reasons])
    sentence = (
        f"With these weights, {c} prefers “{country_options.option(top).label}” "
        f"({totals[top]:g} points, ahead of “{country_options.option(runner).label}” at "
        f"{totals[runner]:g}) because it does better on {reason_text}"
    )
    if costs:
        sentence += f", even though it does worse on “{labels.get(costs[0], costs[0])}”"
    return sentence + "."


def options_figure(country_options: CountryOptions, weights: dict[str, float], fig=None):
    """Bar chart of each option's total; the preferred option(s) drawn in the country's colour.

    Pass an existing ``fig`` to redraw into it (the weighing app reuses one figure so a
    slider move only redraws the bars). Without it a new pyplot figure is made.
    """
    totals = option_totals(country_options, weights)
    best = set(preferred_options(totals))
    if fig is None:
        fig, ax = plt.subplots(figsize=(7, 3.2))
    else:
        fig.clear()
        ax = fig.add_subplot()
    labels = [o.label for o in country_options.options]
    values = [totals[o.id] for o in country_options.options]
    colors = [
        country_color(country_options.country) if o.id in best else "#BBBBBB"
        for o in country_options.options
    ]
    bars = ax.barh(labels, values, color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.invert_yaxis()
    for bar, v in zip(bars, values, strict=True):
        ax.annotate(
            f"{v:g}",
            (v, bar.get_y() + bar.get_height() / 2),
            xytext=(4 if v >= 0 else -4, 0),
            textcoords="offset points",
            va="center",
            ha="left" if v >= 0 else "right",
        )
    span = max([abs(v) for v in values] + [1])
    ax.set_xlim(-span * 1.25, span * 1.25)
    finish(
        ax,
        f"{country_options.country}: total score of each option",
        "weighted sum (weight × score)",
        "",
    )
    fig.subplots_adjust(left=0.3, right=0.97, top=0.88, bottom=0.17)
    return fig


def nice_step(span: float, max_ticks: int = 8) -> float:
    """A round tick spacing (1, 2 or 5 × a power of ten) giving at most ``max_ticks`` ticks."""
    span = max(span, 1e-9)
    step = 10 ** math.floor(math.log10(span / max_ticks))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= max_ticks:
            return step * factor
    return step * 10


def options_svg(country_options: CountryOptions, weights: dict[str, float], alt: str = "") -> str:
    """The same bar chart as ``options_figure``, drawn directly as a small SVG ``<img>``.

    The weighing app redraws it on every slider move; writing SVG takes about a millisecond,
    where rendering a matplotlib PNG takes over 100 ms of CPU.
    """
    totals = option_totals(country_options, weights)
    best = set(preferred_options(totals))
    opts = country_options.options
    width, left, right, top, row = 560, 190, 30, 34, 40
    height = top + row * len(opts) + 46
    span = max([abs(t) for t in totals.values()] + [1]) * 1.25
    step = nice_step(2 * span)
    x0, x1 = left, width - right

    def x(v: float) -> float:
        return x0 + (v + span) / (2 * span) * (x1 - x0)

    e = xml_escape
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{(x0 + x1) / 2:.1f}" y="18" text-anchor="middle" font-size="14">'
        f"{e(country_options.country)}: total score of each option</text>",
    ]
    tick = -math.floor(span / step) * step
    while tick <= span:
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="{top - 4}" x2="{x(tick):.1f}" y2="{top + row * len(opts)}" '
            f'stroke="#DDDDDD"/><text x="{x(tick):.1f}" y="{top + row * len(opts) + 16}" '
            f'text-anchor="middle" font-size="11">{tick:g}</text>'
        )
        tick += step
    color = country_color(country_options.country)
    for n, o in enumerate(opts):
        v = totals[o.id]
        y = top + n * row
        a, b = sorted((x(0), x(v)))
        fill = color if o.id in best else "#BBBBBB"
        parts.append(
            f'<text x="{left - 8}" y="{y + row / 2 + 4:.1f}" text-anchor="end">{e(o.label)}</text>'
            f'<rect x="{a:.1f}" y="{y + 6}" width="{max(b - a, 0.5):.1f}" height="{row - 12}" fill="{fill}"/>'
            f'<text x="{x(v) + (5 if v >= 0 else -5):.1f}" y="{y + row / 2 + 4:.1f}" '
            f'text-anchor="{"start" if v >= 0 else "end"}" font-size="11">{v:g}</text>'
        )
    parts.append(
        f'<line x1="{x(0):.1f}" y1="{top - 4}" x2="{x(0):.1f}" y2="{top + row * len(opts)}" stroke="black"/>'
        f'<text x="{(x0 + x1) / 2:.1f}" y="{height - 8}" text-anchor="middle" font-size="11">'
        "weighted sum (weight × score)</text></svg>"
    )
    data = base64.b64encode("".join(parts).encode("utf-8")).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/svg+xml;base64,{data}"/>'


def describe_options(country_options: CountryOptions, weights: dict[str, float]) -> str:
    """Text alternative for ``options_figure``."""
    totals = option_totals(country_options, weights)
    parts = [f"{o.label}: {totals[o.id]:g}" for o in country_options.options]
    return (
        f"Bar chart of {country_options.country}'s options and their total scores — "
        + "; ".join(parts)
        + "."
    )


def calculation_html(
    country_options: CountryOptions, weights: dict[str, float], labels: dict[str, str] | None = None
) -> str:
    """The weighted sum written out as an HTML table: 'weight × score = points' per cell."""
    labels = labels or {}
    totals = option_totals(country_options, weights)
    cell = 'style="text-align:left;padding:2px 8px"'
    head = "".join(f"<th {cell}>{escape(o.label)}</th>" for o in country_options.options)
    rows = []
    for item, s in country_options.scores.items():
        w = weights.get(item, 0)
        cells = "".join(
            f"<td {cell}>{w:g} × {s[o.id]:+d} = {w * s[o.id]:g}</td>"
            for o in country_options.options
        )
        rows.append(f"<tr><td {cell}>{escape(labels.get(item, item))}</td>{cells}</tr>")
    total = "".join(f"<td {cell}><b>{totals[o.id]:g}</b></td>" for o in country_options.options)
    rows.append(f"<tr><td {cell}><b>total</b></td>{total}</tr>")
    return (
        f'<details><summary>Show the calculation (weight × score)</summary><table class="kit-calc">'
        f"<tr><th {cell}>incentive</th>{head}</tr>{''.join(rows)}</table></details>"
    )


def weights_table(
    country_options: CountryOptions, weights: dict[str, float], labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """The whole calculation: weight, each option's score, and weight × score, per incentive."""
    labels = labels or {}
    rows = []
    for item, s in country_options.scores.items():
        row = {"incentive": labels.get(item, item), "weight": weights.get(item, 0)}
        for o in country_options.options:
            row[f"{o.label} (score)"] = s[o.id]
        rows.append(row)
    df = pd.DataFrame(rows)
    total = {"incentive": "TOTAL (sum of weight × score)", "weight": ""}
    totals = option_totals(country_options, weights)
    for o in country_options.options:
        total[f"{o.label} (score)"] = totals[o.id]
    return pd.concat([df, pd.DataFrame([total])], ignore_index=True)


# -- games ------------------------------------------------------------------------------
def payoff_matrices(
    spec: GameSpec, row_weights: dict[str, float], col_weights: dict[str, float]
) -> tuple[Matrix, Matrix]:
    """The two payoff matrices (A for the row country, B for the column country) from the weights."""
    A: Matrix = []
    B: Matrix = []
    for r in spec.row_moves:
        A.append([])
        B.append([])
        for c in spec.col_moves:
            o = spec.outcomes[(r.id, c.id)]
            A[-1].append(sum(row_weights.get(k, 0) * v for k, v in o[spec.row].items()))
            B[-1].append(sum(col_weights.get(k, 0) * v for k, v in o[spec.col].items()))
    return A, B


def matrix_table(spec: GameSpec, A: Matrix, B: Matrix) -> pd.DataFrame:
    """The payoff matrix as a table: each cell 'row payoff, column payoff'."""
    return pd.DataFrame(
        [
            [f"{A[i][j]:g}, {B[i][j]:g}" for j in range(len(spec.col_moves))]
            for i in range(len(spec.row_moves))
        ],
        index=pd.Index([m.label for m in spec.row_moves], name=f"{spec.row} ↓ / {spec.col} →"),
        columns=[m.label for m in spec.col_moves],
    )


def matrix_html(spec: GameSpec, A: Matrix, B: Matrix) -> str:
    """The payoff matrix as HTML; best responses underlined, equilibria shaded."""
    row_br, col_br = best_responses(A, B)
    eq = set(pure_nash_equilibria(A, B))
    head = "".join(f"<th>{escape(spec.col)}: {escape(m.label)}</th>" for m in spec.col_moves)
    body = []
    for i, r in enumerate(spec.row_moves):
        cells = []
        for j in range(len(spec.col_moves)):
            a = f"{A[i][j]:g}"
            b = f"{B[i][j]:g}"
            if i in row_br[j]:
                a = f"<u>{a}</u>"
            if j in col_br[i]:
                b = f"<u>{b}</u>"
            style = ' style="background:#F0E442"' if (i, j) in eq else ""
            mark = " ★" if (i, j) in eq else ""
            cells.append(f"<td{style}>{a}, {b}{mark}</td>")
        body.append(f"<tr><th>{escape(spec.row)}: {escape(r.label)}</th>{''.join(cells)}</tr>")
    return (
        f'<table class="kit-matrix"><tr><th></th>{head}</tr>{"".join(body)}</table>'
        f"<p><small>Each cell: {escape(spec.row)}'s payoff, {escape(spec.col)}'s payoff. "
        "Underlined = a best response; ★ = a pure-strategy Nash equilibrium.</small></p>"
    )


def explain_best_responses(spec: GameSpec, A: Matrix, B: Matrix) -> list[str]:
    """Plain sentences: what each side does best against each move of the other."""
    row_br, col_br = best_responses(A, B)
    lines = []
    for j, c in enumerate(spec.col_moves):
        best = _join([f"“{spec.row_moves[i].label}”" for i in sorted(row_br[j])])
        lines.append(f"If {spec.col} chooses “{c.label}”, {spec.row} does best with {best}.")
    for i, r in enumerate(spec.row_moves):
        best = _join([f"“{spec.col_moves[j].label}”" for j in sorted(col_br[i])])
        lines.append(f"If {spec.row} chooses “{r.label}”, {spec.col} does best with {best}.")
    return lines


def explain_equilibria(spec: GameSpec, A: Matrix, B: Matrix) -> str:
    """The pure-strategy Nash equilibria (or their absence) in plain language."""
    eq = pure_nash_equilibria(A, B)
    row_br, col_br = best_responses(A, B)
    if not eq:
        return (
            "There is no pure-strategy Nash equilibrium: whatever the two sides choose, at least one "
            "of them would rather switch. Expect them to keep changing course (or to mix their moves)."
        )
    parts = [
        f"{spec.row} “{spec.row_moves[i].label}” with {spec.col} “{spec.col_moves[j].label}” "
        f"(payoffs {A[i][j]:g} and {B[i][j]:g})"
        for i, j in eq
    ]
    if len(eq) == 1:
        text = (
            f"One pure-strategy Nash equilibrium: {parts[0]}. Neither side can do better by changing "
            "its move alone."
        )
    else:
        text = (
            f"{len(eq)} pure-strategy Nash equilibria: {'; '.join(parts)}. In each, neither side can do "
            "better by changing its move alone — which one happens depends on what each expects the other to do."
        )
    dom_row, dom_col = dominant_move(row_br), dominant_move(col_br)
    if dom_row is not None:
        text += (
            f" “{spec.row_moves[dom_row].label}” is best for {spec.row} whatever {spec.col} does."
        )
    if dom_col is not None:
        text += (
            f" “{spec.col_moves[dom_col].label}” is best for {spec.col} whatever {spec.row} does."
        )
    # Is there a cell both prefer to an equilibrium (like the prisoner's dilemma)?
    for i, j in eq:
        better = [
            (a, b)
            for a in range(len(A))
            for b in range(len(A[0]))
            if A[a][b] > A[i][j] and B[a][b] > B[i][j]
        ]
        if better:
            a, b = better[0]
            text += (
                f" Yet both would be better off with {spec.row} “{spec.row_moves[a].label}” and "
                f"{spec.col} “{spec.col_moves[b].label}” ({A[a][b]:g} and {B[a][b]:g}) — a dilemma."
            )
            break
    return text


# -- widgets ------------------------------------------------------------------------------
def _slider(label: str, value: int, width: int = 520, label_width: int = 200) -> widgets.IntSlider:
    return widgets.IntSlider(
        value=value,
        min=WEIGHT_MIN,
        max=WEIGHT_MAX,
        step=1,
        description=label,
        continuous_update=False,
        style={"description_width": f"{label_width}px"},
        layout=widgets.Layout(width=f"{width}px"),
    )


class WeighApp(StaticFallback, widgets.VBox):
    """Sliders weigh a country's incentives; a bar chart and a sentence show the preferred option.

    Attributes (stable): ``country`` (Dropdown), ``weights`` (dict incentive id → IntSlider,
    rebuilt when the country changes), ``output`` (Output: figure, sentence, calculation),
    ``totals`` (dict option id → total), ``preferred`` (list of preferred option labels),
    ``sentence`` (the explanation shown).
    """

    title = "Weigh the choices"

    def __init__(self, country: str = "China", weights: dict[str, int] | None = None):
        self.options_by_country = _options()
        if country not in self.options_by_country:
            raise KitError(
                f"no options for {country!r} in {OPTIONS_FILE}; choose one of: "
                f"{', '.join(self.options_by_country)}"
            )
        self.views = _views()
        self.country = widgets.Dropdown(
            options=list(self.options_by_country), value=country, description="Country:"
        )
        self.sliders_box = widgets.VBox()
        self.output = widgets.Output()
        self.weights: dict[str, widgets.IntSlider] = {}
        super().__init__(
            [
                self.country,
                widgets.HTML("<b>How much does it care about…</b> (0 = not at all, 5 = above all)"),
                self.sliders_box,
                self.output,
            ]
        )
        self._build_sliders(weights)
        self.country.observe(self._on_country, names="value")

    # the current model state ----------------------------------------------------------
    @property
    def spec(self) -> CountryOptions:
        return self.options_by_country[self.country.value]

    @property
    def labels(self) -> dict[str, str]:
        view = self.views[self.country.value]
        return {it.id: it.label for it in view.items}

    def weight_values(self) -> dict[str, int]:
        return {k: s.value for k, s in self.weights.items()}

    def _build_sliders(self, weights: dict[str, int] | None = None) -> None:
        spec, labels = self.spec, self.labels
        values = {**spec.default_weights, **(weights or {})}
        self.weights = {item: _slider(labels[item], values[item]) for item in spec.scores}
        for s in self.weights.values():
            s.observe(self._update, names="value")
        self.sliders_box.children = list(self.weights.values())
        self._update()

    def _on_country(self, change=None) -> None:
        self._build_sliders()

    def _update(self, change=None) -> None:
        spec, w = self.spec, self.weight_values()
        self.totals = option_totals(spec, w)
        self.preferred = [spec.option(o).label for o in preferred_options(self.totals)]
        self.sentence = explain_preference(spec, w, self.labels)
        self.alt = describe_options(spec, w)
        self._figure_html = options_svg(spec, w, self.alt)
        self.output.outputs = ()
        self.output.append_display_data(HTML(self._figure_html))
        self.output.append_display_data(HTML(f"<p><b>{escape(self.sentence)}</b></p>"))
        self.output.append_display_data(HTML(calculation_html(spec, w, self.labels)))

    def static_html(self) -> str:
        table = weights_table(self.spec, self.weight_values(), self.labels).to_html(index=False)
        return f"{self._figure_html}<p>{escape(self.alt)}</p><p><b>{escape(self.sentence)}</b></p>{table}"


class GameApp(StaticFallback, widgets.VBox):
    """Play a two-player game whose payoffs follow the weight sliders, then see the analysis.

    You play the row country: pick ``move``; the other side answers with its best response.
    Attributes (stable): ``game`` (Dropdown of game ids), ``weights`` (dict country → dict
    incentive id → IntSlider), ``move`` (ToggleButtons: your move), ``show_analysis``
    (Checkbox), ``output`` (Output), ``A``/``B`` (payoff matrices), ``equilibria``,
    ``answer`` (the column move index chosen in reply), ``result`` (a sentence on the outcome).
    """

    title = "Play the game"

    def __init__(self, game: str | None = None, show_analysis: bool = False):
        self.games = _games()
        if not self.games:
            raise KitError(f"no games in {OPTIONS_FILE}")
        game = game or next(iter(self.games))
        if game not in self.games:
            raise KitError(
                f"no game {game!r} in {OPTIONS_FILE}; choose one of: {', '.join(self.games)}"
            )
        self.views = _views()
        self.options_by_country = _options()
        self.game = widgets.Dropdown(
            options=[(g.title, gid) for gid, g in self.games.items()],
            value=game,
            description="Game:",
        )
        self.move = widgets.ToggleButtons(description="Your move:", style={"button_width": "auto"})
        self.show_analysis = widgets.Checkbox(value=show_analysis, description="Show the analysis")
        self.sliders_box = widgets.HBox()
        self.output = widgets.Output()
        self.weights: dict[str, dict[str, widgets.IntSlider]] = {}
        super().__init__([self.game, self.sliders_box, self.move, self.show_analysis, self.output])
        self._build()
        self.game.observe(self._build, names="value")
        self.move.observe(self._update, names="value")
        self.show_analysis.observe(self._update, names="value")

    @property
    def spec(self) -> GameSpec:
        return self.games[self.game.value]

    def weight_values(self, country: str) -> dict[str, int]:
        return {k: s.value for k, s in self.weights[country].items()}

    def _build(self, change=None) -> None:
        spec = self.spec
        self.weights = {}
        columns = []
        for country in (spec.row, spec.col):
            labels = {it.id: it.label for it in self.views[country].items}
            defaults = (
                self.options_by_country[country].default_weights
                if country in self.options_by_country
                else {}
            )
            self.weights[country] = {
                item: _slider(
                    labels[item], defaults.get(item, DEFAULT_WEIGHT), width=410, label_width=170
                )
                for item in spec.items(country)
            }
            for s in self.weights[country].values():
                s.observe(self._update, names="value")
            columns.append(
                widgets.VBox(
                    [
                        widgets.HTML(f"<b>{escape(country)} cares about…</b>"),
                        *self.weights[country].values(),
                    ]
                )
            )
        self.sliders_box.children = columns
        self._building = True
        self.move.options = [(m.label, i) for i, m in enumerate(spec.row_moves)]
        self.move.value = 0
        self.move.description = f"{spec.row}:"
        self._building = False
        self._update()

    def _update(self, change=None) -> None:
        if getattr(self, "_building", False):
            return
        spec = self.spec
        self.A, self.B = payoff_matrices(
            spec, self.weight_values(spec.row), self.weight_values(spec.col)
        )
        self.equilibria = pure_nash_equilibria(self.A, self.B)
        i = self.move.value
        replies = sorted(col_best_responses(self.A, self.B)[i])
        self.answer = replies[0]
        r, c = spec.row_moves[i], spec.col_moves[self.answer]
        story = spec.outcomes[(r.id, c.id)]["story"]
        tie = (
            (
                f" ({spec.col} would do equally well with "
                f"{_join(['“' + spec.col_moves[j].label + '”' for j in replies[1:]])}.)"
            )
            if len(replies) > 1
            else ""
        )
        self.result = (
            f"You ({spec.row}) chose “{r.label}”. {spec.col}'s best reply is “{c.label}”.{tie} "
            f"{story} Payoffs: {spec.row} {self.A[i][self.answer]:g}, {spec.col} {self.B[i][self.answer]:g}."
        )
        self.output.outputs = ()
        self.output.append_display_data(HTML(self._result_html()))
        if self.show_analysis.value:
            self.output.append_display_data(HTML(self._analysis_html()))

    def _result_html(self) -> str:
        return f"<p>{escape(self.result)}</p>"

    def _analysis_html(self) -> str:
        spec = self.spec
        lines = "".join(
            f"<li>{escape(s)}</li>" for s in explain_best_responses(spec, self.A, self.B)
        )
        return (
            f"{matrix_html(spec, self.A, self.B)}<ul>{lines}</ul>"
            f"<p><b>{escape(explain_equilibria(spec, self.A, self.B))}</b></p>"
        )

    def static_html(self) -> str:
        return self._result_html() + self._analysis_html()
