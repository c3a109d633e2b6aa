"""The written rule that picks a headline value among conflicting sources."""

from __future__ import annotations

import pandas as pd

from vnjp.headline import QUANTITY_KEYS, alternatives, faint_rows, headline, only_low_reliability

KEYS = QUANTITY_KEYS["departures"]

SOURCES = pd.DataFrame({
    "source_id": ["stats", "stats-old", "ministry", "press", "blog", "undated"],
    "kind": ["official_statistics", "official_statistics", "ministry_statement", "press_report", "mirror_blog",
             "official_statistics"],
    "reliability": ["high", "high", "high", "medium", "low", "high"],
    "published": ["2024-03-01", "2024-01-05", "2024-01-10", "2024-01-02", pd.NA, pd.NA],
})


def rows(*specs):
    base = {"measure": "workers_sent", "destination": "ALL", "sex": "all",
            "period_start": pd.Timestamp("2023-01-01"), "period_end": pd.Timestamp("2023-12-31")}
    return pd.DataFrame([{**base, "value": v, "qualifier": q, "status": s, "source_id": sid}
                         for v, q, s, sid in specs])


def pick(*specs):
    out = headline(rows(*specs), SOURCES, KEYS)
    assert len(out) == 1
    return out.iloc[0]


def test_suspect_never_wins():
    assert pick((149000, "exact", "suspect", "stats"), (80002, "about", "final", "blog"))["value"] == 80002


def test_only_suspect_rows_give_no_headline():
    assert headline(rows((1, "exact", "suspect", "stats")), SOURCES, KEYS).empty


def test_final_beats_preliminary():
    assert pick((52385, "exact", "preliminary", "stats"), (52367, "exact", "final", "press"))["value"] == 52367


def test_exact_beats_rounded_even_from_a_stronger_source():
    assert pick((88000, "about", "final", "ministry"), (88155, "exact", "final", "press"))["value"] == 88155


def test_rounded_wordings_rank_alike_so_reliability_decides():
    assert pick((107000, "more_than", "final", "blog"), (105000, "about", "final", "press"))["value"] == 105000


def test_more_reliable_source_wins():
    assert pick((100, "exact", "final", "blog"), (101, "exact", "final", "press"))["value"] == 101


def test_kind_breaks_tie_in_reliability():
    assert pick((7, "exact", "final", "ministry"), (8, "exact", "final", "stats"))["value"] == 8


def test_later_release_wins_and_undated_is_last():
    assert pick((1, "exact", "final", "stats-old"), (2, "exact", "final", "stats"))["value"] == 2
    assert pick((3, "exact", "final", "undated"), (1, "exact", "final", "stats-old"))["value"] == 1


def test_revised_plan_beats_original():
    specs = [(130000, "exact", "plan_original", "stats"), (70000, "exact", "plan_revised", "stats-old")]
    assert pick(*specs)["value"] == 70000


def test_alternatives_and_agreement_reported():
    got = pick((159986, "exact", "final", "stats"), (155000, "about", "final", "press"), (159986, "exact", "final", "blog"))
    assert got["value"] == 159986 and got["n_sources"] == 3
    assert got["alternatives"] == [155000] and not got["sources_agree"]


def test_suspect_disagreement_does_not_break_agreement():
    got = pick((10, "exact", "final", "stats"), (99, "exact", "suspect", "blog"))
    assert got["sources_agree"] and got["alternatives"] == [] and got["suspect_values"] == [99]


def test_order_of_rows_does_not_matter():
    specs = [(1, "exact", "final", "stats-old"), (2, "exact", "final", "stats"), (3, "about", "final", "press")]
    assert pick(*specs)["value"] == pick(*reversed(specs))["value"] == 2


def test_alternatives_marks_one_headline_per_quantity():
    out = alternatives(rows((1, "exact", "final", "stats"), (2, "about", "final", "press")), SOURCES, KEYS)
    assert out["is_headline"].tolist() == [True, False]


def test_faint_rows_are_the_differing_usable_rows_with_their_sources():
    table = rows((10, "exact", "final", "stats"), (12, "about", "final", "press"), (99, "exact", "suspect", "blog"),
                 (10, "about", "final", "blog"))
    got = headline(table, SOURCES, KEYS).iloc[0]
    assert got["alternatives"] == [12] and got["alternative_sources"] == ["press"]
    faint = faint_rows(table, SOURCES, KEYS)
    assert faint[["value", "source_id"]].values.tolist() == [[12, "press"]]


def _low_only(frame):
    return only_low_reliability(frame, SOURCES, KEYS).set_index("destination")["only_low_reliability"].to_dict()


def test_a_value_resting_only_on_low_reliability_sources_is_flagged():
    frame = pd.concat([
        rows((39938, "exact", "final", "blog")).assign(destination="JPN"),               # one low source
        rows((126000, "more_than", "final", "blog"), (126000, "about", "final", "press")),  # a medium one too
        rows((5, "exact", "final", "blog"), (9, "exact", "suspect", "stats")).assign(destination="TWN"),
        rows((7, "exact", "suspect", "blog")).assign(destination="KOR"),                  # suspect only: no row
        rows((3, "exact", "final", "unknown-id")).assign(destination="SGP"),              # not in sources
    ])
    # A suspect row of a reliable source does not rescue a low-only value (it is never drawn).
    assert _low_only(frame) == {"JPN": True, "ALL": False, "TWN": True, "SGP": False}
    # Same quantity split by period: each period is judged on its own rows.
    other_year = rows((1, "exact", "final", "stats")).assign(period_start=pd.Timestamp("2022-01-01"),
                                                              period_end=pd.Timestamp("2022-12-31"))
    both = only_low_reliability(pd.concat([rows((2, "exact", "final", "blog")), other_year]), SOURCES, KEYS)
    assert both.sort_values("period_end")["only_low_reliability"].tolist() == [False, True]
    assert only_low_reliability(rows((1, "exact", "final", "blog")).iloc[0:0], SOURCES, KEYS).empty
