#!/usr/bin/env python3
"""The in-process floor: the notebooks' own code, without kernels or papermill (a report, no assertions).

For every registered run, the notebook's code cells are exec'd in one warm Python process, in a fresh
namespace, with the run's parameters injected after the ``parameters`` cell as papermill does. The
floor is the sum of the runs' times divided by the number of cores: no scheduler can finish the
registered runs faster on this machine. It is measured twice, with today's ``vnjp.headline`` and with
the row-by-row rule it replaced (tests/headline_reference.py), and ``headline()`` alone is timed on each
resource both ways. Each time is the best of ``--rounds`` (the machine may be busy: the best is the
least disturbed). Figures go to a temporary folder; figures/ and build/ are not touched.

Not timed: starting Python, importing pandas/matplotlib/vnjp (done once, before timing), rendering
cell outputs (the last expression of a cell is evaluated but not rendered; ``display`` does nothing).

Usage:
    python benchmarks/bench_floor.py [--rounds 3] [--only NAME ...] [--no-reference] [--json]
    python benchmarks/bench_floor.py --profile flows-en [--top 25]   # cProfile one run (current rule)
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib.util
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def registry() -> list:
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REGISTRY


def cells(notebook: Path, parameters: dict) -> list[tuple[str, object]]:
    """The notebook's code cells compiled, with papermill's injected-parameters cell after the cell
    tagged ``parameters``; each as (label, code object)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    out = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        out.append((f"{notebook.name}[{i}]", compile(source, f"{notebook.name}[{i}]", "exec")))
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            injected = "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
            out.append((f"{notebook.name}[{i}] injected", compile(injected, "injected-parameters", "exec")))
    return out


def run_in_process(run) -> float:
    """Seconds to exec ``run``'s notebook code in a fresh namespace (figures closed afterwards)."""
    import matplotlib.pyplot as plt

    code = cells(ROOT / run.notebook, run.parameters)
    namespace = {"__name__": "__main__", "display": lambda *a, **k: None}
    with contextlib.redirect_stdout(io.StringIO()):  # a kernel captures what cells print, too
        started = time.perf_counter()
        for _, obj in code:
            exec(obj, namespace)
        seconds = time.perf_counter() - started
    plt.close("all")
    return seconds


