"""Each statement of the seed documents (``data/claims.csv``) tested against the data.

:func:`check` returns one row per claim with the data value(s) used and their
``source_id``, the arithmetic as a readable line, a **verdict** from a closed set and a
**reason** code with a sentence.

Verdicts (:data:`VERDICTS`):

``reproduced``
    An exactly worded figure (``qualifier`` exact) that the data give: equal, or equal once
    the data value is rounded to the decimals the claim is stated with (133.32% -> 133.3%);
    a date or year the timeline holds; a rank the data give.
``consistent``
    A hedged figure that holds under its wording (the tolerance rule, :func:`accepts`), a
    stock claim bracketed by the rows on either side of its date (reason ``bracketed``), or
    an exact figure met only by a rounded data value, a proxy the note names, or part of a
    statement (the rest named in the sentence).
``not_supported``
    The data contradict the claim; the reason code says how (:data:`REASONS`).
    ``outside_bracket``: a stock claim whose date has no row, stating a figure outside the
    range of the rows on either side (see below) -- weaker evidence than a row at the date.
``no_data``
    The claim names a series the data do not hold (a gap, not a failure); the sentence
    says what related rows exist, for context only. This includes a series stated only by
    the claim's own document (reason ``only_own_figures``, see below).
``not_testable``
    A statement the data cannot test (no selector, a fact held only in prose, a vague
    magnitude).

Four rules against lookup accidents (issue 12):

* **Unstated reporter / basis.** A selector's ``reporter`` or ``basis`` also matches rows that
  leave theirs ``unstated`` (only when no row states it); the result says so
  (``unstated_match`` and a sentence naming the rows).
* **Rows considered.** Every result lists the rows near its selectors (same series, any
  reporter/basis, any date) with why each was used or left out (``considered``,
  :data:`EXCLUDED`: own document, suspect, other reporter/basis, out of date range, ...).
* **One fact, one test.** A claim whose row names ``same_fact_as`` is tested by that claim's
  check, once, leaving out the documents of both; it gets the same verdict.
* **Like with like.** A claim about workers lists its ``alt_bases`` beside the numerator (a
  ``+`` in a status sums statuses; a base without a date is taken at the date nearest the
  claim's, within :data:`WINDOW_DAYS`, where every part has a row); each base is shown with
  its gap and the verdict rests on the closest -- nearest the values the wording accepts,
  then nearest the figure -- named in ``base``.
* **A date with no row.** A stock claim whose date has no row, with rows of the same series
  on both sides within :data:`WINDOW_DAYS`, gets ``consistent`` / ``bracketed`` if the values
  its wording accepts overlap the range between them, ``not_supported`` / ``outside_bracket``
  otherwise; the two rows are shown, ``data_value`` stays empty: no value is interpolated.

The tolerance rule, in one place (:func:`accepts`, :func:`stated_step`):

* ``exact`` -- the data value rounded to the decimals of the stated figure equals it
  (counts: equality);
* ``about`` -- the data value rounds to the stated figure at the precision it is stated
  with: ``X - step/2 <= data < X + step/2``, where the step is 1 unit of the last stated
  decimal for percentages and non-whole figures (50% -> 1 point, 133.3% -> 0.1) and, for
  whole numbers, 10 to the power of the trailing zeros, at most 1,000 (345,000 -> 1,000;
  5,500 -> 100);
* ``more_than`` -- strictly above: ``data > X`` (exactly 50% is not "over half");
* ``nearly`` -- a little below: ``X * (1 - NEARLY_BAND) <= data < X``;
* ``less_than`` -- strictly below: ``data < X``.

Several as-of dates, years to test, alternative dates and the other instructions the
``note`` column gives in words are written out per claim in :data:`SPECS`; claims that
need their own arithmetic (a sum whose parts are a stock, a total its own parts
contradict) have a named handler. Every data value is the project's headline value
(:func:`vnjp.headline.headline` with ``QUANTITY_KEYS``); the other values of the same
quantity are reported beside it.

**A claim is never tested against its own document.** Before the headline rule, every
lookup of a claim's check (:meth:`Data.rows`, :meth:`Data.event`, so every check kind and
handler) leaves out the rows whose ``source_id`` is the claim's own ``source_id``: a seed
document confirming itself says nothing. If other sources' rows remain, the claim is tested
against them and the result says so (``own_left_out``); if only the claim's own rows state
the figure, the verdict is ``no_data`` with reason ``only_own_figures``, a visible gap and
not a confirmation. Another source that reprints the same release (a press report quoting
DOLAB's count) is an independent transcription, not an independent measurement: such a
check tests the copying, not the count. The one place the seed's own figures are still
read is :func:`trade_total_2022`, where they are used against the seed (its parts
contradict its total), never to confirm it.
"""

