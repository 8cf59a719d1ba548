"""How quickly each main widget answers a student: median and p95 callback time.

    python benchmarks/widget_latency.py            # ~50 changes per control
    python benchmarks/widget_latency.py --changes 200

Each app is built in plain Python (as the tests do) and one control is changed repeatedly,
always to a different value; the time from setting the value to the callback returning (the
Output or HTML filled) is measured with ``time.perf_counter``. Target: median <= 50 ms.
This is the kernel-side cost; the browser tests (tests/browser) print the end-to-end time
from a click to the page showing the new content.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TARGET_MEDIAN_MS = 50.0


def option_values(dropdown) -> list:
    return [o[1] if isinstance(o, tuple) else o for o in dropdown.options]


def cycle_values(values: list, current, n: int) -> list:
    """``n`` values from ``values`` in turn, each different from the one before."""
    if len(values) < 2:
        raise ValueError("need at least two values to change between")
    out, last, i = [], current, 0
    while len(out) < n:
        v = values[i % len(values)]
        i += 1
        if v != last:
            out.append(v)
            last = v
    return out


def time_changes(setter: Callable[[object], None], values: list) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds for each ``setter(value)`` (the callbacks run inside it).

    CPU time hardly changes when other programs share the machine; wall time does.
    """
    wall, cpu = [], []
    for v in values:
        t0, c0 = time.perf_counter(), time.process_time()
        setter(v)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def controls(corpus, n: int) -> dict[str, tuple[Callable, list]]:
    """Each main control: (setter, values to set), built on one shared corpus."""
    from kit.explore import ActorExplorer, ClaimsExplorer
    from kit.incentives import IncentivesApp
    from kit.policy import GameApp, WeighApp
    from kit.reader import ReaderApp
    from kit.timeline import TimelineApp

    out: dict[str, tuple[Callable, list]] = {}
    reader = ReaderApp(corpus)
    out["reader: article"] = (
        lambda v: setattr(reader.article, "value", v),
        cycle_values(option_values(reader.article), reader.article.value, n),
    )
    actors = ActorExplorer(corpus)
    out["actors: country filter"] = (
        lambda v: setattr(actors.country, "value", v),
        cycle_values(option_values(actors.country), actors.country.value, n),
    )
    claims = ClaimsExplorer(corpus)
    out["claims: speaker"] = (
        lambda v: setattr(claims.speaker, "value", v),
        cycle_values(option_values(claims.speaker), claims.speaker.value, n),
    )
    timeline = TimelineApp(corpus)
    lo, hi = timeline.years.min, timeline.years.max
    spans = [(lo + k, hi - k) for k in range(0, max(1, (hi - lo) // 2), max(1, (hi - lo) // 20))]
    out["timeline: year slider"] = (
        lambda v: setattr(timeline.years, "value", v),
        cycle_values(spans, timeline.years.value, n),
    )
    incentives = IncentivesApp(corpus=corpus)
    out["incentives: country"] = (
        lambda v: setattr(incentives.country, "value", v),
        cycle_values(option_values(incentives.country), incentives.country.value, n),
    )
    weigh = WeighApp()
    slider = next(iter(weigh.weights.values()))
    out["weigh: weight slider"] = (
        lambda v: setattr(slider, "value", v),
        cycle_values(list(range(slider.min, slider.max + 1)), slider.value, n),
    )
    game = GameApp()
    out["game: your move"] = (
        lambda v: setattr(game.move, "value", v),
        cycle_values(option_values(game.move), game.move.value, n),
    )
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50)
    args = parser.parse_args(argv)
    import matplotlib

    matplotlib.use("Agg")
    import kit

    corpus = kit.load_corpus()
    t0 = time.perf_counter()
    built = controls(corpus, args.changes)
    print(f"apps built in {time.perf_counter() - t0:.1f} s (tables precomputed once)")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'control':28} {'changes':>7} {'median ms':>10} {'p95 ms':>8} {'median CPU ms':>14}")
    worst = 0.0
    for name, (setter, values) in built.items():
        times, cpu = time_changes(setter, values)
        median = statistics.median(times)
        worst = max(worst, median)
        flag = "" if median <= TARGET_MEDIAN_MS else "  (over 50 ms target)"
        print(
            f"{name:28} {len(times):7d} {median:10.1f} {p95(times):8.1f} "
            f"{statistics.median(cpu):14.1f}{flag}"
        )
    print(f"\nslowest median: {worst:.1f} ms (target <= {TARGET_MEDIAN_MS:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
