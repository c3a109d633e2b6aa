"""Notebook pages in the reader's language: every markdown cell of notebooks/ is written in English
(tag ``lang-en``) with its Vietnamese partner right after it (``lang-vi``), or is explicitly for both
languages with a reason; the page rendered for a run shows only its language's cells; tables go
through vnjp.display."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell

from vnjp import labels
from vnjp.report import cell_langs, notebook_fragment, notebook_title
from vnjp.runner import Run, main

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

#: Letters only Vietnamese uses (not in English text, nor in the Japanese terms some cells quote).
VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
#: Everyday English words a Vietnamese sentence never uses.
ENGLISH = re.compile(r"\b(the|and|of|which|where|with|from|each|are|is)\b")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def markdown(path: Path) -> list[dict]:
    return [c for c in cells(path) if c["cell_type"] == "markdown"]


def prose(cell: dict) -> str:
    """A markdown cell's words without code spans (names like `start_year` are not language)."""
    return re.sub(r"`[^`]*`", " ", "".join(cell["source"]))


def both_reason(cell: dict) -> str:
    return str(((cell.get("metadata") or {}).get("vnjp") or {}).get("both_languages", "")).strip()


def test_notebooks_are_found():
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_", "04_", "05_", "06_", "07_"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_markdown_cell_is_tagged_by_language_or_says_why_it_is_for_both(path):
    for cell in markdown(path):
        langs = cell_langs(cell)
        assert langs in ({"en"}, {"vi"}) or (not langs and both_reason(cell)), (
            f"{path.name} cell {cell.get('id')}: tag it lang-en or lang-vi, or give the reason it is for both "
            f"languages in metadata vnjp.both_languages")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_english_cell_is_followed_by_its_vietnamese_partner(path):
    all_cells = cells(path)
    for i, cell in enumerate(all_cells):
        langs = cell_langs(cell) if cell["cell_type"] == "markdown" else set()
        if langs == {"en"}:
            partner = all_cells[i + 1] if i + 1 < len(all_cells) else None
            assert partner is not None and partner["cell_type"] == "markdown" and cell_langs(partner) == {"vi"}, (
                f"{path.name} cell {cell.get('id')}: its Vietnamese cell must come right after it")
            en_heads = [len(m) for m in re.findall(r"^(#+) ", prose(cell), re.M)]
            vi_heads = [len(m) for m in re.findall(r"^(#+) ", prose(partner), re.M)]
            assert en_heads == vi_heads, f"{path.name} cell {cell.get('id')}: the partner has other headings"
        if langs == {"vi"}:
            before = all_cells[i - 1]
            assert before["cell_type"] == "markdown" and cell_langs(before) == {"en"}, (
                f"{path.name} cell {cell.get('id')}: a Vietnamese cell without the English cell before it")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_cells_are_written_in_the_language_they_are_tagged_with(path):
    for cell in markdown(path):
        text = prose(cell)
        if cell_langs(cell) == {"en"}:
            assert not VIETNAMESE.search(text), f"{path.name} {cell.get('id')}: Vietnamese in an English cell"
        if cell_langs(cell) == {"vi"}:
            words = len(text.split())
            assert len(VIETNAMESE.findall(text)) > words / 10, f"{path.name} {cell.get('id')}: not Vietnamese"
            assert len(ENGLISH.findall(text)) <= 2, f"{path.name} {cell.get('id')}: English words in a Vietnamese cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_title_comes_from_the_pages_language_and_matches_the_reports_section(path):
    from vnjp.report import analysis_name

    runs = [r for r in _registry() if r.notebook == str(path.relative_to(ROOT))]
    assert runs
    section = runs[0].grid or analysis_name(runs[0])  # a grid's members share one section, named by the grid
    for lang in labels.LANGS:
        title = notebook_title(path, lang)
        assert title != path.stem
        assert labels.text(f"section_{section}", lang) == title
    assert notebook_title(path, "en") != notebook_title(path, "vi")


def _registry():
    import importlib.util

    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REGISTRY


