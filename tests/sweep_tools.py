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
import warnings
from pathlib import Path


from vnjp import figcheck, figures
from vnjp.figcheck import drawn_colors, legend_problems  # noqa: F401 -- moved to the package; kept importable


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
    #: what vnjp.figcheck.problems found in the finished figure (footer added), at ``check_dpi``
    figure_problems: list[str] = field(default_factory=list)


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


def run(notebook: Path, parameters: dict, out_dir: Path, *, fast: bool = True, fast_dpi: float = 30,
        check_dpi: float | None = None) -> list[Saved]:
    """Execute ``notebook`` with ``parameters``; return what each ``figures.save`` call saved.

    ``fast``: save PNGs only, at a low resolution (drawing is most of a run's time; the byte-exact
    files are checked by ``run_all.py --check``, not here; ``fast_dpi``: that resolution). With ``check_dpi`` (150: what a saved
    figure shows), ``figures.save``'s check (:mod:`vnjp.figcheck`) runs at that resolution and its
    findings are in ``figure_problems`` (not warned); without it the check is skipped (it costs a draw
    per figure; tests/test_figcheck.py checks the registered figures)."""
    import matplotlib.pyplot as plt
    import pandas as pd

    params, body = code_cells(notebook)
    saved: list[Saved] = []
    original = figures.save
    real_problems = figcheck.problems
    found: list[list[str]] = []

    def recorder(fig, dpi=None):
        found.append(real_problems(fig, dpi=check_dpi) if check_dpi else [])
        return found[-1]

    def spy(fig, name, lang, plotted, *, alt, note=None, out_dir=None, **kw):
        years = set()
        if isinstance(plotted, pd.DataFrame):
            for col in ("year", "when"):
                if col in plotted.columns:
                    years |= {int(y) for y in pd.to_numeric(plotted[col], errors="coerce").dropna()}
        saved.append(Saved(name, lang, alt, figures.figure_title(fig), 0 if plotted is None else len(plotted),
                           bool(getattr(fig, "vnjp_no_data", False)), legend_problems(fig), years))
        found.clear()
        out = original(fig, name, lang, plotted, alt=alt, note=note, out_dir=out_dir, **kw)
        saved[-1].figure_problems = found[-1] if found else []
        return out

    namespace = {"__name__": "__sweep__", "display": lambda *a, **k: None}
    injected = "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    old_env = os.environ.get("VNJP_FIGURES_DIR")
    os.environ["VNJP_FIGURES_DIR"] = str(out_dir)
    figures.save = spy
    figcheck.problems = recorder
    formats, dpi = figures.FORMATS, figures.PNG_DPI
    if fast:
        figures.FORMATS, figures.PNG_DPI = ("png",), fast_dpi
    try:
        with contextlib.redirect_stdout(open(os.devnull, "w")), warnings.catch_warnings():
            warnings.simplefilter("ignore", figcheck.FigureWarning)  # recorded in figure_problems instead
            for i, src in enumerate([params, injected, *body]):
                exec(compile(src, f"<{Path(notebook).name} cell {i}>", "exec"), namespace)
    finally:
        figures.save = original
        figcheck.problems = real_problems
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


def registry_runs(lang: str | None = None) -> list:
    """The registered runs of ``run_all.py`` (one language's, or all)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("run_all", Path(__file__).resolve().parents[1] / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [r for r in module.REGISTRY if lang is None or r.parameters.get("lang") == lang]


def registry_figures(out_dir: Path, lang: str | None = None, *, check_dpi: float = 150) -> list[Saved]:
    """Every figure the registered runs save, each checked by vnjp.figcheck at ``check_dpi``.

    PNGs only, but at the real resolution, so each is the committed figure's twin (the footer's wrapping
    no longer depends on the dpi: it is measured at ``figures.MEASURE_DPI``)."""
    root = Path(__file__).resolve().parents[1]
    saved: list[Saved] = []
    for r in registry_runs(lang):
        saved += run(root / r.notebook, r.parameters, Path(out_dir) / r.name, fast_dpi=figures.PNG_DPI,
                     check_dpi=check_dpi)
    return saved
