"""How long each notebook takes on a fresh kernel, and how much memory the kernel needs.

    python benchmarks/notebook_speed.py            # every lesson and exercise
    python benchmarks/notebook_speed.py notebooks/05_incentives.ipynb

Each notebook runs with nbclient on its own fresh ``python3`` kernel, in its own folder, in
memory (nothing is written back). Printed: seconds per notebook (target <= 10 s each), the
whole lessons-plus-exercises suite (target <= 60 s), and each kernel's peak resident memory
(``VmHWM`` from ``/proc/<kernel pid>/status``; target <= 200 MB for the heaviest notebook).
Figures, not assertions: the script exits 0 whatever they are, unless a notebook fails.

``run_notebook`` is also used by benchmarks/shared_server.py and tests/test_shared_server.py.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_NOTEBOOK_S = 10.0
TARGET_SUITE_S = 60.0
TARGET_PEAK_MB = 200.0


@dataclass
class RunResult:
    notebook: str
    seconds: float
    peak_rss_mb: float | None
    error: str | None = None
    kernel_cpu_s: float | None = None


def lesson_notebooks(root: Path = REPO) -> list[Path]:
    """The lessons (``notebooks/NN_*.ipynb``), in order."""
    return sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def all_notebooks(root: Path = REPO) -> list[Path]:
    """Every notebook under notebooks/ and exercises/."""
    return sorted([*(root / "notebooks").glob("*.ipynb"), *(root / "exercises").glob("*.ipynb")])


def quiet_env(base: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Kernel environment with IPython, matplotlib and Jupyter state in temp dirs under ``base``."""
    env = dict(os.environ)
    for var, sub in (
        ("IPYTHONDIR", "ipython"),
        ("MPLCONFIGDIR", "mpl"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTER_DATA_DIR", "data"),
    ):
        (base / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(base / sub)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra or {})
    return env


def read_status_kb(pid: int, field: str) -> int | None:
    """A ``kB`` field (``VmRSS``, ``VmHWM``) of ``/proc/<pid>/status``; None if unavailable."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def read_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (``/proc/<pid>/stat``), in seconds.

    Unlike wall time it hardly changes when other programs share the CPU, so it is the
    figure to compare between a busy and a quiet machine.
    """
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_notebook(
    path: Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: int = 300,
) -> RunResult:
    """Execute one notebook on a fresh kernel; report time, the kernel's peak RSS, any error.

    The kernel manager is ours (not nbclient's), so the kernel is still alive after the last
    cell and its high-water mark can be read before it is shut down.
    """
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    cwd = cwd or path.parent
    with tempfile.TemporaryDirectory(prefix="kit-nbrun-") as tmp:
        # This checkout's kit first, whatever else is installed.
        env = env or quiet_env(Path(tmp), {"PYTHONPATH": str(REPO)})
        nb = nbformat.read(path, as_version=4)
        # IPC sockets in our temp folder, not TCP ports: when many kernels start at once
        # (tests/test_shared_server.py), TCP port picking races and a kernel can die at start.
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(tmp) / "kernel"))
        started = time.perf_counter()
        error = None
        peak = None
        cpu = None
        try:
            km.start_kernel(cwd=str(cwd), env=env)
            client = NotebookClient(
                nb,
                km=km,
                timeout=timeout,
                kernel_name="python3",
                resources={"metadata": {"path": str(cwd)}},
            )
            client.execute()
        except Exception as exc:  # a failing cell: report it, keep going
            error = f"{type(exc).__name__}: {str(exc)[-1500:]}"
        finally:
            elapsed = time.perf_counter() - started
            pid = getattr(km.provisioner, "pid", None) if km.provisioner else None
            if pid:
                hwm = read_status_kb(pid, "VmHWM")
                peak = hwm / 1024 if hwm else None
                cpu = read_cpu_seconds(pid)
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    return RunResult(_rel(path), elapsed, peak, error, cpu)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return "/".join(path.parts[-2:])


def main(argv: list[str]) -> int:
    paths = [Path(p).resolve() for p in argv] or all_notebooks()
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} CPU cores, load average {load:.1f} at start")
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.ipynb"
        empty.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
        base = run_notebook(empty)
    print(
        f"baseline (empty notebook: kernel start + stop): {base.seconds:.1f} s, "
        f"kernel CPU {base.kernel_cpu_s or 0:.1f} s, peak RSS {base.peak_rss_mb or 0:.0f} MB\n"
    )
    print(f"{'notebook':45} {'seconds':>8} {'kernel CPU s':>13} {'peak RSS MB':>12}")
    results = []
    for path in paths:
        r = run_notebook(path)
        results.append(r)
        flag = "" if r.seconds <= TARGET_NOTEBOOK_S else "  (over 10 s target)"
        peak = f"{r.peak_rss_mb:.0f}" if r.peak_rss_mb else "?"
        cpu = f"{r.kernel_cpu_s:.1f}" if r.kernel_cpu_s is not None else "?"
        print(f"{r.notebook:45} {r.seconds:8.1f} {cpu:>13} {peak:>12}{flag}", flush=True)
        if r.error:
            print(f"    FAILED: {r.error.splitlines()[-1] if r.error else ''}")
    total = sum(r.seconds for r in results)
    heaviest = max(results, key=lambda r: r.peak_rss_mb or 0)
    print(
        f"\nwhole suite ({len(results)} notebooks): {total:.1f} s wall, "
        f"{sum(r.kernel_cpu_s or 0 for r in results):.1f} s kernel CPU "
        f"(target <= {TARGET_SUITE_S:.0f} s)"
    )
    print(
        f"slowest: {max(results, key=lambda r: r.seconds).notebook} "
        f"{max(r.seconds for r in results):.1f} s (target <= {TARGET_NOTEBOOK_S:.0f} s each)"
    )
    print(
        f"heaviest kernel: {heaviest.notebook} peak RSS {heaviest.peak_rss_mb or 0:.0f} MB "
        f"(VmHWM; target <= {TARGET_PEAK_MB:.0f} MB)"
    )
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
