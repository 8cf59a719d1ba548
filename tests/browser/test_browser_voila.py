"""The incentives dashboard served by Voilà, as a teacher shows it on the projector.

Voilà runs ``notebooks/dashboard_incentives.ipynb`` (a temp copy) on 127.0.0.1 with a random
token. The page must show no code (no input areas, no code cells, none of the notebook's
source), no errors, and a working explorer: choosing a country changes the content to that
country's summary, as computed by the same kit code in plain Python.
"""

from __future__ import annotations

import shutil
import time

import labpage
import nbformat
import pytest
import servers
from labpage import record_timing

DASHBOARD = servers.REPO / "notebooks" / "dashboard_incentives.ipynb"


@pytest.fixture(scope="module")
def voila(teaching_root, chromium_path):
    if not DASHBOARD.exists():
        pytest.fail(f"{DASHBOARD} is missing")
    base = servers.temp_base("kit-voila-")
    server = servers.start_voila(teaching_root / "notebooks" / DASHBOARD.name, base)
    record_timing("voila server start (s)", server.started_in)
    yield server
    server.stop()
    shutil.copy(base / "voila.log", labpage.artifacts_dir() / "voila.log")
    shutil.rmtree(base, ignore_errors=True)


def test_voila_dashboard_hides_code_and_works(voila, browser, artifacts):
    from playwright.sync_api import expect

    from kit.incentives import load_incentives

    views = load_incentives()
    countries = list(views)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        started = time.monotonic()
        page.goto(voila.url(""))
        select = page.locator(".widget-dropdown select").first
        select.wait_for(timeout=90_000)
        expect(page.locator(".jupyter-widgets").first).to_be_visible()
        record_timing("voila: page open -> widgets shown (s)", time.monotonic() - started)

        # No code: no code input areas, prompts or editors (Voilà keeps .jp-InputArea only for
        # rendered markdown), and none of the notebook's code as text.
        for selector in (
            ".jp-CodeCell .jp-InputArea",
            ".jp-InputArea-editor",
            ".jp-InputPrompt",
            ".jp-InputArea:not(:has(.jp-RenderedMarkdown))",
            ".CodeMirror",
            ".cm-editor",
        ):
            assert page.locator(f"{selector}:visible").count() == 0, f"{selector} is visible"
        body = page.locator("body").inner_text()
        nb = nbformat.read(DASHBOARD, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                for line in cell.source.splitlines():
                    if len(line.strip()) > 12:
                        assert line.strip() not in body, f"code shown on the dashboard: {line!r}"
        assert "Traceback" not in body and "Error displaying widget" not in body

        # Working widgets: every country shows its own summary, and the content changes.
        view, select = labpage.app_root_with_select(page, countries)
        if view is None:  # Voilà renders widget views outside JupyterLab's output areas
            view = page.locator("body")
            select = next(
                s
                for s in page.locator("select").all()
                if labpage.select_labels(s)[: len(countries)] == countries
            )
        labpage.choose_each_country(view, select, countries, views, "voila dashboard")
        page.screenshot(path=str(artifacts / "voila_dashboard.png"), full_page=True)
    finally:
        context.close()