from __future__ import annotations

import copy
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from . import data
from .headline import QUANTITY_KEYS, headline

VERDICTS = ("reproduced", "consistent", "not_supported", "no_data", "not_testable")

#: Reason codes; each verdict row carries one.
REASONS = {
    # reproduced / consistent
    "equal": "the data give the stated figure",
    "within_wording": "the data value satisfies the claim's qualifier (about, more than, nearly, less than)",
    "data_rounded": "the stated figure matches a data value that is itself rounded",
    "top_n": "the claim states a rank bound ('one of the three largest') that the data rank meets",
    "proxy": "tested on a proxy named in the claim's note (another date, basis or measure)",
    "partly_tested": "the part the data can test holds; the rest is held only in prose",
    "precision_limited": "the data are dated less precisely than the claim; the common part matches",
    "bracketed": "no row at the claim's date; the rows on either side span a range the stated figure lies in "
                 "(no value is interpolated)",
    # not_supported
    "value_differs": "the data value is outside the claim's wording",
    "true_some_years_only": "the claim holds in some of the years it covers but not in all",
    "parts_do_not_add_up": "the total is contradicted by its parts",
    "stock_called_flow": "a stock (people present at a date) is presented as a cumulative flow",
    "rank_differs": "the data give another rank",
    "date_differs": "the timeline dates the event otherwise",
    "outside_bracket": "no row at the claim's date; the stated figure lies outside the range of the rows on "
                       "either side",
    # no_data
    "no_rows": "the selector matches no row in the data",
    "years_missing": "years the claim covers are missing and the known years do not decide it",
    "only_own_figures": "the only rows stating this come from the claim's own document",
    # not_testable
    "no_selector": "no resource of the package holds what the claim states",
    "prose_only": "the fact is held only in an event's description, not in a column",
    "vague": "no figure and no period",
}

#: "nearly X" holds for X * (1 - NEARLY_BAND) <= data < X (data/README.md: "below and within 5%").
NEARLY_BAND = 0.05
#: Largest rounding step read from trailing zeros ("about 345,000" is to the nearest 1,000).
MAX_STEP = 1000
#: When summing rounded yearly values for a lower bound, each may overstate its year by this much.
ROUNDED_SLACK = 0.05

#: Selector keys whose value also matches rows that leave it unstated (rule of issue 12).
OPEN_KEYS = ("reporter", "basis")
UNSTATED = "unstated"

ENTITY = {"departures": "destination", "residents_japan": "nationality"}
PERIOD = {"departures": "year", "residents_japan": "date", "economy": "year"}


# --------------------------------------------------------------------------- the tolerance rule


def decimals_of(value: float) -> int:
    """Decimals a stated figure is written with (133.3 -> 1, 50 -> 0)."""
    text = repr(float(value))
    if "e" in text:
        return 0
    frac = text.split(".")[1].rstrip("0")
    return len(frac)


def stated_step(value: float, unit: str) -> float:
    """The precision a figure is stated with (see the module docstring)."""
    d = decimals_of(value)
    if d or unit == "percent":
        return 10.0 ** -d
    v = abs(int(round(value)))
    step = 1
    while v and v % (step * 10) == 0 and step * 10 <= MAX_STEP:
        step *= 10
    return float(step)


def band(value: float, qualifier: str, unit: str) -> tuple[float, float, bool, bool]:
    """The data values the wording accepts: (low, high, low_inclusive, high_inclusive)."""
    if qualifier == "exact":
        half = 10.0 ** -decimals_of(value) / 2 if decimals_of(value) else 0.0
        return value - half, value + half, True, half == 0.0
    if qualifier == "about":
        half = stated_step(value, unit) / 2
        return value - half, value + half, True, False
    if qualifier == "more_than":
        return value, math.inf, False, False
    if qualifier == "nearly":
        return value * (1 - NEARLY_BAND), value, True, False
    if qualifier == "less_than":
        return -math.inf, value, False, False
    raise ValueError(f"unknown qualifier '{qualifier}'")


