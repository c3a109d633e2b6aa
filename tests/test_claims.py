"""The claims check: the tolerance rule at its edges, each verdict on small hand-built frames,
and every real claim getting exactly one verdict from the closed set."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from vnjp import claims
from vnjp.claims import Spec, accepts, stated_step

# --------------------------------------------------------------------------- hand-built data

SOURCES = pd.DataFrame({
    "source_id": ["seed-x", "stats", "press", "blog"],
    "kind": ["seed_document", "official_statistics", "press_report", "mirror_blog"],
    "reliability": ["high", "high", "medium", "low"],
    "published": ["2023-08-25", "2024-01-10", "2023-02-01", pd.NA],
})


def dep(*rows):
    """departures rows: (destination, year, value, qualifier, status, source_id[, sex, measure, value_upper])."""
    out = []
    for r in rows:
        dest, year, value, qual, status, sid, *rest = r
        sex = rest[0] if len(rest) > 0 else "all"
        measure = rest[1] if len(rest) > 1 else "workers_sent"
        upper = rest[2] if len(rest) > 2 else pd.NA
        out.append({"measure": measure, "destination": dest, "sex": sex, "period": "full_year",
                    "period_start": pd.Timestamp(f"{year}-01-01"), "period_end": pd.Timestamp(f"{year}-12-31"),
                    "value": value, "value_upper": upper, "qualifier": qual, "status": status, "source_id": sid,
                    "year": year})
    frame = pd.DataFrame(out)
    frame["value_upper"] = frame["value_upper"].astype("Float64")
    frame["year"] = frame["year"].astype("Int64")
    return frame


def res(*rows):
    """residents_japan rows: (date, nationality, status_of_residence, value, qualifier, status, source_id[, basis])."""
    return pd.DataFrame([{"date": pd.Timestamp(d), "nationality": n, "status_of_residence": s,
                          "basis": rest[0] if rest else "residence_statistics", "unit": "persons", "value": v,
                          "qualifier": q, "status": st, "source_id": sid}
                         for d, n, s, v, q, st, sid, *rest in rows])


TIMELINE = pd.DataFrame({
    "event_id": ["relations-1973", "start-1992", "round1", "round2"],
    "date": ["1973-09-21", "1992", "2025-07-22", "2025-12"],
    "date_precision": ["day", "year", "day", "month"],
    "source_id": ["press", "stats", "press", "seed-x"],
})


def claim(cid, check, value=None, qualifier="exact", unit="persons", numerator=None, denominator=None,
          reference_date=None, value_upper=None, source_id="seed-x"):
    return {"claim_id": cid, "source_id": source_id, "claim_en": "A test statement.", "quantity": "test",
            "reference_date": reference_date, "value": value, "value_upper": value_upper, "unit": unit,
            "qualifier": qualifier if value is not None else None, "check": check, "numerator": numerator,
            "denominator": denominator, "note": ""}


def run(rows, frames, specs=None):
    table = pd.DataFrame(rows)
    for col in ("value", "value_upper"):
        table[col] = table[col].astype("Float64")
    return claims.check(table, frames, SOURCES, specs=specs or {}).set_index("claim_id")


JPN = "departures?measure=workers_sent&destination=JPN&sex=all&period=full_year"
ALL = "departures?measure=workers_sent&destination=ALL&sex=all&period=full_year"


# --------------------------------------------------------------------------- the tolerance rule


def test_stated_step_reads_the_precision_of_the_figure():
    assert stated_step(345000, "persons") == 1000
    assert stated_step(5500, "persons") == 100
    assert stated_step(10_000_000, "persons") == 1000  # capped
    assert stated_step(50, "percent") == 1
    assert stated_step(133.3, "percent") == pytest.approx(0.1)
    assert stated_step(27.5, "USD_bn") == pytest.approx(0.1)


def test_more_than_is_strict():
    assert not accepts(50.0, 50, "more_than", "percent")
    assert accepts(50.0001, 50, "more_than", "percent")
    assert not accepts(49.99, 50, "more_than", "percent")


def test_about_is_rounding_at_the_stated_precision_half_up():
    assert accepts(344_500, 345_000, "about", "persons")
    assert accepts(345_499, 345_000, "about", "persons")
    assert not accepts(345_500, 345_000, "about", "persons")
    assert not accepts(344_499, 345_000, "about", "persons")
    assert accepts(49.5, 50, "about", "percent") and not accepts(50.5, 50, "about", "percent")
    assert not accepts(47.13, 50, "about", "percent")


def test_nearly_is_a_little_below_within_the_band():
    assert accepts(23.75, 25, "nearly", "USD_bn")  # exactly 5% below
    assert accepts(24.99, 25, "nearly", "USD_bn")
    assert not accepts(25.0, 25, "nearly", "USD_bn")  # not below
    assert not accepts(23.74, 25, "nearly", "USD_bn")  # too far below
    assert claims.NEARLY_BAND == 0.05


def test_less_than_and_exact():
    assert accepts(9.99, 10, "less_than", "count") and not accepts(10, 10, "less_than", "count")
    assert accepts(159986, 159986, "exact", "persons") and not accepts(159985, 159986, "exact", "persons")
    assert accepts(133.32, 133.3, "exact", "percent")  # rounds to the stated decimal
    assert accepts(133.25, 133.3, "exact", "percent") and not accepts(133.35, 133.3, "exact", "percent")


# --------------------------------------------------------------------------- verdicts on small frames


def test_value_verdicts_and_the_headline_rule():
    frames = {"departures": dep(
        ("JPN", 2023, 80010, "exact", "final", "stats"),
        ("JPN", 2023, 80000, "about", "final", "press"),
        ("JPN", 2023, 99999, "exact", "suspect", "blog"),
        ("KOR", 2023, 11600, "about", "final", "press"),
        ("TWN", 2023, 58620, "exact", "final", "stats"),
    )}
    out = run([
        claim("exact-ok", "value", 80010, numerator=JPN + "&year=2023"),
        claim("exact-off", "value", 80100, numerator=JPN + "&year=2023"),
        claim("about-ok", "value", 80000, "about", numerator=JPN + "&year=2023"),
        claim("exact-vs-rounded", "value", 11600, numerator=JPN.replace("JPN", "KOR") + "&year=2023"),
        claim("more-fails", "value", 60000, "more_than", numerator=JPN.replace("JPN", "TWN") + "&year=2023"),
        claim("gap", "value", 1000, numerator=JPN + "&year=2019"),
    ], frames)
    assert out.loc["exact-ok", ["verdict", "reason"]].tolist() == ["reproduced", "equal"]
    assert out.loc["exact-ok", "data_source_ids"] == ["stats"]  # the headline row, not the suspect one
    assert "80,000" in out.loc["exact-ok", "alternatives"]
    assert out.loc["exact-off", ["verdict", "reason"]].tolist() == ["not_supported", "value_differs"]
    assert "-0.1%" in out.loc["exact-off", "arithmetic"]
    assert out.loc["about-ok", "verdict"] == "consistent"
    assert out.loc["exact-vs-rounded", ["verdict", "reason"]].tolist() == ["consistent", "data_rounded"]
    assert out.loc["more-fails", "verdict"] == "not_supported"
    assert "≤" in out.loc["more-fails", "arithmetic"]
    assert out.loc["gap", ["verdict", "reason"]].tolist() == ["no_data", "no_rows"]


def test_range_claim_needs_both_ends():
    frames = {"departures": dep(("ALL", 2023, 110000, "exact", "plan_original", "stats", "all", "plan_target", 120000))}
    sel = "departures?measure=plan_target&destination=ALL&sex=all&period=full_year&year=2023"
    out = run([claim("range", "value", 110000, numerator=sel, value_upper=120000),
               claim("range-off", "value", 110000, numerator=sel, value_upper=125000)], frames)
    assert out.loc["range", "verdict"] == "reproduced"
    assert out.loc["range-off", "verdict"] == "not_supported"


def test_share_true_in_some_years_only_and_exactly_half_is_not_over_half():
    frames = {"departures": dep(
        ("JPN", 2020, 60, "exact", "final", "stats"), ("ALL", 2020, 100, "exact", "final", "stats"),
        ("JPN", 2021, 50, "exact", "final", "stats"), ("ALL", 2021, 100, "exact", "final", "stats"),
        ("JPN", 2022, 40, "exact", "final", "stats"), ("ALL", 2022, 100, "exact", "final", "stats"),
    )}
    specs = {"multi": Spec(years=(2020, 2021, 2022)), "half": Spec(), "all-hold": Spec(years=(2020,)),
             "gap-year": Spec(years=(2020, 2023))}
    out = run([
        claim("multi", "share", 50, "more_than", "percent", JPN, ALL),
        claim("half", "share", 50, "more_than", "percent", JPN + "&year=2021", ALL + "&year=2021"),
        claim("all-hold", "share", 50, "more_than", "percent", JPN, ALL),
        claim("gap-year", "share", 50, "more_than", "percent", JPN, ALL),
    ], frames, specs)
    multi = out.loc["multi"]
    assert (multi["verdict"], multi["reason"]) == ("not_supported", "true_some_years_only")
    assert "2020" in multi["explanation"] and "2021, 2022" in multi["explanation"]
    assert multi["arithmetic"].count("(20") == 3  # one line per year
    assert multi["details"] == {"2020": 60.0, "2021": 50.0, "2022": 40.0}
    assert out.loc["half", "verdict"] == "not_supported"  # 50.00% is not over 50%
    assert out.loc["all-hold", ["verdict", "reason"]].tolist() == ["consistent", "within_wording"]
    assert out.loc["gap-year", ["verdict", "reason"]].tolist() == ["no_data", "years_missing"]
    assert "2023" in out.loc["gap-year", "explanation"]


def test_share_against_the_upper_end_of_a_plan():
    frames = {"departures": dep(
        ("ALL", 2023, 159986, "exact", "final", "stats"),
        ("ALL", 2023, 110000, "exact", "plan_original", "stats", "all", "plan_target", 120000))}
    plan = "departures?measure=plan_target&destination=ALL&sex=all&period=full_year&year=2023"
    out = run([claim("pct", "share", 133.3, "exact", "percent", ALL + "&year=2023", plan)], frames,
              {"pct": Spec(use_upper=True)})
    assert out.loc["pct", "verdict"] == "reproduced"
    assert "/ 120,000" in out.loc["pct", "arithmetic"]


def test_sum_with_missing_years_is_never_summed_silently():
    frames = {"departures": dep(
        ("JPN", 2020, 100, "exact", "final", "stats"),
        ("JPN", 2022, 100, "exact", "final", "stats"),
        ("JPN", 2021, 100, "about", "final", "press"),
    )}
    specs = {"gap-undecided": Spec(sum_years=(2019, 2022)), "gap-exceeds": Spec(sum_years=(2019, 2022)),
             "complete": Spec(sum_years=(2020, 2022)), "gap-more": Spec(sum_years=(2019, 2022))}
    out = run([
        claim("gap-undecided", "sum", 400, "about", numerator=JPN),
        claim("gap-exceeds", "sum", 200, "about", numerator=JPN),
        claim("complete", "sum", 300, "exact", numerator=JPN),
        claim("gap-more", "sum", 250, "more_than", numerator=JPN),
    ], frames, specs)
    undecided = out.loc["gap-undecided"]
    assert (undecided["verdict"], undecided["reason"]) == ("no_data", "years_missing")
    assert "2019" in undecided["explanation"] and "2019" in undecided["arithmetic"]
    assert math.isnan(undecided["data_value"])
    exceeds = out.loc["gap-exceeds"]  # 300 known (≥ 295 with the rounded year) > about 200 whatever 2019 was
    assert (exceeds["verdict"], exceeds["reason"]) == ("not_supported", "parts_do_not_add_up")
    assert "2019" in exceeds["explanation"]
    assert out.loc["complete", ["verdict", "reason"]].tolist() == ["consistent", "data_rounded"]
    assert out.loc["gap-more", "verdict"] == "consistent"  # a lower bound already above 'more than 250'


def test_rank_among_single_destinations():
    frames = {"departures": dep(
        ("ALL", 2022, 1000, "exact", "final", "stats"), ("JPN", 2022, 400, "exact", "final", "stats"),
        ("TWN", 2022, 500, "exact", "final", "stats"), ("KOR", 2022, 100, "exact", "final", "stats"))}
    pool = "departures?measure=workers_sent&sex=all&period=full_year&year=2022"
    out = run([claim("first", "rank", 1, unit="rank", numerator=JPN + "&year=2022", denominator=pool),
               claim("second", "rank", 2, unit="rank", numerator=JPN + "&year=2022", denominator=pool),
               claim("top3", "rank", 3, unit="rank", numerator=JPN + "&year=2022", denominator=pool)],
              frames, {"top3": Spec(top_n=3)})
    assert out.loc["first", ["verdict", "reason"]].tolist() == ["not_supported", "rank_differs"]
    assert out.loc["second", "verdict"] == "reproduced"
    assert out.loc["top3", ["verdict", "reason"]].tolist() == ["consistent", "top_n"]


def test_residents_alternative_date_is_a_visible_proxy():
    frames = {"residents_japan": res(
        ("2023-06-30", "VNM", "technical_intern_training", 185, "exact", "final", "stats"),
        ("2023-06-30", "ALL", "technical_intern_training", 358, "exact", "final", "stats"))}
    sel = "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&date=2022-12-31"
    out = run([claim("no-alt", "value", 100, "more_than", numerator=sel),
               claim("alt", "value", 100, "more_than", numerator=sel),
               claim("share-alt", "share", 50, "more_than", "percent", sel, sel.replace("VNM", "ALL"))],
              frames, {"alt": Spec(alt_dates=("2023-06-30",)), "share-alt": Spec(alt_dates=("2023-06-30",))})
    assert out.loc["no-alt", "verdict"] == "no_data"
    assert "2023-06-30" in out.loc["no-alt", "explanation"]  # related rows named as context
    assert out.loc["alt", ["verdict", "reason"]].tolist() == ["consistent", "proxy"]
    assert out.loc["share-alt", ["verdict", "reason"]].tolist() == ["consistent", "proxy"]


def test_timeline_claims():
    frames = {"timeline": TIMELINE}
    ev = "timeline?event_id="
    specs = {"fifty": Spec(timeline=("years_since", {})), "over30": Spec(timeline=("years_since", {})),
             "year": Spec(timeline=("same_date", {})), "wrong-year": Spec(timeline=("same_date", {})),
             "month": Spec(timeline=("same_date", {"date": "2025-12-24"})),
             "second": Spec(timeline=("nth", {"prefix": "round"}))}
    out = run([
        claim("fifty", "qualitative", 50, unit="count", numerator=ev + "relations-1973", reference_date="2023"),
        claim("over30", "qualitative", 30, "more_than", "count", ev + "start-1992", reference_date="2022"),
        claim("year", "qualitative", numerator=ev + "relations-1973", reference_date="1973"),
        claim("wrong-year", "qualitative", numerator=ev + "start-1992", reference_date="1993"),
        # round2 is dated by seed-x: this claim is from another document, so the event may test it
        claim("month", "qualitative", numerator=ev + "round2", reference_date="2025-12", source_id="seed-y"),
        claim("second", "qualitative", 2, unit="count", numerator=ev + "round2"),
        claim("prose", "qualitative", unit="none"),
        claim("vague", "untestable", unit="none"),
    ], frames, specs)
    assert out.loc["fifty", "verdict"] == "reproduced" and "2023 − 1973 = 50" in out.loc["fifty", "arithmetic"]
    assert out.loc["over30", "verdict"] == "not_supported"  # 2022 − 1992 = 30 is not over 30
    assert out.loc["year", "verdict"] == "reproduced"
    assert out.loc["wrong-year", ["verdict", "reason"]].tolist() == ["not_supported", "date_differs"]
    assert out.loc["month", ["verdict", "reason"]].tolist() == ["consistent", "precision_limited"]
    # round2 is dated only by seed-x, the claim's own document: a gap, not a confirmation
    assert out.loc["second", ["verdict", "reason"]].tolist() == ["no_data", "only_own_figures"]
    assert out.loc["second", "data_source_ids"] == [] and bool(out.loc["second", "own_left_out"])
    assert out.loc["prose", ["verdict", "reason"]].tolist() == ["not_testable", "no_selector"]
    assert out.loc["vague", ["verdict", "reason"]].tolist() == ["not_testable", "vague"]


def test_a_claim_is_never_tested_against_its_own_document():
    """Rows whose source_id is the claim's own (seed-x) are left out before the headline rule."""
    frames = {"departures": dep(
        ("JPN", 2023, 80010, "exact", "final", "seed-x"),  # only the claim's own document
        ("KOR", 2023, 11626, "exact", "final", "seed-x"),  # own row (would be the headline: seed > press) ...
        ("KOR", 2023, 11626, "exact", "final", "press"),  # ... and another source's row
        ("TWN", 2023, 58620, "exact", "final", "seed-x"),  # own row agrees with the claim ...
        ("TWN", 2023, 58000, "exact", "final", "press"),  # ... the other source does not
        ("ALL", 2023, 159986, "exact", "final", "press"),
        ("ALL", 2023, 110000, "exact", "plan_original", "seed-x", "all", "plan_target", 120000),
    ), "timeline": TIMELINE}
    plan = "departures?measure=plan_target&destination=ALL&sex=all&period=full_year&year=2023"
    out = run([
        claim("own-only", "value", 80010, numerator=JPN + "&year=2023"),
        claim("own-and-other", "value", 11626, numerator=JPN.replace("JPN", "KOR") + "&year=2023"),
        claim("other-differs", "value", 58620, numerator=JPN.replace("JPN", "TWN") + "&year=2023"),
        claim("own-denominator", "share", 133.3, "exact", "percent", ALL + "&year=2023", plan),
        claim("not-own", "value", 159986, numerator=ALL + "&year=2023"),
        claim("own-earlier-event", "qualitative", 2, unit="count", numerator="timeline?event_id=round2"),
    ], frames, {"own-denominator": Spec(use_upper=True), "own-earlier-event": Spec(timeline=("nth", {"prefix": "round"}))})
    own = out.loc["own-only"]
    assert (own["verdict"], own["reason"]) == ("no_data", "only_own_figures")
    assert own["data_source_ids"] == [] and math.isnan(own["data_value"]) and bool(own["own_left_out"])
    assert "seed-x" in own["explanation"]
    both = out.loc["own-and-other"]
    assert (both["verdict"], both["reason"]) == ("reproduced", "equal")
    assert both["data_source_ids"] == ["press"] and "[press]" in both["data"] and bool(both["own_left_out"])
    assert "tested against press" in both["explanation"]
    # the seed would have confirmed itself; the other source contradicts it
    assert out.loc["other-differs", ["verdict", "data_source_ids"]].tolist() == ["not_supported", ["press"]]
    # a share whose denominator only the seed states is not computed from the seed's row
    assert out.loc["own-denominator", ["verdict", "reason"]].tolist() == ["no_data", "only_own_figures"]
    assert not out.loc["not-own", "own_left_out"] and out.loc["not-own", "verdict"] == "reproduced"
    assert out.loc["own-earlier-event", "reason"] == "only_own_figures"
    assert not out["data_source_ids"].map(lambda ids: "seed-x" in ids).any()


