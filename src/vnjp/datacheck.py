"""``python -m vnjp.data check``: every problem in the data package, and what it covers.

Runs the loader (:func:`vnjp.data.load`) on every resource of ``datapackage.json`` and lists
*all* its refusals with file, row and column, not just the first file's. A resource whose
foreign-key target is itself broken is still checked (its keys are compared with the target's
raw ids), so one bad file does not hide the problems of the files that cite it. On top of the
loader's rules it applies the package rules below, which look across files or at prose:

- :func:`source_date_problems`: a source whose id or URL carries a date has it in ``published``;
- :func:`suspect_reason_problems`: a ``suspect`` row says why in its ``note`` (``Suspect: ...``),
  and no other row carries such a reason;
- claims' selectors name real columns and values (:func:`vnjp.data.parse_selector`).

Then it prints a coverage table (years × series; legend under the table) and exits 1 when it
found problems, 0 otherwise. Nothing is written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pandas as pd

from . import data
from .data import DataError, Problem

FIRST_YEAR = 1992  # the first Vietnamese technical intern trainees went to Japan

# --------------------------------------------------------------------------- package rules

# A date at the end of a source id: -YYYY, -YYYYMM or -YYYYMMDD, optionally followed by a
# disambiguating -N (``vietnamplus-201201-2``). ``-nd`` ids ("no date") carry none.
_ID_DATE = re.compile(r"-((?:19|20)\d{2})((?:0[1-9]|1[0-2])((?:0[1-9]|[12]\d|3[01]))?)?(?:-\d{1,2})?$")
# A date in a URL: YYYY/MM[/DD], YYYY-MM-DD, YYYYMMDD (not inside a longer run of digits).
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])(?:\2(0[1-9]|[12]\d|3[01]))?(?!\d)")


def id_date(source_id: str) -> str | None:
    """The date a source id carries, as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (None if none)."""
    m = _ID_DATE.search(source_id)
    if not m:
        return None
    year, rest, day = m.group(1), m.group(2), m.group(3)
    if not rest:
        return year
    month = rest[:2]
    return f"{year}-{month}" + (f"-{day}" if day else "")


def url_date(url: str) -> str | None:
    """The first date a URL's path carries (``YYYY-MM`` or ``YYYY-MM-DD``); a bare year is not one."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    year, _sep, month, day = m.groups()
    if _sep == "" and day is None:  # YYYYMM alone is too often part of an article number
        return None
    return f"{year}-{month}" + (f"-{day}" if day else "")


def _months(date: str) -> int:
    return int(date[:4]) * 12 + (int(date[5:7]) if len(date) >= 7 else 1)


def source_date_problems(sources: pd.DataFrame, label: str = "data/sources.csv") -> list[Problem]:
    """Sources whose id or URL carries a date that ``published`` does not hold.

    - id date: ``published`` must start with it (it may be more precise: id ``x-201404`` with
      ``published`` 2014-04-17 is fine; a year-only id ``x-2009`` asks only for the year).
    - URL date: ``published`` must not be empty and must lie within a month of it (a URL's
      folder can be the month after the article, or an archive's snapshot date some days later).
    """
    out = []
    for idx, row in sources.iterrows():
        sid = str(row["source_id"])
        pub = "" if pd.isna(row["published"]) else str(row["published"])
        want = id_date(sid)
        if want and not pub.startswith(want):
            out.append(Problem(label, idx + 2, "published",
                               f"id '{sid}' carries the date {want} but published is '{pub}'"))
            continue
        in_url = url_date("" if pd.isna(row["url"]) else str(row["url"]))
        if in_url and not pub:
            out.append(Problem(label, idx + 2, "published",
                               f"the URL carries the date {in_url} but published is empty"))
        elif in_url and abs(_months(in_url) - _months(pub)) > 1:
            out.append(Problem(label, idx + 2, "published",
                               f"the URL carries the date {in_url}, more than a month from published '{pub}'"))
    return out


