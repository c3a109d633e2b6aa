#!/usr/bin/env python3
"""Time the registered runs every way issue 13 asks, in one invocation, and print a table (a report: no assertions).

Parts (``--parts``, default all):

loop   the sequential ``papermill`` command line, one call per registered run;
force  ``run_all.py --force --no-report``, then ``run_all.py --force`` twice: the first writes the report
       from scratch (HTML and both PDFs), the second finds a report whose inputs did not change;
floor  the in-process floor: the notebooks' own code exec'd in one warm process, summed / cores
       (``benchmarks/bench_floor.py``);
noop   ``run_all.py`` with nothing to do, at 10 and 100 runs (``--noop-sizes``): a synthetic checkout in a
       temporary folder whose registry repeats one small notebook with distinct parameters and figure names
       (it declares two real data resources, so their hashing is paid as in the real registry); run once to
       fill the cache, then timed ``--noop-rounds`` times (best, and median);
dask   ``run_all.py --force --no-report --executor dask`` (a LocalCluster) against the local executor, with
       a byte comparison of the figures, when ``run_all.py --help`` offers ``--executor``; else "not available".

While loop, force and dask run, every process below the timed one is sampled (``/proc/<pid>/status``,
VmHWM: the resident-set high-water mark) every 0.1 s; kernels (command line naming ipykernel) and
workers are reported apart, max and median over processes. Each heavy part is timed ``--rounds`` times
(best of). The table ends with the ratios against the issue's goals, pass or fail.

Figures and build output go to temporary folders; the committed figures/ and build/ are not touched.
The machine (cores, CPU model, RAM), the date and the load average before and after are printed: on a
busy machine compare ratios, not seconds.

Usage: python benchmarks/bench_runs.py [--parts loop force floor noop dask] [--rounds 1] [--jobs N]
                                       [--noop-sizes 10 100] [--noop-rounds 7] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("loop", "force", "floor", "noop", "dask")
GOALS = {"force_vs_loop": 0.35, "force_vs_floor": 1.2, "noop_10": 0.15, "noop_100": 0.30, "dask_vs_local": 1.3,
         "kernel_mb": 250.0}
QUIET = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def registry():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REGISTRY


# --------------------------------------------------------------------------- the machine


def machine() -> dict:
    def first(path: str, prefix: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"

    ram = first("/proc/meminfo", "MemTotal")
    ram_gb = f"{int(ram.split()[0]) / 2**20:.1f} GB" if ram != "?" else "?"
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "?"
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cores": os.cpu_count(),
            "cpu": first("/proc/cpuinfo", "model name"), "ram": ram_gb, "python": platform.python_version(),
            "commit": commit, "bytecode_cache": "off (PYTHONDONTWRITEBYTECODE)"
            if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"}


# --------------------------------------------------------------------------- peak memory


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            out.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return out


class PeakMemory:
    """Samples VmHWM of every process below ``pid`` until stopped: {pid: (role, MB)}."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval = pid, interval
        self.peaks: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        children, todo = _children(), [self.pid]
        while todo:
            for kid in children.get(todo.pop(), []):
                todo.append(kid)
                try:
                    status = Path(f"/proc/{kid}/status").read_text()
                    cmdline = Path(f"/proc/{kid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue
                hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
                if not hwm:
                    continue
                role = "kernel" if "ipykernel" in cmdline or "kernel" in cmdline.split("/")[-1] else "worker"
                old = self.peaks.get(kid, (role, 0.0))[1]
                self.peaks[kid] = (role, max(old, hwm / 1024))

    def stop(self) -> dict[str, list[float]]:
        self._stop.set()
        self._thread.join()
        out: dict[str, list[float]] = {"kernel": [], "worker": []}
        for role, mb in self.peaks.values():
            out[role].append(mb)
        return out


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict, memory: dict | None = None, cwd: Path = ROOT, cpu: list | None = None) -> float:
    """Seconds ``cmd`` took (it must succeed); the peak memory of its processes is added to ``memory``, the
    CPU seconds it and its children used to ``cpu``."""
    before = cpu_of_children()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, **QUIET)
    sampler = PeakMemory(proc.pid) if memory is not None else None
    code = proc.wait()
    seconds = time.perf_counter() - started
    if cpu is not None:
        cpu.append(cpu_of_children() - before)
    if sampler is not None:
        for role, values in sampler.stop().items():
            memory.setdefault(role, []).extend(values)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}")
    return seconds


