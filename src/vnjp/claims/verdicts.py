"""The verdict table: one result per claim, one test per fact."""

from __future__ import annotations

import copy
import math

import pandas as pd

from .. import data
from .codes import REASONS, TESTED, VERDICTS
from .fmt import stated_text
from .kinds import check_bases, check_rank, check_share, check_sum, check_value
from .result import Result, Spec
from .rows import spec_of, specs_of
from .selection import considered, Data, OwnRowsOnly
from .timeline import check_timeline
from .tolerance import band


COLUMNS = ["claim_id", "source_id", "check", "claim_en", "quantity", "stated", "data", "arithmetic", "verdict",
           "reason", "explanation", "stated_value", "data_value", "qualifier", "unit", "band_low", "band_high",
           "data_source_ids", "alternatives", "own_left_out", "spec", "details", "numerator", "base", "same_fact_as",
           "unstated_match", "considered"]


def check_one(claim, ctx: Data, specs: dict[str, Spec], own: tuple[str, ...] | None = None) -> Result:
    """One claim's result, never resting on rows of the claim's own document.

    The check runs with the claim's own rows left out (:meth:`Data.leaving_out`). When it
    is not tested that way, or when own rows were set aside, it is run again with them, only
    to say what was left out: a claim that only its own rows would have tested becomes
    ``no_data`` / ``only_own_figures``; a claim tested on other sources notes it
    (``own_left_out``).
    """
    own = tuple(own or (claim["source_id"],))
    with ctx.leaving_out(own):
        try:
            res = _check_one(claim, ctx, specs)
        except OwnRowsOnly:
            res = None
        set_aside = ctx.set_aside
    if res is not None and not set_aside:
        return res
    full = _check_one(claim, ctx, specs)  # what the lookups would give with the claim's own rows
    own_used = any(o in full.used for o in own)
    if (res is None or res.verdict not in TESTED) and full.verdict in TESTED and own_used:
        what = f": {full.data}" if full.data else ""
        return Result("no_data", "only_own_figures",
                      f"Only {' and '.join(own)} itself states this{what}; no other source's row matches, so the "
                      "claim is not tested (a document cannot confirm itself).", own_left_out=True)
    if res is None:  # only own rows, and the full check does not test it either
        return full
    if own_used and res.verdict in TESTED:
        others_used = ", ".join(sorted(set(res.used))) or "none"
        res.explanation += f" Own row left out: {full.data}; tested against {others_used}."
        res.own_left_out = True
    return res


def _check_one(claim, ctx: Data, specs: dict[str, Spec]) -> Result:
    spec = specs.get(claim["claim_id"], Spec())
    if spec.handler is not None:
        return spec.handler(claim, spec, ctx)
    kind = claim["check"]
    if kind == "untestable":
        return Result("not_testable", "vague", "A vague magnitude with no figure and no period.")
    if pd.isna(claim["numerator"]):
        if kind != "qualitative":
            raise ValueError(f"{claim['claim_id']}: a {kind} claim without a selector")
        return Result("not_testable", "no_selector", "No resource of the package holds what the claim states.")
    if kind == "qualitative":
        if not spec.timeline:
            raise ValueError(f"{claim['claim_id']}: a qualitative claim with a selector needs a timeline_test")
        return check_timeline(claim, spec, ctx)
    if kind == "value":
        return check_bases(claim, spec, ctx) if spec.alt_bases else check_value(claim, spec, ctx)
    if kind == "rank":
        return check_rank(claim, spec, ctx)
    if kind == "share":
        return check_share(claim, spec, ctx)
    if kind == "sum":
        return check_sum(claim, spec, ctx)
    raise ValueError(f"{claim['claim_id']}: unknown check '{kind}'")


