"""The check kinds on numbers: value (with bases and brackets), rank, share, sum."""

from __future__ import annotations

import math

import pandas as pd

from .. import data
from ..headline import QUANTITY_KEYS
from .codes import REASONS
from .fmt import cite, compress_years, num, others, pct_diff_text, period_label, relation, stated_text
from .result import Result, Spec
from .selection import Data, ENTITY, PERIOD, split_sum
from .tolerance import accepts, band, decimals_of, NEARLY_BAND, stated_step, verdict_for


#: When summing rounded yearly values for a lower bound, each may overstate its year by this much.
ROUNDED_SLACK = 0.05


def _pick_quantity(resource: str, hl: pd.DataFrame, claim, spec: Spec, ctx: Data) -> tuple[pd.Series, str]:
    """One headline row among several quantities, as the spec says."""
    if len(hl) == 1:
        return hl.iloc[0], ""
    if spec.latest_to_seed:
        seed_year = int(ctx.published(claim["source_id"])[:4])
        dated = hl[hl["year"] <= seed_year].sort_values(["year", "source_id"])
        chosen = dated.iloc[-1]
        later = hl[hl["year"] > seed_year]
        note = f"latest as-of year up to the seed's {seed_year}: {int(chosen['year'])}"
        if not later.empty:
            note += "; later, not tested: " + "; ".join(f"{int(r['year'])}: {cite(r)}" for _, r in later.iterrows())
        return chosen, note
    raise ValueError(f"{claim['claim_id']}: selector {claim['numerator']} matches {len(hl)} quantities; "
                     "say in its row which one (as_of) the note means")


def _context(claim, ctx: Data) -> str:
    """Related rows for a gap: the selector without its reporter/basis, or without its date."""
    resource, params = data.parse_selector(claim["numerator"])
    for drop in (("reporter",), ("basis",), ("date",)):
        if not any(k in params for k in drop):
            continue
        _, rows = ctx.rows(claim["numerator"], drop=drop)
        hl = ctx.headline(resource, rows)
        if not hl.empty:
            shown = hl.head(4)
            label = {"reporter": "with another reporter", "basis": "on another basis",
                     "date": "at other dates"}[drop[0]]
            parts = []
            for _, r in shown.iterrows():
                extra = r.get("reporter") or r.get("basis") or ""
                parts.append(f"{extra} {period_label(resource, r)}: {cite(r)}".strip())
            return f"Related rows {label} (context, not tested): " + "; ".join(parts) + "."
    return ""


def _gap(claim, ctx: Data, what: str | None = None) -> Result:
    msg = what or f"No row matches {claim['numerator']}."
    context = _context(claim, ctx) + (" " + ctx.note if ctx.note else "")
    ctx.note = ""
    return Result("no_data", "no_rows", (msg + " " + context).strip())


