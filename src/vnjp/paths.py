"""Where things live. Environment variables let the runner and the tests redirect output."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The data package folder (``VNJP_DATA_DIR`` overrides, e.g. for test fixtures)."""
    return Path(os.environ.get("VNJP_DATA_DIR", ROOT / "data"))


def figures_dir() -> Path:
    """Where figures are written (the runner points this at a staging folder)."""
    return Path(os.environ.get("VNJP_FIGURES_DIR", ROOT / "figures"))


def build_dir() -> Path:
    return Path(os.environ.get("VNJP_BUILD_DIR", ROOT / "build"))


NOTEBOOKS = ROOT / "notebooks"
STYLE_FILE = Path(__file__).with_name("vnjp.mplstyle")


#: Where :func:`vnjp.figures.save` writes the data behind each figure (``<name>_<lang>.csv``) and
#: vnjp.tables the report's tables, when the runner does not say (``VNJP_TABLES_DIR``).
TABLES = "tables"


def tables_dir() -> Path:
    """Where the data behind the figures is written: ``VNJP_TABLES_DIR`` if set; under the runner
    (figures staged in ``build/runs/<run>/figures``) the run's own ``build/runs/<run>/tables``, where
    the report finds it; otherwise ``build/tables``. Never ``figures/``: the runner promotes only the
    registered PNG and SVG files from a run."""
    if "VNJP_TABLES_DIR" in os.environ:
        return Path(os.environ["VNJP_TABLES_DIR"])
    figures, build = figures_dir().resolve(), build_dir().resolve()
    if figures.is_relative_to(build / "runs"):
        return figures.parent / TABLES
    return build / TABLES
