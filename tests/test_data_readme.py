"""data/README.md says "Every count in this file was computed from the CSVs": hold it to that.

Each test parses one kind of statement out of the README (anchored on its section heading and the
sentence's own wording), recomputes the number from the CSVs through ``vnjp.data.load`` and lists
every disagreement as ``data/README.md line N: <what> says X, the CSVs give Y``. A statement the
parser cannot find is a failure too, so rewording a sentence means updating its test, not silently
dropping the check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from vnjp import data

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "data" / "README.md"
TEXT = README.read_text(encoding="utf-8")

NUM = r"(\d[\d,]*)"
SOURCED = ["departures", "arrivals_japan", "residents_japan", "economy", "social_security"]


# --------------------------------------------------------------------------- parsing helpers


def _int(s: str) -> int:
    return int(s.replace(",", ""))


def section(title: str) -> tuple[int, str]:
    """(index of the section's first character in TEXT, its text) for the heading ``## title``
    (case-sensitive: the README has both ``## sources`` and ``## Sources``)."""
    match = re.search(rf"^## {re.escape(title)}[ \t]*$", TEXT, flags=re.M)
    assert match, f"data/README.md has no section '## {title}'"
    end = re.search(r"^## ", TEXT[match.end():], flags=re.M)
    stop = match.end() + end.start() if end else len(TEXT)
    return match.start(), TEXT[match.start():stop]


def line_no(pos: int) -> int:
    return TEXT.count("\n", 0, pos) + 1


def find(title: str, pattern: str, flags: int = 0) -> tuple[re.Match, int]:
    """First match of ``pattern`` in section ``title`` and the README line it is on; fails if absent."""
    start, body = section(title)
    match = re.search(pattern, body, flags)
    assert match, f"data/README.md section '## {title}': no text matching {pattern!r} (reworded? update this test)"
    return match, line_no(start + match.start())


def mismatch(line: int, what: str, stated, computed) -> str:
    return f"data/README.md line {line}: {what} says {stated}, the CSVs give {computed}"


def pairs(text: str, keys, aliases: dict[str, str] | None = None, paren: bool = False) -> dict[str, int]:
    """``key N`` (or ``key (N``) pairs in ``text`` whose key is one of ``keys`` (after ``aliases``)."""
    aliases = aliases or {}
    pattern = r"`?([A-Za-z_/]+)`? \(" + NUM if paren else r"\b([A-Za-z_]+) " + NUM + r"\b"
    found: dict[str, int] = {}
    for key, value in re.findall(pattern, text):
        key = aliases.get(key, key)
        if key in keys:
            assert key not in found, f"'{key}' counted twice in: {text}"
            found[key] = _int(value)
    return found


def table(title: str, first_header: str) -> tuple[dict[str, dict[str, str]], dict[str, int]]:
    """The markdown table in section ``title`` whose header starts with ``| first_header |``:
    {first cell: {column header: cell}} and {first cell: README line}. ``**total**`` becomes ``total``."""
    start, body = section(title)
    match = re.search(rf"^\| {re.escape(first_header)} \|.*$", body, flags=re.M)
    assert match, f"data/README.md section '## {title}': no table headed '| {first_header} |'"
    header = [c.strip() for c in match.group(0).strip("|").split("|")]
    rows: dict[str, dict[str, str]] = {}
    where: dict[str, int] = {}
    pos = start + match.end() + 1
    for line in TEXT[pos:].splitlines():
        if not line.startswith("|"):
            break
        if set(line) <= set("|-: "):
            pos += len(line) + 1
            continue
        cells = [c.strip().replace("**", "") for c in line.strip("|").split("|")]
        rows[cells[0]] = dict(zip(header, cells))
        where[cells[0]] = line_no(pos)
        pos += len(line) + 1
    return rows, where


def compare_counts(line: int, what: str, stated: dict, computed: dict) -> list[str]:
    problems = []
    for key in sorted(set(stated) | set(computed), key=str):
        if stated.get(key) != computed.get(key):
            shown = "nothing" if key not in stated else stated[key]
            problems.append(mismatch(line, f"{what} '{key}'", shown, computed.get(key, 0)))
    return problems


def value_counts(frame: pd.DataFrame, column: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in frame[column].value_counts().items()}


def source_kinds() -> pd.Series:
    return data.load("sources").set_index("source_id")["kind"]


# --------------------------------------------------------------------------- (a) catalogue table


def test_catalogue_table_has_every_resource_with_its_row_count():
    rows, where = table_top_catalogue()
    problems = []
    for name in data.resource_names():
        if name not in rows:
            problems.append(f"data/README.md catalogue table: no row for resource '{name}' of datapackage.json")
            continue
        row = rows[name]
        path = data.resource_descriptor(name)["path"]
        if row["file"].strip("`") != path:
            problems.append(mismatch(where[name], f"catalogue file of '{name}'", row["file"], path))
        if _int(row["rows"]) != len(data.load(name)):
            problems.append(mismatch(where[name], f"catalogue rows of '{name}'", row["rows"], len(data.load(name))))
    for name in set(rows) - set(data.resource_names()):
        problems.append(f"data/README.md line {where[name]}: catalogue row '{name}' is not in datapackage.json")
    assert problems == [], "\n".join(problems)


def table_top_catalogue():
    """The catalogue sits before the first ``##`` heading, so it gets its own anchor."""
    first = re.search(r"^## ", TEXT, flags=re.M).start()
    match = re.search(r"^\| resource \| file \| rows \|.*$", TEXT[:first], flags=re.M)
    assert match, "data/README.md: no catalogue table ('| resource | file | rows |') before the first section"
    header = [c.strip() for c in match.group(0).strip("|").split("|")]
    rows, where, pos = {}, {}, match.end() + 1
    for line in TEXT[pos:first].splitlines():
        if not line.startswith("|"):
            break
        if not set(line) <= set("|-: "):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0]] = dict(zip(header, cells))
            where[cells[0]] = line_no(pos)
        pos += len(line) + 1
    return rows, where


