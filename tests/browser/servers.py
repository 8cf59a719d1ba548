"""Start JupyterLab and Voilà on 127.0.0.1 for the browser tests, isolated from the repository.

Each server runs on a random free port with a random token, in a temporary root that holds
copies of ``notebooks/``, ``kit/`` and ``seeds/`` (so autosave and kernels never write into
the repository), with every Jupyter/IPython/matplotlib/home directory pointed at a temp dir.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

#: Launch arguments measured to work for headless Debian chromium (see JUPYTER_TESTING.md).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

#: JupyterLab settings for a quiet, testable front end: no news pop-up, and every cell kept in
#: the page (no virtual scrolling), so outputs far down a notebook can be counted.
LAB_SETTING_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


def find_chromium() -> str | None:
    """Path of a Chromium executable (``KIT_CHROMIUM`` overrides), or None."""
    override = os.environ.get("KIT_CHROMIUM")
    if override:
        return override if Path(override).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_teaching_tree(dest: Path) -> Path:
    """Copy the parts of the repository a classroom server needs (no caches)."""
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    for name in ("notebooks", "kit", "seeds", "exercises"):
        src = REPO / name
        if src.exists():
            shutil.copytree(src, dest / name, ignore=ignore)
    return dest


def isolated_env(base: Path, root: Path | None = None) -> dict[str, str]:
    """Environment with Jupyter, IPython, matplotlib and HOME in temp dirs under ``base``.

    With ``root``, kernels import the kit copied there (first on PYTHONPATH), never another
    installed copy, so the browser shows what this checkout's kit does.
    """
    env = dict(os.environ)
    if root is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(root), os.environ.get("PYTHONPATH", "")) if p
        )
    for var, sub in (
        ("JUPYTER_CONFIG_DIR", "jupyter_config"),
        ("JUPYTER_DATA_DIR", "jupyter_data"),
        ("JUPYTER_RUNTIME_DIR", "jupyter_runtime"),
        ("IPYTHONDIR", "ipython"),
        ("MPLCONFIGDIR", "mpl"),
        ("HOME", "home"),
    ):
        path = base / sub
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env.pop("JUPYTER_PATH", None)
    labconfig = base / "jupyter_config" / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    (labconfig / "default_setting_overrides.json").write_text(json.dumps(LAB_SETTING_OVERRIDES))
    return env


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Server:
    """A running Jupyter server process (JupyterLab or Voilà)."""

    process: subprocess.Popen
    port: int
    token: str
    root: Path
    log: Path
    started_in: float = 0.0
    extra: dict = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, **params: str) -> str:
        query = "&".join(
            [f"token={self.token}"] * bool(self.token)
            + [k if v == "" else f"{k}={v}" for k, v in params.items()]
        )
        return f"{self.base}/{path.lstrip('/')}" + (f"?{query}" if query else "")

    def api(self, method: str, path: str) -> object:
        """Call the Jupyter REST API (used to shut kernels down between notebooks)."""
        req = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGTERM: a clean stop that shuts the kernels down. (SIGINT only asks "Shut down
            # this Jupyter server (y/[n])?" and resumes after 5 s without a terminal.)
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _wait_ready(server: Server, probe: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"server exited with code {server.process.returncode} before it was ready:\n"
                + server.log_tail()
            )
        try:
            with urllib.request.urlopen(server.url(probe), timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server not ready after {timeout:.0f} s:\n{server.log_tail()}")


def _spawn(cmd: list[str], env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen:
    handle = log.open("wb")
    return subprocess.Popen(cmd, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT)


def start_lab(root: Path, base: Path, timeout: float = 60) -> Server:
    """JupyterLab serving ``root`` on a free local port with a random token."""
    env = isolated_env(base, root)
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ip", "127.0.0.1",
        "--port", str(port),
        "--port-retries", "0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.open_browser=False",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    if is_root():
        cmd.append("--allow-root")
    log = base / "jupyterlab.log"
    started = time.monotonic()
    server = Server(_spawn(cmd, env, root, log), port, token, root, log)
    _wait_ready(server, "api/status", timeout)
    server.started_in = time.monotonic() - started
    return server


def start_voila(notebook: Path, base: Path, timeout: float = 60) -> Server:
    """Voilà serving one notebook (code hidden) on a free local port with a random token."""
    env = isolated_env(base, notebook.parent.parent)
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "voila", str(notebook),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--Voila.token={token}",
        "--Voila.port_retries=0",
    ]  # fmt: skip
    log = base / "voila.log"
    started = time.monotonic()
    server = Server(_spawn(cmd, env, notebook.parent, log), port, token, notebook.parent, log)
    _wait_ready(server, "voila/static/voila.js", timeout)  # static file: starts no kernel
    server.started_in = time.monotonic() - started
    return server


def temp_base(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))