def test_a_qualitative_claim_with_a_selector_must_say_how_it_is_tested():
    with pytest.raises(ValueError, match="needs a timeline_test"):
        run([claim("untold", "qualitative", numerator="timeline?event_id=start-1992")], {"timeline": TIMELINE})


def test_compress_years():
    assert claims.compress_years([1992, 1993, 1994, 2008, 2010, 2011]) == "1992–1994, 2008, 2010–2011"


# --------------------------------------------------------------------------- the real claims


@pytest.fixture(scope="module")
def real():
    return claims.check()


def test_every_real_claim_gets_exactly_one_verdict_from_the_closed_set(real):
    from vnjp import data

    ids = data.load("claims")["claim_id"]
    assert list(real["claim_id"]) == list(ids)
    assert real["claim_id"].is_unique
    assert set(real["verdict"]) <= set(claims.VERDICTS)
    assert set(real["reason"]) <= set(claims.REASONS)
    tested = real[real["verdict"].isin(["reproduced", "consistent", "not_supported"])]
    assert tested["arithmetic"].str.len().gt(0).all()
    assert tested["data_source_ids"].map(len).gt(0).all()
    assert set(claims.specs_of(data.load("claims"))) == set(ids)


def test_real_claims_named_results(real):
    by = real.set_index("claim_id")
    assert by.loc["c000-02", "reason"] == "true_some_years_only"
    assert by.loc["c001-04", "reason"] == "stock_called_flow"
    assert by.loc["c000-11", "reason"] == "parts_do_not_add_up"
    # DOLAB's 2023 count, stated by seed-004, is tested against another source's transcription of it
    assert by.loc["c004-01", "verdict"] == "reproduced" and bool(by.loc["c004-01", "own_left_out"])
    assert "seed-004" not in by.loc["c004-01", "data_source_ids"] and by.loc["c004-01", "data_source_ids"]
    # an event only seed-004 dates is a gap, not a confirmation
    assert by.loc["c004-29", ["verdict", "reason"]].tolist() == ["no_data", "only_own_figures"]
    gaps = by[(by["verdict"] == "no_data") & (by["reason"] != "only_own_figures")]
    assert gaps["explanation"].str.contains("No row matches").all()
    # issue 12: the 2022 MOIT rows (reporter unstated) test the customs-worded claims, and say so
    for cid in ("c000-12", "c000-13", "c000-14"):
        assert by.loc[cid, "verdict"] in ("reproduced", "consistent") and by.loc[cid, "unstated_match"], cid
    # one fact, one test
    for twin, first in (("c001-06", "c000-06"), ("c001-03", "c000-01"), ("c001-05", "c000-04")):
        assert by.loc[twin, ["verdict", "reason", "data"]].tolist() == by.loc[first, ["verdict", "reason", "data"]].tolist()
        assert by.loc[twin, "same_fact_as"] == first
    # a selection holding only the second claim of a fact still gets the fact's one test
    from vnjp import data

    alone = claims.check(data.load("claims").query("claim_id == 'c001-06'")).set_index("claim_id")
    assert alone.loc["c001-06", ["verdict", "reason", "data"]].tolist() == by.loc["c001-06", ["verdict", "reason",
                                                                                           "data"]].tolist()
    # workers compared with the bases they name; the verdict names the closest
    assert "engineer_humanities_intl" in by.loc["c000-03", "base"] and "mhlw_employment" in by.loc["c000-03", "arithmetic"]
    assert "mhlw_employment" in by.loc["c001-10", "base"] and by.loc["c001-10", "verdict"] != "no_data"
    assert all(r["why"] in ("used", *claims.EXCLUDED) for c in by["considered"] for r in c)
    # issue 14: trainee claims also on the employer-reported base; the social-insurance steps
    for cid in ("c000-06", "c000-08"):
        assert "mhlw_employment" in by.loc[cid, "arithmetic"] and "5ch-repost-20230130" in by.loc[cid, "data_source_ids"]
    assert "mhlw_employment 2022-10-31" in by.loc["c000-07", "arithmetic"]
    assert by.loc["c000-20", "verdict"] == "no_data" and "compared, not tested" in by.loc["c000-20", "arithmetic"]
    assert "ssa-preliminary-2023 2023-03-14 ≤ 2023-08-25" in by.loc["c000-17", "arithmetic"]
    assert by.loc["c002-01", ["verdict", "reason"]].tolist() == ["reproduced", "equal"]
    assert "seed-002" not in by.loc["c002-01", "data_source_ids"]


