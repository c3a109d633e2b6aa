"""Run the registered notebooks with papermill and regenerate the figures.

``run_all.py`` at the top of the repository holds the registry (which notebook runs
with which parameters, and which figures and data each run has) and calls :func:`main`.

What a run does, in order:

1. Its parameters (registry values, then ``-p`` overrides) are checked against the
   notebook's ``parameters`` cell before any kernel starts: an unknown name or a value of
   the wrong type stops everything with a message naming the run and the parameter.
2. Its cache key is the hash of everything that can change its figures: the notebook's
   cells, the parameters, the data files it declares (and their foreign-key targets and
   ``datapackage.json``), the package's source, ``requirements.txt``. A run whose key and
   figures are unchanged is skipped (``--force`` runs it anyway).
3. It executes in a forked worker process with its own working directory under
   ``build/runs/<run>/``; figures go to a staging folder there; the executed notebook is
   saved beside them (with papermill's error banner when a cell fails), and rendered to
   HTML with its code hidden (``notebook.html``, for the report).
4. Only when the notebook finished, wrote exactly the figures the registry lists and read
   no undeclared data, are its figures renamed into ``figures/`` (one atomic rename each).
   A failure, a timeout or Ctrl-C leaves the previous figures untouched.
5. ``build/runs/<run>/run.json`` records the run's outcome: its cache key, status, error and
   the digest of each figure it produced. A skipped run keeps the executed notebook and the
   record of the run that made its figures (a run counts as current only if that record is
   there); the report (:mod:`vnjp.report`) reads these records and is assembled after the
   runs, from what they left, without executing anything.

This module avoids importing pandas or papermill until a notebook has to run, so that a
run with nothing to do returns in a fraction of a second.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from . import paths

RUNNER_VERSION = "1"  # bump to invalidate every cache entry
FIGURE_EXTS = (".png", ".svg")


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class Run:
    """One notebook executed with one parameter set.

    ``figures`` are file stems the run must write (``{param}`` placeholders are filled
    from the effective parameters); each stem yields ``.png`` and ``.svg``.
    ``data`` are the data-package resources the notebook reads.
    """

    name: str
    notebook: str
    parameters: dict = field(default_factory=dict)
    figures: tuple[str, ...] = ()
    data: tuple[str, ...] = ()

    def with_parameters(self, overrides: dict) -> "Run":
        return dataclasses.replace(self, parameters={**self.parameters, **overrides})

    def figure_files(self) -> list[str]:
        stems = [stem.format(**self.parameters) for stem in self.figures]
        return sorted(stem + ext for stem in stems for ext in FIGURE_EXTS)


def in_both_languages(name: str, notebook: str, parameters: dict | None = None, *,
                      figures: tuple[str, ...] = (), data: tuple[str, ...] = ()) -> list[Run]:
    """The English and the Vietnamese run of a notebook (``<name>-en``, ``<name>-vi``)."""
    return [Run(f"{name}-{lang}", notebook, {**(parameters or {}), "lang": lang}, tuple(figures), tuple(data))
            for lang in ("en", "vi")]


# --------------------------------------------------------------------------- parameters


class ParameterError(ValueError):
    """A parameter the notebook does not declare, or a value of the wrong type or outside its domain."""


def notebook_parameters(notebook: Path) -> dict[str, object]:
    """Name -> default value of every parameter (``papermill.inspect_notebook``; see :mod:`vnjp.params`)."""
    from . import params

    try:
        return {name: p["default"] for name, p in params.inspect(notebook).items()}
    except params.DomainError as exc:
        raise ParameterError(str(exc)) from None


def parse_cli_value(domain: dict, text: str) -> object:
    """A ``-p NAME VALUE`` string as the type the parameter's domain declares."""
    from . import params

    return params.parse(domain, text)


