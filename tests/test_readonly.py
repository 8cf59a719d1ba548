"""A read-only copy of the kit runs every notebook and is left exactly as it was.

On a JupyterHub the repository may be shared read-only. The test copies the teaching files
to a temp dir, makes them read-only (files 0444, folders 0555), executes every notebook and
exercise with the copy's notebooks/ as working directory and the copy first on PYTHONPATH,
and then compares a listing of the copy (path, size, mtime, SHA-256) with the one taken
before: no new file (no outputs, caches, checkpoints), nothing changed.

Root ignores permission bits, so the listing is the real check. Python's own bytecode cache
is switched off (``PYTHONDONTWRITEBYTECODE=1``): on a real read-only folder Python skips
writing ``__pycache__`` silently, and the variable makes root behave the same way, so any
other write still shows. IPython, matplotlib and Jupyter state go to temp dirs.
"""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from notebook_speed import quiet_env, run_notebook  # noqa: E402

COPIED = ("notebooks", "exercises", "kit", "seeds", "pyproject.toml", "README.md")


def _listing(root: Path) -> dict[str, tuple]:
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        st = path.lstat()
        if path.is_dir():
            out[rel] = ("dir", stat.S_IMODE(st.st_mode), st.st_mtime_ns)
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[rel] = ("file", st.st_size, st.st_mtime_ns, digest)
    return out


def _make_read_only(root: Path) -> None:
    for path in sorted(root.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    root.chmod(0o555)


def _make_writable(root: Path) -> None:
    root.chmod(0o755)
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.fixture()
def read_only_copy(tmp_path):
    root = tmp_path / "kit-readonly"
    root.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    for name in COPIED:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, root / name)
    _make_read_only(root)
    yield root
    _make_writable(root)


def test_read_only_copy_runs_every_notebook_and_stays_unchanged(read_only_copy, tmp_path):
    root = read_only_copy
    notebooks = sorted(
        [*(root / "notebooks").glob("*.ipynb"), *(root / "exercises").glob("*.ipynb")]
    )
    assert notebooks, "no notebooks to run"
    before = _listing(root)
    assert all(stat.S_IMODE(p.stat().st_mode) in (0o444, 0o555) for p in [root, *root.rglob("*")])
    env = quiet_env(tmp_path / "state", {"PYTHONPATH": str(root), "HOME": str(tmp_path / "home")})
    (tmp_path / "home").mkdir()
    cwd = root / "notebooks"

    # The kernel imports the copy's kit, not an installed one.
    where = subprocess.run(
        [sys.executable, "-c", "import kit; print(kit.__file__)"],
        cwd=cwd, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(where).resolve().is_relative_to(root.resolve()), where

    failures = []
    for nb in notebooks:
        result = run_notebook(nb, cwd=cwd, env=env)
        if result.error:
            failures.append(f"{result.notebook}: {result.error.splitlines()[-1]}")
    assert not failures, "\n".join(failures)

    after = _listing(root)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    assert not (added or removed or changed), (
        f"the notebooks wrote into the read-only copy: added {added}, removed {removed}, "
        f"changed {changed}"
    )
