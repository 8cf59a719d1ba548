"""A hostile article through the reader widget in a real browser: shown as text, runs nothing.

The article's text (and its title and outlet) carry a ``<script>`` that sets
``window.__pwned``, an ``<img onerror=...>`` doing the same, and a ``javascript:`` link. A
notebook in the temp server root parses it with ``kit.parse_article`` and shows
``kit.reader.ReaderApp`` for it, then the app's static HTML snapshot (the fallback a viewer
without widgets shows). In both, the markup must appear literally and nothing may run.
"""

from __future__ import annotations

import labpage
import nbformat
from labpage import record_timing

PWN = "window.__pwned = 1"
HOSTILE_TEXT = f"""North Korea talks <script>{PWN}</script> resume in Beijing

By A Reporter, Staff writer

BEIJING — Officials met on Tuesday. <img src=x onerror="{PWN}"> The talks went on for hours.

"We will not back down," said Wang Yi. Read more at <a href="javascript:{PWN}">click here for more</a> or paste javascript:{PWN} into the address bar.
"""

BOOTSTRAP = """# Setup: find the kit, whether or not it was installed with pip.
import sys
from pathlib import Path

try:
    import kit
except ImportError:
    _root = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "kit" / "__init__.py").exists())
    sys.path.insert(0, str(_root))
    import kit"""
HOSTILE_TITLE = f"Hostile <script>{PWN}</script> title"
HOSTILE_OUTLET = f'<img src=x onerror="{PWN}">Outlet'


def _hostile_notebook(path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(labpage.KERNELSPEC)
    nb.cells = [
        nbformat.v4.new_code_cell(BOOTSTRAP),
        nbformat.v4.new_code_cell(
            "from kit.reader import ReaderApp\n"
            f"TEXT = {HOSTILE_TEXT!r}\n"
            "corpus = kit.parse_article(TEXT, published='2016-01-27', article_id='hostile',\n"
            f"    title={HOSTILE_TITLE!r}, outlet={HOSTILE_OUTLET!r})\n"
            "reader = ReaderApp(corpus)\n"
            "reader"
        ),
        nbformat.v4.new_code_cell(
            "from IPython.display import HTML\n"
            "HTML(reader.static_html())  # what a viewer without widgets shows"
        ),
    ]
    nbformat.write(nb, path)


def test_hostile_article_shows_as_text_and_runs_nothing(lab, page, artifacts):
    from playwright.sync_api import expect

    name = "hostile_reader.ipynb"
    path = lab.root / "notebooks" / name
    _hostile_notebook(path)
    labpage.shutdown_kernels(lab)
    labpage.open_notebook(page, lab, f"notebooks/{name}")
    record_timing("hostile: Run All (s)", labpage.run_all(page, 3))
    assert not labpage.problems(page), labpage.problems(page)

    views = labpage.widget_views(page)
    expect(views).to_have_count(1)
    reader = views.first
    snapshot = page.locator(".jp-OutputArea-output[data-mime-type='text/html']").last
    for where in (reader, snapshot):
        expect(where).to_contain_text(f"<script>{PWN}</script>")
        expect(where).to_contain_text(f'<img src=x onerror="{PWN}">')
        expect(where).to_contain_text("Hostile <script>")
        assert where.locator("script").count() == 0
        assert where.locator("img[src='x'], img[onerror]").count() == 0
        assert where.locator("a[href^='javascript']").count() == 0
        link_text = where.get_by_text("click here for more").first
        assert link_text.evaluate("e => e.closest('a') === null"), "link text rendered as a link"
        link_text.click()  # a student clicking it: must do nothing

    # An <img onerror> fires after the (failing) image load; give the page a moment to run
    # anything it was going to run before checking that nothing did.
    page.wait_for_timeout(500)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.url.startswith(lab.base), f"the page navigated away: {page.url}"
    reader.screenshot(path=str(artifacts / "hostile_reader.png"))
    labpage.shutdown_kernels(lab)