def check_parameters(run: Run, root: Path, cli: list[tuple[str, str]] = ()) -> Run:
    """``run`` with ``-p`` overrides applied: names and types always checked (fast, the notebook's
    JSON only); with overrides, every value also against its domain (:mod:`vnjp.params`, which may
    read data/), so a value outside it stops the run before any kernel starts."""
    from . import params

    try:
        declared = params.domains(root / run.notebook)
    except params.DomainError as exc:
        raise ParameterError(str(exc)) from None
    overrides = {}
    for name, text in cli:
        if name not in declared:
            raise ParameterError(f"run '{run.name}': {run.notebook} has no parameter '{name}' "
                                 f"(it declares: {', '.join(sorted(declared))})")
        try:
            overrides[name] = parse_cli_value(declared[name], text)
        except (ValueError, SyntaxError):
            raise ParameterError(f"run '{run.name}': parameter '{name}' expects {declared[name].get('type', 'str')}, "
                                 f"got '{text}' (domain: {params.describe(declared[name])})") from None
    run = run.with_parameters(overrides)
    for name, value in run.parameters.items():
        if name not in declared:
            raise ParameterError(f"run '{run.name}': {run.notebook} has no parameter '{name}' "
                                 f"(it declares: {', '.join(sorted(declared))})")
        if not params.type_ok(declared[name], value):
            raise ParameterError(f"run '{run.name}': parameter '{name}' expects "
                                 f"{declared[name].get('type', 'str')}, got {value!r}")
    if cli:
        try:
            params.check(run.name, declared, run.parameters)
        except params.DomainError as exc:
            raise ParameterError(str(exc)) from None
    return run


# --------------------------------------------------------------------------- inputs and cache


def declared_data_files(resources: tuple[str, ...], data_dir: Path) -> list[Path]:
    """The files behind ``resources``: each resource, its foreign-key targets, the descriptor."""
    package = data_dir / "datapackage.json"
    if not resources:
        return []
    by_name = {r["name"]: r for r in json.loads(package.read_text(encoding="utf-8"))["resources"]}
    out, todo = {package.resolve()}, list(resources)
    while todo:
        name = todo.pop()
        if name not in by_name:
            raise ParameterError(f"registry names data resource '{name}', which {package} does not describe")
        out.add((data_dir / by_name[name]["path"]).resolve())
        todo.extend(fk["reference"]["resource"] for fk in by_name[name]["schema"].get("foreignKeys", []))
    return sorted(out)


def _hash_file(h, path: Path) -> None:
    h.update(str(path.name).encode() + b"\0")
    h.update(path.read_bytes())
    h.update(b"\0")


