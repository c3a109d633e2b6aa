"""Short names of what a claim measures, for figures."""

from __future__ import annotations



import pandas as pd

from .. import data


def kind_label(claim_row, lang: str) -> str:
    """A short name of what a numeric claim measures, in ``lang``, built from its selector
    (claims.csv has English text only, so figures never show the claim's sentence)."""
    from .. import labels

    if pd.isna(claim_row["numerator"]):
        return labels.text("kind_other", lang)
    resource, params = data.parse_selector(claim_row["numerator"])
    check_kind = claim_row["check"]
    year = params.get("year", "")
    if resource == "departures":
        if check_kind == "sum":
            return labels.text("kind_cumulative_japan", lang)
        if check_kind == "share":
            den = str(claim_row.get("denominator") or "")
            if "plan_target" in den:
                return labels.text("kind_share_plan", lang, year=year)
            return labels.text("kind_share_japan", lang)
        if params.get("measure") == "plan_target":
            return labels.text("kind_plan", lang, year=year)
        key = "kind_women_sent" if params.get("sex") == "women" else "kind_workers_sent"
        where = labels.place(params["destination"], lang)
        where = where[0].lower() + where[1:] if params["destination"] == "ALL" else where
        return labels.text(key, lang, place=where, year=year)
    if resource == "residents_japan":
        date = params.get("date", "")
        when = labels.text("year_end", lang, year=date[:4]) if date.endswith("-12-31") else date
        if lang == "vi" and date and not date.endswith("-12-31"):  # 31/10/2022
            when = "/".join(str(int(p)) for p in date.split("-")[::-1])
        status = params.get("status_of_residence")
        if check_kind == "share":
            return labels.text("kind_titp_share", lang)
        if status == "total" and params.get("basis") == "mhlw_employment":  # counted by employers: workers
            ref = str(claim_row.get("reference_date") or "")  # the claim's date, not the count's
            if ref.endswith("-12-31"):
                when = labels.text("year_end", lang, year=ref[:4])
            return labels.text("kind_workers_japan", lang, date=when)
        key = {"total": "kind_resident_total", "technical_intern_training": "kind_titp",
               "specified_skilled_worker": "kind_ssw",
               "engineer_humanities_intl": "kind_engineer"}.get(status, "kind_other")
        return labels.text(key, lang, date=when)
    if resource == "economy":
        key = {"trade_total": "kind_trade_total", "exports_vn_to_jp": "kind_exports",
               "imports_vn_from_jp": "kind_imports", "oda_cumulative_loan": "kind_oda_loans"}.get(
            params.get("indicator"), "kind_other")
        return labels.text(key, lang, year=year)
    return labels.text("kind_other", lang)