def test_no_real_claim_rests_on_its_own_document(real):
    assert not real.apply(lambda r: r["source_id"] in r["data_source_ids"], axis=1).any()
    own_only = real[real["reason"] == "only_own_figures"]
    assert (own_only["verdict"] == "no_data").all() and own_only["own_left_out"].all()


# --------------------------------------------------------------------------- issue 12: lookup accidents


def eco(*rows):
    """economy rows: (indicator, reporter, year, value, qualifier, status, source_id)."""
    return pd.DataFrame([{"indicator": i, "reporter": rep, "year": y, "year_basis": "calendar",
                          "period_start": pd.NaT, "period_end": pd.NaT, "unit": "USD_bn", "value": v,
                          "qualifier": q, "status": st, "source_id": sid}
                         for i, rep, y, v, q, st, sid in rows]).astype({"year": "Int64"})


EXP = "economy?indicator=exports_vn_to_jp&reporter=vn_customs&year={y}&year_basis=calendar&unit=USD_bn"


def test_a_reporter_also_matches_rows_whose_reporter_is_unstated_and_says_so():
    frames = {"economy": eco(
        ("exports_vn_to_jp", "unstated", 2022, 24.2, "exact", "final", "press"),
        ("exports_vn_to_jp", "jp_mof", 2022, 30.0, "exact", "final", "stats"),  # another stated reporter: never
        ("exports_vn_to_jp", "vn_customs", 2021, 20.1, "exact", "final", "stats"),
        ("exports_vn_to_jp", "vn_customs", 2022, 26.0, "exact", "suspect", "blog"),
        ("exports_vn_to_jp", "vn_customs", 2022, 24.9, "exact", "final", "seed-x"),
    )}
    out = run([claim("loose", "value", 25, "nearly", "USD_bn", numerator=EXP.format(y=2022)),
               claim("strict", "value", 20.1, "exact", "USD_bn", numerator=EXP.format(y=2021))], frames)
    loose = out.loc["loose"]
    assert (loose["verdict"], loose["reason"]) == ("consistent", "within_wording")
    assert loose["data_source_ids"] == ["press"] and bool(loose["unstated_match"])
    assert "unstated" in loose["explanation"] and "press" in loose["explanation"]
    assert not out.loc["strict", "unstated_match"] and "unstated" not in out.loc["strict", "explanation"]
    why = {(r["source_id"], r["period"]): r["why"] for r in loose["considered"]}
    assert why == {("press", "2022"): "used", ("stats", "2022"): "other reporter/basis",
                   ("stats", "2021"): "out of date range", ("blog", "2022"): "suspect",
                   ("seed-x", "2022"): "own document"}
    listed = claims.considered_table(out.reset_index(), "loose")
    assert set(listed["why"]) <= {"used", *claims.EXCLUDED} and len(listed) == 5


