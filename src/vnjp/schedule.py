"""Longest-first order for the registered runs, from the durations the last runs recorded.

With ``--jobs N`` workers, starting the runs in registry order can leave one long run, started
last, running alone at the end while the other workers idle. Starting the longest first (the LPT
rule) keeps the workers busy until the end. The order is a pure function of the runs and a
``{run name: seconds}`` mapping, so it is easy to test and to reason about:

1. Runs with no recorded duration go first, in registry order: a new or never-finished run may be
   the longest of all, and starting it early bounds the damage if it is.
2. Then the runs with a duration, longest first.
3. Ties keep registry order (the sort is stable), so the order never depends on anything but the
   registry and the records.

:func:`recorded_durations` reads the durations from ``build/runs/<run>/run.json``: the ``seconds``
field of a record whose status is ``ok`` or ``timeout`` (a run stopped at the time limit lasted at
least that long). A failed or interrupted attempt says little about how long the run takes, so then
the last successful attempt's record (``build/runs/<run>/last_ok/run.json``) is used if there is one.
A record without ``seconds`` (written before the runner recorded it), unreadable, or with a value that
is not a finite number of seconds, counts as no record. This module imports neither pandas nor the
runner (only the record's file names, from :mod:`vnjp.records`).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Iterable, Mapping, TypeVar

from .records import LAST_OK, RECORD

RUNS_DIR = "runs"  # build/runs/<run name>/
TRUSTED_STATUSES = ("ok", "timeout")

R = TypeVar("R")


def run_name(run: object) -> str:
    """A run's name: its ``name`` attribute (a registry ``Run``), or the run itself if it is a string."""
    return run if isinstance(run, str) else run.name


def order(runs: Iterable[R], durations: Mapping[str, float]) -> list[R]:
    """``runs`` in the order to start them: unrecorded first (registry order), then longest first;
    ties keep registry order. ``durations`` maps run names to seconds; names of no run are ignored, and a
    value that is not a finite, non-negative number counts as no record."""
    runs = list(runs)

    def rank(indexed: tuple[int, R]) -> tuple[int, float, int]:
        i, run = indexed
        seconds = _seconds(durations.get(run_name(run)))
        return (0, 0.0, i) if seconds is None else (1, -seconds, i)

    return [run for _, run in sorted(enumerate(runs), key=rank)]


def recorded_durations(build: Path, names: Iterable[str] | None = None) -> dict[str, float]:
    """``{run name: seconds}`` for the runs under ``build/runs/`` (or only ``names``) whose records
    say how long they took (see the module docstring); runs without a usable record are left out."""
    base = Path(build) / RUNS_DIR
    if names is None:
        try:
            names = sorted(p.name for p in base.iterdir() if p.is_dir())
        except OSError:  # no build/ yet, or not readable
            return {}
    out = {}
    for name in names:
        seconds = record_seconds(base / name)
        if seconds is not None:
            out[name] = seconds
    return out


def record_seconds(rdir: Path) -> float | None:
    """How long the run whose folder is ``rdir`` took, by its records; None if they do not say."""
    record = _read(rdir / RECORD)
    if record is not None and record.get("status") in TRUSTED_STATUSES:
        seconds = _seconds(record.get("seconds"))
        if seconds is not None:
            return seconds
    last_ok = _read(rdir / LAST_OK / RECORD)
    if last_ok is not None and last_ok.get("status") == "ok":
        return _seconds(last_ok.get("seconds"))
    return None


def ordered_from_build(runs: Iterable[R], build: Path) -> list[R]:
    """:func:`order` with the durations recorded under ``build``: what the runner calls."""
    runs = list(runs)
    return order(runs, recorded_durations(build, [run_name(r) for r in runs]))


def _read(path: Path) -> dict | None:
    try:
        out = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, unreadable, half-written or not JSON
        return None
    return out if isinstance(out, dict) else None


def _seconds(value: object) -> float | None:
    """``value`` as seconds if it is a finite, non-negative number (not a bool); else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) and value >= 0 else None
