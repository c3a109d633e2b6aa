"""vnjp.figcheck: synthetic figures it must catch and ones it must pass; figures.save's use of it
(warn, or refuse under VNJP_FIGCHECK=strict); the runner's strictness; and every registered figure."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from vnjp import figcheck, figures  # noqa: E402
from vnjp.runner import Run, main  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import sweep_tools  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def bars(ticks=True, **kw):
    """A clean bar chart in the house style: two coloured series, a legend naming both."""
    fig, ax = figures.new_figure("A clean chart", "persons per year", **kw)
    ax.bar([2019, 2020, 2021], [5, 7, 6], color="#c0392b", label="Japan")
    ax.bar([2019, 2020, 2021], [2, 3, 2], color="#2c6e91", label="Taiwan")
    ax.set_ylabel("persons")
    if ticks:
        ax.set_xticks([2019, 2020, 2021])
    return fig, ax


def kinds(found):
    return sorted({p.split(":")[0] for p in found})


# --------------------------------------------------------------------------- must pass


def test_a_clean_bar_chart_with_a_full_legend_passes():
    fig, ax = bars()
    ax.legend()
    assert figcheck.problems(fig) == []


def test_a_label_inside_a_bar_is_not_an_overlap():
    fig, ax = bars()
    containers = [c for c in ax.containers]
    ax.bar_label(containers[0], label_type="center", color="white")  # inside the red bars, centred
    ax.bar_label(containers[1], label_type="center", color="white", fontsize=7)
    ax.legend()
    assert figcheck.problems(fig) == []


def test_rotated_tick_labels_that_do_not_touch_pass_though_their_upright_boxes_overlap():
    fig, ax = figures.new_figure("Rotated", size=(8, 5))
    years = list(range(1995, 2026))
    ax.bar(years, range(len(years)))
    ax.set_xticks(years, [f"year {y}" for y in years], rotation=45, ha="right", rotation_mode="anchor")
    assert figcheck.problems(fig) == []
    # the same labels upright collide: the check measures the rotated rectangles, not nothing
    ax.set_xticks(years, [f"year {y}" for y in years], rotation=0)
    assert any(p.startswith("overlap: x tick label") for p in figcheck.problems(fig))


def test_problems_leaves_the_figure_as_it_was_and_the_saved_bytes_unchanged(tmp_path, monkeypatch):
    rows = pd.DataFrame({"year": [2019], "value": [5], "source_id": [_a_source_id()]})
    out = {}
    for name, check in (("a", True), ("b", False)):
        fig, ax = bars(ticks=False)  # ticks the locator chooses: a check that moved the layout would move them
        ax.legend()
        canvas, dpi = fig.canvas, fig.dpi
        if check:
            assert figcheck.problems(fig, dpi=150) == []
            assert fig.canvas is canvas and fig.dpi == dpi
        else:
            monkeypatch.setattr(figcheck, "problems", lambda fig, dpi=None: [])
        figures.save(fig, "fig", "en", rows, alt="bars", out_dir=tmp_path / name)
        out[name] = {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()}
    assert out["a"] == out["b"] and set(out["a"]) >= {"fig_en.png", "fig_en.svg"}


# --------------------------------------------------------------------------- must catch


def test_two_overlapping_annotations_are_named():
    fig, ax = bars()
    ax.legend()
    ax.annotate("Japan 90,150", (2020, 7), xytext=(0, 4), textcoords="offset points", ha="center")
    ax.annotate("DOLAB 80,002", (2020, 7), xytext=(6, 6), textcoords="offset points", ha="center")
    found = figcheck.problems(fig)
    assert len(found) == 1
    assert "annotation 'Japan 90,150'" in found[0] and "annotation 'DOLAB 80,002'" in found[0]
    assert found[0].startswith("overlap:")


def test_a_tick_label_colliding_with_a_value_label():
    fig, ax = bars()
    ax.legend()
    ax.annotate("low: 0.1", (2019, 0), xytext=(0, -3), textcoords="offset points", ha="center", va="top")
    found = figcheck.problems(fig)
    assert any("annotation 'low: 0.1'" in p and "x tick label '2019'" in p for p in found), found


def test_text_beyond_the_right_edge():
    fig, ax = bars()
    ax.legend()
    # constrained layout makes room for texts in the layout; one kept out of it (or a figure text) is not
    ax.annotate("a long value label near the last bar", (2021, 6), xytext=(4, 0), textcoords="offset points",
                in_layout=False)
    found = figcheck.problems(fig)
    assert len(found) == 1 and found[0].startswith("outside the figure: annotation 'a long value label")
    assert "beyond the right edge" in found[0]
    fig.text(0.01, 0.5, "a note on the left, moved too far", ha="right")
    assert any(p.startswith("outside the figure: figure text 'a note on the left") and "left edge" in p
               for p in figcheck.problems(fig))


def test_clipped_text_cut_or_hidden_by_its_axes():
    fig, ax = bars()
    ax.legend()
    ax.set_xlim(2018.5, 2021.5)
    ax.text(2021.3, 3, "cut here", clip_on=True)
    ax.text(2019, 30, "never seen", clip_on=True)
    found = figcheck.problems(fig)
    assert any(p.startswith("cut: text 'cut here'") for p in found), found
    assert any(p.startswith("hidden: text 'never seen'") for p in found), found


def test_a_value_label_printed_over_a_marker():
    fig, ax = bars()
    ax.plot([2020], [7.2], ls="", marker="_", ms=14, color="black", label="other sources")
    ax.legend()
    ax.annotate("70%", (2020, 7), ha="center", va="bottom")
    found = figcheck.problems(fig)
    assert any(p.startswith("overlap: annotation '70%' is printed over a horizontal bar marker") for p in found)


def test_a_centred_label_wider_than_its_bar_spills():
    fig, ax = figures.new_figure("Segments")
    ax.barh([0], [1], color="#2c6e91", label="a")
    ax.barh([0], [40], left=1, color="#c0392b", label="b")
    ax.text(0.5, 0, "1 claim of 80", ha="center", va="center")
    ax.legend()
    found = figcheck.problems(fig)
    assert any(p.startswith("spills: text '1 claim of 80'") for p in found), found


def test_hatching_not_in_the_legend():
    fig, ax = bars()
    ax.bar([2022], [4], color="white", edgecolor="#c0392b", hatch="///")
    ax.legend()
    assert figcheck.problems(fig) == ["legend: hatching '/' (bar) has no legend entry"]
    ax.legend(handles=[*ax.get_legend_handles_labels()[0],
                       Patch(facecolor="white", edgecolor="black", hatch="//", label="part of the year")])
    assert figcheck.problems(fig) == []  # any density of the same hatch keys it


def test_dashed_line_not_in_the_legend():
    fig, ax = bars()
    ax.axhline(5, color="#7f8c8d", ls="--")
    ax.legend()
    assert figcheck.problems(fig) == ["legend: dashed line (reference line) has no legend entry"]
    ax.lines[0].set_linestyle(":")
    assert figcheck.problems(fig) == ["legend: dotted line (reference line) has no legend entry"]
    ax.plot([2019, 2021], [1, 2], ls=(0, (6, 2)), color="#c0392b")  # a custom dash pattern: dashed
    assert "legend: dashed line (line) has no legend entry" in figcheck.problems(fig)
    ax.lines[-1].remove()
    ax.legend(handles=[*ax.get_legend_handles_labels()[0], Line2D([], [], ls=":", color="grey", label="plan")])
    assert figcheck.problems(fig) == []


def test_hollow_bar_not_in_the_legend():
    fig, ax = bars()
    ax.bar([2022], [4], facecolor="none", edgecolor="#c0392b", label="_forecast")
    ax.legend()
    assert figcheck.problems(fig) == ["legend: hollow (unfilled) shapes (bar) have no legend entry"]
    ax.patches[-1].set_facecolor("white")  # white inside a coloured edge reads as hollow too
    assert figcheck.problems(fig) == ["legend: hollow (unfilled) shapes (bar) have no legend entry"]
    ax.legend(handles=[*ax.get_legend_handles_labels()[0],
                       Patch(facecolor="none", edgecolor="black", label="forecast")])
    assert figcheck.problems(fig) == []


def test_diamond_marker_not_in_the_legend():
    fig, ax = bars()
    ax.scatter([2020], [7], marker="D", facecolor="none", edgecolor="#c0392b", s=70)
    ax.legend()
    assert figcheck.problems(fig) == ["legend: hollow diamond markers in #c0392b (scatter) have no legend entry"]
    ax.legend(handles=[*ax.get_legend_handles_labels()[0], figures.low_reliability_handle("en")])
    assert figcheck.problems(fig) == []  # a black key of the shape keys every colour


def test_grey_dots_and_an_unkeyed_colour_in_a_legended_axes():
    fig, ax = bars()
    ax.plot([2019, 2021], [1, 2], ls="", marker="o", color="#9aa5ab")
    ax.plot([2019, 2021], [3, 3], color="#e69f00")
    ax.legend()
    found = figcheck.problems(fig)
    assert "legend: dot markers in #9aa5ab (line) have no legend entry" in found
    assert "legend: colour #e69f00 (line) has no legend entry" in found
    ax.set_title("orange: the plan", color="#e69f00")  # a colour named in a text of its colour is keyed
    assert "legend: colour #e69f00 (line) has no legend entry" not in figcheck.problems(fig)


def test_a_legend_entry_nothing_draws():
    fig, ax = bars()
    ax.legend(handles=[*ax.get_legend_handles_labels()[0], Patch(color="#009e73", label="women")])
    assert figcheck.problems(fig) == ["legend: legend entry 'women' has no drawn counterpart"]
    assert sweep_tools.legend_problems(fig) == ["legend entry 'women' has no drawn counterpart"]  # still importable


# --------------------------------------------------------------------------- silencing


def test_allow_silences_one_artist_only_and_needs_a_reason():
    fig, ax = bars()
    ax.legend()
    a = ax.annotate("first label", (2020, 7), ha="center")
    ax.annotate("second label", (2020, 7), ha="center")
    ax.annotate("third label", (2019, 5), ha="center")
    ax.annotate("fourth label", (2019, 5), ha="center")
    assert len(figcheck.problems(fig)) == 2
    figcheck.allow(a, "checked by eye: drawn on a white box")
    found = figcheck.problems(fig)
    assert len(found) == 1 and "third label" in found[0]
    with pytest.raises(ValueError):
        figcheck.allow(a, " ")
    dashed = ax.axhline(5, ls="--")
    assert "legend: dashed line (reference line) has no legend entry" in figcheck.problems(fig)
    figcheck.allow(dashed, "reference line named by its own label")
    assert "legend: dashed line (reference line) has no legend entry" not in figcheck.problems(fig)


# --------------------------------------------------------------------------- figures.save


def _a_source_id() -> str:
    from vnjp import data

    return str(data.load("sources")["source_id"].iloc[0])


def _bad_figure():
    fig, ax = bars()
    ax.legend()
    ax.annotate("a long value label near the last bar", (2021, 6), xytext=(4, 0), textcoords="offset points",
                in_layout=False)
    return fig


def test_save_warns_and_writes_unless_strict(tmp_path, monkeypatch):
    rows = pd.DataFrame({"year": [2021], "value": [6], "source_id": [_a_source_id()]})
    monkeypatch.delenv("VNJP_FIGCHECK", raising=False)
    with pytest.warns(figcheck.FigureWarning, match=r"(?s)bad_en: 1 figure problem.*outside the figure"):
        figures.save(_bad_figure(), "bad", "en", rows, alt="bars", out_dir=tmp_path / "warn")
    assert (tmp_path / "warn" / "bad_en.png").exists()
    monkeypatch.setenv("VNJP_FIGCHECK", "strict")
    with pytest.raises(ValueError, match=r"(?s)bad_en: 1 figure problem.*annotation 'a long value label.*not written"):
        figures.save(_bad_figure(), "bad", "en", rows, alt="bars", out_dir=tmp_path / "strict")
    assert not (tmp_path / "strict").exists() or not any((tmp_path / "strict").iterdir())
    fig, ax = bars()
    ax.legend()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean figure: no warning, strict or not
        figures.save(fig, "good", "en", rows, alt="bars", out_dir=tmp_path / "strict")
    assert (tmp_path / "strict" / "good_en.png").exists()


def test_a_checker_that_fails_warns_unless_strict(tmp_path, monkeypatch):
    rows = pd.DataFrame({"year": [2021], "value": [6], "source_id": [_a_source_id()]})

    def broken(fig, dpi=None):
        raise RuntimeError("checker bug")

    monkeypatch.setattr(figcheck, "problems", broken)
    monkeypatch.delenv("VNJP_FIGCHECK", raising=False)
    with pytest.warns(figcheck.FigureWarning, match="the check itself failed: RuntimeError: checker bug"):
        figures.save(bars()[0], "f", "en", rows, alt="bars", out_dir=tmp_path / "a")
    assert (tmp_path / "a" / "f_en.png").exists()
    monkeypatch.setenv("VNJP_FIGCHECK", "strict")
    with pytest.raises(RuntimeError, match="checker bug"):
        figures.save(bars()[0], "f", "en", rows, alt="bars", out_dir=tmp_path / "b")
    assert not (tmp_path / "b" / "f_en.png").exists()


def test_no_data_figures_twin_axes_and_an_empty_figure_are_checked_without_error():
    fig, ax = figures.new_figure("Nothing here")
    figures.no_data(fig, ax, "vi", "Không có kế hoạch cho năm 2017.", resources=("departures",))
    assert figcheck.problems(fig) == []
    fig, ax = bars()
    twin = ax.twinx()
    twin.plot([2019, 2021], [0.2, 0.3], color="black", marker="o", label="share")
    ax.legend(handles=[*ax.get_legend_handles_labels()[0], *twin.get_legend_handles_labels()[0]])
    assert figcheck.problems(fig) == []
    assert figcheck.problems(plt.figure()) == []
    assert figcheck.problems(fig) == figcheck.problems(fig)  # the same answer twice


BAD_FIGURE = '''
from vnjp import data, figures
rows = data.load("departures")
fig, ax = figures.new_figure(f"Fixture {label}")
ax.bar(range(len(rows)), rows["value"])
ax.annotate("a value label running far past the right edge of the figure", (len(rows) - 1, 0), xytext=(8, 0),
            textcoords="offset points", in_layout=False)
figures.save(fig, f"fixture_{label}", lang, rows, alt=f"Fixture bars {label}")
'''


def test_registered_runs_and_check_are_strict_overrides_warn(project, capsys):
    from conftest import make_notebook

    make_notebook(project / "notebooks" / "bad.ipynb", 'label = "a"\nlang = "en"', BAD_FIGURE)
    bad = Run("bad-en", "notebooks/bad.ipynb", {"label": "a", "lang": "en"}, ("fixture_{label}_{lang}",),
              ("departures",))
    assert main([bad], ["--no-report"], root=project) == 1  # registered: refused, figures/ untouched
    out = capsys.readouterr().out
    assert "ValueError: fixture_a_en: 1 figure problem" in out
    assert not any((project / "figures").iterdir())
    assert main([bad], ["--no-report", "--check"], root=project) == 1  # --check regenerates the committed ones
    assert "ValueError: fixture_a_en: 1 figure problem" in capsys.readouterr().out
    assert main([bad], ["--no-report", "-p", "label", "b"], root=project) == 0  # an override: figure and warning
    folder = next((project / "build" / "overrides").iterdir())
    assert (folder / "figures" / "fixture_b_en.png").exists()
    assert "FigureWarning" in (folder / "kernel.log").read_text() + _outputs(folder / "bad.ipynb")
    assert not any((project / "figures").iterdir())


def _outputs(notebook: Path) -> str:
    import json

    cells = json.loads(notebook.read_text())["cells"]
    return json.dumps([c.get("outputs", []) for c in cells])


# --------------------------------------------------------------------------- every registered figure

#: Registered figures vnjp.figcheck is known to find problems in: none. A figure may be listed here (its
#: stem for both languages, or "<stem>_<lang>") only while its fix is under way; strict xfail makes a fixed
#: figure fail as XPASS until its entry is deleted, so the list only ever shrinks.
KNOWN_PROBLEMS: set[str] = set()

_RUNS = {}


def _registered(lang, tmp_path_factory):
    if lang not in _RUNS:
        saved = sweep_tools.registry_figures(tmp_path_factory.mktemp(f"every-{lang}"), lang)
        _RUNS[lang] = {s.name: s for s in saved}
    return _RUNS[lang]


def _cases():
    out = []
    for lang in ("en", "vi"):
        for run in sweep_tools.registry_runs(lang):
            for stem in run.figures:
                name = stem.format(**run.parameters).removesuffix(f"_{lang}")
                marks = [pytest.mark.xfail(strict=True, reason="figcheck finds problems; being fixed")] \
                    if name in KNOWN_PROBLEMS or f"{name}_{lang}" in KNOWN_PROBLEMS else []
                out.append(pytest.param(name, lang, id=f"{name}_{lang}", marks=marks))
    return out


@pytest.mark.parametrize(("name", "lang"), _cases())
def test_every_registered_figure_passes_figcheck(name, lang, tmp_path_factory):
    saved = _registered(lang, tmp_path_factory)
    assert name in saved, f"{name}_{lang} was not saved by its notebook"
    assert saved[name].figure_problems == [], f"{name}_{lang}:\n  " + "\n  ".join(saved[name].figure_problems)


def test_known_problems_name_registered_figures():
    names = {p.values[0] for p in _cases()} | {p.id for p in _cases()}
    assert KNOWN_PROBLEMS <= names, KNOWN_PROBLEMS - names
