"""A time axis for stocks: a count taken on a day is drawn at that day and labelled by it.

A stock counted at the end of 2016 belongs at 31 December 2016, not on the tick "2017" (nor on
"2016", which reads as the year's flow). :func:`position` turns a date into a fractional year
(31 Dec 2016 -> 2016.997, 30 Jun 2025 -> 2025.49); :func:`label` says the date in words
("end-2016" / "cuối 2016", "30 Jun 2025" / "30/6/2025"); :func:`year_end_ticks` puts the major
ticks of an axis on 31 December and labels them "end-YYYY"; :func:`with_date_gaps` breaks a line
wherever a reporting date between two counts has no count (nothing is bridged).

Texts are in ``vnjp/texts/dateaxis.py``; numbers and dates follow :mod:`vnjp.labels`.
"""

from __future__ import annotations

import datetime
import numpy as np
import pandas as pd

from .labels import fmt_date, text

#: The days a residence statistic is published for: mid-year (30 June) and year-end (31 December).
HALF_YEARS = ((6, 30), (12, 31))


def position(dates) -> np.ndarray:
    """Fractional years of ``dates`` (any sequence of dates, or one date): the year plus the days
    since 1 January over the days of that year. 31 Dec 2016 -> 2016.997; 30 Jun 2025 -> 2025.493;
    1 Jan 2020 -> 2020.0. A scalar in gives a float out."""
    if isinstance(dates, (str, pd.Timestamp, datetime.date, np.datetime64)):
        return float(position([dates])[0])
    days = pd.DatetimeIndex(pd.to_datetime(list(dates)))
    length = np.where(days.is_leap_year, 366, 365)
    return np.asarray(days.year + (days.day_of_year - 1) / length, dtype=float)


def year_end(year: int) -> float:
    """The position of 31 December of ``year``."""
    return position(pd.Timestamp(year=int(year), month=12, day=31))


def is_year_end(day) -> bool:
    day = pd.Timestamp(day)
    return day.month == 12 and day.day == 31


def label(day, lang: str) -> str:
    """A stock's date in words: 31 December -> "end-2016" (en) / "cuối 2016" (vi); any other day in
    full, "30 Jun 2025" / "30/6/2025"."""
    day = pd.Timestamp(day)
    if is_year_end(day):
        return text("date_year_end", lang, year=day.year)
    return fmt_date(day, lang)


def tick_step(first: int, last: int, most: int = 8) -> int:
    """Years between labelled ticks so that at most ``most`` labels show: 1, 2, 5, 10, ..."""
    span = max(int(last) - int(first), 0) + 1
    for step in (1, 2, 5, 10, 20, 50, 100):
        if -(-span // step) <= most:
            return step
    return 100


def year_end_ticks(ax, first: int, last: int, lang: str, *, most: int = 8) -> list[int]:
    """Major ticks of ``ax``'s x axis on 31 December of round years from ``first`` to ``last``
    (every ``tick_step`` years, on multiples of the step), labelled "end-YYYY"; a minor tick at each
    other year's end. A range of one or two years also gets a labelled tick on each 30 June
    ("30 Jun 2019"), so that a mid-year count is not left between unlabelled edges.
    Returns the years whose end is labelled."""
    import matplotlib.ticker as mticker

    first, last = int(first), int(last)
    step = tick_step(first, last, most)
    years = [y for y in range(first, last + 1) if y % step == 0] or [first]
    days = [pd.Timestamp(year=y, month=12, day=31) for y in years]
    if last - first <= 1:
        days = sorted(days + [pd.Timestamp(year=y, month=6, day=30) for y in range(first, last + 1)])
    ax.xaxis.set_major_locator(mticker.FixedLocator([position(d) for d in days]))
    ax.xaxis.set_major_formatter(mticker.FixedFormatter([label(d, lang) for d in days]))
    ax.xaxis.set_minor_locator(mticker.FixedLocator([year_end(y) for y in range(first, last + 1) if y not in years]))
    return years


def missing_between(earlier, later, anchors=HALF_YEARS) -> list[pd.Timestamp]:
    """The reporting days (``anchors``, (month, day) pairs) strictly between two dates."""
    earlier, later = pd.Timestamp(earlier), pd.Timestamp(later)
    out = []
    for year in range(earlier.year, later.year + 1):
        for month, day in anchors:
            when = pd.Timestamp(year=year, month=month, day=day)
            if earlier < when < later:
                out.append(when)
    return out


def with_date_gaps(dates, values, anchors=HALF_YEARS):
    """``position(dates)`` and ``values`` as float arrays, sorted by date, with a NaN inserted
    between two counts whenever a reporting day (``anchors``: 30 June and 31 December) lies between
    them, and missing values dropped: a line drawn from them breaks wherever a count is missing,
    never bridging it. Counts on other days (a quarterly release) join their neighbours when no
    reporting day lies between."""
    frame = pd.DataFrame({"date": pd.to_datetime(pd.Series(list(dates))),
                          "value": pd.Series(list(values), dtype="object")})
    frame = frame[frame["value"].notna()].sort_values("date").reset_index(drop=True)
    xs, ys = [], []
    for i, r in frame.iterrows():
        if i and missing_between(frame["date"][i - 1], r["date"], anchors):
            xs.append(np.nan)
            ys.append(np.nan)
        xs.append(position(r["date"]))
        ys.append(float(r["value"]))
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def limits(dates, pad: float = 0.3) -> tuple[float, float]:
    """x limits that hold every date with ``pad`` years either side."""
    where = position(list(dates))
    return float(np.min(where)) - pad, float(np.max(where)) + pad
