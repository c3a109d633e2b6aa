"""Sweep each notebook over its parameter domain: every combination ends with its declared figures,
each either drawing cited rows or the declared "no data for this selection" figure, never a
traceback; and the words (legend, alt text) describe only what the chart draws.

The notebooks run in-process (their code cells ``exec``-ed in a fresh namespace with the parameters
injected after the parameters cell, as papermill does; see ``sweep_tools``), saving small PNGs only:
a kernel per combination would cost seconds each. ``run_all.py --check`` covers the byte-exact
files of the registered values. Grid: the edges of each domain (first and last year with data, a
one-year range, ranges where a series has no rows) in both languages.

Measured (2 cores shared with six other jobs, load ~12): 31 tests, 174 s CPU (user), 340 s wall;
a kernel per combination (run_all.py) took 45-130 s each on the same machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import sweep_tools  # noqa: E402

from vnjp import params  # noqa: E402
from vnjp.runner import notebook_parameters  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FLOWS, DEST = "notebooks/01_flows_1992_latest.ipynb", "notebooks/02_destination_markets.ipynb"
ECON, MILE = "notebooks/03_economic_context.ipynb", "notebooks/04_policy_milestones.ipynb"
CLAIMS, WORK = "notebooks/05_claims_check.ipynb", "notebooks/06_workers_social_insurance.ipynb"
TEMPLATE = "templates/analysis.ipynb"
BY_YEAR = "notebooks/07_destinations_by_year.ipynb"  # the members of the grid destinations-year

GRID = [
    (FLOWS, {"end_year": 2023, "lang": "vi"}),  # issue 9: NA in the COVID figure's axis
    (FLOWS, {"start_year": 2010, "end_year": 2020}),
    (FLOWS, {"start_year": 2019, "end_year": 2019, "lang": "vi"}),  # one year
    (FLOWS, {"start_year": 1992, "end_year": 1998}),  # no count at all: declared no-data figures
    (FLOWS, {"start_year": 2024, "end_year": 2025, "lang": "vi"}),  # last years: part-year figures only
    (FLOWS, {"covid_base_year": 2023, "covid_start": 2021, "covid_end": 2023}),  # no year after the base
    (DEST, {"year": 2017, "lang": "vi"}),  # no plan
    (DEST, {"year": 2019}),  # markets without a women split
    (DEST, {"year": 2020, "lang": "vi"}),  # no women total
    (DEST, {"year": 1999, "top_n": 1}),  # first year with a total
    (DEST, {"start_year": 2010, "end_year": 2010, "lang": "vi"}),  # one year, no market counts
    (DEST, {"start_year": 2024, "end_year": 2025, "rank_cutoff": 4}),  # last years: no plan, no women
    (BY_YEAR, {"year": 2002, "lang": "vi"}),  # first year: Japan not itemised, no plan
    (BY_YEAR, {"year": 2006}),  # one market named (Japan)
    (BY_YEAR, {"year": 2021, "lang": "vi"}),  # some markets without a women split
    (BY_YEAR, {"year": 2023, "top_n": 1}),  # the top 1 of 13
    (ECON, {"start_year": 1975, "end_year": 1975, "oda_start_year": 1975}),  # first year: nothing to draw
    (ECON, {"start_year": 2025, "end_year": 2025, "lang": "vi"}),  # last year
    (ECON, {"start_year": 1980, "end_year": 1990, "oda_start_year": 1980, "lang": "vi"}),
    (ECON, {"oda_start_year": 2020}),  # no annual ODA loan after 2020
    (ECON, {"start_year": 2010, "end_year": 2020, "oda_start_year": 2010}),
    (ECON, {"lang": "vi"}),
    (MILE, {"start_year": 2027, "end_year": 2027}),  # last year, planned only
    (MILE, {"start_year": 1974, "end_year": 1980, "lang": "vi"}),  # no event
    (MILE, {"categories": ["shock"], "lang": "vi"}),
    (MILE, {"today": "1900-01-01"}),  # everything planned
    (MILE, {"today": "2100-12-31", "lang": "vi"}),  # nothing planned
    (MILE, {"start_year": 1973, "end_year": 1973}),  # first year
    (CLAIMS, {"checks": ["value"], "source_ids": ["seed-000"]}),
    (CLAIMS, {"checks": ["rank", "qualitative"], "lang": "vi"}),  # no numeric claim: an empty gap figure
    (CLAIMS, {"checks": ["untestable"], "source_ids": ["seed-002"]}),
    (CLAIMS, {"source_ids": ["seed-004", "seed-001"], "lang": "vi"}),
    (CLAIMS, {"share_first_year": 1990, "share_last_year": 1990}),  # first year with data, no Japan count
    (CLAIMS, {"share_first_year": 2025, "share_last_year": 2025, "lang": "vi"}),  # last year
    (CLAIMS, {"share_first_year": 1990, "share_last_year": 2025, "checks": ["share"], "source_ids": ["seed-001"]}),
    (WORK, {"start_year": 2008, "end_year": 2011}),  # no Vietnamese count yet (a gap until 2012)
    (WORK, {"start_year": 2008, "end_year": 2008, "status_year": 2008, "lang": "vi"}),  # first year, no breakdown
    (WORK, {"start_year": 2025, "end_year": 2025, "status_year": 2025}),  # last year
    (WORK, {"start_year": 2016, "end_year": 2016, "status_year": 2016, "lang": "vi"}),  # one year with all series
    (WORK, {"start_year": 2012, "end_year": 2020, "status_year": 2019, "lang": "vi"}),  # breakdown falls back
    (WORK, {"status_year": 2023}),  # one group only: falls back to 2022
    (WORK, {"lang": "vi"}),
    (TEMPLATE, {"market": "TWN", "year_from": 2019, "year_to": 2019}),
    (TEMPLATE, {"year_from": 1990, "year_to": 1995, "lang": "vi"}),  # no count for Japan
    (TEMPLATE, {"market": "SAU", "lang": "vi"}),
    (TEMPLATE, {"year_from": 2025, "year_to": 2025}),
    (TEMPLATE, {"year_from": 1990, "year_to": 2025}),
    (TEMPLATE, {}),
]


def _registry():
    sys.path.insert(0, str(ROOT))
    try:
        import run_all
    finally:
        sys.path.remove(str(ROOT))
    return run_all.REGISTRY


def expected_names(notebook: str, values: dict) -> list[str]:
    """The figure names (``<stem>`` without ``_<lang>``) the registry declares for these values."""
    runs = [r for r in _registry() if r.notebook == notebook]
    if not runs:  # the template: one figure per market
        return [f"example_{values['market']}_by_year"]
    return sorted(stem.format(**values).removesuffix(f"_{values['lang']}") for stem in runs[0].figures)


@pytest.mark.parametrize("notebook, override", GRID, ids=[f"{Path(n).stem[:12]}-{p}" for n, p in GRID])
def test_every_combination_draws_its_figures_or_says_no_data(notebook, override, tmp_path):
    path = ROOT / notebook
    values = {**notebook_parameters(path), **override}
    params.check(notebook, params.domains(path), values)  # the grid stays inside the declared domain
    saved = sweep_tools.run(path, override, tmp_path)
    assert sorted(s.name for s in saved) == expected_names(notebook, values)
    for s in saved:
        assert s.lang == values["lang"]
        assert s.rows > 0 or s.no_data, f"{s.name}: saved with no rows, yet not a declared no-data figure"
        assert not s.legend_problems, f"{s.name}: {s.legend_problems}"
        assert (tmp_path / f"{s.name}_{s.lang}.png").exists()
        # Alt text names no year the selection does not hold (e.g. "from 2015 on" in a 1973-1980 timeline).
        years = set(s.plotted_years)
        for name, value in values.items():
            if isinstance(value, int) and 1900 < value < 2100:
                years.add(value)
        bounds = sorted(v for k, v in values.items() if isinstance(v, int) and 1900 < v < 2100)
        span = set(range(bounds[0], bounds[-1] + 1)) if bounds else set()
        stray = sweep_tools.years_in(s.alt) - years - span
        assert not stray, f"{s.name}: alt text names years the chart does not draw: {sorted(stray)}: {s.alt}"


def test_the_legend_check_catches_a_legend_for_bars_not_drawn():
    """The check itself: a 'women' legend entry with no women bar is reported, one with it is not."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.barh(["a"], [0], color="#2c6e91", label="women")  # zero-width: nothing drawn
    ax.barh(["a"], [5], color="#7f8c8d")
    ax.legend()
    assert sweep_tools.legend_problems(fig) == ["legend entry 'women' has no drawn counterpart"]
    ax.barh(["b"], [3], color="#2c6e91")
    assert sweep_tools.legend_problems(fig) == []
    plt.close(fig)
