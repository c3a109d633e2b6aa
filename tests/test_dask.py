"""The Dask executor (issue 13, item 5) against a LocalCluster of two worker processes.

Figures of real runs are byte-identical to the local ForkExecutor's; a failing, a timed-out, a
dead-kernel and an undeclared-read run are reported as the local executor reports them; the run's
files come back as bytes and the client writes them; the worker works in a folder of its own, never
in the client's; a dead worker and a cancelled task end as failed runs with a one-line reason.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAVE_FIGURE, make_notebook

from vnjp import records, runner
from vnjp.runner import Run, execute, main

distributed = pytest.importorskip("distributed")  # requirements.txt pins it: CI always has it
from vnjp import dask_executor  # noqa: E402
from vnjp.dask_executor import DaskExecutor  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OK = Run("ok-en", "notebooks/ok.ipynb", {"label": "a", "lang": "en"}, ("fixture_{label}_{lang}",), ("departures",))
FAIL = Run("fail-en", "notebooks/fail.ipynb", {"lang": "en"})
SNEAKY = Run("sneaky-en", "notebooks/sneaky.ipynb", {"label": "s", "lang": "en"}, ("fixture_{label}_{lang}",),
             ("sources",))  # it reads departures too: locally caught after the run, on Dask not even shipped
NAP = Run("nap-en", "notebooks/nap.ipynb", {"lang": "en"})
DIES = Run("dies-en", "notebooks/dies.ipynb", {"lang": "en"})


@pytest.fixture(scope="module")
def scheduler():
    """One LocalCluster for the module: two single-threaded worker processes, like --jobs 2.
    A task whose worker dies is not retried (so that the dead-worker test is quick)."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        with Client(cluster.scheduler_address) as client:  # a test may have killed one
            client.close()
        cluster.close()


def wait_for_workers(address: str, n: int = 2) -> None:
    from distributed import Client

    with Client(address) as client:
        client.wait_for_workers(n, timeout=60)


def registry():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REGISTRY


def run_both(runs, root: Path, data_dir: Path, out: Path, scheduler: str, timeout: float | None = 120):
    """The same runs through the ForkExecutor and the DaskExecutor (figures left in each run's folder)."""
    results = {}
    for name in ("fork", "dask"):
        build = out / name
        executor = (DaskExecutor(root=root, data_dir=data_dir, jobs=2, timeout=timeout, scheduler=scheduler)
                    if name == "dask" else None)
        results[name] = (execute(runs, root=root, build=build, figures=build / "unused", data_dir=data_dir, jobs=2,
                                 timeout=timeout, force=True, promote=False, executor=executor), build, executor)
    return results


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- real runs


@pytest.mark.slow
def test_real_runs_give_byte_identical_figures(scheduler, tmp_path):
    wait_for_workers(scheduler)
    runs = [r for r in registry() if r.name in ("milestones-en", "milestones-vi")]
    assert len(runs) == 2
    both = run_both(runs, ROOT, ROOT / "data", tmp_path, scheduler)
    for name, (results, _build, _executor) in both.items():
        assert [(r.run, r.status, r.error) for r in results] == [(r.name, "ok", "") for r in runs], name
    for run in runs:
        fork_dir, dask_dir = (both[k][1] / "runs" / run.name for k in ("fork", "dask"))
        fork_figs, dask_figs = files_under(fork_dir / "figures"), files_under(dask_dir / "figures")
        assert sorted(dask_figs) == run.figure_files()
        assert dask_figs == fork_figs, run.name  # byte for byte, PNG and SVG
        assert files_under(dask_dir / "tables") == files_under(fork_dir / "tables")
        assert (dask_dir / "notebook.html").stat().st_size > 1000
        # the reads it logged name the client's data files, the same ones a local run reads
        reads = lambda d: sorted(set((d / "reads.log").read_text().split()))  # noqa: E731
        assert reads(dask_dir) == reads(fork_dir)
        assert all(p.startswith(str((ROOT / "data").resolve())) for p in reads(dask_dir))
    where = both["dask"][2].workers
    assert {w["pid"] for w in where.values()} and os.getpid() not in {w["pid"] for w in where.values()}


