"""The one loader for ``data/``: typed DataFrames, validated against ``datapackage.json``.

Every notebook reads data through :func:`load`. The Table Schemas in
``data/datapackage.json`` are the single description of each file (types, required
fields, enums, minimums, primary and foreign keys); this module enforces them with
pandas (fast enough to run on every load) and adds the checks a schema cannot state:
women above the total, markets summing above the total, inconsistent periods.

A refusal is a :class:`DataError` whose message names the file, the row (line number
in the CSV, header = line 1) and the column, so a researcher can open the file and fix it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths

MAX_LISTED = 12  # problems listed in one DataError message


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # line number in the CSV (header is line 1); None for file-level problems
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Bad data. ``problems`` lists every problem found; the message shows the first ones."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(f"... and {len(problems) - MAX_LISTED} more problems")
        super().__init__("\n".join(lines))


# --------------------------------------------------------------------------- descriptor


def package_path() -> Path:
    return paths.data_dir() / "datapackage.json"


def _note_read(path: Path) -> None:
    """Record a data file the current process read (the runner checks declared inputs)."""
    log = os.environ.get("VNJP_READS_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(str(Path(path).resolve()) + "\n")


def descriptor() -> dict:
    path = package_path()
    _note_read(path)
    return _descriptor_cached(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _descriptor_cached(path: str, _mtime: int) -> dict:
    label = _label(Path(path))
    with open(path, encoding="utf-8-sig") as fh:
        try:
            out = json.load(fh)
        except json.JSONDecodeError as exc:
            raise DataError([Problem(label, None, None, f"line {exc.lineno}, column {exc.colno}: "
                                                        f"malformed JSON: {exc.msg}")]) from None
    if not isinstance(out, dict) or not isinstance(out.get("resources"), list):
        raise DataError([Problem(label, None, None, "not a data package (no 'resources' list)")])
    return out


def _label(path: Path) -> str:
    """``data/<file>`` for a file of the data package, as messages name it."""
    try:
        return f"data/{path.relative_to(paths.data_dir()).as_posix()}"
    except ValueError:
        return str(path)


def _check_csv_shape(path: str, label: str) -> None:
    """Refuse a file pandas would misread or report without its name: empty, a row with more or
    fewer fields than the header, a quoted field never closed. Lines are physical lines
    (header = line 1), counting the line breaks inside quoted fields."""
    import csv

    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        start = 1
        try:
            header = next(reader, None)
            if header is None or not any(h.strip() for h in header):
                raise DataError([Problem(label, None, None, "empty file: no header line")])
            start = reader.line_num + 1
            for row in reader:
                if row and len(row) != len(header):
                    more = "more" if len(row) > len(header) else "fewer"
                    raise DataError([Problem(label, None, None, f"line {start}: {len(row)} fields, {more} than "
                                                                f"the {len(header)} of the header")])
                start = reader.line_num + 1
        except csv.Error as exc:
            if "end of data" in str(exc) or "EOF" in str(exc):
                msg = f"line {start}: a quoted field opened on this line is never closed (file cut short?)"
            else:
                msg = f"line {reader.line_num}: unreadable CSV ({exc})"
            raise DataError([Problem(label, None, None, msg)]) from None


def resource_names() -> list[str]:
    return [r["name"] for r in descriptor()["resources"]]


def resource_descriptor(name: str) -> dict:
    for res in descriptor()["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"no resource '{name}' in {package_path()} (has: {', '.join(resource_names())})")


def resource_path(name: str) -> Path:
    return paths.data_dir() / resource_descriptor(name)["path"]


def field_titles(name: str) -> dict[str, str]:
    """Field name -> its description, for tables shown in notebooks."""
    return {f["name"]: f.get("description", "") for f in resource_descriptor(name)["schema"]["fields"]}


# --------------------------------------------------------------------------- loading


def load(name: str) -> pd.DataFrame:
    """Return resource ``name`` as a typed, validated DataFrame (a fresh copy each call)."""
    path = resource_path(name)
    _note_read(path)
    deps = tuple(fk["reference"]["resource"] for fk in _foreign_keys(name))
    stamp = (path.stat().st_mtime_ns, path.stat().st_size, package_path().stat().st_mtime_ns)
    frame = _load_cached(name, str(path), stamp)
    for dep in deps:  # foreign keys were checked against these files: they are inputs too
        _note_read(resource_path(dep))
    return frame.copy()


def _foreign_keys(name: str) -> list[dict]:
    return resource_descriptor(name)["schema"].get("foreignKeys", [])


@lru_cache(maxsize=32)
def _load_cached(name: str, path: str, _stamp: tuple) -> pd.DataFrame:
    res = resource_descriptor(name)
    schema = res["schema"]
    label = f"data/{res['path']}"
    _check_csv_shape(path, label)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    problems: list[Problem] = []

    fields = schema["fields"]
    names = [f["name"] for f in fields]
    missing = [n for n in names if n not in raw.columns]
    for n in missing:
        problems.append(Problem(label, None, n, "missing column"))
    for extra in [c for c in raw.columns if c not in names]:
        problems.append(Problem(label, None, extra, "column not described in datapackage.json"))
    if problems:
        raise DataError(problems)

    out = {}
    for field in fields:
        out[field["name"]] = _typed_column(raw[field["name"]], field, label, problems)
    frame = pd.DataFrame(out)[names]

    _check_primary_key(frame, schema, label, problems)
    for fk in _foreign_keys(name):
        _check_foreign_key(frame, fk, label, problems)
    for check in CHECKS.get(name, []):
        check(frame, label, problems)
    if problems:
        raise DataError(problems)
    for derive in DERIVED.get(name, []):
        frame = derive(frame)
    return frame


_INT = re.compile(r"^-?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _typed_column(col: pd.Series, field: dict, label: str, problems: list[Problem]) -> pd.Series:
    name, ftype = field["name"], field.get("type", "string")
    cons = field.get("constraints", {})
    values = col.str.strip()
    empty = values == ""
    if cons.get("required"):
        for idx in values.index[empty]:
            problems.append(Problem(label, idx + 2, name, "required value is empty"))

    present = values[~empty]
    if ftype in ("integer", "year"):
        bad = present[~present.str.match(_INT)]
        for idx, val in bad.items():
            problems.append(Problem(label, idx + 2, name, f"expected a whole number, got '{val}'"))
        typed = pd.array([int(v) if (v != "" and _INT.match(v)) else pd.NA for v in values], dtype="Int64")
    elif ftype == "number":
        typed_list = []
        for idx, val in values.items():
            if val == "":
                typed_list.append(pd.NA)
                continue
            try:
                typed_list.append(float(val))
            except ValueError:
                problems.append(Problem(label, idx + 2, name, f"expected a number, got '{val}'"))
                typed_list.append(pd.NA)
        typed = pd.array(typed_list, dtype="Float64")
    elif ftype == "date":
        typed_list = []
        for idx, val in values.items():
            if val == "":
                typed_list.append(pd.NaT)
                continue
            try:
                if not _DATE.match(val):
                    raise ValueError
                typed_list.append(pd.Timestamp(val))
            except ValueError:
                problems.append(Problem(label, idx + 2, name, f"expected an ISO date YYYY-MM-DD, got '{val}'"))
                typed_list.append(pd.NaT)
        typed = pd.Series(pd.to_datetime(typed_list), index=values.index)
    else:
        typed = values.where(~empty, pd.NA).astype("string")

    typed = pd.Series(typed, index=values.index, name=name)
    if "enum" in cons:
        allowed = set(cons["enum"])
        for idx, val in values[~empty].items():
            if val not in allowed:
                problems.append(Problem(label, idx + 2, name, f"'{val}' is not one of: {', '.join(cons['enum'])}"))
    if "minimum" in cons and ftype in ("integer", "number", "year"):
        low = cons["minimum"]
        for idx, val in typed.dropna().items():
            if val < low:
                problems.append(Problem(label, idx + 2, name, f"{val} is below the minimum {low}"))
    if "pattern" in cons:
        pat = re.compile(f"^(?:{cons['pattern']})$")
        for idx, val in values[~empty].items():
            if not pat.match(val):
                problems.append(Problem(label, idx + 2, name, f"'{val}' does not match the pattern {cons['pattern']}"))
    return typed


def _check_primary_key(frame: pd.DataFrame, schema: dict, label: str, problems: list[Problem]) -> None:
    key = schema.get("primaryKey")
    if not key:
        return
    key = [key] if isinstance(key, str) else key
    first_seen: dict[tuple, int] = {}
    for idx, values in zip(frame.index, frame[key].itertuples(index=False, name=None)):
        values = tuple(None if pd.isna(v) else v for v in values)
        if values in first_seen:
            problems.append(Problem(label, idx + 2, ",".join(key),
                                    f"duplicate primary key (same as row {first_seen[values] + 2})"))
        else:
            first_seen[values] = idx


def _check_foreign_key(frame: pd.DataFrame, fk: dict, label: str, problems: list[Problem]) -> None:
    field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
    ref = fk["reference"]
    ref_field = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
    known = set(load(ref["resource"])[ref_field].dropna())
    for idx, val in frame[field].items():
        if pd.notna(val) and val not in known:
            problems.append(Problem(label, idx + 2, field, f"unknown {ref['resource']} id '{val}'"))


# --------------------------------------------------------------------------- resource checks


def _check_periods(frame: pd.DataFrame, label: str, problems: list[Problem]) -> None:
    for idx, row in frame.iterrows():
        start, end, kind = row["period_start"], row["period_end"], row["period"]
        if pd.isna(start) or pd.isna(end):
            continue
        if start > end:
            problems.append(Problem(label, idx + 2, "period_end", "period ends before it starts"))
            continue
        same_year = start.year == end.year
        whole = same_year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        expected = "full_year" if whole else ("part_year" if same_year else "multi_year")
        if kind != expected:
            problems.append(Problem(label, idx + 2, "period",
                                    f"'{kind}' but {start.date()}..{end.date()} is a {expected}"))


def _check_range(frame: pd.DataFrame, label: str, problems: list[Problem]) -> None:
    if "value_upper" not in frame:
        return
    bad = frame["value_upper"].notna() & (frame["value_upper"] < frame["value"])
    for idx in frame.index[bad.fillna(False)]:
        problems.append(Problem(label, idx + 2, "value_upper", "upper end of the range is below 'value'"))


_SAME_FIGURE = ["measure", "period_start", "period_end", "status", "source_id"]


def _check_women_within_total(frame: pd.DataFrame, label: str, problems: list[Problem]) -> None:
    """Within one source, women sent to a destination cannot exceed all workers sent there."""
    exact = frame[(frame["qualifier"] == "exact") & frame["value"].notna()]
    keys = _SAME_FIGURE + ["destination"]
    totals = exact[exact["sex"] == "all"].groupby(keys)["value"].max().to_dict()
    for idx, row in exact[exact["sex"] == "women"].iterrows():
        total = totals.get(tuple(row[c] for c in keys))
        if total is not None and row["value"] > total:
            problems.append(Problem(label, idx + 2, "value",
                                    f"women ({row['value']}) above the total ({total}) "
                                    f"for {row['destination']} in the same source"))


def _check_markets_within_total(frame: pd.DataFrame, label: str, problems: list[Problem]) -> None:
    """Within one source, the named markets cannot add up to more than the all-destination total."""
    exact = frame[(frame["qualifier"] == "exact") & (frame["measure"] == "workers_sent") & frame["value"].notna()]
    groups = exact.groupby(_SAME_FIGURE + ["sex"], dropna=False)
    for key, grp in groups:
        total = grp[grp["destination"] == "ALL"]
        parts = grp[grp["destination"] != "ALL"]
        if total.empty or parts.empty:
            continue
        if parts["value"].sum() > total["value"].max():
            idx = total.index[0]
            problems.append(Problem(label, idx + 2, "value",
                                    f"markets add up to {parts['value'].sum()}, above the total "
                                    f"{total['value'].max()} ({grp['sex'].iloc[0]}, same source)"))


def _check_non_negative_except_balances(frame: pd.DataFrame, label: str, problems: list[Problem]) -> None:
    bad = (frame["value"] < 0) & ~frame["indicator"].str.startswith("trade_balance")
    for idx in frame.index[bad.fillna(False)]:
        problems.append(Problem(label, idx + 2, "value",
                                f"negative {frame.loc[idx, 'indicator']} (only a balance can be)"))


_PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}


def _check_date_precision(frame: pd.DataFrame, label: str, problems: list[Problem]) -> None:
    for idx, row in frame.iterrows():
        if pd.notna(row["date"]) and len(row["date"]) != _PRECISION_LENGTH.get(row["date_precision"], -1):
            problems.append(Problem(label, idx + 2, "date_precision",
                                    f"'{row['date_precision']}' does not match the date '{row['date']}'"))


def _add_year(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["year"] = frame["period_end"].dt.year.astype("Int64")
    return frame


CHECKS = {
    "departures": [_check_periods, _check_range, _check_women_within_total, _check_markets_within_total],
    "economy": [_check_non_negative_except_balances],
    "timeline": [_check_date_precision],
    "social_security": [_check_date_precision],
    "arrivals_japan": [_check_periods],
}
DERIVED = {
    "departures": [_add_year],
    "arrivals_japan": [_add_year],
}


SELECTABLE = ("departures", "residents_japan", "economy", "timeline")


def parse_selector(selector: str) -> tuple[str, dict[str, str]]:
    """``'departures?measure=workers_sent&year=2023'`` -> ``('departures', {...})``.

    The form ``claims.csv`` uses to name the series a claim is tested against. Raises
    ``ValueError`` for an unknown resource, a column the resource does not have (``year``,
    the period's end year, is allowed), or a value outside the column's enum.
    """
    from urllib.parse import parse_qsl

    resource, _, query = selector.partition("?")
    if resource not in SELECTABLE:
        raise ValueError(f"'{selector}': unknown resource '{resource}' (one of: {', '.join(SELECTABLE)})")
    fields = {f["name"]: f for f in resource_descriptor(resource)["schema"]["fields"]}
    pairs = dict(parse_qsl(query))
    for key, value in pairs.items():
        if key not in fields and key != "year":
            raise ValueError(f"'{selector}': {resource} has no column '{key}'")
        allowed = fields.get(key, {}).get("constraints", {}).get("enum")
        if allowed and value not in allowed:
            raise ValueError(f"'{selector}': {key}={value} is not one of: {', '.join(allowed)}")
    return resource, pairs


def files_for(resources: list[str]) -> list[Path]:
    """The files a set of resources is read from (the resource files, their foreign-key
    targets and the descriptor): what the runner hashes to decide whether to re-run."""
    out = {package_path()}
    todo = list(resources)
    while todo:
        name = todo.pop()
        out.add(resource_path(name))
        todo.extend(fk["reference"]["resource"] for fk in _foreign_keys(name))
    return sorted(out)


if __name__ == "__main__":  # python -m vnjp.data check (the logic lives in vnjp.datacheck)
    import sys

    from .datacheck import main

    sys.exit(main())