def _first_line(cell: dict) -> str:
    """A line of the cell's text as the HTML shows it (markdown marks and code spans removed)."""
    for line in prose(cell).splitlines():
        line = re.sub(r"[*_#>]|^\s*[-*\d.]+\s", "", line).strip()
        if len(line) > 20 and "`" not in line:
            return line[:20]
    return ""


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", labels.LANGS)
def test_the_page_of_a_language_shows_only_that_languages_narrative(path, lang):
    page = notebook_fragment(path, lang)
    other = "vi" if lang == "en" else "en"
    shown = [_first_line(c) for c in markdown(path) if cell_langs(c) in ({lang}, set())]
    hidden = [_first_line(c) for c in markdown(path) if cell_langs(c) == {other}]
    assert all(line in page for line in shown if line)
    assert not [line for line in hidden if line and line in page]
    if lang == "vi":
        assert notebook_title(path, "en") not in page


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_table_a_notebook_shows_goes_through_the_display_helper(path):
    """A code cell whose last line is a bare DataFrame (``table``, ``df[[...]]``, ``pd.concat(...)``) prints
    raw pandas; tables must end in ``show(...)`` (or ``display(show(...))``)."""
    for cell in cells(path):
        if cell["cell_type"] != "code" or (cell.get("metadata") or {}).get("keep_output"):
            continue
        src = "".join(cell["source"])
        assert "display(" not in src.replace("display(show(", ""), f"{path.name} {cell.get('id')}: raw display()"
        assert "option_context" not in src
        code = [line for line in src.splitlines() if line.strip() and not line.strip().startswith("#")]
        statements = re.split(r"\n(?=\S)", "\n".join(code))
        last = statements[-1] if statements else ""
        raw = r"(pd\.(concat|DataFrame)\(|\w+(\[|\.loc\[|\.pivot\(|\.assign\(|\.set_index\(|\.value_counts\(|\.head\()|[\w.]+$)"  # also a bare attribute: y.table
        if re.match(raw, last) and last != "saved":
            pytest.fail(f"{path.name} {cell.get('id')}: shows a raw table: {last[:80]!r}")


# --------------------------------------------------------------------------- the runner renders the page


PAGE_PARAMS = 'lang = "en"'
TABLE = """
import pandas as pd
from vnjp.display import show
show(pd.DataFrame({"destination": ["JPN", None], "share": [0.5, float("nan")]}), lang)
"""


@pytest.fixture
def bilingual(project):
    path = project / "notebooks" / "bilingual.ipynb"
    nb = nbformat.read(project / "notebooks" / "ok.ipynb", as_version=4)
    nb.cells = [new_markdown_cell("# English title\n\nEnglish narrative about workers."),
                new_markdown_cell("# Tiêu đề tiếng Việt\n\nPhần chữ tiếng Việt về người lao động."),
                new_code_cell(PAGE_PARAMS), new_code_cell(TABLE),
                new_markdown_cell("Shown in both: a formula $x$.")]
    nb.cells[0].metadata["tags"] = ["lang-en"]
    nb.cells[1].metadata["tags"] = ["lang-vi"]
    nb.cells[2].metadata["tags"] = ["parameters"]
    nb.cells[4].metadata["vnjp"] = {"both_languages": "a formula"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"b{i}"
    nbformat.write(nb, path)
    return project


def test_the_runner_renders_each_runs_page_in_its_language(bilingual):
    runs = [Run(f"bi-{lang}", "notebooks/bilingual.ipynb", {"lang": lang}) for lang in labels.LANGS]
    assert main(runs, ["--no-report"], root=bilingual) == 0
    en = (bilingual / "build" / "runs" / "bi-en" / "notebook.html").read_text(encoding="utf-8")
    vi = (bilingual / "build" / "runs" / "bi-vi" / "notebook.html").read_text(encoding="utf-8")
    assert "English narrative" in en and "Phần chữ tiếng Việt" not in en
    assert "Phần chữ tiếng Việt" in vi and "English narrative" not in vi
    assert "Shown in both" in en and "Shown in both" in vi
    assert "Japan" in en and "50.0%" in en and "Nhật Bản" in vi and "50,0%" in vi
    for page in (en, vi):
        assert "NaN" not in page and "&lt;NA&gt;" not in page and "–" in page
    executed = bilingual / "build" / "runs" / "bi-vi" / "bilingual.ipynb"
    assert notebook_title(executed, "vi") == "Tiêu đề tiếng Việt"
    assert notebook_title(executed, "en") == "English title"
    # the language given wins over the run's parameter
    assert "English narrative" in notebook_fragment(executed, "en")
