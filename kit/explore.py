"""Exploring actors and claims: the small table functions and apps behind lessons 2, 3 and 7.

Everything here reads a ``Corpus`` (or any object with the same DataFrame attributes:
``articles``, ``actors``, ``mentions``, ``claims``) and returns new DataFrames; nothing is
written anywhere. Every function behaves sensibly on empty tables.

- Lesson 2: ``filter_actors``, ``mentions_per_article``, ``claims_with_country``,
  ``quotes_by_speaker``, ``ActorExplorer``
- Lesson 3: ``classify_speaker`` (rule documented in ``kit/data/speaker_groups.yaml``),
  ``claims_with_groups``, ``claims_for_speaker``, ``claim_context_html``,
  ``direct_vs_reported``, ``ClaimsExplorer``
- Lesson 7: ``oldest_and_newest``, ``article_labels``, ``quotes_by_country``
"""

from __future__ import annotations

import re
from functools import cache

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from .data_files import read_yaml
from .display import StaticFallback, cell_text, escape
from .reader import CUE_STYLE, Mark, claim_kind_label, claim_style, highlight

#: Value of a filter dropdown meaning "no filter".
ALL = "All"
#: Label used for claims the kit could not attribute to a named actor.
NO_SPEAKER = "(no named speaker)"
#: Label for an actor or speaker whose country the kit does not know.
NO_COUNTRY = "(country unknown)"
#: Speaker groups in display order.
GROUPS = ("official", "analyst", "unnamed source", "other")

ACTOR_COLUMNS = ["article", "actor", "kind", "mentions", "role", "affiliation", "country"]


# -- articles ----------------------------------------------------------------------
def article_labels(corpus) -> dict[str, str]:
    """Short readable names for the articles: ``{id: "CNN, 2016-01-27"}``."""
    return {r["article"]: f"{r['outlet']}, {r['published']}" for _, r in corpus.articles.iterrows()}


def oldest_and_newest(corpus) -> tuple[str, str]:
    """Ids of the earliest and the latest article by publication date."""
    arts = corpus.articles.sort_values(["published", "article"])
    if arts.empty:
        raise ValueError("the corpus has no articles")
    return arts["article"].iloc[0], arts["article"].iloc[-1]


# -- actors (lesson 2) -------------------------------------------------------------
def actor_table(corpus) -> pd.DataFrame:
    """The actors table with the columns a student reads first, most-mentioned first."""
    actors = corpus.actors
    cols = [c for c in ACTOR_COLUMNS if c in actors.columns]
    return (
        actors[cols]
        .sort_values(["mentions", "actor"], ascending=[False, True])
        .reset_index(drop=True)
    )


def filter_actors(
    actors: pd.DataFrame, country: str = ALL, kind: str = ALL, article: str = ALL
) -> pd.DataFrame:
    """Rows of ``actors`` matching the chosen country, kind and article (``ALL`` = any).

    ``NO_COUNTRY`` selects actors whose country is empty.
    """
    keep = pd.Series(True, index=actors.index)
    if country == NO_COUNTRY:
        keep &= actors["country"].map(cell_text) == ""
    elif country != ALL:
        keep &= actors["country"] == country
    if kind != ALL:
        keep &= actors["kind"] == kind
    if article != ALL:
        keep &= actors["article"] == article
    return actors[keep].reset_index(drop=True)


def country_options(actors: pd.DataFrame) -> list[str]:
    """``ALL``, then every country in the table (A-Z), then ``NO_COUNTRY`` if some lack one."""
    countries = sorted({cell_text(c) for c in actors["country"]} - {""})
    missing = any(cell_text(c) == "" for c in actors["country"])
    return [ALL, *countries, *([NO_COUNTRY] if missing else [])]


def mentions_per_article(corpus) -> pd.DataFrame:
    """How often each actor is mentioned in each article (one column per article id),
    with a ``total`` column, most-mentioned first."""
    mentions = corpus.mentions
    ids = list(corpus.articles["article"])
    if mentions.empty:
        return pd.DataFrame(columns=["actor", *ids, "total"])
    table = (
        mentions.groupby(["actor", "article"])
        .size()
        .unstack("article", fill_value=0)
        .reindex(columns=ids, fill_value=0)
    )
    table["total"] = table.sum(axis=1)
    table = table.reset_index().sort_values(["total", "actor"], ascending=[False, True])
    table.columns.name = None
    return table.reset_index(drop=True)


