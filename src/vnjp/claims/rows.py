"""A claim's test, read from its row of ``claims.csv``: the typed columns after ``note``.

A researcher adds a claim by adding a row; code exists only for the check kinds
(:mod:`.kinds`, :mod:`.timeline`) and the few claims with arithmetic of their own
(:data:`HANDLERS`, named in the ``handler`` column). The columns (types and allowed values
are held by the claims resource's Table Schema in ``data/datapackage.json``):

``test_summary``      the test in a few words (shown in the verdict table)
``same_fact_as``      another claim stating the same fact: tested once, by that claim's check
``test_years``        years tested (share: each year; sum: ``first-last`` summed), e.g. ``2018-2022``
``context_years``     years reported beside a share, not tested
``alt_dates``         dates tested when the selector's date has no row (``2023-06-30``)
``alt_bases``         other bases tested beside the numerator (``;`` between selectors, ``+`` sums statuses);
                      for a share, each entry's conditions replace those of numerator and denominator
``compare_with``      selectors shown beside the result, not tested
``denominator_end``   ``upper``: a share divides by the denominator's ``value_upper``
``top_n``             a rank claim reading "one of the N largest"
``as_of``             ``latest_to_publication``: several as-of years, test the latest up to the seed's date
``handler``           a claim with its own arithmetic (:data:`HANDLERS`)
``timeline_test``     how a qualitative claim is tested against its event (:data:`TIMELINE_TESTS`)
``count_from_event``  years_since: count from this event to the numerator event's year
``timeline_date``     same_date: the date to compare; before: the limit (default: the seed's date)
``also_events``       before: other events placed ``before``/``after`` the seed's date (``id:after;...``)
``event_prefix``      nth: the events of the series (ids starting with it)
``explain``           the sentence the timeline test gives (what it cannot check, or what the dates say)
"""

from __future__ import annotations

import pandas as pd

from .handlers import ssw_2022, stock_or_flow_345k, titp_rank_2022, trade_total_2022
from .result import Spec

#: Handler names of the ``handler`` column.
HANDLERS = {
    "majority_share_rank": titp_rank_2022,
    "ssw_isa_bases": ssw_2022,
    "stock_or_flow": stock_or_flow_345k,
    "trade_parts": trade_total_2022,
}

#: Values of ``timeline_test`` -> (kind of :func:`.timeline.check_timeline`, what ``explain`` becomes).
TIMELINE_TESTS = {
    "years_since": ("years_since", "also"),
    "same_date": ("same_date", "unchecked"),
    "same_start": ("same_date", "partly"),
    "before": ("before", "says"),
    "nth": ("nth", "also"),
    "prose_only": ("prose_only", "says"),
}

#: The test columns, in file order.
TEST_COLUMNS = ("test_summary", "same_fact_as", "test_years", "context_years", "alt_dates", "alt_bases",
                "compare_with", "denominator_end", "top_n", "as_of", "handler", "timeline_test", "count_from_event",
                "timeline_date", "also_events", "event_prefix", "explain")


def _text(row, col: str) -> str:
    value = row.get(col) if hasattr(row, "get") else None
    return "" if value is None or pd.isna(value) else str(value).strip()


def _list(row, col: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in _text(row, col).split(";") if p.strip())


def years_of(text: str) -> tuple[int, ...]:
    """'2018-2020;2023' -> (2018, 2019, 2020, 2023)."""
    out: list[int] = []
    for part in (p.strip() for p in text.split(";") if p.strip()):
        first, _, last = part.partition("-")
        out += range(int(first), int(last or first) + 1)
    return tuple(out)


def spec_of(row) -> Spec:
    """The :class:`Spec` a claim's row states; ``ValueError`` when a column does not fit the check."""
    cid, kind = _text(row, "claim_id"), _text(row, "check")

    def refuse(msg: str):
        raise ValueError(f"{cid}: {msg}")

    years = _text(row, "test_years")
    spec = {"why": _text(row, "test_summary"), "same_fact_as": _text(row, "same_fact_as") or None,
            "context_years": years_of(_text(row, "context_years")), "alt_dates": _list(row, "alt_dates"),
            "alt_bases": _list(row, "alt_bases"), "also": _list(row, "compare_with"),
            "use_upper": _text(row, "denominator_end") == "upper",
            "latest_to_seed": _text(row, "as_of") == "latest_to_publication"}
    if kind == "sum" and not (years or spec["same_fact_as"]):
        refuse("a sum claim needs test_years as one span, first-last")
    if kind == "sum" and years:
        span = years_of(years)
        if not span or list(span) != list(range(span[0], span[-1] + 1)):
            refuse("a sum claim needs test_years as one span, first-last")
        spec["sum_years"] = (span[0], span[-1])
    elif years:
        spec["years"] = years_of(years)
    if _text(row, "top_n"):
        if kind != "rank":
            refuse("top_n is for rank claims")
        spec["top_n"] = int(float(_text(row, "top_n")))
    if spec["use_upper"] and kind != "share":
        refuse("denominator_end is for share claims")
    handler = _text(row, "handler")
    if spec["alt_bases"] and kind not in ("value", "share") and not (kind == "rank"
                                                                     and handler == "majority_share_rank"):
        refuse("alt_bases are for value and share claims (and the majority_share_rank handler)")
    if handler:
        if handler not in HANDLERS:
            refuse(f"unknown handler '{handler}' (one of: {', '.join(HANDLERS)})")
        spec["handler"] = HANDLERS[handler]
    test = _text(row, "timeline_test")
    timeline_cols = ("count_from_event", "timeline_date", "also_events", "event_prefix")
    if test:
        if kind != "qualitative":
            refuse("timeline_test is for qualitative claims")
        if test not in TIMELINE_TESTS:
            refuse(f"unknown timeline_test '{test}'")
        tkind, explain_as = TIMELINE_TESTS[test]
        opts: dict = {}
        if _text(row, "count_from_event"):
            opts["event"] = _text(row, "count_from_event")
        if _text(row, "timeline_date"):
            opts["date"] = _text(row, "timeline_date")
        if _text(row, "also_events"):
            opts["and"] = tuple(tuple(p.split(":", 1)) for p in _list(row, "also_events"))
        if _text(row, "event_prefix"):
            opts["prefix"] = _text(row, "event_prefix")
        if _text(row, "explain"):
            opts[explain_as] = (" " if explain_as == "also" else "") + _text(row, "explain")
        if tkind == "nth" and "prefix" not in opts:
            refuse("an nth timeline test needs event_prefix")
        if tkind in ("before", "prose_only") and "says" not in opts:
            refuse(f"a {test} timeline test needs explain")
        spec["timeline"] = (tkind, opts)
    elif any(_text(row, c) for c in timeline_cols + ("explain",)):
        refuse("timeline columns without a timeline_test")
    return Spec(**spec)


def specs_of(claims: pd.DataFrame) -> dict[str, Spec]:
    """claim_id -> :class:`Spec` for every row."""
    return {row["claim_id"]: spec_of(row) for _, row in claims.iterrows()}