# --------------------------------------------------------------------------- (b) section openings


@pytest.mark.parametrize("name", SOURCED)
def test_section_opens_with_rows_and_sources(name):
    frame = data.load(name)
    match, line = find(name, NUM + r" rows, " + NUM + r" sources\.")
    stated = (_int(match.group(1)), _int(match.group(2)))
    computed = (len(frame), frame["source_id"].nunique())
    assert stated == computed, mismatch(line, f"'## {name}' opening (rows, sources)", stated, computed)


def test_sources_timeline_claims_openings():
    problems = []
    match, line = find("sources", r"^" + NUM + r" rows\.", re.M)
    if _int(match.group(1)) != len(data.load("sources")):
        problems.append(mismatch(line, "'## sources' rows", match.group(1), len(data.load("sources"))))
    timeline = data.load("timeline")
    match, line = find("timeline", r"^" + NUM + r" dated milestones, (\S+) .*? to (\S+) .*?; " + NUM + r" sources\.", re.M)
    stated = (_int(match.group(1)), match.group(2), match.group(3), _int(match.group(4)))
    computed = (len(timeline), timeline["date"].min(), timeline["date"].max(), timeline["source_id"].nunique())
    if stated != computed:
        problems.append(mismatch(line, "'## timeline' opening (events, first, last, sources)", stated, computed))
    match, line = find("claims", r"^" + NUM + r" statements", re.M)
    if _int(match.group(1)) != len(data.load("claims")):
        problems.append(mismatch(line, "'## claims' opening", match.group(1), len(data.load("claims"))))
    assert problems == [], "\n".join(problems)


# --------------------------------------------------------------------------- (c) sources


