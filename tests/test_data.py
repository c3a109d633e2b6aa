"""The loader returns typed frames and refuses bad data naming file, row and column."""

from __future__ import annotations

import pandas as pd
import pytest

from vnjp import data


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture line not found: {old}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refusal(fixture_data) -> str:
    with pytest.raises(data.DataError) as err:
        data.load("departures")
    return str(err.value)


def test_loads_typed_frames(fixture_data):
    rows = data.load("departures")
    assert str(rows["value"].dtype) == "Int64"
    assert str(rows["period_start"].dtype).startswith("datetime64")
    assert rows["year"].tolist() == [2023] * len(rows)
    assert rows.loc[rows["value_upper"].notna(), "value_upper"].tolist() == [900]


def test_missing_column_is_named(fixture_data):
    path = fixture_data / "departures.csv"
    text = path.read_text().splitlines()
    path.write_text("\n".join(line.rsplit(",", 1)[0] for line in text) + "\n")
    assert "data/departures.csv, column 'note': missing column" in _refusal(fixture_data)


def test_wrong_type_names_row_and_column(fixture_data):
    _edit(fixture_data / "departures.csv", "JPN,all,full_year,2023-01-01,2023-12-31,600", "JPN,all,full_year,2023-01-01,2023-12-31,6o0")
    assert "data/departures.csv, row 4, column 'value': expected a whole number, got '6o0'" in _refusal(fixture_data)


def test_negative_count_refused(fixture_data):
    _edit(fixture_data / "departures.csv", "TWN,all,full_year,2023-01-01,2023-12-31,300", "TWN,all,full_year,2023-01-01,2023-12-31,-300")
    assert "row 6, column 'value': -300 is below the minimum 0" in _refusal(fixture_data)


def test_women_above_total_refused(fixture_data):
    _edit(fixture_data / "departures.csv", "JPN,women,full_year,2023-01-01,2023-12-31,300", "JPN,women,full_year,2023-01-01,2023-12-31,700")
    assert "row 5, column 'value': women (700) above the total (600) for JPN" in _refusal(fixture_data)


def test_markets_above_total_refused(fixture_data):
    _edit(fixture_data / "departures.csv", "TWN,all,full_year,2023-01-01,2023-12-31,300", "TWN,all,full_year,2023-01-01,2023-12-31,500")
    assert "row 2, column 'value': markets add up to 1100, above the total 1000" in _refusal(fixture_data)


def test_unknown_source_refused(fixture_data):
    _edit(fixture_data / "departures.csv", "300,,exact,final,stats,fixture", "300,,exact,final,nowhere,fixture")
    assert "column 'source_id': unknown sources id 'nowhere'" in _refusal(fixture_data)


def test_duplicate_key_refused(fixture_data):
    path = fixture_data / "departures.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines + [lines[3]]) + "\n")
    assert "row 9, column 'measure,destination,sex,period_start,period_end,status,source_id': duplicate primary key (same as row 4)" in _refusal(fixture_data)


def test_bad_enum_and_date(fixture_data):
    _edit(fixture_data / "departures.csv", "JPN,all,full_year,2023-01-01", "JPN,everyone,full_year,2023-13-01")
    message = _refusal(fixture_data)
    assert "row 4, column 'sex': 'everyone' is not one of: all, women" in message
    assert "row 4, column 'period_start': expected an ISO date YYYY-MM-DD, got '2023-13-01'" in message


def test_period_must_match_dates(fixture_data):
    _edit(fixture_data / "departures.csv", "TWN,all,full_year,2023-01-01,2023-12-31", "TWN,all,full_year,2023-01-01,2023-11-30")
    assert "row 6, column 'period': 'full_year' but 2023-01-01..2023-11-30 is a part_year" in _refusal(fixture_data)


def test_every_problem_is_reported(fixture_data):
    _edit(fixture_data / "departures.csv", "TWN,all,full_year,2023-01-01,2023-12-31,300", "TWN,all,full_year,2023-01-01,2023-12-31,-300")
    _edit(fixture_data / "departures.csv", "JPN,all,full_year,2023-01-01,2023-12-31,600", "JPN,all,full_year,2023-01-01,2023-12-31,x")
    with pytest.raises(data.DataError) as err:
        data.load("departures")
    assert len(err.value.problems) == 2


def test_files_for_follows_foreign_keys(fixture_data):
    names = [p.name for p in data.files_for(["departures"])]
    assert names == sorted(["datapackage.json", "departures.csv", "sources.csv"])


def test_reads_are_logged(fixture_data, tmp_path, monkeypatch):
    log = tmp_path / "reads.log"
    monkeypatch.setenv("VNJP_READS_LOG", str(log))
    data.load("departures")
    read = {line.rsplit("/", 1)[1] for line in log.read_text().split()}
    assert read == {"datapackage.json", "departures.csv", "sources.csv"}


def test_load_returns_a_copy(fixture_data):
    first = data.load("departures")
    first.loc[0, "value"] = 0
    assert data.load("departures").loc[0, "value"] == 1000


def test_real_package_loads_with_seed_figures():
    """The seed document's 2023 figures are in data/ exactly as DOLAB stated them."""
    rows = data.load("departures")
    seed = rows[(rows["source_id"] == "seed-004") & (rows["year"] == 2023) & (rows["measure"] == "workers_sent")]
    got = {(r.destination, r.sex): r.value for r in seed.itertuples()}
    assert got[("ALL", "all")] == 159986 and got[("ALL", "women")] == 55804
    assert got[("JPN", "all")] == 80010 and got[("JPN", "women")] == 34523
    named = {d for d, s in got if d != "ALL" and s == "all"}
    assert named == {"JPN", "TWN", "KOR", "CHN", "HUN", "SGP", "ROU", "POL", "HKG", "MYS", "SAU", "RUS", "MAC"}
    plan = rows[(rows["source_id"] == "seed-004") & (rows["measure"] == "plan_target")]
    assert sorted(zip(plan["year"], plan["value"], plan["value_upper"].fillna(0))) == [(2023, 110000, 120000), (2024, 125000, 0)]
    assert isinstance(rows, pd.DataFrame)
