"""vnjp.timeline: date spans, planned events, one row per event in category lanes, label sides."""

from __future__ import annotations

import pandas as pd
import pytest

from vnjp import timeline


def events(*rows):
    cols = ["event_id", "date", "date_precision", "category", "country", "label_en", "label_vi", "description_en",
            "source_id"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows])


FIXTURE = events(
    ("a", "1973-09-21", "day", "diplomacy", "both", "Ties", "Quan hệ", "d", "s1"),
    ("b", "1992", "year", "programme", "both", "Trainees", "Thực tập sinh", "d", "s2"),
    ("c", "2018-08", "month", "agreement", "both", "MOU", "Bản ghi nhớ", "d", "s3"),
    ("d", "2018-07", "month", "agreement", "both", "Target", "Mục tiêu", "d", "s4"),
    ("e", "2027-04-01", "day", "law", "JPN", "ESD starts", "Bắt đầu", "d", "s5"),
)


def test_date_span_by_precision():
    assert timeline.date_span("1992", "year") == (1992.0, 1993.0)
    start, end = timeline.date_span("2018-08", "month")
    assert start == pytest.approx(2018 + 7 / 12) and end == pytest.approx(2018 + 8 / 12)
    start, end = timeline.date_span("2016-01-01", "day")
    assert start == 2016.0 and end == pytest.approx(2016 + 1 / 366)
    with pytest.raises(ValueError):
        timeline.date_span("2016", "decade")


def test_milestones_language_range_categories_and_planned():
    out = timeline.milestones(1990, 2027, lang="vi", today="2026-02-01", events=FIXTURE)
    assert out["event_id"].tolist() == ["b", "d", "c", "e"]  # 1973 is before the range; date order
    assert out["label"].tolist() == ["Thực tập sinh", "Mục tiêu", "Bản ghi nhớ", "Bắt đầu (dự kiến)"]
    assert out["planned"].tolist() == [False, False, False, True]
    assert out.loc[0, "x"] == pytest.approx(1992.5)  # a year-precision date stands for the whole year
    only = timeline.milestones(1973, 2027, categories=["agreement"], events=FIXTURE)
    assert set(only["category"]) == {"agreement"}
    assert not timeline.milestones(1973, 2027, events=FIXTURE)["planned"].any()  # no today: nothing planned
    with pytest.raises(ValueError):
        timeline.milestones(1973, 2027, categories=["weather"], events=FIXTURE)


@pytest.mark.parametrize("today, planned", [("2026-02-01", ["e"]), ("2018-07-15", ["c", "e"]), ("2030-01-01", []),
                                            (None, [])])
def test_a_planned_event_says_so_in_its_label_in_both_languages(today, planned):
    for lang, word in (("en", "(planned)"), ("vi", "(dự kiến)")):
        out = timeline.milestones(1973, 2027, lang=lang, today=today, events=FIXTURE).set_index("event_id")
        assert sorted(out.index[out["label"].str.endswith(word)]) == planned
        assert sorted(out.index[out["planned"]]) == planned
    # a label that already says it is to come is not told twice
    said = FIXTURE.assign(label_en=FIXTURE["label_en"].where(FIXTURE["event_id"] != "e", "ESD replaces TITP (scheduled)"),
                          label_vi=FIXTURE["label_vi"].where(FIXTURE["event_id"] != "e", "Bắt đầu (dự kiến)"))
    for lang, label in (("en", "ESD replaces TITP (scheduled)"), ("vi", "Bắt đầu (dự kiến)")):
        out = timeline.milestones(1973, 2027, lang=lang, today="2026-02-01", events=said).set_index("event_id")
        assert out.loc["e", "label"] == label


def test_every_event_gets_its_own_row_grouped_by_lane_in_date_order():
    ev = timeline.milestones(1973, 2027, events=FIXTURE)
    y, lanes = timeline.assign_rows(ev, ("agreement", "diplomacy", "law", "programme"))
    assert y.notna().all() and y.is_unique
    by_id = dict(zip(ev["event_id"], y[ev.index]))
    assert by_id["d"] < by_id["c"]  # July before August inside the agreement lane
    assert lanes["agreement"] == (0, 1)
    assert lanes["diplomacy"][0] > lanes["agreement"][1] + 1  # a gap between lanes
    assert list(lanes) == ["agreement", "diplomacy", "law", "programme"]


def test_label_goes_where_it_fits():
    assert timeline.label_sides([2000, 2025], [5, 5], 1972, 2028) == ["right", "left"]
    assert timeline.label_sides([2022], [5], 1972, 2028, pad=1.5) == ["left"]


def test_text_width_grows_with_length_and_range():
    short = timeline.text_width_years("abc", 7, 8, 1972, 2028)
    assert timeline.text_width_years("abcdef", 7, 8, 1972, 2028) == pytest.approx(2 * short)
    assert timeline.text_width_years("abc", 7, 8, 2000, 2028) == pytest.approx(short / 2)


def test_real_timeline_every_event_has_a_row():
    ev = timeline.milestones(1973, 2027)
    y, _ = timeline.assign_rows(ev)
    assert len(ev) == len(y.dropna()) and y.is_unique
