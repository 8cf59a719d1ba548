"""Packaging, Binder files, README and CI agree with each other."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NAMED = {"jupyterlab", "ipywidgets", "pandas", "matplotlib", "nbval"}


def _pins(requirements):
    pins = {}
    for req in requirements:
        name, _, version = req.partition("==")
        pins[name.strip().lower()] = version.strip()
    return pins


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def environment_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    pip_list = next(d["pip"] for d in deps if isinstance(d, dict))
    python = next(d for d in deps if isinstance(d, str) and d.startswith("python"))
    return python, _pins(pip_list)


def test_environment_and_pyproject_pin_the_same_versions():
    project = pyproject()
    declared = _pins(project["dependencies"] + project["optional-dependencies"]["test"])
    python, env = environment_pins()
    assert python == "python=3.11"
    assert NAMED <= set(env), "environment.yml must list every named package"
    for name, version in env.items():
        assert version, f"{name} is not pinned in environment.yml"
        assert declared.get(name) == version, (
            f"{name}: environment.yml {version}, pyproject {declared.get(name)}"
        )
    for name in _pins(project["dependencies"]):
        assert name in env, f"runtime dependency {name} missing from environment.yml"


def test_postbuild_installs_the_kit_and_stops_on_errors():
    text = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "set -e" in text and "pip install" in text and "-e ." in text
    assert not (ROOT / "binder").exists(), (
        "a binder/ folder would make repo2docker ignore top-level files"
    )


def quickstart_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_quickstart_is_two_commands():
    lab, tests = quickstart_commands()
    assert "jupyter lab notebooks/00_start_here.ipynb" in lab and "pip install" in lab
    assert "pytest" in tests and "pip install" in tests


def test_ci_runs_the_readme_test_command():
    _, tests = quickstart_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci
    assert ci.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in ci


def test_binder_badge_opens_the_start_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "mybinder.org/v2/gh/" in readme
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme


def test_pytest_collects_notebooks_and_exercises():
    opts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"][
        "ini_options"
    ]
    assert {"tests", "notebooks", "exercises"} <= set(opts["testpaths"])
    assert "--nbval " in opts["addopts"] + " "
