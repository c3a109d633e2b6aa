"""One year's destination markets as three figures: markets ranked, Japan's share, the plan.

``notebooks/07_destinations_by_year.ipynb`` calls these once per year of the registry's grid
``destinations-year`` (every year with DOLAB's breakdown by market), so the notebook stays a few
lines and the per-year figures are drawn the same way for every year. Sections 1–3 of
``notebooks/02_destination_markets.ipynb`` call them too for its one ``year`` (the one copy of this
drawing): the markets chart is as tall as its bars need (an early year itemises only a few markets)
and its subtitle says how many markets the sources name.

Every number comes from :mod:`vnjp.departures` (headline rows chosen by :mod:`vnjp.headline`, or
computed from them); each function returns what :func:`vnjp.figures.save` returns.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd
from matplotlib.patches import Patch

from . import departures, figcheck, figures, flows
from .figures import COLORS
from .labels import fmt_int, fmt_pct, place, text


#: The columns of :attr:`Year.table` a notebook shows its readers (through :func:`vnjp.display.show`).
TABLE_COLUMNS = ["destination", "workers", "source_id", "women", "women_share", "share_of_total"]


@dataclass
class Year:
    """What the three figures of ``year`` draw (see :func:`facts`)."""

    year: int
    table: pd.DataFrame  # departures.markets(year): one row per itemised market, largest first
    total: pd.Series  # the all-destination headline row
    women_total: pd.Series | None  # None: the year has no women total
    not_itemised: int  # total minus the named markets
    plan: pd.Series | None  # the year's plan target, None: no plan
    next_plan: pd.Series | None
    japan: pd.Series | None  # Japan's row of the table, None: Japan not itemised

    @property
    def pct_of_plan(self) -> float | None:
        """The total over the plan's upper end (its value when it is not a range); None without a plan."""
        if self.plan is None:
            return None
        upper = self.plan["value_upper"] if pd.notna(self.plan["value_upper"]) else self.plan["value"]
        return float(self.total["value"] / upper)


def facts(year: int, rows: pd.DataFrame | None = None) -> Year:
    """The rows and derived numbers of ``year`` (``LookupError`` when it has no full-year total)."""
    rows = departures.headline_rows() if rows is None else rows
    table = departures.markets(year, rows)
    return Year(year, table, departures.total(year, rows=rows), departures.total_or_none(year, "women", rows=rows),
                departures.unitemised(year, rows), departures.plan(year, rows), departures.plan(year + 1, rows),
                departures.market_row(table, "JPN"))


def markets_height(n: int) -> float:
    """Height in inches of a ranking of ``n`` bars: 5.6 for 13 (as notebook 02), never below 3."""
    return max(3.0, min(5.6, 1.9 + 0.29 * n))


def markets_named(n: int, m: int, lang: str) -> str:
    """'The one market the sources name', 'The 2 markets ...', 'Top 13 of the 20 markets ...'."""
    if n < m:
        return text("year_markets_top", lang, n=n, m=m)
    return text("year_markets_one", lang) if n == 1 else text("year_markets_all", lang, n=n)


def fit_subtitle(fig, ax) -> None:
    """Rewrap ``ax``'s title (the subtitle) until it lies inside the figure. It starts at the axes' left edge,
    which long market names (Vietnamese ones above all) push right, so the width :func:`figures.new_figure`
    wraps it to (the figure's) can be too wide."""
    # the house style sets titles at the axes' left (axes.titlelocation): the Text is then _left_title
    title = next((t for t in (ax._left_title, ax.title, ax._right_title) if t.get_text()), ax.title)
    words = title.get_text().split()
    width = max((len(line) for line in title.get_text().splitlines()), default=0)
    state = figcheck._layout_state(fig)  # measured, then put back: saving lays out as if never drawn here
    while width > 20:
        fig.canvas.draw()
        box = title.get_window_extent()
        figcheck._restore_layout(state)
        if box.x0 >= 0 and box.x1 <= fig.bbox.width:
            return
        width -= 4
        title.set_text(textwrap.fill(" ".join(words), width))