def _actor_lookup(corpus) -> pd.DataFrame:
    """One row per (article, actor) with kind, role, affiliation, country."""
    cols = ["article", "actor", "kind", "role", "affiliation", "country"]
    actors = corpus.actors
    return actors[cols].drop_duplicates(["article", "actor"])


def claims_with_country(corpus) -> pd.DataFrame:
    """The claims table plus each speaker's ``country``, ``speaker_role``,
    ``speaker_affiliation`` and ``actor_kind``, joined from the actors table.

    A speaker is looked up in the same article first, then in any article; claims
    without a named speaker get ``NO_SPEAKER``, unknown countries ``NO_COUNTRY``.
    """
    claims = corpus.claims.copy()
    lookup = _actor_lookup(corpus).rename(
        columns={
            "actor": "speaker",
            "role": "speaker_role",
            "affiliation": "speaker_affiliation",
            "kind": "actor_kind",
        }
    )
    same = claims.merge(lookup, on=["article", "speaker"], how="left")
    anywhere = lookup.drop(columns="article").drop_duplicates("speaker")
    fallback = claims[["speaker"]].merge(anywhere, on="speaker", how="left")
    for col in ("country", "speaker_role", "speaker_affiliation", "actor_kind"):
        same[col] = same[col].where(same[col].map(cell_text) != "", fallback[col].values)
        same[col] = same[col].map(cell_text)
    same["speaker"] = same["speaker"].map(lambda s: cell_text(s) or NO_SPEAKER)
    same["country"] = same["country"].replace("", NO_COUNTRY)
    return same


def quotes_by_speaker(corpus) -> pd.DataFrame:
    """Number of claims per speaker, with the speaker's country: columns
    ``speaker``, ``country``, ``claims``; most-quoted first."""
    claims = claims_with_country(corpus)
    if claims.empty:
        return pd.DataFrame({"speaker": [], "country": [], "claims": []}).astype(
            {"claims": "int64"}
        )
    table = claims.groupby(["speaker", "country"]).size().rename("claims").reset_index()
    return table.sort_values(["claims", "speaker"], ascending=[False, True]).reset_index(drop=True)


def quotes_by_country(corpus) -> pd.DataFrame:
    """Number of claims per speaker country (rows) in each article (columns, by id)."""
    claims = claims_with_country(corpus)
    ids = list(corpus.articles["article"])
    if claims.empty:
        return pd.DataFrame(columns=ids, index=pd.Index([], name="country"), dtype="int64")
    table = claims.groupby(["country", "article"]).size().unstack("article", fill_value=0)
    table = table.reindex(columns=ids, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    table.columns.name = None
    return table


# -- speaker groups (lesson 3) -----------------------------------------------------
@cache
def _rules() -> dict:
    rules = read_yaml("speaker_groups.yaml")
    return {
        "unnamed": {s.lower() for s in rules.get("unnamed_speaker_kinds", [])},
        "official": _words(rules.get("official_words", [])),
        "analyst": _words(rules.get("analyst_words", [])),
        "official_kinds": {s.lower() for s in rules.get("official_actor_kinds", [])},
    }


def _words(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w.lower()) for w in words) or r"(?!x)x"
    return re.compile(rf"\b(?:{alternatives})", re.IGNORECASE)


def classify_speaker(
    speaker: str = "",
    speaker_kind: str = "",
    role: str = "",
    affiliation: str = "",
    actor_kind: str = "",
) -> str:
    """Sort a speaker into "official", "analyst", "unnamed source" or "other".

    The rule (first match wins; the word lists are in ``kit/data/speaker_groups.yaml``):
    no named speaker or an unnamed speaker_kind -> unnamed source; an official word in
    the role -> official; an analyst word in the role or affiliation -> analyst; an
    official word in the affiliation -> official; a country or government speaking as a
    whole (actor kind or speaker_kind "country") -> official; otherwise other.
    """
    rules = _rules()
    speaker, role, affiliation = cell_text(speaker), cell_text(role), cell_text(affiliation)
    if not speaker or speaker == NO_SPEAKER or cell_text(speaker_kind).lower() in rules["unnamed"]:
        return "unnamed source"
    if rules["official"].search(role):
        return "official"
    if rules["analyst"].search(role) or rules["analyst"].search(affiliation):
        return "analyst"
    if rules["official"].search(affiliation):
        return "official"
    if {cell_text(actor_kind).lower(), cell_text(speaker_kind).lower()} & rules["official_kinds"]:
        return "official"
    return "other"


