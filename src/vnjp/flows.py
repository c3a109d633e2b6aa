"""Flows and stocks over time: the yearly series notebooks 01 and 02 draw.

Everything returned is a cited row picked by the headline rule, or computed here from such
rows. Missing years stay missing (``NA``): nothing is interpolated, and :func:`with_gaps`
makes matplotlib break a line wherever two points are further apart than one step.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import data
from .departures import headline_rows
from .headline import QUANTITY_KEYS, faint_rows, headline, only_low_reliability

#: What a part-year row covers, for its label: "Jan–Nov" etc. (month of period_end).
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def decimal_year(dates: pd.Series) -> pd.Series:
    """2020-06-30 -> 2020.49...: a date as a position on a year axis (:func:`vnjp.dateaxis.position`)."""
    from .dateaxis import position

    dates = pd.Series(pd.to_datetime(dates))
    return pd.Series(position(dates), index=dates.index, dtype=float)


def yearly(destination: str, start: int, end: int, *, sex: str = "all", measure: str = "workers_sent",
           rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per year ``start``..``end`` for workers sent to ``destination`` ("ALL" for every market).

    Columns: ``year``; ``value`` (the full-year headline figure, NA when there is none),
    ``qualifier``, ``status``, ``source_id``; ``partial_value``, ``partial_months`` and
    ``partial_source_id`` (the longest part-year figure, given only when the year has no
    full-year figure); ``alternatives`` (other sources' values for the same full year, not
    counting rows marked suspect); ``only_low_reliability`` (True when the full-year value rests
    on low-reliability sources alone; False without the flag in ``rows``).
    """
    rows = headline_rows() if rows is None else rows
    sel = rows[(rows["measure"] == measure) & (rows["destination"] == destination) & (rows["sex"] == sex)]
    full = sel[sel["period"] == "full_year"].set_index("year")
    part = sel[sel["period"] == "part_year"].copy()
    part["months"] = pd.to_datetime(part["period_end"]).dt.month - pd.to_datetime(part["period_start"]).dt.month + 1
    part = part.sort_values(["year", "months"]).groupby("year").tail(1).set_index("year")
    out = []
    for year in range(start, end + 1):
        row = {"year": year, "value": pd.NA, "value_upper": pd.NA, "qualifier": pd.NA, "status": pd.NA,
               "source_id": pd.NA, "partial_value": pd.NA, "partial_months": pd.NA, "partial_source_id": pd.NA,
               "alternatives": [], "only_low_reliability": False}
        if year in full.index:
            hit = full.loc[year]
            row.update(value=hit["value"], value_upper=hit["value_upper"], qualifier=hit["qualifier"],
                       status=hit["status"], source_id=hit["source_id"],
                       only_low_reliability=_is_true(hit.get("only_low_reliability", False)))
            row["alternatives"] = [int(v) for v in hit["alternatives"]]
        elif year in part.index:
            hit = part.loc[year]
            row.update(partial_value=hit["value"], partial_months=int(hit["months"]),
                       partial_source_id=hit["source_id"])
        out.append(row)
    frame = pd.DataFrame(out)
    for col in ("value", "value_upper", "partial_value", "partial_months"):
        frame[col] = frame[col].astype("Int64")
    return frame


def _is_true(flag) -> bool:
    """A flag read from a row: True only for a real boolean True (NA or a missing column is False)."""
    return isinstance(flag, (bool, np.bool_)) and bool(flag)


def leading_markets(start: int, end: int, top: int = 3, rows: pd.DataFrame | None = None) -> list[str]:
    """Markets that were among the ``top`` largest (full-year headline counts) in at least one
    year from ``start`` to ``end``, largest latest count first. A rule, so the markets a chart
    follows over time are not picked by hand."""
    rows = headline_rows() if rows is None else rows
    sel = rows[(rows["measure"] == "workers_sent") & (rows["period"] == "full_year") & (rows["sex"] == "all")
               & (rows["destination"] != "ALL") & rows["year"].between(start, end)]
    ranks = sel.groupby("year")["value"].rank(method="min", ascending=False)
    chosen = sel[ranks <= top]
    latest = sel[sel["destination"].isin(chosen["destination"])].sort_values("year").groupby("destination").tail(1)
    return latest.sort_values(["value", "destination"], ascending=[False, True])["destination"].tolist()


#: Workers below which a share is drawn open and labelled with its count: on a base of a few hundred
#: workers a share moves by tens of points from one year to the next (Malaysia in 2022-2023).
SMALL_BASE = 2_000


