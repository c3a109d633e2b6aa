"""``python -m vnjp.data check``: lists every problem with file/row/column, exits 1 on any, prints coverage."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from vnjp import datacheck

ROOT = Path(__file__).resolve().parents[1]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _run(capsys, *args: str) -> tuple[int, str]:
    code = datacheck.main(["check", *args])
    return code, capsys.readouterr().out


def test_good_package_exits_0_and_prints_coverage(fixture_data, capsys):
    code, out = _run(capsys, "--first-year", "2022")
    assert code == 0, out
    assert "no problems (2 resources: sources, departures)" in out
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("year"))
    assert header.split() == ["year", "dep", "total", "dep", "Japan", "dep", "women", "dep", "plan"]
    assert any(line.split() == ["2022", ".", ".", ".", "."] for line in lines)
    assert any(line.split() == ["2023", "#", "#", "#", "#"] for line in lines)
    assert any(line.split() == ["full", "1", "1", "1", "1"] for line in lines)
    assert "\nresidents_japan\nyear" not in out  # not in this package: no block, no crash


def test_marks_rounded_part_year_forecast_and_suspect(fixture_data, capsys):
    path = fixture_data / "departures.csv"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("workers_sent,ALL,all,full_year,2021-01-01,2021-12-31,500,,about,final,press,Suspect: check the marks\n")
        fh.write("workers_sent,ALL,all,full_year,2021-01-01,2021-12-31,500,,exact,suspect,blog,"
                 "Suspect: a suspect row is never counted as coverage\n")
        fh.write("workers_sent,JPN,all,part_year,2021-01-01,2021-06-30,100,,exact,final,stats,half year\n")
        fh.write("workers_sent,ALL,women,full_year,2020-01-01,2020-12-31,100,,exact,preliminary,stats,early\n")
        fh.write("workers_sent,JPN,all,full_year,2020-01-01,2020-12-31,7,,exact,suspect,blog,Suspect: a typo in the page\n")
    code, out = _run(capsys, "--first-year", "2020")
    # the first appended row gives a reason for a flag it does not carry: a problem, listed with its row
    assert code == 1
    assert "data/departures.csv, row 9, column 'status': the note gives a reason for suspect but status is 'final'" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line[:4].isdigit()}
    assert rows["2020"] == [".", ".", "f", "."]  # women preliminary only; Japan only suspect -> nothing
    assert rows["2021"] == ["~", "p", ".", "."]  # rounded final total (suspect exact ignored); Japan part-year
    assert rows["2022"] == [".", ".", ".", "."]  # a gap in the middle stays a gap


def test_broken_copy_lists_every_problem_with_file_row_column(fixture_data, capsys):
    dep = fixture_data / "departures.csv"
    _edit(dep, "JPN,all,full_year,2023-01-01,2023-12-31,600", "JPN,all,full_year,2023-01-01,2023-12-31,6o0")
    _edit(dep, "TWN,all,full_year,2023-01-01,2023-12-31,300,,exact,final,stats",
          "TWN,all,full_year,2023-01-01,2023-12-31,300,,exact,suspect,nowhere")
    src = fixture_data / "sources.csv"
    _edit(src, "https://example.org/blog,,en", "https://example.org/2024/03/05/blog,,xx")
    _edit(src, "press,A newspaper", "press-20240102,A newspaper")
    _edit(src, "https://example.org/press,2024-01-02", "https://example.org/press,2023-12-30")
    _edit(dep, ",press,", ",press-20240102,")

    code, out = _run(capsys)
    assert code == 1
    expected = [
        "data/departures.csv, row 4, column 'value': expected a whole number, got '6o0'",
        "data/departures.csv, row 6, column 'source_id': unknown sources id 'nowhere'",
        "data/departures.csv, row 6, column 'note': status is suspect but the note does not say why",
        "data/sources.csv, row 4, column 'language': 'xx' is not one of",
        "data/sources.csv, row 4, column 'published': the URL carries the date 2024-03-05 but published is empty",
        "data/sources.csv, row 3, column 'published': id 'press-20240102' carries the date 2024-01-02 "
        "but published is '2023-12-30'",
    ]
    for line in expected:
        assert line in out, f"not listed: {line}\n{out}"
    listed = [line.strip() for line in out.splitlines() if line.startswith("  data/")]
    assert int(out.split(" problem")[0]) == len(listed) >= len(expected)
    order = [(line.split(",")[0], int(line.split("row ")[1].split(",")[0]) if ", row " in line else 0) for line in listed]
    assert order == sorted(order)  # file by file, in row order


def test_a_broken_target_does_not_hide_the_files_that_cite_it(fixture_data, capsys):
    _edit(fixture_data / "sources.csv", "fixture source,source_pack", "fixture source,by_pigeon")
    _edit(fixture_data / "departures.csv", "TWN,all,full_year,2023-01-01,2023-12-31,300",
          "TWN,all,full_year,2023-12-31,2023-01-01,300")
    code, out = _run(capsys)
    assert code == 1
    assert "data/sources.csv, row 2, column 'retrieved_via': 'by_pigeon' is not one of" in out
    assert "data/departures.csv, row 6, column 'period_end': period ends before it starts" in out
    assert out.count("by_pigeon") == 1  # the target's problem is listed once, not again under departures


def test_missing_file_and_missing_column(fixture_data, capsys):
    (fixture_data / "departures.csv").unlink()
    src = fixture_data / "sources.csv"
    src.write_text("\n".join(line.rsplit(",", 1)[0] for line in src.read_text().splitlines()) + "\n")
    code, out = _run(capsys)
    assert code == 1
    assert "data/departures.csv: file not found" in out
    assert "data/sources.csv, column 'retrieved_via': missing column" in out
    assert "coverage: no resource with a series loaded" in out


def test_unreadable_descriptor(fixture_data, capsys):
    (fixture_data / "datapackage.json").write_text("{not json", encoding="utf-8")
    code, out = _run(capsys)
    assert code == 1 and "data/datapackage.json" in out and "line 1, column 2: malformed JSON" in out


def test_data_dir_option_and_module_entry_point(fixture_data, tmp_path):
    """The real command line: ``python -m vnjp.data check --data-dir DIR`` (environment cleared)."""
    env = {k: v for k, v in os.environ.items() if k != "VNJP_DATA_DIR"}
    good = subprocess.run([sys.executable, "-m", "vnjp.data", "check", "--data-dir", str(fixture_data)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert good.returncode == 0, good.stdout + good.stderr
    assert str(fixture_data) in good.stdout and "departures" in good.stdout
    _edit(fixture_data / "departures.csv", "JPN,all,full_year,2023-01-01,2023-12-31,600", "JPN,all,full_year,2023-01-01,2023-12-31,")
    bad = subprocess.run([sys.executable, "-m", "vnjp.data", "check", "--data-dir", str(fixture_data)],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert bad.returncode == 1
    assert "data/departures.csv, row 4, column 'value': required value is empty" in bad.stdout


# --------------------------------------------------------------------------- the package rules on hand-built rows


@pytest.mark.parametrize("source_id, date", [
    ("government-20230414", "2023-04-14"), ("vietnamplus-201404", "2014-04"), ("vcci-2009", "2009"),
    ("vietnamplus-201201-2", "2012-01"), ("baomoi-2023", "2023"), ("japan-times-nd-2", None), ("src-nd-3", None),
    ("seed-000", None), ("ipss-nd-2", None), ("tri-thuc-202001", "2020-01"), ("x-2013-12", "2013"),
    ("press-1234", None), ("x-201313", None),
])
def test_id_date(source_id, date):
    assert datacheck.id_date(source_id) == date


@pytest.mark.parametrize("url, date", [
    ("https://www.japantimes.co.jp/news/2025/07/28/japan/x/", "2025-07-28"),
    ("https://japannews.yomiuri.co.jp/society/20211129-5723", "2021-11-29"),
    ("https://www.talkvietnam.org/2021/01/japan-tightens/", "2021-01"),
    ("https://en.baochinhphu.vn/print/x-111230414103050198.htm", None),  # digits inside an article number
    ("https://en.vietnamplus.vn/x/59233.vnp", None),
    ("https://vccinews.com/news/17210/.html", None),
    ("https://example.org/2019/report", None),  # a bare year is not a date
    ("https://example.org/p/201904/", None),  # YYYYMM alone: too often an article number
    ("", None),
])
def test_url_date(url, date):
    assert datacheck.url_date(url) == date


def _sources(*rows):
    return pd.DataFrame(rows, columns=["source_id", "url", "published"])


def test_source_date_rule_space():
    ok = _sources(("a-20230414", "https://e.org/x", "2023-04-14"),
                  ("b-201404", "https://e.org/x", "2014-04-17"),  # more precise than the id: fine
                  ("c-2009", "", "2009"),
                  ("d-nd", "https://e.org/2001/01/x", "2000-12-31"),  # a month's slack for URL folders
                  ("e-nd", "https://e.org/news", ""),  # no date anywhere: may stay empty
                  ("f-nd", "https://megalodon.jp/ref/2016-0317-2132-07/m.jp/articles/20160312/k", "2016-03-12"))
    assert datacheck.source_date_problems(ok) == []
    bad = _sources(("a-20230414", "https://e.org/x", ""),
                   ("b-201404", "https://e.org/x", "2014"),  # less precise than the id
                   ("c-2009", "", "2010"),
                   ("d-nd", "https://e.org/2021/05/x", "2021-01"),
                   ("e-nd", "https://e.org/20251117_001.html", ""))
    found = datacheck.source_date_problems(bad)
    assert [p.row for p in found] == [2, 3, 4, 5, 6]
    assert {p.column for p in found} == {"published"}


def test_suspect_reason_rule_space():
    frame = pd.DataFrame([
        ("suspect", "Suspect: 100,000 above the ISA figure for the same date"),
        ("suspect", ""),
        ("suspect", "typo"),
        ("suspect", "Suspect:"),
        ("final", "Suspect: this row is not flagged"),
        ("final", "a note that mentions suspect values elsewhere"),
        ("preliminary", pd.NA),
    ], columns=["status", "note"])
    found = datacheck.suspect_reason_problems(frame, "data/x.csv")
    assert [(p.row, p.column) for p in found] == [(3, "note"), (4, "note"), (5, "note"), (6, "status")]


def test_the_committed_package_passes():
    problems, frames = datacheck.check_package()
    assert problems == []
    table = datacheck.coverage(frames)
    assert table.index[0] == 1992 and table.index[-1] >= 2025
    assert set(table.columns.get_level_values(0)) == {"departures", "residents_japan", "economy"}
    # ISA's calendar end-2017 TITP count holds up (unflagged): all-nationality TITP is covered that year
    assert table.loc[2017, ("residents_japan", "ALL TITP")] == "#"