def claims_with_groups(corpus) -> pd.DataFrame:
    """``claims_with_country`` plus a ``group`` column from ``classify_speaker``."""
    claims = claims_with_country(corpus)
    claims["group"] = [
        classify_speaker(
            r.speaker, r.speaker_kind, r.speaker_role, r.speaker_affiliation, r.actor_kind
        )
        for r in claims.itertuples(index=False)
    ]
    return claims


def speaker_groups(corpus) -> pd.DataFrame:
    """One row per speaker: ``speaker``, ``group``, ``country``, ``claims`` (count)."""
    claims = claims_with_groups(corpus)
    if claims.empty:
        return pd.DataFrame({"speaker": [], "group": [], "country": [], "claims": []}).astype(
            {"claims": "int64"}
        )
    table = claims.groupby(["speaker", "group", "country"]).size().rename("claims").reset_index()
    return table.sort_values(["claims", "speaker"], ascending=[False, True]).reset_index(drop=True)


def direct_vs_reported(corpus) -> pd.DataFrame:
    """Claims counted by speaker group (rows, in ``GROUPS`` order) and claim kind (columns)."""
    claims = claims_with_groups(corpus)
    kinds = sorted({cell_text(k) for k in claims["kind"]} - {""}) or ["direct", "reported"]
    if claims.empty:
        return pd.DataFrame(0, index=pd.Index([], name="group"), columns=kinds)
    table = claims.groupby(["group", "kind"]).size().unstack("kind", fill_value=0)
    table = table.reindex(columns=kinds, fill_value=0)
    table = table.reindex([g for g in GROUPS if g in table.index])
    table.columns.name = None
    return table


def claims_for_speaker(corpus, speaker: str) -> pd.DataFrame:
    """Every claim by ``speaker`` (``NO_SPEAKER`` for claims with no named speaker),
    in article order, with the group and country columns of ``claims_with_groups``."""
    claims = claims_with_groups(corpus)
    mine = claims[claims["speaker"] == speaker]
    return mine.sort_values(["article", "start"]).reset_index(drop=True)


def context_span(article, start: int, end: int) -> tuple[int, int]:
    """Offsets of the whole sentence(s) containing characters ``start:end``."""
    if not article.sentences:
        return start, end
    first = article.sentences[article.sentence_at(start)]
    last = article.sentences[article.sentence_at(max(end - 1, start))]
    return min(first.start, start), max(last.end, end)


def claim_context_html(article, claim) -> str:
    """The sentence(s) around one claim, escaped, with the claim and its reporting verb
    highlighted. ``claim`` is a row of the claims table (start, end, kind, cue_start, cue_end)."""
    start, end = int(claim["start"]), int(claim["end"])
    label = claim_kind_label(cell_text(claim.get("kind", "")))
    marks = [
        Mark(start, end, "claims", claim_style(cell_text(claim.get("kind", ""))), label, label)
    ]
    cue_start, cue_end = cell_text(claim.get("cue_start")), cell_text(claim.get("cue_end"))
    if cue_start and cue_end:
        marks.append(
            Mark(
                int(cue_start),
                int(cue_end),
                "claims",
                CUE_STYLE,
                "reporting verb",
                "reporting verb",
            )
        )
    a, b = context_span(article, start, end)
    return highlight(article.text, a, b, marks)


def _table_html(df: pd.DataFrame, empty_message: str) -> str:
    if df.empty:
        return f"<p><i>{escape(empty_message)}</i></p>"
    return df.to_html(index=False, escape=True, na_rep="", border=0, justify="left")


