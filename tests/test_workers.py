"""vnjp.workers: the employer-reported series, the two bases, the status groups, the agreements."""

from __future__ import annotations

import pandas as pd
import pytest

from vnjp import figures, workers


def rows(*spec):
    """Residence rows from (date, nationality, status, basis, value[, qualifier]) tuples."""
    out = []
    for i, s in enumerate(spec):
        date, nat, status, basis, value = s[:5]
        out.append(dict(date=pd.Timestamp(date), nationality=nat, status_of_residence=status, basis=basis,
                        unit="persons", value=float(value), qualifier=s[5] if len(s) > 5 else "exact",
                        status="final", source_id=f"s{i}"))
    return pd.DataFrame(out)


M, R, G = "mhlw_employment", "residence_statistics", "vn_government_estimate"


def test_a_year_without_a_vietnamese_count_stays_missing_and_share_needs_both_counts():
    data = rows(("2010-10-31", "ALL", "total", M, 650_000),
                ("2012-10-31", "VNM", "total", M, 26_828), ("2012-10-31", "ALL", "total", M, 682_450),
                ("2013-10-31", "VNM", "total", M, 37_537),
                ("2013-12-31", "VNM", "total", R, 70_000))  # another basis: never used for the share
    out = workers.employer_reported(2010, 2014, data).set_index("year")
    assert list(out.index) == [2010, 2011, 2012, 2013, 2014]
    assert pd.isna(out.loc[2010, "value"]) and out.loc[2010, "value_all"] == 650_000 and pd.isna(out.loc[2010, "share"])
    assert pd.isna(out.loc[2011, "value"]) and pd.isna(out.loc[2014, "value"])
    assert out.loc[2012, "share"] == pytest.approx(26_828 / 682_450)
    assert pd.isna(out.loc[2013, "share"])  # no all-nationality total of the same basis and date


def test_rank_is_exact_only_when_a_smaller_nationality_is_listed():
    data = rows(("2012-10-31", "VNM", "total", M, 26_828), ("2012-10-31", "CHN", "total", M, 296_388),
                ("2012-10-31", "BRA", "total", M, 101_891),
                ("2013-10-31", "VNM", "total", M, 37_537), ("2013-10-31", "CHN", "total", M, 303_886),
                ("2013-10-31", "KOR", "total", M, 34_100),
                ("2020-10-31", "VNM", "total", M, 443_998), ("2020-10-31", "CHN", "total", M, 419_431),
                ("2021-10-31", "VNM", "total", M, 453_344),
                ("2021-12-31", "CHN", "total", R, 700_000))  # not an October row of the same basis
    out = workers.employer_reported(2012, 2021, data).set_index("year")
    assert (out.loc[2012, "rank"], out.loc[2012, "rank_exact"]) == (3, False)  # all listed are larger: "at best 3rd"
    assert (out.loc[2013, "rank"], out.loc[2013, "rank_exact"]) == (2, True)
    assert (out.loc[2020, "rank"], out.loc[2020, "rank_exact"]) == (1, True)
    assert pd.isna(out.loc[2021, "rank"]) and out.loc[2021, "listed"] == 0
    marks = {int(y): workers.rank_mark(r) for y, r in out.iterrows()}
    assert (marks[2012], marks[2013], marks[2020]) == ("≥#3", "#2", "#1")
    assert marks[2021] == workers.RANK_UNKNOWN == "#?"  # a count the data cannot rank says so, never blank
    assert marks[2015] is None  # no count: no mark (the bar itself is missing)


def test_every_year_with_an_employer_count_carries_a_rank_mark_on_the_real_data():
    out = workers.employer_reported(2008, 2025)
    counted = out[out["value"].notna()]
    marks = [workers.rank_mark(r) for _, r in counted.iterrows()]
    assert all(marks)
    unknown = sorted(int(y) for y, m in zip(counted["year"], marks) if m == workers.RANK_UNKNOWN)
    assert unknown == sorted(int(y) for y in counted.loc[counted["listed"] == 0, "year"])