def best_of(rounds: int, function) -> float:
    return min(function() for _ in range(rounds))


# --------------------------------------------------------------------------- parts


def part_loop(runs, rounds: int, memory: dict) -> float:
    papermill = str(Path(sys.executable).with_name("papermill"))

    def once() -> float:
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "VNJP_FIGURES_DIR": f"{tmp}/figures", "VNJP_BUILD_DIR": f"{tmp}/build"}
            total = 0.0
            for run in runs:
                params = [x for k, v in run.parameters.items() for x in ("-p", k, str(v))]
                total += timed([papermill, "--no-progress-bar", "--cwd", tmp, run.notebook,
                                f"{tmp}/{run.name}.ipynb", *params], env, memory)
            return total

    return best_of(rounds, once)


def part_force(jobs: int, rounds: int, memory: dict) -> dict[str, float]:
    out: dict[str, list[float]] = {"no_report": [], "report_cold": [], "report_warm": []}
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "VNJP_FIGURES_DIR": f"{tmp}/figures", "VNJP_BUILD_DIR": f"{tmp}/build"}
            base = [sys.executable, "run_all.py", "--force", "--no-wait", "--jobs", str(jobs)]
            out["no_report"].append(timed([*base, "--no-report"], env, memory))
            out["report_cold"].append(timed(base, env, memory))
            out["report_warm"].append(timed(base, env, memory))
    return {k: min(v) for k, v in out.items()}


def part_floor(rounds: int) -> float:
    measured = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_floor.py"), "--json", "--no-reference",
                               "--rounds", str(rounds)], cwd=ROOT, check=True, capture_output=True, text=True)
    return sum(json.loads(measured.stdout)["floor"].values()) / (os.cpu_count() or 1)


NOOP_NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Synthetic run for the no-op benchmark"]},
        {"cell_type": "code", "execution_count": None, "outputs": [],
         "metadata": {"tags": ["parameters"], "vnjp": {"domain": {
             "n": {"type": "int", "range": [0, 100000]}, "lang": {"type": "str", "choices": ["en", "vi"]}}}},
         "source": ["n = 0  # which synthetic run\n", 'lang = "en"  # language of the figure'], },
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": ["from vnjp import figures\n",
                    "fig, ax = figures.new_figure(f'Synthetic run {n}')\n",
                    "figures.no_data(fig, ax, lang, f'synthetic run {n}', resources=('timeline',))\n",
                    "figures.save(fig, f'noop_{n}', lang, None, alt=f'An empty synthetic figure, number {n}.')"]},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                 "language_info": {"name": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}

NOOP_RUN_ALL = '''import sys
from pathlib import Path

from vnjp.runner import Run, main

REGISTRY = [Run(f"noop{n}-{lang}", "notebooks/noop.ipynb", {"n": n, "lang": lang}, ("noop_{n}_{lang}",),
                ("timeline", "sources"))
            for n in range(HALF) for lang in ("en", "vi")]

if __name__ == "__main__":
    sys.exit(main(REGISTRY, root=Path(__file__).parent))
'''