def notebook_code(notebook: Path) -> str:
    """The cells' types and sources: what a run depends on (outputs and metadata are not)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return json.dumps([[c["cell_type"], "".join(c["source"])] for c in nb["cells"]], ensure_ascii=False)


def cache_key(run: Run, root: Path, data_dir: Path) -> str:
    h = hashlib.sha256()
    h.update(f"runner {RUNNER_VERSION}\0".encode())
    h.update(notebook_code(root / run.notebook).encode())
    h.update(json.dumps(run.parameters, sort_keys=True).encode())
    for path in declared_data_files(run.data, data_dir):
        _hash_file(h, path)
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".mplstyle"):
            _hash_file(h, path)
    requirements = root / "requirements.txt"
    if requirements.exists():
        _hash_file(h, requirements)
    return h.hexdigest()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cache_file(build: Path, run: Run) -> Path:
    return build / "cache" / f"{run.name}.json"


def is_current(run: Run, key: str, build: Path, figures: Path) -> bool:
    """Figures unchanged since a successful run with this key, whose outputs are still in build/."""
    entry = _cache_file(build, run)
    if not entry.exists():
        return False
    record = read_record(build, run)
    if not record or record.get("key") != key or record.get("status") != "ok":
        return False  # build/runs/<run>/ holds no successful run of these inputs (e.g. a -p override ran since)
    try:
        record = json.loads(entry.read_text(encoding="utf-8"))
    except ValueError:
        return False
    if record.get("key") != key or sorted(record.get("figures", {})) != run.figure_files():
        return False
    for name, digest in record["figures"].items():
        path = figures / name
        if not path.exists() or _sha(path) != digest:
            return False
    return True


def _remember(run: Run, key: str, build: Path, figures: Path) -> None:
    entry = _cache_file(build, run)
    entry.parent.mkdir(parents=True, exist_ok=True)
    record = {"key": key, "figures": {n: _sha(figures / n) for n in run.figure_files()}}
    tmp = entry.with_suffix(".tmp")
    tmp.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, entry)


# --------------------------------------------------------------------------- execution


@dataclass
class Result:
    run: str
    status: str  # ok, skipped, failed, timeout, interrupted
    seconds: float = 0.0
    figures: int = 0
    cell: str = ""
    error: str = ""
    notebook: str = ""


def _run_dir(build: Path, run: Run) -> Path:
    return build / "runs" / run.name


NOTEBOOK_HTML = "notebook.html"  # the executed notebook as an HTML fragment, code hidden
RECORD = "run.json"


def read_record(build: Path, run: Run) -> dict | None:
    """The outcome of the last finished run of ``run`` in ``build`` (None: never finished)."""
    try:
        return json.loads((_run_dir(build, run) / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_record(run: Run, key: str, res: Result, build: Path, figure_dir: Path) -> None:
    rdir = _run_dir(build, run)
    record = {"run": run.name, "key": key, "status": res.status, "cell": res.cell, "error": res.error,
              "parameters": run.parameters, "notebook": Path(run.notebook).name,
              "figures": {n: _sha(figure_dir / n) for n in run.figure_files()} if res.status == "ok" else {}}
    tmp = rdir / (RECORD + ".tmp")
    tmp.write_text(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, rdir / RECORD)


def _render_html(executed: Path, rdir: Path) -> None:
    """Write the executed notebook as an HTML fragment for the report; never fails the run."""
    try:
        from .report import notebook_fragment

        (rdir / NOTEBOOK_HTML).write_text(notebook_fragment(executed), encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 -- the report says the page is missing; the run stands
        print(f"could not render {executed} to HTML: {type(exc).__name__}: {exc}", file=sys.stderr)


def _child(run: Run, root: Path, build: Path, data_dir: Path, result_path: Path) -> None:
    """Body of the forked worker: execute one notebook, write a JSON result, exit."""
    os.setpgrp()  # Ctrl-C reaches the parent only; the parent stops the workers itself
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    out: dict = {"status": "failed"}
    try:
        import papermill  # noqa: F401 -- imported in the parent already when preloaded
        from papermill.exceptions import PapermillExecutionError

        rdir = _run_dir(build, run)
        work, stage = rdir / "work", rdir / "figures"
        for d in (work, stage):
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
        # The kernel inherits this stderr: its warnings go to a log beside the run, not the terminal.
        log_fd = os.open(rdir / "kernel.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log_fd, 2)
        reads = rdir / "reads.log"
        reads.unlink(missing_ok=True)
        os.environ.update({
            "VNJP_FIGURES_DIR": str(stage),
            "VNJP_DATA_DIR": str(data_dir),
            "VNJP_BUILD_DIR": str(build),
            "VNJP_READS_LOG": str(reads),
            "MPLBACKEND": "Agg",
            "PYTHONHASHSEED": "0",
        })
        executed = rdir / Path(run.notebook).name
        try:
            papermill.execute_notebook(
                str(root / run.notebook), str(executed), parameters=run.parameters,
                cwd=str(work), kernel_name="python3", progress_bar=False, log_output=False,
            )
            out = {"status": "ok"}
        except PapermillExecutionError as exc:
            out = {"status": "failed", "cell": str(exc.exec_count or exc.cell_index),
                   "error": f"{exc.ename}: {exc.evalue}".splitlines()[0][:300]}
        if executed.exists():
            _render_html(executed, rdir)
    except BaseException as exc:  # noqa: BLE001 -- report anything, the parent decides
        out = {"status": "failed", "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:300]}
    result_path.write_text(json.dumps(out), encoding="utf-8")
    os._exit(0)


def _descendants(pid: int) -> list[int]:
    """Processes below ``pid`` (Linux /proc); the kernel runs in a session of its own."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        for kid in children.get(todo.pop(), []):
            out.append(kid)
            todo.append(kid)
    return out


