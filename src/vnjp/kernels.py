"""Warm kernels: a *zygote* process that has imported what the notebooks use, and forks a fresh kernel per run.

A cold Jupyter kernel pays, on every run, for starting Python, importing ipykernel and IPython, and then for
the notebook's own ``import pandas`` / ``matplotlib`` / ``vnjp`` (together about 1-1.5 s of CPU). The zygote
pays that once: it is started (:class:`Zygote`) by the executor before anything else, imports
:data:`PRELOAD`, and then only waits. A worker that needs a kernel asks it, over a Unix socket (abstract
namespace, nothing on disk), to fork one (:func:`spawn`): the child becomes an ``IPKernelApp`` with the
worker's connection file, environment, working directory, stdout and stderr (passed as file descriptors),
exactly as ``python -m ipykernel_launcher -f FILE`` would have been started by ``jupyter_client``.

Why no state can leak from one run to the next: the zygote never runs notebook code; every kernel is a
new process forked from the same pristine zygote and is used for one run only, then killed. What a
notebook changes (module attributes, ``rcParams``, ``os.environ``, the working directory, ``sys.modules``,
global names) dies with its kernel (``tests/test_kernels.py`` proves it).

What a fork cannot change -- the environment Python, numpy, matplotlib and IPython read at start-up or
import (``PYTHONHASHSEED``, ``MPLBACKEND``, ``HOME``, the locale, ...) -- is compared: a request whose
environment differs from the zygote's in anything but :data:`PER_RUN` variables (``VNJP_*``, read when
used) is refused, and the worker starts a cold kernel instead. So is any
request when the zygote is gone: warm kernels are an optimisation, never a requirement.

Lifetimes: the zygote dies with the process that started it (a parent-death signal, and it checks), and
every kernel it forked dies with the zygote (likewise) and with the worker that asked for it (the zygote
polls the worker and kills the kernel's process group when the worker is gone). A worker kills its own
kernel on timeout or when it is stopped (:data:`LAUNCHED` holds the PIDs).

:class:`ZygoteKernelManager` is the ``jupyter_client`` kernel manager that launches through the zygote
(``papermill.execute_notebook(..., kernel_manager_class=ZygoteKernelManager)``).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
import uuid

#: What a notebook kernel imports, loaded once in the zygote (a module that fails to import is skipped).
PRELOAD = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "IPython.core.interactiveshell", "matplotlib_inline.backend_inline",
    "numpy", "pandas", "matplotlib", "matplotlib.pyplot", "matplotlib.ticker", "matplotlib.lines", "matplotlib.patches",
    "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg",
    "vnjp.data", "vnjp.labels", "vnjp.figures", "vnjp.flows", "vnjp.departures", "vnjp.economy", "vnjp.timeline",
    "vnjp.workers", "vnjp.tables", "vnjp.claims", "vnjp.headline",
)

#: The kernel command a zygote can stand in for (jupyter_client's native ``python3`` kernel spec).
LAUNCHER = ("-m", "ipykernel_launcher")

#: PIDs of the kernels this process obtained from a zygote (a worker kills them when it stops).
LAUNCHED: list[int] = []

READY_TIMEOUT = 120.0  # how long a worker waits for a zygote that is still importing


class Refused(Exception):
    """The zygote cannot give this kernel (gone, or different start-up variables): start a cold one."""


#: Variables a forked kernel may have different from the zygote's: read when used, never at start-up or
#: import (vnjp's, see vnjp.paths; jupyter's JPY_PARENT_PID is passed to the kernel again).
PER_RUN = ("VNJP_", "JPY_")


def _startup_vars(env: dict[str, str]) -> dict[str, str]:
    """The variables that must be the same in a kernel's environment and in the zygote's: all but
    :data:`PER_RUN` (Python, numpy, matplotlib, IPython read some of them at start-up or import, when
    the zygote started, and a forked kernel cannot read them again)."""
    return {k: v for k, v in env.items() if not k.startswith(PER_RUN)}


def _die_with_parent(sig: int) -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, sig, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a process that has not exited (a zombie counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except (OSError, IndexError):
        return False


# --------------------------------------------------------------------------- the zygote process


def _kernel_child(request: dict, fds: list[int]) -> None:
    """In the forked child: become the kernel the request describes; never returns."""
    code = 1
    try:
        os.setsid()  # a session of its own, as jupyter_client starts kernels
        _die_with_parent(signal.SIGKILL)
        if os.getppid() != request["zygote"]:
            os._exit(1)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(fds[0], 1)
        os.dup2(fds[1], 2)
        for fd in (devnull, *fds):
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        argv = list(request["argv"][3:])
        if request["env"].get("JPY_PARENT_PID"):  # ipykernel read it when the zygote imported it: say it again
            argv.append(f"--IPKernelApp.parent_handle={int(request['env']['JPY_PARENT_PID'])}")
        import importlib.util

        sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *argv]  # as in a cold kernel
        from ipykernel import kernelapp

        kernelapp.launch_new_instance(argv=argv)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 -- say why on the kernel's stderr (the run's kernel.log)
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            atexit._run_exitfuncs()  # what the interpreter would run at exit
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def serve(address: str, parent: int) -> None:
    """The zygote's main loop: import :data:`PRELOAD`, then fork a kernel per request until the parent dies."""
    _die_with_parent(signal.SIGKILL)
    if os.getppid() != parent:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does (the kernel's shell puts '' back)
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001,S112 -- an optional module; the kernel imports it itself if needed
            continue
    me = os.getpid()
    mine = _startup_vars(dict(os.environ))
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind("\0" + address)
    server.listen(16)
    kernels: dict[int, int] = {}  # kernel pid -> pid of the worker it serves
    while True:
        readable, _, _ = select.select([server], [], [], 0.2)
        if os.getppid() != parent:
            break
        for pid, worker in list(kernels.items()):  # reap, and stop kernels whose worker is gone
            try:
                done, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                del kernels[pid]
            elif not _alive(worker):
                with contextlib.suppress(OSError):
                    os.killpg(pid, signal.SIGKILL)
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        if not readable:
            continue
        conn, _ = server.accept()
        fds: list[int] = []
        try:
            conn.settimeout(10)
            msg, fds, _flags, _addr = socket.recv_fds(conn, 1 << 20, 2)
            request = json.loads(msg.decode("utf-8"))
            if len(fds) != 2:
                raise ValueError("expected stdout and stderr")
            theirs = _startup_vars(request["env"])
            if theirs != mine:
                differ = sorted(k for k in set(theirs) | set(mine) if theirs.get(k) != mine.get(k))
                conn.sendall(json.dumps({"refused": f"start-up variables differ: {', '.join(differ)}"}).encode())
                continue
            request["zygote"] = me
            pid = os.fork()
            if pid == 0:
                server.close()
                conn.close()
                _kernel_child(request, fds)
            kernels[pid] = int(request["worker"])
            conn.sendall(json.dumps({"pid": pid}).encode())
        except (OSError, ValueError, KeyError) as exc:
            with contextlib.suppress(OSError):
                conn.sendall(json.dumps({"refused": f"{type(exc).__name__}: {exc}"}).encode())
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            conn.close()
    for pid in kernels:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)


