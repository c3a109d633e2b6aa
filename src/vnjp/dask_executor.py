"""Run notebooks on a Dask cluster: the executor behind ``run_all.py --executor dask``.

:class:`DaskExecutor` offers the runner's executor seam (``results(jobs)``, like
:class:`vnjp.runner.ForkExecutor`) on ``dask.distributed``. Workers share no file system with
the client, so everything travels as bytes:

* the client reads the run's notebook, its declared data files
  (:func:`vnjp.records.declared_data_files`) and ``datapackage.json``, and submits them with the
  parameters (:func:`payload`);
* the worker (:func:`run_notebook`, a pure function of that payload) writes them into a private
  temporary folder, executes the notebook with papermill in a fresh kernel there, with the
  environment a local run gets (figures, tables, data and reads-log folders, ``MPLBACKEND=Agg``,
  ``PYTHONHASHSEED=0``), enforces the timeout itself (it kills its kernel and names the running
  cell), renders ``notebook.html`` and returns every file the run produced, as bytes, with the
  ``{"status", "cell", "error"}`` result; its folder is then removed;
* the client alone writes them into the run's folder (``build/runs/<run>/``), from where the
  runner promotes the figures into ``figures/`` as for a local run.

A worker that dies, or a task that is cancelled, is reported as a failed run with a one-line
reason. Closing the iterator (or Ctrl-C) cancels the futures still outstanding; a worker whose
task is cancelled kills that task's kernel. Without a scheduler address :meth:`DaskExecutor.results`
starts a ``LocalCluster`` (``jobs`` single-threaded worker processes) and closes it at the end.

This module imports dask only when a cluster is used: ``run_all.py`` imports it only with
``--executor dask``.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from .records import NOTEBOOK_HTML, TABLES, InputError, declared_data_files, run_env

INSTALL_HINT = "pip install -e '.[dask]'"
PACKAGE = "datapackage.json"
KILL_GRACE = 20.0  # seconds papermill gets to notice its killed kernel before the worker gives up on it


def missing() -> list[str]:
    """The packages ``--executor dask`` needs that are not installed (found without importing them)."""
    out = []
    for name in ("dask", "distributed"):
        try:
            if importlib.util.find_spec(name) is None:
                out.append(name)
        except (ImportError, ValueError):  # ValueError: sys.modules holds None for it
            out.append(name)
    return out


def _one_line(text: str) -> str:
    text = str(text).strip()
    return text.splitlines()[0][:300] if text else ""


def _safe_relative(name: str) -> PurePosixPath:
    """A relative path that stays inside the folder it is joined to (file names travel both ways)."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or not rel.parts or any(part in ("", ".", "..") for part in rel.parts):
        raise ValueError(f"unsafe path in a run's files: {name!r}")
    return rel


# --------------------------------------------------------------------------- client side: what travels


def payload(run, root: Path, data_dir: Path, timeout: float | None, *, strict_figures: bool = False) -> dict:
    """Everything a worker needs to execute ``run``, as plain values and bytes (no client path is
    used by the worker; ``client_data_dir`` only names where the reads it logs are on the client)."""
    data_dir = Path(data_dir)
    base = data_dir.resolve()
    files = {}
    wanted = declared_data_files(run.data, data_dir) or [base / PACKAGE]
    for path in wanted:
        path = Path(path).resolve()
        if not path.is_relative_to(base):
            raise InputError(f"run '{run.name}': data file {path} is outside the data folder {data_dir}")
        try:
            files[path.relative_to(base).as_posix()] = path.read_bytes()
        except FileNotFoundError:
            if path.name != PACKAGE or run.data:
                raise InputError(f"{path}: missing (declared in {PACKAGE})") from None
    notebook = Path(root) / run.notebook
    return {
        "run": run.name,
        "notebook": Path(run.notebook).name,
        "source": notebook.read_bytes(),
        "parameters": dict(run.parameters),
        "data": files,
        "timeout": timeout,
        "client_data_dir": str(base),
        # as a local run: registered runs (and --check) refuse a figure vnjp.figcheck finds problems in
        "env": ({"VNJP_FIGCHECK": "strict"} if strict_figures else
                {k: os.environ[k] for k in ("VNJP_FIGCHECK",) if k in os.environ}),
    }


# --------------------------------------------------------------------------- worker side: a pure function


