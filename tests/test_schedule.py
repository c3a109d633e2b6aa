"""Longest-first scheduling (vnjp.schedule): a pure order, and durations read from build/runs/*/run.json."""

from __future__ import annotations

import heapq
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from vnjp.schedule import order, ordered_from_build, record_seconds, recorded_durations


@dataclass(frozen=True)
class Run:  # the registry's Run, as far as scheduling cares
    name: str


RUNS = [Run(n) for n in ("flows-en", "flows-vi", "destinations-en", "economy-en", "claims-en")]


def names(runs) -> list[str]:
    return [r.name if isinstance(r, Run) else r for r in runs]


def test_longest_first():
    durations = {"flows-en": 3.0, "flows-vi": 9.5, "destinations-en": 1.0, "economy-en": 4.0, "claims-en": 2.0}
    assert names(order(RUNS, durations)) == ["flows-vi", "economy-en", "flows-en", "claims-en", "destinations-en"]


def test_runs_without_a_record_go_first_in_registry_order():
    durations = {"flows-en": 3.0, "economy-en": 40.0}
    assert names(order(RUNS, durations)) == ["flows-vi", "destinations-en", "claims-en", "economy-en", "flows-en"]
    assert names(order(RUNS, {})) == names(RUNS)


def test_ties_keep_registry_order_whatever_the_mapping_order():
    durations = {"claims-en": 2.0, "economy-en": 2.0, "flows-en": 5.0, "destinations-en": 2.0, "flows-vi": 2.0}
    assert names(order(RUNS, durations)) == ["flows-en", "flows-vi", "destinations-en", "economy-en", "claims-en"]
    reversed_mapping = dict(reversed(list(durations.items())))
    assert order(RUNS, reversed_mapping) == order(RUNS, durations)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0, "12", None, True, [3]])
def test_a_value_that_is_not_seconds_counts_as_no_record(bad):
    got = names(order(RUNS, {"flows-en": bad, "flows-vi": 1.0, "destinations-en": 2.0, "economy-en": 3.0,
                             "claims-en": 0}))
    assert got == ["flows-en", "economy-en", "destinations-en", "flows-vi", "claims-en"]


def test_names_of_no_run_are_ignored_and_plain_names_work():
    assert order(["a", "b"], {"c": 100.0, "b": 1.0}) == ["a", "b"]
    assert order(["a", "b"], {"a": 1.0, "b": 2.0}) == ["b", "a"]
    assert order([], {"a": 1.0}) == []


def test_order_is_a_permutation_and_leaves_its_inputs_alone():
    rng = random.Random(13)
    for _ in range(200):
        runs = [Run(f"r{i}") for i in range(rng.randint(0, 12))]
        durations = {r.name: rng.choice([1.0, 2.0, 3.0, rng.random() * 10]) for r in runs if rng.random() < 0.7}
        runs_before, durations_before = list(runs), dict(durations)
        got = order(iter(runs), durations)  # any iterable
        assert sorted(names(got)) == sorted(names(runs)) and len(got) == len(runs)
        assert runs == runs_before and durations == durations_before
        recorded = [durations[r.name] for r in got if r.name in durations]
        assert recorded == sorted(recorded, reverse=True)
        unrecorded = [r for r in got if r.name not in durations]
        assert got[:len(unrecorded)] == unrecorded == [r for r in runs if r.name not in durations]


def makespan(runs, durations, workers: int) -> float:
    """When the last run ends if each run starts on the first free worker, in the given order."""
    free = [0.0] * workers
    for run in runs:
        heapq.heappush(free, heapq.heappop(free) + durations[run.name])
    return max(free)


def test_a_long_run_registered_last_no_longer_ends_the_job_alone():
    runs = [Run(f"short{i}") for i in range(3)] + [Run("long")]
    durations = {**{f"short{i}": 2.0 for i in range(3)}, "long": 6.0}
    assert makespan(runs, durations, 2) == 8.0  # registry order: the long run starts at 2 s and ends alone
    assert makespan(order(runs, durations), durations, 2) == 6.0  # the best possible: 12 s of work on 2 workers


def test_longest_first_keeps_grahams_bound_against_registry_order():
    """The LPT rule's guarantee (Graham): at most (4/3 - 1/(3m)) x the optimum, hence at most that
    x any order's makespan; check it against the registry order on random instances."""
    rng = random.Random(7)
    for _ in range(300):
        runs = [Run(f"r{i}") for i in range(rng.randint(1, 12))]
        durations = {r.name: rng.uniform(0.1, 30.0) for r in runs}
        for workers in (1, 2, 3):
            lpt = makespan(order(runs, durations), durations, workers)
            lower = max(max(durations.values()), sum(durations.values()) / workers)
            assert lpt <= (4 / 3 - 1 / (3 * workers)) * makespan(runs, durations, workers) + 1e-9
            assert lpt >= lower - 1e-9


