"""run_all's machinery on small fixture notebooks: selection, parameters, isolation,
timeouts, incremental runs, atomic outputs, --check and Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from vnjp.runner import Run, compare_figures, git_tracked, main

OK = Run("ok-en", "notebooks/ok.ipynb", {"label": "a", "lang": "en"}, ("fixture_{label}_{lang}",), ("departures",))
FAIL = Run("fail-en", "notebooks/fail.ipynb", {"lang": "en"})
SLOW = Run("slow-en", "notebooks/slow.ipynb", {"lang": "en"})
PARTIAL = Run("partial-en", "notebooks/partial.ipynb", {"label": "a", "lang": "en"}, ("fixture_{label}_{lang}",),
              ("departures",))


def run(project, registry, *argv):
    # the report assembled after the runs has tests of its own (test_report.py)
    return main(registry, [*argv, "--no-report"], root=project)


def figure_bytes(project):
    return {p.name: p.read_bytes() for p in sorted((project / "figures").iterdir())}


def test_list_prints_registry(project, capsys):
    assert run(project, [OK, FAIL], "--list") == 0
    out = capsys.readouterr().out
    assert "ok-en" in out and "fixture_a_en.png, fixture_a_en.svg" in out and "fail-en" in out


def test_only_selects_runs_and_rejects_unknown(project, capsys):
    assert run(project, [OK, FAIL], "--only", "nope") == 2
    assert "no run named 'nope'" in capsys.readouterr().err
    assert run(project, [OK, FAIL], "--only", "ok") == 0  # base name selects ok-en; fail-en is not run
    assert "fail-en" not in capsys.readouterr().out


def test_unknown_parameter_stops_before_any_kernel(project, capsys):
    assert run(project, [OK], "-p", "colour", "red") == 2
    err = capsys.readouterr().err
    assert "run 'ok-en': notebooks/ok.ipynb has no parameter 'colour' (it declares: label, lang, scale)" in err
    assert not (project / "build" / "runs").exists()


def test_wrong_type_parameter_is_an_error(project, capsys):
    assert run(project, [OK], "-p", "scale", "big") == 2
    assert "parameter 'scale' expects float, got 'big'" in capsys.readouterr().err
    bad_registry = [Run("ok-en", "notebooks/ok.ipynb", {"label": 3, "lang": "en"}, ("fixture_{label}_{lang}",))]
    assert run(project, bad_registry) == 2
    assert "parameter 'label' expects str, got 3" in capsys.readouterr().err


def test_override_writes_under_build_overrides_never_into_figures(project, capsys):
    assert run(project, [OK]) == 0
    before = figure_bytes(project)
    capsys.readouterr()
    assert run(project, [OK], "-p", "label", "b", "-p", "scale", "2") == 0
    assert figure_bytes(project) == before  # not even the new names (fixture_b_*) reach figures/
    folders = list((project / "build" / "overrides").iterdir())
    assert len(folders) == 1 and folders[0].name.startswith("ok-en-") and len(folders[0].name) == len("ok-en-") + 8
    assert sorted(p.name for p in (folders[0] / "figures").iterdir()) == ["fixture_b_en.png", "fixture_b_en.svg"]
    assert (folders[0] / "ok.ipynb").exists()
    assert f"figures and notebook of ok-en with -p overrides: {folders[0]}" in capsys.readouterr().out
    # an override whose figure names are those of the registry (label a) leaves figures/ alone too
    assert run(project, [OK], "-p", "scale", "3") == 0
    assert figure_bytes(project) == before
    assert len(list((project / "build" / "overrides").iterdir())) == 2  # one folder per parameter set


def test_failure_is_isolated_and_reported(project, capsys):
    assert run(project, [FAIL, OK]) == 1
    out = capsys.readouterr().out
    assert sorted(figure_bytes(project)) == ["fixture_a_en.png", "fixture_a_en.svg"]
    fail_line = next(line for line in out.splitlines() if line.startswith("fail-en"))
    assert "failed" in fail_line and "ValueError: deliberate failure" in fail_line
    # the failing cell's execution count, as shown in the executed notebook: parameters (1),
    # papermill's injected parameters (2), "x = 1" (3), the raise (4)
    assert fail_line.split()[4] == "4"
    executed = project / "build" / "runs" / "fail-en" / "fail.ipynb"
    assert f"executed notebook of fail-en: {executed}" in out
    banner = json.loads(executed.read_text())["cells"][0]
    assert "An Exception was encountered" in "".join(banner["source"])


def test_whole_notebook_timeout(project, capsys):
    started = time.monotonic()
    assert run(project, [SLOW], "--timeout", "4") == 1
    assert time.monotonic() - started < 60
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("slow-en"))
    assert "timeout" in line and "timed out after 4 s" in line


def test_incremental_skip_and_invalidation(project, capsys):
    assert run(project, [OK]) == 0
    first = figure_bytes(project)
    assert run(project, [OK]) == 0
    assert "skipped" in capsys.readouterr().out.splitlines()[-1]
    csv = project / "data" / "departures.csv"
    csv.write_text(csv.read_text().replace("TWN,all,full_year,2023-01-01,2023-12-31,300", "TWN,all,full_year,2023-01-01,2023-12-31,301"))
    assert run(project, [OK]) == 0
    assert " ok " in capsys.readouterr().out.splitlines()[-1]
    assert figure_bytes(project) != first  # the data change reached the figure
    assert run(project, [OK], "--force") == 0
    assert " ok " in capsys.readouterr().out.splitlines()[-1]


def test_cell_tags_are_part_of_the_key_other_metadata_is_not(project, capsys):
    """A cell's tags change what a run does (``parameters``) or shows (``lang-en``/``lang-vi``), so retagging
    reruns it; metadata a JupyterLab session writes (``collapsed``, ``scrolled``) does not."""
    assert run(project, [OK]) == 0
    path = project / "notebooks" / "ok.ipynb"
    nb = json.loads(path.read_text())
    nb["cells"][-1]["metadata"]["collapsed"] = True
    nb["cells"][-1]["metadata"]["scrolled"] = False
    path.write_text(json.dumps(nb))
    capsys.readouterr()
    assert run(project, [OK]) == 0
    assert "skipped" in capsys.readouterr().out.splitlines()[-1]
    nb["cells"][-1]["metadata"]["tags"] = ["lang-vi"]
    path.write_text(json.dumps(nb))
    assert run(project, [OK]) == 0
    assert " ok " in capsys.readouterr().out.splitlines()[-1]
    assert run(project, [OK]) == 0
    assert "skipped" in capsys.readouterr().out.splitlines()[-1]


def test_deleted_figure_triggers_rerun(project, capsys):
    assert run(project, [OK]) == 0
    (project / "figures" / "fixture_a_en.svg").unlink()
    assert run(project, [OK]) == 0
    assert " ok " in capsys.readouterr().out.splitlines()[-1]
    assert (project / "figures" / "fixture_a_en.svg").exists()


def test_failed_run_leaves_previous_figures_untouched(project):
    assert run(project, [OK]) == 0
    before = figure_bytes(project)
    csv = project / "data" / "departures.csv"
    csv.write_text(csv.read_text().replace(",300,", ",299,"))  # new data: the partial run's figure would differ
    assert run(project, [PARTIAL]) == 1  # saves fixture_a_en then raises
    assert figure_bytes(project) == before
    assert not [p for p in (project / "figures").iterdir() if p.name.startswith(".")]


def test_two_runs_give_identical_figures(project):
    assert run(project, [OK]) == 0
    first = figure_bytes(project)
    assert run(project, [OK], "--force") == 0
    assert figure_bytes(project) == first


def test_undeclared_data_read_fails_the_run(project, capsys):
    undeclared = Run("ok-en", "notebooks/ok.ipynb", {"label": "a", "lang": "en"}, ("fixture_{label}_{lang}",), ())
    assert run(project, [undeclared]) == 1
    assert "read data not declared in the registry: datapackage.json, departures.csv, sources.csv" in capsys.readouterr().out
    assert figure_bytes(project) == {}


def test_missing_figure_fails_the_run(project, capsys):
    wrong = Run("ok-en", "notebooks/ok.ipynb", {"label": "a", "lang": "en"}, ("other_{lang}",), ("departures",))
    assert run(project, [wrong]) == 1
    out = capsys.readouterr().out
    assert "missing other_en.png, other_en.svg; not registered fixture_a_en.png, fixture_a_en.svg" in out


def test_check_compares_with_committed_figures(project, capsys):
    assert run(project, [OK], "--check") == 1  # nothing committed yet
    assert "fixture_a_en.png: not committed" in capsys.readouterr().out
    assert run(project, [OK]) == 0
    assert run(project, [OK], "--check") == 0
    (project / "figures" / "stale_en.png").write_bytes(b"old")
    svg = project / "figures" / "fixture_a_en.svg"
    svg.write_bytes(svg.read_bytes() + b" ")
    assert run(project, [OK], "--check") == 1
    out = capsys.readouterr().out
    assert "fixture_a_en.svg: differs from the committed file" in out
    assert "stale_en.png: committed but produced by no registered run" in out
    assert svg.read_bytes().endswith(b" ")  # --check never writes into figures/


def test_ctrl_c_stops_workers_and_keeps_figures(project):
    assert run(project, [OK]) == 0
    before = figure_bytes(project)
    script = (
        "import sys\nfrom pathlib import Path\nfrom vnjp.runner import Run, main\n"
        "slow = Run('slow-en', 'notebooks/slow.ipynb', {'lang': 'en'})\n"
        "partial = Run('partial-en', 'notebooks/partial.ipynb', {'label': 'a', 'lang': 'en'}, ('fixture_{label}_{lang}',), ('departures',))\n"
        f"sys.exit(main([slow, partial], ['--force'], root=Path({str(project)!r})))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], env=os.environ.copy(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # wait (not a fixed sleep, which a loaded machine outran) until the slow run's kernel is in its sleeping
    # cell and the partial run has ended: it saved its figure, then raised
    runs = project / "build" / "runs"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (
            (runs / "partial-en" / "run.json").exists()
            and b'"running"' in ((runs / "slow-en" / "slow.ipynb").read_bytes()
                                 if (runs / "slow-en" / "slow.ipynb").exists() else b"")):
        time.sleep(0.2)
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in out
    assert figure_bytes(project) == before


def test_skipped_run_keeps_what_its_last_run_left(project, capsys):
    assert run(project, [OK]) == 0
    rdir = project / "build" / "runs" / "ok-en"
    left = {name: (rdir / name).read_bytes() for name in ("ok.ipynb", "notebook.html", "run.json")}
    assert json.loads(left["run.json"])["status"] == "ok"
    assert run(project, [OK]) == 0
    assert "skipped" in capsys.readouterr().out.splitlines()[-1]
    assert {name: (rdir / name).read_bytes() for name in left} == left


def test_a_run_with_overrides_leaves_the_registry_run_current(project, capsys):
    # the override works in build/overrides/: build/runs/ok-en/ still holds the registry's run
    assert run(project, [OK]) == 0
    assert run(project, [OK], "-p", "scale", "2") == 0
    capsys.readouterr()
    assert run(project, [OK]) == 0
    assert "skipped" in capsys.readouterr().out.splitlines()[-1]
    assert json.loads((project / "build" / "runs" / "ok-en" / "run.json").read_text())["parameters"] == OK.parameters


def test_check_tells_untracked_from_committed(tmp_path):
    produced, committed = tmp_path / "produced", tmp_path / "figures"
    for d in (produced, committed):
        d.mkdir()
        (d / "a_en.png").write_bytes(b"a")
    (committed / "left_by_hand_en.png").write_bytes(b"x")  # untracked, produced by no registered run
    (committed / "old_en.svg").write_bytes(b"y")  # committed, produced by no registered run
    problems, notes = compare_figures(produced, committed, ["a_en.png"], True, tracked={"a_en.png", "old_en.svg"})
    assert problems == ["old_en.svg: committed but produced by no registered run"]
    assert notes == ["left_by_hand_en.png: untracked, produced by no registered run (not a committed figure)"]
    problems, _ = compare_figures(produced, committed, ["a_en.png"], True, tracked={"old_en.svg"})
    assert "a_en.png: in figures/ but not committed (untracked)" in problems
    assert git_tracked(tmp_path) is None  # not a git checkout: the caller treats every file as committed


def test_git_tracked_lists_committed_files_only(tmp_path):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    figs = tmp_path / "figures"
    figs.mkdir()
    (figs / "kept_en.png").write_bytes(b"k")
    subprocess.run([*git, "init", "-q", str(tmp_path)], check=True)
    subprocess.run([*git, "add", "figures/kept_en.png"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=tmp_path, check=True)
    (figs / "stray_en.png").write_bytes(b"s")
    assert git_tracked(figs) == {"kept_en.png"}


class _RecordingExecutor:
    """Stands in for ForkExecutor: notes the order it is handed the jobs, and 'runs' each for the
    seconds the test gives it (each ends failed: no notebook runs, nothing is promoted)."""

    def __init__(self, seconds):
        self.seconds, self.order = seconds, []

    def results(self, jobs):
        for job in jobs:
            self.order.append(job.run.name)
            yield job, {"status": "failed", "error": "not run (test)"}, self.seconds[job.run.name]


def test_runs_start_longest_first_from_the_seconds_their_last_records_say(project):
    """run.json records how long an attempt ran; the next execute() starts the longest first, runs never
    timed before all others, each group in registry order (vnjp.schedule.order)."""
    from vnjp.runner import execute

    names = ("a-en", "b-en", "c-en", "d-en")
    runs = [Run(n, "notebooks/fail.ipynb", {"lang": "en"}) for n in names]
    kw = dict(root=project, build=project / "build", figures=project / "figures", data_dir=project / "data",
              jobs=2, timeout=None, force=True)
    first = _RecordingExecutor({"a-en": 1.0, "b-en": 5.0, "c-en": 3.0, "d-en": 9.0})
    execute(runs[:3], executor=first, **kw)
    assert first.order == ["a-en", "b-en", "c-en"]  # no record yet: registry order
    for name, secs in first.seconds.items():
        if name != "d-en":
            record = json.loads((project / "build" / "runs" / name / "run.json").read_text())
            assert record["seconds"] == secs and record["status"] == "failed"
    # failed attempts say little about duration: make them count as timed-out ones (which do)
    for name in ("a-en", "b-en", "c-en"):
        path = project / "build" / "runs" / name / "run.json"
        path.write_text(json.dumps({**json.loads(path.read_text()), "status": "timeout"}))
    second = _RecordingExecutor(first.seconds)
    execute(runs, executor=second, **kw)
    assert second.order == ["d-en", "b-en", "c-en", "a-en"]