def check_value(claim, spec: Spec, ctx: Data) -> Result:
    before = ctx.set_aside
    resource, rows = ctx.rows(claim["numerator"], override=spec.restrict)
    own_here = ctx.set_aside > before  # the claim's own document states this quantity too (left out)
    hl = ctx.headline(resource, rows)
    proxy_note = ""
    if hl.empty and spec.alt_dates:
        for when in spec.alt_dates:
            _, rows = ctx.rows(claim["numerator"], override={**spec.restrict, "date": when})
            hl = ctx.headline(resource, rows)
            if not hl.empty:
                proxy_note = f"no row at the selector's date; tested at {when} as the note asks"
                break
    if hl.empty:
        res = bracket(claim, spec, ctx) or _gap(claim, ctx)
        also = _also(spec, ctx)
        if also:  # the series the note compares with are shown at a gap too (never tested)
            res.arithmetic = (res.arithmetic + "; " if res.arithmetic else "") + "compared, not tested: " + also
        return res
    row, pick_note = _pick_quantity(resource, hl, claim, spec, ctx)
    value, qualifier, unit = float(claim["value"]), claim["qualifier"], claim["unit"]
    x = float(row["value"])
    data_rounded = row["qualifier"] != "exact"
    if pd.notna(claim["value_upper"]):  # a stated range: both ends must match
        upper = row.get("value_upper")
        holds = x == value and pd.notna(upper) and float(upper) == float(claim["value_upper"])
        arith = f"{cite(row)} vs {stated_text(claim)}: {'both ends equal ✓' if holds else 'ends differ ✗'}"
    else:
        holds = accepts(x, value, qualifier, unit)
        arith = f"{num(x)} {relation(holds, qualifier)} {stated_text(claim, wording=False)} " \
                f"({qualifier}; {pct_diff_text(x, value)}) {'✓' if holds else '✗'}"
    verdict, reason = verdict_for(holds, qualifier, data_rounded)
    if proxy_note and verdict != "not_supported":
        verdict, reason = "consistent", "proxy"
    notes = [n for n in (proxy_note, pick_note) if n]
    if own_here:  # a reprint of the seed's figure: name every other source giving the same value
        agree = _agreeing(resource, row, ctx, rows)
        if agree:
            notes.append(f"the same value is also given by {agree}")
    if data_rounded and holds:
        notes.append("the data value is itself rounded")
    explanation = _sentence(verdict, reason, claim, x) + (" (" + "; ".join(notes) + ")" if notes else "")
    arith += f" [{period_label(resource, row)}]"
    also = _also(spec, ctx)
    if also:
        arith += "; compared, not tested: " + also
    return Result(verdict, reason, explanation, arith, cite(row), x, [row["source_id"]], others(row))


#: A bracket's rows, and a base taken at its nearest date, lie at most this far from the claim's date.
WINDOW_DAYS = 366


def _claim_date(claim, params: dict) -> pd.Timestamp:
    """The date a stock claim refers to: the selector's date, else the claim's reference_date (end of its period)."""
    if "date" in params:
        return pd.Timestamp(params["date"])
    ref = str(claim["reference_date"])
    return pd.Timestamp(ref) if len(ref) == 10 else pd.Timestamp(f"{ref[:4]}-12-31")


def bracket(claim, spec: Spec, ctx: Data) -> Result | None:
    """A stock claim whose date has no row, between two rows of the same series (reason ``bracketed``).

    The rows on either side (same selector and basis, other dates, each at most
    :data:`WINDOW_DAYS` away) are shown as they are; the claim is ``consistent`` /
    ``bracketed`` if the values its wording accepts overlap the range the two rows span,
    ``not_supported`` / ``outside_bracket`` otherwise. No value is interpolated:
    ``data_value`` stays empty, the two ends go to ``details['bracket']``. Only stocks
    (``residents_japan``) are bracketed; a yearly flow between two years says nothing.
    Returns None when there is no row within the window on one side (the gap stays a gap).
    """
    resource, params = data.parse_selector(claim["numerator"])
    if resource != "residents_japan" or "date" not in params or pd.isna(claim["value"]):
        return None
    at = pd.Timestamp(params["date"])
    _, rows = ctx.rows(claim["numerator"], override=spec.restrict, drop=("date",))
    hl = ctx.headline(resource, rows)
    if hl.empty or hl.duplicated(subset=["date"]).any():
        return None
    near = hl[(hl["date"] - at).abs() <= pd.Timedelta(days=WINDOW_DAYS)]
    before, after = near[near["date"] < at], near[near["date"] > at]
    if before.empty or after.empty:
        sides = [f"{(r['date'] - at).days:+d} days: {cite(r)}" for r in
                 (hl[hl["date"] < at].sort_values("date").tail(1).to_dict("records")
                  + hl[hl["date"] > at].sort_values("date").head(1).to_dict("records"))]
        ctx.note = (f"No bracket: a row within {WINDOW_DAYS} days on each side of {at.date()} is needed; nearest "
                    + ("; ".join(sides) if sides else "none") + ".")
        return None
    lo_row, hi_row = before.sort_values("date").iloc[-1], after.sort_values("date").iloc[0]
    lo, hi = sorted((float(lo_row["value"]), float(hi_row["value"])))
    value, qualifier, unit = float(claim["value"]), claim["qualifier"], claim["unit"]
    b_low, b_high, low_in, high_in = band(value, qualifier, unit)
    overlaps = (b_low < hi or (low_in and b_low == hi)) and (b_high > lo or (high_in and b_high == lo))
    span = (f"{lo_row['date'].date()}: {cite(lo_row)}; {hi_row['date'].date()}: {cite(hi_row)}")
    arith = (f"no row at {at.date()}; bracket {span}; range {num(lo)}–{num(hi)} "
             f"{'overlaps' if overlaps else 'does not overlap'} {stated_text(claim)} {'✓' if overlaps else '✗'} "
             "(no value interpolated)")
    used = [lo_row["source_id"], hi_row["source_id"]]
    shown = f"between {num(lo)} and {num(hi)} ({lo_row['date'].date()}, {hi_row['date'].date()})"
    details = {"bracket": [lo, hi], "bracket_dates": [str(lo_row["date"].date()), str(hi_row["date"].date())]}
    if overlaps:
        expl = (f"No row at {at.date()}; the rows on either side ({span}) span {num(lo)}–{num(hi)}, which "
                f"the stated {stated_text(claim)} lies within. The value at the date itself is not known.")
        return Result("consistent", "bracketed", expl, arith, shown, math.nan, used, details=details)
    expl = (f"No row at {at.date()}; the rows on either side ({span}) span {num(lo)}–{num(hi)}, and the stated "
            f"{stated_text(claim)} lies outside that range. A stock can leave its neighbours' range between two "
            "dates, so this is weaker evidence than a row at the date.")
    return Result("not_supported", "outside_bracket", expl, arith, shown, math.nan, used, details=details)


