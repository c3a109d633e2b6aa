"""Trade, ODA, FDI and remittance series: sparse, mixed in unit and basis, drawn honestly.

The economy rows are few and uneven: one reporter states a year, another the next, some in
US dollars and some in yen, some per calendar year and some per Japanese fiscal year. This
module turns them into year-indexed series that keep those differences visible:

* :func:`series` picks the headline value (``vnjp.headline`` with ``QUANTITY_KEYS["economy"]``)
  for **one** indicator, reporter, unit and year basis, and returns a frame indexed by every
  year of the range, with ``NA`` where the data hold nothing. It refuses to mix units or bases.
* :func:`runs` splits a series into runs of consecutive years; :func:`plot_gappy` draws a line
  only within a run (so a missing year breaks the line) and a marker on every value, hollow for
  a rounded, preliminary, forecast or planned value.
* :func:`reporter_gap` sets two reporters of the same quantity side by side and computes their
  difference where both state the year.
* :func:`stock_points` lists cumulative figures at their as-of dates (never summed from flows).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import data
from .flows import _is_true, decimal_year
from .headline import QUANTITY_KEYS, headline

KEYS = QUANTITY_KEYS["economy"]
#: Columns of a series frame (index: ``year``).
SERIES_COLUMNS = ["value", "qualifier", "status", "source_id", "indicator", "reporter", "unit", "year_basis",
                  "period_start", "period_end", "n_sources", "alternatives", "alternative_sources", "marked",
                  "only_low_reliability"]


class MixedUnits(ValueError):
    """Rows in more than one unit or year basis were asked to form one series."""


def headline_rows(rows: pd.DataFrame | None = None, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per quantity of ``economy`` (the headline rule), with ``marked`` added.

    ``marked`` is True when the value is not an exact final figure (rounded wording,
    preliminary, forecast or plan): charts draw such values hollow.
    """
    rows = data.load("economy") if rows is None else rows
    sources = data.load("sources") if sources is None else sources
    out = headline(rows, sources, KEYS)  # its alternatives leave suspect values out
    return out.assign(marked=is_marked(out))


def is_marked(rows: pd.DataFrame) -> pd.Series:
    """True for a value a reader must see as approximate or not final."""
    return (rows["qualifier"] != "exact") | (rows["status"] != "final")


