"""One save function: PNG + SVG, a source line from the plotted rows, byte-identical output."""

from __future__ import annotations

import pytest

from vnjp import data, figures


def _draw(lang="en"):
    rows = data.load("departures")
    fig, ax = figures.new_figure("Title", "Subtitle")
    ax.bar(rows["destination"], rows["value"])
    return fig, rows


def test_save_writes_png_and_svg(fixture_data, tmp_path):
    fig, rows = _draw()
    written = figures.save(fig, "demo", "en", rows, alt="Bars of demo values", out_dir=tmp_path)
    assert [p.name for p in written] == ["demo_en.png", "demo_en.svg"]
    assert repr(written) == "saved: demo_en.png, demo_en.svg"  # what a notebook shows: no temporary folder
    assert written[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_output_is_byte_identical_across_runs(fixture_data, tmp_path):
    outputs = []
    for attempt in range(2):
        fig, rows = _draw()
        outputs.append([p.read_bytes() for p in figures.save(fig, "demo", "vi", rows, alt="Cột", out_dir=tmp_path / str(attempt))])
    assert outputs[0] == outputs[1]
    assert b"<dc:date>" not in outputs[0][1]


def test_source_line_names_only_plotted_sources(fixture_data):
    rows = data.load("departures")
    line = figures.source_line(rows[rows["source_id"] == "press"], "vi")
    assert line.startswith("Nguồn: A newspaper, 2024-01-02 [press].")
    assert "stats" not in line


def test_source_line_collects_every_source_id_column(fixture_data):
    import pandas as pd
    table = pd.DataFrame({"source_id": ["stats"], "women_source_id": ["press"]})
    assert "[press]" in figures.source_line(table, "en") and "[stats]" in figures.source_line(table, "en")


def test_figure_without_sources_is_refused(fixture_data, tmp_path):
    import pandas as pd
    fig, _ = _draw()
    with pytest.raises(ValueError, match="source_id"):
        figures.save(fig, "demo", "en", pd.DataFrame({"value": [1]}), alt="x", out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_files_carry_title_alt_text_and_source(fixture_data, tmp_path):
    fig, rows = _draw()
    png, svg = figures.save(fig, "demo", "en", rows, alt="Bars  of\ndemo values", out_dir=tmp_path)
    meta = figures.read_metadata(png)
    assert meta["Title"] == "Title. Subtitle"
    assert meta["Description"] == "Bars of demo values"
    assert meta["Source"].startswith("Source: ") and "[press]" in meta["Source"]
    assert meta["Language"] == "en"
    text = svg.read_text(encoding="utf-8")
    assert "Bars of demo values" in text and "<dc:title>Title. Subtitle</dc:title>" in text


def test_figure_without_alt_text_is_refused(fixture_data, tmp_path):
    fig, rows = _draw()
    with pytest.raises(ValueError, match="alternative text"):
        figures.save(fig, "demo", "en", rows, alt="  ", out_dir=tmp_path)


def test_many_sources_are_listed_by_id(fixture_data, monkeypatch):
    import pandas as pd
    monkeypatch.setattr(figures, "FULL_SOURCE_NAMES_UP_TO", 1)
    line = figures.source_line(pd.DataFrame({"source_id": ["stats", "press"]}), "en")
    assert line.startswith("Sources (2; look up each id in data/sources.csv): press; stats.")
    assert "A newspaper" not in line


def test_unknown_source_id_is_refused(fixture_data):
    import pandas as pd
    with pytest.raises(KeyError, match="nowhere"):
        figures.source_line(pd.DataFrame({"source_id": ["nowhere"]}), "en")


def test_publisher_names_lose_characters_the_font_cannot_draw():
    assert figures._drawable("技能実習生の受入れ (kenshu.mall.gr.jp)") == "kenshu.mall.gr.jp"
    assert figures._drawable("VIETJO (viet-jo.com), citing MOJ") == "VIETJO (viet-jo.com), citing MOJ"