def test_sources_kind_by_reliability_table():
    sources = data.load("sources")
    rows, where = table("Sources", "kind")
    computed = pd.crosstab(sources["kind"], sources["reliability"])
    problems = []
    for kind in sorted(set(computed.index) | (set(rows) - {"total"})):
        if kind not in rows:
            problems.append(f"data/README.md '## Sources' table: no row for kind '{kind}'")
            continue
        stated_total = 0
        for rel in ["high", "medium", "low"]:
            got = int(computed.loc[kind, rel]) if kind in computed.index and rel in computed.columns else 0
            stated_total += _int(rows[kind][rel])
            if _int(rows[kind][rel]) != got:
                problems.append(mismatch(where[kind], f"'## Sources' table {kind} × {rel}", rows[kind][rel], got))
        got = int((sources["kind"] == kind).sum())
        if _int(rows[kind]["total"]) != got:
            problems.append(mismatch(where[kind], f"'## Sources' table {kind} total", rows[kind]["total"], got))
    assert "total" in rows, "data/README.md '## Sources' table has no **total** row"
    for rel in ["high", "medium", "low"]:
        got = int((sources["reliability"] == rel).sum())
        if _int(rows["total"][rel]) != got:
            problems.append(mismatch(where["total"], f"'## Sources' table total {rel}", rows["total"][rel], got))
    if _int(rows["total"]["total"]) != len(sources):
        problems.append(mismatch(where["total"], "'## Sources' table grand total", rows["total"]["total"], len(sources)))
    assert problems == [], "\n".join(problems)


def test_sources_language_counts_and_list():
    sources = data.load("sources")
    computed = value_counts(sources, "language")
    match, line = find("Sources", r"^Languages: (.*?)\.(?: |$)", re.M)
    problems = compare_counts(line, "'Languages:'", pairs(match.group(1), computed), computed)
    match, line = find("sources", r"`language` — ([a-z, ]+)\.")
    listed = [s.strip() for s in match.group(1).split(",")]
    if sorted(listed) != sorted(computed):
        problems.append(mismatch(line, "`language` list", sorted(listed), sorted(computed)))
    assert problems == [], "\n".join(problems)


def test_sources_retrieved_via_title_and_published_counts():
    sources = data.load("sources")
    computed = value_counts(sources, "retrieved_via")
    match, line = find("sources", r"`retrieved_via` — (.*)$", re.M)
    problems = compare_counts(line, "`retrieved_via`", pairs(match.group(1), computed, paren=True), computed)
    match, line = find("sources", r"filled for " + NUM + r" rows")
    filled = int((sources["title"].fillna("").astype(str) != "").sum())
    if _int(match.group(1)) != filled:
        problems.append(mismatch(line, "titles filled", match.group(1), filled))
    match, line = find("sources", r"empty when unknown \(" + NUM + r" rows\)")
    undated = int((sources["published"].fillna("").astype(str) == "").sum())
    if _int(match.group(1)) != undated:
        problems.append(mismatch(line, "`published` empty", match.group(1), undated))
    assert problems == [], "\n".join(problems)


def test_sources_found_in_the_pages_corpus_by_id_prefix():
    sources = data.load("sources")
    searched = sources[sources["retrieved_via"] == "search_pages_corpus"]
    prefixes = searched["source_id"].str.extract(r"^([a-z]+)-")[0]
    computed = {f"{k}-": int(v) for k, v in prefixes.value_counts().items()}
    match, line = find("Sources", r"Sources found in the `pages` corpus \(" + NUM + r"\)(.*?)\.(?: |$)", re.M)
    problems = []
    if _int(match.group(1)) != len(searched):
        problems.append(mismatch(line, "sources found in the pages corpus", match.group(1), len(searched)))
    stated = {k: _int(v) for k, v in re.findall(r"`([a-z]+-)` \(" + NUM, match.group(2))}
    problems += compare_counts(line, "pages-corpus sources with id prefix", stated, computed)
    assert problems == [], "\n".join(problems)


