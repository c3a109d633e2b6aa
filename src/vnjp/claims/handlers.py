"""The few claims with arithmetic of their own (named in the ``handler`` column of ``claims.csv``)."""

from __future__ import annotations

import math

from .fmt import cite, num, others, pct_diff_text, relation, stated_text, WORDING
from .. import data
from .kinds import check_rank, check_sum, check_value, _gap, shares, with_conditions
from .result import Result, Spec
from .selection import Data
from .tolerance import accepts, band


def stock_or_flow_345k(claim, spec: Spec, ctx: Data) -> Result:
    """c001-04: 'sent 345,000 to Japan over three decades' — a cumulative flow.

    The yearly flows are summed as :func:`check_sum` does (gaps named, lower bound);
    then the stated figure is looked for among stocks of Vietnamese residents in Japan
    at the end of the last summed year: a stock equal to it means a stock was called a flow.
    """
    res = check_sum(claim, spec, ctx)
    _, stock = ctx.rows("residents_japan?nationality=VNM&status_of_residence=total",
                        override={"date": f"{spec.sum_years[1]}-12-31"})
    stock = stock[stock["status"] != "suspect"]
    low, high, _, _ = band(float(claim["value"]), claim["qualifier"], claim["unit"])
    same = stock[(stock["value"] >= low) & (stock["value"] < high)]
    _, multi = ctx.rows("departures?measure=workers_sent&destination=JPN&sex=all&period=multi_year")
    if not multi.empty:
        res.arithmetic += "; multi-year rows: " + "; ".join(
            f"{r['period_start'].date()}..{r['period_end'].date()} {cite(r)}" for _, r in multi.iterrows())
        res.used += list(multi["source_id"])
    if res.verdict == "not_supported" and not same.empty:
        row = same.iloc[0]
        res.reason = "stock_called_flow"
        res.explanation += (f" The same figure is a stock: {cite(row)}, Vietnamese residents in Japan at "
                            f"{row['date'].date()} ({row['basis']}), i.e. people present, not people sent.")
        res.used.append(row["source_id"])
    return res


#: The seed's own figures for the two sides of 2022 trade (claims c000-12, c000-13).
TRADE_PARTS_2022 = ("c000-12", "c000-13")


def trade_total_2022(claim, spec: Spec, ctx: Data) -> Result:
    """c000-11: 'trade exceeded 50bn USD in 2022'. The selector (Vietnamese customs) is a gap;
    the note asks to compare the seed's own parts (c000-12, c000-13) and the MOIT rows."""
    claims = ctx.frame("claims")
    parts = claims[claims["claim_id"].isin(TRADE_PARTS_2022)]
    part_high = float(parts["value"].sum())  # "nearly X" is below X: the parts add to under this
    _, rows = ctx.rows(claim["numerator"], drop=("reporter",))
    total = ctx.headline("economy", rows)
    exp_sel = "economy?indicator=exports_vn_to_jp&year=2022&year_basis=calendar&unit=USD_bn"
    imp_sel = "economy?indicator=imports_vn_from_jp&year=2022&year_basis=calendar&unit=USD_bn"
    ex = ctx.headline("economy", ctx.rows(exp_sel)[1])
    im = ctx.headline("economy", ctx.rows(imp_sel)[1])
    value = float(claim["value"])
    used, lines = [], []
    lines.append(" + ".join(f"{WORDING[r['qualifier']]}{num(r['value'])} ({r['claim_id']})"
                            for _, r in parts.iterrows())
                 + f" < {num(part_high)} ≤ {num(value)} ✗")
    data_value = math.nan
    if len(ex) == 1 and len(im) == 1:
        data_value = float(ex.iloc[0]["value"] + im.iloc[0]["value"])
        lines.append(f"exports {cite(ex.iloc[0])} + imports {cite(im.iloc[0])} = {num(round(data_value, 1))} "
                     f"{'>' if data_value > value else '≤'} {num(value)} {'✓' if data_value > value else '✗'}")
        used += [ex.iloc[0]["source_id"], im.iloc[0]["source_id"]]
    for _, r in total.iterrows():
        lines.append(f"trade total {cite(r)} ({r['reporter']} reporter)")
        used.append(r["source_id"])
    if part_high <= value:
        expl = (f"No Vietnamese-customs row for 2022. The seed's own parts, nearly {num(parts['value'].iloc[0])} and "
                f"nearly {num(parts['value'].iloc[1])}, add to under {num(part_high)}, so the total cannot exceed "
                f"{num(value)}; the MOIT rows (reporter not stated) say nearly {num(value)}.")
        return Result("not_supported", "parts_do_not_add_up", expl, "; ".join(lines),
                      f"{num(round(data_value, 1))} (exports + imports)" if data_value == data_value else "",
                      data_value, sorted(set(used)))
    return _gap(claim, ctx)