def _kill_tree(pid: int) -> None:
    for p in [*_descendants(pid), pid]:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _finish(run: Run, raw: dict, seconds: float, root: Path, build: Path, figures: Path,
            data_dir: Path, promote: bool) -> Result:
    rdir = _run_dir(build, run)
    executed = rdir / Path(run.notebook).name
    res = Result(run.name, raw.get("status", "failed"), seconds, 0, raw.get("cell", ""), raw.get("error", ""),
                 str(executed) if executed.exists() else "")
    if res.status != "ok":
        return res
    stage = rdir / "figures"
    written = sorted(p.name for p in stage.iterdir() if not p.name.startswith("."))
    expected = run.figure_files()
    if written != expected:
        missing = sorted(set(expected) - set(written))
        extra = sorted(set(written) - set(expected))
        res.status = "failed"
        res.error = "figures differ from the registry: " + "; ".join(
            part for part in (f"missing {', '.join(missing)}" if missing else "",
                              f"not registered {', '.join(extra)}" if extra else "") if part)
        return res
    declared = set(declared_data_files(run.data, data_dir))
    reads_log = rdir / "reads.log"
    read = {Path(line).resolve() for line in reads_log.read_text().split()} if reads_log.exists() else set()
    undeclared = sorted(str(p.relative_to(data_dir.resolve())) for p in read - declared
                        if p.is_relative_to(data_dir.resolve()))
    if undeclared:
        res.status = "failed"
        res.error = f"read data not declared in the registry: {', '.join(undeclared)}"
        return res
    if promote:
        figures.mkdir(parents=True, exist_ok=True)
        for name in written:
            os.replace(stage / name, figures / name)
    res.figures = len(written)
    return res


def execute(runs: list[Run], *, root: Path, build: Path, figures: Path, data_dir: Path, jobs: int,
            timeout: float | None, force: bool, promote: bool = True, progress: bool = False) -> list[Result]:
    """Execute ``runs`` (skipping current ones unless ``force``), at most ``jobs`` at once."""
    import multiprocessing

    results: dict[str, Result] = {}
    todo: deque[tuple[Run, str]] = deque()
    for run in runs:
        key = cache_key(run, root, data_dir)
        if not force and is_current(run, key, build, figures):
            results[run.name] = Result(run.name, "skipped", figures=0)
        else:
            todo.append((run, key))
    total, done = len(todo), 0
    if todo:
        import papermill  # noqa: F401 -- load once here; forked workers inherit it
        from nbconvert import HTMLExporter  # noqa: F401 -- likewise, for the notebook pages

        ctx = multiprocessing.get_context("fork")
        active: dict[str, tuple] = {}
        try:
            while todo or active:
                while todo and len(active) < max(1, jobs):
                    run, key = todo.popleft()
                    rdir = _run_dir(build, run)
                    rdir.mkdir(parents=True, exist_ok=True)
                    result_path = rdir / "result.json"
                    for stale in (result_path, rdir / RECORD, rdir / NOTEBOOK_HTML):
                        stale.unlink(missing_ok=True)
                    proc = ctx.Process(target=_child, args=(run, root, build, data_dir, result_path))
                    proc.start()
                    active[run.name] = (run, key, proc, time.monotonic(), result_path)
                time.sleep(0.02)
                for name, (run, key, proc, started, result_path) in list(active.items()):
                    elapsed = time.monotonic() - started
                    if proc.is_alive():
                        if timeout is not None and elapsed > timeout:
                            _kill_tree(proc.pid)
                            proc.join()
                            res = _finish(run, {"status": "timeout", "error": f"timed out after {timeout:g} s"},
                                          elapsed, root, build, figures, data_dir, promote)
                            _write_record(run, key, res, build, figures)
                        else:
                            continue
                    else:
                        proc.join()
                        _kill_tree(proc.pid)  # a kernel left behind by a crashed worker
                        raw = (json.loads(result_path.read_text()) if result_path.exists()
                               else {"status": "failed", "error": f"worker exited with code {proc.exitcode}"})
                        res = _finish(run, raw, elapsed, root, build, figures, data_dir, promote)
                        _write_record(run, key, res, build, figures if promote else _run_dir(build, run) / "figures")
                        if res.status == "ok" and promote:
                            _remember(run, key, build, figures)
                    del active[name]
                    results[name] = res
                    done += 1
                    if progress:
                        print(f"[{done}/{total}] {res.run}: {res.status} ({res.seconds:.1f} s)", file=sys.stderr,
                              flush=True)
        except KeyboardInterrupt:
            for name, (run, _key, proc, started, _rp) in active.items():
                _kill_tree(proc.pid)
                proc.join()
                results[name] = Result(name, "interrupted", time.monotonic() - started)
            for run, _key in todo:
                results[run.name] = Result(run.name, "interrupted")
            raise Interrupted([results[r.name] for r in runs if r.name in results]) from None
    return [results[r.name] for r in runs]