def base_value(selector: str, claim, ctx: Data) -> dict | None:
    """One base: the headline value (or the sum of its parts) at the selector's date, or, without a date,
    at the date nearest the claim's (within :data:`WINDOW_DAYS`) where every part has a row."""
    parts = split_sum(selector)
    resource, params = data.parse_selector(parts[0])
    for part in parts[1:]:
        data.parse_selector(part)
    at = _claim_date(claim, data.parse_selector(claim["numerator"])[1])
    heads = [ctx.headline(resource, ctx.rows(part)[1]) for part in parts]
    if any(h.empty for h in heads):
        return None
    dates = set.intersection(*(set(h["date"]) for h in heads))
    dates = [d for d in dates if abs(d - at) <= pd.Timedelta(days=WINDOW_DAYS)]
    if not dates:
        return None
    when = min(dates, key=lambda d: (abs(d - at), d))
    rows = [h[h["date"] == when].iloc[0] for h in heads]
    if any(len(h[h["date"] == when]) > 1 for h in heads):
        raise ValueError(f"{selector}: several quantities at {when.date()}")
    what = " + ".join(str(r["status_of_residence"]) for r in rows) + f", {rows[0]['basis']}"
    return {"label": f"{what} {when.date()}", "value": float(sum(r["value"] for r in rows)), "rows": rows,
            "rounded": any(r["qualifier"] != "exact" for r in rows),
            "terms": " + ".join(cite(r) for r in rows)}


