"""Vietnamese workers in Japan as employers report them, next to the residence statistics, and
the social security agreements that decide what their pension contributions are worth.

Everything returned is a cited row picked by the headline rule (:mod:`vnjp.headline`), or computed
here from such rows; a year or date with no row stays missing, nothing is interpolated.

* :func:`employer_reported` — Japan's Ministry of Health, Labour and Welfare (MHLW) counts the
  foreign workers employers notify at the end of each October (``basis = mhlw_employment``).
  One row per year: the Vietnamese count, the all-nationality total of the same release, the
  share computed from the two, and Vietnam's rank among the nationalities the release lists.
* :func:`two_bases` — the employer-reported count beside the residence statistics' working
  statuses (technical intern training, specified skilled worker, engineer/humanities/international
  services) at the nearest date, and the Vietnamese government's estimates. The bases are kept
  apart: components are added up only within one basis and one date.
* :func:`by_status` — the Vietnamese employer-reported count by MHLW's status groups.
* :func:`agreements_in_force` — Japan's and Vietnam's social security agreements in force at each
  year-end (``data/social_security.csv``).
* :data:`UNPUBLISHED` — the series the notebook needs and nobody publishes (named, not estimated).
"""

from __future__ import annotations

import pandas as pd

from . import data
from .flows import residents_headline

BASIS = "mhlw_employment"
OCTOBER = "10-31"

#: MHLW's five groups of status of residence, in the order its releases list them.
GROUPS = ("technical_intern_training", "professional_technical", "permission_outside_status",
          "status_based_on_identity", "designated_activities")
#: Statuses that are part of a group ("of which" rows), and the group they belong to.
PARTS = {"engineer_humanities_intl": "professional_technical",
         "student_parttime_work": "permission_outside_status",
         "permanent_resident": "status_based_on_identity"}
#: The residence statistics' working statuses compared with the employer-reported count.
WORKING = ("technical_intern_training", "specified_skilled_worker", "engineer_humanities_intl")
#: How far (days) a residence-statistics date may be from 31 October to count as "nearest".
MAX_DAYS_APART = 184

#: Series the analysis needs that no public source found gives (keys of texts in texts/workers.py).
UNPUBLISHED = ("gap_pension_members", "gap_lump_sum", "gap_vn_agreements_other", "gap_vnm_2008_2011")


def _check_years(start: int, end: int) -> None:
    if start > end:
        raise ValueError(f"start year {start} is after end year {end}")


def _october(rows: pd.DataFrame) -> pd.DataFrame:
    dates = pd.to_datetime(rows["date"])
    out = rows[(rows["basis"] == BASIS) & (dates.dt.strftime("%m-%d") == OCTOBER)].copy()
    out["year"] = pd.to_datetime(out["date"]).dt.year
    return out


