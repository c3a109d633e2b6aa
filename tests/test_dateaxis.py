"""vnjp.dateaxis: a stock sits at its date and is labelled by it, in both languages; lines break at a
reporting day without a count."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from vnjp import dateaxis, flows
from vnjp.figures import new_figure


@pytest.mark.parametrize("day, expected", [
    ("2016-12-31", 2016 + 365 / 366),  # leap year: day 366 of 366
    ("2015-12-31", 2015 + 364 / 365),
    ("2025-06-30", 2025 + 180 / 365),
    ("2020-06-30", 2020 + 181 / 366),
    ("2020-01-01", 2020.0),
    ("1992-03-01", 1992 + 60 / 366),
])
def test_position_is_the_fraction_of_the_year_at_the_date(day, expected):
    assert dateaxis.position(day) == pytest.approx(expected)
    assert dateaxis.position(pd.Timestamp(day)) == pytest.approx(expected)


def test_year_end_lies_before_the_next_years_start_and_mid_year_near_the_middle():
    for year in (2011, 2016, 2024):
        end = dateaxis.year_end(year)
        assert year + 0.99 < end < year + 1  # end-2016 is in 2016, not at the "2017" tick
        assert dateaxis.position(f"{year + 1}-01-01") == year + 1
        assert 0.49 < dateaxis.position(f"{year}-06-30") - year < 0.5


def test_position_of_many_dates_keeps_their_order_and_agrees_with_flows():
    days = pd.Series(pd.to_datetime(["2019-12-31", "2011-12-31", "2025-06-30"]), index=[5, 7, 9])
    where = dateaxis.position(days)
    assert list(np.round(where, 3)) == [2019.997, 2011.997, 2025.493]
    assert list(flows.decimal_year(days).index) == [5, 7, 9]
    assert np.allclose(flows.decimal_year(days).to_numpy(), where)


@pytest.mark.parametrize("day, lang, expected", [
    ("2016-12-31", "en", "end-2016"),
    ("2016-12-31", "vi", "cuối 2016"),
    ("2011-12-31", "vi", "cuối 2011"),
    ("2025-06-30", "en", "30 Jun 2025"),
    ("2025-06-30", "vi", "30/6/2025"),
    ("2019-09-30", "en", "30 Sep 2019"),
    ("2016-12-30", "en", "30 Dec 2016"),  # the day before the year's end is not "end-2016"
    ("2017-01-01", "vi", "1/1/2017"),
])
def test_label_says_the_date(day, lang, expected):
    assert dateaxis.label(day, lang) == expected


def test_label_rejects_an_unknown_language():
    with pytest.raises(ValueError):
        dateaxis.label("2016-12-31", "ja")


def test_gaps_break_at_a_missing_mid_year_or_year_end():
    days = ["2011-12-31", "2012-12-31", "2016-12-31", "2017-06-30", "2017-12-31", "2019-12-31"]
    x, y = dateaxis.with_date_gaps(days, [1, 2, 3, 4, 5, 6])
    # 2012-06-30 missing -> break; 2013..2016 missing -> break; 2016-12..2017-12 complete; 2018 missing -> break
    assert list(np.isnan(y)) == [False, True, False, True, False, False, False, True, False]
    assert list(y[~np.isnan(y)]) == [1, 2, 3, 4, 5, 6]
    assert list(np.isnan(x)) == list(np.isnan(y))  # a break is a NaN in both, at the same place
    assert x[0] == pytest.approx(dateaxis.year_end(2011))
    assert x[-1] == pytest.approx(dateaxis.year_end(2019))


def test_gaps_join_quarterly_counts_without_a_reporting_day_between_and_drop_missing_values():
    days = ["2019-09-30", "2019-12-31", "2020-03-31", "2020-12-31", "2021-03-31"]
    x, y = dateaxis.with_date_gaps(days, pd.array([1, 2, 3, None, 5], dtype="Int64"))
    # 2020-12-31 has no value: it is dropped, and 2020-06-30 and 2020-12-31 lie between 2020-03 and 2021-03
    assert list(np.isnan(y)) == [False, False, False, True, False]
    assert list(y[~np.isnan(y)]) == [1, 2, 3, 5]


def test_gaps_sort_by_date_and_take_an_empty_or_single_series():
    x, y = dateaxis.with_date_gaps(["2018-12-31", "2018-06-30"], [2, 1])
    assert list(y) == [1, 2] and x[0] < x[1]
    x, y = dateaxis.with_date_gaps([], [])
    assert len(x) == len(y) == 0
    x, y = dateaxis.with_date_gaps(["2020-06-30"], [7])
    assert list(y) == [7]


def test_missing_between_counts_only_days_strictly_between():
    assert dateaxis.missing_between("2016-12-31", "2017-06-30") == []
    assert dateaxis.missing_between("2016-12-31", "2017-12-31") == [pd.Timestamp("2017-06-30")]
    assert len(dateaxis.missing_between("2011-12-31", "2015-12-31")) == 7


@pytest.mark.parametrize("first, last, step", [(2011, 2025, 2), (2016, 2023, 1), (2019, 2019, 1),
                                               (1992, 2025, 5), (1900, 2025, 20)])
def test_tick_step_keeps_at_most_eight_labels(first, last, step):
    assert dateaxis.tick_step(first, last) == step
    assert math.ceil((last - first + 1) / step) <= 8


@pytest.mark.parametrize("lang, word", [("en", "end-"), ("vi", "cuối ")])
def test_ticks_sit_on_year_ends_and_are_labelled_by_the_date(lang, word):
    fig, ax = new_figure("t", size=(6, 3))
    years = dateaxis.year_end_ticks(ax, 2011, 2025, lang)
    assert years == [2012, 2014, 2016, 2018, 2020, 2022, 2024]
    assert np.allclose(ax.get_xticks(), [dateaxis.year_end(y) for y in years])
    ax.set_xlim(2011, 2026)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"{word}{y}" for y in years]
    minor = ax.xaxis.get_minorticklocs()
    assert len(minor) == 15 - len(years) and dateaxis.year_end(2011) in minor


@pytest.mark.parametrize("lang, labels", [("vi", ["30/6/2019", "cuối 2019"]), ("en", ["30 Jun 2019", "end-2019"])])
def test_ticks_of_a_single_year_are_its_mid_year_and_its_end(lang, labels):
    fig, ax = new_figure("t", size=(6, 3))
    assert dateaxis.year_end_ticks(ax, 2019, 2019, lang) == [2019]
    assert np.allclose(ax.get_xticks(), [dateaxis.position("2019-06-30"), dateaxis.year_end(2019)])
    ax.set_xlim(2019, 2020.2)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == labels


def test_ticks_of_three_years_have_no_mid_year_tick():
    fig, ax = new_figure("t", size=(6, 3))
    dateaxis.year_end_ticks(ax, 2019, 2021, "en")
    assert np.allclose(ax.get_xticks(), [dateaxis.year_end(y) for y in (2019, 2020, 2021)])


def test_limits_hold_every_date():
    low, high = dateaxis.limits(["2025-06-30", "2011-12-31"], pad=0.3)
    assert low == pytest.approx(dateaxis.year_end(2011) - 0.3)
    assert high == pytest.approx(dateaxis.position("2025-06-30") + 0.3)


@pytest.mark.parametrize("values, places", [
    ([0.40, 0.48, 0.54], [((0, 6), "center"), ((4, -11), "left"), ((0, 6), "center")]),  # rises to the right
    ([0.54, 0.49, 0.43], [((0, 6), "center"), ((-4, -11), "right"), ((0, 6), "center")]),  # falls to the right
    ([0.50, 0.30, 0.46], [((0, 6), "center"), ((0, 6), "center"), ((-4, -11), "right")]),  # last point: no right
])
def test_label_places_keep_labels_off_the_reference_line(values, places):
    assert flows.label_places(values, 0.5, 0.045) == places
