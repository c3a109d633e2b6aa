"""Numbers and stated figures as the verdict table writes them."""

from __future__ import annotations

import math

import pandas as pd

from .tolerance import decimals_of


def num(value: float, unit: str = "") -> str:
    """A number for the arithmetic lines (English style; percentages to two decimals)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    if unit == "percent":
        return f"{value:.2f}%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{max(decimals_of(value), 1)}f}"


WORDING = {"exact": "", "about": "about ", "more_than": "more than ", "nearly": "nearly ", "less_than": "less than "}


SIGN = {"exact": "=", "about": "≈", "more_than": ">", "nearly": "≲", "less_than": "<"}


UNIT_WORD = {"persons": " persons", "USD_bn": " bn USD", "rank": "", "count": "", "percent": "", "none": ""}


NOT_SIGN = {"exact": "≠", "about": "≠", "more_than": "≤", "nearly": "∉ [95%, 100%) of", "less_than": "≥"}


def relation(holds: bool, qualifier: str) -> str:
    """The sign between a data value and a stated figure: '>' for a 'more than' that holds, '≤' when it fails."""
    return SIGN[qualifier] if holds else NOT_SIGN[qualifier]


def stated_text(claim, wording: bool = True) -> str:
    if pd.isna(claim["value"]):
        return "(no figure)"
    unit = claim["unit"]
    prefix = WORDING.get(claim["qualifier"], "") if wording else ""
    text = prefix + num(claim["value"], unit if unit != "percent" else "")
    if pd.notna(claim["value_upper"]):
        text += "–" + num(claim["value_upper"])
    if unit == "percent":
        text += "%"
    elif unit == "rank":
        text = "rank " + text
    return text + UNIT_WORD.get(unit, "")


def rel_diff(data_value: float, value: float) -> float:
    return (data_value - value) / value if value else math.nan


def pct_diff_text(data_value: float, value: float) -> str:
    return f"{100 * rel_diff(data_value, value):+.1f}%"


def period_label(resource: str, row) -> str:
    if resource == "residents_japan":
        return row["date"].strftime("%Y-%m-%d")
    if resource == "departures":
        return str(int(row["year"]))
    end = row.get("period_end")
    return f"{int(row['year'])}" + (f" (to {end.date()})" if pd.notna(end) else "")


def cite(row) -> str:
    """'67,295 [vamas-20230111]' with the data row's wording when it is rounded."""
    text = WORDING.get(row["qualifier"], "") + num(row["value"])
    if "value_upper" in row and pd.notna(row.get("value_upper")):
        text += "–" + num(row["value_upper"])
    return f"{text} [{row['source_id']}]"


def others(row) -> str:
    alts = row.get("alternatives") or []
    return ", ".join(num(a) for a in alts)


def compress_years(years: list[int]) -> str:
    """[1992, 1993, 1994, 2008] -> '1992–1994, 2008'."""
    runs, out = [], []
    for y in years:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    for a, b in runs:
        out.append(str(a) if a == b else f"{a}–{b}")
    return ", ".join(out)
