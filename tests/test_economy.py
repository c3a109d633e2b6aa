"""vnjp.economy on small fixture frames: gaps stay gaps, units never mix, the headline is the one drawn."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from vnjp import economy  # noqa: E402
from vnjp.headline import QUANTITY_KEYS  # noqa: E402

SOURCES = pd.DataFrame({
    "source_id": ["hi", "lo", "old"],
    "reliability": ["high", "low", "high"],
    "kind": ["official_statistics", "mirror_blog", "press_report"],
    "published": ["2024-01", "2024-02", "2010"],
})


def row(year, value, *, indicator="trade_total", reporter="vn_customs", unit="USD_bn", basis="calendar",
        qualifier="exact", status="final", source="hi", period_end=None, period_start=None):
    return {"indicator": indicator, "reporter": reporter, "year": year, "year_basis": basis,
            "period_start": pd.Timestamp(period_start) if period_start else pd.NaT,
            "period_end": pd.Timestamp(period_end) if period_end else pd.NaT, "unit": unit, "value": value,
            "qualifier": qualifier, "status": status, "source_id": source, "note": ""}


def frame(*rows):
    return pd.DataFrame(list(rows))


def heads(*rows):
    return economy.headline_rows(frame(*rows), SOURCES)


def test_missing_year_stays_na_and_breaks_the_line():
    h = heads(row(2010, 1.0), row(2011, 2.0), row(2013, 4.0))
    s = economy.series(h, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                       start=2009, end=2014)
    assert list(s.index) == list(range(2009, 2015))
    assert s["value"].isna().tolist() == [True, False, False, True, False, True]
    assert [list(r.index) for r in economy.runs(s)] == [[2010, 2011], [2013]]
    fig, ax = plt.subplots()
    economy.plot_gappy(ax, s, color="black")
    lines = [ln for ln in ax.lines if len(ln.get_xdata()) > 1]
    assert [list(ln.get_xdata()) for ln in lines] == [[2010, 2011]]  # no segment crosses 2012
    markers = [ln for ln in ax.lines if len(ln.get_xdata()) == 1]
    assert sorted(int(m.get_xdata()[0]) for m in markers) == [2010, 2011, 2013]
    plt.close(fig)


def test_units_and_bases_are_never_mixed():
    h = heads(row(2010, 10.0), row(2011, 900.0, unit="JPY_bn"), row(2012, 5.0, basis="jp_fiscal"))
    s = economy.series(h, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                       start=2010, end=2012)
    assert s["value"].notna().tolist() == [True, False, False]
    assert set(economy.present(s)["unit"]) == {"USD_bn"}
    with pytest.raises(economy.MixedUnits):
        economy.check_one_unit(frame(row(2010, 1.0), row(2011, 2.0, unit="JPY_bn")))
    with pytest.raises(economy.MixedUnits):
        economy.check_one_unit(frame(row(2010, 1.0), row(2011, 2.0, basis="jp_fiscal")))
    usd = economy.series(h, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                         start=2010, end=2012)
    jpy = economy.series(h, "trade_total", reporter="vn_customs", unit="JPY_bn", year_basis="calendar",
                         start=2010, end=2012)
    with pytest.raises(economy.MixedUnits):
        economy.reporter_gap(usd, jpy)


def test_headline_value_is_the_one_drawn_and_others_are_alternatives():
    h = heads(row(2015, 28.49, source="hi"), row(2015, 29.0, qualifier="about", source="lo"),
              row(2015, 99.0, status="suspect", source="old"))
    s = economy.series(h, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                       start=2015, end=2015)
    assert float(s.loc[2015, "value"]) == 28.49
    assert s.loc[2015, "source_id"] == "hi"
    assert s.loc[2015, "alternatives"] == [29.0]  # the suspect 99.0 is never drawn
    assert not bool(s.loc[2015, "marked"])


def test_rounded_or_forecast_values_are_marked():
    h = heads(row(2015, 10.0, qualifier="about"), row(2016, 11.0, status="forecast"), row(2017, 12.0))
    s = economy.series(h, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                       start=2015, end=2017)
    assert s["marked"].tolist() == [True, True, False]


def test_reporter_gap_only_where_both_state_the_year():
    h = heads(row(2006, 5.0), row(2015, 14.13), row(2015, 15.1, reporter="jp_mof"), row(2020, 22.0, reporter="jp_mof"))
    kw = dict(unit="USD_bn", year_basis="calendar", start=2000, end=2025)
    gap = economy.reporter_gap(economy.series(h, "trade_total", reporter="vn_customs", **kw),
                               economy.series(h, "trade_total", reporter="jp_mof", **kw))
    assert gap.overlap == [2015]
    assert gap.table["year"].tolist() == [2006, 2015, 2020]
    assert gap.table["difference"].isna().tolist() == [True, False, True]
    assert float(gap.largest["difference"]) == pytest.approx(15.1 - 14.13)


def test_stock_points_are_as_stated_at_their_dates_never_summed():
    rows = frame(row(2016, 2600.0, indicator="oda_cumulative", reporter="unstated", unit="JPY_bn",
                     basis="cumulative", period_end="2016-01-15", qualifier="about"),
                 row(2016, 2800.0, indicator="oda_cumulative", reporter="unstated", unit="JPY_bn",
                     basis="cumulative", period_end="2016-09-30", qualifier="about"),
                 row(2023, 3000.0, indicator="oda_cumulative", reporter="unstated", unit="JPY_bn",
                     basis="cumulative"))
    pts = economy.stock_points(economy.headline_rows(rows, SOURCES), "oda_cumulative", unit="JPY_bn",
                               start=1992, end=2025)
    assert pts["value"].tolist() == [2600.0, 2800.0, 3000.0]
    assert pts["undated"].tolist() == [False, False, True]
    assert pts["x"].iloc[0] == pytest.approx(2016 + 14 / 366)
    last = economy.latest_stock(pts)
    assert float(last["value"]) == 2800.0  # the latest *dated* figure, not the undated one


def test_several_figures_in_one_year_keep_the_latest_as_of_date():
    rows = frame(row(2021, 62.9, indicator="fdi_registered_cumulative", reporter="vn_mpi_fia", basis="cumulative",
                     period_end="2021-04-20"),
                 row(2021, 64.2, indicator="fdi_registered_cumulative", reporter="vn_mpi_fia", basis="cumulative",
                     period_end="2021-11-20"))
    s = economy.series(economy.headline_rows(rows, SOURCES), "fdi_registered_cumulative", reporter="vn_mpi_fia",
                       unit="USD_bn", year_basis="cumulative", start=2021, end=2021)
    assert float(s.loc[2021, "value"]) == 64.2
    assert s.loc[2021, "alternatives"] == [62.9]


def test_suspect_values_are_not_alternatives_on_the_real_keys():
    rows = frame(row(2019, 80002.0), row(2019, 149000.0, status="suspect", source="lo"), row(2019, 80000.0, source="old",
                                                                                          qualifier="about"))
    h = economy.headline_rows(rows, SOURCES)
    assert h["alternatives"].iloc[0] == [80000.0]
    assert QUANTITY_KEYS["economy"] == economy.KEYS


def test_faint_alternatives_are_cited_and_suspect_ones_are_not_drawn():
    h = heads(row(2015, 28.0, source="hi"), row(2015, 29.5, source="lo", qualifier="about"),
              row(2015, 99.0, source="old", status="suspect"))
    s = economy.series(h, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                       start=2015, end=2015)
    assert s.loc[2015, "value"] == 28.0
    assert s.loc[2015, "alternatives"] == [29.5]  # the suspect 99.0 is never drawn
    assert s.loc[2015, "alternative_sources"] == ["lo"]
    assert sorted(economy.plotted_rows(s)["source_id"]) == ["hi", "lo"]


def test_low_reliability_flag_is_carried_into_the_yearly_series_and_marked_only_where_true():
    from vnjp import figures
    from vnjp.headline import only_low_reliability

    rows = frame(row(2015, 27.0, source="hi"), row(2016, 39.9, source="lo"), row(2017, 54.0, source="lo"),
                 row(2017, 54.0, source="hi"), row(2019, 80.0, source="lo", qualifier="about"))
    keys = QUANTITY_KEYS["economy"]
    h = heads(*rows.to_dict("records")).merge(only_low_reliability(rows, SOURCES, keys), on=keys, how="left")
    s = economy.yearly(h, 2014, 2019)
    # only the years whose every source is of low reliability; a year with a high source too is solid
    assert s["only_low_reliability"].tolist() == [False, False, True, False, False, True]
    assert economy.yearly(heads(row(2016, 1.0, source="lo")), 2016, 2016)["only_low_reliability"].tolist() == [False]
    na = h.assign(only_low_reliability=pd.array([pd.NA] * len(h), dtype="boolean"))
    assert not economy.yearly(na, 2014, 2019)["only_low_reliability"].any()  # NA is never a flag
    fig, ax = plt.subplots()
    have = economy.present(s)
    assert figures.mark_low_reliability(ax, have.index, have["value"], have["only_low_reliability"], color="red") == 2
    (diamonds,) = ax.collections
    assert diamonds.get_offsets().tolist() == [[2016.0, 39.9], [2019.0, 80.0]]
    assert figures.mark_low_reliability(ax, [2015], [27.0], [False], color="red") == 0
    assert len(ax.collections) == 1  # nothing drawn for no flagged point
    flags = pd.Series([pd.NA, None, True], dtype=object)  # a missing flag is not a mark
    assert figures.mark_low_reliability(ax, [1, 2, 3], [1.0, 2.0, 3.0], flags, color="red") == 1
    plt.close(fig)
    for lang in ("en", "vi"):
        assert figures.low_reliability_handle(lang).get_label().startswith({"en": "diamond", "vi": "hình thoi"}[lang])


# --------------------------------------------------------------------------- what the figures say and save


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_trade_subtitle_counts_years_in_proper_singular_and_plural(lang):
    one, three, none = (economy.trade_subtitle(years, lang) for years in ([2015], [2019, 2015, 2020], []))
    for text_ in (one, three, none):
        assert "(s)" not in text_ and "{" not in text_
    if lang == "en":
        assert "in 1 year only (2015)" in one
        assert "in 3 years only (2015, 2019, 2020)" in three
        assert "never" in none
    else:
        assert "chỉ trong 1 năm (2015)" in one
        assert "chỉ trong 3 năm (2015, 2019, 2020)" in three
        assert "không" in none and "()" not in none
    assert economy.years_phrase(2, lang) == ("2 years" if lang == "en" else "2 năm")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_differences_use_one_minus_sign_and_a_plus_sign(lang):
    neg, pos, zero = (economy.fmt_signed(v, lang, 2) for v in (-1.86, 0.97, -0.001))
    assert neg == ("−1.86" if lang == "en" else "−1,86") and neg[0] == "\u2212"
    assert pos == ("+0.97" if lang == "en" else "+0,97")
    assert "-" not in neg + pos + zero and zero in ("0.00", "0,00")
    from vnjp.labels import text

    assert "-" not in text("gap_label", lang, gap=neg)  # the template's own minus is U+2212 too


def _series_with_alternative():
    rows = frame(row(2015, 28.0, source="hi"), row(2015, 29.5, source="lo", qualifier="about"),
                 row(2015, 99.0, source="old", status="suspect"), row(2016, 30.0, source="hi"),
                 row(2015, 5.0, reporter="jp_mof", source="lo"))
    s = economy.series(economy.headline_rows(rows, SOURCES), "trade_total", reporter="vn_customs", unit="USD_bn",
                       year_basis="calendar", start=2014, end=2016)
    return rows, s


def test_drawn_rows_hold_the_values_drawn_with_each_source():
    rows, s = _series_with_alternative()
    table = economy.drawn_rows(s, raw={"economy": rows})
    assert list(table.columns[:len(economy.DRAWN_COLUMNS)]) == economy.DRAWN_COLUMNS
    got = [(r.year, r.value, r.drawn_as, r.source_id, r.qualifier) for r in table.itertuples()]
    # 2014 has no value (a gap: no row); the suspect 99.0 and the other reporter's 5.0 were not drawn
    assert got == [(2015, 28.0, "headline", "hi", "exact"), (2015, 29.5, "other source", "lo", "about"),
                   (2016, 30.0, "headline", "hi", "exact")]
    assert set(table["unit"]) == {"USD_bn"} and set(table["year_basis"]) == {"calendar"}
    assert set(table["indicator"]) == {"trade_total"} and set(table["reporter"]) == {"vn_customs"}
    only = economy.drawn_rows(economy.headline_only(s), raw={"economy": rows})
    assert only["drawn_as"].tolist() == ["headline", "headline"]


def test_drawn_rows_keep_point_tables_and_refuse_an_unnamed_series_with_alternatives():
    rows, s = _series_with_alternative()
    pts = economy.stock_points(economy.headline_rows(frame(
        row(2016, 2600.0, indicator="oda_cumulative", reporter="unstated", unit="JPY_bn", basis="cumulative",
            period_end="2016-01-15")), SOURCES), "oda_cumulative", unit="JPY_bn", start=1992, end=2025)
    table = economy.drawn_rows(pts, pts.assign(drawn_as="rank"), raw={"economy": rows})
    assert table["value"].tolist() == [2600.0, 2600.0]
    assert table["drawn_as"].tolist() == ["headline", "rank"]
    assert str(pd.Timestamp(table["as_of"].iloc[0]).date()) == "2016-01-15"
    assert table["series"].iloc[0] == "oda_cumulative / unstated"
    bare = economy.yearly(economy.headline_rows(rows, SOURCES).query("reporter == 'vn_customs'"), 2015, 2016)
    with pytest.raises(ValueError, match="select_for"):
        economy.drawn_rows(bare, raw={"economy": rows})
    named = economy.select_for(bare, "economy", "customs total", indicator="trade_total", reporter="vn_customs")
    assert economy.drawn_rows(named, raw={"economy": rows})["source_id"].tolist() == ["hi", "lo", "hi"]


def test_saved_csv_of_an_economy_figure_holds_values_not_only_sources():
    """On the real data: the CSV beside the trade figure lists every drawn value with its citation."""
    import io

    from vnjp import figures

    h = economy.headline_rows()
    s = economy.series(h, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                       start=2000, end=2025)
    table = pd.read_csv(io.BytesIO(figures.table_csv(economy.drawn_rows(s))))
    for col in ("year", "value", "unit", "qualifier", "status", "drawn_as", "source_id", "source_url"):
        assert col in table.columns
    heads_ = table[table["drawn_as"] == "headline"]
    assert dict(zip(heads_["year"], heads_["value"])) == {int(y): float(v) for y, v in economy.present(s)["value"].items()}
    others = table[table["drawn_as"] == "other source"]
    drawn_alts = {(int(y), float(v)) for y, r in economy.present(s).iterrows() for v in r["alternatives"]}
    assert {(int(y), float(v)) for y, v in zip(others["year"], others["value"])} == drawn_alts
    assert table["source_url"].notna().all()


def test_a_zero_on_a_log_axis_is_marked_on_the_axis_bottom_with_its_number():
    rows = frame(row(2017, 120.0, indicator="oda_commitment_loan", unit="JPY_bn", basis="jp_fiscal"),
                 row(2018, 0.0, indicator="oda_commitment_loan", unit="JPY_bn", basis="jp_fiscal"),
                 row(2019, 5.0, indicator="oda_commitment_loan", unit="JPY_bn", basis="jp_fiscal"))
    s = economy.series(economy.headline_rows(rows, SOURCES), "oda_commitment_loan", reporter="vn_customs",
                       unit="JPY_bn", year_basis="jp_fiscal", start=2016, end=2020)
    fig, ax = plt.subplots()
    economy.plot_gappy(ax, s, color="blue", marker="s")
    ax.set_yscale("log")
    ax.set_ylim(0.3, 1500)
    assert economy.plot_log_zeros(ax, s, color="blue") == 1
    zero = [ln for ln in ax.lines if ln.get_gid() == "log-zero"]
    assert len(zero) == 1 and list(zero[0].get_xdata()) == [2018] and zero[0].get_ydata()[0] == pytest.approx(0.3)
    assert not zero[0].get_clip_on()  # drawn over the axis line, not cut in half by it
    labels = [t for t in ax.texts if t.get_gid() == "log-zero-label"]
    assert [t.get_text() for t in labels] == ["0"]
    fig.canvas.draw()  # the marker is inside the figure, at the bottom of the axes
    y_px = ax.transData.transform((2018, 0.3))[1]
    assert y_px == pytest.approx(ax.get_window_extent().y0, abs=1)
    # a series without a zero gets no mark
    assert economy.plot_log_zeros(ax, s.assign(value=s["value"].fillna(1.0).replace(0.0, 2.0)), color="blue") == 0
    plt.close(fig)


def test_value_label_moves_off_a_mark_it_would_cover():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set_xlim(2000, 2030)
    ax.set_ylim(0, 40)
    ax.plot([2023], [29.3], "D", ms=6)
    ax.plot([2023.3], [31.5], "D", ms=6)  # right above the first: "above" is taken
    fig.canvas.draw()
    note = economy.label_clear(ax, "29.3", (2023, 29.3), color="black")
    box = note.get_window_extent(fig.canvas.get_renderer())
    for x, y in ((2023, 29.3), (2023.3, 31.5)):
        px, py = ax.transData.transform((x, y))
        assert not (box.x0 < px < box.x1 and box.y0 < py < box.y1)
    assert note.get_position() != (0, 8)
    plt.close(fig)


def test_a_footer_names_the_publisher_of_a_row_never_its_id(fixture_data):
    sources = __import__("vnjp").data.load("sources")
    sid = sources["source_id"].iloc[0]
    for lang in ("en", "vi"):
        name = economy.publisher_of(sid, lang)
        assert name and name != sid
