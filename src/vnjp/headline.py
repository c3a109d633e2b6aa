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

import numpy as np
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

    Quantities stated only by suspect rows have no headline and are left out. Rows come in the
    order of the rule (the best-ranked headline first); rows with a missing key form their own
    quantity. Implemented with one sort and one grouping over all rows (no per-quantity masking).
    """
    if rows.empty:
        return rows.assign(n_sources=pd.Series(dtype="Int64"), alternatives=pd.Series(dtype=object),
                           alternative_sources=pd.Series(dtype=object), suspect_values=pd.Series(dtype=object),
                           sources_agree=pd.Series(dtype="boolean"))
    ranked = rank_rows(rows, sources)
    # A row whose status is missing is neither usable nor suspect when ``status`` is a nullable
    # string column (the comparison gives NA): the masks below keep that behaviour.
    usable_mask = _true(ranked["status"] != "suspect")
    suspect_mask = _true(ranked["status"] == "suspect")
    # One group number per quantity, over every row (suspect ones too); missing keys group together.
    group = ranked.groupby(keys, dropna=False, sort=False).ngroup().to_numpy()
    ranked["_row"] = np.arange(len(ranked))
    usable = ranked[usable_mask]
    # Step 6: later first, and an undated source behind every dated one.
    ordered = usable.assign(_undated=usable["_published"].eq("")).sort_values(
        ["_status", "_qualifier", "_reliability", "_kind", "_undated", "_published", "source_id"],
        ascending=[True, True, True, True, True, False, True],
        kind="mergesort",
    )
    chosen = ordered.groupby(keys, dropna=False, sort=True).head(1)
    columns = list(chosen.columns)
    added = ["n_sources", "alternatives", "alternative_sources", "suspect_values", "sources_agree"]
    columns += [c for c in added if c not in columns]
    if chosen.empty:
        return pd.DataFrame([]).reset_index(drop=True)

    chosen_group = group[chosen["_row"].to_numpy()]
    # Each row's quantity's headline value, to compare with (same dtype as ``value``).
    headline_value = pd.Series(chosen["value"].array, index=chosen_group).reindex(group)
    value = ranked["value"]
    differs = _true(value.notna()) & _true(value != pd.Series(headline_value.array, index=value.index))
    differing = usable_mask & differs

    n_sources = np.bincount(group, minlength=group.max() + 1)
    alternatives = _sorted_sets(group[differing], value[differing])
    alternative_sources = _sorted_sets(group[differing], ranked.loc[differing, "source_id"])
    stated_suspect = suspect_mask & _true(value.notna())
    suspect_values = _sorted_sets(group[stated_suspect], value[stated_suspect])
    new = {
        "n_sources": [int(n) for n in n_sources[chosen_group]],
        "alternatives": [alternatives.get(g, []) for g in chosen_group],
        "alternative_sources": [alternative_sources.get(g, []) for g in chosen_group],
        "suspect_values": [suspect_values.get(g, []) for g in chosen_group],
        "sources_agree": [g not in alternatives for g in chosen_group],
    }
    # Rebuild the frame from Python objects row by row, as the rule always has: pandas infers each
    # column's dtype from the chosen values (e.g. nullable Int64 becomes int64 when no value is missing).
    records = chosen.to_numpy(dtype=object).tolist()
    where = {name: columns.index(name) for name in added}
    for i, record in enumerate(records):
        record.extend([None] * (len(columns) - len(record)))
        for name in added:
            record[where[name]] = new[name][i]
    out = pd.DataFrame(records, columns=columns)
    return out.drop(columns=[c for c in out.columns if c.startswith("_")]).reset_index(drop=True)


def _true(mask: pd.Series) -> np.ndarray:
    """A boolean mask as a numpy array, missing (NA) counting as False, as in frame[mask]."""
    return mask.to_numpy(dtype=bool, na_value=False)


def _sorted_sets(group: np.ndarray, values: pd.Series) -> dict[int, list]:
    """``{group: sorted(set(values of the group))}``, the values as iterating the Series gives them."""
    if not len(group):
        return {}
    order = np.argsort(group, kind="stable")
    group = group[order]
    items = list(values.iloc[order])
    cuts = np.flatnonzero(np.diff(group)) + 1
    starts = [0, *cuts.tolist()]
    stops = [*cuts.tolist(), len(group)]
    return {int(group[a]): sorted(set(items[a:b])) for a, b in zip(starts, stops)}


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


def only_low_reliability(rows: pd.DataFrame, sources: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per quantity (``keys``) with ``only_low_reliability``: True when every row stating it
    that is not marked suspect cites a source of ``low`` reliability, so whatever value the rule
    picks rests on such sources alone and a chart must draw it as such (not as a solid headline).

    Quantities stated only by suspect rows are left out, as in :func:`headline`.
    """
    usable = rows[rows["status"] != "suspect"]
    reliability = usable["source_id"].map(sources.set_index("source_id")["reliability"])
    flags = usable[keys].assign(only_low_reliability=reliability.eq("low").to_numpy())
    out = flags.groupby(keys, dropna=False, sort=True)["only_low_reliability"].all().reset_index()
    return out.astype({"only_low_reliability": bool})