@pytest.mark.parametrize("start,end", [(1990, 1995), (2030, 2031), (2012, 2012)])
def test_ranges_at_and_beyond_the_edges_give_rows_not_errors(start, end):
    data = rows(("2012-10-31", "VNM", "total", M, 26_828))
    out = workers.employer_reported(start, end, data)
    assert list(out["year"]) == list(range(start, end + 1))
    assert out["value"].notna().sum() == (1 if start <= 2012 <= end else 0)
    bases = workers.two_bases(start, end, data)
    assert len(bases) == (1 if start <= 2012 <= end else 0)
    assert workers.by_status(start, end, data).empty


def test_start_after_end_is_refused_with_a_message():
    with pytest.raises(ValueError, match="after end year"):
        workers.employer_reported(2025, 2008, rows(("2012-10-31", "VNM", "total", M, 1)))


def test_two_bases_keeps_every_row_apart_and_picks_the_date_with_most_working_statuses():
    data = rows(("2023-10-31", "VNM", "total", M, 518_364),
                ("2023-06-30", "VNM", "technical_intern_training", R, 185_563),
                ("2023-06-30", "VNM", "specified_skilled_worker", R, 97_490),
                ("2023-06-30", "VNM", "total", R, 520_154),
                ("2023-12-31", "VNM", "technical_intern_training", R, 203_184),  # nearer, but fewer statuses
                ("2023-12-31", "VNM", "total", R, 565_026),
                ("2024-10-31", "VNM", "total", M, 570_708),
                ("2025-12-31", "VNM", "technical_intern_training", R, 1),  # 426 days away: out of the window
                ("2024-12-31", "VNM", "total", R, 634_361),  # only a total: still shown, at its own date
                ("2022-12-31", "VNM", "total", G, 345_000, "about"))
    out = workers.two_bases(2022, 2024, data)
    # every output row is one input row: nothing added across bases or dates
    assert set(out["value"]) <= set(data["value"]) and len(out) == len(out.drop_duplicates())
    y23 = out[(out["year"] == 2023) & (out["basis"] == R)]
    assert set(y23["date"]) == {pd.Timestamp("2023-06-30")}
    assert set(y23["status_of_residence"]) == {"technical_intern_training", "specified_skilled_worker", "total"}
    y24 = out[(out["year"] == 2024) & (out["basis"] == R)]
    assert list(y24["date"]) == [pd.Timestamp("2024-12-31")] and list(y24["status_of_residence"]) == ["total"]
    estimate = out[out["basis"] == G]
    assert list(estimate["year"]) == [2022] and estimate["qualifier"].iloc[0] == "about"
    assert (out["days_apart"] <= workers.MAX_DAYS_APART).all()


def test_status_groups_parts_shares_and_the_fallback_year():
    data = rows(("2017-10-31", "VNM", "total", M, 240_259),
                ("2017-10-31", "VNM", "technical_intern_training", M, 105_540),
                ("2017-10-31", "VNM", "permission_outside_status", M, 101_221),
                ("2017-10-31", "VNM", "student_parttime_work", M, 98_528),
                ("2023-10-31", "VNM", "technical_intern_training", M, 209_305),  # one group only
                ("2017-12-31", "VNM", "technical_intern_training", R, 127_000))  # another basis
    out = workers.by_status(2008, 2025, data)
    assert list(out["year"].unique()) == [2017, 2023]
    part = out[out["status_of_residence"] == "student_parttime_work"].iloc[0]
    assert bool(part["is_part"]) and part["group"] == "permission_outside_status"
    assert part["share_of_total"] == pytest.approx(98_528 / 240_259)
    assert pd.isna(out[out["year"] == 2023]["share_of_total"].iloc[0])  # no 2023 total in these rows
    assert workers.latest_breakdown_year(2025, data) == 2017  # 2023 has a single group
    assert workers.latest_breakdown_year(2017, data) == 2017
    assert workers.latest_breakdown_year(2016, data) is None


