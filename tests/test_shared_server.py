"""A class on one shared server: 10 students run every lesson at the same time, and all pass.

Each student is a process with its own temp copy of the teaching files, running every lesson
on a fresh kernel (see benchmarks/shared_server.py, which also prints the peak memory). The
lessons must not interfere with each other: no shared files, no fixed ports, no writes into
the kit. The memory and time figures are printed, not asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from shared_server import lesson_notebooks, run_class  # noqa: E402

STUDENTS = 10


def test_ten_students_run_every_lesson_at_once(capsys):
    lessons = lesson_notebooks()
    if not lessons:
        pytest.fail("no lesson notebooks (notebooks/NN_*.ipynb) found")
    run = run_class(STUDENTS, lessons)
    failures = [
        f"student {i}: {r.notebook}: {r.error.splitlines()[-1] if r.error else ''}"
        for i, r in run.failures
    ]
    assert not failures, "\n".join(failures)
    assert len(run.results) == STUDENTS
    for results in run.results:
        assert sorted(r.notebook.split("/")[-1] for r in results) == [p.name for p in lessons]
    # They really ran side by side: several kernels were alive at the same moment.
    assert run.peak_kernels >= STUDENTS // 2, f"only {run.peak_kernels} kernels at once"
    with capsys.disabled():
        print(
            f"\n[shared server] {STUDENTS} students x {len(lessons)} lessons: "
            f"{run.wall_seconds:.0f} s wall, peak {run.peak_kernels} kernels, "
            f"peak kernel memory {run.peak_total_rss_mb:.0f} MB"
        )