def check_bases(claim, spec: Spec, ctx: Data) -> Result:
    """A stock claim compared with every base its row names (numerator first, then ``alt_bases``).

    Each base is shown with its value and its gap; the verdict rests on the closest base --
    the one nearest the values the wording accepts (0 inside), then nearest the stated
    figure -- and names it (:attr:`Result.base`). No base with a row: as :func:`check_value`.
    """
    value, qualifier, unit = float(claim["value"]), claim["qualifier"], claim["unit"]
    low, high, _, _ = band(value, qualifier, unit)
    bases, lines = [], []
    for sel in (claim["numerator"],) + tuple(spec.alt_bases):
        b = base_value(sel, claim, ctx)
        if b is None:
            lines.append(f"{sel.partition('?')[2]}: no row within {WINDOW_DAYS} days")
            continue
        x = b["value"]
        b["holds"] = accepts(x, value, qualifier, unit)
        b["distance"] = (0.0 if b["holds"] else min(abs(x - low), abs(x - high))) / value
        bases.append(b)
        lines.append(f"{b['label']}: {b['terms']} = {num(x)} {relation(b['holds'], qualifier)} "
                     f"{stated_text(claim, wording=False)} ({pct_diff_text(x, value)}) {'✓' if b['holds'] else '✗'}")
    if not bases:
        return check_value(claim, spec, ctx)
    best = min(bases, key=lambda b: (b["distance"], abs(b["value"] - value)))
    x = best["value"]
    verdict, reason = verdict_for(best["holds"], qualifier, best["rounded"])
    arith = "; ".join(lines) + f" → closest base: {best['label']}"
    also = _also(spec, ctx)
    if also:
        arith += "; compared, not tested: " + also
    others_text = "; ".join(f"{b['label']} {num(b['value'])} ({pct_diff_text(b['value'], value)})"
                            for b in bases if b is not best)
    expl = (f"Closest of {len(bases)} bases: {best['label']}. " + _sentence(verdict, reason, claim, x)
            + (f" Other bases: {others_text}." if others_text else ""))
    used = [r["source_id"] for b in bases for r in b["rows"]]
    return Result(verdict, reason, expl, arith, f"{num(x)} ({best['label']})", x, used,
                  details={b["label"]: b["value"] for b in bases}, base=best["label"])


def _also(spec: Spec, ctx: Data) -> str:
    """The note's other series, each as 'basis date: value [source]' or 'no row'."""
    parts = []
    for sel in spec.also:
        resource, params = data.parse_selector(sel)
        hl = ctx.headline(resource, ctx.rows(sel)[1])
        what = " ".join(v for k, v in params.items() if k in ("status_of_residence", "basis", "date", "indicator",
                                                               "reporter"))
        parts.append(f"{what}: " + ("; ".join(cite(r) for _, r in hl.iterrows()) if not hl.empty else "no row"))
    return "; ".join(parts)


def _sentence(verdict: str, reason: str, claim, x: float) -> str:
    value, unit = claim["value"], claim["unit"]
    if verdict == "not_supported":
        return f"The data give {num(x)}, {pct_diff_text(x, value)} from the stated figure."
    if reason == "within_wording":
        q = claim["qualifier"]
        if q == "about":
            step = num(stated_step(value, unit))
            return f"{num(x)} rounds to {num(value)} at the precision it is stated with ({step})."
        if q == "more_than":
            return f"{num(x)} is above {num(value)}."
        if q == "nearly":
            return f"{num(x)} is below {num(value)} by less than {NEARLY_BAND:.0%}."
        return f"{num(x)} is below {num(value)}."
    return REASONS[reason][0].upper() + REASONS[reason][1:] + "."


def _agreeing(resource: str, row, ctx: Data, rows: pd.DataFrame) -> str:
    """Other sources stating the headline's value for the same quantity (not suspect)."""
    keys = QUANTITY_KEYS[resource]
    same = rows
    for k in keys:
        same = same[same[k].isna()] if pd.isna(row[k]) else same[same[k] == row[k]]
    same = same[(same["value"] == row["value"]) & (same["status"] != "suspect")
                & (same["source_id"] != row["source_id"])]
    return ", ".join(sorted(set(same["source_id"])))


