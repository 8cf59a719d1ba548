"""Each country's incentives — goals, fears, levers, constraints — with their evidence (lesson 5).

The content lives in ``kit/data/incentives.yaml`` (format documented in its header) so a
teacher can edit it. Every item carries evidence: an exact quote from one of the articles
(located by character offsets, shown in its paragraph with the quote highlighted) or a
background fact with a citable source. ``load_incentives`` checks the file's shape and
``locate_all`` checks that every quote occurs verbatim in its article; both raise a
``KitError`` naming the country and item at fault.

    >>> views = load_incentives()
    >>> app = IncentivesApp()          # app.country (Dropdown), app.output (Output)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from .corpus import Corpus, load_corpus
from .data_files import read_yaml
from .display import StaticFallback, escape
from .errors import KitError
from .style import country_color

INCENTIVES_FILE = "incentives.yaml"
#: The four kinds of incentive, in the order lessons show them.
CATEGORIES = ("goal", "fear", "lever", "constraint")
CATEGORY_TITLES = {
    "goal": "Goals — what it wants",
    "fear": "Fears — what it wants to avoid",
    "lever": "Levers — what it can do",
    "constraint": "Constraints — what holds it back",
}


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: an exact article quote, or a background fact with its source."""

    article: str = ""
    quote: str = ""
    background: str = ""
    source: str = ""

    @property
    def kind(self) -> str:
        return "article" if self.article else "background"


@dataclass(frozen=True)
class Item:
    """One incentive of one country."""

    country: str
    id: str
    category: str
    label: str
    statement: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Criticism:
    statement: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class CountryView:
    """A country's own view (shown first), its incentives, then what its critics say."""

    country: str
    own_view: str
    own_evidence: tuple[Evidence, ...]
    items: tuple[Item, ...]
    criticism: tuple[Criticism, ...]

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KitError(
            f"{self.country} has no incentive {item_id!r}; its ids are: "
            f"{', '.join(it.id for it in self.items)} (see kit/data/{INCENTIVES_FILE})"
        )

    def by_category(self, category: str) -> list[Item]:
        return [it for it in self.items if it.category == category]


@dataclass(frozen=True)
class Located:
    """Where a quote sits in its article: offsets of the quote and of its paragraph(s)."""

    article: str
    start: int
    end: int
    context_start: int
    context_end: int


