"""The modules that cost most to import before cunwu's login dialog paints.

Runs `python -X importtime -m desktop` under the start-up probe (it prints
"shown" at the first painted login dialog, then quits) a few times on a demo
village and prints the top modules by cumulative import time (median over the
runs; a parent's figure includes its children). Only imports finished before
"shown" count: what loads after the first paint is not start-up time. A
diagnostic for the start-up bench, not a target.

Run with `python -m tests.bench.import_top [--runs N] [--top N] [--data-dir DIR]`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from tests.bench.run import ROOT, child_env


def parse_importtime(output: str) -> dict[str, tuple[int, int]]:
    """`{module: (self µs, cumulative µs)}` from `-X importtime` output, up to the line "shown"."""
    found = {}
    for line in output.splitlines():
        if line.strip() == "shown":
            break
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        found[name.strip()] = (int(own), int(cumulative))
    return found


def measure(data_dir: Path, runs: int, cache_dir: Path) -> dict[str, tuple[float, float]]:
    """Median (self ms, cumulative ms) per module over `runs` probe starts."""
    env = dict(child_env(cache_dir), CUNWU_STARTUP_PROBE="1")
    env.pop("CUNWU_PROBE_LOGIN", None)
    samples: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index in range(runs + 1):  # the first run only warms the page and bytecode caches
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop",
                               "--data-dir", str(data_dir)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,  # one pipe keeps the order
                              text=True, env=env, cwd=ROOT, timeout=120)
        if proc.returncode != 0 or "shown" not in proc.stdout.splitlines():
            raise RuntimeError(f"probe start failed ({proc.returncode}):\n{proc.stdout[-2000:]}")
        if index > 0:
            for name, figures in parse_importtime(proc.stdout).items():
                samples[name].append(figures)
    return {name: (statistics.median(s for s, _c in figs) / 1000,
                   statistics.median(c for _s, c in figs) / 1000)
            for name, figs in samples.items()}


def main(argv: list[str] | None = None) -> int:
    """Print the top modules by cumulative import time, and the total."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="an initialised data folder (default: a fresh demo village)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cunwu-imports-") as tmp:
        data = args.data_dir
        if data is None:
            data = Path(tmp) / "data"
            for cmd in (["init", "village", "--name", "青山村", "--code", "330106001001"], ["demo"]):
                subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *cmd],
                               check=True, capture_output=True, cwd=ROOT)
        figures = measure(data, args.runs, Path(tmp) / "pycache")
    top = sorted(figures.items(), key=lambda item: item[1][1], reverse=True)[:args.top]
    print(f"{'module':<48} {'cumul. ms':>9} {'self ms':>8}")
    print("-" * 67)
    for name, (own, cumulative) in top:
        print(f"{name:<48} {cumulative:>9.1f} {own:>8.1f}")
    print("-" * 67)
    print(f"{len(figures)} modules imported before the first paint; "
          f"sum of self times {sum(s for s, _c in figures.values()):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
