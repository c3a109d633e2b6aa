"""Lint is enforced: ruff (pinned in requirements.txt, configured in pyproject.toml) passes over
the project, and the pre-commit hooks name commands that exist and do what they say."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from vnjp import nbtools

ROOT = Path(__file__).resolve().parents[1]


def hooks() -> dict[str, dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}


def pin(package: str) -> str:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    return re.search(rf"^{package}==(\S+)$", text, re.M).group(1)


def test_ruff_passes():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pre_commit_ruff_hook_is_the_pinned_ruff():
    hook = hooks()["ruff"]
    assert hook["entry"].split()[0] == "ruff"
    assert hook["additional_dependencies"] == [f"ruff=={pin('ruff')}"]
    installed = subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True, text=True)
    assert installed.stdout.split() == ["ruff", pin("ruff")]


def test_pre_commit_strip_hook_strips_and_keeps_kept_cells(tmp_path):
    hook = hooks()["strip-notebooks"]
    for path in ("notebooks/02_destination_markets.ipynb", "templates/analysis.ipynb"):
        assert re.search(hook["files"], path), path
    python, script, *args = hook["entry"].split()
    assert python == "python" and (ROOT / script).exists() and args == ["strip"]
    notebook = json.loads((ROOT / "templates" / "analysis.ipynb").read_text(encoding="utf-8"))
    kept = [c["outputs"] for c in notebook["cells"] if c["metadata"].get("keep_output")]
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code" and not cell["metadata"].get("keep_output"):
            cell["outputs"] = [{"name": "stdout", "output_type": "stream", "text": ["noise\n"]}]
            cell["execution_count"] = 7
    dirty = tmp_path / "dirty.ipynb"
    dirty.write_text(json.dumps(notebook), encoding="utf-8")
    # as pre-commit runs it: a script (it imports no vnjp module), from the repository root
    subprocess.run([sys.executable, "-I", script, *args, str(dirty)], cwd=ROOT, check=True)
    assert not nbtools.needs_strip(dirty)
    cleaned = json.loads(dirty.read_text(encoding="utf-8"))
    assert [c["outputs"] for c in cleaned["cells"] if c["metadata"].get("keep_output")] == kept
    assert all(c["outputs"] == [] for c in cleaned["cells"]
               if c["cell_type"] == "code" and not c["metadata"].get("keep_output"))
