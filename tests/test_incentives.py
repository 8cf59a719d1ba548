"""incentives.yaml: its shape, every quote verbatim in its article, and the explorer widget."""

from __future__ import annotations

import copy

import pytest

import kit
from kit import incentives as I
from kit.data_files import read_yaml

COUNTRIES = {"United States", "China", "North Korea", "South Korea", "Japan"}


@pytest.fixture(scope="module")
def corpus():
    return kit.load_corpus()


@pytest.fixture(scope="module")
def views():
    return I.load_incentives()


def _all_evidence(views):
    for view in views.values():
        yield view.country, "own_view", view.own_evidence
        for item in view.items:
            yield view.country, item.id, item.evidence
        for n, c in enumerate(view.criticism, 1):
            yield view.country, f"criticism {n}", c.evidence


def test_every_country_has_every_category(views):
    assert set(views) == COUNTRIES
    for view in views.values():
        assert view.own_view
        for category in I.CATEGORIES:
            assert view.by_category(category), f"{view.country} has no {category}"


def test_every_quote_occurs_verbatim_in_its_article(views, corpus):
    problems = []
    for country, item, evidence in _all_evidence(views):
        for ev in evidence:
            if ev.kind != "article":
                assert ev.source.strip(), f"{country} / {item}: background fact without a source"
                continue
            if ev.article not in corpus.ids:
                problems.append(f"{country} / {item}: unknown article {ev.article!r}")
            elif ev.quote not in corpus.text(ev.article):
                problems.append(f"{country} / {item}: quote not in {ev.article}: {ev.quote[:60]!r}")
    assert not problems, "\n".join(problems)


def test_evidence_table_offsets_give_back_the_quote(views, corpus):
    table = I.evidence_table(views, corpus)
    quotes = table[table["kind"] == "article"]
    assert len(quotes) > 30
    for row in quotes.itertuples():
        assert corpus.text(row.article)[row.start : row.end] == row.text


def test_china_evidence_covers_border_refugees_and_a_us_aligned_korea(views):
    china = {it.id: it for it in views["China"].items}
    assert {"stability", "no-refugees", "no-us-korea"} <= set(china)
    articles = {ev.article for it in ("no-refugees", "no-us-korea") for ev in china[it].evidence}
    assert {"cnn-2016-kerry-beijing", "csm-2013-diplomacy-hope"} <= articles


def _data():
    return copy.deepcopy(read_yaml(I.INCENTIVES_FILE))


def test_a_wrong_quote_fails_naming_country_and_item(corpus):
    data = _data()
    data["countries"]["China"]["items"][0]["evidence"][0]["quote"] = "Beijing loves surprises"
    views = I.load_incentives(data)
    item_id = data["countries"]["China"]["items"][0]["id"]
    with pytest.raises(kit.KitError, match=rf"China / {item_id}: quote not found verbatim"):
        I.evidence_table(views, corpus)
    with pytest.raises(kit.KitError, match=rf"China / {item_id}"):
        I.IncentivesApp(views=views, corpus=corpus)


def test_an_unknown_article_fails_naming_it(corpus):
    data = _data()
    data["countries"]["Japan"]["items"][0]["evidence"] = [{"article": "nyt-1999", "quote": "x"}]
    with pytest.raises(kit.KitError, match=r"Japan / security: no article 'nyt-1999'"):
        I.evidence_table(I.load_incentives(data), corpus)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["countries"]["China"]["items"][0].update(category="hope"),
            r"China / item stability: category 'hope'",
        ),
        (lambda d: d["countries"]["China"]["items"][1].update(id="stability"), r"used twice"),
        (
            lambda d: d["countries"]["China"]["items"][0].update(evidence=[]),
            r"China / item stability: needs at least one evidence",
        ),
        (
            lambda d: d["countries"]["China"]["items"][0].update(
                evidence=[{"background": "A fact."}]
            ),
            r"needs both 'background' and a citable 'source'",
        ),
        (
            lambda d: d["countries"]["China"]["items"][0].pop("label"),
            r"China / item stability: missing 'label'",
        ),
        (
            lambda d: d["countries"]["North Korea"].pop("own_view"),
            r"North Korea: own_view needs a 'statement'",
        ),
        (lambda d: d.pop("countries"), r"top-level 'countries:'"),
    ],
)
def test_bad_data_gives_clear_errors(change, message):
    data = _data()
    change(data)
    with pytest.raises(kit.KitError, match=message):
        I.load_incentives(data)


def test_evidence_html_is_escaped_and_highlighted(corpus):
    ev = I.Evidence(article="cnn-2016-kerry-beijing", quote="“Our position will not be swayed")
    html = I.evidence_html(ev, corpus)
    assert "<mark>“Our position will not be swayed</mark>" in html
    # the surrounding paragraph is shown too
    assert "We have delivered on our obligation." in html
    bg = I.Evidence(background="<script>alert(1)</script>", source="A & B")
    html = I.evidence_html(bg, corpus)
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &amp; B" in html


def test_untrusted_article_text_is_escaped():
    evil = kit.parse_article(
        "Officials said <img src=x onerror=alert(1)> was not a plan.\n",
        published="2016-01-27",
        article_id="evil",
    )
    ev = I.Evidence(article="evil", quote="was not a plan")
    html = I.evidence_html(ev, evil)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def _html(out) -> str:
    return "".join(o["data"].get("text/html", "") for o in out.outputs)


def test_incentives_app_content_changes_with_each_country(corpus):
    app = I.IncentivesApp(corpus=corpus)
    assert app.country.value == "China"
    seen = {}
    for country in app.country.options:
        app.country.value = country
        html = _html(app.output)
        assert f">{country}</h3>" in html
        assert "In its own words." in html and html.index("In its own words.") < html.index(
            "What critics say"
        )
        seen[country] = html
    assert len(set(seen.values())) == len(seen)
    assert (
        "China" in app._repr_mimebundle_()["text/plain"]
        or "Incentives" in app._repr_mimebundle_()["text/plain"]
    )


def test_dashboard_links_explorer_and_weighing(corpus):
    box = I.dashboard(corpus=corpus)
    box.explorer.country.value = "North Korea"
    assert box.weigh.country.value == "North Korea"
    assert "deterrent" in box.weigh.weights
    assert box.weigh.sentence.startswith("With these weights, North Korea")


def test_dashboard_keeps_working_for_a_country_without_options(corpus):
    data = _data()
    data["countries"]["Russia"] = copy.deepcopy(data["countries"]["Japan"])
    views = I.load_incentives(data)
    box = I.dashboard(corpus=corpus)
    box.explorer.views = views  # as if a teacher had added Russia to incentives.yaml only
    box.explorer.html["Russia"] = I.country_html(views["Russia"], corpus)
    box.explorer.country.options = list(views)
    box.explorer.country.value = "Russia"
    assert ">Russia</h3>" in _html(box.explorer.output)
    assert box.weigh.country.value in box.weigh.country.options
