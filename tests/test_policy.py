"""Option scoring, best responses and pure-strategy Nash equilibria, and the lesson 6 widgets."""

from __future__ import annotations

import copy

import pytest

import kit
from kit import policy as P
from kit.data_files import read_yaml

# -- pure game theory (like nashpy's tests) -------------------------------------------------
# Prisoner's dilemma: 0 = cooperate, 1 = defect.
PD_A = [[3, 0], [5, 1]]
PD_B = [[3, 5], [0, 1]]
# Coordination game with two equilibria (both pick 0, or both pick 1).
COORD_A = [[2, 0], [0, 1]]
COORD_B = [[1, 0], [0, 2]]
# Matching pennies: no pure-strategy equilibrium.
MP_A = [[1, -1], [-1, 1]]
MP_B = [[-1, 1], [1, -1]]


def test_prisoners_dilemma_has_one_equilibrium_that_both_would_escape():
    row_br, col_br = P.best_responses(PD_A, PD_B)
    assert row_br == [{1}, {1}] and col_br == [{1}, {1}]
    assert P.dominant_move(row_br) == 1 and P.dominant_move(col_br) == 1
    assert P.pure_nash_equilibria(PD_A, PD_B) == [(1, 1)]


def test_coordination_game_has_two_equilibria():
    assert P.pure_nash_equilibria(COORD_A, COORD_B) == [(0, 0), (1, 1)]
    assert P.dominant_move(P.row_best_responses(COORD_A, COORD_B)) is None


def test_matching_pennies_has_no_pure_equilibrium():
    assert P.pure_nash_equilibria(MP_A, MP_B) == []


def test_ties_count_as_best_responses():
    A = [[1, 0], [1, 0]]
    B = [[0, 0], [0, 0]]
    assert P.row_best_responses(A, B) == [{0, 1}, {0, 1}]
    assert P.pure_nash_equilibria(A, B) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_rectangular_games_work():
    A = [[3, 0, 1], [1, 2, 0]]
    B = [[1, 0, 2], [0, 3, 1]]
    assert P.col_best_responses(A, B) == [{2}, {1}]
    assert P.pure_nash_equilibria(A, B) == [(0, 2), (1, 1)]


def test_changing_one_payoff_moves_the_equilibrium():
    # Make mutual cooperation worth more to the row player than defecting against a cooperator.
    A = copy.deepcopy(PD_A)
    A[0][0] = 6
    B = copy.deepcopy(PD_B)
    B[0][0] = 6
    assert P.pure_nash_equilibria(A, B) == [(0, 0), (1, 1)]


@pytest.mark.parametrize("A,B", [([], []), ([[1, 2], [3]], [[1, 2], [3, 4]]), ([[1]], [[1], [2]])])
def test_bad_matrices_raise(A, B):
    with pytest.raises(kit.KitError):
        P.pure_nash_equilibria(A, B)


# -- the data files ---------------------------------------------------------------------
def test_options_file_loads_for_every_country():
    options = P.load_options()
    assert set(options) == {"United States", "China", "North Korea", "South Korea", "Japan"}
    china = options["China"]
    assert [o.label for o in china.options] == [
        "Squeeze North Korea hard",
        "Keep the status quo",
        "Push for talks",
    ]
    for spec in options.values():
        assert set(spec.default_weights) == set(spec.scores)


def _options_data():
    return copy.deepcopy(read_yaml(P.OPTIONS_FILE))


def test_bad_scores_name_the_country_and_incentive():
    data = _options_data()
    data["countries"]["China"]["scores"]["stability"]["squeeze"] = 7
    with pytest.raises(kit.KitError, match=r"China / scores / stability / squeeze.*-2 to 2"):
        P.load_options(data)
    data = _options_data()
    data["countries"]["China"]["scores"]["no-such-thing"] = {
        "squeeze": 0,
        "status-quo": 0,
        "push-talks": 0,
    }
    with pytest.raises(kit.KitError, match="China / scores / no-such-thing"):
        P.load_options(data)
    data = _options_data()
    del data["countries"]["China"]["scores"]["stability"]["push-talks"]
    with pytest.raises(kit.KitError, match="one score for each option"):
        P.load_options(data)


def test_games_need_every_outcome():
    data = _options_data()
    data["games"][0]["outcomes"].pop()
    with pytest.raises(kit.KitError, match="missing outcomes: status-quo × freeze-and-talk"):
        P.load_games(data)


# -- option scoring ------------------------------------------------------------------------
def test_option_totals_are_weighted_sums():
    china = P.load_options()["China"]
    weights = {item: 0 for item in china.scores}
    weights["stop-tests"] = 2
    totals = P.option_totals(china, weights)
    assert totals == {o: 2 * china.scores["stop-tests"][o] for o in totals}
    table = P.contributions(china, weights)
    assert table.loc["total"].to_dict() == totals


def test_weights_change_the_preferred_option_and_the_sentence():
    china = P.load_options()["China"]
    weights = dict(china.default_weights)
    assert P.preferred_options(P.option_totals(china, weights)) == ["status-quo"]
    sentence = P.explain_preference(china, weights, {"stability": "Stability on its border"})
    assert sentence.startswith("With these weights, China prefers “Keep the status quo”")
    assert "because it does better on “Stability on its border”" in sentence
    only_tests = {item: 0 for item in china.scores} | {"stop-tests": 5}
    assert P.preferred_options(P.option_totals(china, only_tests)) == ["squeeze"]
    assert "prefers “Squeeze North Korea hard”" in P.explain_preference(china, only_tests)