def select(rows: pd.DataFrame, indicator: str, *, reporter: str | None = None, unit: str | None = None,
           year_basis: str | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Rows of one indicator, optionally one reporter, unit and year basis (or tuple of bases)."""
    hit = rows[rows["indicator"] == indicator]
    if reporter is not None:
        hit = hit[hit["reporter"] == reporter]
    if unit is not None:
        hit = hit[hit["unit"] == unit]
    if year_basis is not None:
        bases = (year_basis,) if isinstance(year_basis, str) else tuple(year_basis)
        hit = hit[hit["year_basis"].isin(bases)]
    return hit


def series(rows: pd.DataFrame, indicator: str, *, reporter: str, unit: str, year_basis: str,
           start: int, end: int) -> pd.DataFrame:
    """The headline series of one quantity, one row per year from ``start`` to ``end``.

    ``rows`` are headline rows (:func:`headline_rows`). Years the data do not state are kept
    with ``NA`` (never filled). When one year holds several headline figures (a cumulative
    total stated at several as-of dates), the one with the latest stated ``period_end`` is
    kept and the others join ``alternatives``.
    Rows in another unit or basis are left out (they are another quantity, drawn apart).
    """
    hit = select(rows, indicator, reporter=reporter)
    hit = hit[(hit["year"] >= start) & (hit["year"] <= end)]
    hit = hit[(hit["unit"] == unit) & (hit["year_basis"] == year_basis)]
    check_one_unit(hit)
    out = yearly(hit, start, end)
    out.attrs["selection"] = {"resource": "economy", "indicator": indicator, "reporter": reporter, "unit": unit,
                              "year_basis": year_basis}
    return out


def yearly(hit: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Headline rows of one quantity (any resource with ``year``, ``value``, ``source_id``)
    as a frame indexed by every year from ``start`` to ``end``; ``NA`` where nothing is stated.
    ``only_low_reliability`` is the rows' flag (``vnjp.headline.only_low_reliability``, e.g. of
    ``departures.headline_rows``) where they carry it, else False: True only for a stated True."""
    hit = hit[(hit["year"] >= start) & (hit["year"] <= end)]
    if "marked" not in hit:
        hit = hit.assign(marked=is_marked(hit))
    years = pd.Index(range(start, end + 1), name="year")
    out = pd.DataFrame(index=years, columns=SERIES_COLUMNS, dtype=object)
    out["value"] = pd.array([pd.NA] * len(years), dtype="Float64")
    for year, grp in hit.groupby("year"):
        if "period_end" in grp:
            grp = grp.assign(_dated=grp["period_end"].notna()).sort_values(["_dated", "period_end"], kind="mergesort")
        best = grp.iloc[-1]
        alts = best["alternatives"] if "alternatives" in best and isinstance(best["alternatives"], list) else []
        others = sorted(set(alts) | {v for v in grp["value"].iloc[:-1] if v != best["value"]})
        alt_sources = best["alternative_sources"] if isinstance(best.get("alternative_sources"), list) else []
        earlier = grp.iloc[:-1]
        alt_sources = sorted(set(alt_sources) | set(earlier.loc[earlier["value"] != best["value"], "source_id"]))
        for col in SERIES_COLUMNS:
            if col == "alternatives":
                out.at[year, col] = others
            elif col == "alternative_sources":
                out.at[year, col] = alt_sources
            elif col != "value":
                out.at[year, col] = best[col] if col in best else pd.NA
        out.loc[year, "value"] = float(best["value"])
    out["marked"] = out["marked"].astype("boolean")
    out["only_low_reliability"] = [_is_true(flag) for flag in out["only_low_reliability"]]
    return out


def check_one_unit(rows: pd.DataFrame) -> None:
    """Raise :class:`MixedUnits` unless every row has the same unit and year basis."""
    if rows.empty:
        return
    units, bases = sorted(rows["unit"].dropna().unique()), sorted(rows["year_basis"].dropna().unique())
    if len(units) > 1:
        raise MixedUnits(f"rows mix units {units}: never add or draw them as one series")
    if len(bases) > 1:
        raise MixedUnits(f"rows mix year bases {bases}: mark fiscal and calendar years apart")


def present(s: pd.DataFrame) -> pd.DataFrame:
    """The years of a series that hold a value (the cited rows a chart draws)."""
    return s[s["value"].notna()]


def runs(s: pd.DataFrame) -> list[pd.DataFrame]:
    """Split a series into runs of consecutive years with a value; a missing year ends a run."""
    have = present(s)
    if have.empty:
        return []
    years = pd.Series(have.index, index=have.index)
    breaks = (years.diff() != 1).cumsum()
    return [have[breaks == b] for b in breaks.unique()]


@dataclass(frozen=True)
class Gap:
    """Two reporters of one quantity compared year by year."""

    table: pd.DataFrame  # year, a, b, difference (b - a), a_source_id, b_source_id; years stated by either
    overlap: list[int]  # years both state

    @property
    def largest(self) -> pd.Series | None:
        both = self.table.dropna(subset=["difference"])
        if both.empty:
            return None
        return both.loc[both["difference"].abs().idxmax()]


def reporter_gap(a: pd.DataFrame, b: pd.DataFrame) -> Gap:
    """Compare series ``a`` and ``b`` (from :func:`series`, same unit and basis).

    Every year stated by either appears; ``difference`` = b - a only where both state it.
    """
    for s in (a, b):
        check_one_unit(present(s))
    if not present(a).empty and not present(b).empty:
        check_one_unit(pd.concat([present(a)[["unit", "year_basis"]], present(b)[["unit", "year_basis"]]]))
    table = pd.DataFrame({"a": a["value"], "b": b["value"],
                          "a_source_id": a["source_id"], "b_source_id": b["source_id"]})
    table = table[table["a"].notna() | table["b"].notna()]
    table["difference"] = table["b"] - table["a"]
    overlap = [int(y) for y in table.index[table["difference"].notna()]]
    return Gap(table.reset_index(), overlap)


def stock_points(rows: pd.DataFrame, indicator: str, *, unit: str, start: int, end: int,
                 reporter: str | None = None) -> pd.DataFrame:
    """Cumulative figures as stated, each at its as-of date (a float year), latest last.

    A row without an as-of date is placed at the end of its year and flagged ``undated``.
    Nothing is summed: a cumulative total is never derived from annual figures.
    """
    hit = select(rows, indicator, reporter=reporter, unit=unit)
    hit = hit[(hit["year"] >= start) & (hit["year"] <= end)].copy()
    check_one_unit(hit)
    hit["undated"] = hit["period_end"].isna()
    end_of_year = pd.to_datetime(hit["year"].astype(int).astype(str) + "-12-31")
    as_of = hit["period_end"].where(hit["period_end"].notna(), end_of_year)
    hit["as_of"] = as_of
    hit["x"] = decimal_year(pd.Series(as_of)).to_numpy()
    return hit.sort_values(["x", "undated", "source_id"]).reset_index(drop=True)


def latest_stock(points: pd.DataFrame) -> pd.Series | None:
    """The latest cumulative figure with a stated as-of date (an undated one only if none is dated)."""
    if points.empty:
        return None
    dated = points[~points["undated"]]
    pool = dated if not dated.empty else points
    return pool.sort_values(["x", "value"]).iloc[-1]


# --------------------------------------------------------------------------- drawing

MARKERS = {"calendar": "o", "jp_fiscal": "s", "part_year": "^", "cumulative": "D"}


def plot_gappy(ax, s: pd.DataFrame, *, color: str, label: str | None = None, marker: str = "o",
               lw: float = 1.6, ms: float = 5, alpha: float = 1.0, zorder: int = 3):
    """Draw a series: lines only between consecutive years, a marker on every value.

    Exact final values are filled; rounded, preliminary, forecast or planned values are
    hollow (white face). Returns the handle to use in a legend.
    """
    handle = None
    for run in runs(s):
        if len(run) > 1:
            ax.plot(run.index, run["value"].astype(float), color=color, lw=lw, alpha=alpha, zorder=zorder,
                    solid_capstyle="round")
    have = present(s)
    for year, row in have.iterrows():
        hollow = bool(row["marked"])
        ax.plot([year], [float(row["value"])], marker=marker, ms=ms, color=color, alpha=alpha,
                markerfacecolor="white" if hollow else color, markeredgewidth=1.2, lw=0, zorder=zorder + 1)
    handle = ax.plot([], [], marker=marker, ms=ms, color=color, lw=lw, label=label)[0]
    return handle


def plot_alternatives(ax, s: pd.DataFrame, *, color: str = "#9aa5ab", ms: float = 3.5, zorder: int = 2):
    """Faint small dots for the other sources' values of each year (``alternatives``)."""
    xs, ys = [], []
    for year, row in present(s).iterrows():
        for v in row["alternatives"] or []:
            xs.append(year)
            ys.append(v)
    if xs:
        ax.plot(xs, ys, ls="none", marker="o", ms=ms, color=color, alpha=0.7, zorder=zorder)
    return len(xs)


def plotted_rows(*frames: pd.DataFrame) -> pd.DataFrame:
    """The cited rows of several series/point tables, for ``figures.save`` (needs ``source_id``)."""
    parts = [present(f)[["source_id"]] if "value" in f else f[["source_id"]] for f in frames]
    for f in frames:  # the sources of the faint alternatives are cited too
        if "alternative_sources" in f:
            ids = [sid for lst in present(f)["alternative_sources"] if isinstance(lst, list) for sid in lst]
            parts.append(pd.DataFrame({"source_id": ids}))
    parts = [p for p in parts if not p.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"source_id": []})


