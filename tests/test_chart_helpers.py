"""Helpers the flows and destinations figures use to say what they draw: the rows behind the
plan-against-actual bars, labels kept apart and inside the axis, shares of small bases."""

from __future__ import annotations

import pandas as pd
import pytest

from vnjp import departures, flows


def _versus(start: int, end: int, rows: pd.DataFrame) -> pd.DataFrame:
    """The notebook's plan/sent table (notebook 02, section 6), built the same way."""
    plans = flows.yearly("ALL", start, end, measure="plan_target", rows=rows)
    sent = flows.yearly("ALL", start, end, rows=rows)
    versus = plans.merge(sent, on="year", suffixes=("_plan", "_sent"))
    versus = versus[versus["value_plan"].notna()].reset_index(drop=True)
    versus["plan_top"] = versus["value_upper_plan"].fillna(versus["value_plan"])
    comparable = versus["value_sent"].notna() & versus["status_sent"].ne("forecast")
    versus["sent_over_plan"] = (versus["value_sent"].astype("Float64") / versus["plan_top"]).where(comparable)
    return versus


@pytest.fixture(scope="module")
def rows():
    return departures.headline_rows()


@pytest.mark.parametrize("start, end", [(1999, 2025), (2023, 2023), (2008, 2010), (2024, 2025)])
def test_plan_vs_actual_rows_are_the_bars_drawn_with_their_values(rows, start, end):
    versus = _versus(start, end, rows)
    table = departures.plan_vs_actual_rows(versus, rows)
    assert list(table.columns) == departures.PLAN_VS_ACTUAL_COLUMNS
    plans = table[table["drawn_as"].isin(["plan", "plan_range"])]
    assert plans["year"].tolist() == versus["year"].tolist()  # one plan bar per year
    assert plans["value"].tolist() == versus["value_plan"].tolist()
    full = versus[versus["value_sent"].notna()]
    sent = table[table["drawn_as"].isin(["sent", "sent_forecast"])]
    assert sent["year"].tolist() == full["year"].tolist()
    assert sent["value"].tolist() == full["value_sent"].tolist()
    part = versus[versus["value_sent"].isna() & versus["partial_value_sent"].notna()]
    drawn_part = table[table["drawn_as"] == "sent_part_year"]
    assert drawn_part["year"].tolist() == part["year"].tolist()
    assert drawn_part["value"].tolist() == part["partial_value_sent"].tolist()
    assert (drawn_part["period"] == "part_year").all()
    assert table["source_id"].notna().all()
    # a year without any sent figure has its plan bar only
    assert len(table) == len(versus) + len(full) + len(part)


def test_plan_vs_actual_rows_mark_ranges_forecasts_and_ratios(rows):
    table = departures.plan_vs_actual_rows(_versus(1999, 2025, rows), rows).set_index(["year", "drawn_as"])
    assert table.loc[(2023, "plan_range"), "value_upper"] > table.loc[(2023, "plan_range"), "value"]
    assert (2009, "sent_forecast") in table.index
    ratio = table.loc[(2023, "sent"), "value"] / table.loc[(2023, "plan_range"), "value_upper"]
    assert table.loc[(2023, "sent"), "sent_over_plan"] == pytest.approx(ratio)
    assert pd.isna(table.loc[(2023, "plan_range"), "sent_over_plan"])


def test_plan_vs_actual_rows_of_no_year_is_an_empty_table_with_the_columns(rows):
    versus = _versus(1992, 1995, rows)
    assert versus.empty
    table = departures.plan_vs_actual_rows(versus, rows)
    assert table.empty and list(table.columns) == departures.PLAN_VS_ACTUAL_COLUMNS


@pytest.mark.parametrize("wanted, gap, expected", [
    ([0, 1, 2], 10, [0, 10, 20]),  # three near zero: stacked upwards from the lowest
    ([100, 5, 0], 10, [100, 10, 0]),  # order given is kept; only the one too close moves
    ([50, 0, 200], 10, [50, 0, 200]),  # far apart: none moves
    ([30, 30], 10, [30, 40]),  # a tie: the first given stays
    ([], 10, []),
])
def test_spread_labels_keeps_labels_apart_and_never_moves_one_down(wanted, gap, expected):
    got = flows.spread_labels(wanted, gap)
    assert got == expected
    assert all(g >= w for g, w in zip(got, wanted))
    ordered = sorted(got)
    assert all(b - a >= gap for a, b in zip(ordered, ordered[1:]))


@pytest.mark.parametrize("x, x_min, fraction", [(2023, 1998.5, 0.1), (2023, 1998.5, 0.3), (10, 0, 0.5)])
def test_right_limit_fits_a_label_of_fixed_width(x, x_min, fraction):
    x_max = flows.right_limit_for(x, x_min, fraction, margin=0.02)
    # the label ends (x + fraction of the new span) exactly at the margin before the right edge
    assert x + fraction * (x_max - x_min) == pytest.approx(x_max - 0.02 * (x_max - x_min))
    assert x_max > x


def test_right_limit_refuses_a_label_wider_than_the_axis():
    with pytest.raises(ValueError):
        flows.right_limit_for(2023, 1999, 0.99)


def test_small_bases_are_the_few_hundred_worker_shares(rows):
    """The shares drawn open with their count: Malaysia's (a few hundred workers), never a national total."""
    malaysia = flows.women_share("MYS", 1999, 2025, rows)
    assert len(malaysia) and (malaysia["workers"] < flows.SMALL_BASE).all()
    everyone = flows.women_share("ALL", 1999, 2025, rows)
    assert (everyone["workers"] >= flows.SMALL_BASE).all()


def test_plan_vs_actual_rows_give_only_the_part_year_figure_drawn(rows):
    """A year with two part-year counts draws the longer one (flows.yearly): only that row is given."""
    last_part = rows[(rows["measure"] == "workers_sent") & (rows["destination"] == "ALL") & (rows["sex"] == "all")
                     & (rows["period"] == "part_year") & (rows["year"] == 2025)].iloc[[0]]
    shorter = last_part.assign(value=last_part["value"] // 2, period_end=pd.Timestamp("2025-03-31"))
    both = pd.concat([rows, shorter], ignore_index=True)
    table = departures.plan_vs_actual_rows(_versus(2025, 2025, both), both)
    part = table[table["drawn_as"] == "sent_part_year"]
    assert part["value"].tolist() == last_part["value"].tolist()
