"""Workers sent abroad: the headline series and the per-market tables notebooks plot.

Every number returned here is either a cited row (with its ``source_id``) chosen by
:mod:`vnjp.headline`, or is computed from such rows in this module (shares, the
residual of markets a source does not itemise), never typed in.
"""

from __future__ import annotations

import pandas as pd

from . import data
from .headline import QUANTITY_KEYS, headline, only_low_reliability


def headline_rows() -> pd.DataFrame:
    """One row per quantity of ``departures`` (the headline rule applied), with
    ``only_low_reliability`` (every source of the quantity is of low reliability)."""
    rows, sources = data.load("departures"), data.load("sources")
    keys = QUANTITY_KEYS["departures"]
    chosen = headline(rows, sources, keys)
    return chosen.merge(only_low_reliability(rows, sources, keys), on=keys, how="left")


def _full_year(rows: pd.DataFrame, year: int, measure: str) -> pd.DataFrame:
    return rows[(rows["measure"] == measure) & (rows["period"] == "full_year") & (rows["year"] == year)]


def markets(year: int, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Workers sent to each market in ``year`` (full-year headline figures).

    Columns: ``destination``, ``workers``, ``women`` (NA where not stated),
    ``women_share`` (women / workers), ``share_of_total`` (workers / the all-destination
    total), ``source_id`` and ``women_source_id``. Sorted by workers, largest first.
    Raises ``LookupError`` when the year has no all-destination total.
    """
    rows = headline_rows() if rows is None else rows
    year_rows = _full_year(rows, year, "workers_sent")
    total = year_rows[(year_rows["destination"] == "ALL") & (year_rows["sex"] == "all")]
    if total.empty:
        raise LookupError(f"no full-year total of workers sent abroad for {year} in data/departures.csv")
    everyone = year_rows[(year_rows["destination"] != "ALL") & (year_rows["sex"] == "all")]
    women = year_rows[(year_rows["destination"] != "ALL") & (year_rows["sex"] == "women")]
    table = everyone[["destination", "value", "source_id"]].rename(columns={"value": "workers"})
    table = table.merge(
        women[["destination", "value", "source_id"]].rename(columns={"value": "women", "source_id": "women_source_id"}),
        on="destination", how="left")
    table["women_share"] = table["women"] / table["workers"]
    table["share_of_total"] = table["workers"] / int(total["value"].iloc[0])
    return table.sort_values(["workers", "destination"], ascending=[False, True]).reset_index(drop=True)


def total(year: int, sex: str = "all", rows: pd.DataFrame | None = None) -> pd.Series:
    """The headline all-destination row for ``year`` (full year)."""
    rows = headline_rows() if rows is None else rows
    hit = _full_year(rows, year, "workers_sent")
    hit = hit[(hit["destination"] == "ALL") & (hit["sex"] == sex)]
    if hit.empty:
        raise LookupError(f"no full-year {sex} total of workers sent abroad for {year}")
    return hit.iloc[0]


def unitemised(year: int, rows: pd.DataFrame | None = None) -> int:
    """Workers sent to markets the source does not list one by one: total minus named markets."""
    rows = headline_rows() if rows is None else rows
    return int(total(year, rows=rows)["value"]) - int(markets(year, rows)["workers"].sum())


def plan(year: int, rows: pd.DataFrame | None = None) -> pd.Series | None:
    """The headline all-destination plan target for ``year`` (``value``, ``value_upper``), or None."""
    rows = headline_rows() if rows is None else rows
    hit = _full_year(rows, year, "plan_target")
    hit = hit[(hit["destination"] == "ALL") & (hit["sex"] == "all")]
    return None if hit.empty else hit.iloc[0]