def part_noop(size: int, jobs: int, rounds: int) -> dict[str, list[float]]:
    """Best and median seconds, and best CPU seconds, of ``run_all.py`` with nothing to do, in a synthetic
    checkout of ``size`` runs: as the environment says (``as_is``) and, when it turns Python's bytecode cache
    off (PYTHONDONTWRITEBYTECODE), also with the cache on (``bytecode``: every module then compiled once,
    not at every start, as in a usual installation)."""
    with tempfile.TemporaryDirectory() as tmp:
        checkout = Path(tmp)
        (checkout / "notebooks").mkdir()
        (checkout / "notebooks" / "noop.ipynb").write_text(json.dumps(NOOP_NOTEBOOK, indent=1), encoding="utf-8")
        (checkout / "run_all.py").write_text(NOOP_RUN_ALL.replace("HALF", str((size + 1) // 2)), encoding="utf-8")
        (checkout / "requirements.txt").write_bytes((ROOT / "requirements.txt").read_bytes())
        env = {**os.environ, "VNJP_FIGURES_DIR": f"{tmp}/figures", "VNJP_BUILD_DIR": f"{tmp}/build",
               "VNJP_DATA_DIR": str(ROOT / "data")}
        command = [sys.executable, "run_all.py", "--no-wait", "--jobs", str(jobs)]
        subprocess.run(command, cwd=checkout, env=env, check=True, **QUIET)  # fill the cache and the report
        subprocess.run(command, cwd=checkout, env=env, check=True, **QUIET)  # settle the digest memo
        out = {}
        variants = {"as_is": env}
        if env.get("PYTHONDONTWRITEBYTECODE"):
            variants["bytecode"] = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
            subprocess.run(command, cwd=checkout, env=variants["bytecode"], check=True, **QUIET)  # compile once
        for name, variant in variants.items():
            cpu: list[float] = []
            times = [timed(command, variant, cwd=checkout, cpu=cpu) for _ in range(rounds)]
            out[name] = [min(times), statistics.median(times), min(cpu)]
        last = subprocess.run(command, cwd=checkout, env=env, check=True, capture_output=True, text=True).stdout
        if " ok " in last or "report (written" in last:
            raise RuntimeError(f"the no-op of {size} runs did work:\n{last}")
    return out


def dask_available() -> bool:
    shown = subprocess.run([sys.executable, "run_all.py", "--help"], cwd=ROOT, capture_output=True, text=True).stdout
    return "--executor" in shown


def part_dask(jobs: int, rounds: int, memory: dict) -> dict:
    local, dask, identical = [], [], True
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            times = {}
            for name, extra in (("local", []), ("dask", ["--executor", "dask"])):
                env = {**os.environ, "VNJP_FIGURES_DIR": f"{tmp}/{name}/figures",
                       "VNJP_BUILD_DIR": f"{tmp}/{name}/build"}
                times[name] = timed([sys.executable, "run_all.py", "--force", "--no-wait", "--no-report", "--jobs",
                                     str(jobs), *extra], env, memory if name == "dask" else None)
            local.append(times["local"])
            dask.append(times["dask"])
            a, b = Path(tmp, "local", "figures"), Path(tmp, "dask", "figures")
            names = sorted(p.name for p in a.iterdir())
            identical &= names == sorted(p.name for p in b.iterdir()) and all(
                (a / n).read_bytes() == (b / n).read_bytes() for n in names)
    return {"local": min(local), "dask": min(dask), "identical": identical}


# --------------------------------------------------------------------------- the table


def verdict(ratio: float, goal: float) -> str:
    return f"{'pass' if ratio <= goal else 'FAIL'} (goal <= {goal:g})"


def report(r: dict) -> str:
    m = r["machine"]
    lines = [f"date: {m['date']}   commit: {m['commit']}   python {m['python']}, bytecode cache {m['bytecode_cache']}",
             f"machine: {m['cores']} cores, {m['cpu']}, {m['ram']} RAM",
             f"load average (1 min) before/after: {r['load_before']:.2f} / {r['load_after']:.2f}"
             + ("   -- BUSY machine: the seconds are indicative; compare ratios"
                if max(r["load_before"], r["load_after"]) > (m["cores"] or 1) / 2 else ""),
             f"registered runs: {r['runs']}   --jobs {r['jobs']}   rounds: {r['rounds']} (best of)", ""]
    row = "{:<58} {:>9}  {}"
    lines.append(row.format("", "seconds", ""))
    loop, force, floor = r.get("loop"), r.get("force"), r.get("floor")
    if loop is not None:
        lines.append(row.format("(a) sequential papermill CLI, one call per run", f"{loop:.2f}", ""))
    if force:
        for key, label in (("no_report", "(b) run_all.py --force --no-report"),
                           ("report_cold", "(b') run_all.py --force, report written from scratch"),
                           ("report_warm", "(b'') run_all.py --force, report's inputs unchanged")):
            lines.append(row.format(label, f"{force[key]:.2f}", f"{force[key] / loop:.2f} x (a)" if loop else ""))
    if floor is not None:
        lines.append(row.format("(d) in-process floor (bench_floor.py), summed / cores", f"{floor:.2f}", ""))
    for size, variants in sorted(r.get("noop", {}).items(), key=lambda kv: int(kv[0])):
        for name, (best, median, cpu) in variants.items():
            label = f"(c) run_all.py, nothing to do, {size} runs" + (", bytecode cached" if name == "bytecode" else "")
            lines.append(row.format(label, f"{best:.3f}", f"median {median:.3f}, CPU {cpu:.3f} s"))
    if "dask" in r:
        d = r["dask"]
        if d is None:
            lines.append(row.format("(e) --executor dask (LocalCluster)", "n/a", "not available in run_all.py"))
        elif "error" in d:
            lines.append(row.format("(e) --executor dask (LocalCluster)", "n/a", f"failed: {d['error']}"))
        else:
            lines.append(row.format("(e) --executor dask (LocalCluster), --no-report", f"{d['dask']:.2f}",
                                    f"local executor {d['local']:.2f}; figures identical: {d['identical']}"))
    mem = r.get("memory", {})
    for role in ("kernel", "worker"):
        values = mem.get(role) or []
        if values:
            lines.append(f"peak RSS per {role} (VmHWM, {len(values)} processes): max {max(values):.0f} MB, "
                         f"median {statistics.median(values):.0f} MB")
    lines += ["", "goals (issue 13):"]
    if force and loop:
        for key in ("report_warm", "no_report"):
            lines.append(f"  force ({key}) / loop  = {force[key] / loop:.2f}   " + verdict(force[key] / loop,
                                                                                        GOALS["force_vs_loop"]))
    if force and floor:
        for key in ("report_warm", "no_report"):
            lines.append(f"  force ({key}) / floor = {force[key] / floor:.2f}   " + verdict(force[key] / floor,
                                                                                         GOALS["force_vs_floor"]))
    for size, goal in (("10", GOALS["noop_10"]), ("100", GOALS["noop_100"])):
        for name, measured in r.get("noop", {}).get(size, {}).items():
            how = " (bytecode cache on)" if name == "bytecode" else ""
            lines.append(f"  no-op at {size} runs{how} = {measured[0]:.3f} s   " + verdict(measured[0], goal))
    if r.get("dask") and "error" not in r["dask"]:
        d = r["dask"]
        lines.append(f"  dask / local = {d['dask'] / d['local']:.2f}   " + verdict(d["dask"] / d["local"],
                                                                                  GOALS["dask_vs_local"])
                     + f"; figures identical: {'pass' if d['identical'] else 'FAIL'}")
    if mem.get("kernel"):
        top = max(mem["kernel"])
        lines.append(f"  peak memory per kernel = {top:.0f} MB   "
                     f"{'pass' if top <= GOALS['kernel_mb'] else 'FAIL'} (goal <= {GOALS['kernel_mb']:g} MB)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=1, help="rounds of loop, force, floor and dask (best of)")
    parser.add_argument("--noop-sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--noop-rounds", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = parser.parse_args()
    runs = registry()
    r: dict = {"machine": machine(), "load_before": os.getloadavg()[0], "runs": len(runs), "jobs": args.jobs,
               "rounds": args.rounds, "memory": {}}
    if "loop" in args.parts:
        r["loop"] = part_loop(runs, args.rounds, r["memory"])
    if "force" in args.parts:
        r["force"] = part_force(args.jobs, args.rounds, r["memory"])
    if "floor" in args.parts:
        r["floor"] = part_floor(args.rounds)
    if "noop" in args.parts:
        r["noop"] = {str(n): part_noop(n, args.jobs, args.noop_rounds) for n in args.noop_sizes}
    if "dask" in args.parts:
        try:
            r["dask"] = part_dask(args.jobs, args.rounds, r["memory"]) if dask_available() else None
        except RuntimeError as exc:  # e.g. dask not installed (pip install -e ".[dask]")
            r["dask"] = {"error": str(exc)}
    r["load_after"] = os.getloadavg()[0]
    if args.json:
        args.json.write_text(json.dumps(r, indent=1), encoding="utf-8")
    print(report(r))


if __name__ == "__main__":
    main()
