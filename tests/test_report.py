"""The report assembled by run_all.py, on the fixture project: figures in reading order with
caption, alt text, source line and notebook; runs that failed, did not run or are out of date;
no resource from the network; --check and -p leave build/report alone."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, make_notebook

from vnjp import labels
from vnjp.figures import read_metadata
from vnjp.report import remote_resources, without_remote_resources
from vnjp.runner import Run, main

TWO_FIGURES = '''
from vnjp import data, figures
rows = data.load("departures")
for label in ("zeta", "beta"):  # saved in this order; the registry lists them in this order too
    fig, ax = figures.new_figure(f"Fixture {label} {lang}", "a subtitle")
    ax.bar(rows["destination"], rows["value"])
    figures.save(fig, f"fixture_{label}", lang, rows, alt=f"Bars of {label} in {lang}, {len(rows)} rows")
'''


def runs_for(lang):
    return Run(f"two-{lang}", "notebooks/two.ipynb", {"lang": lang}, ("fixture_zeta_{lang}", "fixture_beta_{lang}"),
               ("departures",))


FAIL = Run("fail-en", "notebooks/fail.ipynb", {"lang": "en"})
NEVER = Run("never-en", "notebooks/never.ipynb", {"lang": "en"})
REGISTRY = [runs_for("en"), runs_for("vi"), FAIL, NEVER]


def _use(monkeypatch, root):
    for var, sub in (("VNJP_DATA_DIR", "data"), ("VNJP_FIGURES_DIR", "figures"), ("VNJP_BUILD_DIR", "build")):
        monkeypatch.setenv(var, str(root / sub))


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """A fixture project whose registry has run once (fail-en fails; never-en was added afterwards)."""
    root = tmp_path_factory.mktemp("report") / "proj"
    shutil.copytree(FIXTURES / "data", root / "data")
    make_notebook(root / "notebooks" / "two.ipynb", 'lang = "en"  # language', TWO_FIGURES)
    make_notebook(root / "notebooks" / "fail.ipynb", 'lang = "en"', "x = 1", 'raise ValueError("deliberate failure")')
    make_notebook(root / "notebooks" / "never.ipynb", 'lang = "en"', "x = 1")
    for sub in ("figures", "build"):
        (root / sub).mkdir()
    with pytest.MonkeyPatch.context() as mp:
        _use(mp, root)
        assert main(REGISTRY[:3], [], root=root) == 1  # fail-en fails
        assert main(REGISTRY, ["--only", "two"], root=root) == 0  # the report covers the registry; nothing reruns
    return root


@pytest.fixture
def built(built_once, tmp_path, monkeypatch):
    """A copy of that project, for each test to change as it likes."""
    root = tmp_path / "proj"
    shutil.copytree(built_once, root)
    _use(monkeypatch, root)
    return root


def page(project, lang):
    return (project / "build" / "report" / lang / "index.html").read_text(encoding="utf-8")


def test_figures_in_reading_order_with_caption_alt_source_and_notebook(built):
    for lang in ("en", "vi"):
        text = page(built, lang)
        stems = re.findall(r'<figure id="([^"]+)"', text)
        assert stems == [f"fixture_zeta_{lang}", f"fixture_beta_{lang}"]  # registry order, not alphabetical
        for stem in stems:
            meta = read_metadata(built / "figures" / f"{stem}.png")
            shown = built / "build" / "report" / "figures" / f"{stem}.png"
            assert shown.read_bytes() == (built / "figures" / f"{stem}.png").read_bytes()
            assert (shown.with_suffix(".svg")).exists()
            figure = text.split(f'<figure id="{stem}">')[1].split("</figure>")[0]
            assert f'alt="{meta["Description"]}"' in figure and meta["Description"].startswith("Bars of")
            assert meta["Title"] in figure and meta["Title"].startswith("Fixture")
            listed = re.findall(r'<code class="sid">([^<]+)</code>', figure)
            assert listed == ["press", "stats"]  # every source the figure cites, once, from the PNG's id list
            assert figure.count('href="https://example.org/press"') == 1 and "Statistics body" in figure
            assert f'href="../data/{stem}.csv"' in figure
            assert (built / "build" / "report" / "data" / f"{stem}.csv").read_bytes() == \
                (built / "build" / "runs" / f"two-{lang}" / "tables" / f"{stem}.csv").read_bytes()
        assert f'<html lang="{lang}">' in text
        assert f'href="../notebooks/two-{lang}.html"' in text
        assert "<h2>Fixture notebook</h2>" in text  # the notebook's first heading titles its section
        other = "vi" if lang == "en" else "en"
        assert f'href="../{other}/index.html"' in text


def test_notebook_pages_hide_code_and_keep_results(built):
    nb = (built / "build" / "report" / "notebooks" / "two-en.html").read_text(encoding="utf-8")
    assert "Fixture notebook" in nb and 'href="../en/index.html#two"' in nb
    assert "figures.save(" not in nb  # input hidden
    assert "lang=&#x27;en&#x27;" in nb  # the run's parameters are stated


def test_failed_and_unrun_runs_say_so(built):
    text = page(built, "en")
    failed = text.split('<section id="fail">')[1].split("</section>")[0]
    assert html.escape(labels.text("report_status_failed", "en", cell="4", error="ValueError: deliberate failure")) \
        in failed
    assert 'href="../notebooks/fail-en.html"' in failed
    banner = (built / "build" / "report" / "notebooks" / "fail-en.html").read_text(encoding="utf-8")
    assert "deliberate failure" in banner
    never = text.split('<section id="never">')[1].split("</section>")[0]
    assert html.escape(labels.text("report_status_missing", "en")) in never and "<figure" not in never
    assert "never" not in page(built, "vi")  # an English-only run has no Vietnamese section


def test_out_of_date_runs_show_no_figures(built):
    csv = built / "data" / "departures.csv"
    csv.write_text(csv.read_text().replace(",300,", ",299,"))
    assert main(REGISTRY, ["--only", "fail"], root=built) == 1  # the report is reassembled for the registry
    text = page(built, "en")
    stale = text.split('<section id="two">')[1].split("</section>")[0]
    assert html.escape(labels.text("report_stale_inputs", "en")) in stale and "<figure" not in stale


def test_no_resource_from_the_network_and_every_link_resolves(built):
    report = built / "build" / "report"
    files = sorted(report.rglob("*.html"))
    assert len(files) == 1 + 2 + 3  # chooser, two languages, three executed notebooks
    assert sorted(p.name for p in (report / "data").iterdir()) == sorted(
        f"fixture_{x}_{lang}.csv" for x in ("zeta", "beta") for lang in ("en", "vi"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert remote_resources(text) == [], path
        assert not re.search(r"""<(?!a\s)[a-z]+\s[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", text), path
        assert "<script" not in text
        for target in re.findall(r'(?:src|href)="([^"#]+)', text):
            if re.match(r"https?://", target):  # a source's page: a link to click, never loaded (above)
                assert re.search(rf'<a href="{re.escape(target)}"', text), (path, target)
                continue
            assert (path.parent / target).resolve().exists(), (path, target)


def test_remote_resources_are_found_and_blocked():
    page_text = ('<p><a href="https://example.org/source">a source to click</a></p>'
                 '<img src="https://example.org/x.png"><script src="//cdn.example/x.js"></script>'
                 '<link rel="stylesheet" href="http://cdn.example/s.css"><img srcset="a.png 1x, https://e.org/b.png 2x">'
                 '<div style="background: url(https://e.org/bg.png)"></div><style>@import "https://e.org/f.css";</style>'
                 '<img src="data:image/png;base64,AAAA"><img src="../figures/local.png">')
    found = remote_resources(page_text)
    assert len(found) == 6 and not any("example.org/source" in f for f in found)
    cleaned, blocked = without_remote_resources(page_text.replace('<div style="background: url(https://e.org/bg.png)">'
                                                                  "</div><style>@import \"https://e.org/f.css\";"
                                                                  "</style>", ""))
    assert len(blocked) == 4 and remote_resources(cleaned) == []
    assert 'href="https://example.org/source"' in cleaned and 'data-blocked-src="https://example.org/x.png"' in cleaned


def test_unchanged_inputs_leave_the_report_as_it_is(built, capsys):
    index = built / "build" / "report" / "en" / "index.html"
    before = index.stat().st_mtime_ns
    assert main(REGISTRY, ["--only", "two"], root=built) == 0
    assert "report (unchanged, 4 figures)" in capsys.readouterr().out
    assert index.stat().st_mtime_ns == before


def test_check_and_overrides_leave_build_report_alone(built, tmp_path, capsys):
    index = built / "build" / "report" / "en" / "index.html"
    before = index.read_bytes()
    assert main(REGISTRY[:2], ["--check"], root=built) == 0
    assert main(REGISTRY[:2], ["-p", "lang", "en", "--only", "two-en"], root=built) == 0
    assert "report not assembled: -p overrides" in capsys.readouterr().err
    assert index.read_bytes() == before
    # --check --report DIR: the report of what the check regenerated
    assert main(REGISTRY[:2], ["--check", "--report", str(tmp_path / "checked")], root=built) == 0
    checked = (tmp_path / "checked" / "en" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<figure id="([^"]+)"', checked) == ["fixture_zeta_en", "fixture_beta_en"]
    assert Path(tmp_path / "checked" / "figures" / "fixture_zeta_en.png").read_bytes() == \
        (built / "figures" / "fixture_zeta_en.png").read_bytes()


def test_every_analysis_has_a_section_title_in_both_languages_matching_its_notebook():
    """The index of each language shows the notebook's heading in that language as the section title."""
    import importlib.util

    from vnjp import labels
    from vnjp.report import analysis_name, notebook_title

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("run_all", root / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for run in module.REGISTRY:
        key = f"section_{run.grid or analysis_name(run)}"  # a grid's members share their grid's title
        assert key in labels.TEXT, f"add '{key}' to src/vnjp/texts/report.py"
        for lang in labels.LANGS:
            assert labels.text(key, lang) == notebook_title(root / run.notebook, lang)