SUSPECT_PREFIX = "Suspect:"
FLAGGED = ("departures", "residents_japan", "economy")


def suspect_reason_problems(frame: pd.DataFrame, label: str) -> list[Problem]:
    """A suspect row's note starts ``Suspect:`` and gives the reason; only suspect rows do."""
    out = []
    for idx, row in frame.iterrows():
        note = "" if pd.isna(row["note"]) else str(row["note"]).strip()
        reason = note.startswith(SUSPECT_PREFIX) and len(note) > len(SUSPECT_PREFIX) + 10
        if row["status"] == "suspect" and not reason:
            out.append(Problem(label, idx + 2, "note",
                               f"status is suspect but the note does not say why (start it with '{SUSPECT_PREFIX} ')"))
        elif row["status"] != "suspect" and note.startswith(SUSPECT_PREFIX):
            out.append(Problem(label, idx + 2, "status",
                               f"the note gives a reason for suspect but status is '{row['status']}'"))
    return out


def selector_problems(claims: pd.DataFrame, label: str = "data/claims.csv") -> list[Problem]:
    out = []
    for idx, row in claims.iterrows():
        for column in ("numerator", "denominator"):
            selector = row.get(column)
            if isinstance(selector, str) and selector:
                try:
                    data.parse_selector(selector)
                except (ValueError, KeyError) as exc:
                    out.append(Problem(label, idx + 2, column, str(exc)))
    return out


# --------------------------------------------------------------------------- running the loader


def _raw(name: str) -> pd.DataFrame:
    return pd.read_csv(data.resource_path(name), dtype=str, keep_default_na=False, encoding="utf-8")


@contextmanager
def _tolerant_references():
    """While checking, a broken foreign-key target yields its raw ids instead of raising."""
    real_load = data.load

    def load(name: str) -> pd.DataFrame:
        try:
            return real_load(name)
        except DataError:
            return _raw(name).replace("", pd.NA)

    with mock.patch.object(data, "load", load):
        try:
            yield real_load
        finally:
            data._load_cached.cache_clear()  # nothing validated against a broken target stays cached


def check_package() -> tuple[list[Problem], dict[str, pd.DataFrame]]:
    """All problems in the package at ``paths.data_dir()``, and the resources that loaded."""
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    try:
        names = data.resource_names()
    except FileNotFoundError:
        return [Problem("data/datapackage.json", None, None, "file not found")], frames
    except DataError as exc:  # the loader names the file, line and column of malformed JSON
        return list(exc.problems), frames
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        return [Problem("data/datapackage.json", None, None, f"not a readable descriptor: {exc}")], frames

    seen: set[tuple] = set()

    def add(found: list[Problem]) -> None:
        for p in found:
            key = (p.file, p.row, p.column, p.message)
            if key not in seen:
                seen.add(key)
                problems.append(p)

    with _tolerant_references() as load:
        for name in names:
            label = f"data/{data.resource_descriptor(name)['path']}"
            try:
                frames[name] = load(name)
            except DataError as exc:
                add(exc.problems)
            except FileNotFoundError:
                add([Problem(label, None, None, "file not found")])
            except (pd.errors.ParserError, UnicodeDecodeError) as exc:
                add([Problem(label, None, None, f"not a readable CSV: {exc}")])

    for name in names:  # the package rules read the raw files, so they run even where the loader refused
        label = f"data/{data.resource_descriptor(name)['path']}"
        try:
            raw = _raw(name)
        except (FileNotFoundError, pd.errors.ParserError, UnicodeDecodeError):
            continue
        if name == "sources" and {"source_id", "url", "published"} <= set(raw.columns):
            add(source_date_problems(raw, label))
        if name in FLAGGED and {"status", "note"} <= set(raw.columns):
            add(suspect_reason_problems(raw, label))
        if name == "claims" and {"numerator", "denominator"} <= set(raw.columns):
            add(selector_problems(raw, label))
    problems.sort(key=lambda p: (p.file, p.row or 0))  # file by file, in row order (stable within a row)
    return problems, frames