def check_rank(claim, spec: Spec, ctx: Data) -> Result:
    resource, rows = ctx.rows(claim["numerator"])
    hl = ctx.headline(resource, rows)
    if hl.empty:
        return _gap(claim, ctx)
    stated = int(claim["value"])
    if pd.isna(claim["denominator"]):  # the row states the rank itself
        row, pick_note = _pick_quantity(resource, hl, claim, spec, ctx)
        rank, used, shown = int(row["value"]), [row["source_id"]], cite(row)
        pool_text = f"rank stated by the row [{period_label(resource, row)}]"
        if pick_note:
            pool_text += f"; {pick_note}"
        every = hl["value"].dropna().astype(int)
        if len(hl) > 1:
            pool_text += f"; all {len(hl)} as-of years give rank {', '.join(str(v) for v in sorted(set(every)))}"
    else:
        _, pool = ctx.rows(claim["denominator"])
        pool = ctx.headline(resource, pool)
        key = ENTITY[resource]
        pool = pool[pool[key] != "ALL"].sort_values("value", ascending=False).reset_index(drop=True)
        me = hl.iloc[0]
        rank = int((pool["value"] > me["value"]).sum()) + 1
        used = sorted(set(pool["source_id"]))
        shown = cite(me)
        top = pool.head(3)
        pool_text = "largest: " + ", ".join(f"{r[key]} {num(r['value'])}" for _, r in top.iterrows()) + \
                    f" ({len(pool)} single {key}s)"
    if spec.top_n:
        holds, verdict, reason = rank <= spec.top_n, "consistent", "top_n"
        arith = f"rank {rank} {'≤' if holds else '>'} {spec.top_n} {'✓' if holds else '✗'}; {pool_text}"
    else:
        holds, verdict, reason = rank == stated, "reproduced", "equal"
        arith = f"rank {rank} {'=' if holds else '≠'} {stated} {'✓' if holds else '✗'}; {pool_text}"
    if not holds:
        verdict, reason = "not_supported", "rank_differs"
        return Result(verdict, reason, f"The data give rank {rank}, not {stated}.", arith, shown, rank, used)
    return Result(verdict, reason, _sentence(verdict, reason, claim, rank), arith, shown, rank, used)


def shares(num_sel: str, den_sel: str, ctx: Data, periods: list | None, use_upper: bool = False) -> pd.DataFrame:
    """Numerator / denominator x 100 per period (year or date) of the two selectors.

    ``periods`` None: the periods the selectors give. Returns one row per period with
    ``num``, ``den``, ``share`` (NaN where a side is missing) and the two source ids.
    """
    resource, params = data.parse_selector(num_sel)
    pkey = PERIOD[resource]
    out = []
    if periods is None:
        _, rows = ctx.rows(num_sel)
        hl = ctx.headline(resource, rows)
        periods = sorted(set(hl[pkey])) if not hl.empty else []
    for p in periods:
        over = {pkey: p if pkey == "year" else str(pd.Timestamp(p).date())}
        _, n = ctx.rows(num_sel, override=over)
        _, d = ctx.rows(den_sel, override=over)
        n, d = ctx.headline(resource, n), ctx.headline(resource, d)
        nrow = n.iloc[0] if len(n) == 1 else None
        drow = d.iloc[0] if len(d) == 1 else None
        den = math.nan
        if drow is not None:
            upper = use_upper and pd.notna(drow.get("value_upper"))
            den = float(drow["value_upper"]) if upper else float(drow["value"])
        nv = float(nrow["value"]) if nrow is not None else math.nan
        out.append({"period": p, "num": nv, "den": den,
                    "share": 100 * nv / den if den == den and nv == nv else math.nan,
                    "num_source_id": nrow["source_id"] if nrow is not None else None,
                    "den_source_id": drow["source_id"] if drow is not None else None,
                    "rounded": (nrow is not None and nrow["qualifier"] != "exact")
                               or (drow is not None and drow["qualifier"] != "exact"),
                    "den_lower": float(drow["value"]) if drow is not None else math.nan})
    return pd.DataFrame(out, columns=["period", "num", "den", "share", "num_source_id", "den_source_id", "rounded",
                                      "den_lower"])