# --------------------------------------------------------------------------- any selection of years


def since_1992(points: pd.DataFrame) -> pd.DataFrame:
    """Cumulative totals counted from 1992 (or with no stated start); FY1959-based totals left out."""
    start = points["period_start"]
    return points[start.isna() | (start.dt.year >= 1992)]


def missing_for_figures(rows: pd.DataFrame, start: int, end: int, oda_start: int) -> dict[str, str | None]:
    """For each figure of notebook 03, what its selection lacks (None: it has what the figure needs).

    trade: the customs trade total (its latest value is the figure's headline); oda: a final
    fiscal-year loan commitment and cumulative totals in yen and dollars; fdi: the agency's
    full-year registered capital and a cumulative total. A figure that lacks them is drawn as
    "no data for this selection" saying which.
    """
    out: dict[str, str | None] = {}
    trade = series(rows, "trade_total", reporter="vn_customs", unit="USD_bn", year_basis="calendar",
                   start=start, end=end)
    out["trade"] = None if len(present(trade)) else "trade_total / vn_customs"
    loans = select(rows, "oda_commitment_loan", unit="JPY_bn")
    loans = loans[(loans["year_basis"] == "jp_fiscal") & (loans["status"] == "final")
                  & loans["year"].between(oda_start, end)]
    cum = [latest_stock(since_1992(stock_points(rows, "oda_cumulative", unit=u, start=oda_start, end=end)))
           for u in ("JPY_bn", "USD_bn")]
    lacking = ([] if len(loans) else ["oda_commitment_loan (JPY, fiscal year)"]) + [
        f"oda_cumulative ({u})" for u, c in zip(("JPY", "USD"), cum) if c is None]
    out["oda"] = ", ".join(lacking) or None
    fdi = series(rows, "fdi_registered_annual", reporter="vn_mpi_fia", unit="USD_bn", year_basis="calendar",
                 start=start, end=end)
    fdi_cum = latest_stock(stock_points(rows, "fdi_registered_cumulative", unit="USD_bn", start=start, end=end,
                                        reporter="vn_mpi_fia"))
    lacking = ([] if len(present(fdi)) else ["fdi_registered_annual / vn_mpi_fia"]) + (
        [] if fdi_cum is not None else ["fdi_registered_cumulative / vn_mpi_fia"])
    out["fdi"] = ", ".join(lacking) or None
    return out