class Interrupted(Exception):
    def __init__(self, results: list[Result]):
        super().__init__("interrupted")
        self.results = results


# --------------------------------------------------------------------------- reporting


def summary_table(results: list[Result]) -> str:
    header = ("run", "status", "seconds", "figures", "cell", "error")
    rows = [(r.run, r.status, f"{r.seconds:.1f}", str(r.figures), r.cell, r.error) for r in results]
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) if rows else len(header[i])
              for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [row[i].ljust(widths[i]) for i in range(len(widths))] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    failed = [r for r in results if r.status in ("failed", "timeout")]
    for r in failed:
        if r.notebook:
            lines.append(f"executed notebook of {r.run}: {r.notebook}")
    return "\n".join(lines)


def compare_figures(produced: Path, committed: Path, expected: list[str], all_runs: bool) -> list[str]:
    """Names of figures whose bytes differ, are missing, or are committed but produced by no run."""
    problems = []
    for name in expected:
        new, old = produced / name, committed / name
        if not new.exists():
            problems.append(f"{name}: not produced")
        elif not old.exists():
            problems.append(f"{name}: not committed in {committed.name}/")
        elif new.read_bytes() != old.read_bytes():
            problems.append(f"{name}: differs from the committed file")
    if all_runs and committed.exists():
        for path in sorted(committed.iterdir()):
            if path.suffix in FIGURE_EXTS and path.name not in expected:
                problems.append(f"{path.name}: committed but produced by no registered run")
    return problems