# --------------------------------------------------------------------------- the fixture project


def test_files_come_back_and_the_worker_never_sees_client_paths(project, scheduler):
    wait_for_workers(scheduler)
    probe = Run("probe-en", "notebooks/probe.ipynb", {"label": "p", "lang": "en"}, ("fixture_{label}_{lang}",),
                ("departures",))
    make_notebook(project / "notebooks" / "probe.ipynb", 'label = "p"\nlang = "en"', SAVE_FIGURE,
                  "import json, os\nprint(json.dumps({'cwd': os.getcwd(), 'env': {k: v for k, v in os.environ.items() "
                  "if k.startswith('VNJP_')}}))")
    executor = DaskExecutor(root=project, data_dir=project / "data", jobs=2, timeout=120, scheduler=scheduler)
    [res] = execute([probe], root=project, build=project / "build", figures=project / "figures",
                    data_dir=project / "data", jobs=2, timeout=120, force=False, executor=executor)
    assert (res.status, res.figures, res.error) == ("ok", 2, "")
    # the figures were promoted by the client from the bytes the worker sent
    assert sorted(p.name for p in (project / "figures").iterdir()) == ["fixture_p_en.png", "fixture_p_en.svg"]
    rdir = project / "build" / "runs" / "probe-en"
    for name in ("probe.ipynb", "notebook.html", "reads.log", "kernel.log", "tables/fixture_p_en.csv", "run.json"):
        assert (rdir / name).is_file(), name
    assert json.loads((rdir / "run.json").read_text())["status"] == "ok"
    # what the kernel saw: the worker's own folder and data, nothing of the client's
    nb = json.loads((rdir / "probe.ipynb").read_text())
    seen = json.loads("".join(nb["cells"][-1]["outputs"][0]["text"]))
    worker = executor.workers["probe-en"]
    assert worker["pid"] != os.getpid()
    client_paths = (str(project), str(project.resolve()), str(ROOT))
    # a promoted run is strict about its figures, as a local one (a setting, not a path)
    assert seen["env"].pop("VNJP_FIGCHECK", None) == "strict"
    for value in [seen["cwd"], *seen["env"].values()]:
        assert not value.startswith(client_paths), value
        assert value.startswith(worker["dir"]), value
    assert set(seen["env"]) >= {"VNJP_FIGURES_DIR", "VNJP_TABLES_DIR", "VNJP_DATA_DIR", "VNJP_READS_LOG"}
    assert not Path(worker["dir"]).exists()  # the worker removed its folder
    # ... but the reads it logged are translated back to the client's data folder
    data = (project / "data").resolve()
    assert set((rdir / "reads.log").read_text().split()) == {str(data / "datapackage.json"),
                                                              str(data / "departures.csv"),
                                                              str(data / "sources.csv")}  # a foreign key's target


def _faulty_project(project: Path) -> list[Run]:
    make_notebook(project / "notebooks" / "nap.ipynb", 'lang = "en"', "import time\ntime.sleep(300)")
    make_notebook(project / "notebooks" / "dies.ipynb", 'lang = "en"', "import os\nos._exit(1)")
    return [FAIL, NAP, SNEAKY, DIES]


@pytest.mark.slow
def test_failures_are_reported_as_the_local_executor_reports_them(project, scheduler, tmp_path):
    wait_for_workers(scheduler)
    runs = _faulty_project(project)
    both = run_both(runs, project, project / "data", tmp_path, scheduler, timeout=20)
    shape = {k: [(r.run, r.status, r.cell, r.error) for r in results] for k, (results, _b, _e) in both.items()}
    assert shape["dask"] == shape["fork"]
    assert shape["dask"] == [
        ("fail-en", "failed", "4", "ValueError: deliberate failure"),
        ("nap-en", "timeout", "3", "timed out after 20 s"),
        ("sneaky-en", "failed", "", "read data not declared in the registry: departures.csv"),
        ("dies-en", "failed", "3", shape["dask"][3][3]),
    ]
    assert shape["dask"][3][3].startswith("the kernel died in cell 3 (DeadKernelError")
    build = both["dask"][1]
    for run in runs:  # the executed notebook and its page come back for the report
        assert (build / "runs" / run.name / Path(run.notebook).name).is_file(), run.name
        assert (build / "runs" / run.name / "notebook.html").is_file(), run.name
    # the timed-out kernel was killed on the worker: no process left with the worker's folder
    folder = both["dask"][2].workers["nap-en"]["dir"]
    assert wait_for(lambda: not processes_with(folder), 10), processes_with(folder)


