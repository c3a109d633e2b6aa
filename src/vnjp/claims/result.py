"""What one check returns (:class:`Result`) and what a claim's row asks of it (:class:`Spec`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable



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
    """What a claim's row asks for beyond its selectors (read from its test columns by :func:`.rows.spec_of`)."""

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