def test_an_explicit_unstated_selector_matches_only_unstated_rows():
    frames = {"economy": eco(("exports_vn_to_jp", "vn_customs", 2022, 24.2, "exact", "final", "stats"))}
    sel = EXP.format(y=2022).replace("vn_customs", "unstated")
    out = run([claim("u", "value", 24.2, "exact", "USD_bn", numerator=sel)], frames)
    assert out.loc["u", "verdict"] == "no_data"


TITP = "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&basis=residence_statistics"


def test_claims_stating_one_fact_get_one_test():
    frames = {"residents_japan": res(
        ("2023-06-30", "VNM", "technical_intern_training", 185, "exact", "final", "stats"),
        ("2023-06-30", "ALL", "technical_intern_training", 358, "exact", "final", "stats"),
        ("2022-12-31", "VNM", "technical_intern_training", 999, "exact", "final", "seed-y"))}  # the twin's own row
    num_sel, den_sel = TITP + "&date=2022-12-31", TITP.replace("nationality=VNM&", "") + "&date=2022-12-31"
    rows = [claim("first", "rank", 1, unit="rank", numerator=num_sel, denominator=den_sel),
            claim("twin", "rank", 1, unit="rank", numerator=num_sel, denominator=den_sel, source_id="seed-y"),
            claim("alone", "rank", 1, unit="rank", numerator=num_sel, denominator=den_sel, source_id="seed-y")]
    spec = Spec(alt_dates=("2023-06-30",), handler=claims.titp_rank_2022)
    out = run(rows, frames, {"first": spec, "twin": Spec(same_fact_as="first"), "alone": Spec()})
    cols = ["verdict", "reason", "data", "arithmetic", "data_source_ids"]
    assert out.loc["first", cols].tolist() == out.loc["twin", cols].tolist()
    assert out.loc["first", ["verdict", "reason"]].tolist() == ["consistent", "proxy"]
    assert out.loc["twin", "same_fact_as"] == "first" and "Same fact as first" in out.loc["twin", "explanation"]
    # the twin's own row is left out of the shared test too (the first claim would otherwise rest on seed-y)
    assert "seed-y" not in out.loc["first", "data_source_ids"]
    assert out.loc["alone", "verdict"] != out.loc["first", "verdict"]  # without the link: a lookup accident
    with pytest.raises(ValueError, match="differ in value"):
        run([rows[0], {**rows[1], "value": 2}], frames, {"first": spec, "twin": Spec(same_fact_as="first")})
    with pytest.raises(ValueError, match="not among the claims"):
        run([rows[1]], frames, {"twin": Spec(same_fact_as="first")})


