"""Every lesson in a real browser: open in JupyterLab, Run All, and use the widgets as a student.

For each lesson (a temp copy; the repository is never written): no traceback, no error
output, no "Error displaying widget", and as many live widgets as the notebook's stored
(nbval-checked) outputs say it shows. Then the main widgets are driven through the page,
and what the browser shows is compared with what the same app computes in plain Python:

- lesson 1: choose the other article in the reader -> its title and text appear;
- lesson 5: choose each country in the incentives explorer -> that country's summary shows
  and the content changes every time;
- lesson 6: move a weight slider to a value that changes the preferred option -> the new
  preference sentence shows and the figure is redrawn.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import labpage
import pytest
import servers
from labpage import record_timing

NOTEBOOKS = servers.REPO / "notebooks"
LESSONS = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
DOCS_SCREENSHOT = servers.REPO / "docs" / "img" / "incentives_lesson.png"


#: The widgets a student uses in each lesson (run right after that lesson's Run All).
ACTIONS = {
    "01_reading_the_sources.ipynb": ["reader_other_article"],
    "05_incentives.ipynb": ["incentives_each_country"],
    "06_weigh_the_choices.ipynb": ["weigh_slider"],
}


def _steps() -> list[tuple[str, str]]:
    """Run All on each lesson, each student action right after its lesson (one page load each)."""
    return [(nb, step) for nb in LESSONS for step in ["run_all", *ACTIONS.get(nb, [])]]


def test_every_student_action_has_its_lesson():
    """A renamed lesson must not silently drop the widget checks."""
    missing = sorted(set(ACTIONS) - set(LESSONS))
    assert not missing, f"lessons missing for the browser widget checks: {missing}"


@pytest.fixture(scope="module")
def stop_kernels_after(lab):
    """Leave no lesson kernel running for the tests that follow (they measure memory)."""
    yield
    labpage.shutdown_kernels(lab)


#: Which lesson is open in the shared page, and whether Run All succeeded there.
STATE: dict[str, object] = {"open": None, "ok": False}


def _open_and_run(lab, page, name: str, artifacts: Path) -> None:
    path = lab.root / "notebooks" / name
    labpage.prepare_copy(path)
    labpage.shutdown_kernels(lab)
    STATE.update(open=name, ok=False)
    record_timing(
        f"{name}: page open -> kernel idle (s)",
        labpage.open_notebook(page, lab, f"notebooks/{name}"),
    )
    ran = labpage.run_all(page, labpage.code_cell_count(path))
    record_timing(f"{name}: Run All -> all cells done (s)", ran)
    page.screenshot(path=str(artifacts / f"{Path(name).stem}.png"))
    problems = labpage.problems(page)
    assert not problems, f"{name} shows errors in the browser:\n" + "\n---\n".join(problems)
    expected = labpage.stored_widget_count(NOTEBOOKS / name)
    views = labpage.widget_views(page)
    assert views.count() == expected, (
        f"{name}: {views.count()} widget views rendered, but the stored outputs show "
        f"{expected} widgets"
    )
    STATE["ok"] = True


def _ensure(lab, page, name: str, artifacts: Path) -> None:
    if STATE["open"] != name:
        _open_and_run(lab, page, name, artifacts)
    elif not STATE["ok"]:
        pytest.skip(f"Run All failed in {name}; see its run_all test")


@pytest.mark.parametrize(("notebook", "step"), _steps(), ids=[f"{n[:-6]}-{s}" for n, s in _steps()])
def test_lesson_in_browser(lab, page, artifacts, stop_kernels_after, notebook, step):
    if step == "run_all":
        _open_and_run(lab, page, notebook, artifacts)
        return
    _ensure(lab, page, notebook, artifacts)
    STUDENT_ACTIONS[step](page, artifacts)


# -- student actions ---------------------------------------------------------------------
def _expect():
    from playwright.sync_api import expect

    return expect


def reader_other_article(page, artifacts: Path) -> None:
    import kit
    from kit.reader import article_label

    corpus = kit.load_corpus()
    rows = {article_label(r): r for _, r in corpus.articles.iterrows()}
    view, select = labpage.app_root_with_select(page, list(rows))
    assert view is not None, (
        f"no reader dropdown with the articles {list(rows)} in lesson 1; dropdowns: {labpage.all_select_labels(page)}; widget views: {labpage.widget_views(page).count()}"
    )
    current = labpage.selected_label(select)
    other = next(label for label in rows if label != current)
    before = labpage.signature(view)
    started = time.monotonic()
    labpage.choose(select, other)
    title = str(rows[other]["title"])
    _expect()(view).to_contain_text(title)
    record_timing("reader: article change -> new article shown (s)", time.monotonic() - started)
    after = labpage.signature(view)
    assert after != before
    # The article text itself changed, not only the header: its first paragraph is shown.
    first = corpus.article(rows[other]["article"]).paragraphs[0]
    snippet = corpus.text(rows[other]["article"])[first.start : first.end].strip()[:40]
    _expect()(view).to_contain_text(snippet)
    view.screenshot(path=str(artifacts / "reader_other_article.png"))


def incentives_each_country(page, artifacts: Path) -> None:
    from kit.incentives import load_incentives

    views = load_incentives()
    countries = list(views)
    view, select = labpage.app_root_with_select(page, countries)
    assert view is not None, (
        f"no incentives dropdown with the countries {countries} in lesson 5; dropdowns: {labpage.all_select_labels(page)}"
    )
    labpage.choose_each_country(view, select, countries, views, "incentives explorer")
    view.scroll_into_view_if_needed()
    view.screenshot(path=str(artifacts / "incentives_explorer.png"))
    _lesson_screenshot(page, view, artifacts)


def _lesson_screenshot(page, view, artifacts: Path) -> None:
    """A small (~1000 px wide, <= 150 KB) picture of the incentives lesson for the README."""
    from PIL import Image

    raw = artifacts / "incentives_lesson_raw.png"
    left_tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if left_tab.count():
        left_tab.first.click()  # collapse the file browser: more room for the lesson
    page.set_viewport_size({"width": 1066, "height": 900})
    view.evaluate(
        "e => { e.scrollIntoView({block: 'start'});"
        " const s = e.closest('.jp-WindowedPanel-outer'); if (s) s.scrollTop -= 110; }"
    )
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    box = page.locator(".jp-NotebookPanel-notebook").first.bounding_box()
    clip = {"x": box["x"], "y": box["y"], "width": min(box["width"], 1000), "height": 620}
    page.screenshot(path=str(raw), clip=clip)
    page.set_viewport_size({"width": 1280, "height": 900})
    image = Image.open(raw).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    target = (
        DOCS_SCREENSHOT
        if os.environ.get("KIT_UPDATE_SCREENSHOT") == "1"
        else artifacts / "incentives_lesson.png"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, optimize=True)
    assert target.stat().st_size <= 150_000, f"{target} is {target.stat().st_size} bytes"


def weigh_slider(page, artifacts: Path) -> None:
    from kit.policy import WEIGHT_MAX, WEIGHT_MIN, WeighApp, load_options

    countries = list(load_options())
    candidates = labpage.widget_views(page).filter(has=page.locator(".widget-slider"))
    view, select = None, None
    for i in range(candidates.count()):
        for sel in candidates.nth(i).locator("select").all():
            if labpage.select_labels(sel) == countries:
                view, select = candidates.nth(i), sel
                break
        if view is not None:
            break
    assert view is not None, "no weighing app (country dropdown + weight sliders) in lesson 6"
    country = labpage.selected_label(select)
    app = WeighApp(country=country)
    # Start from what the page shows, then find a slider move that changes the preference.
    labels = {item: slider.description for item, slider in app.weights.items()}
    shown = {}
    for item, label in labels.items():
        slider = view.locator(".widget-slider", has=labpage.exact_label(page, label))
        shown[item] = int(slider.first.locator(".widget-readout").inner_text().strip())
    for item, value in shown.items():
        app.weights[item].value = value
    start_preferred, start_sentence = list(app.preferred), app.sentence
    _expect()(view).to_contain_text(start_sentence)
    move = None
    for item in app.weights:
        for value in (WEIGHT_MAX, WEIGHT_MIN):
            old = app.weights[item].value
            app.weights[item].value = value
            if app.preferred != start_preferred:
                move = (item, value, app.sentence, list(app.preferred))
            app.weights[item].value = old
            if move:
                break
        if move:
            break
    assert move, f"no single weight change alters {country}'s preferred option; cannot test it"
    item, value, sentence, preferred = move
    before = labpage.signature(view)
    slider = view.locator(".widget-slider", has=labpage.exact_label(page, labels[item])).first
    readout = slider.locator(".widget-readout")
    started = time.monotonic()
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(str(value))
    page.keyboard.press("Enter")
    _expect()(view).to_contain_text(sentence)
    record_timing("weigh: slider change -> new preference shown (s)", time.monotonic() - started)
    for label in preferred:
        assert label in sentence
    after = labpage.signature(view)
    assert after[1] != before[1], "the figure did not change when the weight moved"
    assert after[1], "no figure shown in the weighing app"
    view.screenshot(path=str(artifacts / "weigh_slider.png"))


STUDENT_ACTIONS = {
    "reader_other_article": reader_other_article,
    "incentives_each_country": incentives_each_country,
    "weigh_slider": weigh_slider,
}
