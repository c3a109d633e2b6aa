"""A claim's test, read from its row of ``claims.csv``."""

from __future__ import annotations



from .handlers import ssw_2022, stock_or_flow_345k, titp_rank_2022, trade_total_2022
from .result import Spec


#: The notes' instructions, claim by claim, where the selector alone does not say it all.
SPECS: dict[str, Spec] = {
    # share of departures going to Japan: 'recent years' before Aug 2023 = 2018-2022, each strictly > 50
    "c000-02": Spec("each of 2018–2022 strictly above 50%; 2023 for context", years=(2018, 2019, 2020, 2021, 2022),
                    context_years=(2023,)),
    "c001-09": Spec("2022 rounds to 50%; recent years for context", context_years=(2018, 2019, 2020, 2021, 2023)),
    "c004-03": Spec("divide by the plan's upper end", use_upper=True),
    # residents: end-2022 (said in Aug 2023); the note adds mid-2023
    "c000-06": Spec("largest single nationality; also 2023-06-30", alt_dates=("2023-06-30",), handler=titp_rank_2022),
    "c000-07": Spec("strictly above 200,000; also 2023-06-30 and TITP statistics", alt_dates=("2023-06-30",), also=(
        "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&basis=titp_statistics"
        "&date=2022-12-31",)),
    "c000-03": Spec("workers: employer-reported count and the working statuses summed; closest base decides",
                    alt_bases=("residents_japan?nationality=VNM&status_of_residence=technical_intern_training"
                               "+specified_skilled_worker+engineer_humanities_intl&basis=residence_statistics",),
                    also=("residents_japan?nationality=VNM&status_of_residence=total&basis=residence_statistics"
                          "&date=2022-12-31",
                          "residents_japan?nationality=VNM&status_of_residence=total&basis=vn_government_estimate"
                          "&date=2022-12-31")),
    "c000-08": Spec("strictly above 50%; also 2023-06-30", alt_dates=("2023-06-30",)),
    "c000-21": Spec("SSW publication or residence statistics basis", handler=ssw_2022),
    "c001-06": Spec("same fact as c000-06", same_fact_as="c000-06"),
    "c001-10": Spec("workers: residence statistics and the employer-reported count; closest base decides",
                    alt_bases=("residents_japan?nationality=VNM&status_of_residence=engineer_humanities_intl"
                               "&basis=residence_statistics",
                               "residents_japan?nationality=VNM&status_of_residence=engineer_humanities_intl"
                               "&basis=mhlw_employment"),
                    also=("residents_japan?nationality=VNM&status_of_residence=engineer_humanities_intl"
                          "&basis=vn_government_estimate&date=2022-12-31",)),
    "c001-05": Spec("same fact as c000-04", same_fact_as="c000-04"),
    # economy: ranks and as-of dates
    "c000-10": Spec("one of the three largest: rank 1, 2 or 3", top_n=3),
    "c000-15": Spec("latest ranking up to 2023", latest_to_seed=True),
    "c000-16": Spec("latest as-of date before the seed; USD rows only", latest_to_seed=True),
    "c000-11": Spec("seed's own parts and the MOIT rows", handler=trade_total_2022),
    # cumulative departures to Japan 1992-2022, against the 345,000 stock of c000-03
    "c001-04": Spec("sum 1992–2022; gaps make it a lower bound", sum_years=(1992, 2022), handler=stock_or_flow_345k),
    # timeline
    "c000-01": Spec("2023 − 1973 = 50", timeline=("years_since", {})),
    "c001-03": Spec("same fact as c000-01", same_fact_as="c000-01", timeline=("years_since", {})),
    "c001-02": Spec("2023 − 1992 > 30", timeline=("years_since", {})),
    "c002-03": Spec("2025 − 1973 > 50", timeline=("years_since", {})),
    "c004-34": Spec("forum in 2023; 2023 − 1973 = 50", timeline=("years_since", {
        "event": "diplomatic-relations-1973",
        "also": " The timeline describes the forum as marking three decades of labour cooperation instead."})),
    "c000-18": Spec("event dated 1973", timeline=("same_date", {})),
    "c001-01": Spec("event dated 1992", timeline=("same_date", {})),
    "c001-07": Spec("event dated 2019-07-01", timeline=("same_date", {})),
    "c002-05": Spec("event dated 2025-03-01", timeline=("same_date", {})),
    "c004-29": Spec("event dated 2023-06-01", timeline=("same_date", {})),
    "c002-02": Spec("month only (timeline precision)", timeline=("same_date", {
        "date": "2025-12-24", "unchecked": "the days, 24 and 25 December, cannot be checked"})),
    "c001-11": Spec("starts 2012, ends 2016", timeline=("same_date", {
        "partly": "the end (2016) is held only in the event's description, not in a column."})),
    "c001-12": Spec("starts 2018, ends 2022", timeline=("same_date", {
        "partly": "the description ends phase 2 in November 2021; 2022 is the year of the closing review "
                  "(hotline-review-2022, 2022-02-14)."})),
    "c000-17": Spec("no agreement by Aug 2023", timeline=("before", {
        "date": "2023-12-31", "and": (("ssa-round1-2025", "after"),),
        "says": "Preparations are dated in 2023 and the first negotiating round only in 2025: talks were being "
                "prepared, no agreement existed."})),
    "c000-22": Spec("review under way in Aug 2023", timeline=("before", {
        "and": (("titp-final-report-2023", "after"),),
        "says": "The interim report precedes the seed and the final report follows it: the review was under way."})),
    "c002-04": Spec("upgrade precedes Dec 2025", timeline=("before", {
        "says": "The upgrade is dated before the seed's publication."})),
    "c002-06": Spec("first round precedes Dec 2025", timeline=("before", {
        "says": "The first negotiating round is dated before the seed's publication."})),
    "c002-01": Spec("second of the ssa-round events", timeline=("nth", {"prefix": "ssa-round"})),
    "c001-08": Spec("9 fields added (count in prose)", timeline=("prose_only", {
        "says": "The timeline dates the SSW (ii) expansion (after the September 2022 visit) but holds the number "
                "of fields only in its text; the minister's role cannot be tested."})),
    "c002-07": Spec("context only", timeline=("prose_only", {
        "says": "The timeline has the ESD law and its start, but no event for a bilateral ESD agreement."})),
}