def women_share(destination: str, start: int, end: int, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Women / all workers sent to ``destination`` for each year with both full-year counts."""
    women = yearly(destination, start, end, sex="women", rows=rows)
    everyone = yearly(destination, start, end, rows=rows)
    out = share(women, everyone)
    return out.rename(columns={"value_num": "women", "value_den": "workers", "source_id_num": "women_source_id",
                               "source_id_den": "source_id"})


def alternative_rows(destination: str, start: int, end: int, *, sex: str = "all",
                     measure: str = "workers_sent") -> pd.DataFrame:
    """Full-year rows of other sources whose value differs from the year's headline (drawn
    faintly), with their ``source_id``; rows marked suspect are left out."""
    faint = faint_rows(data.load("departures"), data.load("sources"), QUANTITY_KEYS["departures"])
    faint = faint.assign(year=pd.to_datetime(faint["period_end"]).dt.year)
    sel = faint[(faint["measure"] == measure) & (faint["destination"] == destination) & (faint["sex"] == sex)
                & (faint["period"] == "full_year") & faint["year"].between(start, end)]
    return sel.sort_values(["year", "value"]).reset_index(drop=True)


def share(numerator: pd.DataFrame, denominator: pd.DataFrame) -> pd.DataFrame:
    """Year-by-year ``numerator / denominator`` of two :func:`yearly` frames, for years where both
    have a full-year value. ``rounded`` is True where either figure is not exact (then the share is
    only as good as the rounding); ``only_low_reliability`` where either rests on low-reliability
    sources alone."""
    both = numerator.merge(denominator, on="year", suffixes=("_num", "_den"))
    both = both[both["value_num"].notna() & both["value_den"].notna()].copy()
    both["share"] = both["value_num"].astype(float) / both["value_den"].astype(float)
    both["rounded"] = (both["qualifier_num"] != "exact") | (both["qualifier_den"] != "exact")
    both["forecast"] = (both["status_num"] == "forecast") | (both["status_den"] == "forecast")
    # either figure rests on low-reliability sources alone (headline.only_low_reliability): the share too
    both["only_low_reliability"] = False
    for side in ("_num", "_den"):
        if "only_low_reliability" + side in both:
            both["only_low_reliability"] |= both["only_low_reliability" + side].map(_is_true)
    return both[["year", "value_num", "value_den", "share", "rounded", "forecast", "only_low_reliability",
                 "source_id_num", "source_id_den"]].reset_index(drop=True)


def change_from(series: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Each year's full-year value as a percentage of ``base_year``'s (NA where either is missing)."""
    base = series.loc[series["year"] == base_year, "value"]
    if base.empty or pd.isna(base.iloc[0]):
        raise LookupError(f"no full-year value for the base year {base_year}")
    out = series[["year", "value", "source_id"]].copy()
    out["index"] = out["value"].astype("Float64") / float(base.iloc[0]) * 100
    return out


def residents_headline() -> pd.DataFrame:
    """``residents_japan`` with the headline rule applied, plus ``when`` (decimal year)."""
    rows = headline(data.load("residents_japan"), data.load("sources"), QUANTITY_KEYS["residents_japan"])
    rows = rows[rows["unit"] == "persons"].copy()
    rows["when"] = decimal_year(rows["date"])
    return rows