@contextlib.contextmanager
def reference_rule():
    """Swap the row-by-row rule (tests/headline_reference.py) in wherever the package imported the rule."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import headline_reference as reference
    finally:
        sys.path.pop(0)
    from vnjp import headline as rule

    names = ("headline", "faint_rows", "alternatives", "rank_rows")
    modules = [m for name, m in sorted(sys.modules.items()) if name.split(".")[0] == "vnjp"]  # all imported by now
    saved = [(m, n, getattr(m, n)) for m in modules for n in names if getattr(m, n, None) is getattr(rule, n)]
    for module, name, _ in saved:
        setattr(module, name, getattr(reference, name))
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


def best(function, rounds: int) -> float:
    return min(function() for _ in range(rounds))


def floor(runs: list, rounds: int) -> dict[str, float]:
    return {run.name: best(lambda: run_in_process(run), rounds) for run in runs}


def floor_both(runs: list, rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """The floor with the current and with the row-by-row rule, each run timed both ways back to back
    (so that a change in the machine's load between two passes does not pass for a speed-up)."""
    now, before = {}, {}
    for _ in range(rounds):
        for run in runs:
            seconds = run_in_process(run)
            now[run.name] = min(now.get(run.name, seconds), seconds)
            with reference_rule():
                seconds = run_in_process(run)
            before[run.name] = min(before.get(run.name, seconds), seconds)
    return now, before


def headline_alone(rounds: int, reference: bool) -> dict[str, float]:
    from vnjp import data
    from vnjp import headline as rule

    sources = data.load("sources")
    out = {}
    with reference_rule() if reference else contextlib.nullcontext():
        for resource, keys in rule.QUANTITY_KEYS.items():
            rows = data.load(resource)

            def once() -> float:
                started = time.perf_counter()
                rule.headline(rows, sources, keys)
                return time.perf_counter() - started

            out[resource] = best(once, rounds)
    return out


def profile(run, top: int) -> None:
    profiler = cProfile.Profile()
    code = cells(ROOT / run.notebook, run.parameters)
    namespace = {"__name__": "__main__", "display": lambda *a, **k: None}
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        profiler.enable()
        for _, obj in code:
            exec(obj, namespace)
        profiler.disable()
    total = time.perf_counter() - started
    print(f"profile of {run.name} in-process: {total:.2f} s (with profiler overhead)")
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(top)
        print(text.getvalue())
    text = io.StringIO()  # the package's own functions, whatever their rank overall
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(r"src/vnjp/", top)
    print(text.getvalue().replace(str(ROOT) + "/", ""))


def warm_up() -> None:
    """Import what every notebook imports, so that no run pays for it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import pandas  # noqa: F401

    import vnjp  # noqa: F401
    from vnjp import claims, data, departures, economy, figures, flows, labels  # noqa: F401
    for resource in ("departures", "residents_japan", "economy", "timeline", "sources", "claims"):
        data.load(resource)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="run names (default: every registered run)")
    parser.add_argument("--no-reference", action="store_true", help="skip the row-by-row rule's floor")
    parser.add_argument("--json", action="store_true", help="print one JSON object (for bench_runs.py)")
    parser.add_argument("--profile", metavar="RUN", help="cProfile one run with the current rule and stop")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    runs = registry()
    if args.only:
        runs = [r for r in runs if r.name in args.only]
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update({"VNJP_FIGURES_DIR": f"{tmp}/figures", "VNJP_BUILD_DIR": f"{tmp}/build",
                           "MPLBACKEND": "Agg"})
        os.makedirs(f"{tmp}/work")
        os.chdir(f"{tmp}/work")
        warm_up()
        if args.profile:
            profile(next(r for r in runs if r.name == args.profile), args.top)
            return
        result = {"cores": cores, "rounds": args.rounds, "load_average": os.getloadavg()[0]}
        if args.no_reference:
            result["floor"] = floor(runs, args.rounds)
        else:
            result["floor"], result["floor_reference"] = floor_both(runs, args.rounds)
        result["headline"] = headline_alone(args.rounds, reference=False)
        if not args.no_reference:
            result["headline_reference"] = headline_alone(args.rounds, reference=True)
        result["load_average_after"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(result))
        return
    report(result)


def report(result: dict) -> None:
    cores = result["cores"]
    print(f"cores: {cores}  rounds: {result['rounds']} (best of)  load average before/after: "
          f"{result['load_average']:.1f}/{result['load_average_after']:.1f}"
          + ("  -- BUSY machine: compare ratios, not seconds" if result["load_average"] > cores / 2 else ""))
    ref = result.get("floor_reference", {})
    print(f"{'run':18} {'now s':>8} {'row-by-row s':>13}")
    for name, seconds in result["floor"].items():
        print(f"{name:18} {seconds:8.2f} {ref.get(name, float('nan')):13.2f}")
    total = sum(result["floor"].values())
    line = f"{'sum':18} {total:8.2f}"
    if ref:
        line += f" {sum(ref.values()):13.2f}"
    print(line)
    print(f"floor = sum / {cores} cores: {total / cores:.2f} s", end="")
    if ref:
        old = sum(ref.values()) / cores
        print(f"   (row-by-row rule: {old:.2f} s; {1 - total / sum(ref.values()):.0%} lower)")
    else:
        print()
    print("headline() alone, best of rounds:")
    for resource, seconds in result["headline"].items():
        old = result.get("headline_reference", {}).get(resource)
        extra = f"   row-by-row {old:.3f} s  ({old / seconds:.0f}x)" if old else ""
        print(f"  {resource:16} {seconds:.4f} s{extra}")


if __name__ == "__main__":
    main()