# --------------------------------------------------------------------------- command line


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="run_all.py",
        description="Run the registered notebooks with papermill and regenerate figures/.")
    p.add_argument("--list", action="store_true", help="print the registry (runs, parameters, figures, data) and exit")
    p.add_argument("--only", nargs="+", metavar="RUN",
                   help="run only these runs (names from --list; a name without -en/-vi selects both languages)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="override a notebook parameter for the selected runs (checked against its parameters cell)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers (default: CPU count)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds allowed for one whole notebook (default 600)")
    p.add_argument("--force", action="store_true", help="run even when inputs are unchanged")
    p.add_argument("--check", action="store_true",
                   help="regenerate into a temporary folder and compare with the committed figures; "
                        "exit 1 naming any that differ")
    p.add_argument("--report", metavar="DIR", type=Path,
                   help="where to assemble the report (default: build/report; with --check, no report "
                        "unless DIR is given: then it shows what the check regenerated)")
    p.add_argument("--no-report", action="store_true", help="do not assemble the report")
    return p


def select(registry: list[Run], only: list[str] | None) -> list[Run]:
    if not only:
        return list(registry)
    names = {r.name for r in registry}
    chosen = []
    for want in only:
        hits = [r for r in registry if r.name == want or r.name.rsplit("-", 1)[0] == want]
        if not hits:
            raise ParameterError(f"no run named '{want}' (runs: {', '.join(sorted(names))})")
        chosen.extend(h for h in hits if h not in chosen)
    return chosen


def format_registry(registry: list[Run]) -> str:
    from . import params

    lines = []
    for r in registry:
        try:
            domains = params.domains(Path(paths.ROOT) / r.notebook)
        except (OSError, params.DomainError):
            domains = {}
        described = "".join(f"\n    {k}={v!r}: {params.describe(domains[k]) if k in domains else '?'}"
                            for k, v in r.parameters.items())
        fixed = [k for k in domains if k not in r.parameters]
        if fixed:
            described += "".join(f"\n    {k} (notebook default): {params.describe(domains[k])}" for k in fixed)
        lines.append(f"{r.name}\n  notebook:   {r.notebook}\n  parameters:{described or ' -'}\n"
                     f"  data:       {', '.join(r.data) or '-'}\n  figures:    {', '.join(r.figure_files())}")
    return "\n".join(lines)


def main(registry: list[Run], argv: list[str] | None = None, *, root: Path | None = None) -> int:
    args = build_parser().parse_args(argv)
    root = Path(root or paths.ROOT)
    data_dir = paths.data_dir()
    build = paths.build_dir()
    figures = paths.figures_dir()
    if args.list:
        print(format_registry(registry))
        return 0
    try:
        runs = [check_parameters(r, root, args.parameter) for r in select(registry, args.only)]
    except ParameterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    progress = sys.stderr.isatty()
    report_dir = None if args.no_report else args.report or (None if args.check else build / "report")
    if report_dir is not None and args.parameter:
        print("report not assembled: -p overrides make runs the registry does not describe", file=sys.stderr)
        report_dir = None
    try:
        if args.check:
            with tempfile.TemporaryDirectory(prefix="check-", dir=_ensure(build)) as tmp:
                check_build = Path(tmp)
                results = execute(runs, root=root, build=check_build, figures=check_build / "unused",
                                  data_dir=data_dir, jobs=args.jobs, timeout=args.timeout, force=True,
                                  promote=False, progress=progress)
                produced = check_build / "all-figures"
                produced.mkdir()
                for r in runs:
                    stage = _run_dir(check_build, r) / "figures"
                    if stage.exists():
                        for f in stage.iterdir():
                            shutil.copy2(f, produced / f.name)
                print(summary_table(results))
                report_ok = report_dir is None or _report(registry, root, check_build, produced, data_dir, report_dir)
                expected = sorted({f for r in runs for f in r.figure_files()})
                problems = compare_figures(produced, figures, expected, all_runs=not args.only)
                if any(r.status not in ("ok",) for r in results):
                    problems.append("some runs failed (see the table above)")
                if not report_ok:
                    problems.append("the report could not be assembled")
                if problems:
                    print("figures are not current:\n  " + "\n  ".join(problems))
                    return 1
                print(f"all {len(expected)} figures match the committed files")
                return 0
        results = execute(runs, root=root, build=build, figures=figures, data_dir=data_dir, jobs=args.jobs,
                          timeout=args.timeout, force=args.force, progress=progress)
    except Interrupted as exc:
        print(summary_table(exc.results))
        print("interrupted: figures of unfinished runs were left as they were", file=sys.stderr)
        return 130
    print(summary_table(results))
    report_ok = report_dir is None or _report(registry, root, build, figures, data_dir, report_dir)
    return 0 if report_ok and all(r.status in ("ok", "skipped") for r in results) else 1


def _report(registry: list[Run], root: Path, build: Path, figures: Path, data_dir: Path, out: Path) -> bool:
    """Assemble the report of the whole registry from what the runs left in ``build``; print where it is."""
    from . import report

    try:
        built = report.assemble(registry, root=root, build=build, figures=figures, data_dir=data_dir, out=out)
    except Exception as exc:  # noqa: BLE001 -- say what went wrong; the figures stand
        print(f"report not assembled: {type(exc).__name__}: {exc}", file=sys.stderr)
        return False
    print(built.summary())
    return True


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
