"""Fixtures for the browser tests: one JupyterLab server and one Chromium page per session.

Chromium is Debian's (``/usr/bin/chromium``, or ``KIT_CHROMIUM``), driven by the Python
playwright package through ``executable_path`` (never ``playwright install``). Without a
browser these tests are skipped with the reason, except under CI (``CI=true``), where a
missing browser is a failure. Screenshots and timings go to ``$KIT_ARTIFACTS`` or a temp
folder whose path is printed at the end of the run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import servers
from labpage import ARTIFACTS, artifacts_dir, record_timing


def _no_browser(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run in CI)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    return artifacts_dir()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = servers.find_chromium()
    if path is None:
        _no_browser(
            "no Chromium found (looked for /usr/bin/chromium; install Debian's chromium "
            "or set KIT_CHROMIUM)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _no_browser("the playwright Python package is not installed (pip install -e '.[test]')")
    return path


@pytest.fixture(scope="session")
def playwright_instance(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance, chromium_path):
    # playwright gives every launch a fresh temporary profile; HOME goes to a temp dir too.
    user_data = Path(tempfile.mkdtemp(prefix="kit-chromium-home-"))
    env = {**os.environ, "HOME": str(user_data)}
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path, args=servers.CHROMIUM_ARGS, env=env
    )
    yield browser
    browser.close()
    shutil.rmtree(user_data, ignore_errors=True)


@pytest.fixture(scope="session")
def teaching_root() -> Path:
    """A temp copy of notebooks/, kit/, seeds/ and exercises/ (the repository is never written)."""
    root = Path(tempfile.mkdtemp(prefix="kit-lab-root-"))
    servers.copy_teaching_tree(root)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def lab(teaching_root, chromium_path):
    base = servers.temp_base("kit-lab-")
    server = servers.start_lab(teaching_root, base)
    record_timing("jupyterlab server start (s)", server.started_in)
    yield server
    server.stop()
    log = base / "jupyterlab.log"
    if log.exists():
        shutil.copy(log, artifacts_dir() / "jupyterlab.log")
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def page(browser):
    """One page for the whole session (each notebook opens in it with a fresh workspace)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    if ARTIFACTS["dir"] is None:
        return
    path = artifacts_dir()
    timings = ARTIFACTS["timings"]
    (path / "timings.json").write_text(json.dumps(timings, indent=2))
    terminalreporter.write_sep("-", "browser tests")
    terminalreporter.write_line(f"screenshots and logs: {path}")
    for name, seconds in timings.items():  # type: ignore[union-attr]
        terminalreporter.write_line(f"  {name}: {seconds}")
