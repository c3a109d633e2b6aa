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


def total_or_none(year: int, sex: str = "all", rows: pd.DataFrame | None = None) -> pd.Series | None:
    """:func:`total`, or None when ``year`` has no such full-year row (e.g. no women total)."""
    try:
        return total(year, sex, rows)
    except LookupError:
        return None


def market_row(table: pd.DataFrame, destination: str) -> pd.Series | None:
    """``destination``'s row of a :func:`markets` table, or None when the year does not itemise it."""
    hit = table[table["destination"] == destination]
    return None if hit.empty else hit.iloc[0]


def women_split(top: pd.DataFrame) -> str:
    """How a markets chart splits its bars: ``all`` (every market's women stated), ``some`` or ``none``."""
    known = top["women"].notna()
    return "all" if known.all() else "some" if known.any() else "none"


def markets_alt(table: pd.DataFrame, top: pd.DataFrame, year: int, lang: str) -> str:
    """Alt text of the markets chart: its ranking and whether (and how) its bars are split by sex."""
    from .labels import fmt_int, place, text

    split = women_split(top)
    if len(table) >= 2 and split != "none":
        return text("destinations_alt", lang, n=len(top), year=year, first=place(table["destination"][0], lang),
                    first_n=fmt_int(table["workers"][0], lang), second=place(table["destination"][1], lang),
                    second_n=fmt_int(table["workers"][1], lang))
    ranking = ", ".join(f"{place(r.destination, lang)} {fmt_int(r.workers, lang)}" for r in table.head(2).itertuples())
    words = (text("destinations_split_none", lang) if split == "none"
             else text("destinations_split_some", lang, k=int(top["women"].notna().sum())))
    return text("destinations_alt_any", lang, n=len(top), year=year, ranking=ranking, split=words)


def markets_time_alt(over_time: dict[str, pd.DataFrame], leaders: list[str], start: int, end: int, lang: str) -> str:
    """Alt text of the markets-over-time chart: the markets drawn and the latest year's two largest."""
    from .labels import fmt_int, place, text

    last_year = max(int(s.loc[s["value"].notna(), "year"].max()) for s in over_time.values()
                    if s["value"].notna().any())
    latest = sorted(((int(s.set_index("year").loc[last_year, "value"]), m) for m, s in over_time.items()
                     if pd.notna(s.set_index("year").loc[last_year, "value"])), reverse=True)
    markets = ", ".join(place(m, lang) for m in leaders)
    if len(latest) >= 2:
        return text("markets_time_alt", lang, markets=markets, start=start, end=end, last=last_year,
                    first_market=place(latest[0][1], lang), first_n=fmt_int(latest[0][0], lang),
                    second_market=place(latest[1][1], lang), second_n=fmt_int(latest[1][0], lang))
    return text("markets_time_alt_any", lang, markets=markets, start=start, end=end, last=last_year,
                latest=", ".join(f"{place(m, lang)} {fmt_int(n, lang)}" for n, m in latest))


def women_time_alt(shares: dict[str, pd.DataFrame], years: list[int], lang: str) -> str:
    """Alt text of the women's-share chart: all destinations' first and last share when drawn."""
    from .labels import fmt_pct, place, text

    if "ALL" in shares:
        overall = shares["ALL"]
        return text("women_time_alt", lang, n=len(years), first=int(overall["year"].iloc[0]),
                    last=int(overall["year"].iloc[-1]), all_first=fmt_pct(overall["share"].iloc[0], lang),
                    all_last=fmt_pct(overall["share"].iloc[-1], lang))
    return text("women_time_alt_markets", lang, n=len(years), markets=", ".join(place(m, lang) for m in shares))


#: The columns of a row the plan-against-actual figure drew, in the order its CSV gives them.
PLAN_VS_ACTUAL_COLUMNS = ["year", "drawn_as", "measure", "destination", "sex", "period", "period_start", "period_end",
                          "value", "value_upper", "qualifier", "status", "sent_over_plan", "source_id", "note"]


def plan_vs_actual_rows(versus: pd.DataFrame, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The cited rows the plan-against-actual figure draws, one per bar, with their values: for each
    year of ``versus`` (the notebook's plan/sent table: ``year``, ``source_id_plan``, ``value_sent``,
    ``source_id_sent``, ``partial_value_sent``, ``partial_source_id_sent``, ``sent_over_plan``) the
    plan (``drawn_as`` "plan", or "plan_range" when it has an upper end), the full-year total ("sent",
    or "sent_forecast" for a forecast) or else the part-year figure drawn ("sent_part_year"), each
    as the headline row of ``departures`` (period, value, value_upper, qualifier, status, source_id,
    note). ``sent_over_plan`` (computed by the notebook) is on the total's row."""
    rows = headline_rows() if rows is None else rows
    every = rows[(rows["destination"] == "ALL") & (rows["sex"] == "all")]
    out = []
    for r in versus.itertuples():
        year_rows = every[every["year"] == r.year]
        plan_row = year_rows[(year_rows["measure"] == "plan_target") & (year_rows["period"] == "full_year")]
        out.append(plan_row.assign(drawn_as=["plan_range" if pd.notna(v) else "plan"
                                             for v in plan_row["value_upper"]]))
        sent = year_rows[year_rows["measure"] == "workers_sent"]
        if pd.notna(r.value_sent):
            full = sent[sent["period"] == "full_year"]
            out.append(full.assign(drawn_as=["sent_forecast" if s == "forecast" else "sent" for s in full["status"]],
                                   sent_over_plan=r.sent_over_plan))
        elif pd.notna(r.partial_value_sent):
            part = sent[(sent["period"] == "part_year") & (sent["value"] == r.partial_value_sent)
                        & (sent["source_id"] == r.partial_source_id_sent)]
            out.append(part.assign(drawn_as="sent_part_year"))
    if not out:
        return pd.DataFrame(columns=PLAN_VS_ACTUAL_COLUMNS)
    table = pd.concat(out, ignore_index=True)
    if "sent_over_plan" not in table:
        table["sent_over_plan"] = pd.NA
    return table[PLAN_VS_ACTUAL_COLUMNS].reset_index(drop=True)