class Zygote:
    """The zygote process, started (not waited for) by :meth:`start`; :meth:`close` ends it and its kernels."""

    def __init__(self, address: str, proc: subprocess.Popen, env: dict[str, str]):
        self.address, self.proc, self.env = address, proc, env  # env: the zygote's environment

    @classmethod
    def start(cls, env: dict[str, str] | None = None) -> Zygote:
        """Start a zygote for kernels whose environment is ``env`` (default: this process's) plus
        ``MPLBACKEND=Agg`` and ``PYTHONHASHSEED=0``, as the runner's workers set them."""
        env = {**(os.environ if env is None else env), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
        address = f"vnjp-zygote-{os.getpid()}-{uuid.uuid4().hex}"
        proc = subprocess.Popen([sys.executable, "-m", "vnjp.kernels", address, str(os.getpid())], env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, start_new_session=True)
        return cls(address, proc, env)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def close(self) -> None:
        """End the zygote; its kernels die with it (their parent-death signal)."""
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)


# --------------------------------------------------------------------------- the worker's side


def spawn(address: str, zygote: int, argv: list[str], env: dict[str, str], cwd: str,
          fds: tuple[int, int] = (1, 2), timeout: float = READY_TIMEOUT) -> int:
    """Ask the zygote at ``address`` (PID ``zygote``) for a kernel; its PID. Waits while the zygote is
    still importing; raises :class:`Refused` when it is gone, refuses, or does not answer in time."""
    if tuple(argv[1:3]) != LAUNCHER or argv[0] != sys.executable:
        raise Refused(f"not the kernel the zygote stands in for: {argv[:3]}")
    request = json.dumps({"argv": list(argv), "env": dict(env), "cwd": cwd, "worker": os.getpid()}).encode()
    deadline = time.monotonic() + timeout
    while True:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect("\0" + address)
            break
        except (ConnectionRefusedError, FileNotFoundError):
            sock.close()
            if not _alive(zygote) or time.monotonic() > deadline:
                raise Refused("the zygote is not running") from None
            time.sleep(0.02)
    with sock:
        sock.settimeout(max(1.0, deadline - time.monotonic()))
        try:
            socket.send_fds(sock, [request], list(fds))
            sock.shutdown(socket.SHUT_WR)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
            answer = json.loads(reply.decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise Refused(f"the zygote did not answer: {exc}") from None
    if "pid" not in answer:
        raise Refused(answer.get("refused", "refused"))
    LAUNCHED.append(int(answer["pid"]))
    return int(answer["pid"])


class ForeignProcess:
    """The part of :class:`subprocess.Popen` that ``jupyter_client`` uses, for a kernel that is not our child."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and not _alive(self.pid):
            self.returncode = -signal.SIGKILL  # not our child: its exit status cannot be read
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


# --------------------------------------------------------------------------- papermill, saving less often


def lean_engine() -> str:
    """Register (once) and name a papermill engine that saves the executed notebook when it starts, when
    each *code* cell starts (so that the notebook on disk names the running cell, with the outputs of the
    cells before it) and when it ends -- not also after every cell and around every markdown cell, as
    papermill's own engine does (each save rewrites the whole notebook, inline PNGs included)."""
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    if "vnjp-lean" in papermill_engines._engines:
        return "vnjp-lean"

    class LeanManager(NotebookExecutionManager):
        quiet = False

        def save(self, **kwargs):
            if self.quiet:
                if kwargs.get("nb"):
                    self.nb = kwargs["nb"]
                return None
            return super().save(**kwargs)

        def _quietly(self, method, cell, quiet, *args, **kwargs):
            self.quiet = quiet
            try:
                return method(cell, *args, **kwargs)
            finally:
                self.quiet = False

        def cell_start(self, cell, *args, **kwargs):
            return self._quietly(super().cell_start, cell, cell.cell_type != "code", *args, **kwargs)

        def cell_complete(self, cell, *args, **kwargs):
            return self._quietly(super().cell_complete, cell, True, *args, **kwargs)

    class LeanEngine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                             autosave_cell_every=30, **kwargs):
            nb_man = LeanManager(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output,
                                 autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

    papermill_engines.register("vnjp-lean", LeanEngine)
    return "vnjp-lean"


# --------------------------------------------------------------------------- the kernel manager


def _manager_class():
    from jupyter_client.manager import AsyncKernelManager

    class ZygoteKernelManager(AsyncKernelManager):
        """Launches its kernel through the zygote named by :attr:`address` and :attr:`zygote`; starts a
        cold one when there is none, or when it refuses."""

        address: str | None = None
        zygote: int | None = None

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            if not self.address or not self.zygote:
                return await super()._async_launch_kernel(kernel_cmd, **kw)
            env = dict(os.environ if kw.get("env") is None else kw["env"])
            env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets it (the kernel then
            # prints no connection banner to the terminal, and exits if its parent, the zygote, dies)
            cwd = kw.get("cwd") or os.getcwd()
            try:
                pid = spawn(self.address, self.zygote, kernel_cmd, env, str(cwd))
            except Refused as exc:
                print(f"warm kernel refused ({exc}); starting a cold kernel", file=sys.stderr)
                return await super()._async_launch_kernel(kernel_cmd, **kw)
            prov = self.provisioner
            prov.process = ForeignProcess(pid)
            prov.pid = prov.pgid = pid
            prov.cwd = cwd
            self._reconcile_connection_info(prov.connection_info)

    return ZygoteKernelManager


def kernel_manager_class(address: str, zygote: int) -> type:
    """A :class:`ZygoteKernelManager` subclass bound to one zygote."""
    return type("BoundZygoteKernelManager", (_manager_class(),), {"address": address, "zygote": zygote})


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
