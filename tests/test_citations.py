"""Figure footers a reader can follow: publishers in the figure's language, or how many sources and
where they are listed; never an id or a name split across lines. And the data behind every figure:
``<name>_<lang>.csv`` with the plotted rows and their full citations, byte-stable."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from vnjp import citations, data, figures, paths
from vnjp.texts.citations import PUBLISHERS

CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _sources(monkeypatch, tmp_path, rows):
    """A data package whose sources.csv holds ``rows`` (publisher, url) under ids s0, s1, ..."""
    import shutil

    from conftest import FIXTURES

    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", target)
    with open(target / "sources.csv", "a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        for i, (publisher, url) in enumerate(rows):
            writer.writerow([f"long-id-with-many-hyphens-{i}", publisher, f"Title {i}", url, "2024-05-0" + str(i % 9 + 1),
                             "en", "press_report", "medium", "fixture", "source_pack"])
    monkeypatch.setenv("VNJP_DATA_DIR", str(target))
    return [f"long-id-with-many-hyphens-{i}" for i in range(len(rows))]


@pytest.mark.parametrize("width", [2.5, 4.0, 8.0, 12.0])
@pytest.mark.parametrize("n", [1, 4, 9, 30])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_footer_names_publishers_in_two_lines_or_counts_them(monkeypatch, tmp_path, width, n, lang):
    names = [f"Publisher-with-hyphens number {i} (a blog)" if i % 2 else f"Outlet-{i} blog" for i in range(n)]
    ids = _sources(monkeypatch, tmp_path, [(name, f"https://pub{i}.example.org/x") for i, name in enumerate(names)])
    note = "Derived share-of-total values were computed from gugo-vn-200810 and c000-03; nothing interpolated."
    footer = figures.source_line(pd.DataFrame({"source_id": ids}), lang, note=note, width=width)
    lines = footer.split("\n")
    room = figures.footer_width_pt(width)
    note_lines = figures.wrap_units(note.split(), " ", room)
    assert lines[-len(note_lines):] == note_lines and " ".join(note_lines) == note  # note words never split
    source_part = lines[:-len(note_lines)]
    labels_ = [citations.publisher_label(name, lang, f"https://pub{i}.example.org/x") for i, name in enumerate(names)]
    ordered = sorted(set(labels_), key=citations._sort_key)
    word = figures.labels.text("source" if len(ordered) == 1 else "footer_sources", lang)
    publishers = figures.wrap_units([f"{word}: {ordered[0]}", *ordered[1:-1], ordered[-1] + "."] if n > 1
                                    else [f"{word}: {ordered[0]}."], "; ", room)
    fits = len(publishers) <= figures.FOOTER_SOURCE_LINES
    if fits:
        assert source_part == publishers
        for label in labels_:  # each name whole, on one line
            assert any(label in line for line in source_part), (label, source_part)
    else:
        assert source_part == figures.wrap_units(
            figures.labels.text("footer_sources_count", lang, n=n).split(" "), " ", room)
        assert str(n) in source_part[0]
    for line in lines:  # every line fits the figure, unless it is one unbreakable unit
        assert figures._text_width_pt(line, figures.FOOTER_FONTSIZE) <= room or " " not in line.strip("; .")
    assert "(a blog)" not in footer  # descriptions are left out ...
    if lang == "vi" and fits:
        assert "blog" not in footer and "pub0.example.org" in footer  # ... or, in Vietnamese, become the URL's host
    assert not any(i in footer for i in ids)  # no id in a footer at all, so none is ever split


def test_wrapping_never_splits_a_unit():
    units = ["gugo-vn-200810", "vietnamplus-201201-2", "a-very-long-name-" * 8, "x"]
    lines = figures.wrap_units(units, "; ", 60.0)
    assert [u for line in lines for u in line.rstrip(";").split("; ")] == units


def test_every_vietnamese_publisher_name_is_a_name_not_an_english_description():
    """Over the real data package: what a Vietnamese footer or report would show for each publisher."""
    sources = data.load("sources")
    for _, row in sources.iterrows():
        label = citations.publisher_label(row["publisher"], "vi", row["url"])
        is_host = re.fullmatch(r"[\w.-]+\.[a-z]{2,}", label) is not None  # a host name is language-neutral
        assert label and (is_host or not citations._DESCRIPTIVE.search(label)), (row["source_id"], label)
        assert not CJK.search(label), (row["source_id"], label)
        assert "seed file" not in label.lower()
    named = {p for p in PUBLISHERS if (sources["publisher"] == p).any()}
    assert "Outlet not named in the seed file (report on the MOLISA–MHLW workshop)" in named


def test_publisher_label_rules():
    assert citations.publisher_label("VUFO friendship news site", "vi") == "VUFO"
    assert citations.publisher_label("Kuno CPA (blog)", "vi", "https://kuno-cpa.co.jp/x") == "Kuno CPA"
    assert citations.publisher_label("Yokoyama law office", "vi", "https://www.lawoffice-yokoyama.com/a") == \
        "lawoffice-yokoyama.com"
    assert citations.publisher_label("Yokoyama law office", "en", "https://www.lawoffice-yokoyama.com/a") == \
        "Yokoyama law office"
    assert citations.publisher_label("Ministry of Justice of Japan", "vi") == "Bộ Tư pháp Nhật Bản"
    with pytest.raises(ValueError):
        citations.publisher_label("X", "ja")


# --------------------------------------------------------------------------- the data behind a figure


def _plotted():
    rows = data.load("departures")
    table = rows[["measure", "destination", "period_start", "value", "qualifier", "source_id"]].copy()
    table["women_source_id"] = ["press", None, "stats", "press"][: len(table)] + ["stats"] * (len(table) - 4)
    table["years"] = [[2023, 2024]] * len(table)
    return table


def test_saved_table_has_the_plotted_rows_and_full_citations(fixture_data, tmp_path):
    fig, _ = figures.new_figure("T")
    plotted = _plotted()
    figures.save(fig, "demo", "en", plotted, alt="x", out_dir=tmp_path)
    with open(tmp_path / "demo_en.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(plotted)
    assert list(rows[0])[:9] == ["measure", "destination", "period_start", "value", "qualifier", "source_id",
                                 "source_publisher", "source_published", "source_title"]
    sources = data.load("sources").set_index("source_id")
    for row, (_, want) in zip(rows, plotted.iterrows()):
        assert row["value"] == str(want["value"]) and row["destination"] == want["destination"]
        sid = want["source_id"]
        assert (row["source_publisher"], row["source_url"]) == (sources.at[sid, "publisher"], sources.at[sid, "url"])
        assert row["source_published"] == str(sources.at[sid, "published"])[:10]
        wid = want["women_source_id"]
        assert row["women_source_publisher"] == ("" if pd.isna(wid) else sources.at[wid, "publisher"])
        assert row["years"] == "2023; 2024"
        assert row["period_start"] == str(want["period_start"])[:10]


def test_saved_table_is_byte_stable_and_follows_the_rows(fixture_data, tmp_path):
    plotted = _plotted()
    first = figures.table_csv(plotted)
    assert figures.table_csv(plotted.copy()) == first
    assert b"\r" not in first
    assert figures.table_csv(plotted.iloc[::-1]) != first  # the order drawn is kept
    with pytest.raises(KeyError, match="nowhere"):
        figures.table_csv(plotted.assign(women_source_id="nowhere"))


def test_table_goes_to_the_run_folder_under_the_runner_else_build_tables(fixture_data, tmp_path, monkeypatch):
    build = tmp_path / "build"
    monkeypatch.setenv("VNJP_BUILD_DIR", str(build))
    monkeypatch.delenv("VNJP_TABLES_DIR", raising=False)
    monkeypatch.setenv("VNJP_FIGURES_DIR", str(build / "runs" / "flows-en" / "figures"))  # the runner's staging
    assert paths.tables_dir() == (build / "runs" / "flows-en" / "tables").resolve()
    fig, rows = figures.new_figure("T")[0], data.load("departures")
    written = figures.save(fig, "demo", "vi", rows, alt="x")
    assert sorted(p.name for p in (build / "runs" / "flows-en" / "figures").iterdir()) == \
        ["demo_vi.png", "demo_vi.svg"]  # nothing the runner would reject as unregistered
    assert (build / "runs" / "flows-en" / "tables" / "demo_vi.csv").exists() and len(written) == 2
    monkeypatch.setenv("VNJP_FIGURES_DIR", str(tmp_path / "figures"))
    assert paths.tables_dir() == (build / "tables").resolve()
    monkeypatch.setenv("VNJP_TABLES_DIR", str(tmp_path / "elsewhere"))
    assert paths.tables_dir() == tmp_path / "elsewhere"


@pytest.mark.parametrize("width", [5.0, 8.0, 8.6])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_footer_stays_inside_the_figure_as_drawn(monkeypatch, tmp_path, width, lang):
    """Drawn as save draws it, at the PNG's dpi, no footer line leaves the figure."""
    import matplotlib.pyplot as plt

    names = ["Báo điện tử Đảng Cộng sản Việt Nam", "Người Lao Động", "Mekong Migration Network", "Nhân Dân",
             "Thời Báo", "Trí Thức VN", "VietExplorer", "Vietnam Manpower News", "VnExpress International", "VTV",
             "Cục Quản lý lao động ngoài nước", "WWWWWW MMMMMM", "Taiwan News"]
    ids = _sources(monkeypatch, tmp_path, [(n, f"https://s{i}.example.org") for i, n in enumerate(names)])
    for k in range(3, len(ids) + 1):
        fig, _ax = figures.new_figure("T", size=(width, 4))
        footer = figures.source_line(pd.DataFrame({"source_id": ids[:k]}), lang, note="Tỷ trọng được tính " * 9,
                                     width=width)
        text = fig.supxlabel(footer, x=0.01, ha="left", fontsize=figures.FOOTER_FONTSIZE)
        fig.set_dpi(figures.PNG_DPI)
        fig.canvas.draw()
        extent = text.get_window_extent(fig.canvas.get_renderer())
        assert extent.x1 <= fig.bbox.width, (k, footer)
        plt.close(fig)