def with_conditions(selector: str, conditions: str) -> str:
    """``selector`` with the conditions of another selector of the same resource replacing or adding its own.

    A share claim's ``alt_bases`` entry (``residents_japan?basis=mhlw_employment&date=2022-10-31``) is applied
    this way to both its numerator and its denominator: the same share, counted on another base.
    """
    resource, params = data.parse_selector(selector)
    other, extra = data.parse_selector(conditions)
    if other != resource:
        raise ValueError(f"'{conditions}': another base of '{selector}' must select from {resource}")
    return resource + "?" + "&".join(f"{k}={v}" for k, v in {**params, **extra}.items())


def _base_label(selector: str, table: pd.DataFrame) -> str:
    _, params = data.parse_selector(selector)
    where = params.get("basis") or params.get("reporter") or "selector"
    known = table.dropna(subset=["share"])
    return f"{where} " + ", ".join(_period_text(p) for p in (known if not known.empty else table)["period"])


def _share_distance(table: pd.DataFrame, value: float, qualifier: str) -> float:
    """How far a base's shares lie from what the wording accepts (0: every known share holds; inf: none known)."""
    known = table.dropna(subset=["share"])
    if known.empty:
        return math.inf
    low, high, _, _ = band(value, qualifier, "percent")
    return max(0.0 if accepts(s, value, qualifier, "percent") else min(abs(s - low), abs(s - high))
               for s in known["share"])


def share_bases(claim, spec: Spec, ctx: Data) -> list[dict]:
    """Each other base of a share claim (``alt_bases``): label, selectors and its table of shares.

    The base's conditions replace the numerator's and the denominator's (:func:`with_conditions`); a base
    naming a date is taken at that date, else at the dates its selectors give.
    """
    out = []
    for conditions in spec.alt_bases:
        num_sel = with_conditions(claim["numerator"], conditions)
        den_sel = with_conditions(claim["denominator"], conditions)
        when = data.parse_selector(conditions)[1].get("date")
        table = shares(num_sel, den_sel, ctx, [when] if when else None, spec.use_upper)
        out.append({"label": _base_label(num_sel, table), "num": num_sel, "den": den_sel, "table": table})
    return out


def _period_text(p) -> str:
    return str(pd.Timestamp(p).date()) if isinstance(p, (pd.Timestamp, str)) and not str(p).isdigit() else str(p)


def _share_line(r, value: float, qualifier: str) -> str:
    if r["share"] != r["share"]:
        missing = "numerator" if r["num"] != r["num"] else "denominator"
        return f"{_period_text(r['period'])}: no {missing} row"
    holds = accepts(r["share"], value, qualifier, "percent")
    sign = relation(holds, qualifier)
    if qualifier == "exact":
        shown = f"{r['share']:.{decimals_of(value)}f}%"
        rhs = f"{value:.{decimals_of(value)}f}%"
    else:
        shown, rhs = f"{r['share']:.2f}%", f"{num(value)}%"
    mark = "✓" if holds else "✗"
    return f"{num(r['num'])} / {num(r['den'])} = {shown} {sign} {rhs} {mark} ({_period_text(r['period'])})"


