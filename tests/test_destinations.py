"""vnjp.destinations: the one copy of the per-year figures (notebook 02's year, notebook 07's grid): every year of
the grid draws its three figures without a figcheck problem in either language, the ranking's subtitle stays inside
the figure whatever the market names, a label too wide for its part of the Japan-share bar is left to the key, and
notebook 02 draws its per-year figures through this module rather than a copy of its own."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from vnjp import destinations, figcheck, figures, labels

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]


def market_years() -> tuple[int, ...]:
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MARKET_YEARS


@pytest.fixture
def drawn(monkeypatch):
    """figures.save replaced by one that hands the figure back unsaved (the drawing is what is tested)."""
    monkeypatch.setattr(figures, "save", lambda fig, *args, **kwargs: fig)
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def subtitle(ax):
    return next(t for t in (ax._left_title, ax.title, ax._right_title) if t.get_text())


@pytest.mark.parametrize("lang", labels.LANGS)
def test_every_year_of_the_grid_draws_three_figures_without_a_figcheck_problem(drawn, lang):
    for year in market_years():
        y = destinations.facts(year)
        for draw in (lambda: destinations.markets_figure(y, 13, lang, "x"),
                     lambda: destinations.japan_share_figure(y, lang, "x"),
                     lambda: destinations.plan_figure(y, lang, "x")):
            fig = draw()
            assert figcheck.problems(fig) == [], (year, lang, fig.axes[0].get_title(loc="left"))
            import matplotlib.pyplot as plt

            plt.close(fig)


@pytest.mark.parametrize("top_n", [1, 2, 13])
def test_the_rankings_subtitle_stays_inside_the_figure_with_long_vietnamese_market_names(drawn, top_n):
    y = destinations.facts(2023)  # Đài Loan (Trung Quốc), Hồng Kông (Trung Quốc): the axes start far right
    fig = destinations.markets_figure(y, top_n, "vi", "x")
    fig.canvas.draw()
    box = subtitle(fig.axes[0]).get_window_extent()
    assert 0 <= box.x0 and box.x1 <= fig.bbox.width


def test_fit_subtitle_rewraps_only_what_sticks_out(drawn):
    fig, ax = figures.new_figure("Title", "short", size=(8, 5))
    destinations.fit_subtitle(fig, ax)
    assert subtitle(ax).get_text() == "short"
    ax.set_yticks([0], ["a market name long enough to push the axes right"])
    ax.set_title("word " * 40, loc="left")
    destinations.fit_subtitle(fig, ax)
    fig.canvas.draw()
    box = subtitle(ax).get_window_extent()
    assert "\n" in subtitle(ax).get_text() and box.x1 <= fig.bbox.width
    assert subtitle(ax).get_text().split() == ["word"] * 40  # rewrapped, no word lost


def test_a_label_wider_than_its_part_of_the_japan_share_bar_is_left_to_the_key(drawn):
    y = destinations.facts(2007)  # 'Các thị trường khác được nêu' does not fit its 22% of the bar
    fig = destinations.japan_share_figure(y, "vi", "x")
    bar, key = fig.axes
    inside = [t.get_text().split("\n")[0] for t in bar.texts]
    keyed = [t.get_text() for t in key.get_legend().get_texts()]
    assert labels.text("other_named", "vi") not in inside
    assert any(k.startswith(labels.text("other_named", "vi")) for k in keyed)
    assert labels.place("TWN", "vi") in inside  # a part wide enough keeps its label
    fig = destinations.japan_share_figure(y, "en", "x")  # 'Other named markets' fits in English
    assert labels.text("other_named", "en") in [t.get_text().split("\n")[0] for t in fig.axes[0].texts]


def test_the_plan_keys_its_range_hatching_only_when_a_range_is_drawn(drawn):
    def has_range(plan):
        return plan is not None and pd.notna(plan["value_upper"])

    years = {yr: destinations.facts(yr) for yr in market_years()}
    ranged = [yr for yr, y in years.items() if has_range(y.plan)]
    single = [yr for yr, y in years.items() if y.plan is not None and not has_range(y.plan)
              and not has_range(y.next_plan)]
    assert ranged
    for year in ranged:
        for lang in labels.LANGS:
            ax = destinations.plan_figure(years[year], lang, "x").axes[0]
            legend = ax.get_legend()
            assert [t.get_text() for t in legend.get_texts()] == [
                labels.text(k, lang) for k in ("plan", "actual", "plan_range_mark")]
            ax.figure.canvas.draw()
            box = legend.get_window_extent()
            bars = [b.get_window_extent() for b in ax.patches]
            assert not [b for b in bars if b.overlaps(box)], (year, lang)  # the key covers no bar
    for year in single:
        assert destinations.plan_figure(years[year], "en", "x").axes[0].get_legend() is None


def test_notebook_02_draws_its_per_year_figures_through_vnjp_destinations():
    cells = json.loads((ROOT / "notebooks" / "02_destination_markets.ipynb").read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    for part in ("markets", "japan_share", "plan"):
        call = f"destinations.{part}_figure(y, "
        stem = f'f"destinations_{{year}}_{part}")'
        assert any(call in line and stem in line for line in code.splitlines()), part
    assert "barh(" not in code and code.count("figures.new_figure(") == 6  # sections 4-6 only, two each