def test_workers_are_compared_with_each_base_they_name_and_the_closest_decides():
    st = "technical_intern_training+specified_skilled_worker+engineer_humanities_intl"
    frames = {"residents_japan": res(
        ("2022-10-31", "VNM", "total", 462, "exact", "final", "stats", "mhlw_employment"),
        ("2022-12-31", "VNM", "total", 489, "exact", "final", "stats"),
        ("2023-06-30", "VNM", "technical_intern_training", 185, "exact", "final", "stats"),
        ("2023-06-30", "VNM", "specified_skilled_worker", 97, "exact", "final", "stats"),
        ("2023-06-30", "VNM", "engineer_humanities_intl", 88, "exact", "final", "stats"),
        ("2022-12-31", "VNM", "technical_intern_training", 170, "exact", "final", "stats"),  # parts incomplete here
        ("2025-06-30", "VNM", "specified_skilled_worker", 1, "exact", "final", "stats"),  # beyond the window
    )}
    mhlw = "residents_japan?nationality=VNM&status_of_residence=total&basis=mhlw_employment&date=2022-10-31"
    bases = (f"residents_japan?nationality=VNM&status_of_residence={st}&basis=residence_statistics",)
    specs = {"w": Spec(alt_bases=bases), "w-far": Spec(alt_bases=bases), "w-more": Spec(alt_bases=bases)}
    out = run([claim("w", "value", 370, "about", numerator=mhlw, reference_date="2022-12-31"),
               claim("w-far", "value", 345, "about", numerator=mhlw, reference_date="2022-12-31"),
               claim("w-more", "value", 400, "more_than", numerator=mhlw, reference_date="2022-12-31")],
              frames, specs)
    w = out.loc["w"]
    assert (w["verdict"], w["reason"]) == ("consistent", "within_wording")
    assert "2023-06-30" in w["base"] and "technical_intern_training + " in w["base"]  # nearest date with all parts
    assert w["data_value"] == 370 and w["details"] == {w["base"]: 370.0, "total, mhlw_employment 2022-10-31": 462.0}
    assert "462" in w["arithmetic"] and "185 [stats] + 97 [stats] + 88 [stats] = 370" in w["arithmetic"]
    far = out.loc["w-far"]
    assert (far["verdict"], far["reason"]) == ("not_supported", "value_differs") and "2023-06-30" in far["base"]
    assert "+7.2%" in far["explanation"] and "+33.9%" in far["explanation"]  # every base with its gap
    # one-sided wording: the base inside the accepted values wins although another is nearer the figure
    more = out.loc["w-more"]
    assert more["verdict"] == "consistent" and "mhlw_employment" in more["base"]
    # a base's nearest date must lie within the window: three years away is no base, the gap stays a gap
    old = run([claim("old", "value", 370, "about", numerator=mhlw.replace("2022-10-31", "2020-03-31"))],
              frames, {"old": Spec(alt_bases=bases)}).loc["old"]
    assert (old["verdict"], old["reason"], old["base"]) == ("no_data", "no_rows", "")


