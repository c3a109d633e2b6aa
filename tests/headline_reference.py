# Verbatim copy of src/vnjp/headline.py as of main ff8a6bd, before the rule was vectorised. Kept only for
# tests/test_headline.py, which checks that the new implementation gives the same output. Do not edit.
"""Which value a chart uses when several sources state the same quantity.

The rule, applied in this order to the rows that state one quantity (same measure,
place, sex or status, and period):

1. A row marked ``suspect`` (a typo or mislabelled figure) is never the headline.
2. Final over preliminary over forecast; a revised plan over the original plan.
3. An exact figure over a rounded one ("about", "more than", "nearly"): a precise
   figure quoted by the press from the statistics body is closer to the official
   release than a rounded figure in a speech.
4. The more reliable source (``sources.reliability``: high, medium, low).
5. The stronger kind of source: official statistics, ministry statement, seed
   document, industry association, academic, press report, mirror or blog.
6. The later publication (a later release revises an earlier one); undated last.
7. Still tied: the smallest ``source_id``, so the choice never depends on row order.

:func:`headline` returns one row per quantity with the chosen value and, beside it,
how many other rows state the quantity, the other values a chart draws faintly (never a
suspect one) with their sources, the suspect values, and whether the sources agree.
:func:`faint_rows` returns those other rows themselves, for a chart to draw and cite.
"""

from __future__ import annotations

import pandas as pd

STATUS_RANK = {"final": 0, "plan_revised": 0, "preliminary": 1, "plan_original": 1, "forecast": 2}
# Every rounded wording ranks the same: "more than 107,000" is no better than "about 105,000".
QUALIFIER_RANK = {"exact": 0, "more_than": 1, "nearly": 1, "less_than": 1, "about": 1}
RELIABILITY_RANK = {"high": 0, "medium": 1, "low": 2}
KIND_RANK = {
    "official_statistics": 0,
    "ministry_statement": 1,
    "seed_document": 2,
    "industry_association": 3,
    "academic": 4,
    "press_report": 5,
    "mirror_blog": 6,
}
UNRANKED = 99

#: The columns that identify a quantity, per resource (rows equal on these state the same thing).
QUANTITY_KEYS = {
    "departures": ["measure", "destination", "sex", "period_start", "period_end"],
    "residents_japan": ["date", "nationality", "status_of_residence", "basis", "unit"],
    "economy": ["indicator", "reporter", "year", "year_basis", "period_end", "unit"],
}


def rank_rows(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Add the sort columns of the rule (lower is better) to ``rows``."""
    src = sources.set_index("source_id")
    out = rows.copy()
    out["_status"] = out["status"].map(STATUS_RANK).fillna(UNRANKED)
    out["_qualifier"] = out["qualifier"].map(QUALIFIER_RANK).fillna(UNRANKED)
    out["_reliability"] = out["source_id"].map(src["reliability"]).map(RELIABILITY_RANK).fillna(UNRANKED)
    out["_kind"] = out["source_id"].map(src["kind"]).map(KIND_RANK).fillna(UNRANKED)
    published = out["source_id"].map(src["published"]).fillna("")
    # Later first; "" (undated) sorts last. Partial dates compare as text: "2024" < "2024-01".
    out["_published"] = published.astype(str)
    return out


def headline(rows: pd.DataFrame, sources: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per quantity (``keys``): the headline row plus ``n_sources`` (rows stating it),
    ``alternatives`` (the other distinct values of rows not marked suspect, sorted: what a chart
    draws faintly), ``alternative_sources`` (the ``source_id``s of those rows, for the figure's
    footer), ``suspect_values`` (values of suspect rows, listed, never drawn) and ``sources_agree``.

    Quantities stated only by suspect rows have no headline and are left out.
    """
    if rows.empty:
        return rows.assign(n_sources=pd.Series(dtype="Int64"), alternatives=pd.Series(dtype=object),
                           alternative_sources=pd.Series(dtype=object), suspect_values=pd.Series(dtype=object),
                           sources_agree=pd.Series(dtype="boolean"))
    ranked = rank_rows(rows, sources)
    usable = ranked[ranked["status"] != "suspect"]
    # Step 6: later first, and an undated source behind every dated one.
    ordered = usable.assign(_undated=usable["_published"].eq("")).sort_values(
        ["_status", "_qualifier", "_reliability", "_kind", "_undated", "_published", "source_id"],
        ascending=[True, True, True, True, True, False, True],
        kind="mergesort",
    )
    chosen = ordered.groupby(keys, dropna=False, sort=True).head(1)
    result = []
    for _, row in chosen.iterrows():
        same = _same_quantity(ranked, row, keys)
        usable_same = same[same["status"] != "suspect"]
        differing = usable_same[usable_same["value"].notna() & (usable_same["value"] != row["value"])]
        row = row.copy()
        row["n_sources"] = len(same)
        row["alternatives"] = sorted(set(differing["value"]))
        row["alternative_sources"] = sorted(set(differing["source_id"]))
        row["suspect_values"] = sorted(set(same.loc[same["status"] == "suspect", "value"].dropna()))
        row["sources_agree"] = differing.empty
        result.append(row)
    out = pd.DataFrame(result)
    return out.drop(columns=[c for c in out.columns if c.startswith("_")]).reset_index(drop=True)


def _same_quantity(frame: pd.DataFrame, row: pd.Series, keys: list[str]) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    for k in keys:
        if pd.isna(row[k]):
            mask &= frame[k].isna()
        else:
            mask &= frame[k] == row[k]
    return frame[mask]


def faint_rows(rows: pd.DataFrame, sources: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The rows a chart draws faintly beside the headline values: not suspect, and stating a value
    that differs from the headline value of their quantity. They keep their ``source_id``."""
    chosen = headline(rows, sources, keys)[keys + ["value"]].rename(columns={"value": "_headline"})
    usable = rows[rows["status"] != "suspect"]
    out = usable.merge(chosen, on=keys, how="inner")
    return out[out["value"] != out["_headline"]].drop(columns="_headline").reset_index(drop=True)


def alternatives(rows: pd.DataFrame, sources: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Every row with a ``is_headline`` flag: what a chart draws faintly beside the headline."""
    chosen = headline(rows, sources, keys)
    marker = chosen[keys + ["source_id", "status"]].assign(is_headline=True)
    out = rows.merge(marker, on=keys + ["source_id", "status"], how="left")
    out["is_headline"] = out["is_headline"].astype("boolean").fillna(False)
    return out
