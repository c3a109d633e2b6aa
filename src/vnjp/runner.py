"""Run the registered notebooks with papermill and regenerate the figures.

``run_all.py`` at the top of the repository holds the registry (which notebook runs
with which parameters, and which figures and data each run has) and calls :func:`main`.

What a run does, in order:

1. Its parameters (registry values, then ``-p`` overrides) are checked against the
   notebook's ``parameters`` cell before any kernel starts: an unknown name or a value of
   the wrong type stops everything with a message naming the run and the parameter.
2. One ``run_all.py`` at a time per checkout: it holds ``build/.lock`` (an ``flock`` with its
   PID written in it) while it works; a second one waits, or with ``--no-wait`` exits 2 naming
   the PID that holds it. The lock dies with its holder, so a stale lock is simply taken over.
3. Its cache key (:func:`vnjp.records.cache_key`) is the hash of everything that can change its
   figures. A run whose key and figures are those of its last *successful* run is skipped
   (``--force`` runs it anyway); a failed attempt never erases that record (``last_ok/``).
4. It executes in a worker process (:class:`ForkExecutor`, the one piece to swap for another
   executor) with its own working directory under ``build/runs/<run>/``; figures go to a
   staging folder there; the executed notebook is saved beside them (with papermill's error
   banner when a cell fails), and rendered to HTML with its code hidden (``notebook.html``).
   The worker enforces the whole-notebook timeout itself and dies with the parent however the
   parent dies (a watchdog thread polling the parent, a parent-death signal); its kernel dies
   with it. The parent's own timeout is a backstop.
5. Only when the notebook finished, wrote exactly the figures the registry lists and read
   no undeclared data, are its figures promoted into ``figures/`` as a set: every file is
   replaced, or, when one cannot be, the ones already replaced are restored from backups and
   the run fails with a one-line reason. A failure, a timeout or Ctrl-C leaves the previous
   figures untouched. A run with ``-p`` overrides is not the registry's: its figures and
   notebook stay in ``build/overrides/<run>-<hash of parameters>/`` and never reach ``figures/``.
   A registered run (and ``--check``, which regenerates the committed figures) runs with
   ``VNJP_FIGCHECK=strict``: ``figures.save`` fails on a figure :mod:`vnjp.figcheck` finds
   problems in; a run with ``-p`` overrides gets its figures with a warning instead.
6. ``run.json`` records how the attempt ended (:mod:`vnjp.records`); the report
   (:mod:`vnjp.report`) reads these records and is assembled after the runs, from what they
   left, without executing anything. It never deletes a file it did not write: the report
   folder, like every run folder, carries a marker (:func:`vnjp.records.claim_dir`).

What a run costs above its notebook's own code is kept small (the speed issue, item 2):

* **Warm kernels** (:mod:`vnjp.kernels`). The executor first starts a *zygote*, a process that imports
  ipykernel, pandas, matplotlib and vnjp once; each run's kernel is a fresh process forked from it
  (``kernel_manager_class`` of papermill/nbclient), used for that run only and killed after it. No
  state can pass from one run to the next: the zygote never runs notebook code (``tests/test_kernels.py``
  runs a notebook that changes module attributes, ``rcParams``, the environment, the working directory,
  ``sys.modules`` and global names, then one that finds none of it). A zygote that is gone, or whose
  start-up variables (``PYTHONHASHSEED``, ``MPLBACKEND``, ...) differ from the run's, is refused and a
  cold kernel starts instead; ``VNJP_COLD_KERNELS=1`` asks for cold kernels.
* **Fewer saves.** papermill rewrites the whole executed notebook (inline PNGs included) before and
  after every cell; here it is saved when the notebook and each code cell start (so that the file on
  disk names the running cell for :func:`running_cell`) and at the end.
* **No wait at the end**: the kernel is shut down at once (its run is over; nothing it holds is needed).
* **Imports and templates once**: the zygote imports while this process imports papermill and warms the
  HTML exporter of the notebook pages (:func:`_warm_html`); forked workers inherit both.

This module avoids importing pandas or papermill until a notebook has to run, so that a
run with nothing to do returns in a fraction of a second.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import hashlib
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import paths, schedule
from .records import (  # noqa: F401 -- Run, RUNNER_VERSION and cache_key are part of this module's interface
    FIGURE_EXTS,
    NOTEBOOK_HTML,
    RECORD,
    TABLES,
    RUNNER_VERSION,
    InputError,
    NotOwned,
    Run,
    _remember,
    _write_record,
    cache_key,
    claim_dir,
    declared_data_files,
    is_current,
    parameters_hash,
    remembered_digests,
    restore_last_ok,
    run_dir,
    run_env,
)

# the entries a run folder from before ownership markers may hold (it is still the runner's)
RUN_DIR_ENTRIES = ("work", "figures", TABLES, "backup", "last_ok", RECORD, RECORD + ".tmp", "result.json",
                   "result.json.tmp", NOTEBOOK_HTML, "kernel.log", "reads.log")


# --------------------------------------------------------------------------- registry


def in_both_languages(name: str, notebook: str, parameters: dict | None = None, *,
                      figures: tuple[str, ...] = (), data: tuple[str, ...] = ()) -> list[Run]:
    """The English and the Vietnamese run of a notebook (``<name>-en``, ``<name>-vi``)."""
    return [Run(f"{name}-{lang}", notebook, {**(parameters or {}), "lang": lang}, tuple(figures), tuple(data))
            for lang in ("en", "vi")]


LANG_SUFFIXES = ("en", "vi")
_MEMBER_VALUE = re.compile(r"[A-Za-z0-9_.]+")


def grid(name: str, notebook: str, parameters: dict | None = None, *, over: dict[str, Iterable],
         figures: tuple[str, ...] = (), data: tuple[str, ...] = ()) -> list[Run]:
    """A run of ``notebook`` for every combination of the values in ``over``, in both languages.

    Each member is a run of its own (own name, figures, cache entry and record): for
    ``grid("destinations-year", ..., over={"year": (2015, 2016)})`` the runs are
    ``destinations-year-2015-en``, ``destinations-year-2015-vi``, ``destinations-year-2016-en``, ...
    in the order of the values given (the first parameter of ``over`` varies slowest). ``--only
    destinations-year`` selects them all, ``--only destinations-year-2016`` one member in both
    languages. Every figure stem must name every parameter of ``over`` (and ``{lang}``), otherwise two
    members would write the same file: that is refused here (:func:`figure_clashes` checks the
    whole registry).
    """
    axes = list(over)
    values = [sorted(over[axis]) for axis in axes]  # members in order (by year)
    if not axes or any(not v for v in values):
        raise ValueError(f"grid '{name}': no values to run over")
    for stem in figures:
        missing = [a for a in [*axes, "lang"] if "{" + a + "}" not in stem]
        if missing:
            raise ValueError(f"grid '{name}': figure '{stem}' does not name {', '.join(missing)}: "
                             f"every member would write the same file")
    runs: list[Run] = []
    for combo in itertools.product(*values):
        label = "-".join(str(v) for v in combo)
        if not all(_MEMBER_VALUE.fullmatch(str(v)) for v in combo):
            raise ValueError(f"grid '{name}': value {label!r} cannot be part of a run name")
        runs += [dataclasses.replace(run, grid=name, member=label)
                 for run in in_both_languages(f"{name}-{label}", notebook, {**(parameters or {}),
                                                                            **dict(zip(axes, combo))},
                                              figures=figures, data=data)]
    if len({r.name for r in runs}) != len(runs):
        raise ValueError(f"grid '{name}': values repeat")
    return runs


def figure_clashes(registry: list[Run]) -> list[str]:
    """Problems that make a registry unusable: two runs of one name, two runs writing one figure file."""
    problems, names, writers = [], set(), {}
    for run in registry:
        if run.name in names:
            problems.append(f"two runs are named '{run.name}'")
        names.add(run.name)
        for name in run.figure_files():
            if name in writers and writers[name] != run.name:
                problems.append(f"runs '{writers[name]}' and '{run.name}' both write figures/{name}")
            writers.setdefault(name, run.name)
    return problems


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



# --------------------------------------------------------------------------- one run_all.py per checkout

LOCK = ".lock"


class Busy(Exception):
    """Another run_all.py holds the checkout's lock (and --no-wait was given)."""