# -- apps --------------------------------------------------------------------------
class ActorExplorer(StaticFallback, widgets.VBox):
    """Filter the actors table by country, kind and article (lesson 2).

    Attributes other code may drive (stable names): ``country``, ``kind``, ``article``
    (Dropdowns; ``ALL`` means no filter), ``output`` (Output showing the count and the
    filtered table), ``table`` (the filtered DataFrame currently shown).
    """

    title = "Actor explorer"

    def __init__(self, corpus=None):
        if corpus is None:
            from .corpus import load_corpus

            corpus = load_corpus()
        self.corpus = corpus
        self._actors = actor_table(corpus)
        kinds = sorted({cell_text(k) for k in self._actors["kind"]} - {""})
        labels = article_labels(corpus)
        self.country = widgets.Dropdown(
            options=country_options(self._actors), value=ALL, description="Country:"
        )
        self.kind = widgets.Dropdown(options=[ALL, *kinds], value=ALL, description="Kind:")
        self.article = widgets.Dropdown(
            options=[(ALL, ALL), *[(label, aid) for aid, label in labels.items()]],
            value=ALL,
            description="Article:",
        )
        self.output = widgets.Output()
        self.table = self._actors
        for control in (self.country, self.kind, self.article):
            control.observe(self._on_change, names="value")
        super().__init__([widgets.HBox([self.country, self.kind]), self.article, self.output])
        self.render()

    def summary(self) -> str:
        return f"{len(self.table)} of {len(self._actors)} actor rows match."

    def render(self) -> None:
        self.table = filter_actors(
            self._actors, self.country.value, self.kind.value, self.article.value
        )
        self.output.outputs = ()
        self.output.append_stdout(self.summary() + "\n")
        self.output.append_display_data(HTML(self._html()))

    def _html(self) -> str:
        return _table_html(self.table, "No actors match these filters.")

    def _on_change(self, _change=None) -> None:
        self.render()

    def static_html(self) -> str:
        return f"<p>{escape(self.summary())}</p>{self._html()}"


class ClaimsExplorer(StaticFallback, widgets.VBox):
    """Choose a speaker and read their quotes and reported claims in context (lesson 3).

    Attributes other code may drive (stable names): ``speaker`` (Dropdown; values are
    speaker names as in ``claims.speaker``, or ``NO_SPEAKER``), ``kind`` (Dropdown:
    ``ALL`` or a claim kind such as direct/reported), ``output`` (Output with one block
    per claim), ``claims`` (the DataFrame of claims currently shown).
    """

    title = "Who says what"

    def __init__(self, corpus=None, speaker: str | None = None):
        if corpus is None:
            from .corpus import load_corpus

            corpus = load_corpus()
        self.corpus = corpus
        self._claims = claims_with_groups(corpus)
        self._labels = article_labels(corpus)
        counts = self._claims["speaker"].value_counts()
        order = sorted(counts.index, key=lambda s: (-counts[s], s))
        options = [(f"{s} ({counts[s]})", s) for s in order] or [("(no claims found)", "")]
        self.speaker = widgets.Dropdown(
            options=options,
            value=speaker if speaker in order else options[0][1],
            description="Speaker:",
            layout=widgets.Layout(width="26em"),
        )
        kinds = sorted({cell_text(k) for k in self._claims["kind"]} - {""})
        self.kind = widgets.Dropdown(options=[ALL, *kinds], value=ALL, description="Kind:")
        self.output = widgets.Output()
        self.claims = self._claims.iloc[0:0]
        self.speaker.observe(self._on_change, names="value")
        self.kind.observe(self._on_change, names="value")
        super().__init__([widgets.HBox([self.speaker, self.kind]), self.output])
        self.render()

    def render(self) -> None:
        mine = self._claims[self._claims["speaker"] == self.speaker.value]
        if self.kind.value != ALL:
            mine = mine[mine["kind"] == self.kind.value]
        self.claims = mine.sort_values(["article", "start"]).reset_index(drop=True)
        self.output.outputs = ()
        self.output.append_display_data(HTML(self._html()))

    def _html(self) -> str:
        who = self.speaker.value or "anyone"
        if self.claims.empty:
            return f"<p><i>No quotes found for {escape(who)}.</i></p>"
        first = self.claims.iloc[0]
        details = ", ".join(x for x in (first["speaker_role"], first["speaker_affiliation"]) if x)
        head = (
            f"<p><b>{escape(who)}</b>"
            f"{' — ' + escape(details) if details else ''}; country: {escape(first['country'])};"
            f" group: {escape(first['group'])}. {len(self.claims)} claim(s).</p>"
        )
        items = []
        for _, claim in self.claims.iterrows():
            art = self.corpus.article(claim["article"])
            items.append(
                f"<li><small>{escape(self._labels.get(claim['article'], claim['article']))}"
                f" — {escape(claim_kind_label(cell_text(claim['kind'])))}</small><br>{claim_context_html(art, claim)}</li>"
            )
        return head + f'<ol style="line-height:1.5">{"".join(items)}</ol>'

    def _on_change(self, _change=None) -> None:
        self.render()

    def static_html(self) -> str:
        return self._html()
