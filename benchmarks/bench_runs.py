#!/usr/bin/env python3
"""Time the registered runs three ways and print the figures (no assertions: a report).

(a) a plain sequential loop of the `papermill` command line, one call per run;
(b) `run_all.py --force` (parallel forked workers, papermill imported once);
(c) `run_all.py` with nothing changed (every run skipped by the cache);
(d) the in-process floor: the notebooks' own code exec'd in one warm process, summed / cores
    (benchmarks/bench_floor.py, which also compares the headline rule before and after).

Figures and build output go to a temporary folder; the committed figures/ are not touched.
Usage: python benchmarks/bench_runs.py [--jobs N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def registry():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REGISTRY


def timed(cmd, env) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    runs = registry()
    papermill = str(Path(sys.executable).with_name("papermill"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "VNJP_FIGURES_DIR": f"{tmp}/figures", "VNJP_BUILD_DIR": f"{tmp}/build"}
        started = time.perf_counter()
        for run in runs:
            params = [x for k, v in run.parameters.items() for x in ("-p", k, str(v))]
            command = [papermill, "--no-progress-bar", "--cwd", tmp, run.notebook, f"{tmp}/{run.name}.ipynb", *params]
            subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sequential = time.perf_counter() - started
        forced = timed([sys.executable, "run_all.py", "--force", "--jobs", str(args.jobs)], env)
        cached = timed([sys.executable, "run_all.py", "--jobs", str(args.jobs)], env)
    measured = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_floor.py"), "--json", "--no-reference",
                               "--rounds", "1"], cwd=ROOT, check=True, capture_output=True, text=True)
    floor = sum(json.loads(measured.stdout)["floor"].values()) / (os.cpu_count() or 1)
    load = os.getloadavg()[0]
    print(f"runs: {len(runs)}  jobs: {args.jobs}  cores: {os.cpu_count()}")
    print(f"(a) sequential papermill CLI : {sequential:7.2f} s")
    print(f"(b) run_all.py --force       : {forced:7.2f} s   (b)/(a) = {forced / sequential:.2f}  target <= 0.35")
    print(f"(c) run_all.py, no change    : {cached:7.2f} s   target < 0.50 s")
    print(f"(d) in-process floor         : {floor:7.2f} s   (b)/(d) = {forced / floor:.2f}  target <= 1.2")
    if load > (os.cpu_count() or 1) / 2:
        print(f"load average {load:.1f}: the machine was busy; compare ratios, not seconds")


if __name__ == "__main__":
    main()
