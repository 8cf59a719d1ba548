"""Drive a notebook in JupyterLab the way a student does: open, Run All, read what shows.

Selectors were measured on JupyterLab 4.6 / ipywidgets 8.1 (see JUPYTER_TESTING.md). Waits are
on page state (``wait_for_function`` / ``expect``), never fixed sleeps.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import nbformat

#: Where screenshots, logs and timings go ($KIT_ARTIFACTS or a temp folder), and the timings.
ARTIFACTS: dict[str, object] = {"dir": None, "timings": {}}


def artifacts_dir() -> Path:
    if ARTIFACTS["dir"] is None:
        wanted = os.environ.get("KIT_ARTIFACTS")
        path = Path(wanted) if wanted else Path(tempfile.mkdtemp(prefix="kit-browser-artifacts-"))
        path.mkdir(parents=True, exist_ok=True)
        ARTIFACTS["dir"] = path
    return ARTIFACTS["dir"]  # type: ignore[return-value]


def record_timing(name: str, seconds: float) -> None:
    """Keep a browser timing for the end-of-run summary (figures, not assertions)."""
    ARTIFACTS["timings"][name] = round(seconds, 2)  # type: ignore[index]


def exact_label(page, text: str):
    """A locator for widget labels whose whole text is ``text`` (any characters, no escaping)."""
    return page.locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(text)}\s*$"))


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

#: What ipywidgets prints as text/plain for a widget (``VBox(children=(...))``, ``IntSlider(...)``)
WIDGET_REPR = re.compile(
    r"^(?:[A-Z]\w*)\((?:children|value|options|description|layout|outputs|index)="
)
#: What kit.display.StaticFallback stores as text/plain for an app.
STATIC_FALLBACK_TEXT = "(interactive widget:"

#: Every code cell has an execution count and no output area is still receiving: done.
ALL_RAN_JS = """(expected) => {
  const prompts = Array.from(document.querySelectorAll(
      '.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')).map(e => e.textContent.trim());
  const busy = prompts.some(t => t.includes('*'));
  const done = prompts.filter(t => /\\[\\d+\\]/.test(t)).length;
  const failed = Array.from(document.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
      .some(e => /Traceback|Error\\b/.test(e.textContent));
  const idle = document.querySelector(
      '.jp-Notebook-ExecutionIndicator[data-status="idle"]') !== null;
  return idle && !busy && (done >= expected || failed);
}"""

PROBLEMS_JS = """() => {
  const out = [];
  for (const e of document.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
    if (/Traceback|Error\\b/.test(e.textContent)) out.push('stderr: ' + e.textContent.slice(0, 1500));
  }
  for (const e of document.querySelectorAll(
      '.jp-OutputArea-child.jp-mod-error, .jp-OutputArea-output.jp-mod-error, ' +
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')) {
    out.push('error output: ' + e.textContent.slice(0, 1500));
  }
  for (const e of document.querySelectorAll('.jp-OutputArea-output')) {
    if (e.textContent.includes('Error displaying widget')) out.push('widget: ' + e.textContent.slice(0, 500));
  }
  return out;
}"""


def prepare_copy(notebook: Path) -> None:
    """Make a copied notebook open without the kernel-picker dialog."""
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nbformat.write(nb, notebook)


def stored_widget_count(notebook: Path) -> int:
    """How many widgets the notebook displays, from its stored (nbval-checked) outputs."""
    nb = nbformat.read(notebook, as_version=4)
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            plain = data.get("text/plain", "")
            plain = "".join(plain) if isinstance(plain, list) else plain
            if (
                WIDGET_VIEW in data
                or STATIC_FALLBACK_TEXT in plain
                or WIDGET_REPR.match(plain.strip())
            ):
                count += 1
    return count


def code_cell_count(notebook: Path) -> int:
    nb = nbformat.read(notebook, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())


def open_notebook(page, server, rel_path: str, timeout_ms: int = 60_000) -> float:
    """Open a notebook in a fresh workspace; return seconds until its kernel is idle."""
    started = time.monotonic()
    page.goto(server.url(f"lab/tree/{rel_path}", reset=""))
    page.locator(".jp-Notebook").first.wait_for(timeout=timeout_ms)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=timeout_ms)
    page.wait_for_function(
        "() => /Idle/.test(document.querySelector('.jp-StatusBar-Widget, #jp-main-statusbar')"
        "?.textContent || '')",
        timeout=timeout_ms,
    )
    return time.monotonic() - started


def _click_run_all(page) -> None:
    page.locator(".lm-MenuBar-item:has(.lm-MenuBar-itemLabel:text-is('Run'))").click()
    page.locator("li.lm-Menu-item[data-command='runmenu:run-all']").click()


def run_all(page, n_code_cells: int, timeout_ms: int = 120_000) -> float:
    """Run > Run All Cells, then wait until every code cell has run (or one failed).

    A Run All issued while the kernel is still connecting is sometimes dropped; if no cell
    has started after a few seconds the command is given again (at most twice).
    """
    started = time.monotonic()
    for attempt in range(3):
        _click_run_all(page)
        try:
            page.wait_for_function(
                "() => Array.from(document.querySelectorAll("
                "'.jp-Notebook .jp-CodeCell .jp-InputArea-prompt'))"
                ".some(e => /\\[(\\d+|\\*)\\]/.test(e.textContent))",
                timeout=8_000,
            )
            break
        except Exception:
            if attempt == 2:
                raise
    page.wait_for_function(ALL_RAN_JS, arg=n_code_cells, timeout=timeout_ms)
    return time.monotonic() - started


def problems(page) -> list[str]:
    """Tracebacks, error outputs and widget render failures visible in the page."""
    return page.evaluate(PROBLEMS_JS)


def widget_views(page):
    """Top-level rendered widget views in output areas (a locator)."""
    return page.locator(".jp-OutputArea-output > .jupyter-widgets")


def shutdown_kernels(server) -> None:
    """Stop every kernel session so notebooks do not pile up kernels on a 2-core machine."""
    for session in server.api("GET", "api/sessions") or []:
        server.api("DELETE", f"api/sessions/{session['id']}")


def app_root_with_select(page, option_labels: list[str]):
    """The top-level widget view holding a dropdown whose options include all of these labels."""
    views = widget_views(page)
    for i in range(views.count()):
        view = views.nth(i)
        for sel in view.locator("select").all():
            labels = select_labels(sel)
            if all(lbl in labels for lbl in option_labels):
                return view, sel
    return None, None


def all_select_labels(page) -> list[list[str]]:
    """Every dropdown's labels in the page (for failure messages)."""
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('select'))"
        ".map(s => Array.from(s.options).map(o => o.textContent.replace(/\\u00a0/g, ' ')))"
    )