def test_rows_by_source_kind():
    kinds = source_kinds()
    names = {"press": "press_report", "industry association": "industry_association", "mirror/blog": "mirror_blog",
             "official statistics": "official_statistics"}
    match, line = find("Sources", r"Rows by source kind: (.*?)\.(?: |$)", re.M)
    problems = []
    for resource, text in re.findall(r"(\w+) mostly (.*?)(?:;|$)", match.group(1)):
        computed = kinds[data.load(resource)["source_id"]].value_counts()
        for label, n in re.findall(r"([a-z/ ]+?) \(" + NUM + r"\)", text):
            label = label.strip().removeprefix("and ").strip()
            got = int(computed.get(names[label], 0))
            if _int(n) != got:
                problems.append(mismatch(line, f"rows of {resource} citing {label}", n, got))
    match, line = find("residents_japan", r"NUM rows cite mirror/blog sources, NUM press, NUM official statistics"
                       .replace("NUM", NUM))
    res = kinds[data.load("residents_japan")["source_id"]].value_counts()
    stated = tuple(_int(g) for g in match.groups())
    computed = tuple(int(res.get(k, 0)) for k in ["mirror_blog", "press_report", "official_statistics"])
    if stated != computed or sum(computed) != int(res.sum()):
        problems.append(mismatch(line, "residents_japan rows by source kind (mirror, press, official; all)",
                                 stated, (*computed, int(res.sum()))))
    assert problems == [], "\n".join(problems)


def test_pack_sources_listed_and_uncited():
    sources = data.load("sources")
    cited: set[str] = set()
    for name in data.resource_names():
        frame = data.load(name)
        if name != "sources" and "source_id" in frame.columns:
            cited |= set(frame["source_id"])
    match, line = find("Rows left out, and suspect rows", r"all " + NUM + r" pack sources are listed; " + NUM
                       + r" are cited by no row")
    stated = (_int(match.group(1)), _int(match.group(2)))
    computed = (int((sources["retrieved_via"] == "source_pack").sum()), int((~sources["source_id"].isin(cited)).sum()))
    assert stated == computed, mismatch(line, "(pack sources, sources cited by no row)", stated, computed)


# --------------------------------------------------------------------------- (d) suspect rows


def test_suspect_row_counts():
    match, line = find("Rows left out, and suspect rows", r"Suspect rows \(" + NUM + r";")
    per = {name: int((data.load(name)["status"] == "suspect").sum()) for name in SOURCED[:-1]}
    problems = []
    if _int(match.group(1)) != sum(per.values()):
        problems.append(mismatch(line, "'Suspect rows (N;'", match.group(1), sum(per.values())))
    for name, n in per.items():
        if n == 0:
            continue
        found, line = find("Rows left out, and suspect rows", rf"^- {name} \({NUM}\):", re.M)
        if _int(found.group(1)) != n:
            problems.append(mismatch(line, f"suspect rows of {name}", found.group(1), n))
    assert problems == [], "\n".join(problems)


# --------------------------------------------------------------------------- (e) other counts

LABELLED = [  # (section, label opening the sentence, column, aliases)
    ("departures", "Status:", "status", {}),
    ("departures", "Qualifier:", "qualifier", {}),
    ("departures", "Sex:", "sex", {}),
    ("residents_japan", "Counts: status", "status", {}),
    ("residents_japan", "Basis:", "basis", {}),
    ("residents_japan", "Nationality:", "nationality", {}),
    ("residents_japan", "Unit:", "unit", {"percent": "percent_of_all_nationalities"}),
    ("economy", "Counts: status", "status", {}),
    ("economy", "Reporter:", "reporter", {}),
    ("economy", "Year basis:", "year_basis", {}),
    ("economy", "Unit:", "unit", {}),
]


@pytest.mark.parametrize(("name", "label", "column", "aliases"), LABELLED,
                         ids=[f"{n}-{c}" for n, _, c, _ in LABELLED])
def test_labelled_counts(name, label, column, aliases):
    """'Status: final 289, plan_original 41, ...': every value of the column, each with its count."""
    computed = value_counts(data.load(name), column)
    match, line = find(name, rf"(?<![\w`]){re.escape(label)} (.*?)\.(?: |$)", re.M)
    problems = compare_counts(line, f"{name} '{label}'", pairs(match.group(1), computed, aliases), computed)
    assert problems == [], "\n".join(problems)


PARENTHESISED = [  # (section, text before the list, column)
    ("arrivals_japan", "`basis` —", "basis"),
    ("arrivals_japan", "`status` (", "status"),
    ("timeline", "`date_precision` —", "date_precision"),
    ("timeline", "`country` —", "country"),
]


