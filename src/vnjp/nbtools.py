"""Notebook hygiene: strip outputs before commit, keeping the cells marked to keep.

A cell whose metadata has ``"keep_output": true`` keeps its outputs (the headline
numbers that nbval checks with ``--nbval-lax``); every other cell loses its outputs
and execution count. ``python -m vnjp.nbtools strip FILE...`` rewrites the files;
``python -m vnjp.nbtools check FILE...`` exits 1 naming notebooks that need stripping;
``python -m vnjp.nbtools keep FILE...`` executes each notebook with its default parameters
(figures go to a temporary folder) and stores the new outputs of the kept cells: run it
when a headline number changes for a reason you have checked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def strip(nb: dict) -> dict:
    for cell in nb.get("cells", []):
        keep = cell.get("metadata", {}).get("keep_output", False)
        if cell.get("cell_type") == "code":
            if not keep:  # a kept cell keeps its execution count: nbval compares only "run" cells
                cell["outputs"] = []
                cell["execution_count"] = None
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
    nb.get("metadata", {}).pop("papermill", None)
    return nb


def dumps(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def needs_strip(path: Path) -> bool:
    text = Path(path).read_text(encoding="utf-8")
    return dumps(strip(json.loads(text))) != text


def refresh_kept(path: Path) -> None:
    """Execute ``path`` with its defaults and keep the outputs of its ``keep_output`` cells."""
    import os
    import tempfile

    import papermill

    source = json.loads(Path(path).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["VNJP_FIGURES_DIR"] = tmp
        executed = Path(tmp) / "executed.ipynb"
        papermill.execute_notebook(str(path), str(executed), cwd=str(Path(path).parent), progress_bar=False,
                                   kernel_name="python3")
        ran = {c.get("id"): c for c in json.loads(executed.read_text(encoding="utf-8"))["cells"]}
    for cell in source["cells"]:
        if cell.get("metadata", {}).get("keep_output"):
            cell["outputs"] = ran[cell["id"]]["outputs"]
            cell["execution_count"] = ran[cell["id"]]["execution_count"]
    Path(path).write_text(dumps(strip(source)), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("strip", "check", "keep"):
        print("usage: python -m vnjp.nbtools strip|check|keep NOTEBOOK...", file=sys.stderr)
        return 2
    bad = []
    for name in argv[1:]:
        path = Path(name)
        if argv[0] == "keep":
            refresh_kept(path)
        elif argv[0] == "strip":
            path.write_text(dumps(strip(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
        elif needs_strip(path):
            bad.append(name)
    for name in bad:
        print(f"{name}: has outputs or metadata to strip (python -m vnjp.nbtools strip {name})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
