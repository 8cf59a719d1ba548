"""A class on one shared server: many students run every lesson at the same time.

    python benchmarks/shared_server.py              # 10 students, every lesson
    python benchmarks/shared_server.py --students 30

Each student is a separate process with its own temporary copy of the teaching files
(notebooks/, exercises/, kit/, seeds/) that runs every lesson on a fresh kernel, one after
the other, starting at a different lesson so the class is spread over the material. While
they run, the kernels' resident memory is sampled from ``/proc`` (every ``ipykernel``
process below this one); printed: the peak total kernel memory, the peak number of live
kernels, wall time, and each student's result. Figures, not assertions (exit 1 only if a
notebook fails). tests/test_shared_server.py runs the same thing and checks all pass.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_speed import REPO, RunResult, lesson_notebooks, quiet_env, run_notebook  # noqa: E402

TEACHING_DIRS = ("notebooks", "exercises", "kit", "seeds")


@dataclass
class ClassRun:
    students: int
    wall_seconds: float
    peak_total_rss_mb: float
    peak_kernels: int
    results: list[list[RunResult]] = field(default_factory=list)

    @property
    def failures(self) -> list[tuple[int, RunResult]]:
        return [(i, r) for i, rs in enumerate(self.results) for r in rs if r.error]


def copy_teaching_files(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    for name in TEACHING_DIRS:
        if (REPO / name).exists():
            shutil.copytree(REPO / name, dest / name, ignore=ignore)
    return dest


def _student(index: int, names: list[str]) -> list[RunResult]:
    """One student: a private copy, every lesson in turn, starting at lesson ``index``."""
    with tempfile.TemporaryDirectory(prefix=f"kit-student{index:02d}-") as tmp:
        root = copy_teaching_files(Path(tmp) / "kit")
        env = quiet_env(Path(tmp) / "state", {"PYTHONPATH": str(root)})
        order = names[index % len(names) :] + names[: index % len(names)]
        return [run_notebook(root / "notebooks" / name, env=env) for name in order]


def _children(pid: int) -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def kernel_rss_kb(root_pid: int) -> tuple[int, int]:
    """(sum of VmRSS in kB, count) over ipykernel processes descended from ``root_pid``."""
    tree = _children(root_pid)
    stack, total, count = list(tree.get(root_pid, [])), 0, 0
    while stack:
        pid = stack.pop()
        stack.extend(tree.get(pid, []))
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                cmd = fh.read()
        except OSError:
            continue
        if b"ipykernel" in cmd:
            rss = _vmrss(pid)
            if rss:
                total += rss
                count += 1
    return total, count


def _vmrss(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def run_class(students: int = 10, notebooks: list[Path] | None = None) -> ClassRun:
    """Run every lesson for ``students`` concurrent students; sample kernel memory meanwhile."""
    names = [p.name for p in (notebooks or lesson_notebooks())]
    peak = {"kb": 0, "kernels": 0}
    done = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while not done.is_set():
            kb, n = kernel_rss_kb(me)
            peak["kb"] = max(peak["kb"], kb)
            peak["kernels"] = max(peak["kernels"], n)
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    try:
        # "spawn", not fork: the calling process may run threads (a browser-test session,
        # asyncio), and forking a threaded process can leave the workers deadlocked.
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=students, mp_context=spawn) as pool:
            futures = [pool.submit(_student, i, names) for i in range(students)]
            sampler.start()
            results = [f.result() for f in futures]
    finally:
        done.set()
        if sampler.is_alive():
            sampler.join()
    return ClassRun(
        students, time.perf_counter() - started, peak["kb"] / 1024, peak["kernels"], results
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10)
    args = parser.parse_args(argv)
    lessons = lesson_notebooks()
    print(f"{args.students} students x {len(lessons)} lessons, {os.cpu_count()} CPU cores")
    run = run_class(args.students, lessons)
    for i, rs in enumerate(run.results):
        slowest = max(rs, key=lambda r: r.seconds)
        print(
            f"student {i:2d}: {sum(r.seconds for r in rs):6.1f} s for {len(rs)} lessons "
            f"(slowest {slowest.notebook} {slowest.seconds:.1f} s), "
            f"{sum(1 for r in rs if r.error)} failed"
        )
    print(f"\nwall time: {run.wall_seconds:.1f} s")
    print(f"peak live kernels: {run.peak_kernels}")
    print(
        f"peak total kernel memory (sum of VmRSS, sampled every 0.25 s): {run.peak_total_rss_mb:.0f} MB"
    )
    if run.peak_kernels:
        print(f"  = about {run.peak_total_rss_mb / run.peak_kernels:.0f} MB per kernel")
    for i, r in run.failures:
        print(f"FAILED student {i} {r.notebook}: {r.error.splitlines()[-1] if r.error else ''}")
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