def markets_figure(y: Year, top_n: int, lang: str, stem: str):
    """Markets ranked (the ``top_n`` largest), each bar split into women and men where stated."""
    year, table, total = y.year, y.table, y.total
    top = table.head(top_n).iloc[::-1]
    split = departures.women_split(top)
    fig, ax = figures.new_figure(text("destinations_title", lang, year=year),
                                 text(f"year_markets_split_{split}", lang, year=year,
                                      markets=markets_named(len(top), len(table), lang)),
                                 size=(8, markets_height(len(top))))
    names = [place(code, lang) for code in top["destination"]]
    known = top["women"].notna()
    if split != "none":
        ax.barh(names, top["women"].where(known, 0), color=COLORS["women"], label=text("women", lang))
        ax.barh(names, (top["workers"] - top["women"]).where(known, 0), left=top["women"].where(known, 0),
                color=COLORS["men"], label=text("men", lang))
    ax.barh([n for n, k in zip(names, known) if not k], top.loc[~known, "workers"], color=COLORS["muted"],
            label=text("women_not_stated", lang) if split == "some" else None)
    for name, row in zip(names, top.itertuples()):
        share = fmt_pct(row.women_share, lang) if pd.notna(row.women_share) else text("no_data", lang)
        label = f" {fmt_int(row.workers, lang)}" + (f" · {share}" if split != "none" else "")
        ax.annotate(label, (row.workers, name), va="center", fontsize=7.5)
    if len(top):
        ax.set_xlim(0, flows.top(top["workers"]) * 1.28)
        pad = max(0, 3 - len(top)) * 0.4  # one or two bars stay as thick as in a longer ranking
        ax.set_ylim(-0.5 - pad, len(top) - 0.5 + pad)
    figures.thousands_axis(ax.xaxis, lang)
    ax.set_xlabel(text("persons", lang))
    if split != "none":
        ax.legend(loc="lower right")
    fit_subtitle(fig, ax)
    alt = departures.markets_alt(table, top, year, lang)
    if table.empty:  # the declared result for a year with a total but no count by market
        alt = text("destinations_no_markets", lang, year=year, total=fmt_int(total["value"], lang))
        figures.no_data(fig, ax, lang, alt, resources=("departures",))
        top = total.to_frame().T
    return figures.save(fig, stem, lang, top, alt=alt)


def japan_share_figure(y: Year, lang: str, stem: str):
    """The total split into Japan, the next two markets, the other named markets and those not itemised."""
    year, table, total, japan = y.year, y.table, y.total, y.japan
    if japan is None:  # the declared result for a year that does not itemise Japan
        fig, ax = figures.new_figure(text("destinations_title", lang, year=year), None, size=(8, 4.2))
        alt = text("japan_share_no_data", lang, year=year, total=fmt_int(total["value"], lang))
        figures.no_data(fig, ax, lang, alt, resources=("departures",))
        return figures.save(fig, stem, lang, total.to_frame().T, alt=alt)
    others = table[table["destination"] != "JPN"]
    parts = [
        (place("JPN", lang), japan["workers"], COLORS["japan"]),
        *[(place(r.destination, lang), r.workers, color)
          for r, color in zip(others.head(2).itertuples(), [COLORS["other"], COLORS["women"]])],
        (text("other_named", lang), others.iloc[2:]["workers"].sum(), COLORS["men"]),
        (place("OTHER", lang), y.not_itemised, COLORS["plan"]),
    ]
    parts = [part for part in parts if part[1] > 0]  # a part of 0 draws nothing: no legend entry for it
    fig, (ax, key) = figures.new_figure(
        text("japan_share_title", lang, share=fmt_pct(japan["share_of_total"], lang), year=year),
        text("japan_share_subtitle", lang, total=fmt_int(total["value"], lang)), size=(8, 3.6), nrows=2,
        gridspec_kw={"height_ratios": [2.2, 1]})  # the bar, and under it the key to its parts (no empty band)
    left, inside = 0, []
    for label, value, color in parts:
        share = fmt_pct(value / total["value"], lang)
        ax.barh([0], [value], left=left, color=color, edgecolor="white",
                label=f"{label}: {fmt_int(value, lang)} ({share})")
        if value / total["value"] >= 0.15:  # maybe wide enough to carry its own label
            inside.append((ax.text(left + value / 2, 0, f"{label}\n{share}", ha="center", va="center", color="white",
                                   fontsize=9, fontweight="bold"), value))
        left += value
    key.set_xticks([])  # an empty frame that holds the key (not axis("off"): its hidden ticks would still be laid out)
    key.set_yticks([])
    key.grid(False)
    for spine in key.spines.values():
        spine.set_visible(False)
    key.legend(*ax.get_legend_handles_labels(), loc="center", ncol=2, frameon=False)
    ax.set_ylim(-0.45, 0.45)
    ax.grid(axis="x", visible=False)
    ax.set_yticks([])
    ax.set_xlim(0, total["value"])
    figures.thousands_axis(ax.xaxis, lang)
    ax.set_xlabel(text("persons", lang))
    drop_labels_wider_than_their_part(fig, ax, inside)
    return figures.save(fig, stem, lang, pd.concat([table, total.to_frame().T]), note=text("derived_note", lang),
                        alt=text("japan_share_alt", lang, total=fmt_int(total["value"], lang), year=year,
                                 japan=fmt_int(japan["workers"], lang), share=fmt_pct(japan["share_of_total"], lang)))


