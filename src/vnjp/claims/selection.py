"""Selecting rows for a claim: selectors, the claim's own document left out, unstated reporter / basis,
and the rows considered."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

import pandas as pd

from .. import data
from ..headline import QUANTITY_KEYS, headline

if TYPE_CHECKING:  # annotations only
    from .result import Result, Spec


#: Selector keys whose value also matches rows that leave it unstated (rule of issue 12).
OPEN_KEYS = ("reporter", "basis")


UNSTATED = "unstated"


ENTITY = {"departures": "destination", "residents_japan": "nationality"}


PERIOD = {"departures": "year", "residents_japan": "date", "economy": "year"}


class OwnRowsOnly(LookupError):
    """A lookup found rows, but only rows of the claim's own document (which a check may not use)."""


class Data:
    """The resources and sources a check reads; hand-built frames can be passed for tests."""

    def __init__(self, frames: dict[str, pd.DataFrame] | None = None, sources: pd.DataFrame | None = None):
        self._frames = dict(frames or {})
        self._sources = sources
        #: The claim's own source_id(s) while it is checked (see :meth:`leaving_out`); their rows are never returned.
        self.own: tuple[str, ...] | None = None
        #: How many of the claim's own rows the lookups set aside since :meth:`leaving_out` started.
        self.set_aside = 0
        #: (resource, row index, source_id) of rows a lookup matched only because their reporter / basis is unstated.
        self.unstated: set[tuple[str, int, str]] = set()
        #: A sentence a lookup leaves for the next gap's explanation (e.g. why no bracket was found).
        self.note = ""

    @contextmanager
    def leaving_out(self, source_id: str | tuple[str, ...] | None):
        """Within the block, :meth:`rows` and :meth:`event` leave out the rows of ``source_id`` (one or several)."""
        before = self.own, self.set_aside
        self.own = (source_id,) if isinstance(source_id, str) else source_id
        self.set_aside = 0
        try:
            yield self
        finally:
            self.own, self.set_aside = before

    def _drop_own(self, rows: pd.DataFrame) -> pd.DataFrame:
        if self.own is None or "source_id" not in rows:
            return rows
        mine = rows["source_id"].isin(list(self.own)).fillna(False)
        self.set_aside += int(mine.sum())
        return rows[~mine]

    def frame(self, resource: str) -> pd.DataFrame:
        if resource not in self._frames:
            self._frames[resource] = data.load(resource)
        return self._frames[resource]

    @property
    def sources(self) -> pd.DataFrame:
        if self._sources is None:
            self._sources = data.load("sources")
        return self._sources

    def published(self, source_id: str) -> str:
        hit = self.sources.loc[self.sources["source_id"] == source_id, "published"]
        return "" if hit.empty or pd.isna(hit.iloc[0]) else str(hit.iloc[0])

    def rows(self, selector: str, override: dict | None = None, drop: tuple[str, ...] = ()) -> tuple[str, pd.DataFrame]:
        """Rows matching ``selector`` (validated by :func:`vnjp.data.parse_selector`).

        ``override`` replaces or adds conditions (values as in a selector); ``drop`` removes some.
        Rows of the claim under test's own document (:attr:`own`) are left out.
        """
        resource, params = data.parse_selector(selector)
        params = {k: v for k, v in {**params, **(override or {})}.items() if k not in drop}
        frame = self.frame(resource)
        mask = pd.Series(True, index=frame.index)
        via_unstated = pd.Series(False, index=frame.index)
        for key, value in params.items():
            col = frame[key]
            if key in OPEN_KEYS and isinstance(value, str) and value != UNSTATED:
                # a reporter / basis also matches rows that do not state theirs (said in the result)
                exact = (col.astype("string") == value).fillna(False)
                loose = (col.astype("string") == UNSTATED).fillna(False)
                via_unstated |= loose & ~exact
                mask &= exact | loose
            elif isinstance(value, (list, tuple, set)):
                mask &= col.astype("string").isin([str(v) for v in value]).fillna(False)
            elif pd.api.types.is_datetime64_any_dtype(col):
                mask &= (col == pd.Timestamp(value)).fillna(False)
            elif pd.api.types.is_integer_dtype(col):
                mask &= (col == int(value)).fillna(False)
            else:
                mask &= (col.astype("string") == str(value)).fillna(False)
        kept = self._drop_own(frame[mask])
        loose = via_unstated[kept.index]
        stated = kept[~loose]
        if loose.any() and not stated.empty and (stated.get("status", pd.Series("final", index=stated.index))
                                                  != "suspect").any():
            kept = stated  # a row that states the reporter / basis is preferred to one that leaves it unstated
        for idx in kept.index[via_unstated[kept.index]]:
            self.unstated.add((resource, idx, str(kept.at[idx, "source_id"])))
        return resource, kept

    def event(self, event_id: str) -> pd.Series:
        """The timeline event ``event_id``; :class:`OwnRowsOnly` if only the claim's own document dates it."""
        frame = self.frame("timeline")
        hit = frame[frame["event_id"] == event_id]
        if hit.empty:
            raise KeyError(f"no timeline event '{event_id}'")
        kept = self._drop_own(hit)
        if kept.empty:
            raise OwnRowsOnly(event_id)
        return kept.iloc[0]

    def headline(self, resource: str, rows: pd.DataFrame) -> pd.DataFrame:
        """The headline row of every quantity among ``rows`` (suspect-only quantities drop out)."""
        if resource == "timeline":
            return rows
        return headline(rows, self.sources, QUANTITY_KEYS[resource])