def ssw_2022(claim, spec: Spec, ctx: Data) -> Result:
    """c000-21: the note asks for the ISA bases (SSW publication or residence statistics),
    whereas the selector, having no basis, finds only the Vietnamese-government estimate."""
    res = check_value(claim, Spec(restrict={"basis": ["ssw_publication", "residence_statistics"]}), ctx)
    if res.verdict != "no_data":
        return res
    sel = "residents_japan?nationality=VNM&status_of_residence=ssw_i&date=2022-12-31"
    _, rows = ctx.rows(sel, override={"basis": ["ssw_publication", "residence_statistics"]})
    hl = ctx.headline("residents_japan", rows)
    _, gov = ctx.rows(claim["numerator"])
    gov = ctx.headline("residents_japan", gov)
    gov_text = "; ".join(f"{r['basis']}: {cite(r)}" for _, r in gov.iterrows())
    if hl.empty:
        return _gap(claim, ctx)
    row = hl.iloc[0]
    x, value = float(row["value"]), float(claim["value"])
    holds = accepts(x, value, claim["qualifier"], claim["unit"])
    arith = (f"SSW (i) {num(x)} {relation(holds, claim['qualifier'])} {stated_text(claim, wording=False)} "
             f"({claim['qualifier']}; {pct_diff_text(x, value)}) "
             f"{'✓' if holds else '✗'} [2022-12-31]; not tested: {gov_text}")
    if holds:
        expl = ("Tested on SSW (i) alone, the only ISA figure for the date: it rounds to the stated figure; SSW (ii) "
                "is not in the data, so the total is at least this (proxy). The Vietnamese-government estimate the "
                f"selector finds says {num(gov.iloc[0]['value'])}.") if not gov.empty else "Tested on SSW (i) alone."
        return Result("consistent", "proxy", expl, arith, cite(row), x, [row["source_id"]], others(row))
    return Result("not_supported", "value_differs", f"SSW (i) alone is {num(x)}.", arith, cite(row), x,
                  [row["source_id"]])


def titp_rank_2022(claim, spec: Spec, ctx: Data) -> Result:
    """c000-06: 'Vietnam has the most TITP trainees'. End-2022 has no Vietnamese row; the note
    asks to test mid-2023 too (``alt_dates``) and the employer-reported trainees (``alt_bases``, conditions
    replacing the selectors' own, see :func:`.kinds.with_conditions`). There the data hold no other single
    nationality, but a share above one half of all nationalities makes Vietnam the largest whatever the
    others are. Every date and base is shown; one above one half decides."""
    res = check_rank(claim, spec, ctx)
    if res.verdict != "no_data":
        return res
    num_sel = claim["numerator"]
    den_sel = num_sel.replace("nationality=VNM", "nationality=ALL")
    tries = [(num_sel, den_sel, when, data.parse_selector(num_sel)[1].get("basis", "")) for when in spec.alt_dates]
    for conditions in spec.alt_bases:
        when = data.parse_selector(conditions)[1].get("date")
        tries.append((with_conditions(num_sel, conditions), with_conditions(den_sel, conditions), when,
                      data.parse_selector(conditions)[1].get("basis", "")))
    lines, used, majority, first = [], [], [], None
    for n_sel, d_sel, when, basis in tries:
        r = shares(n_sel, d_sel, ctx, [when] if when else None).iloc[0]
        label = f"{when or 'every date'}{f' ({basis})' if basis else ''}"
        if r["share"] != r["share"]:
            lines.append(f"{label}: no share")
            continue
        holds = r["share"] > 50
        lines.append(f"{num(r['num'])} / {num(r['den'])} = {r['share']:.2f}% "
                     f"{'> 50% ⇒ rank 1 ✓' if holds else '≤ 50%: rank not decided'} [{label}]")
        used += [r["num_source_id"], r["den_source_id"]]
        if holds:
            majority.append(label)
            first = first if first is not None else r
    if not used:
        return res
    arith = "end-2022: no VNM row; " + "; ".join(lines)
    if majority:
        return Result("consistent", "proxy",
                      f"No row at end-2022; at {' and at '.join(majority)} Vietnamese are more than half of all "
                      "trainees, so they are the largest nationality (no other nationality's row is needed).",
                      arith, f"{num(first['num'])} [{first['num_source_id']}]", 1.0, used)
    return Result("no_data", "no_rows", "Vietnam holds half or less at every date and base tested; other "
                  "nationalities are not in the data.", arith, "", math.nan, used)