def test_a_date_with_no_row_is_bracketed_and_never_interpolated():
    frames = {"residents_japan": res(
        ("2022-06-30", "VNM", "technical_intern_training", 170_000, "exact", "final", "stats"),
        ("2023-06-30", "VNM", "technical_intern_training", 185_563, "exact", "final", "stats"),
        ("2022-12-31", "VNM", "technical_intern_training", 200_000, "about", "final", "press", "vn_government_estimate"),
        ("2020-12-31", "VNM", "student", 50_000, "exact", "final", "stats"),
        ("2023-06-30", "VNM", "student", 40_000, "exact", "final", "stats"))}
    sel = TITP + "&date=2022-12-31"
    out = run([claim("in", "value", 176_000, "about", numerator=sel),
               claim("edge", "value", 185_563, "exact", numerator=sel),
               claim("edge-low", "value", 170_000, "about", numerator=sel),  # its band starts below the bracket
               claim("out", "value", 200_000, "more_than", numerator=sel),
               claim("far", "value", 45_000, "about", numerator=sel.replace("technical_intern_training", "student"))],
              frames)
    inside = out.loc["in"]
    assert (inside["verdict"], inside["reason"]) == ("consistent", "bracketed")
    assert math.isnan(inside["data_value"])  # no interpolated value presented as data
    assert inside["details"]["bracket"] == [170_000, 185_563]
    assert inside["details"]["bracket_dates"] == ["2022-06-30", "2023-06-30"]
    assert "no value interpolated" in inside["arithmetic"] and "177" not in inside["data"]
    assert inside["data_source_ids"] == ["stats"]  # the other basis' 200,000 at the date is not used
    assert out.loc["edge", "reason"] == "bracketed"  # an end of the bracket counts
    assert out.loc["edge-low", "reason"] == "bracketed"
    assert out.loc["out", ["verdict", "reason"]].tolist() == ["not_supported", "outside_bracket"]
    far = out.loc["far"]  # the earlier row is two years away: no bracket, a visible gap
    assert (far["verdict"], far["reason"]) == ("no_data", "no_rows") and "No bracket" in far["explanation"]
    assert "bracketed" in claims.REASONS and "outside_bracket" in claims.REASONS


# --------------------------------------------------------------------------- a claim's test lives in its row

#: SPECS as it stood in vnjp/claims.py before the move to claims.csv (with the issue-12 entries).
FORMER_SPECS: dict[str, Spec] = {
    # share of departures going to Japan: 'recent years' before Aug 2023 = 2018-2022, each strictly > 50
    "c000-02": Spec("each of 2018–2022 strictly above 50%; 2023 for context", years=(2018, 2019, 2020, 2021, 2022),
                    context_years=(2023,)),
    "c001-09": Spec("2022 rounds to 50%; recent years for context", context_years=(2018, 2019, 2020, 2021, 2023)),
    "c004-03": Spec("divide by the plan's upper end", use_upper=True),
    # residents: end-2022 (said in Aug 2023); the note adds mid-2023
    # issue 14: the employer-reported trainees (MHLW, end-October 2022) as another base of c000-06/07/08
    "c000-06": Spec("largest single nationality; also 2023-06-30 and employer-reported Oct 2022 (over half ⇒ largest)",
                    alt_dates=("2023-06-30",), alt_bases=("residents_japan?basis=mhlw_employment&date=2022-10-31",), handler=claims.titp_rank_2022),
    "c000-07": Spec("strictly above 200,000; residence statistics and employer-reported trainees at the nearest "
                    "dates; closest base decides", also=(
        "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&basis=titp_statistics"
        "&date=2022-12-31",), alt_bases=(
        "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&basis=residence_statistics",
        "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&basis=mhlw_employment")),
    # issue 14: the employer count is shown, not tested (the bases differ by more than the wording allows)
    "c000-20": Spec("residence statistics at end-2022 (bracket if no row); employer-reported October count shown, "
                    "not tested", also=("residents_japan?nationality=VNM&status_of_residence=technical_intern_training"
                                        "&basis=mhlw_employment&date=2022-10-31",)),
    "c000-03": Spec("workers: employer-reported count and the working statuses summed; closest base decides",
                    alt_bases=("residents_japan?nationality=VNM&status_of_residence=technical_intern_training"
                               "+specified_skilled_worker+engineer_humanities_intl&basis=residence_statistics",),
                    also=("residents_japan?nationality=VNM&status_of_residence=total&basis=residence_statistics"
                          "&date=2022-12-31",
                          "residents_japan?nationality=VNM&status_of_residence=total&basis=vn_government_estimate"
                          "&date=2022-12-31")),
    "c000-08": Spec("strictly above 50%; also 2023-06-30 and employer-reported Oct 2022; closest base decides",
                    alt_dates=("2023-06-30",), alt_bases=("residents_japan?basis=mhlw_employment&date=2022-10-31",)),
    "c000-21": Spec("SSW publication or residence statistics basis", handler=claims.ssw_2022),
    "c001-06": Spec("same fact as c000-06", same_fact_as="c000-06"),
    "c001-10": Spec("workers: residence statistics and the employer-reported count; closest base decides",
                    alt_bases=("residents_japan?nationality=VNM&status_of_residence=engineer_humanities_intl"
                               "&basis=residence_statistics",
                               "residents_japan?nationality=VNM&status_of_residence=engineer_humanities_intl"
                               "&basis=mhlw_employment"),
                    also=("residents_japan?nationality=VNM&status_of_residence=engineer_humanities_intl"
                          "&basis=vn_government_estimate&date=2022-12-31",)),
    "c001-05": Spec("same fact as c000-04", same_fact_as="c000-04"),
    # economy: ranks and as-of dates
    "c000-10": Spec("one of the three largest: rank 1, 2 or 3", top_n=3),
    "c000-15": Spec("latest ranking up to 2023", latest_to_seed=True),
    "c000-16": Spec("latest as-of date before the seed; USD rows only", latest_to_seed=True),
    "c000-11": Spec("seed's own parts and the MOIT rows", handler=claims.trade_total_2022),
    # cumulative departures to Japan 1992-2022, against the 345,000 stock of c000-03
    "c001-04": Spec("sum 1992–2022; gaps make it a lower bound", sum_years=(1992, 2022), handler=claims.stock_or_flow_345k),
    # timeline
    "c000-01": Spec("2023 − 1973 = 50", timeline=("years_since", {})),
    "c001-03": Spec("same fact as c000-01", same_fact_as="c000-01", timeline=("years_since", {})),
    "c001-02": Spec("2023 − 1992 > 30", timeline=("years_since", {})),
    "c002-03": Spec("2025 − 1973 > 50", timeline=("years_since", {})),
    "c004-34": Spec("forum in 2023; 2023 − 1973 = 50", timeline=("years_since", {
        "event": "diplomatic-relations-1973",
        "also": " The timeline describes the forum as marking three decades of labour cooperation instead."})),
    "c000-18": Spec("event dated 1973", timeline=("same_date", {})),
    "c001-01": Spec("event dated 1992", timeline=("same_date", {})),
    "c001-07": Spec("event dated 2019-07-01", timeline=("same_date", {})),
    "c002-05": Spec("event dated 2025-03-01", timeline=("same_date", {})),
    "c004-29": Spec("event dated 2023-06-01", timeline=("same_date", {})),
    "c002-02": Spec("month only (timeline precision)", timeline=("same_date", {
        "date": "2025-12-24", "unchecked": "the days, 24 and 25 December, cannot be checked"})),
    "c001-11": Spec("starts 2012, ends 2016", timeline=("same_date", {
        "partly": "the end (2016) is held only in the event's description, not in a column."})),
    "c001-12": Spec("starts 2018, ends 2022", timeline=("same_date", {
        "partly": "the description ends phase 2 in November 2021; 2022 is the year of the closing review "
                  "(hotline-review-2022, 2022-02-14)."})),
    # issue 14: tested by the preliminary-talks step dated before the workshop (not an event after it)
    "c000-17": Spec("preliminary talks dated before the workshop; first round after it", timeline=("before", {
        "and": (("ssa-round1-2025", "after"),),
        "says": "Japan listed Vietnam for preliminary social-security consultations before the workshop, and the "
                "first negotiating round came only in 2025: talks were being discussed, no agreement existed."})),
    "c000-22": Spec("review under way in Aug 2023", timeline=("before", {
        "and": (("titp-final-report-2023", "after"),),
        "says": "The interim report precedes the seed and the final report follows it: the review was under way."})),
    "c002-04": Spec("upgrade precedes Dec 2025", timeline=("before", {
        "says": "The upgrade is dated before the seed's publication."})),
    "c002-06": Spec("first round precedes Dec 2025", timeline=("before", {
        "says": "The first negotiating round is dated before the seed's publication."})),
    "c002-01": Spec("second of the ssa-round events", timeline=("nth", {"prefix": "ssa-round"})),
    "c001-08": Spec("9 fields added (count in prose)", timeline=("prose_only", {
        "says": "The timeline dates the SSW (ii) expansion (after the September 2022 visit) but holds the number "
                "of fields only in its text; the minister's role cannot be tested."})),
    "c002-07": Spec("context only", timeline=("prose_only", {
        "says": "The timeline has the ESD law and its start, but no event for a bilateral ESD agreement."})),
}


