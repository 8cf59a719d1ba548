"""Re-execute notebooks in place so their stored outputs match what nbval computes.

    python tools/refresh_notebooks.py                 # every notebook and exercise
    python tools/refresh_notebooks.py notebooks/04_when.ipynb

Each notebook runs on a fresh kernel in its own folder. Stored outputs keep text,
HTML and images but drop the live-widget view (its model is gone once the kernel
stops), so a student who opens the notebook sees the static snapshot until they run
it. Execution timestamps are removed to keep diffs small and outputs deterministic.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _use_this_checkout() -> None:
    """Kernels inherit PYTHONPATH: put this repository first so they import its kit."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(ROOT)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *paths])


def refresh(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    elapsed = time.perf_counter() - started
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data")
            if data and WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
            out.get("metadata", {}).pop(WIDGET_VIEW, None)
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str]) -> int:
    _use_this_checkout()
    paths = [Path(p) for p in argv] or sorted(
        [*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb")]
    )
    for path in paths:
        print(
            f"{path.relative_to(ROOT) if path.is_absolute() else path}: "
            f"{refresh(path.resolve()):.1f} s",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