@pytest.mark.parametrize(("name", "label", "column"), PARENTHESISED, ids=[f"{n}-{c}" for n, _, c in PARENTHESISED])
def test_parenthesised_counts(name, label, column):
    """'`basis` — isa_new_entries (19), jitco_supported (2)' and '`status` (final 20, preliminary 1)'."""
    computed = value_counts(data.load(name), column)
    match, line = find(name, re.escape(label) + r"(.*)$", re.M)
    text = match.group(1)
    stated = pairs(text, computed) if label.endswith("(") else pairs(text, computed, paren=True)
    problems = compare_counts(line, f"{name} {label}", stated, computed)
    assert problems == [], "\n".join(problems)


def test_arrivals_rows_by_nationality():
    computed = value_counts(data.load("arrivals_japan"), "nationality")
    match, line = find("arrivals_japan", r"\(VNM " + NUM + r" rows, ALL " + NUM + r" for comparison\)")
    stated = {"VNM": _int(match.group(1)), "ALL": _int(match.group(2))}
    assert stated == computed, mismatch(line, "arrivals_japan rows by nationality", stated, computed)


def test_departures_measure_and_period_counts():
    dep = data.load("departures")
    sent = dep[dep["measure"] == "workers_sent"]["period"].value_counts()
    plan = dep[dep["measure"] == "plan_target"]
    pattern = (r"Counts: workers_sent full_year NUM, part_year NUM, multi_year NUM; workers_sent_annual_average NUM; "
               r"plan_target NUM \(NUM full-year").replace("NUM", NUM)
    match, line = find("departures", pattern)
    stated = tuple(_int(g) for g in match.groups())
    computed = (int(sent.get("full_year", 0)), int(sent.get("part_year", 0)), int(sent.get("multi_year", 0)),
                int((dep["measure"] == "workers_sent_annual_average").sum()), len(plan),
                int((plan["period"] == "full_year").sum()))
    assert stated == computed, mismatch(line, "departures counts by measure and period", stated, computed)
    assert sum(computed[:5]) == len(dep), "a departures measure is missing from the README's 'Counts:' sentence"


def test_departures_destinations_listed():
    dep = data.load("departures")
    others = sorted(set(dep["destination"]) - {"ALL"})
    match, line = find("departures", r"\(" + NUM + r" destinations besides ALL: ([A-Z, ]+)\)")
    listed = sorted(s.strip() for s in match.group(2).split(","))
    assert (_int(match.group(1)), listed) == (len(others), others), \
        mismatch(line, "destinations besides ALL", (match.group(1), listed), (len(others), others))


def test_residents_dates():
    res = data.load("residents_japan")
    md = res["date"].dt.strftime("%m-%d").value_counts()
    pattern = r"Dates: NUM year-end, NUM mid-year, NUM end-October, NUM quarter-ends; range (\S+) to (\S+?)\.".replace(
        "NUM", NUM)
    match, line = find("residents_japan", pattern)
    stated = (*(_int(g) for g in match.groups()[:4]), match.group(5), match.group(6))
    computed = (int(md.get("12-31", 0)), int(md.get("06-30", 0)), int(md.get("10-31", 0)),
                int(md.get("03-31", 0) + md.get("09-30", 0)),
                res["date"].min().strftime("%Y-%m-%d"), res["date"].max().strftime("%Y-%m-%d"))
    assert stated == computed, mismatch(line, "residents_japan dates (year-end, mid, Oct, quarter, first, last)",
                                        stated, computed)
    assert sum(computed[:4]) == len(res), "a residents_japan reference date falls outside the README's four kinds"


@pytest.mark.parametrize(("name", "column"), [("residents_japan", "status_of_residence"), ("residents_japan", "basis"),
                                              ("economy", "reporter")])
def test_columns_list_every_value(name, column):
    """The Columns list names every value the CSV holds."""
    values = set(data.load(name)[column])
    match, line = find(name, rf"^- `{column}` — (.*)$", re.M)
    missing = sorted(values - set(re.findall(r"[A-Za-z0-9_]+", match.group(1))))
    assert missing == [], mismatch(line, f"`{column}` list", "nothing of", missing)


