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
    assert line == "Nguồn: A newspaper."
    assert "Statistics" not in line


def test_source_line_collects_every_source_id_column(fixture_data):
    import pandas as pd
    table = pd.DataFrame({"source_id": ["stats"], "women_source_id": ["press"]})
    assert figures.source_line(table, "en") == "Sources: A newspaper; Statistics body."
    assert figures.source_ids(table) == ["press", "stats"]


def test_figure_without_sources_is_refused(fixture_data, tmp_path):
    import pandas as pd
    fig, _ = _draw()
    with pytest.raises(ValueError, match="source_id"):
        figures.save(fig, "demo", "en", pd.DataFrame({"value": [1]}), alt="x", out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_files_carry_title_alt_text_and_source(fixture_data, tmp_path):
    fig, rows = _draw()
    png, svg = figures.save(fig, "demo", "en", rows, alt="Bars  of\ndemo values", note="A\nnote.", out_dir=tmp_path)
    meta = figures.read_metadata(png)
    assert meta["Title"] == "Title. Subtitle"
    assert meta["Description"] == "Bars of demo values"
    assert meta["Source"] == "Sources: A newspaper; Statistics body. A note."
    assert meta["Language"] == "en"
    from PIL import Image
    with Image.open(png) as image:  # what the report lists under the figure: ids, not the wrapped footer
        assert image.text[figures.SOURCES_KEY] == "press stats" and image.text[figures.NOTE_KEY] == "A note."
    text = svg.read_text(encoding="utf-8")
    assert "Bars of demo values" in text and "<dc:title>Title. Subtitle</dc:title>" in text


def test_figure_without_alt_text_is_refused(fixture_data, tmp_path):
    fig, rows = _draw()
    with pytest.raises(ValueError, match="alternative text"):
        figures.save(fig, "demo", "en", rows, alt="  ", out_dir=tmp_path)


def test_unknown_source_id_is_refused(fixture_data):
    import pandas as pd
    with pytest.raises(KeyError, match="nowhere"):
        figures.source_line(pd.DataFrame({"source_id": ["nowhere"]}), "en")


def test_publisher_names_lose_characters_the_font_cannot_draw():
    assert figures._drawable("技能実習生の受入れ (kenshu.mall.gr.jp)") == "kenshu.mall.gr.jp"
    assert figures._drawable("VIETJO (viet-jo.com), citing MOJ") == "VIETJO (viet-jo.com), citing MOJ"
    assert figures.publisher_label("技能実習生の受入れ (kenshu.mall.gr.jp)", "vi") == "kenshu.mall.gr.jp"
    assert figures.publisher_label("VIETJO (viet-jo.com), citing MOJ", "en") == "VIETJO"


def test_footer_wrapping_does_not_depend_on_the_output_dpi_or_test_order(monkeypatch):
    """A sweep sets ``PNG_DPI`` to 30 for speed; text is still measured at the published resolution, so a footer
    wraps the same whichever dpi made the (cached) measuring renderer first."""
    units = [f"Publisher number {i} (ministry)" for i in range(12)]
    monkeypatch.setattr(figures, "_RENDERER", [])
    reference = figures.wrap_units(units, "; ", 400)
    width = figures._text_width_pt("Vietnam's Department of Overseas Labour", 7)
    for first_dpi in (30, 300):
        monkeypatch.setattr(figures, "_RENDERER", [])
        monkeypatch.setattr(figures, "PNG_DPI", first_dpi)
        figures._text_width_pt("x", 7)  # the renderer is made now, at the sweep's dpi
        monkeypatch.setattr(figures, "PNG_DPI", 150)
        assert figures.wrap_units(units, "; ", 400) == reference
        assert figures._text_width_pt("Vietnam's Department of Overseas Labour", 7) == width


def test_caption_leaves_out_a_panel_header_under_the_subtitle():
    """Multi-panel figures set their first panel's header under the subtitle after a blank line; the report's
    caption is the title and the subtitle, without the panel's header glued on."""
    import matplotlib.pyplot as plt

    fig, axes = figures.new_figure("Trade, 2000–2025", None, nrows=2)
    axes[0].set_title("Calendar years, USD billion.\nBoth sides in 1 year only\n\nTotal trade\nboth sides: none")
    try:
        assert figures.figure_title(fig) == "Trade, 2000–2025. Calendar years, USD billion. Both sides in 1 year only"
    finally:
        plt.close(fig)
    fig, _ax = figures.new_figure("Title", "A subtitle\nwrapped on two lines")
    try:
        assert figures.figure_title(fig) == "Title. A subtitle wrapped on two lines"
    finally:
        plt.close(fig)
