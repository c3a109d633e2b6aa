"""Committed notebooks: stripped of outputs (but the kept cells), a parameters cell, an opening
that states question, data and method, and a run in both languages in run_all's registry."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from vnjp import nbtools
from vnjp.runner import check_parameters, git_tracked, notebook_parameters

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TEMPLATE = ROOT / "templates" / "analysis.ipynb"  # the starting point of a new analysis keeps the same shape
SHAPED = [*NOTEBOOKS, TEMPLATE]


def registry():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REGISTRY


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", SHAPED, ids=lambda p: p.name)
def test_committed_without_outputs_except_kept_cells(path):
    assert not nbtools.needs_strip(path), f"run: python -m vnjp.nbtools strip {path.relative_to(ROOT)}"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    kept = [c for c in cells if c.get("metadata", {}).get("keep_output")]
    assert kept, "each notebook ends with a kept headline-numbers cell"
    for cell in kept:
        assert cell["outputs"], "a kept cell must carry its committed output"
        assert "# NBVAL_CHECK_OUTPUT" in "".join(cell["source"])


@pytest.mark.parametrize("path", SHAPED, ids=lambda p: p.name)
def test_opens_with_question_data_method_and_parameters(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    opening = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown" and opening.startswith("# ")
    for word in ("**Question.**", "**Data.**", "**Method.**"):
        assert word in opening
    assert "lang" in notebook_parameters(path)


def test_every_notebook_runs_in_both_languages_with_valid_parameters():
    runs = registry()
    for path in NOTEBOOKS:
        rel = str(path.relative_to(ROOT))
        langs = {r.parameters.get("lang") for r in runs if r.notebook == rel}
        assert langs == {"en", "vi"}, rel
    for run in runs:
        check_parameters(run, ROOT)  # raises on an unknown name or a wrong type
        assert all(stem.endswith("_{lang}") for stem in run.figures), run.name


def test_committed_figures_are_the_registered_ones():
    """What git tracks in figures/ (in a git checkout; else what is there) is what the registry makes.
    An untracked file (e.g. left by hand) is not "committed" and does not fail this test."""
    expected = {f for r in registry() for f in r.figure_files()}
    present = {p.name for p in (ROOT / "figures").iterdir() if p.suffix in (".png", ".svg")}
    tracked = git_tracked(ROOT / "figures")
    committed = present if tracked is None else {name for name in tracked if name.endswith((".png", ".svg"))}
    assert committed == expected


def test_readme_figure_table_lists_every_registered_figure():
    """Each figure has a row (stem, notebook, data, one-line finding) in the README's figure table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| figure | notebook | data | finding |"):]
    table = table[:table.index("\n\n")]
    listed = {line.split("`")[1] for line in table.splitlines()[2:]}
    registered = {name.rsplit("_", 1)[0] for r in registry() if not r.grid for name in r.figure_files()}
    registered |= {stem.removesuffix("_{lang}") for r in registry() if r.grid for stem in r.figures}  # a row per grid
    assert listed == registered