def drop_labels_wider_than_their_part(fig, ax, inside: list) -> list:
    """Remove each (label, width in data units) whose text is wider than its part of the bar (a long name, as
    'Các thị trường khác được nêu', in a part of 22%): the key under the bar still names it. The removed texts."""
    state = figcheck._layout_state(fig)
    fig.canvas.draw()
    per_unit = ax.bbox.width / (ax.get_xlim()[1] - ax.get_xlim()[0])
    dropped = [label for label, value in inside if label.get_window_extent().width > value * per_unit - 4]
    figcheck._restore_layout(state)  # saving lays out as if never drawn here
    for label in dropped:
        label.remove()
    return dropped


def plan_figure(y: Year, lang: str, stem: str):
    """The year's plan (a range: its lower end and a hatched extension), the total sent, next year's plan."""
    year, total, plan, next_plan = y.year, y.total, y.plan, y.next_plan
    if plan is None:  # the declared result for a year without a plan
        fig, ax = figures.new_figure(text("plan_title", lang, year=year), None, size=(8, 4.5))
        alt = text("plan_no_data", lang, year=year, actual=fmt_int(total["value"], lang))
        figures.no_data(fig, ax, lang, alt, resources=("departures",))
        return figures.save(fig, stem, lang, total.to_frame().T, alt=alt)
    bars = [(text("plan", lang) + f" {year}", plan["value"], plan["value_upper"], COLORS["plan"]),
            (text("sent_year", lang, year=year), total["value"], pd.NA, COLORS["japan"])]
    if next_plan is not None:
        bars.append((text("next_year_plan", lang, year=year + 1), next_plan["value"], next_plan["value_upper"],
                     COLORS["plan"]))
    pct = y.pct_of_plan
    fig, ax = figures.new_figure(
        text("plan_title", lang, year=year),
        text("plan_subtitle", lang, actual=fmt_int(total["value"], lang), pct=fmt_pct(pct, lang),
             of_plan=text("of_upper_plan", lang) if pd.notna(plan["value_upper"]) else text("of_plan", lang)),
        size=(8, 4.5))
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    for label, low, high, color in bars:
        ax.bar(label, low, color=color, width=0.6)
        top_value = low
        if pd.notna(high):
            ax.bar(label, high - low, bottom=low, color="white", edgecolor=COLORS["muted"], hatch="///", width=0.6,
                   lw=0.6)
            top_value = high
        value_text = fmt_int(low, lang) + (f"–{fmt_int(high, lang)}" if pd.notna(high) else "")
        ax.annotate(value_text, (label, top_value), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8)
    if any(pd.notna(high) for _label, _low, high, _color in bars):  # a plan range is drawn: key its hatching
        ax.legend(handles=[Patch(color=COLORS["plan"], label=text("plan", lang)),
                           Patch(color=COLORS["japan"], label=text("actual", lang)),
                           Patch(facecolor="white", edgecolor=COLORS["muted"], hatch="///", lw=0.6,
                                 label=text("plan_range_mark", lang))], loc="upper center", ncol=3, fontsize=8)
        # one row of keys above the tallest bar and its label (in three rows at the left it covered the next bar)
        ax.set_ylim(0, flows.top(*[[low, high] for _label, low, high, _color in bars]) * 1.25)
    figures.thousands_axis(ax.yaxis, lang)
    ax.set_ylabel(text("persons", lang))
    plotted = pd.concat([plan.to_frame().T, total.to_frame().T]
                        + ([next_plan.to_frame().T] if next_plan is not None else []))
    return figures.save(fig, stem, lang, plotted,
                        alt=text("plan_alt", lang, year=year, actual=fmt_int(total["value"], lang),
                                 pct=fmt_pct(pct, lang)))