def split_sum(selector: str) -> list[str]:
    """``...status_of_residence=a+b&...`` -> one selector per part (a sum of statuses); others unchanged."""
    resource, _, query = selector.partition("?")
    pairs = [kv.partition("=") for kv in query.split("&") if kv]
    summed = [(k, v.split("+")) for k, _, v in pairs if "+" in v]
    if not summed:
        return [selector]
    if len(summed) > 1:
        raise ValueError(f"'{selector}': only one key may be summed")
    key, parts = summed[0]
    return [resource + "?" + "&".join(f"{k}={part if k == key else v}" for k, _, v in pairs) for part in parts]


#: Why a row near a claim's selector did not carry its verdict (see :func:`considered`).
EXCLUDED = ("own document", "suspect", "other reporter/basis", "unstated reporter/basis; a stated one preferred",
            "out of date range", "not the headline value", "not used")


def considered(claim, ctx: Data, res: Result, spec: Spec, own: tuple[str, ...]) -> list[dict]:
    """Every row near the claim's selectors -- same series, any reporter/basis, any date -- with
    ``why``: ``used`` or the first reason it was left out (:data:`EXCLUDED`)."""
    sels = [s for s in (claim["numerator"], claim["denominator"]) if isinstance(s, str) and s]
    sels += [p for b in spec.alt_bases for p in split_sum(b)]
    out, seen = [], set()
    for sel in sels:
        resource, params = data.parse_selector(sel)
        frame = ctx.frame(resource)
        loose = [k for k in params if k in OPEN_KEYS + ("date", "year") or (resource == "timeline")]
        mask = pd.Series(True, index=frame.index)
        for key, value in params.items():
            if key not in loose:
                mask &= (frame[key].astype("string") == str(value)).fillna(False)
        near = frame[mask]
        keys = QUANTITY_KEYS.get(resource)
        head = set()
        if keys:
            usable = near[~near["source_id"].isin(list(own))]
            for _, r in ctx.headline(resource, usable).iterrows():
                head.add((r["source_id"], str(r.get("date", r.get("year"))), r["value"]))
        for idx, r in near.iterrows():
            if (resource, idx) in seen:
                continue
            seen.add((resource, idx))
            period = r["date"] if "date" in r else r.get("year")
            period = str(period.date()) if isinstance(period, pd.Timestamp) else str(period)
            key_of = (r["source_id"], str(r.get("date", r.get("year"))), r.get("value"))
            open_key = next((k for k in OPEN_KEYS if k in r and k in params), None)
            period_key = next((k for k in ("date", "year") if k in params), None)
            if r["source_id"] in own:
                why = "own document"
            elif r.get("status") == "suspect":
                why = "suspect"
            elif r["source_id"] in res.used and (not keys or key_of in head):
                why = "used"
            elif open_key and r[open_key] not in (params[open_key], UNSTATED):
                why = "other reporter/basis"
            elif open_key and r[open_key] == UNSTATED != params[open_key]:
                why = "unstated reporter/basis; a stated one preferred"
            elif period_key and str(r[period_key])[:10] != str(params[period_key]):
                why = "out of date range"
            elif keys and key_of not in head:
                why = "not the headline value"
            else:
                why = "not used"
            out.append({"resource": resource, "row": int(idx) + 2, "source_id": r["source_id"], "period": period,
                        "basis": str(r.get("basis", r.get("reporter", ""))), "value": r.get("value"), "why": why})
    return out