# --------------------------------------------------------------------------- coverage

LEGEND = ("# exact final figure   ~ rounded only (about, more than, ...)   f forecast or preliminary only\n"
          "p part-year only   . nothing   (suspect rows ignored; a resource that did not load has no block)\n"
          "departures: full-year workers sent (ALL / JPN, all; ALL women), ALL plan targets, any other measure;\n"
          "residents_japan: year-end stocks, any basis but MHLW end-October and Vietnamese estimates "
          "(SSW = i+ii or i);\n"
          "economy: calendar or fiscal year (not cumulative); trade from Vietnam's side except 'JP MOF trade'.")

_FIRM = {"final", "plan_original", "plan_revised"}


def mark(rows: pd.DataFrame, partial: pd.Series | None = None) -> str:
    """One cell of the coverage table for the rows of one series in one year."""
    rows = rows[rows["status"] != "suspect"]
    if rows.empty:
        return "."
    if partial is not None:
        whole = rows[~partial.reindex(rows.index).fillna(False).astype(bool)]
        if whole.empty:
            return "p"
        rows = whole
    firm = rows[rows["status"].isin(_FIRM)]
    if firm.empty:
        return "f"
    return "#" if (firm["qualifier"] == "exact").any() else "~"


def _departures_series(dep: pd.DataFrame) -> dict[str, tuple[pd.DataFrame, pd.Series | None]]:
    out = {}
    single = dep[dep["period"] != "multi_year"]
    partial = single["period"] == "part_year"
    sent = single[single["measure"] == "workers_sent"]
    out["dep total"] = (sent[(sent["destination"] == "ALL") & (sent["sex"] == "all")], partial)
    out["dep Japan"] = (sent[(sent["destination"] == "JPN") & (sent["sex"] == "all")], partial)
    out["dep women"] = (sent[(sent["destination"] == "ALL") & (sent["sex"] == "women")], partial)
    plan = single[single["measure"] == "plan_target"]
    out["dep plan"] = (plan[plan["destination"] == "ALL"], partial)
    for measure in sorted(set(single["measure"]) - {"workers_sent", "plan_target", "workers_sent_annual_average"}):
        out[measure.replace("_", " ")] = (single[single["measure"] == measure], partial)  # e.g. a new measure
    return out


_RESIDENT_SERIES = [
    ("VN total", "VNM", ("total",)),
    ("VN TITP", "VNM", ("technical_intern_training",)),
    ("VN SSW", "VNM", ("specified_skilled_worker", "ssw_i")),
    ("VN engineer", "VNM", ("engineer_humanities_intl",)),
    ("VN student", "VNM", ("student",)),
    ("ALL total", "ALL", ("total",)),
    ("ALL TITP", "ALL", ("technical_intern_training",)),
]

_ECONOMY_SERIES = [
    ("trade VN", ("trade_total",), lambda r: r != "jp_mof"),
    ("exp VN>JP", ("exports_vn_to_jp",), lambda r: r != "jp_mof"),
    ("imp VN<JP", ("imports_vn_from_jp",), lambda r: r != "jp_mof"),
    ("JP MOF trade", ("trade_total", "exports_vn_to_jp", "imports_vn_from_jp"), lambda r: r == "jp_mof"),
    ("ODA commit", ("oda_commitment", "oda_commitment_loan", "oda_commitment_grant", "oda_commitment_tc"), None),
    ("FDI reg.", ("fdi_registered_annual",), None),
    ("remittances", ("remittances_total",), None),
]