def accepts(data_value: float, value: float, qualifier: str, unit: str) -> bool:
    """Whether ``data_value`` satisfies the stated ``value`` under ``qualifier``."""
    low, high, low_in, high_in = band(value, qualifier, unit)
    # Compare on a fixed grid so that 0.1 + 0.2 style float noise cannot move an edge.
    x, low, high = (round(v, 9) if math.isfinite(v) else v for v in (data_value, low, high))
    above = x >= low if low_in else x > low
    below = x <= high if high_in else x < high
    return above and below


def verdict_for(holds: bool, qualifier: str, data_rounded: bool = False) -> tuple[str, str]:
    """(verdict, reason) of a comparison that holds or not."""
    if not holds:
        return "not_supported", "value_differs"
    if qualifier == "exact":
        return ("consistent", "data_rounded") if data_rounded else ("reproduced", "equal")
    return "consistent", "within_wording"


# --------------------------------------------------------------------------- formatting


def num(value: float, unit: str = "") -> str:
    """A number for the arithmetic lines (English style; percentages to two decimals)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    if unit == "percent":
        return f"{value:.2f}%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{max(decimals_of(value), 1)}f}"


WORDING = {"exact": "", "about": "about ", "more_than": "more than ", "nearly": "nearly ", "less_than": "less than "}
SIGN = {"exact": "=", "about": "≈", "more_than": ">", "nearly": "≲", "less_than": "<"}
UNIT_WORD = {"persons": " persons", "USD_bn": " bn USD", "rank": "", "count": "", "percent": "", "none": ""}


NOT_SIGN = {"exact": "≠", "about": "≠", "more_than": "≤", "nearly": "∉ [95%, 100%) of", "less_than": "≥"}


def relation(holds: bool, qualifier: str) -> str:
    """The sign between a data value and a stated figure: '>' for a 'more than' that holds, '≤' when it fails."""
    return SIGN[qualifier] if holds else NOT_SIGN[qualifier]


def stated_text(claim, wording: bool = True) -> str:
    if pd.isna(claim["value"]):
        return "(no figure)"
    unit = claim["unit"]
    prefix = WORDING.get(claim["qualifier"], "") if wording else ""
    text = prefix + num(claim["value"], unit if unit != "percent" else "")
    if pd.notna(claim["value_upper"]):
        text += "–" + num(claim["value_upper"])
    if unit == "percent":
        text += "%"
    elif unit == "rank":
        text = "rank " + text
    return text + UNIT_WORD.get(unit, "")


def rel_diff(data_value: float, value: float) -> float:
    return (data_value - value) / value if value else math.nan


def pct_diff_text(data_value: float, value: float) -> str:
    return f"{100 * rel_diff(data_value, value):+.1f}%"


# --------------------------------------------------------------------------- selecting rows


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


def period_label(resource: str, row) -> str:
    if resource == "residents_japan":
        return row["date"].strftime("%Y-%m-%d")
    if resource == "departures":
        return str(int(row["year"]))
    end = row.get("period_end")
    return f"{int(row['year'])}" + (f" (to {end.date()})" if pd.notna(end) else "")


def cite(row) -> str:
    """'67,295 [vamas-20230111]' with the data row's wording when it is rounded."""
    text = WORDING.get(row["qualifier"], "") + num(row["value"])
    if "value_upper" in row and pd.notna(row.get("value_upper")):
        text += "–" + num(row["value_upper"])
    return f"{text} [{row['source_id']}]"


def others(row) -> str:
    alts = row.get("alternatives") or []
    return ", ".join(num(a) for a in alts)


# --------------------------------------------------------------------------- one claim's result


@dataclass
class Result:
    verdict: str
    reason: str
    explanation: str
    arithmetic: str = ""
    data: str = ""
    data_value: float = math.nan  # the figure compared with the stated one (for the chart)
    used: list[str] = field(default_factory=list)  # source_id of every data row used
    alternatives: str = ""
    details: dict = field(default_factory=dict)  # e.g. per-year shares
    own_left_out: bool = False  # rows of the claim's own document matched and were left out
    base: str = ""  # the base the verdict rests on, when several are compared (see :func:`check_bases`)
    unstated_match: bool = False  # a row used was matched because its reporter / basis is unstated
    considered: list = field(default_factory=list)  # rows near the selectors, each with why (see :func:`considered`)