# --------------------------------------------------------------------------- the rows a figure drew

#: Columns of :func:`drawn_rows`, the table ``figures.save`` writes beside an economy figure.
DRAWN_COLUMNS = ["series", "indicator", "reporter", "year", "year_basis", "period_start", "period_end", "value",
                 "unit", "qualifier", "status", "drawn_as", "source_id"]
#: ``drawn_as`` of a series' own value, of another source's value drawn faintly beside it, and of a row
#: table given as it is (stock points, part-year rows, ranks) when it carries no ``drawn_as`` of its own.
HEADLINE, OTHER_SOURCE = "headline", "other source"


def select_for(frame: pd.DataFrame, resource: str, name: str, **match) -> pd.DataFrame:
    """Record on ``frame`` (a :func:`yearly` series) which rows of ``data/<resource>.csv`` it was built
    from (``match``: column -> value), so that :func:`drawn_rows` can list its other sources' values
    with their own citations. :func:`series` records this itself. Returns ``frame``."""
    frame.attrs["selection"] = {"resource": resource, "series": name, **match}
    return frame


def _raw_rows(resource: str) -> pd.DataFrame:
    raw = data.load(resource)
    if "year" not in raw:  # departures-like resources: the year of the period's end (or start)
        when = raw["period_end"].where(raw["period_end"].notna(), raw["period_start"])
        raw = raw.assign(year=pd.to_datetime(when).dt.year)
    return raw


def _series_rows(s: pd.DataFrame, raw: dict[str, pd.DataFrame]) -> list[dict]:
    sel = dict(s.attrs.get("selection") or {})
    resource = sel.pop("resource", None)
    name = sel.pop("series", None) or " / ".join(str(v) for v in sel.values())
    out: list[dict] = []
    for year, row in present(s).iterrows():
        base = {c: (row[c] if c in row.index else pd.NA) for c in DRAWN_COLUMNS}
        base.update(series=name, year=int(year), value=float(row["value"]), drawn_as=HEADLINE)
        for col in ("indicator", "reporter", "unit", "year_basis"):
            if pd.isna(base[col]) and col in sel:
                base[col] = sel[col]
        out.append(base)
        others = row["alternative_sources"] if isinstance(row["alternative_sources"], list) else []
        if not others:
            continue
        if resource is None:
            raise ValueError(f"series {name!r} draws other sources' values but does not say which rows it was built "
                             "from: build it with economy.series or name them with economy.select_for")
        table = raw.setdefault(resource, _raw_rows(resource))
        hit = table[(table["year"] == year) & table["source_id"].isin(others) & (table["status"] != "suspect")
                    & (table["value"].astype(float) != float(row["value"]))]
        for col, want in sel.items():
            if col in hit:
                hit = hit[hit[col] == want]
        for _, alt in hit.sort_values(["value", "source_id"]).iterrows():
            out.append({**{c: (alt[c] if c in alt.index else pd.NA) for c in DRAWN_COLUMNS}, "series": name,
                        "year": int(year), "value": float(alt["value"]), "drawn_as": OTHER_SOURCE,
                        **{c: sel[c] for c in ("indicator", "reporter", "unit", "year_basis") if c in sel}})
    return out


