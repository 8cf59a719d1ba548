"""Exercise checks: feedback in words, hints, progress, computed answers, hidden answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

import kit
from kit import checks
from kit.checks import check, progress, question, questions

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
STUDENT_NOTEBOOKS = {
    "ex1": "ex1_reading",
    "ex2": "ex2_whos_who",
    "ex3": "ex3_who_says_what",
    "ex4": "ex4_when",
    "ex5": "ex5_incentives",
    "ex6": "ex6_choices",
    "ex7": "ex7_comparing",
}
CSM, CNN = "csm-2013-diplomacy-hope", "cnn-2016-kerry-beijing"

# A short news-style text of our own (not from any publisher), used as a stand-in article.
SMALL_ARTICLE = """\
Envoys meet as tension rises

A senior envoy arrived in Seoul on Wednesday for talks on the nuclear crisis.

Officials from both sides met for three hours.

Talks resume next month

“We want a peaceful solution,” said Minister Lee Jun.
"""


@pytest.fixture(autouse=True)
def fresh_state():
    checks.reset_progress()
    checks._CORPUS.clear()
    yield
    checks.reset_progress()
    checks._CORPUS.clear()


@pytest.fixture(scope="module")
def seeds():
    return kit.load_corpus()


def _answer_key_answers() -> dict[str, str]:
    """Literal answers the answer key passes to check() for the fixed questions."""
    nb = nbformat.read(EXERCISES / "answer_key.ipynb", as_version=4)
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        m = re.search(r'check\("(ex\d\.q\d+)", "([^"]+)"\)', cell.source)
        if m:
            found[m.group(1)] = m.group(2)
        m = re.fullmatch(r"answer = '([^']+)'\ncheck\(\"(ex\d\.q\d+)\", answer\)", cell.source)
        if m:
            found[m.group(2)] = m.group(1)
    return found


# -- the question bank ----------------------------------------------------------------------------
def test_every_exercise_has_four_to_eight_questions_with_hint_and_explanation():
    for ex in STUDENT_NOTEBOOKS:
        qs = questions(ex)
        if not qs and not (EXERCISES / f"{STUDENT_NOTEBOOKS[ex]}.ipynb").exists():
            continue
        assert 4 <= len(qs) <= 8, ex
        for q in qs:
            assert q.prompt and q.hint and q.explanation, q.id
            if q.kind == "choice":
                assert len(q.choices) >= 3, q.id


def test_fixed_answers_are_stored_only_as_hashes():
    text = (ROOT / "kit" / "data" / "exercises.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*answer\s*:", text, flags=re.MULTILINE)
    for q in questions():
        for h in (*q.answer_sha256, *q.item_sha256):
            assert re.fullmatch(r"[0-9a-f]{64}", h), q.id


def test_each_choice_question_accepts_exactly_one_letter():
    for q in questions():
        if q.kind != "choice":
            continue
        right = [
            letter for letter in "abcdefghij"[: len(q.choices)] if checks._judge(q, letter, None)[0]
        ]
        assert len(right) == 1, (q.id, right)


def test_sort_items_are_quoted_exactly_from_their_articles(seeds):
    squash = lambda s: " ".join(s.split())  # noqa: E731
    for q in questions():
        for text, source in zip(q.items, q.item_sources, strict=True):
            assert squash(text) in squash(seeds.text(source)), (q.id, text)


# -- feedback in words --------------------------------------------------------------------------------
@pytest.mark.parametrize("empty", [..., None, "", "   ", [], {}])
def test_empty_answers_say_not_answered_yet(empty):
    for q in questions():
        fb = check(q.id, empty)
        assert fb.status == "not answered"
        assert "not answered yet" in repr(fb)
    assert progress().table.empty


@pytest.mark.parametrize(
    "odd", [{"a": 1}, object(), 3.5, ["x", "y", "z"], b"bytes", True, float("nan")]
)
def test_wrong_types_never_raise_and_say_what_was_expected(odd):
    for q in questions():
        fb = check(q.id, odd)  # must not raise
        assert fb.status in {"unreadable", "incorrect"}, (q.id, fb)
        if fb.status == "unreadable":
            assert "expected" in fb.message or "cannot be checked" in fb.message


def test_unknown_question_is_a_message_not_an_error():
    fb = check("ex99.q1", 3)
    assert fb.status == "unreadable" and "ex99.q1" in fb.message


def test_choice_correct_and_incorrect_in_words():
    key = _answer_key_answers()
    q = question("ex1.q3")
    right = key["ex1.q3"]
    wrong = next(x for x in "abcd" if x != right)
    fb = check("ex1.q3", wrong)
    assert fb.status == "incorrect" and "Not quite" in fb.message and not fb
    fb = check("ex1.q3", f"({right.upper()})")  # letter case and brackets are ignored
    assert fb.correct and "Correct" in fb.message and q.explanation in fb.message
    # the full text of the choice is accepted too
    assert check("ex1.q3", q.choices["abcd".index(right)]).correct


def test_hint_only_on_second_wrong_try():
    q = question("ex1.q1")
    first = check("ex1.q1", 10_000)
    assert first.status == "incorrect" and "Hint" not in first.message
    second = check("ex1.q1", 10_001)
    assert "Hint: " + q.hint in second.message


def _sort_key(qid: str) -> list[str]:
    """The labels the answer key gives a sort question (its first line: answer = [...])."""
    return json.loads(
        next(
            c.source.split("\n")[0].split("=", 1)[1].replace("'", '"')
            for c in nbformat.read(EXERCISES / "answer_key.ipynb", as_version=4).cells
            if c.cell_type == "code" and f'check("{qid}"' in c.source
        )
    )


def test_sort_question_counts_right_items():
    q = question("ex3.q4")
    key = _sort_key("ex3.q4")
    assert len(key) == len(q.items)
    assert check("ex3.q4", key).correct
    flipped = list(key)
    flipped[0] = next(c for c in q.categories if c != key[0])
    fb = check("ex3.q4", flipped)
    assert fb.status == "incorrect" and f"{len(key) - 1} of {len(key)} right" in fb.message
    assert "statement(s) 1" in fb.message
    assert check("ex3.q4", key[:2]).status == "unreadable"  # too few labels
    assert check("ex3.q4", ["maybe"] * len(key)).status == "unreadable"


def test_text_answers_ignore_case_and_punctuation():
    assert checks.normalize_text("  Kim Jong-un’s. ") == checks.normalize_text("kim jong un's")


# -- progress --------------------------------------------------------------------------------------
def test_progress_counts_answered_and_correct(seeds):
    checks.use_corpus(seeds)
    body = int(
        checks.expected_answer("ex1.q1").values
        and next(iter(checks.expected_answer("ex1.q1").values))
    )
    check("ex1.q1", body + 1)  # wrong
    check("ex1.q1", body)  # right on the second try
    check("ex1.q2", "no such article")  # wrong
    check("ex1.q4", ...)  # not answered
    table = progress("ex1").table.set_index("exercise")
    assert table.loc["ex1", "questions"] == len(questions("ex1"))
    assert table.loc["ex1", "answered"] == 2
    assert table.loc["ex1", "correct"] == 1
    detail = progress("ex1").detail.set_index("question")
    assert detail.loc["ex1.q1", "tries"] == 2 and detail.loc["ex1.q1", "correct"] == "yes"
    assert detail.loc["ex1.q4", "answered"] == "no"
    assert "ex1" in repr(progress())


def test_save_progress_only_outside_the_repository(tmp_path, capsys):
    check("ex1.q3", "a")
    target = checks.save_progress(tmp_path / "me.json", student="Ana")
    saved = json.loads(target.read_text())
    assert saved["student"] == "Ana" and saved["exercises"][0]["answered"] == 1
    assert checks.save_progress(ROOT / "progress.json") is None
    assert not (ROOT / "progress.json").exists()
    assert "Not saved" in capsys.readouterr().out


# -- data answers are computed from the tables, not stored ----------------------------------------------
def _small(article_id: str, published: str):
    return kit.parse_article(SMALL_ARTICLE, published=published, article_id=article_id)


def test_data_answers_follow_the_corpus(seeds):
    p = seeds.paragraphs
    seeds_body = len(p[(p["article"] == CSM) & (p["role"] == "body")])
    assert check("ex1.q1", seeds_body, corpus=seeds).correct

    small = _small(CSM, "2013-04-09")
    sp = small.paragraphs
    small_body = len(sp[(sp["article"] == CSM) & (sp["role"] == "body")])
    assert small_body != seeds_body
    assert check("ex1.q1", small_body, corpus=small).correct
    assert not check("ex1.q1", seeds_body, corpus=small).correct

    # use_corpus switches the default corpus (a teacher's folder)
    checks.use_corpus(small)
    assert check("ex1.q1", small_body).correct


def test_days_since_test_uses_the_dates_table():
    # "Wednesday" in an article published Wednesday 13 January 2016: one week after the test
    small = _small(CNN, "2016-01-13")
    d = small.dates
    if d[d["text"] == "Wednesday"].empty:
        pytest.skip("date extraction does not resolve weekdays yet")
    assert check("ex4.q1", 7, corpus=small).correct
    assert check("ex4.q2", "2016-01-13", corpus=small).correct
    assert not check("ex4.q1", 21, corpus=small).correct


def test_top_speaker_recomputed_from_claims():
    small = _small(CSM, "2013-04-09")
    quotes = small.claims[small.claims["kind"] == "quote"]
    if quotes.empty:
        pytest.skip("claim extraction finds no quotes yet")
    speaker = quotes["speaker"].value_counts().index[0]
    assert check("ex3.q1", speaker, corpus=small).correct
    assert check("ex3.q1", speaker.split()[-1], corpus=small).correct  # a surname is enough
    assert not check("ex3.q1", "Nobody Atall", corpus=small).correct


def test_computed_questions_explain_when_tables_are_empty():
    small = _small("some-other-id", "2013-04-09")
    fb = check("ex1.q1", 3, corpus=small)
    assert fb.status == "unreadable" and "cannot be checked" in fb.message


# -- answers are not readable in the student notebooks ----------------------------------------------------
def test_fixed_answers_do_not_appear_in_student_notebooks():
    key = _answer_key_answers()
    for ex, name in STUDENT_NOTEBOOKS.items():
        path = EXERCISES / f"{name}.ipynb"
        if not path.exists():
            continue
        raw = path.read_text(encoding="utf-8")
        for q in questions(ex):
            assert f'check("{q.id}", "' not in raw, q.id  # no filled-in answer
            if q.id in key and q.kind != "choice":
                assert key[q.id].casefold() not in raw.casefold(), q.id
        assert "answer_sha256" not in raw and "sha256" not in raw
        for q in questions(ex):
            if q.kind == "sort":
                labels = _sort_key(q.id)
                for form in (repr(labels), json.dumps(labels), ", ".join(labels)):
                    assert form not in raw, q.id


def test_student_notebooks_leave_every_check_unanswered():
    for name in STUDENT_NOTEBOOKS.values():
        path = EXERCISES / f"{name}.ipynb"
        if not path.exists():
            continue
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and "check(" in cell.source:
                assert "answer = ...\n" in cell.source, cell.source


# -- the answer widget -----------------------------------------------------------------------------------
def test_answer_box_checks_and_shows_feedback():
    key = _answer_key_answers()
    box = checks.ask("ex2.q4")
    assert box.answer.value is None
    box.submit()
    assert "not answered yet" in box.output.outputs[0]["text"]
    box.answer.value = key["ex2.q4"]
    fb = box.submit()
    assert fb.correct and "Correct" in box.output.outputs[0]["text"]
    assert len(box.output.outputs) == 1
    # the Check button runs the same check (as a click in the browser would)
    box.answer.value = next(x for x in "abcd" if x != key["ex2.q4"])
    box.check_button.click()
    assert box.feedback.status == "incorrect" and "Not quite" in box.output.outputs[0]["text"]


def test_answer_box_static_view_escapes_text():
    html = checks.AnswerBox(question("ex2.q4")).static_html()
    assert "<b>ex2.q4</b>" in html and "check(&quot;ex2.q4&quot;" in html
    q = checks.Question(
        id="exT.q1",
        exercise="exT",
        prompt="<script>x</script>",
        kind="text",
        answer_sha256=("0" * 64,),
    )
    assert "<script>" not in checks.AnswerBox(q).static_html()


# -- incentive reasoning, weights and games (judged answers) ------------------------------------------------
@pytest.fixture(scope="module")
def evidence(seeds):
    from kit.incentives import evidence_table, load_incentives

    return evidence_table(load_incentives(), seeds)


def test_hurt_incentive_is_judged_from_the_policy_and_evidence_tables(seeds, evidence):
    from kit.policy import load_options

    scores = load_options()["China"].scores
    china = evidence[(evidence["country"] == "China") & (evidence["category"] == "fear")]
    hurt = [i for i in china["item"].unique() if scores.get(i, {}).get("squeeze", 0) < 0]
    assert hurt, "the data should have a fear of China's that squeezing hurts"
    rows = list(china.index[china["item"] == hurt[0]])  # numpy ints from pandas are fine
    assert check("ex5.q3", {"incentive": hurt[0], "evidence": rows}, corpus=seeds).correct

    other_row = int(evidence.index[evidence["country"] != "China"][0])
    fb = check("ex5.q3", {"incentive": hurt[0], "evidence": [other_row]}, corpus=seeds)
    assert fb.status == "incorrect" and f"row {other_row} is evidence for" in fb.message

    lever = china_lever = evidence[
        (evidence["country"] == "China") & (evidence["category"] == "lever")
    ]
    lever = str(china_lever["item"].iloc[0])
    rows = [int(i) for i in china_lever.index[china_lever["item"] == lever]]
    fb = check("ex5.q3", {"incentive": lever, "evidence": rows}, corpus=seeds)
    assert fb.status == "incorrect" and "not a fear" in fb.message

    assert check("ex5.q3", {"incentive": "no-such-id", "evidence": [1]}).status == "unreadable"
    assert check("ex5.q3", {"incentive": hurt[0], "evidence": "21"}).status == "unreadable"
    assert check("ex5.q3", hurt[0]).status == "unreadable"


def test_policy_case_needs_served_incentives_and_evidence_for_each(seeds, evidence):
    from kit.policy import load_options

    spec = load_options()["China"]
    option = spec.options[-1].id
    served = [i for i, s in spec.scores.items() if s[option] > 0]
    hurt = [i for i, s in spec.scores.items() if s[option] <= 0]
    assert len(served) >= 2 and hurt

    def row(item):
        return int(evidence.index[(evidence["country"] == "China") & (evidence["item"] == item)][0])

    case = {
        "country": "China",
        "option": option,
        "incentives": served[:2],
        "evidence": [row(served[0]), row(served[1])],
    }
    assert check("ex5.q5", case, corpus=seeds).correct
    fb = check("ex5.q5", {**case, "evidence": [row(served[0])]}, corpus=seeds)
    assert not fb.correct and f"evidence row for {served[1]}" in fb.message
    fb = check(
        "ex5.q5",
        {**case, "incentives": [served[0], hurt[0]], "evidence": [row(served[0]), row(hurt[0])]},
        corpus=seeds,
    )
    assert not fb.correct and f"does not serve {hurt[0]}" in fb.message
    assert check("ex5.q5", {**case, "country": "Atlantis"}).status == "unreadable"


def test_weights_are_checked_and_judged():
    import numpy as np

    from kit.policy import load_options

    scores = load_options()["China"].scores
    squeeze_first = {item: (5 if s["squeeze"] > 0 else 0) for item, s in scores.items()}
    fb = check("ex6.q3", {k: np.int64(v) for k, v in squeeze_first.items()})
    assert fb.correct and "prefers" in fb.message
    assert not check("ex6.q3", {next(iter(scores)): 5}).correct or len(scores) == 1
    assert check("ex6.q3", {"stop-tests": 9}).status == "unreadable"
    assert check("ex6.q3", {"not-an-incentive": 1}).status == "unreadable"
    assert check("ex6.q3", {}).status == "not answered"


def test_game_question_moves_the_equilibrium():
    from kit.policy import load_games

    spec = load_games()["china-north-korea"]
    defaults = checks.game_weights(spec, "North Korea")
    fb = check("ex6.q5", dict(defaults))  # the default weights do not move it
    assert fb.status == "incorrect" and "equilibri" in fb.message
    # Find, by brute force over 0/5 weights, a change that does move it; the judge must agree.
    items = spec.items("North Korea")
    from itertools import product

    for combo in product((0, 5), repeat=len(items)):
        weights = dict(zip(items, combo, strict=True))
        _, _, eq = checks._equilibria(spec, {"North Korea": weights})
        moves = {spec.col_moves[j].id for _, j in eq}
        if "freeze-and-talk" in moves:
            assert check("ex6.q5", weights).correct
            break
    else:
        pytest.fail("no 0/5 weights put 'freeze-and-talk' into an equilibrium")


def test_policy_answers_follow_the_data_files(monkeypatch):
    import kit.policy as policy

    real = policy.load_options()
    china = real["China"]
    best_now = policy.preferred_options(policy.option_totals(china, china.default_weights))
    assert check("ex6.q1", best_now[0]).correct
    # A teacher who edits the default weights gets answers that follow the edit.
    squeeze_first = {item: (5 if s["squeeze"] > 0 else 0) for item, s in china.scores.items()}
    edited = {
        **real,
        "China": policy.CountryOptions(china.country, china.options, china.scores, squeeze_first),
    }
    monkeypatch.setattr(policy, "load_options", lambda *a, **k: edited)
    assert check("ex6.q1", "squeeze").correct
    assert not check("ex6.q1", best_now[0]).correct or best_now == ["squeeze"]


def test_delegation_briefs_come_from_the_incentives_data():
    from kit.incentives import load_incentives

    views = load_incentives()
    briefs = checks.delegation_briefs()
    assert set(briefs) == set(views)
    for country in ("United States", "China", "North Korea", "South Korea", "Japan"):
        brief = briefs[country]
        assert brief.startswith(f"DELEGATION BRIEF: {country}")
        assert views[country].own_view in brief
        for item in views[country].items:
            assert item.label in brief and item.statement in brief
        assert (
            brief.index("Your position") < brief.index("critics")
            if views[country].criticism
            else True
        )
    with pytest.raises(kit.KitError):
        checks.delegation_brief("Atlantis")


def test_hash_for_reproduces_the_stored_hashes():
    key = _answer_key_answers()
    for q in questions():
        if q.kind in ("choice", "text") and not q.computed and q.id in key:
            assert checks.hash_for(q.id, key[q.id]) in q.answer_sha256, q.id


def test_a_question_without_a_stored_answer_says_so(monkeypatch):
    q = checks.Question(id="ex1.q99", exercise="ex1", prompt="New?", kind="text")
    monkeypatch.setattr(checks, "question", lambda qid: q)
    fb = check("ex1.q99", "anything")
    assert fb.status == "unreadable" and "no answer is stored" in fb.message


def _check_cells(path: Path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and re.search(r'check\("ex\d\.q\d+"', cell.source):
            yield (
                cell,
                "".join(
                    o.get("text", "") or o.get("data", {}).get("text/plain", "")
                    for o in cell.outputs
                ),
            )


def test_stored_outputs_say_not_answered_in_student_notebooks_and_correct_in_the_key():
    """nbval compares stored outputs; these must exist, or a broken check would pass unseen."""
    for name in STUDENT_NOTEBOOKS.values():
        path = EXERCISES / f"{name}.ipynb"
        if path.exists():
            for cell, text in _check_cells(path):
                assert "not answered yet" in text, (name, cell.source)
    key_cells = list(_check_cells(EXERCISES / "answer_key.ipynb"))
    assert len(key_cells) == len(questions())
    for cell, text in key_cells:
        assert "Correct!" in text, cell.source


def test_text_answer_box_accepts_typed_answers(seeds):
    checks.use_corpus(seeds)
    key = _answer_key_answers()
    box = checks.ask("ex3.q6")
    box.answer.value = "  " + key["ex3.q6"].lower() + "  "
    assert box.submit().correct
    days = next(iter(checks.expected_answer("ex1.q7").values))
    box = checks.ask("ex1.q7")  # a number typed as text
    box.answer.value = days
    assert box.submit().correct


def test_default_progress_path_is_never_inside_the_kit(monkeypatch, tmp_path):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert checks.default_progress_path() == tmp_path.resolve() / checks.PROGRESS_FILE
    # On Binder the kit is cloned into the home folder: fall back to the temp folder.
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: ROOT))
    target = checks.default_progress_path()
    assert ROOT not in target.parents and target.name == checks.PROGRESS_FILE
