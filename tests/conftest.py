"""Shared fixtures: a throw-away project (data package, notebooks, figures, build) for runner tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

collect_ignore_glob = ["fixtures/*"]


def make_notebook(path: Path, parameters: str, *body: str) -> Path:
    cells = [new_markdown_cell("# Fixture notebook"), new_code_cell(parameters)]
    cells[1].metadata["tags"] = ["parameters"]
    cells += [new_code_cell(code) for code in body]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i}"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


SAVE_FIGURE = '''
import matplotlib.pyplot as plt
from vnjp import data, figures
rows = data.load("departures")
fig, ax = figures.new_figure(f"Fixture {label}")
ax.bar(rows["destination"], rows["value"])
figures.save(fig, f"fixture_{label}", lang, rows, alt=f"Fixture bars {label}")
'''


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A small project: the fixture data package, four notebooks, empty figures/ and build/."""
    root = tmp_path / "proj"
    shutil.copytree(FIXTURES / "data", root / "data")
    nbs = root / "notebooks"
    make_notebook(nbs / "ok.ipynb", 'label = "a"  # figure name\nscale = 1.0  # a float\nlang = "en"', SAVE_FIGURE)
    make_notebook(nbs / "fail.ipynb", 'lang = "en"', "x = 1", 'raise ValueError("deliberate failure")')
    make_notebook(nbs / "slow.ipynb", 'lang = "en"', "import time\ntime.sleep(120)")
    make_notebook(nbs / "partial.ipynb", 'label = "a"\nlang = "en"', SAVE_FIGURE, 'raise RuntimeError("after saving")')
    make_notebook(nbs / "sneaky.ipynb", 'label = "s"\nlang = "en"', SAVE_FIGURE + '\ndata.load("sources")')
    for sub in ("figures", "build"):
        (root / sub).mkdir()
    monkeypatch.setenv("VNJP_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("VNJP_FIGURES_DIR", str(root / "figures"))
    monkeypatch.setenv("VNJP_BUILD_DIR", str(root / "build"))
    return root


@pytest.fixture
def fixture_data(monkeypatch, tmp_path):
    """A writable copy of the fixture data package, used by the loader tests."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", target)
    monkeypatch.setenv("VNJP_DATA_DIR", str(target))
    return target