def test_every_former_specs_entry_is_expressed_by_its_row():
    from vnjp import data

    rows = data.load("claims").set_index("claim_id", drop=False)
    for cid, former in FORMER_SPECS.items():
        assert claims.spec_of(rows.loc[cid]) == former, cid
    for cid in set(rows.index) - set(FORMER_SPECS):  # every other row asks for nothing beyond its selectors
        assert claims.spec_of(rows.loc[cid]) == Spec(), cid


def test_a_researcher_adds_a_claim_by_adding_a_row():
    """The test columns alone (no code, no specs) drive the checks."""
    frames = {"departures": dep(
        ("JPN", 2020, 60, "exact", "final", "stats"), ("ALL", 2020, 100, "exact", "final", "stats"),
        ("JPN", 2021, 40, "exact", "final", "stats"), ("ALL", 2021, 100, "exact", "final", "stats")),
        "timeline": TIMELINE}
    rows = [
        {**claim("share", "share", 50, "more_than", "percent", JPN, ALL), "test_years": "2020-2021"},
        {**claim("share-2020", "share", 50, "more_than", "percent", JPN, ALL), "test_years": "2020"},
        {**claim("sum", "sum", 100, "exact", numerator=JPN), "test_years": "2020-2021"},
        {**claim("twin", "sum", 100, "exact", numerator=JPN, source_id="seed-y"), "same_fact_as": "sum"},
        {**claim("round", "qualitative", 2, unit="count", numerator="timeline?event_id=round2", source_id="seed-y"),
         "timeline_test": "nth", "event_prefix": "round"},
    ]
    table = pd.DataFrame(rows)
    for col in ("value", "value_upper"):
        table[col] = table[col].astype("Float64")
    out = claims.check(table, frames, SOURCES).set_index("claim_id")
    assert out.loc["share", "reason"] == "true_some_years_only"
    assert out.loc["share-2020", ["verdict", "reason"]].tolist() == ["consistent", "within_wording"]
    assert out.loc["sum", ["verdict", "reason"]].tolist() == ["reproduced", "equal"]
    assert out.loc["twin", ["verdict", "same_fact_as"]].tolist() == ["reproduced", "sum"]
    assert out.loc["round", ["verdict", "reason"]].tolist() == ["reproduced", "equal"]


@pytest.mark.parametrize("extra, message", [
    ({"check": "value", "top_n": 3}, "top_n is for rank"),
    ({"check": "sum", "test_years": "1992;1995"}, "one span"),
    ({"check": "sum"}, "one span"),
    ({"check": "value", "handler": "magic"}, "unknown handler"),
    ({"check": "qualitative", "event_prefix": "round"}, "without a timeline_test"),
    ({"check": "value", "timeline_test": "nth"}, "for qualitative"),
    ({"check": "qualitative", "timeline_test": "before"}, "needs explain"),
    ({"check": "rank", "alt_bases": "residents_japan?nationality=VNM"}, "alt_bases are for value and share"),
    ({"check": "sum", "test_years": "1992-1995", "alt_bases": "residents_japan?nationality=VNM"},
     "alt_bases are for value and share"),
    ({"check": "rank", "handler": "ssw_isa_bases", "alt_bases": "residents_japan?nationality=VNM"},
     "alt_bases are for value and share"),
])
def test_a_row_whose_test_columns_do_not_fit_its_check_is_refused(extra, message):
    with pytest.raises(ValueError, match=message):
        claims.spec_of(pd.Series({"claim_id": "c9", **extra}))


def test_the_schema_holds_the_test_columns():
    from vnjp import data

    fields = {f["name"]: f for f in data.resource_descriptor("claims")["schema"]["fields"]}
    assert set(claims.TEST_COLUMNS) <= set(fields)
    assert set(fields["handler"]["constraints"]["enum"]) == set(claims.HANDLERS)
    assert set(fields["timeline_test"]["constraints"]["enum"]) == set(claims.TIMELINE_TESTS)
    assert fields["top_n"]["type"] == "integer"
    loaded = data.load("claims")
    assert loaded["top_n"].dtype == "Int64" and set(loaded["same_fact_as"].dropna()) <= set(loaded["claim_id"])


