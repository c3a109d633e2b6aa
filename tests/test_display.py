"""vnjp.display.show: tables for readers in the page's language (numbers, percentages, gaps, market
names, headers), never ``<NA>`` or ``NaN``, and HTML that wraps instead of scrolling."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from vnjp import display, labels
from vnjp.display import MISSING, show


def markets() -> pd.DataFrame:
    return pd.DataFrame({
        "destination": ["JPN", "TWN", "OTHER", None],
        "workers": pd.array([80010, 58620, pd.NA, 1450], dtype="Int64"),
        "women_share": [0.431484, np.nan, 0.5, None],
        "qualifier": ["exact", "about", None, "more_than"],
        "year": [2023, 2023, 2023, 2006],
        "note": ["", "a long explanation that a reader needs to read in full, wrapped", None, "x"],
    })


def visible(table) -> str:
    """The text a reader sees in the HTML (tags stripped)."""
    return re.sub(r"<[^>]+>", " ", table._repr_html_())


@pytest.mark.parametrize("lang, workers, share, japan, taiwan, half, about", [
    ("en", "80,010", "43.1%", "Japan", "Taiwan", "50.0%", "about"),
    ("vi", "80.010", "43,1%", "Nhật Bản", "Đài Loan (Trung Quốc)", "50,0%", "khoảng"),
])
def test_numbers_shares_and_markets_in_the_pages_language(lang, workers, share, japan, taiwan, half, about):
    t = show(markets(), lang, keys={"qualifier": "qual_"})
    assert t.rows[0][:4] == [japan, workers, share, labels.text("qual_exact", lang)]
    assert t.rows[1][0] == taiwan and t.rows[1][2] == MISSING and t.rows[1][3] == about
    assert t.rows[2][2] == half and t.rows[2][0] == labels.place("OTHER", lang)
    assert t.rows[0][4] == "2023"  # a year is never grouped (2.023)
    assert t.headers[:3] == [labels.text("col_destination", lang), labels.text("col_workers", lang),
                             labels.text("col_women_share", lang)]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_kind_of_missing_value_is_a_dash_never_na_or_nan(lang):
    frame = pd.DataFrame({
        "a": pd.array([1, pd.NA], dtype="Int64"), "b": [np.nan, 2.5], "c": [None, "x"], "d": ["", "y"],
        "e": pd.to_datetime(["2020-01-01", None]), "f": pd.array([pd.NA, 0.5], dtype="Float64"),
        "g": pd.array([True, pd.NA], dtype="boolean"), "h": [float("nan"), float("nan")],
    })
    for table in (show(frame, lang), show(frame.set_index("a"), lang), show(frame["f"], lang)):
        text = repr(table) + table._repr_html_()
        assert "NaN" not in text and "<NA>" not in text and "&lt;NA&gt;" not in text and "NaT" not in text
        assert "nan" not in text.lower().replace("nan_", "")
    t = show(frame, lang)
    assert t.rows[1][0] == MISSING and t.rows[0][1] == MISSING and t.rows[0][2] == MISSING
    assert t.rows[0][3] == MISSING and t.rows[1][4] == MISSING and t.rows[0][5] == MISSING
    assert t.rows[1][6] == MISSING and t.rows[0][7] == t.rows[1][7] == MISSING


def test_iso_codes_become_names_in_cells_headers_and_index():
    wide = pd.DataFrame({"JPN": [1000, None], "KOR": [None, 2500]}, index=pd.Index([2020, 2021], name="year"))
    t = show(wide, "vi")
    assert t.headers == ["Năm", "Nhật Bản", "Hàn Quốc"]
    assert t.rows == [["2020", "1.000", MISSING], ["2021", MISSING, "2.500"]]
    pivot = pd.DataFrame({2008: [7, 0]}, index=pd.Index(["JPN", "VNM"], name="country"))
    assert [r[0] for r in show(pivot, "en").rows] == ["Japan", "Vietnam"]
    assert show(pivot, "en").headers == ["Country", "2008"]


def test_percentages_when_asked_or_by_column_name_and_decimals():
    frame = pd.DataFrame({"share": [0.5001], "x": [0.25], "index": [96.9285]})
    assert show(frame, "en").rows[0] == ["50.0%", "0.25", "96.93"]
    assert show(frame, "vi", pct=["x"], decimals={"index": 1}).rows[0] == ["50,0%", "25,0%", "96,9"]
    assert show(frame[["x"]], "vi", pct=True).rows[0] == ["25,0%"]
    assert show(frame, "en", pct=(), decimals={"share": 2}).rows[0][0] == "50.01%"


def test_columns_of_several_levels_are_headed_by_market_and_measure():
    cols = ["value", "qualifier"]
    both = pd.concat({"ALL": pd.DataFrame({"value": [5.0], "qualifier": ["about"]}, index=pd.Index([2020], name="year")),
                      "JPN": pd.DataFrame({"value": [None], "qualifier": [None]},
                                          index=pd.Index([2020], name="year"))}, axis=1)
    t = show(both[[(m, c) for m in ("ALL", "JPN") for c in cols]], "vi", keys={"qualifier": "qual_"})
    assert t.headers == ["Năm", "Tất cả thị trường · Số liệu", "Tất cả thị trường · Mức chính xác",
                         "Nhật Bản · Số liệu", "Nhật Bản · Mức chính xác"]
    assert t.rows == [["2020", "5", "khoảng", MISSING, MISSING]]


def test_only_the_columns_asked_for_and_an_unknown_one_is_an_error():
    t = show(markets(), "en", columns=["workers", "destination"])
    assert t.headers == ["Workers sent", "Market"]
    with pytest.raises(KeyError, match="no column"):
        show(markets(), "en", columns=["workers", "source_id"])


def test_booleans_dates_lists_and_label_keys_follow_the_language():
    frame = pd.DataFrame({"planned": [True, False], "date": pd.to_datetime(["2025-06-30", "2016-12-31"]),
                          "category": ["law", "unknown"], "sources": [["a", "b"], []]})
    t = show(frame, "vi", keys={"category": "cat_"})
    assert t.rows[0] == ["có", "30/6/2025", labels.text("cat_law", "vi"), "a; b"]
    assert t.rows[1] == ["không", "31/12/2016", "unknown", MISSING]
    assert show(frame, "en").rows[0][:2] == ["yes", "30 Jun 2025"]


def test_html_wraps_long_text_never_breaks_numbers_and_has_no_script_or_remote_resource():
    from vnjp.report import remote_resources

    html = show(markets(), "en")._repr_html_()
    assert "<script" not in html and remote_resources(html) == []
    assert "overflow-wrap:anywhere" in html  # the long note wraps
    cells = re.findall(r'<td style="([^"]*)">([^<]*)</td>', html)
    numbers = [style for style, text in cells if text == "80,010"]
    assert numbers and all("white-space:nowrap" in s for s in numbers)
    assert "max-width:100%" in html and "overflow-x" not in html


def test_long_tables_say_how_many_rows_are_left_out():
    t = show(pd.DataFrame({"x": range(12_000)}), "vi", max_rows=10)
    assert len(t.rows) == 10 and t.note == "Còn 11.990 dòng không hiển thị."


def test_a_wrong_language_is_refused():
    with pytest.raises(ValueError):
        show(markets(), "ja")


def test_missing_is_recognised_for_every_missing_kind():
    for value in (None, np.nan, pd.NA, pd.NaT, "", "  ", float("nan")):
        assert display.is_missing(value), value
    for value in (0, 0.0, "0", False, "x"):
        assert not display.is_missing(value), value


def test_all_percent_never_turns_the_year_index_into_a_percentage():
    wide = pd.DataFrame({"ALL": [0.362409], "JPN": [np.nan]}, index=pd.Index([2011], name="year"))
    assert show(wide, "vi", pct=True).rows == [["2011", "36,2%", MISSING]]


@pytest.mark.parametrize("lang, day, month, year", [("en", "21 Sep 1973", "Nov 1992", "1992"),
                                                    ("vi", "21/9/1973", "11/1992", "1992")])
def test_iso_dates_given_as_text_are_written_as_the_language_writes_dates(lang, day, month, year):
    frame = pd.DataFrame({"date": ["1973-09-21", "1992-11", "1992", "not a date"]})
    assert [r[0] for r in show(frame, lang).rows] == [day, month, year, "not a date"]


def test_a_header_without_a_vietnamese_label_is_reported_not_hidden():
    frame = pd.DataFrame({"year": [2020], "some_internal_name": [1]})
    assert show(frame, "vi").untranslated == ["some_internal_name"]
    assert show(frame, "en").untranslated == []
    assert show(frame, "vi", headers={"some_internal_name": "col_value"}).untranslated == []


@pytest.mark.parametrize("lang", labels.LANGS)
def test_the_table_of_every_year_of_notebook_07_reads_in_the_pages_language(lang):
    """Notebook 07 shows destinations.facts(year).table's TABLE_COLUMNS for every year of its grid (a one-market
    year, a year without women by market): every header translated, no gap shown as NaN, market names in the
    language, percentages in its number style."""
    import importlib.util
    from pathlib import Path

    from vnjp import destinations

    spec = importlib.util.spec_from_file_location("run_all", Path(__file__).resolve().parents[1] / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    years = module.MARKET_YEARS  # the years of the grid destinations-year
    assert len(years) > 10
    for year in years:
        y = destinations.facts(year)
        table = show(y.table, lang, columns=destinations.TABLE_COLUMNS)
        assert table.untranslated == [], year
        assert len(table.rows) == len(y.table), year
        seen = visible(table)
        assert "NaN" not in seen and "&lt;NA&gt;" not in seen and "None" not in seen, year
        assert labels.place(y.table["destination"].iloc[0], lang) in seen, year
        shares = [row[destinations.TABLE_COLUMNS.index("share_of_total")] for row in table.rows]
        mark = "," if lang == "vi" else "."
        assert all(s == MISSING or (s.endswith("%") and mark in s) for s in shares), (year, shares)