def kernel_env(run_dir: Path, data_dir: Path, build_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    """The kernel's environment: the worker's own, without any ``VNJP_*`` it inherited, plus the
    variables a local run sets (:func:`vnjp.records.run_env`), pointing into the worker's folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNJP_")}
    env.update(run_env(run_dir, data_dir, build_dir, strict_figures=False))  # strictness travels in ``extra``
    env.update(extra)
    return env


def _kernel_manager_class(env: dict, cwd: Path, stderr, started: list):
    """An nbclient kernel manager that starts the kernel with ``env`` in ``cwd``, its stderr to
    ``stderr``, and records itself in ``started`` (so that the worker can kill the kernel)."""
    from jupyter_client.manager import AsyncKernelManager

    class RunKernelManager(AsyncKernelManager):
        async def start_kernel(self, **kw):
            kw.setdefault("env", env)
            kw["cwd"] = str(cwd)
            kw.setdefault("stderr", stderr)
            started.append(self)
            return await super().start_kernel(**kw)

    return RunKernelManager


def _kernel_pid(km) -> int | None:
    process = getattr(getattr(km, "provisioner", None), "process", None)
    return getattr(process, "pid", None)


def run_notebook(job: dict, cancelled: Callable[[], bool] | None = None) -> dict:
    """Execute the run described by ``job`` (see :func:`payload`) in a private temporary folder.

    Returns ``{"status", "cell", "error", "seconds", "files", "worker"}``: ``files`` maps each
    file the run left in its folder (executed notebook, ``figures/``, ``tables/``, ``notebook.html``,
    ``reads.log``, ``kernel.log``, ``work/``) to its bytes; ``worker`` says where it ran. Touches
    nothing outside its temporary folder. ``cancelled`` is polled: when it returns true, the kernel
    is killed and the run ends as failed.
    """
    import papermill  # noqa: F401 -- loaded once per worker, before the clock starts (a local worker
    from nbconvert import HTMLExporter  # noqa: F401 -- inherits them from its parent: same timeout)

    from .runner import _kill_tree, _render_html, running_cell

    started = time.monotonic()
    timeout = job.get("timeout")
    with tempfile.TemporaryDirectory(prefix="vnjp-dask-") as tmp:
        base = Path(tmp).resolve()
        data_dir, run_dir, build_dir = base / "data", base / "run", base / "build"
        for name, content in job["data"].items():
            dest = data_dir / _safe_relative(name)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(content)
        notebook = base / "input" / _safe_relative(job["notebook"])
        notebook.parent.mkdir(parents=True)
        notebook.write_bytes(job["source"])
        for sub in ("work", "figures", TABLES):
            (run_dir / sub).mkdir(parents=True)
        build_dir.mkdir()
        executed = run_dir / notebook.name
        env = kernel_env(run_dir, data_dir, build_dir, job.get("env") or {})

        out: dict = {"status": "failed", "cell": "", "error": ""}
        kernels: list = []
        timed_out, stopped = threading.Event(), threading.Event()
        done = threading.Event()
        box: dict = {}

        def execute() -> None:
            try:
                import papermill

                with open(run_dir / "kernel.log", "wb") as log:
                    papermill.execute_notebook(
                        str(notebook), str(executed), parameters=job["parameters"], kernel_name="python3",
                        progress_bar=False, log_output=False,
                        kernel_manager_class=_kernel_manager_class(env, run_dir / "work", log, kernels))
            except BaseException as exc:  # noqa: BLE001 -- judged below, as the local runner does
                box["exc"] = exc
            finally:
                done.set()

        def kill_kernels() -> None:
            for km in kernels:
                pid = _kernel_pid(km)
                if pid:
                    _kill_tree(pid)

        thread = threading.Thread(target=execute, name=f"vnjp-{job['run']}", daemon=True)
        thread.start()
        killed_at = None
        while not done.wait(0.2):
            now = time.monotonic()
            if killed_at is None:
                if timeout is not None and now - started > timeout:
                    timed_out.set()
                elif cancelled is not None and cancelled():
                    stopped.set()
                if timed_out.is_set() or stopped.is_set():
                    killed_at = now
                    kill_kernels()  # papermill then sees a dead kernel and returns
            elif now - killed_at > KILL_GRACE:  # it did not: give up on it (the thread is a daemon)
                break

        exc = box.get("exc")
        cell = running_cell(executed)
        if timed_out.is_set():
            out = {"status": "timeout", "cell": cell, "error": f"timed out after {timeout:g} s"}
        elif stopped.is_set():
            out = {"status": "failed", "cell": cell, "error": "cancelled: the client no longer wants this run"}
        elif exc is None:
            out = {"status": "ok", "cell": "", "error": ""}
        else:
            from papermill.exceptions import PapermillExecutionError

            if isinstance(exc, PapermillExecutionError):
                out = {"status": "failed", "cell": str(exc.exec_count or exc.cell_index),
                       "error": _one_line(f"{exc.ename}: {exc.evalue}")}
            else:
                name = type(exc).__name__
                what = "the kernel died" if name == "DeadKernelError" else "the notebook stopped"
                out = {"status": "failed", "cell": cell,
                       "error": _one_line(f"{what}{' in cell ' + cell if cell else ''} ({name}: {exc})")}
        if done.is_set():
            kill_kernels()  # normally gone already; a kernel must not outlive its run
        if executed.exists():
            _render_html(executed, run_dir)

        reads = run_dir / "reads.log"
        if reads.exists():
            client_data = job.get("client_data_dir")
            lines, unshipped = [], []
            for line in reads.read_text(encoding="utf-8").split():
                path = Path(line)
                if path.is_relative_to(data_dir):
                    rel = path.relative_to(data_dir)
                    if not path.exists():
                        unshipped.append(rel.as_posix())
                    if client_data:
                        line = str(Path(client_data) / rel)
                lines.append(line)
            reads.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
            if unshipped and out["status"] == "failed":
                # the local runner says this when the notebook read a file the registry does not declare
                out = {"status": "failed", "cell": "",
                       "error": f"read data not declared in the registry: {', '.join(sorted(set(unshipped)))}"}

        files = {p.relative_to(run_dir).as_posix(): p.read_bytes()
                 for p in sorted(run_dir.rglob("*")) if p.is_file() and not p.is_symlink()}
        out.update(seconds=time.monotonic() - started, files=files,
                   worker={"host": os.uname().nodename, "pid": os.getpid(), "dir": str(base)})
    return out


def _task(job: dict) -> dict:
    """What the cluster runs: :func:`run_notebook`, stopped when the client cancels the task."""
    cancelled = None
    try:
        from distributed import get_worker

        worker = get_worker()
        key = worker.get_current_task()

        def cancelled() -> bool:
            ts = worker.state.tasks.get(key)
            return ts is None or ts.state in ("cancelled", "released", "forgotten")
    except Exception:  # noqa: BLE001 -- not on a worker (tests call it directly): never cancelled
        cancelled = None
    return run_notebook(job, cancelled)


# --------------------------------------------------------------------------- client side: the executor


def write_back(rdir: Path, files: dict[str, bytes]) -> None:
    """Write the files a worker returned into the run's folder (the client alone writes)."""
    from .files import write_atomically

    for stale in ("reads.log", "kernel.log", NOTEBOOK_HTML):
        (rdir / stale).unlink(missing_ok=True)
    for name, content in files.items():
        write_atomically(rdir / _safe_relative(name), content)


class DaskExecutor:
    """Executes jobs on a ``dask.distributed`` cluster (see the module's docstring).

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); None starts a
    ``LocalCluster`` of ``jobs`` worker processes for the duration of :meth:`results`.
    """

    def __init__(self, *, root: Path, data_dir: Path, jobs: int, timeout: float | None,
                 scheduler: str | None = None):
        self.root, self.data_dir, self.jobs, self.timeout = Path(root), Path(data_dir), max(1, jobs), timeout
        self.scheduler = scheduler
        self.workers: dict[str, dict] = {}  # run -> where it ran (host, pid, folder), for tests and logs

    def _connect(self):
        from distributed import Client, LocalCluster

        if self.scheduler:
            return Client(self.scheduler, timeout="30s"), None
        # no dashboard (no port to open); only errors from the cluster's own logs reach the terminal
        cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
        try:
            client = Client(cluster)
            # Its workers leave the terminal's process group: Ctrl-C reaches run_all.py alone, which
            # cancels the futures and closes the cluster (as local workers do, see runner._child).
            client.run(os.setpgrp)
            return client, cluster
        except BaseException:
            cluster.close()
            raise

    def payload_of(self, job) -> dict:
        """What travels for ``job``; a registered run is as strict about its figures as a local one."""
        return payload(job.run, self.root, self.data_dir, self.timeout, strict_figures=job.strict_figures)

    def results(self, jobs: list) -> Iterator[tuple[object, dict, float]]:
        from distributed import as_completed

        client = cluster = None
        pending: dict = {}
        try:
            ready = []
            for job in jobs:
                try:
                    ready.append((job, self.payload_of(job)))
                except (InputError, OSError) as exc:
                    yield job, {"status": "failed", "cell": "", "error": _one_line(str(exc))}, 0.0
            if not ready:
                return
            client, cluster = self._connect()
            for i, (job, spec) in enumerate(ready):  # in the runner's order (longest first)
                future = client.submit(_task, spec, key=f"vnjp-{job.run.name}-{uuid.uuid4().hex[:8]}",
                                       pure=False, retries=0, priority=len(ready) - i)
                pending[future] = (job, time.monotonic())
            for future in as_completed(list(pending)):
                job, submitted = pending.pop(future)
                raw, seconds = self._collect(job, future, submitted)
                yield job, raw, seconds
        finally:
            if client is not None:
                if pending:
                    try:
                        client.cancel(list(pending), force=True)
                    except Exception:  # noqa: BLE001 -- closing the cluster stops them anyway
                        pass
                client.close()
            if cluster is not None:
                cluster.close()

    def _collect(self, job, future, submitted: float) -> tuple[dict, float]:
        try:
            out = future.result()
        except Exception as exc:  # noqa: BLE001 -- a worker that died, a cancelled task, a lost scheduler
            name = type(exc).__name__
            if future.cancelled() or "Cancelled" in name:
                reason = "the task was cancelled on the cluster"
            elif name == "KilledWorker":
                reason = "the worker running it died"
            else:
                reason = "the cluster could not run it"
            return {"status": "failed", "cell": "", "error": _one_line(f"{reason} ({name}: {exc})")}, \
                time.monotonic() - submitted
        try:
            write_back(job.rdir, out.pop("files"))
        except (OSError, ValueError) as exc:
            return {"status": "failed", "cell": out.get("cell", ""),
                    "error": _one_line(f"could not write the run's files: {exc}")}, out.get("seconds", 0.0)
        self.workers[job.run.name] = out.pop("worker", {})
        seconds = out.pop("seconds", time.monotonic() - submitted)
        return out, seconds