def check_share(claim, spec: Spec, ctx: Data) -> Result:
    value, qualifier = float(claim["value"]), claim["qualifier"]
    resource, params = data.parse_selector(claim["numerator"])
    pkey = PERIOD[resource]
    if spec.years:
        tested = list(spec.years)
    elif pkey in params:
        tested = [int(params[pkey]) if pkey == "year" else params[pkey]]
    else:
        tested = None
    table = shares(claim["numerator"], claim["denominator"], ctx, tested, spec.use_upper)
    proxy = ""
    if (table.empty or table["share"].isna().all()) and spec.alt_dates:
        table = shares(claim["numerator"], claim["denominator"], ctx, list(spec.alt_dates), spec.use_upper)
        proxy = f"no share at the selector's date; tested at {', '.join(spec.alt_dates)} as the note asks"
    bases_text, base = "", ""
    if spec.alt_bases:  # the verdict rests on the closest base: nearest what the wording accepts, then the figure
        first = {"label": _base_label(claim["numerator"], table), "table": table, "proxy": proxy}
        cands = [first] + share_bases(claim, spec, ctx)
        for c in cands:
            c["distance"] = _share_distance(c["table"], value, qualifier)
            known_c = c["table"].dropna(subset=["share"])
            c["last"] = float(known_c["share"].iloc[-1]) if not known_c.empty else math.nan
        best = min(cands, key=lambda c: (c["distance"], abs(c["last"] - value) if c["last"] == c["last"]
                                         else math.inf))
        table, proxy = best["table"], best.get("proxy", "")
        if best["distance"] < math.inf:
            base = best["label"]
        others_ = [c for c in cands if c is not best]
        bases_text = "; ".join(
            f"{c['label']}: " + ("; ".join(_share_line(r, value, qualifier) for _, r in c["table"].iterrows())
                                 if not c["table"].empty else "no row")
            for c in others_)
        extra_used = {s for c in others_ for col in ("num_source_id", "den_source_id")
                      for s in c["table"][col].dropna()}
    context = shares(claim["numerator"], claim["denominator"], ctx, list(spec.context_years), spec.use_upper) \
        if spec.context_years else table.iloc[0:0]
    known = table.dropna(subset=["share"])
    lines = [_share_line(r, value, qualifier) for _, r in table.iterrows()]
    ctx_lines = [_share_line(r, value, qualifier) for _, r in context.iterrows()]
    arith = "; ".join(lines) + (" | context, not tested: " + "; ".join(ctx_lines) if ctx_lines else "")
    used = sorted({s for c in ("num_source_id", "den_source_id") for s in pd.concat([table, context])[c].dropna()})
    details = {_period_text(r["period"]): round(r["share"], 2) for _, r in pd.concat([table, context]).iterrows()
               if r["share"] == r["share"]}
    if spec.alt_bases:
        arith = (f"{base}: " if base else "") + arith + (f" | other bases: {bases_text}" if bases_text else "")
        used = sorted(set(used) | extra_used)
    if known.empty:
        res = _gap(claim, ctx, f"No period has both {claim['numerator']} and its denominator.")
        res.arithmetic, res.details = arith, details
        return res
    holds = [accepts(s, value, qualifier, "percent") for s in known["share"]]
    missing = [_period_text(p) for p in table.loc[table["share"].isna(), "period"]]
    last = known.iloc[-1]
    shown = "; ".join(f"{_period_text(r['period'])}: {r['share']:.2f}% [{r['num_source_id']}, {r['den_source_id']}]"
                      for _, r in known.iterrows())
    if all(holds) and missing:  # holds where known, but some periods are gaps: undecided
        verdict, reason = "no_data", "years_missing"
        expl = f"Holds in {', '.join(_period_text(p) for p in known['period'])}; no data for {', '.join(missing)}."
    elif all(holds):
        verdict, reason = verdict_for(True, qualifier, bool(known["rounded"].any()))
        if proxy:
            verdict, reason = "consistent", "proxy"
        expl = _sentence(verdict, reason, claim, last["share"]) + (f" ({proxy})" if proxy else "")
    elif any(holds):
        verdict, reason = "not_supported", "true_some_years_only"
        good = [_period_text(p) for p, h in zip(known["period"], holds) if h]
        bad = [_period_text(p) for p, h in zip(known["period"], holds) if not h]
        expl = f"Holds in {', '.join(good)} only; not in {', '.join(bad)}."
        if missing:
            expl += f" No data for {', '.join(missing)}."
    else:
        verdict, reason = "not_supported", "value_differs"
        expl = "The share is " + ", ".join(f"{r['share']:.2f}% in {_period_text(r['period'])}"
                                           for _, r in known.iterrows()) + \
               f", not {stated_text(claim)}."
    if spec.use_upper:
        lower = known.iloc[-1]
        expl += f" Against the plan's lower end it would be {100 * lower['num'] / lower['den_lower']:.1f}%."
    if base:
        expl = f"Closest of {len(spec.alt_bases) + 1} bases: {base}. " + expl
    res = Result(verdict, reason, expl, arith, shown, float(last["share"]), used, details=details, base=base)
    return res


