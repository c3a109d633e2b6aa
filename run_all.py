#!/usr/bin/env python3
"""Run every registered notebook with papermill and regenerate figures/.

    python run_all.py            # run what changed since the last run
    python run_all.py --list     # the registry: runs, parameters, data, figures
    python run_all.py --check    # regenerate into a temporary folder, compare with figures/
    python run_all.py --help     # all options (--only, -p NAME VALUE, --jobs, --timeout, --force)

The registry below is the list of analyses of the report. Each notebook runs once per
language. ``figures`` are the file stems a run must write ({parameters} are filled in;
each stem gives a .png and an .svg); ``data`` are the data-package resources it reads.
The machinery lives in vnjp/runner.py.
"""

import sys

from vnjp.runner import in_both_languages, main

REGISTRY = [
    *in_both_languages(
        "destinations", "notebooks/02_destination_markets.ipynb", {"year": 2023, "top_n": 13},
        figures=("destinations_{year}_markets_{lang}", "destinations_{year}_japan_share_{lang}",
                 "destinations_{year}_plan_{lang}"),
        data=("departures",),
    ),
    *in_both_languages(
        "claims", "notebooks/05_claims_check.ipynb", {},
        figures=("claims_verdicts_{lang}", "claims_gap_{lang}"),
        data=("claims", "departures", "residents_japan", "economy", "timeline", "sources"),
    ),
]

if __name__ == "__main__":
    sys.exit(main(REGISTRY))