def employer_reported(start: int, end: int, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per year ``start``..``end`` (end-October counts).

    Columns: ``year``, ``value`` (Vietnamese workers, NA when no row), ``qualifier``, ``source_id``,
    ``value_all`` (all nationalities, same basis and date), ``all_source_id``, ``share``
    (value / value_all, only where both exist), ``rounded`` (either is not exact), ``rank``
    (1 + the number of nationalities with a larger count at that date; NA when Vietnam has no count
    or no other nationality has a row), ``rank_exact`` and ``listed`` (how many other nationalities
    the data hold for that date). Releases list the largest nationalities from the top down, so the
    rank is exact when some listed nationality is smaller than Vietnam (everyone above Vietnam is
    then listed); when all listed ones are larger it is only a lower bound (``rank_exact`` False:
    Vietnam is at best that rank).
    """
    _check_years(start, end)
    rows = residents_headline() if rows is None else rows
    octo = _october(rows)
    octo = octo[octo["status_of_residence"] == "total"]
    out = pd.DataFrame({"year": range(start, end + 1)})
    vnm = octo[octo["nationality"] == "VNM"][["year", "value", "qualifier", "source_id"]]
    everyone = octo[octo["nationality"] == "ALL"][["year", "value", "qualifier", "source_id"]].rename(
        columns={"value": "value_all", "qualifier": "qualifier_all", "source_id": "all_source_id"})
    out = out.merge(vnm, on="year", how="left").merge(everyone, on="year", how="left")
    both = out["value"].notna() & out["value_all"].notna()
    out["share"] = (out["value"] / out["value_all"]).where(both)
    out["rounded"] = ((out["qualifier"].fillna("exact") != "exact")
                      | (out["qualifier_all"].fillna("exact") != "exact"))
    others = octo[~octo["nationality"].isin(["VNM", "ALL"])]
    ranks, exact, listed = [], [], []
    for r in out.itertuples():
        mine = others[others["year"] == r.year]
        listed.append(len(mine))
        if pd.isna(r.value) or mine.empty:
            ranks.append(pd.NA)
            exact.append(False)
        else:
            ranks.append(1 + int((mine["value"] > r.value).sum()))
            exact.append(bool((mine["value"] < r.value).any()))
    out["rank"] = pd.array(ranks, dtype="Int64")
    out["rank_exact"] = exact
    out["listed"] = listed
    return out[["year", "value", "qualifier", "source_id", "value_all", "all_source_id", "share", "rounded",
                "rank", "rank_exact", "listed"]]


#: The mark over a year whose count no other nationality's count of the same date can rank.
RANK_UNKNOWN = "#?"


def rank_mark(row) -> str | None:
    """The rank a bar of :func:`employer_reported` carries: '#2' (exact), '≥#5' (at best that rank:
    every listed nationality is larger), :data:`RANK_UNKNOWN` when Vietnam has a count but the data
    hold no other nationality's count for that date (so no rank can be given), None without a count."""
    if pd.isna(row["value"]):
        return None
    if pd.isna(row["rank"]):
        return RANK_UNKNOWN
    return ("#" if bool(row["rank_exact"]) else "≥#") + str(int(row["rank"]))


def rank_rows(start: int, end: int, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The other nationalities' end-October rows a rank in ``start``..``end`` was computed from
    (cited on the figure that shows the rank)."""
    _check_years(start, end)
    rows = residents_headline() if rows is None else rows
    octo = _october(rows)
    octo = octo[(octo["status_of_residence"] == "total") & ~octo["nationality"].isin(["VNM", "ALL"])]
    return octo[octo["year"].between(start, end)].sort_values(["year", "nationality"]).reset_index(drop=True)


def _nearest_working_date(target: pd.Timestamp, resid: pd.DataFrame) -> pd.Timestamp | None:
    """The residence-statistics date within MAX_DAYS_APART days of ``target`` that has the most of the
    working statuses (a date with only the resident total ranks last), the nearer one on a tie (the
    later one if both are as near)."""
    best, best_key = None, None
    for date, group in resid.groupby("date"):
        days = abs((pd.Timestamp(date) - target).days)
        if days > MAX_DAYS_APART:
            continue
        working = group.loc[group["status_of_residence"].isin(WORKING), "status_of_residence"].nunique()
        key = (-working, days, -pd.Timestamp(date).value)
        if best_key is None or key < best_key:
            best, best_key = pd.Timestamp(date), key
    return best


def two_bases(start: int, end: int, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Long table, one row per year × basis × status drawn.

    Columns: ``year``, ``basis`` (``mhlw_employment``, ``residence_statistics``,
    ``vn_government_estimate``), ``date`` (the row's own reference date), ``status_of_residence``
    (``total`` for the employer-reported count and the resident total; the working statuses for
    the others), ``value``, ``qualifier``, ``source_id``, ``days_apart`` (from 31 October of
    ``year``). Residence statistics come from the one date nearest 31 October that has the most
    working statuses (within :data:`MAX_DAYS_APART` days; a date with only the resident total comes
    last); the resident total is taken at that same date. Vietnamese-government estimates are taken
    within the same window. Nothing is added across bases or dates.
    """
    _check_years(start, end)
    rows = residents_headline() if rows is None else rows
    vnm = rows[rows["nationality"] == "VNM"].copy()
    vnm["date"] = pd.to_datetime(vnm["date"])
    parts = []
    employer = employer_reported(start, end, rows)
    for r in employer[employer["value"].notna()].itertuples():
        parts.append(dict(year=r.year, basis=BASIS, date=pd.Timestamp(f"{r.year}-10-31"),
                          status_of_residence="total", value=r.value, qualifier=r.qualifier, source_id=r.source_id))
    resid = vnm[(vnm["basis"] == "residence_statistics") & vnm["status_of_residence"].isin(WORKING)]
    resid_total = vnm[(vnm["basis"] == "residence_statistics") & (vnm["status_of_residence"] == "total")]
    estimates = vnm[vnm["basis"] == "vn_government_estimate"]
    for year in range(start, end + 1):
        target = pd.Timestamp(f"{year}-10-31")
        date = _nearest_working_date(target, pd.concat([resid, resid_total]))
        chosen = []
        if date is not None:
            chosen += [resid[resid["date"] == date], resid_total[resid_total["date"] == date]]
        near = estimates[(estimates["date"] - target).abs().dt.days <= MAX_DAYS_APART]
        chosen.append(near)
        for frame in chosen:
            for r in frame.itertuples():
                parts.append(dict(year=year, basis=r.basis, date=r.date, status_of_residence=r.status_of_residence,
                                  value=r.value, qualifier=r.qualifier, source_id=r.source_id))
    cols = ["year", "basis", "date", "status_of_residence", "value", "qualifier", "source_id", "days_apart"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(parts)
    out["days_apart"] = [abs((d - pd.Timestamp(f"{y}-10-31")).days) for d, y in zip(out["date"], out["year"])]
    return out[cols].sort_values(["year", "basis", "status_of_residence"]).reset_index(drop=True)


def drawn_keys(bases: pd.DataFrame) -> set[str]:
    """What a :func:`two_bases` table draws, for a legend that names nothing else: ``mhlw_employment``,
    ``vn_government_estimate`` and ``residence_statistics:<status>`` (``total`` or a working status),
    each only where the table holds a row with a value."""
    rows = bases[bases["value"].notna()]
    keys = set(rows["basis"]) - {"residence_statistics"}
    resid = rows[rows["basis"] == "residence_statistics"]
    return keys | {f"residence_statistics:{s}" for s in resid["status_of_residence"]}


def by_status(start: int, end: int, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Vietnamese employer-reported workers by MHLW status group (and the "of which" parts), one row
    per year and status that has a count. Columns: ``year``, ``status_of_residence``, ``group``
    (the group a part belongs to; the status itself for a group), ``is_part``, ``value``,
    ``qualifier``, ``source_id``, ``share_of_total`` (of the same year's Vietnamese total, where it
    exists)."""
    _check_years(start, end)
    rows = residents_headline() if rows is None else rows
    octo = _october(rows)
    octo = octo[(octo["nationality"] == "VNM") & octo["year"].between(start, end)]
    totals = octo[octo["status_of_residence"] == "total"].set_index("year")["value"]
    sel = octo[octo["status_of_residence"].isin(GROUPS + tuple(PARTS))].copy()
    sel["group"] = sel["status_of_residence"].map(lambda s: PARTS.get(s, s))
    sel["is_part"] = sel["status_of_residence"].isin(tuple(PARTS))
    sel["share_of_total"] = sel["value"] / sel["year"].map(totals)
    order = {s: i for i, s in enumerate(GROUPS)}
    sel["_o"] = [order[g] * 2 + int(p) for g, p in zip(sel["group"], sel["is_part"])]
    sel = sel.sort_values(["year", "_o"])
    return sel[["year", "status_of_residence", "group", "is_part", "value", "qualifier", "source_id",
                "share_of_total"]].reset_index(drop=True)


def latest_breakdown_year(year: int, rows: pd.DataFrame | None = None) -> int | None:
    """``year`` if it has a count for at least two MHLW status groups; otherwise the latest year
    before it that has; None if no year up to ``year`` has."""
    table = by_status(1900, year, rows)
    groups = table[~table["is_part"]].groupby("year")["status_of_residence"].nunique()
    years = groups[groups >= 2].index
    return int(years.max()) if len(years) else None


def agreements_in_force(start: int, end: int, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of bilateral social security agreements in force at the end of each year, per country.

    Columns: ``year``, ``country`` (JPN, VNM), ``in_force`` (count), ``new`` (partners whose agreement
    entered into force that year, comma-separated). An agreement counts from the month (or day) the
    source gives for its entry into force."""
    _check_years(start, end)
    table = data.load("social_security") if table is None else table
    force = table[table["event"] == "in_force"].copy()
    force["year"] = force["date"].str[:4].astype(int)
    out = []
    for country in ("JPN", "VNM"):
        mine = force[force["country"] == country]
        for year in range(start, end + 1):
            new = mine[mine["year"] == year]["partner"].tolist()
            out.append(dict(year=year, country=country, in_force=int((mine["year"] <= year).sum()),
                            new=", ".join(sorted(new))))
    return pd.DataFrame(out)


def in_force_steps(country: str, start: int, end: int, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The count of ``country``'s agreements in force as a step line drawn at the dates they entered
    into force (a stock at its date, not at a year tick): ``when`` (decimal year, the first day of the
    month when the source gives only the month), ``in_force`` (the count from that date on), ``partner``.
    Starts at 1 January of ``start`` with the count then in force and ends at 31 December of ``end``."""
    from .timeline import date_span

    _check_years(start, end)
    table = data.load("social_security") if table is None else table
    mine = table[(table["event"] == "in_force") & (table["country"] == country)].copy()
    precision = {4: "year", 7: "month", 10: "day"}  # what data/social_security.csv's date_precision says
    mine["when"] = [date_span(d, precision[len(d)])[0] for d in mine["date"]]
    mine = mine.sort_values(["when", "partner"])
    before = int((mine["when"] < start).sum())
    inside = mine[(mine["when"] >= start) & (mine["when"] < end + 1)]
    steps = [dict(when=float(start), in_force=before, partner="")]
    steps += [dict(when=float(r.when), in_force=before + i, partner=r.partner)
              for i, r in enumerate(inside.itertuples(), start=1)]
    steps.append(dict(when=float(end + 1), in_force=before + len(inside), partner=""))
    return pd.DataFrame(steps)


def agreement_rows(start: int, end: int, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The in-force rows counted by :func:`agreements_in_force` up to ``end`` (the figure cites them)."""
    _check_years(start, end)
    table = data.load("social_security") if table is None else table
    force = table[(table["event"] == "in_force") & (table["date"].str[:4].astype(int) <= end)]
    return force.reset_index(drop=True)


def talks(start: int, end: int, lang: str, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The Vietnam–Japan social insurance milestones of ``data/timeline.csv`` (events whose id starts
    with ``ssa-``, and Vietnam's 2018 rule making foreign employees contribute) within ``start``..``end``:
    ``event_id``, ``date``, ``when``, ``label``, ``source_id``."""
    from .flows import milestones

    _check_years(start, end)
    events = data.load("timeline") if table is None else table
    ids = [e for e in events["event_id"] if e.startswith("ssa-") or e == "vn-si-foreigners-2018"]
    chosen = milestones(ids, lang) if ids else pd.DataFrame(columns=["event_id", "date", "when", "label",
                                                                       "source_id"])
    chosen = chosen[(chosen["when"] >= start) & (chosen["when"] < end + 1)]
    return chosen[["event_id", "date", "when", "label", "source_id"]].sort_values("when").reset_index(drop=True)


def raise_top_until_clear(ax, notes, legend=None, *, step: float = 1.12, most: int = 12) -> int:
    """Raise the top of ``ax``'s y axis (from 0) until every text of ``notes`` (labels over bars) is
    inside the axes and clear of ``legend``, with 8% of the axes' height to spare; at most ``most`` steps
    of ``step`` times. Returns the steps taken."""
    fig = ax.figure
    for taken in range(most + 1):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        frame = ax.get_window_extent(renderer)
        box = legend.get_window_extent(renderer) if legend is not None else None
        clash = False
        margin = 0.08 * frame.height  # the footer, added on saving, still shortens the axes
        for note in notes:
            b = note.get_window_extent(renderer)
            if b.y1 > frame.y1 - margin or (box is not None and b.x1 > box.x0 and b.x0 < box.x1
                                             and b.y1 > box.y0 - margin):
                clash = True
                break
        if not clash or taken == most:
            return taken
        low, high = ax.get_ylim()
        ax.set_ylim(low, high * step)
    return most
