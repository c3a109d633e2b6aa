"""Policy milestones: dates as float years, and the layout of the timeline figure.

* :func:`milestones` is the list other notebooks reuse to annotate a time axis: each event's
  date as a float year, its short label in the language, its category and ``source_id``, and
  whether it is still planned (after ``today``).
* :func:`date_span` turns a date of year, month or day precision into the span it stands for
  (a year-precision event covers the whole year: it is drawn as a bar, never as a precise point).
* :func:`assign_rows` gives every event a row of its own inside its category's lane, so no two
  labels can share a line however dense the years; :func:`label_sides` puts each label on the
  side of its marker where it fits inside the axis.
"""

from __future__ import annotations

import calendar

import pandas as pd

from . import data

CATEGORIES = ("diplomacy", "economy", "agreement", "programme", "law", "shock")


def date_span(date: str, precision: str) -> tuple[float, float]:
    """'2016' -> (2016.0, 2017.0); '2018-08' -> (2018 + 7/12, 2018 + 8/12); a day -> that day."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if precision == "year":
        return float(year), float(year + 1)
    if precision == "month":
        return year + (parts[1] - 1) / 12, year + parts[1] / 12
    if precision == "day":
        days = 366 if calendar.isleap(year) else 365
        doy = pd.Timestamp(year=year, month=parts[1], day=parts[2]).day_of_year
        return year + (doy - 1) / days, year + doy / days
    raise ValueError(f"unknown date precision '{precision}'")


def milestones(start: int = 1973, end: int = 2027, categories=None, lang: str = "en",
               today: str | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events from ``start`` to ``end`` (inclusive years), sorted by date.

    Columns: ``event_id``, ``date`` (as in the data), ``precision``, ``x`` (the middle of the
    span the date stands for, a float year), ``x_start``, ``x_end``, ``category``, ``country``,
    ``label`` (``label_en`` or ``label_vi``; a planned event's says it is planned: :func:`planned_label`),
    ``source_id`` and ``planned`` (the span starts after ``today``, an ISO date; without ``today``,
    nothing is planned).
    """
    if lang not in ("en", "vi"):
        raise ValueError(f"lang must be 'en' or 'vi', got {lang!r}")
    rows = data.load("timeline") if events is None else events
    cats = tuple(categories) if categories is not None else CATEGORIES
    unknown = set(cats) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown categories {sorted(unknown)} (known: {', '.join(CATEGORIES)})")
    spans = [date_span(d, p) for d, p in zip(rows["date"], rows["date_precision"])]
    out = pd.DataFrame({
        "event_id": rows["event_id"].values,
        "date": rows["date"].values,
        "precision": rows["date_precision"].values,
        "x_start": [s for s, _ in spans],
        "x_end": [e for _, e in spans],
        "category": rows["category"].values,
        "country": rows["country"].values,
        "label": rows[f"label_{lang}"].values,
        "source_id": rows["source_id"].values,
    })
    out["x"] = (out["x_start"] + out["x_end"]) / 2
    cut = date_span(today, "day")[1] if today else float("inf")
    out["planned"] = out["x_start"] >= cut
    out["label"] = [planned_label(label, lang) if planned else label
                    for label, planned in zip(out["label"], out["planned"])]
    keep = out["category"].isin(cats) & (out["x_start"] >= start) & (out["x_start"] < end + 1)
    cols = ["event_id", "date", "precision", "x", "x_start", "x_end", "category", "country", "label",
            "source_id", "planned"]
    return out.loc[keep, cols].sort_values(["x_start", "event_id"]).reset_index(drop=True)


#: Words that already say an event is still to come, in either language's label.
_PLANNED_WORDS = ("planned", "scheduled", "dự kiến", "kế hoạch")


def planned_label(label: str, lang: str) -> str:
    """The label of an event still planned: the label itself when it already says so ("… (scheduled)"),
    else the label followed by the language's word for planned ("(planned)", "(dự kiến)": shared/GLOSSARY.md)."""
    from .labels import text

    if any(word in str(label).lower() for word in _PLANNED_WORDS):
        return label
    return f"{label} {text('planned_suffix', lang)}"


def assign_rows(events: pd.DataFrame, categories=CATEGORIES, lane_gap: float = 1.0) -> tuple[pd.Series, dict]:
    """One row per event, events grouped in lanes by category (in ``categories`` order, top down).

    Returns ``y`` (aligned on ``events.index``; the first row is 0 and rows go down by 1)
    and ``lanes``: category -> (top y, bottom y) for the lanes that hold events. Within a lane,
    events are in date order, so the rows read like a list from top to bottom.
    """
    y = pd.Series(index=events.index, dtype=float)
    lanes = {}
    cursor = 0.0
    for cat in categories:
        lane = events[events["category"] == cat].sort_values(["x_start", "event_id"], kind="mergesort")
        if lane.empty:
            continue
        rows = [cursor + i for i in range(len(lane))]
        y.loc[lane.index] = rows
        lanes[cat] = (rows[0], rows[-1])
        cursor = rows[-1] + 1 + lane_gap
    return y, lanes


def label_sides(x, widths, lo: float, hi: float, pad: float = 0.0) -> list[str]:
    """'right' where a label of ``widths`` (in x units) fits right of its marker before ``hi``,
    else 'left' (which is where it fits if it fits anywhere; labels longer than the axis may stick out)."""
    return ["right" if xi + pad + w <= hi else "left" for xi, w in zip(x, widths)]


def text_width_years(label: str, fontsize: float, axis_inches: float, lo: float, hi: float) -> float:
    """A label's width in years on an axis ``axis_inches`` wide showing ``lo``..``hi``.

    Estimated at 0.56 em per character (DejaVu Sans averages about that on mixed text).
    """
    inches = len(label) * 0.56 * fontsize / 72
    return inches * (hi - lo) / axis_inches


def alt_text(events: pd.DataFrame, lanes: dict, start: int, end: int, lang: str, dense_from: int = 2015) -> str:
    """Alt text of the timeline for any selection: the sentence on events from ``dense_from`` on only
    when the range spans that year (otherwise it would describe events the chart does not draw)."""
    from .labels import text

    counts = events["category"].value_counts()
    first, last = events.iloc[0], events.iloc[-1]
    fmt = dict(start=start, end=end, n_cats=len(lanes), n=len(events),
               counts="; ".join(f"{text(f'cat_{c}', lang)} {int(counts.get(c, 0))}" for c in lanes),
               first_label=first["label"], first_date=first["date"], last_label=last["label"], last_date=last["date"],
               n_after=int((events["x_start"] >= dense_from).sum()), dense_from=dense_from)
    return text("milestones_alt" if start < dense_from <= end else "milestones_alt_short", lang, **fmt)


def drawn_conventions(events: pd.DataFrame) -> list[str]:
    """The legend entries a timeline of ``events`` needs: the date precisions present, and planned events."""
    keys = [f"prec_{p}" for p in ("day", "month", "year") if (events["precision"] == p).any()]
    return keys + (["planned"] if events["planned"].any() else [])
