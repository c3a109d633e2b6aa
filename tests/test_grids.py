"""Grids in the registry (vnjp.runner.grid): expansion into runs of their own, unique figure files across
the whole registry, --only by grid or member, the cache per member, -p overrides, the report's grid page,
and the registered grid's years against the data's."""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SAVE_FIGURE, make_notebook

from vnjp import labels, params
from vnjp.runner import ParameterError, figure_clashes, format_registry, grid, in_both_languages, main, select

ROOT = Path(__file__).resolve().parents[1]


def run_all_module():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def registry():
    return run_all_module().REGISTRY


# --------------------------------------------------------------------------- expansion


def test_a_grid_is_one_run_per_value_and_language_in_order():
    runs = grid("g", "notebooks/g.ipynb", {"top_n": 5}, over={"year": (2016, 2002, 2009)},
                figures=("g_{year}_bars_{lang}",), data=("departures",))
    assert [r.name for r in runs] == ["g-2002-en", "g-2002-vi", "g-2009-en", "g-2009-vi", "g-2016-en", "g-2016-vi"]
    assert runs[-1].parameters == {"top_n": 5, "year": 2016, "lang": "vi"}
    assert {r.grid for r in runs} == {"g"} and [r.member for r in runs[::2]] == ["2002", "2009", "2016"]
    assert runs[0].figure_files() == ["g_2002_bars_en.png", "g_2002_bars_en.svg"]
    assert runs[0].data == ("departures",) and runs[0].notebook == "notebooks/g.ipynb"


def test_a_grid_over_two_parameters_names_both():
    runs = grid("g", "n.ipynb", over={"year": (2020, 2021), "top_n": (3,)}, figures=("g_{year}_{top_n}_{lang}",))
    assert [r.name for r in runs] == ["g-2020-3-en", "g-2020-3-vi", "g-2021-3-en", "g-2021-3-vi"]


@pytest.mark.parametrize("over, figures, words", [
    ({"year": (2020, 2021)}, ("g_fixed_{lang}",), "does not name year"),  # every member would write one file
    ({"year": (2020, 2021)}, ("g_{year}",), "does not name lang"),
    ({"year": ()}, ("g_{year}_{lang}",), "no values"),
    ({}, ("g_{lang}",), "no values"),
    ({"year": (2020, 2020)}, ("g_{year}_{lang}",), "values repeat"),
    ({"label": ("a b",)}, ("g_{label}_{lang}",), "cannot be part of a run name"),
])
def test_a_grid_that_cannot_work_is_refused(over, figures, words):
    with pytest.raises(ValueError, match=words):
        grid("g", "n.ipynb", over=over, figures=figures)


def test_no_two_runs_of_the_registry_write_the_same_file_or_share_a_name():
    runs = registry()
    assert figure_clashes(runs) == []
    files = [f for r in runs for f in r.figure_files()]
    assert len(files) == len(set(files))
    # notebook 02's year (2023) is also a grid member: their files must differ
    assert "destinations_2023_markets_en.png" in files and "destinations_year_2023_markets_en.png" in files


def test_a_clash_is_found_and_stops_run_all_before_anything_runs(tmp_path, capsys):
    a = in_both_languages("a", "notebooks/a.ipynb", {"year": 2016}, figures=("destinations_year_{year}_markets_{lang}",))
    runs = [*registry(), *a]
    problems = figure_clashes(runs)
    assert problems and all("destinations_year_2016_markets" in p for p in problems)
    assert "'destinations-year-2016-en' and 'a-en' both write figures/destinations_year_2016_markets_en.png" \
        in problems[0]
    assert figure_clashes([*registry(), registry()[0]]) == [f"two runs are named '{registry()[0].name}'"]
    assert main(runs, ["--list"]) == 2
    assert "the registry cannot run" in capsys.readouterr().err


def test_the_registered_grid():
    module = run_all_module()
    members = [r for r in module.REGISTRY if r.grid == "destinations-year"]
    assert len(members) == 2 * len(module.MARKET_YEARS)
    names = [r.name for r in members]
    assert "destinations-year-2016-vi" in names
    assert [r.parameters["year"] for r in members[::2]] == sorted(module.MARKET_YEARS)
    assert {r.notebook for r in members} == {"notebooks/07_destinations_by_year.ipynb"}
    for r in members:  # only the year's figures: nothing over time (notebook 02 draws those)
        assert r.figure_files() == sorted(f"destinations_year_{r.parameters['year']}_{part}_{r.parameters['lang']}{ext}"
                                          for part in ("markets", "japan_share", "plan") for ext in (".png", ".svg"))


# --------------------------------------------------------------------------- the grid's values are the data's


def _market_years_from_tables() -> list[int]:
    """Independently of vnjp.params: the years whose departures.markets() table has rows."""
    from vnjp import departures

    rows = departures.headline_rows()
    years = params.year_set("departures_total")
    return [y for y in years if len(departures.markets(y, rows))]