def drawn_rows(*frames: pd.DataFrame, raw: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """The rows a figure drew, with their values, for ``figures.save`` (which writes them as the figure's CSV).

    Each of ``frames`` is either a series (:func:`series`, :func:`yearly` with :func:`select_for`): its
    headline value of every year that has one, then the other sources' values drawn faintly beside it
    (``drawn_as`` "other source"), each with its own ``source_id``; or a table of rows as drawn (stock
    points, part-year rows, ranks), kept as it is, with ``drawn_as`` "headline" unless it has its own.
    Columns: :data:`DRAWN_COLUMNS` (a missing one is empty), plus ``as_of`` where a table has it.
    ``raw`` (resource -> rows) stands in for ``data/<resource>.csv`` where the other sources' rows are looked up.
    """
    raw = dict(raw or {})
    records: list[dict] = []
    for f in frames:
        if "alternatives" in f and isinstance(f.index, pd.Index) and f.index.name == "year":
            records += _series_rows(f, raw)
            continue
        for _, row in f.iterrows():
            rec = {c: (row[c] if c in row.index else pd.NA) for c in DRAWN_COLUMNS + ["as_of"]}
            if pd.isna(rec["drawn_as"]):
                rec["drawn_as"] = HEADLINE
            if pd.isna(rec["series"]):
                rec["series"] = " / ".join(str(row[c]) for c in ("indicator", "reporter") if c in row.index
                                           and pd.notna(row[c]))
            records.append(rec)
    out = pd.DataFrame(records, columns=DRAWN_COLUMNS + ["as_of"])
    if out["as_of"].isna().all():
        out = out.drop(columns="as_of")
    out["value"] = out["value"].astype(float)
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- words and marks the figures share

MINUS = "\u2212"  # the minus sign a figure prints (never the hyphen-minus)


def fmt_signed(value: float, lang: str, decimals: int = 2) -> str:
    """A difference with its sign: '+0.97' / '−1.86' (en), '+0,97' / '−1,86' (vi); one minus sign (U+2212)."""
    from .labels import fmt_num

    text_ = fmt_num(abs(float(value)), lang, decimals)
    if float(text_.replace(".", "").replace(",", "")) == 0:
        return text_
    return ("+" if value > 0 else MINUS) + text_


def years_phrase(n: int, lang: str) -> str:
    """'1 year' / '3 years' / 'no year' (en); '1 năm' / '3 năm' / 'không năm nào' (vi)."""
    from .labels import text

    return text("n_years_none" if n == 0 else "n_years_one" if n == 1 else "n_years_many", lang, n=n)


def publisher_of(source_id: str, lang: str) -> str:
    """The name a figure gives the publisher of ``source_id`` (as its footer does), never the raw id."""
    from .citations import publisher_label

    src = data.load("sources").set_index("source_id").loc[source_id]
    return publisher_label(src["publisher"], lang, src["url"])


def plot_log_zeros(ax, s: pd.DataFrame, *, color: str, marker: str = "s", ms: float = 6, label: str = "0") -> int:
    """On a logarithmic axis, mark each stated zero of ``s`` where a zero cannot sit: a marker on the
    axis bottom (drawn over the spine) with the text ``label`` beside it. Returns how many were drawn.

    Call it after the axis limits are set: the marker sits at the lower limit then in force."""
    zeros = present(s)
    zeros = zeros[zeros["value"].astype(float) == 0]
    bottom = ax.get_ylim()[0]
    for year, row in zeros.iterrows():
        ax.plot([year], [bottom], marker=marker, ms=ms, color=color, mew=1.2, ls="none", clip_on=False, zorder=6,
                markerfacecolor="white" if bool(row["marked"]) else color, gid="log-zero")
        ax.annotate(label, (year, bottom), xytext=(0, 7), textcoords="offset points", ha="center", va="bottom",
                    fontsize=7.5, fontweight="bold", color=color, gid="log-zero-label")
    return len(zeros)


def key_handles(lang: str, *, filled: bool = True, hollow: bool = True, other: bool = False,
                marker: str = "o", color: str = "#555555", short: bool = False) -> list:
    """Legend entries for the conventions of the economy figures: a filled marker (exact final figure),
    a hollow one (rounded, preliminary, forecast or plan) and a grey one (another source's value).
    Ask only for what the figure draws; ``short`` words fit one row of a small panel (the footer's
    marker key says them in full)."""
    from matplotlib.lines import Line2D

    from .labels import text

    out = []
    if filled:
        out.append(Line2D([], [], marker=marker, ls="none", color=color,
                          label=text("key_filled" + "_short" * short, lang)))
    if hollow:
        out.append(Line2D([], [], marker=marker, ls="none", color=color, mfc="white", mew=1.2,
                          label=text("key_hollow" + "_short" * short, lang)))
    if other:
        out.append(Line2D([], [], marker="o", ms=3.5, ls="none", color="#9aa5ab", alpha=0.7,
                          label=text("key_other" + "_short" * short, lang)))
    return out


def any_marked(*frames: pd.DataFrame) -> bool:
    """True when any drawn value of ``frames`` is drawn hollow (series: ``marked``; point tables too)."""
    for f in frames:
        have = present(f) if "value" in f and f.index.name == "year" else f
        if "marked" in have and bool(have["marked"].fillna(False).astype(bool).any()):
            return True
    return False


def plot_faint(ax, s: pd.DataFrame, **kw) -> int:
    """Draw every value of ``s`` (a series of other sources) as :func:`plot_alternatives` draws other
    sources' values: small faint grey dots. Returns how many."""
    have = present(s)
    return plot_alternatives(ax, have.assign(alternatives=[[float(v)] for v in have["value"]]), **kw)


def has_alternatives(*series: pd.DataFrame) -> bool:
    """True when any drawn year of ``series`` has another source's value (drawn as a faint grey dot)."""
    return any(isinstance(a, list) and len(a) > 0 for s in series for a in present(s)["alternatives"])


def trade_subtitle(overlap: list[int], lang: str) -> str:
    """The trade figure's subtitle: in how many years (singular or plural, in ``lang``) both sides
    report the same year, and which; another sentence when they never do."""
    from .labels import text

    years = sorted(int(y) for y in overlap)
    if not years:
        return text("trade_subtitle_none", lang)
    return text("trade_subtitle", lang, years=years_phrase(len(years), lang), overlap=", ".join(map(str, years)))


def headline_only(s: pd.DataFrame) -> pd.DataFrame:
    """``s`` without its other sources' values: for a series whose alternatives a figure does not draw
    (so that :func:`drawn_rows` lists only what was drawn). Keeps the series' recorded selection."""
    out = s.copy()
    out["alternatives"] = [[] for _ in range(len(out))]
    out["alternative_sources"] = [[] for _ in range(len(out))]
    out.attrs = dict(s.attrs)
    return out


#: Where :func:`label_clear` tries to put a value label, in points from its mark: above, left, right, below.
LABEL_OFFSETS = ((0, 8, "center", "bottom"), (-7, 0, "right", "center"), (7, 0, "left", "center"),
                 (0, -8, "center", "top"))


def label_clear(ax, label: str, xy: tuple[float, float], *, color: str, fontsize: float = 7.5,
                offsets=LABEL_OFFSETS):
    """Write ``label`` beside the mark at ``xy``, in the first place of ``offsets`` where it overlaps
    no mark, no other text of the axes and stays inside them (the first place if none is free).
    Marks are the axes' line markers; measured on the figure as it is drawn now."""
    import numpy as np

    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    boxes = []
    for line in ax.get_lines():
        xs, ys = line.get_xdata(), line.get_ydata()
        if not len(xs) or line.get_marker() in (None, "", "None", " "):
            continue
        r = line.get_markersize() * fig.dpi / 72 / 2 + 1
        for px, py in ax.transData.transform(np.column_stack([np.asarray(xs, float), np.asarray(ys, float)])):
            boxes.append((px - r, py - r, px + r, py + r))
    boxes += [tuple(t.get_window_extent(renderer).extents) for t in ax.texts if t.get_visible()]
    if ax.get_legend() is not None:
        boxes.append(tuple(ax.get_legend().get_window_extent(renderer).extents))
    frame = ax.get_window_extent(renderer).extents
    note = ax.annotate(label, xy, xytext=offsets[0][:2], textcoords="offset points", fontsize=fontsize, color=color)
    for dx, dy, ha, va in list(offsets) + [offsets[0]]:
        note.set_position((dx, dy))
        note.set_ha(ha)
        note.set_va(va)
        x0, y0, x1, y1 = note.get_window_extent(renderer).extents
        inside = x0 >= frame[0] and x1 <= frame[2] and y0 >= frame[1] and y1 <= frame[3]
        if inside and not any(x0 < b[2] and x1 > b[0] and y0 < b[3] and y1 > b[1] for b in boxes):
            break
    return note
