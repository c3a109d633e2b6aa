"""What a reader of the report can follow: each figure's sources listed once with links (never a broken
id), its data as CSV, tables a run writes (the claims check's verdicts), the colophon (data as of,
commit, how to cite) and counts in the right number."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURES, make_notebook

from vnjp import labels, report, tables
from vnjp.runner import Run, main

LONG_ID = "gugo-vn-200810-with-a-very-long-hyphenated-source-identifier"

ONE_FIGURE = '''
from vnjp import data, figures, tables
rows = data.load("departures")
fig, ax = figures.new_figure(f"One figure {lang}", "a subtitle")
ax.bar(rows["destination"], rows["value"])
figures.save(fig, "single", lang, rows, alt=f"Bars in {lang}", note="Shares computed from the counts.")
tables.save_table(rows[["destination", "value", "source_id"]], f"extra_{lang}", f"Extra table {lang}")
'''


def _project(root):
    shutil.copytree(FIXTURES / "data", root / "data")
    with open(root / "data" / "sources.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            [LONG_ID, "Outlet not named in the seed file (report on the MOLISA–MHLW workshop)", "",
             "https://example.org/long", "2025-06", "vi", "press_report", "medium", "fixture", "source_pack"])
    deps = root / "data" / "departures.csv"
    deps.write_text(deps.read_text() + f"workers_sent,KOR,all,full_year,2023-01-01,2023-12-31,50,,exact,final,{LONG_ID},x\n")
    make_notebook(root / "notebooks" / "one.ipynb", 'lang = "en"', ONE_FIGURE)
    for sub in ("figures", "build"):
        (root / sub).mkdir()


REGISTRY = [Run(f"one-{lang}", "notebooks/one.ipynb", {"lang": lang}, ("single_{lang}",), ("departures",))
            for lang in ("en", "vi")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("readers") / "proj"
    _project(root)
    with pytest.MonkeyPatch.context() as mp:
        for var, sub in (("VNJP_DATA_DIR", "data"), ("VNJP_FIGURES_DIR", "figures"), ("VNJP_BUILD_DIR", "build")):
            mp.setenv(var, str(root / sub))
        mp.delenv("VNJP_TABLES_DIR", raising=False)
        assert main(REGISTRY, [], root=root) == 0
    return root


def _page(root, lang):
    return (root / "build" / "report" / lang / "index.html").read_text(encoding="utf-8")


def test_no_broken_or_unknown_id_anywhere_in_the_report(built):
    out = built / "build" / "report"
    catalogue = report.load_sources(built / "data")
    assert report.id_problems(out, catalogue) == []
    for lang in ("en", "vi"):
        text = _page(built, lang)
        listed = re.findall(r'<code class="sid">([^<]+)</code>', text)
        assert sorted(listed) == sorted([LONG_ID, "press", "stats"])  # every cited id, whole, once
        assert text.count('href="https://example.org/long"') == 1
    # and the checker does find a wrapped id or an unknown one
    broken = out.parent / "broken"
    shutil.copytree(out, broken)
    page = broken / "en" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1>", "<h1>gugo-\nvn-200810 ", 1), encoding="utf-8")
    assert any("hyphen" in p for p in report.id_problems(broken, catalogue))
    assert any("not in data/sources.csv" in p for p in report.id_problems(broken, {"press": {}, "stats": {}}))


def test_vietnamese_page_names_publishers_in_vietnamese(built):
    vi, en = _page(built, "vi"), _page(built, "en")
    assert "báo không rõ tên" in vi and "Outlet not named" not in vi
    assert "Outlet not named in the seed file" in en  # the English list keeps the full description
    assert "6/2025" in vi and "Jun 2025" in en


def test_figure_note_and_csv_link_and_extra_table(built):
    for lang in ("en", "vi"):
        text = _page(built, lang)
        figure = text.split(f'<figure id="single_{lang}">')[1].split("</figure>")[0]
        assert '<p class="note">Shares computed from the counts.</p>' in figure
        assert f'<a href="../data/single_{lang}.csv"' in figure
        assert f'<caption>Extra table {lang}</caption>' in text and f'href="../data/extra_{lang}.csv"' in text
        shown = (built / "build" / "report" / "data" / f"single_{lang}.csv").read_text(encoding="utf-8")
        assert LONG_ID in shown and "https://example.org/long" in shown
        assert f"({labels.text('report_figures_count_one', lang, n=1)})" in text
    assert "(1 figure)" in _page(built, "en") and "(1 figures)" not in _page(built, "en")


def test_figures_count_in_both_languages():
    assert [report.figures_count(n, "en") for n in (0, 1, 2, 11)] == ["0 figures", "1 figure", "2 figures", "11 figures"]
    assert [report.figures_count(n, "vi") for n in (1, 2)] == ["1 biểu đồ", "2 biểu đồ"]


def test_colophon_outside_git_and_in_a_clean_and_a_modified_tree(built, tmp_path):
    info = report.colophon(tmp_path, built / "data")  # tmp_path is no git repository
    assert info.commit == "unknown" and info.as_of == "2025-06" and info.sources == 4
    page = _page(built, "en")
    assert labels.text("report_commit_unknown", "en") in page and "Data as of Jun 2025" in page
    assert "How to cite" in page and "Cách trích dẫn" in _page(built, "vi")
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.email=t@example.org", "-c", "user.name=t"]
    (repo / "a.txt").write_text("a")
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "a"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    clean = report.colophon(repo, built / "data")
    assert (clean.commit, clean.modified) == (head, False)
    assert "modified" not in report.colophon_html(clean, "en") and head[:12] in report.colophon_html(clean, "en")
    (repo / "a.txt").write_text("b")
    dirty = report.colophon(repo, built / "data")
    assert dirty.modified and ", modified" in report.colophon_html(dirty, "en")
    assert "đã sửa đổi" in report.colophon_html(dirty, "vi")


def test_a_new_commit_reassembles_the_report(built, monkeypatch):
    """The colophon is part of what the report is made from: it is rewritten when the commit changes."""
    out = built / "build" / "report"
    calls = []
    real = report.colophon
    monkeypatch.setattr(report, "colophon", lambda root, data_dir: calls.append(1) or
                        report.Colophon("2025-06", 4, "f" * 40, False))
    for var, sub in (("VNJP_DATA_DIR", "data"), ("VNJP_FIGURES_DIR", "figures"), ("VNJP_BUILD_DIR", "build")):
        monkeypatch.setenv(var, str(built / sub))
    result = report.assemble(REGISTRY, root=built, build=built / "build", figures=built / "figures",
                             data_dir=built / "data", out=out)
    assert result.rebuilt and calls and "f" * 12 in _page(built, "en")
    monkeypatch.setattr(report, "colophon", real)


def test_verdict_table_has_every_claim_and_the_columns_a_reader_needs(tmp_path):
    table = pd.DataFrame({
        "claim_id": ["c1", "c2"], "source_id": ["seed-000", "seed-001"], "claim_en": ["A & B <x>", "C"],
        "stated": ["50%", "345,000"], "data": ["48.1% [a-b]", ""], "arithmetic": ["48.1 < 50 ✗", ""],
        "verdict": ["not_supported", "no_data"], "data_source_ids": [["a-b", "c"], []], "extra": [1, 2]})
    rows = tables.verdict_rows(table, "vi")
    assert list(rows.columns) == list(tables.VERDICT_COLUMNS)
    assert rows["verdict"].tolist() == [labels.text("verdict_not_supported", "vi"), labels.text("verdict_no_data", "vi")]
    assert rows["sources"].tolist() == ["a-b; c", ""]
    csv_path, html_path = tables.save_verdicts(table, "en", directory=tmp_path)
    first = (csv_path.read_bytes(), html_path.read_bytes())
    tables.save_verdicts(table.copy(), "en", directory=tmp_path)
    assert (csv_path.read_bytes(), html_path.read_bytes()) == first  # byte-stable
    with open(csv_path, encoding="utf-8", newline="") as fh:
        back = list(csv.DictReader(fh))
    assert [r["claim_id"] for r in back] == ["c1", "c2"] and back[0]["claim"] == "A & B <x>"
    fragment = html_path.read_text(encoding="utf-8")
    assert "A &amp; B &lt;x&gt;" in fragment and "<script" not in fragment and fragment.count("<tr>") == 3
    with pytest.raises(KeyError, match="data_source_ids"):
        tables.verdict_rows(table.drop(columns="data_source_ids"), "en")


# --------------------------------------------------------------------------- the PDF


def test_pdf_per_language_every_figure_linked_sources(built):
    out = built / "build" / "report"
    for lang in ("en", "vi"):
        data = (out / f"report-{lang}.pdf").read_bytes()
        assert data.startswith(b"%PDF-")
        assert b"/CreationDate" not in data and b"/ModDate" not in data
        assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>") >= 2
        assert b"/URI (https://example.org/long)" in data and b"/URI (https://example.org/press)" in data
        assert f'href="../report-{lang}.pdf"'.encode() in (out / lang / "index.html").read_bytes()


def test_pdf_is_byte_stable_and_sets_vietnamese_without_missing_glyphs(built, tmp_path):
    import warnings

    from vnjp import pdf

    sections = [report.section_of(r, root=built, build=built / "build", figures=built / "figures",
                                  data_dir=built / "data") for r in REGISTRY]
    for s in sections:
        for fig in s.figures:
            png = built / "figures" / f"{fig.stem}.png"
            fig.meta = report.read_metadata(png)
            fig.sources = report.png_text(png)[report.SOURCES_KEY].split()
            fig.note = report.png_text(png)[report.NOTE_KEY]
    catalogue = report.load_sources(built / "data")
    info = report.colophon(tmp_path, built / "data")
    with warnings.catch_warnings():
        # "Glyph … missing from font(s)" fails here; other warnings (e.g. layout notes left by figures of
        # earlier tests in the same process) are not this test's business
        warnings.filterwarnings("error", message=r"(?s).*[Gg]lyph.*missing")
        for attempt in ("a", "b"):
            (tmp_path / attempt).mkdir()
            pdf.write_pdf(tmp_path / attempt / "vi.pdf", "vi", [s for s in sections if s.lang == "vi"], catalogue,
                          info, built / "figures")
    first = (tmp_path / "a" / "vi.pdf").read_bytes()
    assert first == (tmp_path / "b" / "vi.pdf").read_bytes()
    assert b"/Type /Page" in first and len(first) > 10_000
    # two assemblies of the report, as two runs of run_all.py would make them: the same bytes
    made = [report.assemble(REGISTRY, root=built, build=built / "build", figures=built / "figures",
                            data_dir=built / "data", out=tmp_path / f"report-{i}") for i in (1, 2)]
    assert all(m.rebuilt for m in made)
    for lang in ("en", "vi"):
        assert (tmp_path / "report-1" / f"report-{lang}.pdf").read_bytes() == \
            (tmp_path / "report-2" / f"report-{lang}.pdf").read_bytes()
    assert (tmp_path / "a" / "vi.pdf").stat().st_mode & 0o044 == 0o044  # readable by others
    assert not [p for p in (tmp_path / "a").iterdir() if p.name.startswith(".")]


def test_pdf_entries_keep_ids_whole_and_encode_what_the_font_cannot_draw():
    from vnjp import pdf

    catalogue = {"a-b-c": {"publisher": "VIETJO (viet-jo.com), citing ISA", "title": "日本語（技能）",
                           "url": "https://zh.example.org/日本-post1.vnp", "published": "2024-03-05", "language": "ja"}}
    [(text, url)] = pdf.source_entries(["a-b-c"], catalogue, "en")
    assert text.startswith("VIETJO, 5 Mar 2024: https://zh.example.org/%E6%97%A5%E6%9C%AC-post1.vnp [a-b-c]")
    assert url == "https://zh.example.org/%E6%97%A5%E6%9C%AC-post1.vnp"
    assert pdf.source_entries(["nope"], catalogue, "vi")[0][0].startswith("[nope]")


def test_pdfs_are_written_one_language_per_process_and_a_failing_child_is_an_error(tmp_path, monkeypatch):
    """report.write_pdfs forks for every language but the first; each child's file is there afterwards,
    and a child that fails makes the assembly fail (naming the file), as a failure in the parent would."""
    from vnjp import pdf

    def fake(path, lang, *rest):
        if lang == "xx":
            raise ValueError("deliberate")
        Path(path).write_text(f"{lang} {os.getpid()}")

    monkeypatch.setattr(pdf, "write_pdf", fake)
    report.write_pdfs([(tmp_path / "a.pdf", "en"), (tmp_path / "b.pdf", "vi")])
    pids = {p.name: p.read_text().split()[1] for p in tmp_path.glob("*.pdf")}
    assert sorted(pids) == ["a.pdf", "b.pdf"] and pids["a.pdf"] == str(os.getpid()) != pids["b.pdf"]
    with pytest.raises(RuntimeError, match="c.pdf"):
        report.write_pdfs([(tmp_path / "a.pdf", "en"), (tmp_path / "c.pdf", "xx")])


# --------------------------------------------------------------------------- the PDF, rewritten only when what it draws changed


def _copy_project(built, tmp_path, monkeypatch):
    root = tmp_path / "proj"
    shutil.copytree(built, root)
    for var, sub in (("VNJP_DATA_DIR", "data"), ("VNJP_FIGURES_DIR", "figures"), ("VNJP_BUILD_DIR", "build")):
        monkeypatch.setenv(var, str(root / sub))
    return root


def _assemble(root, out=None):
    return report.assemble(REGISTRY, root=root, build=root / "build", figures=root / "figures",
                           data_dir=root / "data", out=out or root / "build" / "report")


def _pdfs(out):
    return {lang: (out / f"report-{lang}.pdf").read_bytes() for lang in ("en", "vi")}


def _repaint(root, stem, red=255):
    """Change one pixel of figures/<stem>.png (keeping its text chunks) and vouch for it in the run's record,
    as a rerun that drew a slightly different figure would."""
    import hashlib
    import json

    from PIL import Image, PngImagePlugin

    png = root / "figures" / f"{stem}.png"
    with Image.open(png) as image:
        text, pixels = dict(image.text), image.copy()
    pixels.putpixel((3, 3), (red, 0, 0, 255) if pixels.mode == "RGBA" else (red, 0, 0))
    info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        info.add_itxt(key, value)
    pixels.save(png, pnginfo=info)
    record_path = root / "build" / "runs" / f"one-{stem.rsplit('_', 1)[1]}" / "run.json"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    record["figures"][png.name] = hashlib.sha256(png.read_bytes()).hexdigest()
    record_path.write_text(json.dumps(record), encoding="utf-8")


def test_pdf_is_rewritten_only_when_what_it_draws_changed(built, tmp_path, monkeypatch):
    import json

    root = _copy_project(built, tmp_path, monkeypatch)
    out = root / "build" / "report"
    written, real = [], report.write_pdfs
    monkeypatch.setattr(report, "write_pdfs", lambda jobs: written.append(sorted(j[1] for j in jobs)) or real(jobs))
    _assemble(root)  # as this process sees it (an earlier test may have assembled it with another colophon)
    written.clear()
    before = _pdfs(out)
    # a run record changed (what --force leaves: new durations) but no figure, text or source did
    record_path = root / "build" / "runs" / "one-en" / "run.json"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    record["seconds"] = (record.get("seconds") or 0) + 1.5
    record_path.write_text(json.dumps(record), encoding="utf-8")
    made = _assemble(root)
    assert made.rebuilt and written == [[]] and made.pdfs_reused == ["en", "vi"]
    assert _pdfs(out) == before and "PDF unchanged: en, vi" in made.summary()
    # the English figure changed: the English PDF is rewritten, the Vietnamese one copied
    _repaint(root, "single_en")
    made = _assemble(root)
    assert written[-1] == ["en"] and made.pdfs_reused == ["vi"]
    after = _pdfs(out)
    assert after["en"] != before["en"] and after["vi"] == before["vi"]
    # byte-stable: the same report written from scratch gives the same files
    fresh = _assemble(root, tmp_path / "fresh")
    assert written[-1] == ["en", "vi"] and fresh.pdfs_reused == []
    assert _pdfs(tmp_path / "fresh") == after
    # a PDF changed since it was written is not trusted: it is written again
    (out / "report-vi.pdf").write_bytes(b"%PDF-1.4 tampered")
    _repaint(root, "single_en", red=200)
    made = _assemble(root)
    assert written[-1] == ["en", "vi"] and _pdfs(out)["vi"] == before["vi"]


def test_pdf_inputs_follow_figures_sources_texts_and_colophon(built):
    sections = [report.section_of(r, root=built, build=built / "build", figures=built / "figures",
                                  data_dir=built / "data") for r in REGISTRY]
    for s in sections:
        for fig in s.figures:
            png = built / "figures" / f"{fig.stem}.png"
            fig.meta = report.read_metadata(png)
            fig.sources = report.png_text(png)[report.SOURCES_KEY].split()
            fig.note = report.png_text(png)[report.NOTE_KEY]
    catalogue = report.load_sources(built / "data")
    info = report.Colophon("2025-06", 4, "a" * 40, False)
    en = [s for s in sections if s.lang == "en"]

    def key(**change):
        return report.pdf_inputs(change.get("lang", "en"), change.get("sections", en), change.get("catalogue", catalogue),
                                 change.get("info", info), built / "figures")

    base = key()
    assert key() == base  # a function of its inputs only
    cited = en[0].figures[0].sources[0]
    uncited = {**catalogue, "not-cited-anywhere": {"title": "x"}}
    retitled = {**catalogue, cited: {**catalogue[cited], "title": catalogue[cited]["title"] + " (revised)"}}
    assert key(catalogue=uncited) == base  # a source no figure of the PDF cites does not draw
    assert key(catalogue=retitled) != base
    assert key(info=report.Colophon("2025-06", 4, "b" * 40, False)) != base  # the colophon names the commit
    assert key(info=report.Colophon("2025-06", 4, "a" * 40, True)) != base
    assert key(lang="vi", sections=[s for s in sections if s.lang == "vi"]) != base
    import copy

    edited = copy.deepcopy(en)
    edited[0].figures[0].meta = {**edited[0].figures[0].meta, "Description": "another alt text"}
    assert key(sections=edited) != base
    edited = copy.deepcopy(en)
    edited[0].figures[0].note = "another note"
    assert key(sections=edited) != base
    edited = copy.deepcopy(en)
    edited[0].title = "Another title"
    assert key(sections=edited) != base
