"""Run a notebook's code cells in-process with parameters injected, and inspect what it saved.

A kernel per run costs seconds; the sweep executes each notebook's code cells with ``exec`` in a
fresh namespace (the parameters cell first, then the injected values, as papermill does), with
``vnjp.figures.save`` wrapped so the test sees each figure, the rows it plotted and its alt text
before the figure is closed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.colors as mcolors
from matplotlib.collections import Collection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from vnjp import figures


@dataclass
class Saved:
    name: str
    lang: str
    alt: str
    title: str
    rows: int
    no_data: bool
    legend_problems: list[str] = field(default_factory=list)
    plotted_years: set = field(default_factory=set)


def code_cells(notebook: Path) -> tuple[str, list[str]]:
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    params, body = "", []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            params = src
        else:
            body.append(src)
    return params, body


def _color(c) -> tuple | None:
    try:
        rgba = mcolors.to_rgba(c)
    except (ValueError, TypeError):
        return None
    return None if rgba[3] == 0 else tuple(round(v, 3) for v in rgba[:3])


def drawn_colors(fig) -> set:
    """Colours of every artist that draws data (bars of nonzero size, lines with points, markers)."""
    out = set()
    for ax in fig.axes:
        for p in ax.patches:
            if isinstance(p, Rectangle) and (p.get_width() == 0 or p.get_height() == 0):
                continue
            out |= {_color(p.get_facecolor()), _color(p.get_edgecolor())}
        for line in ax.lines:
            x = line.get_xdata()
            if len(x):
                out |= {_color(line.get_color()), _color(line.get_markerfacecolor()),
                        _color(line.get_markeredgecolor())}
        for coll in ax.collections:
            if isinstance(coll, Collection) and len(coll.get_offsets()):
                out |= {_color(c) for c in coll.get_facecolors()} | {_color(c) for c in coll.get_edgecolors()}
    return out - {None}


def legend_problems(fig) -> list[str]:
    """Legend entries whose colour no data artist of the figure draws ("dark = women" with no women bar)."""
    drawn = drawn_colors(fig)
    problems = []
    for ax in fig.axes:
        legends = [a for a in ax.get_children() if type(a).__name__ == "Legend"]
        for legend in legends:
            for handle, label in zip(legend.legend_handles, legend.get_texts()):
                if isinstance(handle, Patch):
                    colors = {_color(handle.get_facecolor())} - {None, (1.0, 1.0, 1.0)}
                elif isinstance(handle, Line2D):
                    if handle.get_marker() not in (None, "None", "", " ") and str(handle.get_marker()).startswith("$"):
                        continue  # a numbered or ≈ mark: text, not a colour
                    colors = {_color(handle.get_color())} - {None, (0.0, 0.0, 0.0)}
                else:
                    colors = {_color(c) for c in getattr(handle, "get_facecolors", lambda: [])()} - {None}
                colors = {c for c in colors if len(set(c)) > 1}  # greys and black key shapes, not series
                if colors and not colors & drawn:
                    problems.append(f"legend entry '{label.get_text()}' has no drawn counterpart")
    return problems


def run(notebook: Path, parameters: dict, out_dir: Path, *, fast: bool = True) -> list[Saved]:
    """Execute ``notebook`` with ``parameters``; return what each ``figures.save`` call saved.

    ``fast``: save PNGs only, at a low resolution (drawing is most of a run's time; the byte-exact
    files are checked by ``run_all.py --check``, not here)."""
    import matplotlib.pyplot as plt
    import pandas as pd

    params, body = code_cells(notebook)
    saved: list[Saved] = []
    original = figures.save

    def spy(fig, name, lang, plotted, *, alt, note=None, out_dir=None, **kw):
        years = set()
        if isinstance(plotted, pd.DataFrame):
            for col in ("year", "when"):
                if col in plotted.columns:
                    years |= {int(y) for y in pd.to_numeric(plotted[col], errors="coerce").dropna()}
        saved.append(Saved(name, lang, alt, figures.figure_title(fig), 0 if plotted is None else len(plotted),
                           bool(getattr(fig, "vnjp_no_data", False)), legend_problems(fig), years))
        return original(fig, name, lang, plotted, alt=alt, note=note, out_dir=out_dir, **kw)

    namespace = {"__name__": "__sweep__", "display": lambda *a, **k: None}
    injected = "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    old_env = os.environ.get("VNJP_FIGURES_DIR")
    os.environ["VNJP_FIGURES_DIR"] = str(out_dir)
    figures.save = spy
    formats, dpi = figures.FORMATS, figures.PNG_DPI
    if fast:
        figures.FORMATS, figures.PNG_DPI = ("png",), 30
    try:
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            for i, src in enumerate([params, injected, *body]):
                exec(compile(src, f"<{Path(notebook).name} cell {i}>", "exec"), namespace)
    finally:
        figures.save = original
        figures.FORMATS, figures.PNG_DPI = formats, dpi
        plt.close("all")
        if old_env is None:
            os.environ.pop("VNJP_FIGURES_DIR", None)
        else:
            os.environ["VNJP_FIGURES_DIR"] = old_env
    return saved


YEAR = re.compile(r"(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d.,%])")


def years_in(text: str) -> set[int]:
    return {int(y) for y in YEAR.findall(text)}
