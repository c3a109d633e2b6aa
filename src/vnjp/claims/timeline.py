"""Qualitative claims tested against dated events of the timeline."""

from __future__ import annotations



import pandas as pd

from .. import data
from .fmt import relation, stated_text
from .kinds import _sentence
from .result import Result, Spec
from .selection import Data
from .tolerance import accepts, verdict_for


def _event(ctx: Data, event_id: str) -> pd.Series:
    return ctx.event(event_id)


def _seed_date(claim, ctx: Data) -> str:
    return ctx.published(claim["source_id"])


def check_timeline(claim, spec: Spec, ctx: Data) -> Result:
    """Qualitative claims tested against dated events (kinds listed in :data:`TIMELINE_KINDS`)."""
    _, params = data.parse_selector(claim["numerator"])
    ev = _event(ctx, params["event_id"])
    kind, opts = spec.timeline[0], (spec.timeline[1] if len(spec.timeline) > 1 else {})
    date, used = str(ev["date"]), [ev["source_id"]]
    shown = f"{ev['event_id']} {date} [{ev['source_id']}]"
    ref = str(claim["reference_date"]) if pd.notna(claim["reference_date"]) else ""
    if kind == "years_since":  # reference year minus the event's year, against the stated count
        # counted from another event up to this one's year, or from this event up to the claim's year
        at = int(date[:4]) if "event" in opts else int(ref[:4])
        start = _event(ctx, opts["event"]) if "event" in opts else ev
        if "event" in opts:
            used.append(start["source_id"])
            shown += f"; {start['event_id']} {start['date']} [{start['source_id']}]"
        years = at - int(str(start["date"])[:4])
        holds = accepts(years, float(claim["value"]), claim["qualifier"], "count")
        arith = f"{at} − {str(start['date'])[:4]} = {years} {relation(holds, claim['qualifier'])} " \
                f"{stated_text(claim, wording=False)} {'✓' if holds else '✗'}"
        if holds:
            verdict, reason = verdict_for(True, claim["qualifier"])
            return Result(verdict, reason, _sentence(verdict, reason, claim, years) + opts.get("also", ""), arith,
                          shown, years, used)
        return Result("not_supported", "value_differs", f"{years} years, not {stated_text(claim)}.", arith, shown,
                      years, used)
    if kind == "same_date":  # the event carries the claim's date, at the precision both have
        want = opts.get("date", ref)
        n = min(len(want), len(date))
        holds = want[:n] == date[:n]
        precision = f" at {ev['date_precision']} precision" if n < len(want) else ""
        arith = f"event {date} vs claim {want}: {'match' if holds else 'differ'}{precision} {'✓' if holds else '✗'}"
        if not holds:
            return Result("not_supported", "date_differs", f"The timeline dates the event {date}, not {want}.", arith,
                          shown, used=used)
        if n < len(want):
            return Result("consistent", "precision_limited",
                          f"The timeline dates the event only to the {ev['date_precision']} ({date}); "
                          f"{opts.get('unchecked', 'the days cannot be checked')}.", arith, shown, used=used)
        extra = opts.get("also", "")
        if opts.get("partly"):
            return Result("consistent", "partly_tested", f"Start {date} matches; {opts['partly']}", arith, shown,
                          used=used)
        return Result("reproduced", "equal", "The timeline gives the stated date." + extra, arith, shown, used=used)
    if kind == "before":  # the event happened before a date (default: the seed's publication)
        limit = opts.get("date", _seed_date(claim, ctx))
        holds = date <= limit
        arith = f"{ev['event_id']} {date} {'≤' if holds else '>'} {limit} {'✓' if holds else '✗'}"
        checks = [holds]
        for other, order in opts.get("and", ()):
            oev = _event(ctx, other)
            used.append(oev["source_id"])
            when = _seed_date(claim, ctx)  # the other events are placed against the seed's publication
            ok = str(oev["date"]) > when if order == "after" else str(oev["date"]) <= when
            checks.append(ok)
            arith += f"; {other} {oev['date']} {'>' if order == 'after' else '≤'} {when} (seed) {'✓' if ok else '✗'}"
        if all(checks):
            return Result("consistent", "within_wording", opts["says"], arith, shown, used=used)
        return Result("not_supported", "date_differs", "The timeline's dates do not fit the claim.", arith, shown,
                      used=used)
    if kind == "nth":  # the event is the n-th of a series (events whose id starts with the prefix)
        frame = ctx.frame("timeline")
        series = frame[frame["event_id"].str.startswith(opts["prefix"])].sort_values("date")
        position = list(series["event_id"]).index(ev["event_id"]) + 1
        # the count rests on every event up to this one: each must be dated by another document
        used += [ctx.event(e)["source_id"] for e in series["event_id"].iloc[:position]]
        holds = position == int(claim["value"])
        listing = ", ".join(f"{r['event_id']} {r['date']}" for _, r in series.iterrows())
        arith = f"{listing}: position {position} {'=' if holds else '≠'} {int(claim['value'])} {'✓' if holds else '✗'}"
        if holds:
            return Result("reproduced", "equal",
                          f"It is event {position} of the series; dated {date}." + opts.get("also", ""),
                          arith, shown, position, used)
        return Result("not_supported", "value_differs", f"It is event {position} of the series.", arith, shown,
                      position, used)
    if kind == "prose_only":
        return Result("not_testable", "prose_only", opts["says"], f"{ev['event_id']} dated {date}", shown, used=used)
    raise ValueError(f"unknown timeline test '{kind}'")


TIMELINE_KINDS = ("years_since", "same_date", "before", "nth", "prose_only")