# --------------------------------------------------------------------------- durations from build/runs


def write_record(build: Path, name: str, record, *, last_ok: bool = False, raw: str | None = None) -> Path:
    rdir = build / "runs" / name / ("last_ok" if last_ok else "")
    rdir.mkdir(parents=True, exist_ok=True)
    path = rdir / "run.json"
    path.write_text(raw if raw is not None else json.dumps(record), encoding="utf-8")
    return path


def test_durations_read_from_ok_and_timeout_records(tmp_path):
    write_record(tmp_path, "flows-en", {"run": "flows-en", "status": "ok", "seconds": 12.5})
    write_record(tmp_path, "economy-en", {"run": "economy-en", "status": "timeout", "seconds": 600})
    assert recorded_durations(tmp_path) == {"flows-en": 12.5, "economy-en": 600.0}
    assert recorded_durations(tmp_path, ["flows-en", "claims-en"]) == {"flows-en": 12.5}


def test_records_without_seconds_as_written_today_count_as_no_record(tmp_path):
    write_record(tmp_path, "flows-en", {"run": "flows-en", "key": "abc", "status": "ok", "cell": "", "error": "",
                                        "parameters": {}, "notebook": "x.ipynb", "figures": {}})
    assert recorded_durations(tmp_path) == {}
    assert names(ordered_from_build(RUNS, tmp_path)) == names(RUNS)


def test_a_failed_attempt_falls_back_to_the_last_successful_one(tmp_path):
    write_record(tmp_path, "flows-en", {"status": "failed", "seconds": 0.3})
    assert record_seconds(tmp_path / "runs" / "flows-en") is None
    write_record(tmp_path, "flows-en", {"status": "ok", "seconds": 14.0}, last_ok=True)
    assert record_seconds(tmp_path / "runs" / "flows-en") == 14.0
    write_record(tmp_path, "flows-vi", {"status": "interrupted", "seconds": 1.0})
    write_record(tmp_path, "flows-vi", {"status": "failed", "seconds": 99.0}, last_ok=True)  # not a success
    assert recorded_durations(tmp_path) == {"flows-en": 14.0}


@pytest.mark.parametrize("raw", ["", "{", "[1, 2]", "null", '"ok"', '{"status": "ok", "seconds": "12"}',
                                 '{"status": "ok", "seconds": NaN}', '{"status": "ok", "seconds": -3}',
                                 '{"status": "ok", "seconds": true}', '{"seconds": 5}', "\x00\xff"])
def test_unusable_records_count_as_no_record(tmp_path, raw):
    write_record(tmp_path, "flows-en", None, raw=raw)
    write_record(tmp_path, "flows-vi", {"status": "ok", "seconds": 2.0})
    assert recorded_durations(tmp_path) == {"flows-vi": 2.0}
    assert names(ordered_from_build(RUNS, tmp_path))[:2] == ["flows-en", "destinations-en"]


def test_no_build_folder_and_stray_files(tmp_path):
    assert recorded_durations(tmp_path / "missing") == {}
    assert ordered_from_build(RUNS, tmp_path / "missing") == RUNS
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "stray.txt").write_text("not a run", encoding="utf-8")
    (tmp_path / "runs" / "flows-en").mkdir()  # a run folder with no record yet (first attempt still running)
    write_record(tmp_path, "claims-en", {"status": "ok", "seconds": 1.0})
    (tmp_path / "runs" / "claims-en" / "run.json.tmp").write_text('{"status": "ok", "seconds": 50}')
    assert recorded_durations(tmp_path) == {"claims-en": 1.0}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_record_counts_as_no_record(tmp_path):
    path = write_record(tmp_path, "flows-en", {"status": "ok", "seconds": 3.0})
    path.chmod(0)
    try:
        assert recorded_durations(tmp_path) == {}
    finally:
        path.chmod(0o644)


def test_ordered_from_build_end_to_end(tmp_path):
    for name, seconds in [("flows-en", 20.0), ("flows-vi", 21.0), ("destinations-en", 8.0), ("economy-en", 30.0)]:
        write_record(tmp_path, name, {"run": name, "status": "ok", "seconds": seconds})
    got = names(ordered_from_build(RUNS, tmp_path))
    assert got == ["claims-en", "economy-en", "flows-vi", "flows-en", "destinations-en"]


def test_a_record_that_is_a_folder_counts_as_no_record(tmp_path):
    (tmp_path / "runs" / "flows-en" / "run.json").mkdir(parents=True)  # unreadable as a file, even for root
    write_record(tmp_path, "flows-en", {"status": "ok", "seconds": 4.0}, last_ok=True)
    assert recorded_durations(tmp_path) == {"flows-en": 4.0}