@dataclass(frozen=True)
class Spec:
    """What a claim's ``note`` asks for beyond its selectors, written out (see :data:`SPECS`)."""

    why: str = ""  # the note's instruction in a few words, shown in the table
    years: tuple[int, ...] = ()  # test each of these years (the selector has no year)
    context_years: tuple[int, ...] = ()  # report these years, do not test them
    alt_dates: tuple[str, ...] = ()  # residents: test these dates too (or instead when the selector's date is a gap)
    use_upper: bool = False  # share: divide by the denominator's upper end (value_upper)
    top_n: int | None = None  # rank: the claim is "one of the N largest"
    latest_to_seed: bool = False  # several as-of dates: test the latest one up to the seed's publication
    restrict: dict = field(default_factory=dict)  # extra conditions the note adds to the numerator
    sum_years: tuple[int, int] | None = None  # sum: first and last year summed
    timeline: tuple = ()  # (kind, options) of a timeline test
    also: tuple[str, ...] = ()  # selectors the note asks to compare with, reported but not tested
    alt_bases: tuple[str, ...] = ()  # other bases tested beside the numerator; the verdict rests on the closest
    same_fact_as: str | None = None  # another claim stating the same fact: tested by that claim's check
    handler: Callable | None = None  # a claim with its own arithmetic


# --------------------------------------------------------------------------- value / rank / share / sum


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
                     "say in SPECS which one the note means")


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
        return bracket(claim, spec, ctx) or _gap(claim, ctx)
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
    context = shares(claim["numerator"], claim["denominator"], ctx, list(spec.context_years), spec.use_upper) \
        if spec.context_years else table.iloc[0:0]
    known = table.dropna(subset=["share"])
    lines = [_share_line(r, value, qualifier) for _, r in table.iterrows()]
    ctx_lines = [_share_line(r, value, qualifier) for _, r in context.iterrows()]
    arith = "; ".join(lines) + (" | context, not tested: " + "; ".join(ctx_lines) if ctx_lines else "")
    used = sorted({s for c in ("num_source_id", "den_source_id") for s in pd.concat([table, context])[c].dropna()})
    details = {_period_text(r["period"]): round(r["share"], 2) for _, r in pd.concat([table, context]).iterrows()
               if r["share"] == r["share"]}
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
    res = Result(verdict, reason, expl, arith, shown, float(last["share"]), used, details=details)
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


def compress_years(years: list[int]) -> str:
    """[1992, 1993, 1994, 2008] -> '1992–1994, 2008'."""
    runs, out = [], []
    for y in years:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    for a, b in runs:
        out.append(str(a) if a == b else f"{a}–{b}")
    return ", ".join(out)


def check_sum(claim, spec: Spec, ctx: Data) -> Result:
    """A stated total against the sum of yearly values.

    Missing years are never skipped silently: the known years give a lower bound
    (rounded values counted at ``1 - ROUNDED_SLACK``); if that bound already exceeds what
    the wording accepts, the claim is ``not_supported``; if it already meets a "more than"
    claim, ``consistent``; otherwise ``no_data`` with the gap named.
    """
    if spec.sum_years is None:
        raise ValueError(f"{claim['claim_id']}: a sum claim needs sum_years in SPECS")
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


# --------------------------------------------------------------------------- timeline


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