def test_the_grid_runs_every_year_the_data_has_a_breakdown_by_market_for():
    """A year added to data/departures.csv with counts by market must be added to MARKET_YEARS (and
    run): this fails until it is."""
    declared = sorted(run_all_module().MARKET_YEARS)
    assert declared == list(params.year_set("departures_markets"))
    assert declared == _market_years_from_tables()


def test_the_year_set_grows_with_the_data(tmp_path, monkeypatch):
    """The year set the test above compares with is computed from data/, not typed: a market row added
    for a year with a total but no breakdown (2024) adds that year."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    csv = tmp_path / "data" / "departures.csv"
    source = next(line.split(",")[10] for line in csv.read_text().splitlines()[1:] if ",ALL,all,full_year,2024-" in line)
    csv.write_text(csv.read_text() + f"workers_sent,JPN,all,full_year,2024-01-01,2024-12-31,70000,,exact,final,{source},"
                                      "test row\n")
    monkeypatch.setenv("VNJP_DATA_DIR", str(tmp_path / "data"))
    params.clear_cache()
    try:
        years = params.year_set("departures_markets")
        assert 2024 in years and 2024 not in run_all_module().MARKET_YEARS
    finally:
        monkeypatch.undo()
        params.clear_cache()


# --------------------------------------------------------------------------- selection and --list


def test_only_selects_a_grid_a_member_or_one_language():
    runs = registry()
    whole = select(runs, ["destinations-year"])
    assert len(whole) == 2 * len(run_all_module().MARKET_YEARS) and {r.grid for r in whole} == {"destinations-year"}
    assert [r.name for r in select(runs, ["destinations-year-2016"])] == ["destinations-year-2016-en",
                                                                          "destinations-year-2016-vi"]
    assert [r.name for r in select(runs, ["destinations-year-2016-vi"])] == ["destinations-year-2016-vi"]
    vi = select(runs, ["destinations-year-vi"])
    assert len(vi) == len(whole) // 2 and {r.parameters["lang"] for r in vi} == {"vi"}
    assert [r.name for r in select(runs, ["destinations"])] == ["destinations-en", "destinations-vi"]  # not the grid
    assert len(select(runs, ["destinations-year", "destinations-year-2016-en"])) == len(whole)  # no run twice
    for wrong in ("destinations-year-1990", "destinations-yea", "destinations-year-2016-ja"):
        with pytest.raises(ParameterError, match="no run named"):
            select(runs, [wrong])


def test_list_shows_the_grid_once_with_its_members():
    text = format_registry(registry())
    years = run_all_module().MARKET_YEARS
    assert text.count("destinations-year  (grid: ") == 1
    assert f"(grid: {2 * len(years)} runs = {len(years)} members x 2 languages)" in text
    assert "destinations_year_{year}_markets_{lang}" in text
    assert "members:    destinations-year-<year>-<en|vi>" in text and ", ".join(map(str, years)) in text
    assert "destinations-year-2016-en\n" not in text  # no block per member
    assert len(text.splitlines()) < 150


# --------------------------------------------------------------------------- a grid on the fixture project

BODY = 'if label == "b":\n    raise ValueError("deliberate failure of b")\n' + SAVE_FIGURE


def fixture_grid(values=("c", "a", "b")):
    return grid("g", "notebooks/g.ipynb", over={"label": values}, figures=("fixture_{label}_{lang}",),
                data=("departures",))


def _use(monkeypatch, root):
    for var, sub in (("VNJP_DATA_DIR", "data"), ("VNJP_FIGURES_DIR", "figures"), ("VNJP_BUILD_DIR", "build")):
        monkeypatch.setenv(var, str(root / sub))


@pytest.fixture(scope="module")
def ran_once(tmp_path_factory):
    """A fixture project whose registry (a plain run and a grid of three, member b failing) has run once."""
    root = tmp_path_factory.mktemp("grids") / "proj"
    shutil.copytree(FIXTURES / "data", root / "data")
    make_notebook(root / "notebooks" / "g.ipynb", 'label = "a"  # figure name\nlang = "en"', BODY)
    for sub in ("figures", "build"):
        (root / sub).mkdir()
    with pytest.MonkeyPatch.context() as mp:
        _use(mp, root)
        assert main(fixture_grid(), ["--jobs", "2"], root=root) == 1  # b fails, a and c do not
    return root


@pytest.fixture
def project_run(ran_once, tmp_path, monkeypatch):
    root = tmp_path / "proj"
    shutil.copytree(ran_once, root)
    _use(monkeypatch, root)
    return root


def records(root):
    import json

    return {p.parent.name: json.loads(p.read_text()) for p in sorted((root / "build" / "runs").glob("*/run.json"))}


def test_a_members_failure_does_not_block_the_others(project_run):
    rec = records(project_run)
    assert sorted(rec) == ["g-a-en", "g-a-vi", "g-b-en", "g-b-vi", "g-c-en", "g-c-vi"]  # a record per member
    assert {n: r["status"] for n, r in rec.items()} == {"g-a-en": "ok", "g-a-vi": "ok", "g-b-en": "failed",
                                                       "g-b-vi": "failed", "g-c-en": "ok", "g-c-vi": "ok"}
    assert sorted(p.name for p in (project_run / "figures").iterdir()) == sorted(
        f"fixture_{x}_{lang}{ext}" for x in "ac" for lang in ("en", "vi") for ext in (".png", ".svg"))
    assert len({r["key"] for r in rec.values()}) == 6  # a cache entry of its own


def test_changing_nothing_reruns_nothing_and_a_fix_reruns_only_the_failed_member(project_run, capsys):
    capsys.readouterr()
    assert main(fixture_grid(), ["--no-report"], root=project_run) == 1  # b still fails ...
    out = capsys.readouterr().out
    status = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:] if line.startswith("g-")}
    assert status == {"g-a-en": "skipped", "g-a-vi": "skipped", "g-b-en": "failed", "g-b-vi": "failed",
                      "g-c-en": "skipped", "g-c-vi": "skipped"}  # ... and is retried; a and c are not rerun
    figures = {p.name: p.stat().st_mtime_ns for p in (project_run / "figures").iterdir()}
    # a value added to the grid runs only the new member
    assert main(fixture_grid(("c", "a", "d")), ["--no-report"], root=project_run) == 0
    out = capsys.readouterr().out
    status = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:] if line.startswith("g-")}
    assert status == {"g-a-en": "skipped", "g-a-vi": "skipped", "g-c-en": "skipped", "g-c-vi": "skipped",
                      "g-d-en": "ok", "g-d-vi": "ok"}
    assert all((project_run / "figures" / name).stat().st_mtime_ns == t for name, t in figures.items())


def test_only_runs_a_member_and_an_override_goes_to_build_overrides(project_run, capsys):
    before = {p.name: p.read_bytes() for p in (project_run / "figures").iterdir()}
    capsys.readouterr()
    assert main(fixture_grid(), ["--only", "g-a-vi", "--force", "--no-report"], root=project_run) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("g-")]
    assert [line.split()[:2] for line in lines] == [["g-a-vi", "ok"]]
    assert main(fixture_grid(), ["--only", "g-a-en", "-p", "label", "z"], root=project_run) == 0
    out = capsys.readouterr().out
    folders = list((project_run / "build" / "overrides").iterdir())
    assert [f.name[:len("g-a-en-")] for f in folders] == ["g-a-en-"]
    assert sorted(p.name for p in (folders[0] / "figures").iterdir()) == ["fixture_z_en.png", "fixture_z_en.svg"]
    assert f"figures and notebook of g-a-en with -p overrides: {folders[0]}" in out
    assert {p.name: p.read_bytes() for p in (project_run / "figures").iterdir()} == before


def test_the_report_shows_a_grid_on_one_page_with_its_members_in_order(project_run):
    report = project_run / "build" / "report"
    for lang in ("en", "vi"):
        index = (report / lang / "index.html").read_text(encoding="utf-8")
        assert index.count('href="g.html"') == 1  # the index links the grid's page once
        assert "<figure" not in index and "g-a-en" not in index
        assert index.count('<li><a href="#g">') == 1  # one entry in the contents
        page = (report / lang / "g.html").read_text(encoding="utf-8")
        sections = re.findall(r'<section id="([^"]+)">\n<h2>([^<]+)</h2>', page)
        assert sections == [("g-a", "a"), ("g-b", "b"), ("g-c", "c")]  # in order, though declared c, a, b
        for member in "ac":
            part = page.split(f'<section id="g-{member}">')[1].split("</section>")[0]
            stem = f"fixture_{member}_{lang}"
            assert part.count("<figure") == 1 and f'<figure id="{stem}">' in part
            assert f'href="../data/{stem}.csv"' in part and (report / "data" / f"{stem}.csv").exists()
            assert '<code class="sid">' in part  # its sources, listed
            assert labels.text("report_figure", lang, n=f"{member}.1") in part
            assert f'href="../notebooks/g-{member}-{lang}.html"' in part
        failed = page.split('<section id="g-b">')[1].split("</section>")[0]
        assert "<figure" not in failed and html.escape("deliberate failure of b") in failed
        assert html.escape(labels.text("report_grid_not_shown", lang, members="b")) in index
        notebook = (report / "notebooks" / f"g-a-{lang}.html").read_text(encoding="utf-8")
        assert f'href="../{lang}/g.html#g-a"' in notebook  # back to the member on the grid's page
        for target in re.findall(r'(?:src|href)="([^"#]+)', page):
            if not target.startswith("http"):
                assert (report / lang / target).resolve().exists(), target
    assert (report / "report-en.pdf").stat().st_size > 0 and (report / "report-vi.pdf").exists()