def test_an_employer_reported_total_is_labelled_as_workers_at_the_claims_date():
    row = {"numerator": "residents_japan?nationality=VNM&status_of_residence=total&basis=mhlw_employment"
                        "&date=2022-10-31", "check": "value", "reference_date": "2022-12-31"}
    assert claims.kind_label(row, "en") == "Vietnamese workers in Japan, end-2022"
    assert claims.kind_label(row, "vi") == "lao động Việt Nam tại Nhật Bản, cuối năm 2022"
    other = {**row, "reference_date": None}
    assert claims.kind_label(other, "vi").endswith("31/10/2022")
    residents = {**row, "numerator": row["numerator"].replace("mhlw_employment", "residence_statistics")}
    assert claims.kind_label(residents, "en").startswith("Vietnamese residents in Japan")


# --------------------------------------------------------------------------- issue 14: shares on other bases

EMPLOYER = "residents_japan?basis=mhlw_employment&date=2022-10-31"


def trainees(*extra):
    return {"residents_japan": res(
        ("2023-06-30", "VNM", "technical_intern_training", 185, "exact", "final", "stats"),
        ("2023-06-30", "ALL", "technical_intern_training", 358, "exact", "final", "stats"),
        ("2022-10-31", "VNM", "technical_intern_training", 183, "exact", "final", "mhlw", "mhlw_employment"),
        ("2022-10-31", "ALL", "technical_intern_training", 343, "exact", "final", "mhlw", "mhlw_employment"),
        *extra)}


def share_claim(cid, value):
    return claim(cid, "share", value, "more_than", "percent", TITP + "&nationality=VNM&date=2022-12-31",
                 TITP.replace("nationality=VNM&", "") + "&nationality=ALL&date=2022-12-31",
                 reference_date="2022-12-31")


@pytest.mark.parametrize("stated, verdict, reason, base", [
    (50, "consistent", "proxy", "residence_statistics 2023-06-30"),  # both hold: the nearest figure decides
    (52, "consistent", "within_wording", "mhlw_employment 2022-10-31"),  # 51.68% fails, 53.35% holds
    (60, "not_supported", "value_differs", "mhlw_employment 2022-10-31"),  # both fail: the nearer one is named
])
def test_a_share_is_compared_on_each_base_it_names_and_the_closest_decides(stated, verdict, reason, base):
    spec = Spec(alt_dates=("2023-06-30",), alt_bases=(EMPLOYER,))
    out = run([share_claim("s", stated)], trainees(), {"s": spec}).loc["s"]
    assert (out["verdict"], out["reason"], out["base"]) == (verdict, reason, base)
    assert {"stats", "mhlw"} <= set(out["data_source_ids"])  # every base's rows are shown, not only the closest
    other = "residence_statistics 2023-06-30" if base.startswith("mhlw") else "mhlw_employment 2022-10-31"
    assert "other bases: " + other in out["arithmetic"]
    alone = run([share_claim("s", stated)], trainees(), {"s": Spec(alt_dates=("2023-06-30",))}).loc["s"]
    assert alone["base"] == "" and "mhlw" not in alone["data_source_ids"]  # without alt_bases: one base only


def test_a_share_whose_only_rows_are_on_another_base_is_tested_there_and_a_foreign_base_is_refused():
    frames = {"residents_japan": trainees()["residents_japan"].query("basis == 'mhlw_employment'")}
    out = run([share_claim("s", 50)], frames, {"s": Spec(alt_bases=(EMPLOYER,))}).loc["s"]
    assert (out["verdict"], out["base"]) == ("consistent", "mhlw_employment 2022-10-31")
    gap = run([share_claim("s", 50)], frames, {"s": Spec(alt_bases=(EMPLOYER.replace("10-31", "10-30"),))}).loc["s"]
    assert gap["verdict"] == "no_data" and gap["base"] == ""
    with pytest.raises(ValueError, match="must select from residents_japan"):
        run([share_claim("s", 50)], frames, {"s": Spec(alt_bases=("departures?year=2022",))})


def test_the_majority_rank_reads_every_date_and_base_and_a_half_is_not_a_majority():
    num_sel, den_sel = TITP + "&date=2022-12-31", TITP.replace("nationality=VNM&", "") + "&date=2022-12-31"
    rank = claim("r", "rank", 1, unit="rank", numerator=num_sel, denominator=den_sel)
    both = Spec(alt_dates=("2023-06-30",), alt_bases=(EMPLOYER,), handler=claims.titp_rank_2022)
    out = run([rank], trainees(), {"r": both}).loc["r"]
    assert (out["verdict"], out["reason"]) == ("consistent", "proxy")
    assert "2023-06-30 (residence_statistics) and at 2022-10-31 (mhlw_employment)" in out["explanation"]
    # only the employer base holds a majority: it decides alone
    frames = trainees(("2023-06-30", "CHN", "technical_intern_training", 1, "exact", "final", "stats"))
    frames["residents_japan"].loc[0, "value"] = 179  # exactly half of 358: not a majority
    out = run([rank], frames, {"r": both}).loc["r"]
    assert out["verdict"] == "consistent" and "≤ 50%: rank not decided [2023-06-30" in out["arithmetic"]
    assert "at 2022-10-31 (mhlw_employment) Vietnamese" in out["explanation"]
    frames["residents_japan"].loc[2, "value"] = 100  # 100 / 343: no majority anywhere
    out = run([rank], frames, {"r": both}).loc["r"]
    assert (out["verdict"], out["reason"]) == ("no_data", "no_rows") and "every date and base" in out["explanation"]
    assert claims.spec_of(pd.Series({"claim_id": "c9", "check": "rank", "handler": "majority_share_rank",
                                     "alt_bases": EMPLOYER})).alt_bases == (EMPLOYER,)


def test_a_gap_still_shows_the_series_it_is_compared_with_and_never_tests_them():
    frames = trainees()
    sel = TITP + "&date=2022-12-31"
    shown = "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&basis=mhlw_employment" \
            "&date=2022-10-31"
    rows = [claim("g", "value", 176, "about", numerator=sel, reference_date="2022-12-31"),
            claim("g2", "value", 183, "about", numerator=sel, reference_date="2022-12-31")]
    out = run(rows, frames, {"g": Spec(also=(shown,)), "g2": Spec(also=(shown,))})
    for cid in ("g", "g2"):  # a shown value equal to the claim (g2) does not make it tested
        assert out.loc[cid, "verdict"] == "no_data"
        assert "compared, not tested: technical_intern_training mhlw_employment 2022-10-31: 183 [mhlw]" \
            in out.loc[cid, "arithmetic"]
    assert run(rows[:1], frames, {"g": Spec()}).loc["g", "arithmetic"] == ""
