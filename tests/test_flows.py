"""Yearly series for the flow figures: gaps stay gaps, part years are labelled, shares need both figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from vnjp import flows

EXTRA_ROWS = """\
workers_sent,ALL,all,full_year,2021-01-01,2021-12-31,500,,exact,final,stats,fixture
workers_sent,JPN,all,full_year,2021-01-01,2021-12-31,200,,about,final,press,fixture rounded
workers_sent,ALL,all,part_year,2022-01-01,2022-09-30,700,,exact,final,stats,fixture Jan-Sep
workers_sent,ALL,all,part_year,2022-01-01,2022-06-30,400,,exact,final,press,fixture Jan-Jun
workers_sent,JPN,all,full_year,2023-01-01,2023-12-31,650,,exact,suspect,press,fixture typo
"""


@pytest.fixture
def series_data(fixture_data):
    with open(fixture_data / "departures.csv", "a", encoding="utf-8") as fh:
        fh.write(EXTRA_ROWS)
    return fixture_data


def test_a_missing_year_stays_missing_and_a_part_year_is_labelled(series_data):
    every = flows.yearly("ALL", 2020, 2023).set_index("year")
    assert pd.isna(every.loc[2020, "value"]) and pd.isna(every.loc[2020, "partial_value"])
    assert pd.isna(every.loc[2022, "value"])
    assert every.loc[2022, "partial_value"] == 700 and every.loc[2022, "partial_months"] == 9  # the longer part
    assert every.loc[2023, "value"] == 1000 and every.loc[2023, "alternatives"] == [950]
    assert list(every.index) == [2020, 2021, 2022, 2023]


def test_alternatives_leave_out_suspect_rows_and_the_headline(series_data):
    others = flows.alternative_rows("JPN", 2020, 2023)
    assert others.empty  # 650 is suspect, 600 is the headline
    others = flows.alternative_rows("ALL", 2020, 2023)
    assert others[["year", "value", "source_id"]].values.tolist() == [[2023, 950, "press"]]


def test_share_needs_both_full_year_figures_and_flags_rounding(series_data):
    share = flows.share(flows.yearly("JPN", 2020, 2023), flows.yearly("ALL", 2020, 2023))
    assert share["year"].tolist() == [2021, 2023]
    assert share["share"].tolist() == pytest.approx([0.4, 0.6])
    assert share["rounded"].tolist() == [True, False]


def test_change_from_base_year(series_data):
    index = flows.change_from(flows.yearly("ALL", 2020, 2023), 2023).set_index("year")["index"]
    assert index[2021] == pytest.approx(50.0) and pd.isna(index[2022])
    with pytest.raises(LookupError, match="2022"):
        flows.change_from(flows.yearly("ALL", 2020, 2023), 2022)


def test_with_gaps_breaks_lines_at_gaps_and_missing_values():
    x, y = flows.with_gaps([2016, 2017, 2019, 2020, 2021], pd.array([1, 2, 3, None, 5], dtype="Int64"), max_step=1)
    assert np.isnan(x[2]) and np.isnan(y[2])  # 2017 -> 2019 is two years apart
    assert np.isnan(x[4])  # 2020 is missing, so 2019 -> 2021 breaks too
    assert [v for v in x if not np.isnan(v)] == [2016, 2017, 2019, 2021]


def test_decimal_year():
    when = flows.decimal_year(pd.Series(["2020-01-01", "2020-12-31", "2019-07-02"]))
    assert when.tolist() == pytest.approx([2020.0, 2020 + 365 / 366, 2019 + 182 / 365])


def test_national_share_pairs_only_same_date_and_basis():
    rows = pd.DataFrame({
        "date": pd.to_datetime(["2020-12-31", "2020-12-31", "2021-06-30", "2021-12-31"]),
        "nationality": ["VNM", "ALL", "VNM", "ALL"],
        "status_of_residence": "technical_intern_training", "basis": "residence_statistics",
        "unit": "persons", "value": [50, 200, 60, 300], "qualifier": "exact", "source_id": ["a", "b", "c", "d"],
    })
    rows["when"] = flows.decimal_year(rows["date"])
    share = flows.national_share("technical_intern_training", rows=rows)
    assert share["share"].tolist() == [0.25] and share["all_source_id"].tolist() == ["b"]


def test_milestones_from_the_real_timeline_and_unknown_ids_refused():
    events = flows.milestones(["ssw-launch-2019", "labour-cooperation-start-1992"], "vi")
    assert events["event_id"].tolist() == ["labour-cooperation-start-1992", "ssw-launch-2019"]  # in time order
    assert events["when"].iloc[0] == pytest.approx(1992.5, abs=0.01)  # a year-precision date sits mid-year
    with pytest.raises(KeyError, match="no-such-event"):
        flows.milestones(["no-such-event"], "en")


def test_a_year_resting_on_a_low_reliability_source_only_is_flagged(fixture_data):
    with open(fixture_data / "departures.csv", "a", encoding="utf-8") as fh:
        fh.write("workers_sent,JPN,all,full_year,2016-01-01,2016-12-31,400,,exact,final,blog,fixture mirror\n"
                 "workers_sent,ALL,all,full_year,2016-01-01,2016-12-31,900,,about,final,blog,fixture mirror\n"
                 "workers_sent,ALL,all,full_year,2016-01-01,2016-12-31,910,,about,final,press,fixture press\n")
    japan = flows.yearly("JPN", 2015, 2023).set_index("year")["only_low_reliability"]
    every = flows.yearly("ALL", 2015, 2023).set_index("year")["only_low_reliability"]
    assert japan[2016] and not japan[2023] and not japan[2015]  # 2015: no figure, so nothing to flag
    assert not every[2016]  # a medium-reliability press row states it too
    # Hand-built headline rows without the flag: nothing is flagged.
    bare = pd.DataFrame({"measure": ["workers_sent"], "destination": ["JPN"], "sex": ["all"], "period": ["full_year"],
                         "period_start": ["2016-01-01"], "period_end": ["2016-12-31"], "year": [2016], "value": [1],
                         "value_upper": [pd.NA], "qualifier": ["exact"], "status": ["final"], "source_id": ["x"],
                         "alternatives": [[]]})
    assert not flows.yearly("JPN", 2016, 2016, rows=bare)["only_low_reliability"].iloc[0]


def _arrival_rows():
    def row(nat, status, basis, start, end, value, qualifier="exact", source="s"):
        return {"nationality": nat, "status_of_residence": status, "basis": basis, "period_start": pd.Timestamp(start),
                "period_end": pd.Timestamp(end), "year": pd.Timestamp(end).year, "value": value,
                "qualifier": qualifier, "status": "final", "source_id": source}
    return pd.DataFrame([
        row("VNM", "titp_1ro", "isa_new_entries", "2019-01-01", "2019-12-31", 900),
        row("VNM", "titp_1ro", "isa_new_entries", "2020-01-01", "2020-06-30", 200),  # part year
        row("VNM", "trainee_and_intern", "jitco_supported", "2010-01-01", "2010-12-31", 30, "about"),
        row("VNM", "titp_any", "isa_new_entries", "2018-04-01", "2019-03-31", 700),  # a fiscal year: 12 months
        row("ALL", "titp_1ro", "isa_new_entries", "2019-01-01", "2019-12-31", 5000),
    ])


def test_arrivals_keep_each_series_and_period_apart():
    out = flows.arrivals("VNM", rows=_arrival_rows())
    assert set(out["nationality"]) == {"VNM"} and len(out) == 4
    months = dict(zip(zip(out["series"], out["year"]), out["months"]))
    assert months[("titp_1ro|isa_new_entries", 2020)] == 6 and months[("titp_any|isa_new_entries", 2019)] == 12
    assert out["calendar_year"].tolist() == [True, False, False, True]  # sorted by series, then year
    assert not out["only_low_reliability"].any()  # no flag column given: nothing flagged
    assert flows.arrivals("VNM", start=2011, end=2019, rows=_arrival_rows())["year"].tolist() == [2019, 2019]
    assert flows.arrivals("KHM", rows=_arrival_rows()).empty


def test_arrivals_are_set_beside_departures_only_where_both_have_a_full_year():
    departures = pd.DataFrame({"year": [2010, 2019, 2020], "value": pd.array([pd.NA, 800, 100], dtype="Int64"),
                               "qualifier": [pd.NA, "exact", "exact"], "source_id": [pd.NA, "d19", "d20"]})
    out = flows.arrivals_beside_departures(2009, 2021, departures=departures, arrival_rows=_arrival_rows())
    # 2010: no DOLAB value; 2020: Japan only has half a year; the April-March year is not DOLAB's
    # calendar 2019 although it ends in 2019 and has 12 months; ALL rows are not Vietnamese arrivals.
    assert out[["year", "series"]].values.tolist() == [[2019, "titp_1ro|isa_new_entries"]]
    first = out.iloc[0]
    assert (first["arrivals"], first["departures"]) == (900, 800) and first["ratio"] == pytest.approx(1.125)
    assert first["arrivals_source_id"] == "s" and first["departures_source_id"] == "d19" and not first["rounded"]
    assert "value" not in out  # nothing is added up into one column
    rounded = departures.assign(qualifier=["exact", "about", "exact"])
    assert flows.arrivals_beside_departures(2009, 2021, departures=rounded, arrival_rows=_arrival_rows())["rounded"].all()


def test_share_is_low_reliability_when_either_figure_is():
    """A share computed from a figure that only low-reliability sources state is drawn as such."""

    def frame(values, low):
        return pd.DataFrame({"year": [2019, 2020], "value": values, "qualifier": ["exact", "exact"],
                             "status": ["final", "final"], "source_id": ["a", "b"], "only_low_reliability": low})

    out = flows.share(frame([80_000, 39_000], [False, True]), frame([150_000, 78_000], [False, False]))
    assert out["only_low_reliability"].tolist() == [False, True]
    out = flows.share(frame([80_000, 39_000], [False, False]), frame([150_000, 78_000], [True, False]))
    assert out["only_low_reliability"].tolist() == [True, False]
