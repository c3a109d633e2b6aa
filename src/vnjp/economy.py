"""Trade, ODA, FDI and remittance series: sparse, mixed in unit and basis, drawn honestly.

The economy rows are few and uneven: one reporter states a year, another the next, some in
US dollars and some in yen, some per calendar year and some per Japanese fiscal year. This
module turns them into year-indexed series that keep those differences visible:

* :func:`series` picks the headline value (``vnjp.headline`` with ``QUANTITY_KEYS["economy"]``)
  for **one** indicator, reporter, unit and year basis, and returns a frame indexed by every
  year of the range, with ``NA`` where the data hold nothing. It refuses to mix units or bases.
* :func:`runs` splits a series into runs of consecutive years; :func:`plot_gappy` draws a line
  only within a run (so a missing year breaks the line) and a marker on every value, hollow for
  a rounded, preliminary, forecast or planned value.
* :func:`reporter_gap` sets two reporters of the same quantity side by side and computes their
  difference where both state the year.
* :func:`stock_points` lists cumulative figures at their as-of dates (never summed from flows).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import data
from .flows import _is_true, decimal_year
from .headline import QUANTITY_KEYS, headline

KEYS = QUANTITY_KEYS["economy"]
#: Columns of a series frame (index: ``year``).
SERIES_COLUMNS = ["value", "qualifier", "status", "source_id", "reporter", "unit", "year_basis", "period_end",
                  "n_sources", "alternatives", "alternative_sources", "marked", "only_low_reliability"]


class MixedUnits(ValueError):
    """Rows in more than one unit or year basis were asked to form one series."""


def headline_rows(rows: pd.DataFrame | None = None, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quantity of ``economy`` (the headline rule), with ``marked`` added.

    ``marked`` is True when the value is not an exact final figure (rounded wording,
    preliminary, forecast or plan): charts draw such values hollow.
    """
    rows = data.load("economy") if rows is None else rows
    sources = data.load("sources") if sources is None else sources
    out = headline(rows, sources, KEYS)  # its alternatives leave suspect values out
    return out.assign(marked=is_marked(out))


def is_marked(rows: pd.DataFrame) -> pd.Series:
    """True for a value a reader must see as approximate or not final."""
    return (rows["qualifier"] != "exact") | (rows["status"] != "final")


