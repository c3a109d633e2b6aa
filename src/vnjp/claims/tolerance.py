"""The tolerance rule, in one place: what data values a stated figure and its wording accept."""

from __future__ import annotations

import math




#: "nearly X" holds for X * (1 - NEARLY_BAND) <= data < X (data/README.md: "below and within 5%").
NEARLY_BAND = 0.05


#: Largest rounding step read from trailing zeros ("about 345,000" is to the nearest 1,000).
MAX_STEP = 1000


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