def _lock_holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "?"
    except OSError:
        return "?"


def acquire_lock(build: Path, *, wait: bool, say: Callable[[str], None] = print) -> int:
    """Hold ``build/.lock`` (returns its file descriptor; closing it releases the lock).

    A lock file left by a process that died holds no ``flock`` any more: it is taken over.
    """
    import fcntl

    path = build / LOCK
    try:
        build.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        what = "it is not a folder" if build.exists() and not build.is_dir() else exc.strerror or str(exc)
        raise InputError(f"cannot use {build} as the build folder: {what}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _lock_holder(path)
            if not wait:
                raise Busy(f"another run_all.py (PID {holder}) is running in this checkout ({path}); "
                           f"wait for it to end, or run without --no-wait to wait") from None
            say(f"waiting for run_all.py PID {holder} to finish (it holds {path}) ...")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except BaseException:
        os.close(fd)
        raise
    return fd


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
    output: str = ""  # the folder of a run with -p overrides (its figures and notebook)


@dataclass
class Job:
    """One run to execute: where it works (``rdir``) and where its figures go (``target``;
    None: they stay in ``rdir/figures``, as for ``--check`` and ``-p`` overrides). ``strict``: the
    registry's own values (a promoted run, or ``--check`` regenerating the committed figures), whose
    ``figures.save`` refuses a figure :mod:`vnjp.figcheck` finds problems in; None: strict when promoted."""

    run: Run
    key: str
    rdir: Path
    target: Path | None
    strict: bool | None = None

    @property
    def strict_figures(self) -> bool:
        return self.target is not None if self.strict is None else self.strict

    @property
    def stage(self) -> Path:
        return self.rdir / "figures"

    @property
    def executed(self) -> Path:
        return self.rdir / Path(self.run.notebook).name


def running_cell(executed: Path) -> str:
    """The execution count of the cell that was running when the notebook stopped ('' if none).

    That is the last code cell papermill started (it marks cells as they start and saves the
    notebook); a cell interrupted before the kernel numbered it gets the next number.
    """
    try:
        nb = json.loads(executed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    last, started = 0, ""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if (cell.get("metadata", {}).get("papermill") or {}).get("start_time"):
            started = str(cell.get("execution_count") or last + 1)
        last = cell.get("execution_count") or last
    return started


def _one_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else ""


def _render_html(executed: Path, rdir: Path) -> None:
    """Write the executed notebook as an HTML fragment for the report; never fails the run.

    The exporter is made once per process (:func:`vnjp.report.fragment_exporter`) and warmed in the
    executor's process before it forks workers (:func:`_warm_html`), so a worker does not load the
    templates again."""
    try:
        from .report import notebook_fragment

        tmp = rdir / (NOTEBOOK_HTML + ".tmp")
        tmp.write_text(notebook_fragment(executed), encoding="utf-8")
        os.replace(tmp, rdir / NOTEBOOK_HTML)
    except Exception as exc:  # noqa: BLE001 -- the report says the page is missing; the run stands
        print(f"could not render {executed} to HTML: {type(exc).__name__}: {exc}", file=sys.stderr)


def _warm_html() -> None:
    """Render a one-cell notebook once, so that forked workers inherit an exporter with its templates loaded."""
    try:
        import nbformat
        from nbformat.v4 import new_code_cell, new_notebook, new_output

        from .report import fragment_exporter

        cell = new_code_cell("1", outputs=[new_output("execute_result", {"text/plain": "1"}, execution_count=1)])
        nbformat.validate(new_notebook(cells=[cell]))  # loads the schema too
        fragment_exporter().from_notebook_node(new_notebook(cells=[cell]))
    except Exception:  # noqa: BLE001,S110 -- only a warm-up: a worker renders (or reports failing to) itself
        pass


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


def _kill_tree(pid: int, *, include_self: bool = True) -> None:
    for p in [*_descendants(pid), *([pid] if include_self else [])]:
        try:
            os.kill(p, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _die_with_parent(sig: int) -> None:
    """Ask Linux to send ``sig`` to this process when its parent dies (best effort)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, sig, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _write_result(path: Path, out: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(out), encoding="utf-8")
    os.replace(tmp, path)


def _child(job: Job, root: Path, data_dir: Path, result_path: Path, parent: int, timeout: float | None,
           close_fds: tuple[int, ...], build: Path, zygote: tuple[str, int] | None = None) -> None:
    """Body of the forked worker: execute one notebook, write a JSON result, exit.

    With ``zygote`` (its address and PID) the kernel is forked by that warm process
    (:mod:`vnjp.kernels`); it is not this worker's child, so stopping kills it by its PID."""
    os.setpgrp()  # Ctrl-C reaches the parent only; the parent stops the workers itself
    for fd in close_fds:  # the checkout lock stays with the parent alone
        with contextlib.suppress(OSError):
            os.close(fd)
    me = os.getpid()
    os.chdir(job.rdir)  # a worker is found (and cleaned up) by where it works

    def kill_kernel() -> None:
        from .kernels import LAUNCHED

        _kill_tree(me, include_self=False)  # a cold kernel (its own session) and anything it started
        for pid in LAUNCHED:  # a warm kernel, forked by the zygote, and anything it started
            _kill_tree(pid)

    def stop(code: int) -> None:
        kill_kernel()
        os._exit(code)

    signal.signal(signal.SIGTERM, lambda *_: stop(143))
    _die_with_parent(signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the line above
        stop(1)
    timed_out = threading.Event()
    started = time.monotonic()

    def watchdog() -> None:
        killed_at = None
        while True:
            time.sleep(0.2)
            if os.getppid() != parent:
                stop(1)
            now = time.monotonic()
            if timeout is not None and killed_at is None and now - started > timeout:
                timed_out.set()
                killed_at = now
                kill_kernel()  # papermill then sees a dead kernel and returns
            if killed_at is not None and now - killed_at > 20:  # it did not: end here
                _write_result(result_path, {"status": "timeout", "cell": running_cell(job.executed),
                                            "error": f"timed out after {timeout:g} s"})
                stop(0)

    threading.Thread(target=watchdog, daemon=True).start()
    out: dict = {"status": "failed"}
    try:
        import papermill  # noqa: F401 -- imported in the parent already when preloaded
        from papermill.exceptions import PapermillExecutionError

        rdir = job.rdir
        # The kernel inherits this stderr: its warnings go to a log beside the run, not the terminal.
        log_fd = os.open(rdir / "kernel.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log_fd, 2)
        reads = rdir / "reads.log"
        reads.unlink(missing_ok=True)
        os.environ.update(run_env(rdir, data_dir, build, strict_figures=job.strict_figures))
        from . import kernels

        warm = {"kernel_manager_class": kernels.kernel_manager_class(*zygote)} if zygote else {}
        try:
            papermill.execute_notebook(
                str(root / job.run.notebook), str(job.executed), parameters=job.run.parameters,
                cwd=str(rdir / "work"), kernel_name="python3", progress_bar=False, log_output=False,
                engine_name=kernels.lean_engine(), shutdown_kernel="immediate", **warm,
            )
            out = {"status": "ok"}
        except PapermillExecutionError as exc:
            out = {"status": "failed", "cell": str(exc.exec_count or exc.cell_index),
                   "error": _one_line(f"{exc.ename}: {exc.evalue}")}
        except Exception as exc:  # noqa: BLE001 -- a dead kernel, a kernel that never started, ...
            cell = running_cell(job.executed)
            if timed_out.is_set():
                out = {"status": "timeout", "cell": cell, "error": f"timed out after {timeout:g} s"}
            else:
                name = type(exc).__name__
                what = "the kernel died" if name == "DeadKernelError" else "the notebook stopped"
                out = {"status": "failed", "cell": cell,
                       "error": _one_line(f"{what}{' in cell ' + cell if cell else ''} ({name}: {exc})")}
        if job.executed.exists():
            _render_html(job.executed, rdir)
    except BaseException as exc:  # noqa: BLE001 -- report anything, the parent decides
        out = {"status": "failed", "error": _one_line(f"{type(exc).__name__}: {exc}")}
    _write_result(result_path, out)
    stop(0)


class ForkExecutor:
    """Executes jobs in forked worker processes, at most ``jobs`` at once.

    The seam between the runner and whatever runs notebooks: :meth:`results` takes the jobs
    (each with its run, its folder prepared by the caller) and yields ``(job, raw, seconds)``
    as each ends, where ``raw`` is ``{"status": "ok"|"failed"|"timeout", "cell": ..., "error": ...}``
    and the job's folder holds the executed notebook and its staged figures. Closing the
    iterator (or Ctrl-C inside it) stops every worker still running. Another executor (e.g. on
    Dask) only has to offer the same method.
    """

    def __init__(self, *, root: Path, data_dir: Path, jobs: int, timeout: float | None,
                 close_fds: tuple[int, ...] = (), build: Path | None = None, warm: bool | None = None):
        self.root, self.data_dir, self.jobs, self.timeout = root, data_dir, max(1, jobs), timeout
        self.build = build or paths.build_dir()
        self.close_fds = close_fds
        # warm kernels (vnjp.kernels) unless VNJP_COLD_KERNELS=1 (to compare, or to rule them out)
        self.warm = os.environ.get("VNJP_COLD_KERNELS", "") in ("", "0") if warm is None else warm

    GRACE = 30.0  # the worker enforces the timeout; the parent kills it only this much later

    def results(self, jobs: list[Job]) -> Iterator[tuple[Job, dict, float]]:
        import multiprocessing

        from .kernels import Zygote

        # The zygote first: it imports what kernels need while this process imports what workers need.
        zygote = Zygote.start() if self.warm and jobs else None
        try:
            yield from self._results(jobs, multiprocessing.get_context("fork"), zygote)
        finally:
            if zygote is not None:
                zygote.close()

    def _results(self, jobs: list[Job], ctx, zygote) -> Iterator[tuple[Job, dict, float]]:
        import papermill  # noqa: F401 -- load once here; forked workers inherit it

        _warm_html()  # likewise the notebook pages' exporter, its templates loaded
        todo = list(jobs)
        active: dict[str, tuple] = {}
        warm = (zygote.address, zygote.pid) if zygote is not None else None
        try:
            while todo or active:
                while todo and len(active) < self.jobs:
                    job = todo.pop(0)
                    result_path = job.rdir / "result.json"
                    proc = ctx.Process(target=_child, args=(job, self.root, self.data_dir, result_path, os.getpid(),
                                                            self.timeout, self.close_fds, self.build, warm))
                    proc.start()
                    active[job.run.name] = (job, proc, time.monotonic(), result_path)
                time.sleep(0.02)
                for name, (job, proc, started, result_path) in list(active.items()):
                    elapsed = time.monotonic() - started
                    if proc.is_alive():
                        if self.timeout is None or elapsed <= self.timeout + self.GRACE:
                            continue
                        _kill_tree(proc.pid)
                        proc.join()
                        raw = {"status": "timeout", "cell": running_cell(job.executed),
                               "error": f"timed out after {self.timeout:g} s"}
                        if job.executed.exists() and not (job.rdir / NOTEBOOK_HTML).exists():
                            _render_html(job.executed, job.rdir)
                    else:
                        proc.join()
                        _kill_tree(proc.pid)  # a kernel left behind by a crashed worker
                        try:
                            raw = json.loads(result_path.read_text())
                        except (OSError, ValueError):
                            raw = {"status": "failed", "cell": running_cell(job.executed),
                                   "error": f"worker exited with code {proc.exitcode}"}
                    del active[name]
                    yield job, raw, elapsed
        finally:
            for job, proc, _started, _rp in active.values():
                _kill_tree(proc.pid)
                proc.join()


# --------------------------------------------------------------------------- promotion


class PromoteError(Exception):
    """The figures of a run could not all be promoted; none was changed."""


def _replace_into(src: Path, dst: Path) -> None:
    try:
        os.replace(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        tmp = dst.with_name(f".{dst.name}.vnjp-tmp")  # across file systems: copy beside, then rename
        try:
            shutil.copyfile(src, tmp)
            os.replace(tmp, dst)
        finally:
            tmp.unlink(missing_ok=True)


def promote_set(names: list[str], stage: Path, target: Path, backup: Path) -> None:
    """Move ``stage/<names>`` into ``target``: all of them, or, if one fails, none.

    The files they replace are copied to ``backup`` first; when a replacement fails, those
    already replaced are restored from there (and new ones removed), and :class:`PromoteError`
    says which file could not be written.
    """
    def where(exc: OSError, path: Path) -> str:
        return f"{path}: {exc.strerror or type(exc).__name__}"

    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PromoteError(f"cannot write the figures folder {where(exc, target)}") from None
    shutil.rmtree(backup, ignore_errors=True)  # inside the run's own folder
    backup.mkdir(parents=True)
    for name in names:
        old = target / name
        try:
            if old.is_file():
                shutil.copyfile(old, backup / name)
        except OSError as exc:
            raise PromoteError(f"cannot back up {where(exc, old)}; no figure was changed") from None
    done: list[str] = []
    for name in names:
        try:
            _replace_into(stage / name, target / name)
        except OSError as exc:
            undone = []
            for prev in reversed(done):
                try:
                    if (backup / prev).exists():
                        _replace_into(backup / prev, target / prev)
                    else:
                        (target / prev).unlink()
                except OSError:
                    undone.append(prev)
            tail = (f"; could not restore {', '.join(undone)} (copies in {backup})" if undone
                    else "; no figure was changed")
            raise PromoteError(f"cannot replace {where(exc, target / name)}{tail}") from None
        done.append(name)
    shutil.rmtree(backup, ignore_errors=True)


def _finish(job: Job, raw: dict, seconds: float, data_dir: Path) -> Result:
    run, rdir = job.run, job.rdir
    res = Result(run.name, raw.get("status", "failed"), seconds, 0, raw.get("cell", ""), raw.get("error", ""),
                 str(job.executed) if job.executed.exists() else "")
    if res.status != "ok":
        return res
    stage = job.stage
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
    if job.target is not None:
        try:
            promote_set(written, stage, job.target, rdir / "backup")
        except PromoteError as exc:
            res.status, res.error = "failed", _one_line(str(exc))
            return res
    res.figures = len(written)
    return res


def _digests(names: list[str], folder: Path) -> dict[str, str]:

    return {n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in names}


def _prepare(job: Job) -> None:
    """Make the run's folder ready: ours (marked), with a clean work and staging folder."""
    claim_dir(job.rdir, "run folder", RUN_DIR_ENTRIES)
    for stale in (job.rdir / "result.json", job.rdir / RECORD, job.rdir / NOTEBOOK_HTML):
        stale.unlink(missing_ok=True)
    for d in (job.rdir / "work", job.stage, job.rdir / TABLES):
        shutil.rmtree(d, ignore_errors=True)  # inside a folder the runner owns
        d.mkdir(parents=True)


def execute(runs: list[Run], *, root: Path, build: Path, figures: Path, data_dir: Path, jobs: int,
            timeout: float | None, force: bool, promote: bool = True, progress: bool = False,
            place: Callable[[Run], Path] | None = None, executor=None, close_fds: tuple[int, ...] = (),
            strict: bool | None = None) -> list[Result]:
    """Execute ``runs`` (skipping current ones unless ``force``), at most ``jobs`` at once.

    ``place`` gives each run's folder (default ``build/runs/<run>``); with ``promote`` its
    figures go to ``figures``, otherwise they stay in the folder's ``figures/``. ``strict``: whether
    ``figures.save`` refuses a figure with problems (default: when promoting; see :class:`Job`).
    """
    place = place or (lambda run: run_dir(build, run))
    results: dict[str, Result] = {}
    todo: list[Job] = []
    durations: dict[str, float] = {}  # how long each run took last time (its records, before _prepare clears them)
    for run in runs:
        rdir = place(run)
        job = Job(run, cache_key(run, root, data_dir), rdir, figures if promote else None, strict)
        if not force and is_current(run, job.key, rdir, job.target or job.stage):
            restore_last_ok(rdir, run)
            results[run.name] = Result(run.name, "skipped")
            continue
        seconds = schedule.record_seconds(rdir)
        if seconds is not None:
            durations[run.name] = seconds
        try:
            _prepare(job)
        except NotOwned as exc:
            results[run.name] = Result(run.name, "failed", error=_one_line(str(exc)))
            continue
        todo.append(job)
    # longest first (runs never timed first of all), so that a long run does not end the job alone
    by_name = {job.run.name: job for job in todo}
    todo = [by_name[run.name] for run in schedule.order([job.run for job in todo], durations)]
    total, done = len(todo), 0
    if todo:
        executor = executor or ForkExecutor(root=root, data_dir=data_dir, jobs=jobs, timeout=timeout,
                                            close_fds=close_fds, build=build)
        finished: set[str] = set()
        stream = executor.results(todo)
        try:
            with contextlib.closing(stream):
                for job, raw, seconds in stream:
                    res = _finish(job, raw, seconds, data_dir)
                    folder = job.target or job.stage
                    digests = _digests(job.run.figure_files(), folder) if res.status == "ok" else {}
                    _write_record(job.run, job.key, res.status, res.cell, res.error, job.rdir, digests,
                                  seconds=res.seconds)
                    if res.status == "ok":
                        _remember(job.run, job.rdir)
                    results[job.run.name] = res
                    finished.add(job.run.name)
                    done += 1
                    if progress:
                        print(f"[{done}/{total}] {res.run}: {res.status} ({res.seconds:.1f} s)", file=sys.stderr,
                              flush=True)
        except KeyboardInterrupt:
            for job in todo:
                if job.run.name not in finished:
                    results[job.run.name] = Result(job.run.name, "interrupted")
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
    for r in results:
        if r.output:
            lines.append(f"figures and notebook of {r.run} with -p overrides: {r.output}")
    failed = [r for r in results if r.status in ("failed", "timeout")]
    for r in failed:
        if r.notebook:
            lines.append(f"executed notebook of {r.run}: {r.notebook}")
    return "\n".join(lines)


def git_tracked(folder: Path) -> set[str] | None:
    """Names of the files in ``folder`` that git tracks; None when that cannot be told (no git)."""
    try:
        proc = subprocess.run(["git", "ls-files", "-z", "--", "."], cwd=folder, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return {Path(p).name for p in proc.stdout.decode("utf-8", "replace").split("\0") if p and "/" not in p}


def compare_figures(produced: Path, committed: Path, expected: list[str], all_runs: bool,
                    tracked: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Problems (figures whose bytes differ, are missing, or are committed but produced by no run)
    and notes (untracked files no registered run produces; ``tracked`` None: not a git checkout,
    so every file present counts as committed)."""
    problems, notes = [], []
    for name in expected:
        new, old = produced / name, committed / name
        if not new.exists():
            problems.append(f"{name}: not produced")
        elif not old.exists():
            problems.append(f"{name}: not committed in {committed.name}/")
        elif tracked is not None and name not in tracked:
            problems.append(f"{name}: in {committed.name}/ but not committed (untracked)")
        elif new.read_bytes() != old.read_bytes():
            problems.append(f"{name}: differs from the committed file")
    if all_runs and committed.exists():
        for path in sorted(committed.iterdir()):
            if path.suffix in FIGURE_EXTS and path.name not in expected:
                if tracked is None or path.name in tracked:
                    problems.append(f"{path.name}: committed but produced by no registered run")
                else:
                    notes.append(f"{path.name}: untracked, produced by no registered run (not a committed figure)")
    return problems, notes


# --------------------------------------------------------------------------- command line


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="run_all.py",
        description="Run the registered notebooks with papermill and regenerate figures/.")
    p.add_argument("--list", action="store_true", help="print the registry (runs, parameters, figures, data) and exit")
    p.add_argument("--only", nargs="+", metavar="RUN",
                   help="run only these runs (names from --list; a name without -en/-vi selects both languages)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="override a notebook parameter for the selected runs (checked against its parameters cell); "
                        "figures and notebook then go to build/overrides/, never to figures/")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers (default: CPU count)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds allowed for one whole notebook (default 600)")
    p.add_argument("--force", action="store_true", help="run even when inputs are unchanged")
    p.add_argument("--check", action="store_true",
                   help="regenerate into a temporary folder and compare with the committed figures; "
                        "exit 1 naming any that differ")
    p.add_argument("--report", metavar="DIR", type=Path,
                   help="where to assemble the report (default: build/report; with --check, no report "
                        "unless DIR is given: then it shows what the check regenerated). DIR must be new, "
                        "empty or a report folder run_all.py wrote")
    p.add_argument("--no-report", action="store_true", help="do not assemble the report")
    p.add_argument("--no-wait", action="store_true",
                   help="if another run_all.py is running in this checkout, exit 2 instead of waiting for it")
    p.add_argument("--verbose", action="store_true", help="show the traceback of an unexpected error")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where notebooks run: local worker processes (default) or a Dask cluster "
                        "(needs pip install -e '.[dask]'; see vnjp.dask_executor)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --executor dask: the scheduler to use (e.g. tcp://host:8786); "
                        "without it a LocalCluster of --jobs workers is started and closed at the end")
    return p


def run_lang(run: Run) -> str:
    """The language suffix of a run's name ('' when it has none)."""
    tail = run.name.rsplit("-", 1)[-1]
    return tail if "-" in run.name and tail in LANG_SUFFIXES else ""


def select(registry: list[Run], only: list[str] | None) -> list[Run]:
    """The runs ``--only`` names: a run's name, its name without the language
    (both languages), a grid's name (every member), or a grid's name with a language."""
    if not only:
        return list(registry)
    names = {r.name for r in registry}
    grids = {r.grid for r in registry if r.grid}
    chosen = []
    for want in only:
        hits = [r for r in registry if r.name == want or r.name.rsplit("-", 1)[0] == want
                or (r.grid and (r.grid == want or f"{r.grid}-{run_lang(r)}" == want))]
        if not hits:
            known = sorted((names - {r.name for r in registry if r.grid}) | grids)
            raise ParameterError(f"no run named '{want}' (runs: {', '.join(known)}; grid members: "
                                 f"<grid>-<value>[-en|-vi], see --list)")
        chosen.extend(h for h in hits if h not in chosen)
    return chosen


def _years_text(values: list[str]) -> str:
    """'2006, 2007, 2009' -> '2006–2007, 2009' for integers (:func:`vnjp.params.compress`); others as they are."""
    from .params import compress

    return compress(int(v) for v in values) if values and all(v.isdigit() for v in values) else ", ".join(values)


def format_registry(registry: list[Run]) -> str:
    """The registry as text: each run with its parameters (and their domains), data and figures; a grid
    once, with the parameters it runs over, its figure pattern and its members."""
    from . import params

    lines, shown = [], set()
    domains_of: dict[str, dict] = {}

    def domains(notebook: str) -> dict:
        if notebook not in domains_of:
            try:
                domains_of[notebook] = params.domains(Path(paths.ROOT) / notebook)
            except (OSError, params.DomainError):
                domains_of[notebook] = {}
        return domains_of[notebook]

    for r in registry:
        if r.grid and r.grid in shown:
            continue
        doms = domains(r.notebook)
        if r.grid:
            shown.add(r.grid)
            members = [m for m in registry if m.grid == r.grid]
            axes = [k for k in r.parameters if k != "lang" and len({repr(m.parameters.get(k)) for m in members}) > 1]
            described = ""
            for k in r.parameters:
                if k in axes or k == "lang":
                    values = list(dict.fromkeys(str(m.parameters[k]) for m in members))
                    described += (f"\n    {k} in {_years_text(values)} ({len(values)} values): "
                                  f"{params.describe(doms[k]) if k in doms else '?'}")
                else:
                    described += f"\n    {k}={r.parameters[k]!r}: {params.describe(doms[k]) if k in doms else '?'}"
            described += "".join(f"\n    {k} (notebook default): {params.describe(doms[k])}"
                                 for k in doms if k not in r.parameters)
            labels_ = list(dict.fromkeys(m.member for m in members))
            langs = list(dict.fromkeys(run_lang(m) for m in members))
            per = len(r.figures) * len(FIGURE_EXTS)
            lines.append(f"{r.grid}  (grid: {len(members)} runs = {len(labels_)} members x {len(langs)} languages)\n"
                         f"  notebook:   {r.notebook}\n  parameters:{described}\n"
                         f"  data:       {', '.join(r.data) or '-'}\n"
                         f"  figures:    {', '.join(r.figures)} (.png, .svg; {per} files per run, "
                         f"{per * len(members)} in all)\n"
                         f"  members:    {r.grid}-<{'|'.join(axes)}>-<{'|'.join(langs)}>, "
                         f"{len(labels_)} of them: {', '.join(labels_)} (e.g. {members[-1].name})")
            continue
        described = "".join(f"\n    {k}={v!r}: {params.describe(doms[k]) if k in doms else '?'}"
                            for k, v in r.parameters.items())
        fixed = [k for k in doms if k not in r.parameters]
        if fixed:
            described += "".join(f"\n    {k} (notebook default): {params.describe(doms[k])}" for k in fixed)
        lines.append(f"{r.name}\n  notebook:   {r.notebook}\n  parameters:{described or ' -'}\n"
                     f"  data:       {', '.join(r.data) or '-'}\n  figures:    {', '.join(r.figure_files())}")
    return "\n".join(lines)


def main(registry: list[Run], argv: list[str] | None = None, *, root: Path | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _main(registry, args, Path(root or paths.ROOT))
    except (InputError, NotOwned, Busy) as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. build/ cannot be written
        if args.verbose:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc} (run with --verbose for the traceback)", file=sys.stderr)
        return 2


def _main(registry: list[Run], args: argparse.Namespace, root: Path) -> int:
    root = root.absolute()  # workers change directory
    data_dir = paths.data_dir().absolute()
    build = paths.build_dir().absolute()
    figures = paths.figures_dir().absolute()
    clashes = figure_clashes(registry)
    if clashes:
        raise InputError(f"the registry cannot run: {'; '.join(clashes)}")
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
    if report_dir is not None:
        from .records import check_owned
        from .report import REPORT_ENTRIES, STAMP

        check_owned(report_dir, "report folder", REPORT_ENTRIES, signature=STAMP)  # refuse before running anything
    lock = acquire_lock(build, wait=not args.no_wait, say=lambda m: print(m, file=sys.stderr, flush=True))
    try:
        with remembered_digests(build):  # the inputs' digests, kept between invocations (vnjp.records)
            return _locked(registry, runs, args, root, data_dir, build, figures, report_dir, progress, lock)
    finally:
        os.close(lock)


def _executor(args, root: Path, data_dir: Path):
    """None (the runner's local ForkExecutor) or, with ``--executor dask``, a DaskExecutor; dask is
    imported only when that executor has runs to execute."""
    if args.executor != "dask":
        if args.scheduler:
            raise InputError("--scheduler needs --executor dask")
        return None
    from . import dask_executor

    absent = dask_executor.missing()
    if absent:
        raise InputError(f"--executor dask needs {' and '.join(absent)} (not installed): "
                         f"{dask_executor.INSTALL_HINT}")
    return dask_executor.DaskExecutor(root=root, data_dir=data_dir, jobs=args.jobs, timeout=args.timeout,
                                      scheduler=args.scheduler)


def _locked(registry, runs, args, root, data_dir, build, figures, report_dir, progress, lock) -> int:
    common = dict(root=root, data_dir=data_dir, jobs=args.jobs, timeout=args.timeout, progress=progress,
                  close_fds=(lock,), executor=_executor(args, root, data_dir))
    try:
        if args.check:
            with tempfile.TemporaryDirectory(prefix="check-", dir=build) as tmp:
                check_build = Path(tmp)
                results = execute(runs, build=check_build, figures=check_build / "unused", force=True,
                                  promote=False, strict=True, **common)  # the committed figures: strict
                produced = check_build / "all-figures"
                produced.mkdir()
                for r in runs:
                    stage = run_dir(check_build, r) / "figures"
                    if stage.exists():
                        for f in stage.iterdir():
                            shutil.copy2(f, produced / f.name)
                print(summary_table(results))
                report_ok = report_dir is None or _report(registry, root, check_build, produced, data_dir, report_dir,
                                                          args.verbose)
                expected = sorted({f for r in runs for f in r.figure_files()})
                problems, notes = compare_figures(produced, figures, expected, all_runs=not args.only,
                                                  tracked=git_tracked(figures) if figures.is_dir() else None)
                for note in notes:
                    print(f"note: {note}")
                if any(r.status not in ("ok",) for r in results):
                    problems.append("some runs failed (see the table above)")
                if not report_ok:
                    problems.append("the report could not be assembled")
                if problems:
                    print("figures are not current:\n  " + "\n  ".join(problems))
                    return 1
                print(f"all {len(expected)} figures match the committed files")
                return 0
        if args.parameter:
            places = {r.name: build / "overrides" / f"{r.name}-{parameters_hash(r.parameters)}" for r in runs}
            results = execute(runs, build=build, figures=figures, force=args.force, promote=False,
                              place=lambda r: places[r.name], **common)
            for res in results:
                res.output = str(places[res.run])
        else:
            results = execute(runs, build=build, figures=figures, force=args.force, **common)
    except Interrupted as exc:
        print(summary_table(exc.results))
        print("interrupted: figures of unfinished runs were left as they were", file=sys.stderr)
        return 130
    print(summary_table(results))
    report_ok = report_dir is None or _report(registry, root, build, figures, data_dir, report_dir, args.verbose)
    return 0 if report_ok and all(r.status in ("ok", "skipped") for r in results) else 1


def _report(registry: list[Run], root: Path, build: Path, figures: Path, data_dir: Path, out: Path,
            verbose: bool = False) -> bool:
    """Assemble the report of the whole registry from what the runs left in ``build``; print where it is."""
    from . import report

    try:
        built = report.assemble(registry, root=root, build=build, figures=figures, data_dir=data_dir, out=out)
    except Exception as exc:  # noqa: BLE001 -- say what went wrong; the figures stand
        if verbose:
            import traceback

            traceback.print_exc()
        print(f"report not assembled: {type(exc).__name__}: {_one_line(str(exc))}", file=sys.stderr)
        return False
    print(built.summary())
    return True