def select(rows: pd.DataFrame, indicator: str, *, reporter: str | None = None, unit: str | None = None,
           year_basis: str | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Rows of one indicator, optionally one reporter, unit and year basis (or tuple of bases)."""
    hit = rows[rows["indicator"] == indicator]
    if reporter is not None:
        hit = hit[hit["reporter"] == reporter]
    if unit is not None:
        hit = hit[hit["unit"] == unit]
    if year_basis is not None:
        bases = (year_basis,) if isinstance(year_basis, str) else tuple(year_basis)
        hit = hit[hit["year_basis"].isin(bases)]
    return hit


def series(rows: pd.DataFrame, indicator: str, *, reporter: str, unit: str, year_basis: str,
           start: int, end: int) -> pd.DataFrame:
    """The headline series of one quantity, one row per year from ``start`` to ``end``.

    ``rows`` are headline rows (:func:`headline_rows`). Years the data do not state are kept
    with ``NA`` (never filled). When one year holds several headline figures (a cumulative
    total stated at several as-of dates), the one with the latest stated ``period_end`` is
    kept and the others join ``alternatives``.
    Rows in another unit or basis are left out (they are another quantity, drawn apart).
    """
    hit = select(rows, indicator, reporter=reporter)
    hit = hit[(hit["year"] >= start) & (hit["year"] <= end)]
    hit = hit[(hit["unit"] == unit) & (hit["year_basis"] == year_basis)]
    check_one_unit(hit)
    return yearly(hit, start, end)


def yearly(hit: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Headline rows of one quantity (any resource with ``year``, ``value``, ``source_id``)
    as a frame indexed by every year from ``start`` to ``end``; ``NA`` where nothing is stated.
    ``only_low_reliability`` is the rows' flag (``vnjp.headline.only_low_reliability``, e.g. of
    ``departures.headline_rows``) where they carry it, else False: True only for a stated True."""
    hit = hit[(hit["year"] >= start) & (hit["year"] <= end)]
    if "marked" not in hit:
        hit = hit.assign(marked=is_marked(hit))
    years = pd.Index(range(start, end + 1), name="year")
    out = pd.DataFrame(index=years, columns=SERIES_COLUMNS, dtype=object)
    out["value"] = pd.array([pd.NA] * len(years), dtype="Float64")
    for year, grp in hit.groupby("year"):
        if "period_end" in grp:
            grp = grp.assign(_dated=grp["period_end"].notna()).sort_values(["_dated", "period_end"], kind="mergesort")
        best = grp.iloc[-1]
        alts = best["alternatives"] if "alternatives" in best and isinstance(best["alternatives"], list) else []
        others = sorted(set(alts) | {v for v in grp["value"].iloc[:-1] if v != best["value"]})
        alt_sources = best["alternative_sources"] if isinstance(best.get("alternative_sources"), list) else []
        earlier = grp.iloc[:-1]
        alt_sources = sorted(set(alt_sources) | set(earlier.loc[earlier["value"] != best["value"], "source_id"]))
        for col in SERIES_COLUMNS:
            if col == "alternatives":
                out.at[year, col] = others
            elif col == "alternative_sources":
                out.at[year, col] = alt_sources
            elif col != "value":
                out.at[year, col] = best[col] if col in best else pd.NA
        out.loc[year, "value"] = float(best["value"])
    out["marked"] = out["marked"].astype("boolean")
    out["only_low_reliability"] = [_is_true(flag) for flag in out["only_low_reliability"]]
    return out


def check_one_unit(rows: pd.DataFrame) -> None:
    """Raise :class:`MixedUnits` unless every row has the same unit and year basis."""
    if rows.empty:
        return
    units, bases = sorted(rows["unit"].dropna().unique()), sorted(rows["year_basis"].dropna().unique())
    if len(units) > 1:
        raise MixedUnits(f"rows mix units {units}: never add or draw them as one series")
    if len(bases) > 1:
        raise MixedUnits(f"rows mix year bases {bases}: mark fiscal and calendar years apart")


def present(s: pd.DataFrame) -> pd.DataFrame:
    """The years of a series that hold a value (the cited rows a chart draws)."""
    return s[s["value"].notna()]


def runs(s: pd.DataFrame) -> list[pd.DataFrame]:
    """Split a series into runs of consecutive years with a value; a missing year ends a run."""
    have = present(s)
    if have.empty:
        return []
    years = pd.Series(have.index, index=have.index)
    breaks = (years.diff() != 1).cumsum()
    return [have[breaks == b] for b in breaks.unique()]


@dataclass(frozen=True)
class Gap:
    """Two reporters of one quantity compared year by year."""

    table: pd.DataFrame  # year, a, b, difference (b - a), a_source_id, b_source_id; years stated by either
    overlap: list[int]  # years both state

    @property
    def largest(self) -> pd.Series | None:
        both = self.table.dropna(subset=["difference"])
        if both.empty:
            return None
        return both.loc[both["difference"].abs().idxmax()]


def reporter_gap(a: pd.DataFrame, b: pd.DataFrame) -> Gap:
    """Compare series ``a`` and ``b`` (from :func:`series`, same unit and basis).

    Every year stated by either appears; ``difference`` = b - a only where both state it.
    """
    for s in (a, b):
        check_one_unit(present(s))
    if not present(a).empty and not present(b).empty:
        check_one_unit(pd.concat([present(a)[["unit", "year_basis"]], present(b)[["unit", "year_basis"]]]))
    table = pd.DataFrame({"a": a["value"], "b": b["value"],
                          "a_source_id": a["source_id"], "b_source_id": b["source_id"]})
    table = table[table["a"].notna() | table["b"].notna()]
    table["difference"] = table["b"] - table["a"]
    overlap = [int(y) for y in table.index[table["difference"].notna()]]
    return Gap(table.reset_index(), overlap)


def stock_points(rows: pd.DataFrame, indicator: str, *, unit: str, start: int, end: int,
                 reporter: str | None = None) -> pd.DataFrame:
    """Cumulative figures as stated, each at its as-of date (a float year), latest last.

    A row without an as-of date is placed at the end of its year and flagged ``undated``.
    Nothing is summed: a cumulative total is never derived from annual figures.
    """
    hit = select(rows, indicator, reporter=reporter, unit=unit)
    hit = hit[(hit["year"] >= start) & (hit["year"] <= end)].copy()
    check_one_unit(hit)
    hit["undated"] = hit["period_end"].isna()
    end_of_year = pd.to_datetime(hit["year"].astype(int).astype(str) + "-12-31")
    as_of = hit["period_end"].where(hit["period_end"].notna(), end_of_year)
    hit["as_of"] = as_of
    hit["x"] = decimal_year(pd.Series(as_of)).to_numpy()
    return hit.sort_values(["x", "undated", "source_id"]).reset_index(drop=True)


def latest_stock(points: pd.DataFrame) -> pd.Series | None:
    """The latest cumulative figure with a stated as-of date (an undated one only if none is dated)."""
    if points.empty:
        return None
    dated = points[~points["undated"]]
    pool = dated if not dated.empty else points
    return pool.sort_values(["x", "value"]).iloc[-1]


# --------------------------------------------------------------------------- drawing

MARKERS = {"calendar": "o", "jp_fiscal": "s", "part_year": "^", "cumulative": "D"}


def plot_gappy(ax, s: pd.DataFrame, *, color: str, label: str | None = None, marker: str = "o",
               lw: float = 1.6, ms: float = 5, alpha: float = 1.0, zorder: int = 3):
    """Draw a series: lines only between consecutive years, a marker on every value.

    Exact final values are filled; rounded, preliminary, forecast or planned values are
    hollow (white face). Returns the handle to use in a legend.
    """
    handle = None
    for run in runs(s):
        if len(run) > 1:
            ax.plot(run.index, run["value"].astype(float), color=color, lw=lw, alpha=alpha, zorder=zorder,
                    solid_capstyle="round")
    have = present(s)
    for year, row in have.iterrows():
        hollow = bool(row["marked"])
        ax.plot([year], [float(row["value"])], marker=marker, ms=ms, color=color, alpha=alpha,
                markerfacecolor="white" if hollow else color, markeredgewidth=1.2, lw=0, zorder=zorder + 1)
    handle = ax.plot([], [], marker=marker, ms=ms, color=color, lw=lw, label=label)[0]
    return handle


def plot_alternatives(ax, s: pd.DataFrame, *, color: str = "#9aa5ab", ms: float = 3.5, zorder: int = 2):
    """Faint small dots for the other sources' values of each year (``alternatives``)."""
    xs, ys = [], []
    for year, row in present(s).iterrows():
        for v in row["alternatives"] or []:
            xs.append(year)
            ys.append(v)
    if xs:
        ax.plot(xs, ys, ls="none", marker="o", ms=ms, color=color, alpha=0.7, zorder=zorder)
    return len(xs)


def plotted_rows(*frames: pd.DataFrame) -> pd.DataFrame:
    """The cited rows of several series/point tables, for ``figures.save`` (needs ``source_id``)."""
    parts = [present(f)[["source_id"]] if "value" in f else f[["source_id"]] for f in frames]
    for f in frames:  # the sources of the faint alternatives are cited too
        if "alternative_sources" in f:
            ids = [sid for lst in present(f)["alternative_sources"] if isinstance(lst, list) for sid in lst]
            parts.append(pd.DataFrame({"source_id": ids}))
    parts = [p for p in parts if not p.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"source_id": []})