def test_economy_indicator_count():
    computed = data.load("economy")["indicator"].nunique()
    match, line = find("economy", r"`indicator` — " + NUM + r" codes")
    assert _int(match.group(1)) == computed, mismatch(line, "economy indicator codes", match.group(1), computed)


@pytest.mark.parametrize("name", ["departures", "residents_japan", "economy"])
def test_most_used_sources(name):
    """'Most-used sources (rows): `a` (30); `b`, `c` (6 each)': each count, and no unlisted source above the last."""
    counts = data.load(name)["source_id"].value_counts()
    match, line = find(name, r"^Most-used sources \(rows\): (.*?)\.(?: |$)", re.M)
    stated: dict[str, int] = {}
    pending: list[str] = []
    for source_id, n in re.findall(r"`([a-z0-9-]+)`|\(" + NUM, match.group(1)):
        if source_id:
            pending.append(source_id)
        elif pending:
            stated.update({s: _int(n) for s in pending})
            pending = []
    assert stated and not pending, f"data/README.md line {line}: cannot read the most-used sources"
    problems = [mismatch(line, f"rows citing {s}", n, int(counts.get(s, 0))) for s, n in stated.items()
                if n != counts.get(s, 0)]
    above = counts[~counts.index.isin(list(stated)) & (counts > min(stated.values()))]
    problems += [f"data/README.md line {line}: {s} ({n} rows) is not listed among the most-used" for s, n in above.items()]
    assert problems == [], "\n".join(problems)


def test_timeline_category_by_decade_table():
    timeline = data.load("timeline")
    decade = timeline["date"].str[:3] + "0s"
    rows, where = table("timeline", "category")
    problems = []
    for category in sorted(set(timeline["category"]) | set(rows)):
        if category not in rows:
            problems.append(f"data/README.md '## timeline' table: no row for category '{category}'")
            continue
        sub = decade[timeline["category"] == category]
        for column, stated in rows[category].items():
            if column == "category":
                continue
            got = len(sub) if column == "total" else int((sub == column).sum())
            if _int(stated) != got:
                problems.append(mismatch(where[category], f"timeline {category} × {column}", stated, got))
    shown = {c for row in rows.values() for c in row} - {"category", "total"}
    if set(decade) - shown:
        problems.append(f"data/README.md '## timeline' table: no column for {sorted(set(decade) - shown)}")
    assert problems == [], "\n".join(problems)


def test_claims_check_by_seed_table():
    claims = data.load("claims")
    rows, where = table("claims", "check")
    problems = []
    for check in sorted(set(claims["check"]) | set(rows)):
        sub = claims if check == "total" else claims[claims["check"] == check]
        if check not in rows:
            problems.append(f"data/README.md '## claims' table: no row for check '{check}'")
            continue
        for column, stated in rows[check].items():
            if column == "check":
                continue
            got = len(sub) if column == "total" else int((sub["source_id"] == column).sum())
            if _int(stated) != got:
                problems.append(mismatch(where[check], f"claims {check} × {column}", stated, got))
    assert problems == [], "\n".join(problems)



