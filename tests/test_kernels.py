"""Warm kernels (vnjp.kernels): one zygote forks a fresh kernel per run; nothing a run changes reaches
the next run, a kernel never outlives its worker or its zygote, and a zygote that cannot serve a
request is refused cleanly (the runner then starts a cold kernel)."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from conftest import make_notebook

from vnjp import kernels
from vnjp.runner import Run, main

# Notebook A changes every kind of global state a kernel has; notebook B, run next on the same zygote,
# lists what it can still see of it. Each writes down its PID and its parent's (the zygote's, when warm).
CHANGE = '''
import builtins, os, sys, types, json
import matplotlib
import vnjp, vnjp.figures, vnjp.data
vnjp.LEAK = "a"
vnjp.figures.PNG_DPI = 1
vnjp.data.load("departures")  # fills the loader's cache
matplotlib.rcParams["lines.linewidth"] = 9.5
os.environ["VNJP_LEAK"] = "a"
os.chdir(os.path.dirname(proof))
LEAKED_GLOBAL = 1
builtins.LEAKED_BUILTIN = 1
sys.modules["vnjp_leak"] = types.ModuleType("vnjp_leak")
sys.path.append("/leaked/path")
with open(proof + ".a", "w") as fh:
    json.dump({"pid": os.getpid(), "ppid": os.getppid()}, fh)
'''

CHECK = '''
import builtins, os, sys, json
import matplotlib
import vnjp, vnjp.figures, vnjp.data
assert os.path.exists(proof + ".a"), "notebook A did not run first"
seen = {
    "module attribute": hasattr(vnjp, "LEAK"),
    "changed constant": vnjp.figures.PNG_DPI != 150,
    "loader cache": vnjp.data._load_cached.cache_info().currsize != 0,
    "rcParams": matplotlib.rcParams["lines.linewidth"] == 9.5,
    "environment": "VNJP_LEAK" in os.environ,
    "cwd": os.getcwd() == os.path.dirname(proof),
    "global name": "LEAKED_GLOBAL" in globals(),
    "builtin": hasattr(builtins, "LEAKED_BUILTIN"),
    "sys.modules": "vnjp_leak" in sys.modules,
    "sys.path": "/leaked/path" in sys.path,
}
with open(proof + ".b", "w") as fh:
    json.dump({"pid": os.getpid(), "ppid": os.getppid(), "seen": seen}, fh)
'''


def test_nothing_a_run_changes_reaches_the_next_run_on_the_same_zygote(project, tmp_path, monkeypatch):
    monkeypatch.delenv("VNJP_COLD_KERNELS", raising=False)
    proof = tmp_path / "proof" / "p"
    proof.parent.mkdir()
    make_notebook(project / "notebooks" / "change.ipynb", 'proof = ""\nlang = "en"', CHANGE)
    make_notebook(project / "notebooks" / "check.ipynb", 'proof = ""\nlang = "en"', CHECK)
    a = Run("a-en", "notebooks/change.ipynb", {"proof": str(proof), "lang": "en"}, (), ("departures",))
    b = Run("b-en", "notebooks/check.ipynb", {"proof": str(proof), "lang": "en"})
    # one job at a time: B runs after A, on the zygote that served A
    assert main([a, b], ["--jobs", "1", "--no-report"], root=project) == 0
    first = json.loads(Path(f"{proof}.a").read_text())
    second = json.loads(Path(f"{proof}.b").read_text())
    assert second["seen"] == dict.fromkeys(second["seen"], False), second["seen"]
    assert first["pid"] != second["pid"]  # a fresh kernel process for each run ...
    assert first["ppid"] == second["ppid"]  # ... forked by one zygote (cold kernels are their workers' children)
    assert first["ppid"] != os.getpid()


def _kernel_cmd(tmp_path: Path, name: str) -> list[str]:
    return [sys.executable, "-m", "ipykernel_launcher", "-f", str(tmp_path / f"{name}.json")]




def _gone(pid: int, seconds: float = 15) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not kernels._alive(pid):
            return True
        time.sleep(0.1)
    return False


def _started(connection_file: Path, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not connection_file.exists():
        time.sleep(0.1)
    return connection_file.exists()


@pytest.fixture
def zygote():
    z = kernels.Zygote.start(dict(os.environ))
    yield z
    z.close()


def test_a_request_whose_environment_differs_beyond_vnjp_variables_is_refused(zygote, tmp_path):
    for var, value in (("MPLBACKEND", "svg"), ("PYTHONHASHSEED", "1"), ("OMP_NUM_THREADS", "3")):
        with pytest.raises(kernels.Refused, match=var):
            kernels.spawn(zygote.address, zygote.pid, _kernel_cmd(tmp_path, var), {**zygote.env, var: value},
                          str(tmp_path))
    # vnjp's variables are read when used: a kernel may have its own
    pid = kernels.spawn(zygote.address, zygote.pid, _kernel_cmd(tmp_path, "v"),
                        {**zygote.env, "VNJP_FIGURES_DIR": str(tmp_path)}, str(tmp_path))
    assert kernels._alive(pid)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:  # seen once in a full run under load: it ended between the check and here
        pass
    with pytest.raises(kernels.Refused, match="not the kernel"):
        kernels.spawn(zygote.address, zygote.pid, [sys.executable, "-m", "other_kernel"], zygote.env, str(tmp_path))


def test_no_zygote_is_refused_at_once(zygote, tmp_path):
    zygote.close()
    started = time.monotonic()
    with pytest.raises(kernels.Refused, match="not running"):
        kernels.spawn(zygote.address, zygote.pid, _kernel_cmd(tmp_path, "k"), zygote.env, str(tmp_path))
    assert time.monotonic() - started < 5


def test_a_kernel_dies_with_its_worker_and_with_the_zygote(zygote, tmp_path):
    # the "worker": a forked process that asks for a kernel, reports its PID and waits
    read, write = os.pipe()
    worker = os.fork()
    if worker == 0:
        try:
            os.close(read)
            pid = kernels.spawn(zygote.address, zygote.pid, _kernel_cmd(tmp_path, "w"), zygote.env, str(tmp_path))
            os.write(write, f"{pid}\n".encode())
            time.sleep(300)
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as fh:
        kernel = int(fh.readline())
    assert _started(tmp_path / "w.json")  # a real kernel: it wrote its connection file
    assert kernels._alive(kernel)
    os.kill(worker, signal.SIGKILL)  # kill -9 of the worker: the zygote kills its kernel
    os.waitpid(worker, 0)
    assert _gone(kernel)
    # another kernel, then kill -9 of the zygote: the kernel dies with it
    other = kernels.spawn(zygote.address, zygote.pid, _kernel_cmd(tmp_path, "z"), zygote.env, str(tmp_path))
    assert _started(tmp_path / "z.json")
    assert kernels._alive(other)
    os.kill(zygote.pid, signal.SIGKILL)
    assert _gone(other)
