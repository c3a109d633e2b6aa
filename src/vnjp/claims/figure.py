"""Placing the words of the claims figures where they can be read.

* :func:`segment_label` writes a count in its stacked-bar segment when it fits there with a margin,
  and just above the bar otherwise (a narrow segment's "1" never spills over its neighbours).
* :func:`spread` places the year labels of the dots in one row: alternately above and below the
  row, each pushed sideways only as far as needed so that no two labels on one side touch.
"""

from __future__ import annotations

#: Room (points) a count keeps from the edges of its segment; narrower segments get the count above the bar.
SEGMENT_MARGIN_PT = 2.0


def segment_label(ax, left: float, width: float, y: float, label: str, *, height: float = 0.8,
                  fontsize: float = 8, color: str = "#222222", outside_color: str = "#222222"):
    """Write ``label`` in the horizontal bar segment from ``left`` to ``left + width`` at row ``y``
    (bar ``height`` in data units) when it fits there with :data:`SEGMENT_MARGIN_PT` on each side;
    else centred just above the bar's top edge. Returns the text artist; its ``gid`` says which
    ("segment-inside" / "segment-above")."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    note = ax.text(left + width / 2, y, label, ha="center", va="center", fontsize=fontsize, color=color)
    x0 = ax.transData.transform((left, y))[0]
    x1 = ax.transData.transform((left + width, y))[0]
    room = abs(x1 - x0) - 2 * SEGMENT_MARGIN_PT * fig.dpi / 72
    if note.get_window_extent(renderer).width <= room:
        note.set_gid("segment-inside")
        return note
    top = y + height / 2 if not ax.yaxis_inverted() else y - height / 2
    note.set_position((left + width / 2, top))
    note.set_va("bottom" if not ax.yaxis_inverted() else "top")
    note.set_color(outside_color)
    note.set_gid("segment-above")
    return note


def spread(xs: list[float], widths: list[float], gap: float = 2.0) -> list[tuple[str, float]]:
    """Where each of the labels centred at ``xs`` (points, any order; ``widths`` in points) goes:
    ``("above" | "below", centre)``. Labels are taken left to right and alternate sides; a label
    goes to the other side when its turn's side is taken there, and is pushed right, past the last
    label of the side that leaves it nearest to its mark, when neither side is free. On each side,
    no two labels come closer than ``gap``. Returned in the order of ``xs``."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    right = {"above": float("-inf"), "below": float("-inf")}  # the right edge of each side's last label
    out: list[tuple[str, float]] = [("above", 0.0)] * len(xs)
    turn = "above"
    for i in order:
        half = widths[i] / 2
        sides = [turn, "below" if turn == "above" else "above"]
        free = [s for s in sides if right[s] + gap <= xs[i] - half]
        if free:
            side, centre = free[0], xs[i]
        else:
            side = min(sides, key=lambda s: right[s])
            centre = right[side] + gap + half
        out[i] = (side, centre)
        right[side] = centre + half
        turn = "below" if side == "above" else "above"
    return out


def year_labels(ax, xs: list[float], y: float, labels: list[str], *, fontsize: float = 5.5, color: str = "#444444",
                offset_pt: float = 4.0, gap_pt: float = 2.0) -> list:
    """Label the dots at ``xs`` (data units) on row ``y`` with ``labels`` placed by :func:`spread`;
    a label pushed away from its dot gets a thin leader line to it. Returns the text artists."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    scale = 72 / fig.dpi  # pixels -> points
    probes = [ax.text(0, 0, lab, fontsize=fontsize) for lab in labels]
    widths = [p.get_window_extent(renderer).width * scale for p in probes]
    for p in probes:
        p.remove()
    px = [ax.transData.transform((x, y))[0] * scale for x in xs]
    placed = spread(px, widths, gap=gap_pt)
    notes = []
    for x, x_pt, lab, (side, centre) in zip(xs, px, labels, placed):
        dy = offset_pt if side == "above" else -offset_pt
        notes.append(ax.annotate(lab, (x, y), xytext=(centre - x_pt, dy), textcoords="offset points", ha="center",
                                 va="bottom" if side == "above" else "top", fontsize=fontsize, color=color,
                                 gid=f"year-{side}"))
        if abs(centre - x_pt) > 0.5:  # pushed sideways: a leader from the dot to its label
            ax.annotate("", (x, y), xytext=(centre - x_pt, dy), textcoords="offset points",
                        arrowprops=dict(arrowstyle="-", lw=0.4, color=color, shrinkA=0, shrinkB=2))
    return notes


def gap_label(pct: float, lang: str, n_bases: int = 0, decimals: int = 1) -> str:
    """The difference a row of the gap chart prints: '+7.5%' / '−7.2%' (one minus sign, U+2212; a
    decimal comma in Vietnamese), followed, for a claim tested against several bases, by which one
    ("closest of 2 bases") and, for a single base, by that ("its one base"), never "1 bases"."""
    from ..economy import fmt_signed
    from ..labels import text

    out = fmt_signed(pct, lang, decimals) + "%"
    if n_bases == 1:
        out += f" ({text('claims_one_base', lang)})"
    elif n_bases > 1:
        out += f" ({text('claims_closest_base', lang, n=n_bases)})"
    return out