def _clean(label: str) -> str:
    # ipywidgets shows dropdown labels with non-breaking spaces.
    return label.replace("\xa0", " ").strip()


def select_labels(select) -> list[str]:
    """The option labels of a ``<select>`` (options are not rendered, so read textContent)."""
    return [
        _clean(t) for t in select.evaluate("s => Array.from(s.options).map(o => o.textContent)")
    ]


def selected_label(select) -> str:
    return _clean(select.evaluate("s => s.options[s.selectedIndex].textContent"))


def choose(select, label: str) -> None:
    """Choose an option by its (space-normalised) label, as a student would."""
    select.select_option(index=select_labels(select).index(label))


def signature(locator) -> tuple[str, tuple[str, ...]]:
    """What a student sees in a widget: its text and the images it shows."""
    text = locator.inner_text()
    imgs = tuple(
        (src or "")[-200:]
        for src in locator.locator("img").evaluate_all("els => els.map(e => e.src)")
    )
    return text, imgs


def choose_each_country(view, select, countries, views, what: str) -> None:
    """Choose every country in turn (the current one last): each must show its own summary and
    change what ``view`` shows. Records the median time from choice to content as ``what``."""
    from playwright.sync_api import expect

    from kit.incentives import describe_country

    seen = {signature(view)}
    current = selected_label(select)
    times = []
    for country in [c for c in countries if c != current] + [current]:
        started = time.monotonic()
        choose(select, country)
        expect(view).to_contain_text(describe_country(views[country]))
        times.append(time.monotonic() - started)
        sig = signature(view)
        if country != current:
            assert sig not in seen, f"choosing {country} did not change the {what}"
        seen.add(sig)
    record_timing(
        f"{what}: country change -> content shown, median (s)", sorted(times)[len(times) // 2]
    )
