"""templates/analysis.ipynb, the starting point of a new analysis (README: "Adding an analysis"),
runs as the README says: registered in both languages, against the real data, through run_all's
runner; it writes the figures it declares, and its kept headline numbers are what it prints."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vnjp.figures import read_metadata
from vnjp.runner import in_both_languages, main

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "analysis.ipynb"


def kept_outputs(path: Path) -> list:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [[o.get("text") for o in c["outputs"]] for c in cells if c.get("metadata", {}).get("keep_output")]


@pytest.mark.slow
def test_template_runs_registered_in_both_languages(tmp_path, monkeypatch):
    root = tmp_path / "proj"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy(TEMPLATE, root / "notebooks" / "90_example.ipynb")
    monkeypatch.setenv("VNJP_DATA_DIR", str(ROOT / "data"))
    monkeypatch.setenv("VNJP_FIGURES_DIR", str(root / "figures"))
    monkeypatch.setenv("VNJP_BUILD_DIR", str(root / "build"))
    registry = in_both_languages("example", "notebooks/90_example.ipynb", {"market": "JPN"},
                                 figures=("example_{market}_by_year_{lang}",), data=("departures",))
    assert main(registry, [], root=root) == 0
    for lang in ("en", "vi"):
        meta = read_metadata(root / "figures" / f"example_JPN_by_year_{lang}.png")
        assert meta["Language"] == lang and meta["Description"] and meta["Source"]
        executed = root / "build" / "runs" / f"example-{lang}" / "90_example.ipynb"
        assert kept_outputs(executed) == kept_outputs(TEMPLATE)  # the committed headline numbers are current
        assert (root / "build" / "report" / "notebooks" / f"example-{lang}.html").exists()