def test_economy_zero_and_negative_rows():
    eco = data.load("economy")
    problems = []
    match, line = find("economy", r"(\w+) rows are zero: (\w+) yen-loan commitments")
    words = {"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5, "two": 2, "three": 3, "one": 1}
    zero = eco[eco["value"] == 0]
    commitments = int(zero["indicator"].str.startswith("oda_commitment").sum())
    stated = (words.get(match.group(1)), words.get(match.group(2)))
    if stated != (len(zero), commitments):
        problems.append(mismatch(line, "(zero rows, zero commitments)", stated, (len(zero), commitments)))
    match, line = find("economy", r"Negative values: (\w+) trade_balance_vn rows")
    negative = eco[eco["value"] < 0]
    words.update({"four": 4, "five": 5, "six": 6})
    if words.get(match.group(1)) != len(negative) or set(negative["indicator"]) - {"trade_balance_vn"}:
        problems.append(mismatch(line, "negative rows", match.group(1), value_counts(negative, "indicator")))
    assert problems == [], "\n".join(problems)


def test_employer_reported_rows():
    """'81 rows were appended' is history (a diff, not in the CSVs); the counts after it are checked."""
    res = data.load("residents_japan")
    wrk = int(data.load("sources")["source_id"].str.startswith("wrk-").sum())
    title = "Employer-reported workers (residents_japan, basis `mhlw_employment`), added for notebook 06"
    match, line = find(title, r"\(" + NUM + r" new sources, ids prefixed `wrk-`.*?"
                       r"`residents_japan` now has " + NUM + r" rows and `mhlw_employment` " + NUM)
    stated = tuple(_int(g) for g in match.groups())
    computed = (wrk, len(res), int((res["basis"] == "mhlw_employment").sum()))
    assert stated == computed, mismatch(line, "(wrk- sources, residents_japan rows, mhlw_employment rows)",
                                        stated, computed)


def test_claims_selectors_counted():
    claims = data.load("claims")
    selectors = claims["numerator"].fillna("").astype(str) + claims["denominator"].fillna("").astype(str)
    problems = []
    match, line = find("claims", r"all " + NUM + r" `event_id` selectors resolve")
    if _int(match.group(1)) != int(selectors.str.count("event_id=").sum()):
        problems.append(mismatch(line, "event_id selectors", match.group(1), int(selectors.str.count("event_id=").sum())))
    match, line = find("claims", NUM + r" claims have no selector")
    if _int(match.group(1)) != int((selectors == "").sum()):
        problems.append(mismatch(line, "claims without selector", match.group(1), int((selectors == "").sum())))
    assert problems == [], "\n".join(problems)


SHARED_PACK = ROOT.parent / "shared" / "sources"


@pytest.mark.skipif(not SHARED_PACK.exists(), reason="shared/ source pack not beside the repository")
def test_uncited_pack_sources_by_pack_file():
    """'17 are cited by no row ... (6 residents, 8 economy) or their event now cites a seed (3)': each uncited
    source's URL is found in the pack file it came from (stocks = residents, economy, timeline)."""
    sources = data.load("sources")
    cited: set[str] = set()
    for name in data.resource_names():
        frame = data.load(name)
        if name != "sources" and "source_id" in frame.columns:
            cited |= set(frame["source_id"])
    urls = {f: set(pd.read_csv(SHARED_PACK / f"{f}.csv", dtype=str)["source_url"]) for f in ["stocks", "economy", "timeline"]}
    uncited = sources[~sources["source_id"].isin(cited)]
    computed = {f: int(uncited["url"].isin(u).sum()) for f, u in urls.items()}
    match, line = find("Rows left out, and suspect rows", r"left out \(" + NUM + r" residents, " + NUM
                       + r" economy\) or their event now cites a seed \(" + NUM + r"\)")
    stated = dict(zip(["stocks", "economy", "timeline"], (_int(g) for g in match.groups())))
    assert stated == computed, mismatch(line, "uncited pack sources by pack file", stated, computed)
    assert sum(computed.values()) == len(uncited), "an uncited source is in none of the three pack files"


@pytest.mark.skipif(not SHARED_PACK.exists(), reason="shared/ source pack not beside the repository")
def test_pack_flows_now_in_arrivals():
    """'12 of them, trainees' new entries, are now rows of `arrivals_japan`': pack stocks rows (URL and value)
    that an arrivals_japan row repeats."""
    urls = data.load("sources").set_index("source_id")["url"]
    arrivals = data.load("arrivals_japan")
    pack = pd.read_csv(SHARED_PACK / "stocks.csv", dtype=str)
    pack_keys = set(zip(pack["source_url"], pd.to_numeric(pack["value"], errors="coerce")))
    computed = sum((urls[r.source_id], float(r.value)) in pack_keys for r in arrivals.itertuples())
    match, line = find("Rows left out, and suspect rows", NUM + r" of them, trainees' new entries, are now rows of "
                       r"`arrivals_japan`")
    assert _int(match.group(1)) == computed, mismatch(line, "pack flows now in arrivals_japan", match.group(1), computed)
