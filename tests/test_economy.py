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