def test_ties_and_zero_weights_are_said_plainly():
    china = P.load_options()["China"]
    zero = {item: 0 for item in china.scores}
    assert "all options tie" in P.explain_preference(china, zero)
    assert len(P.preferred_options(P.option_totals(china, zero))) == 3


# -- games from the data ---------------------------------------------------------------------
def test_china_north_korea_game_with_default_weights():
    game = P.load_games()["china-north-korea"]
    opts = P.load_options()
    A, B = P.payoff_matrices(
        game, opts["China"].default_weights, opts["North Korea"].default_weights
    )
    assert P.pure_nash_equilibria(A, B) == [(1, 0)]  # status quo, keep testing
    text = P.explain_equilibria(game, A, B)
    assert "China “Keep the status quo” with North Korea “Keep testing”" in text


def test_weights_can_move_the_game_equilibrium():
    game = P.load_games()["china-north-korea"]
    china = P.load_options()["China"].default_weights
    nk = {"survival": 1, "deterrent": 1, "leader-standing": 1, "economy": 5}
    A, B = P.payoff_matrices(game, china, nk)
    assert P.pure_nash_equilibria(A, B) == [(1, 1)]  # status quo, freeze and talk


def test_us_china_game_has_no_pure_equilibrium_by_default():
    game = P.load_games()["united-states-china"]
    opts = P.load_options()
    A, B = P.payoff_matrices(
        game, opts["United States"].default_weights, opts["China"].default_weights
    )
    assert P.pure_nash_equilibria(A, B) == []
    assert "no pure-strategy Nash equilibrium" in P.explain_equilibria(game, A, B)


def test_explanations_mention_a_dilemma_when_both_could_do_better():
    game = P.load_games()["china-north-korea"]
    text = P.explain_equilibria(game, PD_A, PD_B)
    assert "a dilemma" in text


# -- widgets, without a browser ----------------------------------------------------------------
def _html(out) -> str:
    return "".join(o["data"].get("text/html", "") for o in out.outputs)


def test_weigh_app_slider_changes_preference_and_figure():
    app = P.WeighApp("China")
    assert set(app.weights) == set(P.load_options()["China"].scores)
    before = _html(app.output)
    assert app.preferred == ["Keep the status quo"] and "data:image/svg+xml;base64," in before
    for item, slider in app.weights.items():
        slider.value = 5 if item == "stop-tests" else 0
    after = _html(app.output)
    assert app.preferred == ["Squeeze North Korea hard"]
    assert "prefers “Squeeze North Korea hard”" in app.sentence
    assert after != before and before.split("base64,")[1][:4000] != after.split("base64,")[1][:4000]
    assert app.totals["squeeze"] == 10
    assert "5 × +2 = 10" in after and "0 × -2 = 0" in after


def test_weigh_app_country_switch_rebuilds_sliders():
    app = P.WeighApp("China")
    app.country.value = "North Korea"
    assert "deterrent" in app.weights and "stability" not in app.weights
    assert app.sentence.startswith("With these weights, North Korea prefers")
    assert "North Korea" in _html(app.output)
    assert "TOTAL" in app._repr_mimebundle_()["text/html"]


def test_game_app_play_then_explain():
    app = P.GameApp("china-north-korea")
    assert app.move.value == 0 and app.answer == 0
    assert "North Korea's best reply is “Keep testing”" in app.result
    assert "equilibrium" not in _html(app.output)  # play first …
    app.show_analysis.value = True  # … then explain
    assert "pure-strategy Nash equilibrium" in _html(app.output)
    assert app.equilibria == [(1, 0)]
    for slider in app.weights["North Korea"].values():
        slider.value = 0
    app.weights["North Korea"]["economy"].value = 5
    assert app.equilibria == [(1, 1)]
    assert "Freeze and talk" in app.result
    app.game.value = "united-states-china"
    assert set(app.weights) == {"United States", "China"}
    assert app.equilibria == [] and "no pure-strategy" in _html(app.output)


def test_options_svg_draws_every_option_and_escapes_labels():
    import base64
    import re

    china = P.load_options()["China"]
    html = P.options_svg(china, china.default_weights, alt="chart")
    svg = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", html)[1]).decode()
    for o in china.options:
        assert f">{o.label}</text>" in svg
    assert svg.count("<rect") == 1 + len(china.options)  # background + one bar each
    odd = P.CountryOptions("A<b>&", china.options, china.scores, china.default_weights)
    svg = base64.b64decode(
        re.search(r"base64,([A-Za-z0-9+/=]+)", P.options_svg(odd, {}))[1]
    ).decode()
    assert "A&lt;b&gt;&amp;" in svg and "A<b>" not in svg


@pytest.mark.parametrize(("span", "step"), [(10, 2), (46, 10), (1, 0.2), (300, 50)])
def test_nice_step(span, step):
    assert P.nice_step(span) == pytest.approx(step)