def processes_with(needle: str) -> list[int]:
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if needle.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except (OSError, ValueError):
            continue
    return found


def wait_for(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


@pytest.mark.slow
def test_closing_the_iterator_cancels_and_kills_the_kernel(project, scheduler, tmp_path):
    """What Ctrl-C does in run_all.py: the outstanding futures are cancelled, their kernels killed."""
    wait_for_workers(scheduler)
    pidfile = tmp_path / "kernel.pid"  # a side channel for the test only (the LocalCluster is on this machine)
    make_notebook(project / "notebooks" / "nap.ipynb", 'lang = "en"',
                  f"import os, time\nopen({str(pidfile)!r}, 'w').write(str(os.getpid()))\ntime.sleep(300)")
    executor = DaskExecutor(root=project, data_dir=project / "data", jobs=2, timeout=None, scheduler=scheduler)
    jobs = []
    for run in (FAIL, NAP):
        job = runner.Job(run, "k", project / "build" / "runs" / run.name, None)
        runner._prepare(job)
        jobs.append(job)
    stream = executor.results(jobs)
    job, raw, _seconds = next(stream)
    assert (job.run.name, raw["status"]) == ("fail-en", "failed")
    assert wait_for(pidfile.exists, 60)
    pid = int(pidfile.read_text())
    stream.close()
    assert wait_for(lambda: not Path(f"/proc/{pid}").exists(), 15), "the cancelled run's kernel still runs"
    assert not (project / "build" / "runs" / "nap-en" / "nap.ipynb").exists()  # nothing written for it


@pytest.mark.slow
def test_a_dead_worker_is_a_failed_run(project, scheduler):
    wait_for_workers(scheduler)
    make_notebook(project / "notebooks" / "dies.ipynb", 'lang = "en"',
                  "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)  # the kernel's parent: the worker")
    executor = DaskExecutor(root=project, data_dir=project / "data", jobs=2, timeout=60, scheduler=scheduler)
    [res] = execute([DIES], root=project, build=project / "build", figures=project / "figures",
                    data_dir=project / "data", jobs=2, timeout=60, force=True, executor=executor)
    assert res.status == "failed" and res.error.startswith("the worker running it died (KilledWorker"), res
    assert "\n" not in res.error
    wait_for_workers(scheduler)  # the nanny restarts it for the next tests


# --------------------------------------------------------------------------- command line


def test_cli_runs_on_the_scheduler_and_a_second_run_is_a_noop(project, scheduler, capsys):
    wait_for_workers(scheduler)
    assert main([OK], ["--executor", "dask", "--scheduler", scheduler, "--no-report"], root=project) == 0
    assert " ok " in capsys.readouterr().out
    assert sorted(p.name for p in (project / "figures").iterdir()) == ["fixture_a_en.png", "fixture_a_en.svg"]
    assert main([OK], ["--executor", "dask", "--scheduler", scheduler, "--no-report"], root=project) == 0
    assert " skipped " in capsys.readouterr().out
    # --check regenerates on the cluster and compares with figures/: the same bytes
    assert main([OK], ["--check", "--executor", "dask", "--scheduler", scheduler], root=project) == 0
    assert "all 2 figures match the committed files" in capsys.readouterr().out


def test_noop_with_dask_chosen_imports_no_dask(project):
    """Nothing to run: no cluster is started and dask is not even imported."""
    code = ("import sys\nfrom pathlib import Path\nfrom vnjp.runner import Run, main\n"
            f"ok = Run('ok-en', 'notebooks/ok.ipynb', {OK.parameters!r}, {OK.figures!r}, {OK.data!r})\n"
            f"codes = [main([ok], ['--no-report'], root=Path({str(project)!r}))]\n"
            f"codes.append(main([ok], ['--no-report', '--executor', 'dask'], root=Path({str(project)!r})))\n"
            "print(codes, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=os.environ)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[0, 0] []"


def test_dask_missing_exits_2_with_the_install_command(project, capsys, monkeypatch):
    for name in ("dask", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed
    assert dask_executor.missing() == ["dask", "distributed"]
    assert main([OK], ["--executor", "dask", "--force", "--no-report"], root=project) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("error: --executor dask needs dask and distributed (not installed): "
                           "pip install -e '.[dask]'")
    assert not list((project / "figures").iterdir())  # nothing ran


def test_scheduler_without_dask_executor_is_refused(project, capsys):
    assert main([OK], ["--scheduler", "tcp://127.0.0.1:1", "--no-report"], root=project) == 2
    assert "--scheduler needs --executor dask" in capsys.readouterr().err


# --------------------------------------------------------------------------- pieces


def test_kernel_env_sets_what_a_local_run_sets(tmp_path, monkeypatch):
    """Every VNJP_ variable runner.py sets for a local kernel, the worker sets too, into its own folder;
    none the worker inherited (e.g. the client's data folder on a LocalCluster) reaches the kernel."""
    monkeypatch.setenv("VNJP_DATA_DIR", "/client/data")
    monkeypatch.setenv("VNJP_SOMETHING_ELSE", "x")
    local = set(re.findall(r'"(VNJP_[A-Z_]+)":', inspect.getsource(records.run_env)))
    env = dask_executor.kernel_env(tmp_path / "run", tmp_path / "data", tmp_path / "build", {"VNJP_FIGCHECK": "1"})
    assert local and local <= set(env)
    assert {k for k in env if k.startswith("VNJP_")} == local | {"VNJP_FIGCHECK"}
    assert env["VNJP_DATA_DIR"] == str(tmp_path / "data")
    assert (env["MPLBACKEND"], env["PYTHONHASHSEED"]) == ("Agg", "0")


@pytest.mark.parametrize("name", ["../escape", "/etc/passwd", "a/../../b", "", "."])
def test_files_from_a_worker_stay_in_the_run_folder(tmp_path, name):
    with pytest.raises(ValueError, match="unsafe path"):
        dask_executor.write_back(tmp_path / "run", {name: b"x"})
    assert not (tmp_path / "escape").exists()


def test_payload_carries_declared_data_only(project):
    spec = dask_executor.payload(OK, project, project / "data", 5.0)
    assert sorted(spec["data"]) == ["datapackage.json", "departures.csv", "sources.csv"]
    assert spec["data"]["departures.csv"] == (project / "data" / "departures.csv").read_bytes()
    assert spec["source"] == (project / "notebooks" / "ok.ipynb").read_bytes()
    no_data = dask_executor.payload(FAIL, project, project / "data", None)
    assert sorted(no_data["data"]) == ["datapackage.json"]


def test_registered_runs_are_strict_about_figures_on_dask_too(project, monkeypatch):
    """A local registered run refuses a figure vnjp.figcheck finds problems in (runner sets
    VNJP_FIGCHECK=strict in its worker); the Dask payload must carry the same setting."""
    monkeypatch.delenv("VNJP_FIGCHECK", raising=False)
    promoted = dask_executor.payload(OK, project, project / "data", None, strict_figures=True)
    assert promoted["env"] == {"VNJP_FIGCHECK": "strict"}
    override = dask_executor.payload(OK, project, project / "data", None, strict_figures=False)
    assert override["env"] == {}
    executor = dask_executor.DaskExecutor(root=project, data_dir=project / "data", jobs=1, timeout=None)
    registered = executor.payload_of(runner.Job(OK, "key", project / "rdir", project / "figures"))
    assert registered["env"] == {"VNJP_FIGCHECK": "strict"}
    assert executor.payload_of(runner.Job(OK, "key", project / "rdir", None))["env"] == {}
    assert executor.payload_of(runner.Job(OK, "key", project / "rdir", None, strict=True))["env"]