def stock(status: str, *, nationality: str = "VNM", basis: str = "residence_statistics",
          start: int | None = None, end: int | None = None, year_end_only: bool = False,
          rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Persons of ``nationality`` resident in Japan with ``status`` of residence, one row per date
    (sorted), as stated on one statistical ``basis``; optionally only year-end (31 December) dates."""
    rows = residents_headline() if rows is None else rows
    sel = rows[(rows["status_of_residence"] == status) & (rows["nationality"] == nationality)
               & (rows["basis"] == basis)]
    if year_end_only:
        sel = sel[pd.to_datetime(sel["date"]).dt.strftime("%m-%d") == "12-31"]
    years = pd.to_datetime(sel["date"]).dt.year
    if start is not None:
        sel = sel[years >= start]
        years = years[years >= start]
    if end is not None:
        sel = sel[years <= end]
    return sel.sort_values("date").reset_index(drop=True)


def stock_alternatives(plotted: pd.DataFrame) -> pd.DataFrame:
    """Other sources' counts for the quantities in ``plotted`` (rows of :func:`stock`) whose value
    differs from the headline; rows marked suspect are left out. Has ``when`` and ``source_id``."""
    keys = QUANTITY_KEYS["residents_japan"]
    faint = faint_rows(data.load("residents_japan"), data.load("sources"), keys)
    out = faint.merge(plotted[keys], on=keys)
    out["when"] = decimal_year(out["date"])
    return out.reset_index(drop=True)


def national_share(status: str, *, nationality: str = "VNM", basis: str = "residence_statistics",
                   rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """``nationality``'s share of all residents with ``status``, at the dates where both counts exist
    on the same ``basis`` (no mixing of publications, no matching of nearby dates)."""
    rows = residents_headline() if rows is None else rows
    ours = stock(status, nationality=nationality, basis=basis, rows=rows)
    everyone = stock(status, nationality="ALL", basis=basis, rows=rows)
    both = ours.merge(everyone, on="date", suffixes=("", "_all"))
    both["share"] = both["value"] / both["value_all"]
    both["rounded"] = (both["qualifier"] != "exact") | (both["qualifier_all"] != "exact")
    both = both.rename(columns={"source_id_all": "all_source_id"})
    return both[["date", "when", "value", "value_all", "share", "rounded", "source_id", "all_source_id"]]


def with_gaps(x, y, max_step: float = 1.0):
    """``x``, ``y`` as float arrays with a NaN inserted wherever consecutive ``x`` are more than
    ``max_step`` apart (or ``y`` is missing), so a plotted line breaks at every gap."""
    x = np.asarray(pd.Series(x, dtype="float64"))
    y = np.asarray(pd.Series(y, dtype="Float64").astype("float64"))
    keep = ~np.isnan(y)
    x, y = x[keep], y[keep]
    xs, ys = [], []
    for i, (xi, yi) in enumerate(zip(x, y)):
        if i and xi - x[i - 1] > max_step + 1e-9:
            xs.append(np.nan)
            ys.append(np.nan)
        xs.append(xi)
        ys.append(yi)
    return np.array(xs), np.array(ys)


def milestones(event_ids: list[str], lang: str) -> pd.DataFrame:
    """The timeline events ``event_ids`` in time order, with ``when`` (the middle of the span the
    date stands for, as :func:`vnjp.timeline.milestones` computes it), ``label`` in ``lang`` and
    ``source_id``; unknown ids are an error."""
    from .timeline import milestones as all_milestones

    events = all_milestones(start=0, end=9999, lang=lang)
    unknown = [e for e in event_ids if e not in set(events["event_id"])]
    if unknown:
        raise KeyError(f"not in data/timeline.csv: {unknown}")
    chosen = events[events["event_id"].isin(event_ids)].rename(columns={"x": "when"})
    return chosen[["event_id", "date", "when", "category", "label", "source_id"]].reset_index(drop=True)


# --------------------------------------------------------------------------- Japan's side of the flow

#: The columns that identify one quantity of ``arrivals_japan`` (rows equal on these state the same thing).
ARRIVAL_KEYS = ["nationality", "status_of_residence", "basis", "period_start", "period_end"]


def arrivals(nationality: str = "VNM", start: int | None = None, end: int | None = None,
             rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Arrivals in Japan counted by Japan (``arrivals_japan``), one row per quantity with the
    headline rule applied, for ``nationality`` and years ``start``..``end``.

    Adds ``months`` (months the period covers), ``calendar_year`` (the period is 1 January to
    31 December of one year: a Japanese fiscal year, April to March, is not), ``when`` (the year, where the
    bar of DOLAB's departures for that year stands), ``series`` (``status_of_residence`` and
    ``basis`` joined: one line or marker style per series, never merged with another) and
    ``only_low_reliability``. Sorted by series and year. A year with no row is simply absent.
    """
    if rows is None:
        raw, sources = data.load("arrivals_japan"), data.load("sources")
        rows = headline(raw, sources, ARRIVAL_KEYS).merge(only_low_reliability(raw, sources, ARRIVAL_KEYS),
                                                          on=ARRIVAL_KEYS, how="left")
    sel = rows[rows["nationality"] == nationality].copy()
    if start is not None:
        sel = sel[sel["year"] >= start]
    if end is not None:
        sel = sel[sel["year"] <= end]
    begin, finish = pd.to_datetime(sel["period_start"]), pd.to_datetime(sel["period_end"])
    sel["months"] = (finish.dt.year - begin.dt.year) * 12 + finish.dt.month - begin.dt.month + 1
    sel["calendar_year"] = ((begin.dt.strftime("%m-%d") == "01-01") & (finish.dt.strftime("%m-%d") == "12-31")
                            & (begin.dt.year == finish.dt.year))
    sel["when"] = sel["year"].astype(int)
    sel["series"] = sel["status_of_residence"] + "|" + sel["basis"]
    if "only_low_reliability" not in sel:
        sel["only_low_reliability"] = False
    sel["only_low_reliability"] = sel["only_low_reliability"].map(_is_true)
    return sel.sort_values(["series", "year", "months"]).reset_index(drop=True)


def arrivals_beside_departures(start: int, end: int, *, nationality: str = "VNM",
                               departures: pd.DataFrame | None = None,
                               arrival_rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Years where Japan's count of arrivals (full year) and DOLAB's count of departures to Japan
    (full year) both exist, one row per year and arrival series, side by side and never summed:
    ``year``, ``series``, ``arrivals``, ``departures``, ``ratio`` (arrivals / departures, computed
    here), both ``source_id``s and ``rounded`` (either figure not exact).

    The two are different measures (Japan counts trainees at entry; DOLAB counts every contract
    worker at departure, by its own year): the ratio says how far apart they are, not an error.
    Part-year figures, and years of another calendar (a fiscal year), are never paired.
    """
    departures = yearly("JPN", start, end) if departures is None else departures
    dep = departures[departures["value"].notna()][["year", "value", "qualifier", "source_id"]]
    arr = arrivals(nationality, start, end, rows=arrival_rows)
    arr = arr[arr["calendar_year"]][["year", "series", "value", "qualifier", "source_id"]]
    both = arr.merge(dep, on="year", suffixes=("_arr", "_dep"))
    out = pd.DataFrame({
        "year": both["year"].astype(int), "series": both["series"],
        "arrivals": both["value_arr"].astype("Int64"), "departures": both["value_dep"].astype("Int64"),
    })
    out["ratio"] = out["arrivals"].astype(float) / out["departures"].astype(float)
    out["rounded"] = (both["qualifier_arr"] != "exact").to_numpy() | (both["qualifier_dep"] != "exact").to_numpy()
    out["arrivals_source_id"] = both["source_id_arr"].to_numpy()
    out["departures_source_id"] = both["source_id_dep"].to_numpy()
    return out.sort_values(["year", "series"]).reset_index(drop=True)


# --------------------------------------------------------------------------- any selection of years


def top(*values, default: float = 1.0) -> float:
    """The largest non-missing number among ``values`` (series or scalars); ``default`` when there is
    none, so an axis limit never becomes NA for a range without figures."""
    found = []
    for v in values:
        s = pd.Series(v if isinstance(v, (pd.Series, list, np.ndarray)) else [v], dtype="object").dropna()
        found += [float(x) for x in s]
    return max(found) if found else default


def has_figures(*series: pd.DataFrame) -> bool:
    """Whether any :func:`yearly` frame has a full-year or a part-year figure."""
    return any(s["value"].notna().any() or s["partial_value"].notna().any() for s in series)


def departures_alt(every: pd.DataFrame, japan: pd.DataFrame, start: int, end: int, lang: str) -> str:
    """Alt text of the departures chart, for whatever the years ``start``..``end`` hold."""
    from .labels import fmt_int, text

    full = every[every["value"].notna()]
    if full.empty:
        part = every[every["partial_value"].notna()]["year"].tolist()
        return text("flows_alt_no_full", lang, start=start, end=end,
                    n_jpn=int(japan["value"].notna().sum()), part=", ".join(str(y) for y in part) or text("none", lang))
    last = full.iloc[-1]
    last_jpn = japan.set_index("year").loc[last["year"], "value"]
    key = "flows_alt" if pd.notna(last_jpn) else "flows_alt_no_japan"
    return text(key, lang, start=start, end=end, n_all=int(every["value"].notna().sum()),
                n_jpn=int(japan["value"].notna().sum()), last=int(last["year"]), last_all=fmt_int(last["value"], lang),
                last_jpn=fmt_int(last_jpn, lang) if pd.notna(last_jpn) else "")


def residents_alt(status_series: dict[str, pd.DataFrame], lang: str) -> str:
    """Alt text of the residents chart: the shared template when every status has counts, else the
    latest count of each status the chart draws."""
    from .labels import fmt_date, fmt_int, text

    total = status_series.get("total", pd.DataFrame())
    drawn = {k: v for k, v in status_series.items() if len(v)}
    year_end = total[pd.to_datetime(total["date"]).dt.strftime("%m-%d") == "12-31"] if len(total) else total
    latest = {k: fmt_int(v["value"].iloc[-1], lang) for k, v in drawn.items()}
    if len(drawn) == len(status_series) and len(year_end):
        return text("residents_alt", lang, total_first=fmt_int(year_end["value"].iloc[0], lang),
                    first=year_end["date"].iloc[0].year, total_last=latest["total"],
                    last_date=fmt_date(total["date"].iloc[-1], lang), titp=latest["technical_intern_training"],
                    ssw=latest["specified_skilled_worker"], eng=latest["engineer_humanities_intl"],
                    stu=latest["student"])
    items = "; ".join(f"{text('status_' + k, lang)} {latest[k]} ({fmt_date(v['date'].iloc[-1], lang)})"
                      for k, v in drawn.items())
    return text("residents_alt_some", lang, items=items,
                missing=", ".join(text("status_" + k, lang) for k in status_series if k not in drawn)
                or text("none", lang))


def covid(base_year: int, start: int, end: int, rows: pd.DataFrame | None = None) -> dict:
    """The COVID-19 comparison over ``start``..``end`` (its own years, whatever the time axis of the
    other figures): ``all`` and ``jpn`` (:func:`change_from` with the part-year columns), ``low``
    (the lowest full year after the base, or None when the window has none), ``back`` (the first
    later year at or above the base, or None) and ``low_jpn`` (Japan's row in the low year, or None)."""
    rows = headline_rows() if rows is None else rows
    out = {}
    for key, destination in (("all", "ALL"), ("jpn", "JPN")):
        series = yearly(destination, start, end, rows=rows)
        out[key] = change_from(series, base_year).merge(
            series[["year", "partial_value", "partial_months", "partial_source_id", "only_low_reliability"]],
            on="year").reset_index(drop=True)
    after = out["all"][out["all"]["year"] > base_year].dropna(subset=["value"])
    out["low"] = after.loc[after["index"].idxmin()] if len(after) else None
    out["back"], out["low_jpn"] = None, None
    if out["low"] is not None:
        recovered = after[(after["year"] > out["low"]["year"]) & (after["index"] >= 100)]
        out["back"] = int(recovered["year"].iloc[0]) if len(recovered) else None
        jpn = out["jpn"].set_index("year").loc[out["low"]["year"]]
        out["low_jpn"] = jpn if pd.notna(jpn["value"]) else None
    return out


def label_places(values, reference: float, band: float) -> list[tuple[tuple[int, int], str]]:
    """Where the value label of each point of a line goes, as (offset in points, horizontal alignment),
    so that no label sits on a horizontal ``reference`` line: above the point (``(0, 6)``, centred),
    except for a point less than ``band`` below the reference, whose label would cross it: that one
    goes below the point, on the side of the higher neighbour (where the line rises away from the
    label). ``values`` in drawing order; a missing neighbour counts as lower."""
    vals = [float(v) for v in values]
    out = []
    for i, v in enumerate(vals):
        if not reference - band <= v < reference:
            out.append(((0, 6), "center"))
            continue
        before = vals[i - 1] if i else -np.inf
        after = vals[i + 1] if i + 1 < len(vals) else -np.inf
        out.append(((4, -11), "left") if after >= before else ((-4, -11), "right"))
    return out


def spread_labels(positions, min_gap: float) -> list[float]:
    """Positions for labels wanted at ``positions`` (one axis, e.g. points up the page) such that any
    two are at least ``min_gap`` apart: in order from the lowest, a label too close to the one below
    moves up; none moves down (so none goes below the lowest wanted position, e.g. under an axis at
    zero). Returned in the order given."""
    order = sorted(range(len(positions)), key=lambda i: (positions[i], i))
    out = [0.0] * len(positions)
    floor = -np.inf
    for i in order:
        out[i] = max(float(positions[i]), floor)
        floor = out[i] + min_gap
    return out


def right_limit_for(x: float, x_min: float, fraction: float, margin: float = 0.02) -> float:
    """The right limit of an axis starting at ``x_min`` such that a label starting at data ``x`` and
    as wide as ``fraction`` of the axis (plus ``margin`` of it) ends inside the axis. The label's
    width is fixed in points, so widening the axis shrinks it in data units: solved, not guessed."""
    share = fraction + margin
    if share >= 1:
        raise ValueError(f"a label {fraction:.0%} of the axis wide cannot fit")
    return (x - share * x_min) / (1 - share)
