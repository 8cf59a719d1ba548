"""Binder's route, rebuilt with pip: environment.yml's packages in a fresh venv, then postBuild,
then the start notebook on that venv's kernel.

repo2docker reads ``environment.yml`` (a python pin and a ``pip:`` list) and runs
``postBuild``. This test does the same with pip in a fresh virtual environment (pip's cache
keeps it quick), runs ``bash postBuild`` inside it on a temp copy of the repository, and
executes ``notebooks/00_start_here.ipynb`` with ``notebooks/`` as the working directory on the
venv's own ``python3`` kernel (ipykernel comes with jupyterlab). It needs PyPI: without a
network it is skipped with the reason, except under CI (``CI=true``), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
START = "notebooks/00_start_here.ipynb"

EXECUTE = r"""
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

path = Path(sys.argv[1])
nb = nbformat.read(path, as_version=4)
nb.cells.append(nbformat.v4.new_code_cell(
    "import json, sys, kit\nprint(json.dumps({'prefix': sys.prefix, 'kit': kit.__file__}))"))
NotebookClient(nb, timeout=300, kernel_name="python3",
               resources={"metadata": {"path": str(path.parent)}}).execute()
errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
          if o.output_type == "error"]
print(json.dumps({"errors": len(errors), "where": nb.cells[-1].outputs[0]["text"]}))
"""


def _binder_spec() -> tuple[str, list[str]]:
    """(python version pin, pip requirements) from environment.yml."""
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    python, pip = None, []
    for dep in env["dependencies"]:
        if isinstance(dep, str) and dep.split("=")[0].strip() == "python":
            python = dep.split("=", 1)[1].lstrip("=").strip()
        elif isinstance(dep, dict) and "pip" in dep:
            pip.extend(str(r) for r in dep["pip"])
    assert python, "environment.yml pins no python version"
    assert pip, "environment.yml has no pip: list"
    return python, pip


def _python_for(pin: str) -> str | None:
    if ".".join(map(str, sys.version_info[:2])) == pin:
        return sys.executable
    return shutil.which(f"python{pin}")


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
        return True
    except OSError:
        return False


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the Binder check must run in CI)", pytrace=False)
    pytest.skip(reason)


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert result.returncode == 0, (
        f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


@pytest.mark.network
def test_binder_environment_runs_the_start_notebook(tmp_path, capsys):
    pin, requirements = _binder_spec()
    python = _python_for(pin)
    if python is None:
        _unavailable(f"environment.yml pins python {pin}, and no python{pin} is on PATH")
    if not _pypi_reachable():
        _unavailable("PyPI is not reachable: the Binder check installs environment.yml's packages")

    timings = {}
    started = time.perf_counter()
    venv = tmp_path / "venv"
    _run([python, "-m", "venv", str(venv)])
    vpy = venv / "bin" / "python"
    env = {
        **os.environ,
        "VIRTUAL_ENV": str(venv),
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_DATA_DIR": str(tmp_path / "jupyter-data"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
    }
    env.pop("PYTHONPATH", None)
    # --no-compile: byte-compiling jupyterlab & co. costs more CPU than the whole install.
    _run([str(vpy), "-m", "pip", "install", "-q", "--no-compile", *requirements], env=env)
    timings["pip install environment.yml"] = time.perf_counter() - started

    # postBuild on a copy: it installs the kit (editable), which writes build metadata.
    copy = tmp_path / "repo"
    shutil.copytree(
        REPO, copy,
        ignore=shutil.ignore_patterns(".git", "__pycache__", ".ipynb_checkpoints", "*.egg-info",
                                      ".ruff_cache", ".pytest_cache", "artifacts"),
    )  # fmt: skip
    t0 = time.perf_counter()
    _run(["bash", "postBuild"], cwd=copy, env=env)
    timings["postBuild"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    notebook = copy / START
    out = _run([str(vpy), "-c", EXECUTE, str(notebook)], cwd=notebook.parent, env=env)
    timings["execute 00_start_here"] = time.perf_counter() - t0
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["errors"] == 0
    where = json.loads(report["where"])
    assert Path(where["prefix"]).resolve() == venv.resolve(), f"kernel not from the venv: {where}"
    assert Path(where["kit"]).resolve().is_relative_to(copy.resolve()), where
    total = time.perf_counter() - started
    with capsys.disabled():
        parts = ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())
        print(f"\n[binder] {total:.0f} s in all: {parts}")