def year_sums(selector: str, first: int, last: int, ctx: Data) -> tuple[pd.DataFrame, list[int]]:
    """Headline value per year from ``first`` to ``last`` (full years) and the years with no row."""
    resource, _ = data.parse_selector(selector)
    _, rows = ctx.rows(selector)
    hl = ctx.headline(resource, rows)
    hl = hl[(hl["year"] >= first) & (hl["year"] <= last)].sort_values("year")
    if hl["year"].duplicated().any():
        raise ValueError(f"{selector}: several quantities in one year; the sum needs one per year")
    missing = [y for y in range(first, last + 1) if y not in set(hl["year"])]
    return hl, missing


def check_sum(claim, spec: Spec, ctx: Data) -> Result:
    """A stated total against the sum of yearly values.

    Missing years are never skipped silently: the known years give a lower bound
    (rounded values counted at ``1 - ROUNDED_SLACK``); if that bound already exceeds what
    the wording accepts, the claim is ``not_supported``; if it already meets a "more than"
    claim, ``consistent``; otherwise ``no_data`` with the gap named.
    """
    if spec.sum_years is None:
        raise ValueError(f"{claim['claim_id']}: a sum claim needs test_years (first-last)")
    first, last = spec.sum_years
    hl, missing = year_sums(claim["numerator"], first, last, ctx)
    value, qualifier = float(claim["value"]), claim["qualifier"]
    total = float(hl["value"].sum())
    rounded = hl["qualifier"] != "exact"
    lower = float(hl.loc[~rounded, "value"].sum() + (1 - ROUNDED_SLACK) * hl.loc[rounded, "value"].sum())
    low, high, _, high_in = band(value, qualifier, claim["unit"])
    terms = " + ".join(f"{num(r['value'])} ({int(r['year'])})" for _, r in hl.iterrows())
    arith = f"{terms} = {num(total)}"
    if rounded.any():
        arith += f" (≥ {num(round(lower))} allowing {ROUNDED_SLACK:.0%} on {int(rounded.sum())} rounded values)"
    used = list(hl["source_id"])
    details = {"sum": total, "lower_bound": lower, "missing": missing}
    if missing:
        arith += f"; years missing: {compress_years(missing)}"
        if lower > high or (lower == high and not high_in):
            expl = (f"The known years alone sum to {num(total)}, above the stated {stated_text(claim)}, "
                    f"before the missing years ({compress_years(missing)}) are added.")
            arith += f" → lower bound {num(round(lower))} > {num(high if math.isfinite(high) else value)} ✗"
            return Result("not_supported", "parts_do_not_add_up", expl, arith, f"≥ {num(total)}", total, used,
                          details=details)
        if qualifier == "more_than" and lower > value:
            return Result("consistent", "within_wording", "The known years alone already exceed the stated figure.",
                          arith + " ✓", f"≥ {num(total)}", total, used, details=details)
        expl = (f"Only {len(hl)} of {last - first + 1} years have a value; the missing years "
                f"({compress_years(missing)}) could close the gap, so the sum cannot be tested.")
        return Result("no_data", "years_missing", expl, arith, f"≥ {num(total)} (incomplete)", math.nan, used,
                      details=details)
    holds = accepts(total, value, qualifier, claim["unit"])
    verdict, reason = verdict_for(holds, qualifier, bool(rounded.any()))
    if not holds:
        reason = "parts_do_not_add_up"
    arith += f" {relation(holds, qualifier)} {stated_text(claim, wording=False)} ({qualifier}) {'✓' if holds else '✗'}"
    expl = _sentence(verdict, "equal" if holds else "value_differs", claim, total) if holds else \
        f"The yearly values sum to {num(total)}, {pct_diff_text(total, value)} from the stated figure."
    return Result(verdict, reason, expl, arith, num(total), total, used, details=details)