# --------------------------------------------------------------------------- claims with their own arithmetic


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
    asks to test mid-2023 too. There the data hold no other single nationality, but a share
    above one half of all nationalities makes Vietnam the largest whatever the others are."""
    res = check_rank(claim, spec, ctx)
    if res.verdict != "no_data":
        return res
    for when in spec.alt_dates:
        num_sel = claim["numerator"]
        den_sel = num_sel.replace("nationality=VNM", "nationality=ALL")
        table = shares(num_sel, den_sel, ctx, [when])
        r = table.iloc[0]
        if r["share"] == r["share"]:
            holds = r["share"] > 50
            arith = (f"end-2022: no VNM row; {num(r['num'])} / {num(r['den'])} = {r['share']:.2f}% "
                     f"{'> 50% ⇒ rank 1 ✓' if holds else '≤ 50%: rank not decided'} ({when})")
            used = [r["num_source_id"], r["den_source_id"]]
            if holds:
                return Result("consistent", "proxy",
                              f"No row at end-2022; at {when} Vietnamese are more than half of all trainees, so they "
                              "are the largest nationality (no other nationality's row is needed).",
                              arith, f"{num(r['num'])} [{r['num_source_id']}]", 1.0, used)
            return Result("no_data", "no_rows", "Vietnam holds half or less at " + when + "; other nationalities "
                          "are not in the data.", arith, "", math.nan, used)
    return res


# --------------------------------------------------------------------------- what each note asks


#: The notes' instructions, claim by claim, where the selector alone does not say it all.
SPECS: dict[str, Spec] = {
    # share of departures going to Japan: 'recent years' before Aug 2023 = 2018-2022, each strictly > 50
    "c000-02": Spec("each of 2018–2022 strictly above 50%; 2023 for context", years=(2018, 2019, 2020, 2021, 2022),
                    context_years=(2023,)),
    "c001-09": Spec("2022 rounds to 50%; recent years for context", context_years=(2018, 2019, 2020, 2021, 2023)),
    "c004-03": Spec("divide by the plan's upper end", use_upper=True),
    # residents: end-2022 (said in Aug 2023); the note adds mid-2023
    "c000-06": Spec("largest single nationality; also 2023-06-30", alt_dates=("2023-06-30",), handler=titp_rank_2022),
    "c000-07": Spec("strictly above 200,000; also 2023-06-30 and TITP statistics", alt_dates=("2023-06-30",), also=(
        "residents_japan?nationality=VNM&status_of_residence=technical_intern_training&basis=titp_statistics"
        "&date=2022-12-31",)),
    "c000-03": Spec("workers: employer-reported count and the working statuses summed; closest base decides",
                    alt_bases=("residents_japan?nationality=VNM&status_of_residence=technical_intern_training"
                               "+specified_skilled_worker+engineer_humanities_intl&basis=residence_statistics",),
                    also=("residents_japan?nationality=VNM&status_of_residence=total&basis=residence_statistics"
                          "&date=2022-12-31",
                          "residents_japan?nationality=VNM&status_of_residence=total&basis=vn_government_estimate"
                          "&date=2022-12-31")),
    "c000-08": Spec("strictly above 50%; also 2023-06-30", alt_dates=("2023-06-30",)),
    "c000-21": Spec("SSW publication or residence statistics basis", handler=ssw_2022),
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
    "c000-11": Spec("seed's own parts and the MOIT rows", handler=trade_total_2022),
    # cumulative departures to Japan 1992-2022, against the 345,000 stock of c000-03
    "c001-04": Spec("sum 1992–2022; gaps make it a lower bound", sum_years=(1992, 2022), handler=stock_or_flow_345k),
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
    "c000-17": Spec("no agreement by Aug 2023", timeline=("before", {
        "date": "2023-12-31", "and": (("ssa-round1-2025", "after"),),
        "says": "Preparations are dated in 2023 and the first negotiating round only in 2025: talks were being "
                "prepared, no agreement existed."})),
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


# --------------------------------------------------------------------------- the whole table


COLUMNS = ["claim_id", "source_id", "check", "claim_en", "quantity", "stated", "data", "arithmetic", "verdict",
           "reason", "explanation", "stated_value", "data_value", "qualifier", "unit", "band_low", "band_high",
           "data_source_ids", "alternatives", "own_left_out", "spec", "details", "numerator", "base", "same_fact_as",
           "unstated_match", "considered"]


#: Verdicts that rest on a comparison with data rows.
TESTED = ("reproduced", "consistent", "not_supported")


def check_one(claim, ctx: Data, specs: dict[str, Spec] | None = None, own: tuple[str, ...] | None = None) -> Result:
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


def _check_one(claim, ctx: Data, specs: dict[str, Spec] | None = None) -> Result:
    spec = (SPECS if specs is None else specs).get(claim["claim_id"], Spec())
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
            raise ValueError(f"{claim['claim_id']}: a qualitative claim with a selector needs a timeline test in SPECS")
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
    ``specs`` replaces :data:`SPECS` (tests).
    """
    claims = data.load("claims") if claims is None else claims
    specs = SPECS if specs is None else specs
    ctx = Data({"claims": claims, **(frames or {})}, sources)
    by_id = {c["claim_id"]: c for _, c in claims.iterrows()}
    facts = same_facts(claims, specs)
    done: dict[str, Result] = {}
    out = []
    for _, claim in claims.iterrows():
        cid = claim["claim_id"]
        first = facts.get(cid, cid)
        if first not in by_id:
            raise ValueError(f"{cid}: same_fact_as names {first}, which is not among the claims checked")
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


# --------------------------------------------------------------------------- words for figures


def kind_label(claim_row, lang: str) -> str:
    """A short name of what a numeric claim measures, in ``lang``, built from its selector
    (claims.csv has English text only, so figures never show the claim's sentence)."""
    from . import labels

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
        status = params.get("status_of_residence")
        if check_kind == "share":
            return labels.text("kind_titp_share", lang)
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