# -- loading and checking ---------------------------------------------------------
def load_incentives(
    data: dict | None = None, where: str = INCENTIVES_FILE
) -> dict[str, CountryView]:
    """Read and check ``incentives.yaml`` (or an already-parsed ``data`` dict).

    Raises ``KitError`` naming the country and item when something is missing or wrong.
    """
    if data is None:
        data = read_yaml(INCENTIVES_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise KitError(f"{where}: expected a top-level 'countries:' mapping of country names.")
    views = {}
    for country, body in data["countries"].items():
        views[str(country)] = _country(str(country), body, where)
    return views


def _country(country: str, body, where: str) -> CountryView:
    here = f"{where}: {country}"
    if not isinstance(body, dict):
        raise KitError(f"{here}: expected own_view, items and criticism under the country name.")
    own = body.get("own_view") or {}
    if not isinstance(own, dict) or not str(own.get("statement") or "").strip():
        raise KitError(
            f"{here}: own_view needs a 'statement' (the country's view in its own terms)."
        )
    own_evidence = _evidence_list(own.get("evidence"), f"{here} / own_view")
    raw_items = body.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise KitError(f"{here}: 'items' must be a non-empty list of incentives.")
    items, seen = [], set()
    for n, raw in enumerate(raw_items, start=1):
        if not isinstance(raw, dict):
            raise KitError(f"{here} / item {n}: expected id, category, label, statement, evidence.")
        item_id = str(raw.get("id") or "").strip()
        name = f"{here} / item {item_id or n}"
        if not item_id:
            raise KitError(f"{name}: missing 'id' (a short name such as 'no-refugees').")
        if item_id in seen:
            raise KitError(
                f"{name}: the id {item_id!r} is used twice; ids must be unique per country."
            )
        seen.add(item_id)
        category = str(raw.get("category") or "").strip()
        if category not in CATEGORIES:
            raise KitError(f"{name}: category {category!r} is not one of {', '.join(CATEGORIES)}.")
        for key in ("label", "statement"):
            if not str(raw.get(key) or "").strip():
                raise KitError(f"{name}: missing '{key}'.")
        items.append(
            Item(
                country=country,
                id=item_id,
                category=category,
                label=str(raw["label"]).strip(),
                statement=str(raw["statement"]).strip(),
                evidence=_evidence_list(raw.get("evidence"), name),
            )
        )
    criticism = []
    for n, raw in enumerate(body.get("criticism") or [], start=1):
        name = f"{here} / criticism {n}"
        if not isinstance(raw, dict) or not str(raw.get("statement") or "").strip():
            raise KitError(f"{name}: needs a 'statement' and 'evidence'.")
        criticism.append(
            Criticism(str(raw["statement"]).strip(), _evidence_list(raw.get("evidence"), name))
        )
    return CountryView(
        country, str(own["statement"]).strip(), own_evidence, tuple(items), tuple(criticism)
    )


def _evidence_list(raw, name: str) -> tuple[Evidence, ...]:
    if not isinstance(raw, list) or not raw:
        raise KitError(
            f"{name}: needs at least one evidence entry (an article quote or a background fact)."
        )
    out = []
    for n, entry in enumerate(raw, start=1):
        where = f"{name} / evidence {n}"
        if not isinstance(entry, dict):
            raise KitError(
                f"{where}: write {{article: ..., quote: ...}} or {{background: ..., source: ...}}."
            )
        if "article" in entry or "quote" in entry:
            article, quote = str(entry.get("article") or ""), entry.get("quote")
            if not article or not isinstance(quote, str) or not quote.strip():
                raise KitError(
                    f"{where}: an article quote needs both 'article' (an id from catalog.csv) and 'quote'."
                )
            out.append(Evidence(article=article, quote=quote))
        elif "background" in entry:
            background = str(entry.get("background") or "").strip()
            source = str(entry.get("source") or "").strip()
            if not background or not source:
                raise KitError(
                    f"{where}: a background fact needs both 'background' and a citable 'source'."
                )
            out.append(Evidence(background=background, source=source))
        else:
            raise KitError(
                f"{where}: write {{article: ..., quote: ...}} or {{background: ..., source: ...}}."
            )
    return tuple(out)


def locate(evidence: Evidence, corpus: Corpus, name: str = "") -> Located:
    """Offsets of an article quote (its first occurrence) and of the paragraph(s) around it."""
    if evidence.kind != "article":
        raise KitError(f"{name}: background evidence has no place in an article.")
    if evidence.article not in corpus.ids:
        raise KitError(
            f"{INCENTIVES_FILE}: {name}: no article {evidence.article!r} in the corpus; use an id "
            f"from seeds/catalog.csv ({', '.join(corpus.ids)})."
        )
    article = corpus.article(evidence.article)
    start = article.text.find(evidence.quote)
    if start < 0:
        raise KitError(
            f"{INCENTIVES_FILE}: {name}: quote not found verbatim in {evidence.article!r}: "
            f"{evidence.quote[:80]!r}. Copy it character for character (curly ’ “ ” included)."
        )
    end = start + len(evidence.quote)
    first = article.paragraphs[article.paragraph_at(start)] if article.paragraphs else None
    last = (
        article.paragraphs[article.paragraph_at(max(end - 1, start))]
        if article.paragraphs
        else None
    )
    ctx_start = first.start if first else start
    ctx_end = max(last.end, end) if last else end
    return Located(evidence.article, start, end, min(ctx_start, start), ctx_end)


def evidence_table(views: dict[str, CountryView], corpus: Corpus) -> pd.DataFrame:
    """One row per evidence entry, with offsets for article quotes (checks every quote)."""
    rows = []
    for view in views.values():
        groups = [("own view", "own_view", view.own_evidence)]
        groups += [(it.category, it.id, it.evidence) for it in view.items]
        groups += [
            ("criticism", f"criticism {n}", c.evidence) for n, c in enumerate(view.criticism, 1)
        ]
        for category, item_id, evidence in groups:
            for ev in evidence:
                row = {
                    "country": view.country,
                    "item": item_id,
                    "category": category,
                    "kind": ev.kind,
                    "article": ev.article,
                    "start": pd.NA,
                    "end": pd.NA,
                    "text": ev.quote or ev.background,
                    "source": ev.source,
                }
                if ev.kind == "article":
                    loc = locate(ev, corpus, f"{view.country} / {item_id}")
                    row["start"], row["end"] = loc.start, loc.end
                rows.append(row)
    df = pd.DataFrame(rows)
    for col in ("start", "end"):
        df[col] = df[col].astype("Int64")
    return df


def count_items(views: dict[str, CountryView]) -> pd.DataFrame:
    """How many items of each category each country has (a quick overview table)."""
    rows = [
        {
            "country": v.country,
            **{c: len(v.by_category(c)) for c in CATEGORIES},
            "criticism": len(v.criticism),
        }
        for v in views.values()
    ]
    return pd.DataFrame(rows).set_index("country")


# -- HTML ---------------------------------------------------------------------------
def evidence_html(evidence: Evidence, corpus: Corpus, name: str = "") -> str:
    """One evidence entry as HTML: the quote highlighted in its paragraph, or a cited fact."""
    if evidence.kind == "background":
        return (
            f'<div class="kit-evidence"><i>Background:</i> {escape(evidence.background)} '
            f'<span style="color:#555">— Source: {escape(evidence.source)}</span></div>'
        )
    loc = locate(evidence, corpus, name)
    article = corpus.article(loc.article)
    text = article.text
    before = escape(text[loc.context_start : loc.start])
    quote = escape(text[loc.start : loc.end])
    after = escape(text[loc.end : loc.context_end])
    cite = f"{article.outlet or loc.article}, {article.published.isoformat()}"
    return (
        '<div class="kit-evidence" style="border-left:3px solid #999;padding-left:6px;margin:3px 0">'
        f'<span style="color:#555">{escape(cite)} (characters {loc.start}–{loc.end}):</span> '
        f"{before}<mark>{quote}</mark>{after}</div>"
    )


def country_html(view: CountryView, corpus: Corpus) -> str:
    """The whole view of one country: its own view first, then the four categories, then criticism."""
    color = country_color(view.country)
    parts = [
        f'<h3 style="color:{color}">{escape(view.country)}</h3>',
        f"<p><b>In its own words.</b> {escape(view.own_view)}</p>",
        *(evidence_html(ev, corpus, f"{view.country} / own_view") for ev in view.own_evidence),
    ]
    for category in CATEGORIES:
        items = view.by_category(category)
        if not items:
            continue
        parts.append(f"<h4>{escape(CATEGORY_TITLES[category])}</h4><ul>")
        for it in items:
            ev_html = "".join(
                evidence_html(ev, corpus, f"{view.country} / {it.id}") for ev in it.evidence
            )
            parts.append(f"<li><b>{escape(it.label)}.</b> {escape(it.statement)}{ev_html}</li>")
        parts.append("</ul>")
    if view.criticism:
        parts.append("<h4>What critics say</h4><ul>")
        for n, c in enumerate(view.criticism, 1):
            ev_html = "".join(
                evidence_html(ev, corpus, f"{view.country} / criticism {n}") for ev in c.evidence
            )
            parts.append(f"<li>{escape(c.statement)}{ev_html}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def describe_country(view: CountryView) -> str:
    """One plain sentence summarising a country's items (a text alternative)."""
    counts = ", ".join(
        f"{len(view.by_category(c))} {c}{'s' if len(view.by_category(c)) != 1 else ''}"
        for c in CATEGORIES
    )
    n_quotes = sum(ev.kind == "article" for it in view.items for ev in it.evidence)
    n_background = sum(ev.kind == "background" for it in view.items for ev in it.evidence)
    return (
        f"{view.country}: {counts}; backed by {n_quotes} article quote(s) and "
        f"{n_background} cited background fact(s)."
    )


@cache
def _default_corpus() -> Corpus:
    return load_corpus()


class IncentivesApp(StaticFallback, widgets.VBox):
    """Choose a country and read its goals, fears, levers and constraints with their evidence.

    Attributes (stable; browser tests and exercises use them):
      ``country`` — Dropdown of country names; ``output`` — Output showing the chosen country;
      ``views`` — dict country → CountryView; ``html`` — dict country → precomputed HTML.
    """

    title = "Incentives explorer"

    def __init__(
        self,
        country: str = "China",
        corpus: Corpus | None = None,
        views: dict[str, CountryView] | None = None,
    ):
        self.corpus = corpus if corpus is not None else _default_corpus()
        self.views = views if views is not None else load_incentives()
        if country not in self.views:
            raise KitError(
                f"no country {country!r} in {INCENTIVES_FILE}; choose one of: {', '.join(self.views)}"
            )
        # Precompute every country's HTML once: also checks every quote up front.
        self.html = {name: country_html(v, self.corpus) for name, v in self.views.items()}
        self.country = widgets.Dropdown(
            options=list(self.views), value=country, description="Country:"
        )
        self.summary = widgets.HTML()
        self.output = widgets.Output()
        super().__init__([self.country, self.summary, self.output])
        self.country.observe(self._update, names="value")
        self._update()

    def _update(self, change=None) -> None:
        view = self.views[self.country.value]
        self.summary.value = f"<p>{escape(describe_country(view))}</p>"
        self.output.outputs = ()
        self.output.append_display_data(HTML(self.html[view.country]))

    def static_html(self) -> str:
        return f"<p>{escape(describe_country(self.views[self.country.value]))}</p>{self.html[self.country.value]}"


class Dashboard(StaticFallback, widgets.VBox):
    """The incentives explorer above the weighing app, countries linked (for Voilà).

    Attributes ``explorer`` (IncentivesApp) and ``weigh`` (kit.policy.WeighApp); choosing a
    country in the explorer also switches the weighing app (when that country has policy
    options in policy_options.yaml). Without a widget front end it shows both static views.
    """

    title = "Korea crisis: each country's incentives"

    def __init__(self, country: str = "China", corpus: Corpus | None = None):
        from .policy import WeighApp

        self.explorer = IncentivesApp(country=country, corpus=corpus)
        self.weigh = WeighApp(country=country)
        self.explorer.country.observe(self._follow, names="value")
        super().__init__(
            [
                widgets.HTML(f"<h2>{escape(self.title)}</h2>"),
                self.explorer,
                widgets.HTML("<h2>Weigh the choices</h2>"),
                self.weigh,
            ]
        )

    def _follow(self, change) -> None:
        # A country may have incentives but no policy options yet: then the weighing app stays.
        if change["new"] in self.weigh.country.options:
            self.weigh.country.value = change["new"]

    def static_html(self) -> str:
        return self.explorer.static_html() + self.weigh.static_html()


def dashboard(country: str = "China", corpus: Corpus | None = None) -> Dashboard:
    """The incentives dashboard in one call (see ``Dashboard``)."""
    return Dashboard(country=country, corpus=corpus)
