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