def test_agreements_count_from_their_year_of_entry_into_force():
    table = pd.DataFrame([
        dict(country="JPN", partner="DEU", event="in_force", date="2000-02"),
        dict(country="JPN", partner="AUT", event="in_force", date="2025-12"),
        dict(country="JPN", partner="ITA", event="signed", date="2009-02"),  # signed only: not counted
        dict(country="VNM", partner="KOR", event="in_force", date="2024-01-01"),
    ])
    out = workers.agreements_in_force(2023, 2025, table).set_index(["country", "year"])["in_force"]
    assert list(out["JPN"]) == [1, 1, 2] and list(out["VNM"]) == [0, 1, 1]
    assert len(workers.agreement_rows(2008, 2024, table)) == 2


def test_real_data_series_has_at_least_twelve_years_and_the_talks_are_dated():
    out = workers.employer_reported(2008, 2025)
    assert out["value"].notna().sum() >= 12
    assert (out["share"].dropna().between(0, 1)).all()
    talks = workers.talks(2008, 2025, "vi")
    assert "ssa-round2-2025" in set(talks["event_id"]) and talks["when"].is_monotonic_increasing
    assert workers.talks(1990, 1995, "en").empty
    count = workers.agreements_in_force(2025, 2025)
    assert count.set_index("country").loc["VNM", "in_force"] >= 1


def test_a_selection_without_rows_gets_a_footer_saying_so_but_a_table_without_sources_is_refused(fixture_data):
    line = figures.source_line(pd.DataFrame({"source_id": pd.Series([], dtype=str)}), "vi")
    assert "không có" in line
    with pytest.raises(ValueError, match="source_id"):
        figures.source_line(pd.DataFrame({"value": []}), "en")


def test_in_force_steps_rise_at_the_month_each_agreement_entered_into_force():
    """A stock at its date: Korea's agreement with Vietnam (in force January 2024) is drawn from 2024.0,
    not from the next year's tick; an agreement of December 2025 from 2025.9; the line starts with the
    count already in force at ``start`` and runs to the end of ``end``."""
    table = pd.DataFrame({"country": ["VNM", "JPN", "JPN", "JPN"], "partner": ["KOR", "DEU", "ITA", "AUT"],
                          "event": ["in_force"] * 4, "date": ["2024-01", "2000-02", "2024-04-01", "2025-12"]})
    vnm = workers.in_force_steps("VNM", 2020, 2025, table)
    assert vnm["when"].tolist() == [2020.0, 2024.0, 2026.0] and vnm["in_force"].tolist() == [0, 1, 1]
    jpn = workers.in_force_steps("JPN", 2010, 2025, table)
    assert jpn["in_force"].tolist() == [1, 2, 3, 3]  # Germany (2000) already in force in 2010
    assert 2024.24 < jpn["when"].iloc[1] < 2024.25 and 2025.91 < jpn["when"].iloc[2] < 2025.92
    assert workers.in_force_steps("JPN", 2000, 2000, table)["in_force"].tolist() == [0, 1, 1]


def test_labels_over_bars_end_inside_the_axes_and_off_the_legend():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar([0, 1, 2], [50, 100, 95], label="a long legend entry that spans the bars")
    ax.set_ylim(0, 105)  # the tallest bar's label would leave the axes
    notes = [ax.annotate("30 Jun 2025", (x, v), xytext=(0, 2), textcoords="offset points", ha="center",
                         va="bottom", rotation=90) for x, v in zip([0, 1, 2], [50, 100, 95])]
    legend = ax.legend(loc="upper left")
    steps = workers.raise_top_until_clear(ax, notes, legend)
    assert steps > 0
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    frame, box = ax.get_window_extent(r), legend.get_window_extent(r)
    for note in notes:
        b = note.get_window_extent(r)
        assert b.y1 <= frame.y1 and not b.overlaps(box)
    assert workers.raise_top_until_clear(ax, notes, legend) == 0  # already clear: nothing moves
    plt.close(fig)
