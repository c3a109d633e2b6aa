"""The committed data package: valid under Frictionless, loadable, claims testable, provenance clean."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from vnjp import data, departures, labels

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def test_frictionless_validate_passes():
    from frictionless import validate

    report = validate(str(ROOT / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize("name", ["sources", "departures", "arrivals_japan", "residents_japan", "economy", "timeline", "claims"])
def test_every_resource_loads(name):
    assert len(data.load(name)) > 0


def test_claim_selectors_name_real_columns_and_values():
    claims = data.load("claims")
    events = set(data.load("timeline")["event_id"])
    problems = []
    for claim in claims.itertuples():
        for selector in (claim.numerator, claim.denominator):
            if not isinstance(selector, str) or not selector:
                continue
            try:
                resource, pairs = data.parse_selector(selector)
            except ValueError as exc:
                problems.append(f"{claim.claim_id}: {exc}")
                continue
            if resource == "timeline" and pairs.get("event_id") not in events:
                problems.append(f"{claim.claim_id}: no timeline event {pairs.get('event_id')}")
    assert problems == []


def test_parse_selector_refuses_bad_selectors():
    assert data.parse_selector("departures?destination=JPN&year=2023") == ("departures", {"destination": "JPN", "year": "2023"})
    for bad, message in [("nowhere?x=1", "unknown resource"), ("departures?colour=red", "has no column 'colour'"),
                         ("departures?sex=men", "sex=men is not one of")]:
        with pytest.raises(ValueError, match=message):
            data.parse_selector(bad)


def test_claims_come_from_seed_documents():
    kinds = data.load("sources").set_index("source_id")["kind"]
    claims = data.load("claims")
    assert set(kinds[claims["source_id"]]) == {"seed_document"}
    assert set(claims["source_id"]) == {f"seed-00{i}" for i in range(5)}


def test_headline_rule_on_real_conflicts():
    """2023: DOLAB's exact 159,986 beats the early rounded 155,000; both stay in the data."""
    rows = departures.headline_rows()
    total = departures.total(2023, rows=rows)
    assert total["value"] == 159986 and 155000 in total["alternatives"]
    assert departures.markets(2023, rows).set_index("destination").loc["JPN", "workers"] == 80010


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="shared/ seeds not beside the repository")
def test_seed_person_counts_appear_in_the_seed_text():
    """Each claimed head-count is printed in its seed document (Vietnamese digit grouping)."""
    claims = data.load("claims")
    texts = {f"seed-{p.name[:3]}": p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("00*.txt")}
    for claim in claims[(claims["unit"] == "persons") & (claims["value"] >= 1000)].itertuples():
        text = texts[claim.source_id]
        assert labels.fmt_int(claim.value, "vi") in text or labels.fmt_int(claim.value, "en") in text, claim.claim_id


@pytest.mark.skipif(not (SHARED / "sources").exists(), reason="shared/ source pack not beside the repository")
def test_no_third_party_sentence_is_copied_into_the_project():
    """No source-pack excerpt (40+ characters) and no seed sentence (60+) appears in our files."""
    norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()  # noqa: E731
    ours = {}
    for folder in ("data", "notebooks", "src", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".csv", ".json", ".md", ".py", ".ipynb", ".mplstyle"):
                ours[str(path.relative_to(ROOT))] = norm(path.read_text(encoding="utf-8"))
    ours["README.md"] = norm((ROOT / "README.md").read_text(encoding="utf-8"))
    quotes = []
    for pack in (SHARED / "sources").glob("*.csv"):
        quotes += [norm(row.get("excerpt", "")) for row in csv.DictReader(open(pack, encoding="utf-8"))]
    quotes = [q for q in quotes if len(q) >= 40]
    for seed in (SHARED / "seeds").glob("*.txt"):
        for line in seed.read_text(encoding="utf-8").splitlines():
            quotes += [norm(s) for s in re.split(r"(?<=[.!?])\s+", line) if len(norm(s)) >= 60]
    copied = [f"{name}: {quote[:60]}" for quote in quotes for name, text in ours.items() if quote in text]
    assert copied == []


def test_every_source_with_a_date_in_its_id_or_url_has_it_in_published():
    """Rule in ``vnjp.datacheck.source_date_problems``: an id ending -YYYY[MM[DD]] (optionally -N) fixes
    ``published`` to at least that precision (a year-only id asks only for the year; ``-nd`` ids carry
    no date but are stable keys, so they are never renamed when a date turns up); a dated URL path
    (YYYY/MM[/DD], YYYYMMDD) requires a ``published`` within a month of it."""
    from vnjp import datacheck

    sources = data.load("sources").astype(object).where(lambda f: f.notna(), "")
    assert [str(p) for p in datacheck.source_date_problems(sources)] == []
    dated = sources[sources["source_id"].map(datacheck.id_date).notna() | sources["url"].map(datacheck.url_date).notna()]
    assert len(dated) > 150 and (dated["published"] != "").all()


@pytest.mark.parametrize("name", ["departures", "residents_japan", "economy"])
def test_every_suspect_row_says_why(name):
    from vnjp import datacheck

    rows = data.load(name)
    assert [str(p) for p in datacheck.suspect_reason_problems(rows, name)] == []
    assert (rows["status"] == "suspect").any()


def _real_copy(tmp_path, monkeypatch):
    import shutil

    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    monkeypatch.setenv("VNJP_DATA_DIR", str(target))
    return target


def test_arrivals_are_their_own_measure_and_checked_like_departures(tmp_path, monkeypatch):
    """Japan's arrival counts live in their own resource (never a departures measure), and the
    loader refuses a row whose period does not match its dates, naming the arrivals file."""
    arrivals = data.load("arrivals_japan")
    assert set(arrivals["basis"]) <= {"isa_new_entries", "jitco_supported"}
    assert arrivals["year"].notna().all()
    assert not data.load("departures")["measure"].str.contains("entr|arriv|jitco").any()
    target = _real_copy(tmp_path, monkeypatch)
    path = target / "arrivals_japan.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("part_year,2020-01-01,2020-06-30,22631", "full_year,2020-01-01,2020-06-30,22631"),
                    encoding="utf-8")
    with pytest.raises(data.DataError) as err:
        data.load("arrivals_japan")
    assert "data/arrivals_japan.csv" in str(err.value) and "'full_year' but" in str(err.value)