def check(claims: pd.DataFrame | None = None, frames: dict[str, pd.DataFrame] | None = None,
          sources: pd.DataFrame | None = None, specs: dict[str, Spec] | None = None) -> pd.DataFrame:
    """One row per claim: stated, data, arithmetic, verdict, reason (see the module docstring).

    ``frames`` (resource name -> DataFrame) and ``sources`` replace the package's data,
    for tests; by default every resource is loaded through :func:`vnjp.data.load`.
    ``specs`` (claim_id -> :class:`Spec`) replaces what the rows' test columns say (tests);
    by default each claim's test is read from its row (:func:`.rows.spec_of`).
    """
    claims_given_subset = claims is not None and frames is None  # a selection of the package's claims
    claims = data.load("claims") if claims is None else claims
    specs = specs_of(claims) if specs is None else dict(specs)
    ctx = Data({"claims": claims, **(frames or {})}, sources)
    by_id = {c["claim_id"]: c for _, c in claims.iterrows()}
    facts = same_facts(claims, specs)
    done: dict[str, Result] = {}
    out = []
    for _, claim in claims.iterrows():
        cid = claim["claim_id"]
        first = facts.get(cid, cid)
        if first not in by_id:  # a subset was asked for (notebook parameters): the fact's test is still its claim's
            package = data.load("claims").set_index("claim_id", drop=False) if claims_given_subset else None
            if package is None or first not in package.index:
                raise ValueError(f"{cid}: same_fact_as names {first}, which is not among the claims checked")
            by_id[first] = package.loc[first]
            specs.setdefault(first, spec_of(package.loc[first]))
        if first not in done:  # one test per fact, leaving out every document that states it
            members = [m for m, f in facts.items() if f == first] + [first]
            own = tuple(dict.fromkeys(by_id[m]["source_id"] for m in members))
            ctx.unstated = set()
            res = check_one(by_id[first], ctx, specs, own)
            res.considered = considered(by_id[first], ctx, res, specs.get(first, Spec()), own)
            loose = sorted({f"{sid} ({r})" for r, _, sid in ctx.unstated if sid in res.used})
            if loose:
                res.explanation += (" Matched rows that leave their reporter / basis unstated: "
                                    + ", ".join(loose) + ".")
                res.unstated_match = True
            done[first] = res
        res = copy.deepcopy(done[first])
        if first != cid:
            res.explanation = f"Same fact as {first}, tested once by its check. " + res.explanation
        if res.verdict not in VERDICTS or res.reason not in REASONS:
            raise ValueError(f"{cid}: verdict {res.verdict!r} / reason {res.reason!r} not in the closed set")
        value = claim["value"]
        low = high = math.nan
        if pd.notna(value) and pd.notna(claim["qualifier"]) and claim["check"] in ("value", "share", "sum"):
            lo, hi, _, _ = band(float(value), claim["qualifier"], claim["unit"])
            low, high = lo / float(value) - 1, hi / float(value) - 1
        used = list(dict.fromkeys(res.used))
        if claim["source_id"] in used:  # the guarantee of check_one, kept in one visible place
            raise AssertionError(f"{cid}: tested against its own document {claim['source_id']}")
        out.append({
            "claim_id": cid, "source_id": claim["source_id"], "check": claim["check"],
            "claim_en": claim["claim_en"], "quantity": claim["quantity"], "stated": stated_text(claim),
            "data": res.data, "arithmetic": res.arithmetic, "verdict": res.verdict, "reason": res.reason,
            "explanation": res.explanation, "stated_value": float(value) if pd.notna(value) else math.nan,
            "data_value": res.data_value, "qualifier": claim["qualifier"], "unit": claim["unit"],
            "band_low": low, "band_high": high, "data_source_ids": used, "alternatives": res.alternatives,
            "own_left_out": res.own_left_out, "spec": specs.get(cid, Spec()).why,
            "details": res.details, "numerator": claim["numerator"], "base": res.base,
            "same_fact_as": first if first != cid else "", "unstated_match": res.unstated_match,
            "considered": res.considered,
        })
    return pd.DataFrame(out, columns=COLUMNS)


#: The stated figure, its wording and unit must agree for two claims to be one fact.
FACT_KEYS = ("value", "value_upper", "qualifier", "unit", "check")


def same_facts(claims: pd.DataFrame, specs: dict[str, Spec]) -> dict[str, str]:
    """claim_id -> the claim whose check tests it (only claims that name one with ``same_fact_as``).

    Refuses chains (a -> b -> c), self references and claims that state different figures.
    """
    by_id = claims.set_index("claim_id")
    out = {}
    for cid in claims["claim_id"]:
        other = specs.get(cid, Spec()).same_fact_as
        if not other:
            continue
        if other == cid or specs.get(other, Spec()).same_fact_as:
            raise ValueError(f"{cid}: same_fact_as must name a claim that is itself tested ({other})")
        if other in by_id.index:
            a, b = by_id.loc[cid], by_id.loc[other]
            differ = [k for k in FACT_KEYS if not (pd.isna(a[k]) and pd.isna(b[k])) and a[k] != b[k]]
            if differ:
                raise ValueError(f"{cid}: same_fact_as {other}, but they differ in {', '.join(differ)}")
        out[cid] = other
    return out


def considered_table(table: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """The rows one claim's check considered, with why each was used or left out."""
    rows = table.set_index("claim_id").loc[claim_id, "considered"]
    return pd.DataFrame(rows, columns=["resource", "row", "source_id", "period", "basis", "value", "why"])


def verdict_counts(table: pd.DataFrame, by: str = "source_id") -> pd.DataFrame:
    """Claims per ``by`` value and verdict (every verdict a column, in :data:`VERDICTS` order)."""
    counts = table.groupby([by, "verdict"]).size().unstack(fill_value=0)
    return counts.reindex(columns=list(VERDICTS), fill_value=0)


def used_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (claim, data source) used: what a figure of the verdicts plotted from."""
    rows = [{"claim_id": r.claim_id, "source_id": sid} for r in table.itertuples() for sid in r.data_source_ids]
    return pd.DataFrame(rows, columns=["claim_id", "source_id"])
