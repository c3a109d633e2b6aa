#!/usr/bin/env python3
"""Run every registered notebook with papermill and regenerate figures/.

    python run_all.py            # run what changed since the last run
    python run_all.py --list     # the registry: runs, parameters, data, figures
    python run_all.py --check    # regenerate into a temporary folder, compare with figures/
    python run_all.py --help     # all options (--only, -p NAME VALUE, --jobs, --timeout, --force)

The registry below is the list of analyses of the report. Each notebook runs once per
language. ``figures`` are the file stems a run must write ({parameters} are filled in;
each stem gives a .png and an .svg); ``data`` are the data-package resources it reads.
A ``grid`` is one run per value (and language), e.g. ``destinations-year-2016-vi``; the
report shows its members on one page. The machinery lives in vnjp/runner.py.
"""

import sys

from vnjp.runner import grid, in_both_languages, main

#: The years with DOLAB's breakdown by market: a full-year total and at least one market's count
#: (vnjp.params year set "departures_markets", the domain of notebook 07's ``year``). Written out so
#: that reading the registry needs no pandas; tests/test_grids.py fails when the data's years differ.
MARKET_YEARS = (2002, 2006, 2007, 2009, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023)

REGISTRY = [
    *in_both_languages(
        "flows", "notebooks/01_flows_1992_latest.ipynb", {"start_year": 1992, "end_year": 2025},
        figures=tuple(f"flows_{{start_year}}_{{end_year}}_{part}_{{lang}}" for part in
                      ("departures", "japan_share", "residents", "vietnam_share_of_status", "covid",
                       "arrivals_japan")),
        data=("departures", "residents_japan", "timeline", "arrivals_japan"),
    ),
    *in_both_languages(
        "destinations", "notebooks/02_destination_markets.ipynb",
        {"year": 2023, "top_n": 13, "start_year": 1999, "end_year": 2025},
        figures=("destinations_{year}_markets_{lang}", "destinations_{year}_japan_share_{lang}",
                 "destinations_{year}_plan_{lang}",
                 *(f"destinations_{{start_year}}_{{end_year}}_{part}_{{lang}}"
                   for part in ("markets_over_time", "women_share", "plan_vs_actual"))),
        data=("departures",),
    ),
    *grid(
        "destinations-year", "notebooks/07_destinations_by_year.ipynb", {"top_n": 13},
        over={"year": MARKET_YEARS},
        figures=tuple(f"destinations_year_{{year}}_{part}_{{lang}}" for part in ("markets", "japan_share", "plan")),
        data=("departures",),
    ),
    *in_both_languages(
        "economy", "notebooks/03_economic_context.ipynb",
        {"start_year": 2000, "end_year": 2025, "oda_start_year": 1992},
        figures=("economy_trade_reporters_{lang}", "economy_oda_{lang}", "economy_fdi_{lang}",
                 "economy_context_{lang}"),
        data=("economy", "departures", "sources"),
    ),
    *in_both_languages(
        "milestones", "notebooks/04_policy_milestones.ipynb",
        {"start_year": 1973, "end_year": 2027, "today": "2026-02-01"},
        figures=("milestones_timeline_{lang}",),
        data=("timeline", "sources"),
    ),
    *in_both_languages(
        "claims", "notebooks/05_claims_check.ipynb", {},
        figures=("claims_verdicts_{lang}", "claims_gap_{lang}"),
        data=("claims", "departures", "residents_japan", "economy", "timeline", "sources"),
    ),
    *in_both_languages(
        "workers", "notebooks/06_workers_social_insurance.ipynb",
        {"start_year": 2008, "end_year": 2025, "status_year": 2022},
        figures=(*(f"workers_{{start_year}}_{{end_year}}_{part}_{{lang}}"
                   for part in ("employer_reported", "two_bases", "social_insurance")),
                 "workers_{status_year}_by_status_{lang}"),
        data=("residents_japan", "social_security", "timeline", "sources"),
    ),
]

if __name__ == "__main__":
    sys.exit(main(REGISTRY))