def coverage(frames: dict[str, pd.DataFrame], first: int = FIRST_YEAR, last: int | None = None) -> pd.DataFrame:
    """Years × series: one :func:`mark` per cell. Columns are ``(resource, series)``; the series of a
    resource that did not load are left out. Years run from ``first`` to the latest year found."""
    columns: dict[tuple[str, str], dict[int, str]] = {}
    years: set[int] = set()

    if "departures" in frames:
        dep = frames["departures"].copy()
        dep["year"] = dep["period_end"].dt.year
        years |= set(dep["year"].dropna().astype(int))
        for title, (rows, partial) in _departures_series(dep).items():
            columns["departures", title] = {int(y): mark(grp, partial) for y, grp in rows.groupby("year")}
    if "residents_japan" in frames:
        res = frames["residents_japan"].copy()
        res = res[(res["unit"] == "persons") & res["date"].dt.strftime("%m-%d").eq("12-31")
                  & ~res["basis"].isin(["mhlw_employment", "vn_government_estimate"])]
        res["year"] = res["date"].dt.year
        years |= set(res["year"].dropna().astype(int))
        for title, nat, statuses in _RESIDENT_SERIES:
            rows = res[(res["nationality"] == nat) & res["status_of_residence"].isin(statuses)]
            columns["residents_japan", title] = {int(y): mark(grp) for y, grp in rows.groupby("year")}
    if "economy" in frames:
        eco = frames["economy"]
        eco = eco[eco["year_basis"] != "cumulative"]
        years |= set(eco["year"].dropna().astype(int))
        for title, indicators, reporter_ok in _ECONOMY_SERIES:
            rows = eco[eco["indicator"].isin(indicators)]
            if reporter_ok is not None:
                rows = rows[rows["reporter"].map(reporter_ok).astype(bool)]
            partial = rows["year_basis"] == "part_year"
            columns["economy", title] = {int(y): mark(grp, partial) for y, grp in rows.groupby("year")}

    if last is None:
        last = max(years) if years else first
    index = pd.Index(range(first, last + 1), name="year")
    table = pd.DataFrame({key: [cells.get(y, ".") for y in index] for key, cells in columns.items()}, index=index)
    if len(table.columns):
        table.columns = pd.MultiIndex.from_tuples(table.columns, names=["resource", "series"])
    return table


def render(table: pd.DataFrame) -> str:
    """The coverage table as text: one block per resource, a count of full years under each column."""
    if not len(table.columns):
        return "coverage: no resource with a series loaded"
    blocks = []
    for resource in table.columns.get_level_values(0).unique():
        part = table[resource]
        widths = {c: len(c) for c in part.columns}
        head = "year  " + "  ".join(c.rjust(widths[c]) for c in part.columns)
        lines = [resource, head, "-" * len(head)]
        for year, row in part.iterrows():
            lines.append(f"{year}  " + "  ".join(str(row[c]).rjust(widths[c]) for c in part.columns))
        full = [str(int(part[c].isin(["#", "~"]).sum())).rjust(widths[c]) for c in part.columns]
        lines += ["-" * len(head), "full  " + "  ".join(full)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n\n" + LEGEND + "\n'full' = years with a full-year firm figure (# or ~)."


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vnjp.data",
                                     description="Validate the data package and show what it covers.")
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("check", help="list every problem (file, row, column) and print a coverage table")
    cmd.add_argument("--data-dir", type=Path, help="the package folder (default: data/, or $VNJP_DATA_DIR)")
    cmd.add_argument("--first-year", type=int, default=FIRST_YEAR,
                     help=f"first year of the table (default {FIRST_YEAR})")
    args = parser.parse_args(argv)

    if args.data_dir is not None:
        os.environ["VNJP_DATA_DIR"] = str(args.data_dir.resolve())
    problems, frames = check_package()
    where = data.package_path().parent
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {where}:")
        for p in problems:
            print(f"  {p}")
    else:
        print(f"{where}: no problems ({len(frames)} resources: {', '.join(frames)})")
    print()
    print(render(coverage(frames, first=args.first_year)))
    return 1 if problems else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