# --------------------------------------------------------------------------- any selection of years


def since_1992(points: pd.DataFrame) -> pd.DataFrame:
    """Cumulative totals counted from 1992 (or with no stated start); FY1959-based totals left out."""
    start = points["period_start"]
    return points[start.isna() | (start.dt.year >= 1992)]


def missing_for_figures(rows: pd.DataFrame, start: int, end: int, oda_start: int) -> dict[str, str | None]:
    """For each figure of notebook 03, what its selection lacks (None: it has what the figure needs).

    trade: the customs trade total (its latest value is the figure's headline); oda: a final
    fiscal-year loan commitment and cumulative totals in yen and dollars; fdi: the agency's
    full-year registered capital and a cumulative total. A figure that lacks them is drawn as
    "no data for this selection" saying which.
    """
    out: dict[str, str | None] = {}
    trade = series(rows, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                   start=start, end=end)
    out["trade"] = None if len(present(trade)) else "trade_total / vn_customs"
    loans = select(rows, "oda_commitment_loan", unit="JPY_bn")
    loans = loans[(loans["year_basis"] == "jp_fiscal") & (loans["status"] == "final")
                  & loans["year"].between(oda_start, end)]
    cum = [latest_stock(since_1992(stock_points(rows, "oda_cumulative", unit=u, start=oda_start, end=end)))
           for u in ("JPY_bn", "USD_bn")]
    lacking = ([] if len(loans) else ["oda_commitment_loan (JPY, fiscal year)"]) + [
        f"oda_cumulative ({u})" for u, c in zip(("JPY", "USD"), cum) if c is None]
    out["oda"] = ", ".join(lacking) or None
    fdi = series(rows, "fdi_registered_annual", reporter="vn_mpi_fia", unit="USD_bn", year_basis="calendar",
                 start=start, end=end)
    fdi_cum = latest_stock(stock_points(rows, "fdi_registered_cumulative", unit="USD_bn", start=start, end=end,
                                        reporter="vn_mpi_fia"))
    lacking = ([] if len(present(fdi)) else ["fdi_registered_annual / vn_mpi_fia"]) + (
        [] if fdi_cum is not None else ["fdi_registered_cumulative / vn_mpi_fia"])
    out["fdi"] = ", ".join(lacking) or None
    return out
