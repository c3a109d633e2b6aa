"""Checks run on every figure before it is saved: text that collides or is lost, legends that leave
a drawn style unexplained.

:func:`problems` draws the figure with the Agg renderer at the save resolution and returns one
readable line per problem, naming the texts or styles involved:

- **overlap**: two texts (titles, axis and tick labels, annotations and value labels, legends, the
  footer) whose drawn boxes intersect by more than :data:`TOLERANCE_PX` in both directions (rotated
  texts are compared as rotated rectangles, not as their upright boxes). A text is never compared
  with itself, nor the entries of one legend with each other (the legend lays them out); a label
  drawn inside a bar is text on a patch, not text on text, and is not a problem.
- **outside**: a text that leaves the figure, or a text clipped to its axes (``clip_on``) that the
  axes cut or hide.
- **legend**: a style drawn in the plot that no legend entry shows: hatching, hollow (unfilled)
  bars or markers, dashed or dotted lines, a marker shape (a diamond, a dot...) in a colour no entry
  of that shape has, or, on a figure with a legend, a colour (other than greys) that no entry has;
  and the reverse, a legend entry whose colour nothing drawn has.

A false positive is silenced for one artist, never for the figure: ``figcheck.allow(artist, "why")``
(it sets the attribute :data:`ALLOW_ATTR`, so the reason stays beside the artist in the code). An
allowed text is left out of the overlap and outside checks; an allowed drawn artist out of the
legend checks.
"""

from __future__ import annotations

import copy
import math

import matplotlib.colors as mcolors
import numpy as np
from matplotlib.collections import Collection, LineCollection, PathCollection
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Annotation, Text
from matplotlib.transforms import BlendedGenericTransform

#: Boxes must intersect by more than this many pixels (at the save resolution), in both directions.
TOLERANCE_PX = 1.0
#: The attribute :func:`allow` sets: a non-empty reason why this artist's check result is wrong.
ALLOW_ATTR = "figcheck_ok"
#: Marker shapes recognised in scatter plots (whose paths carry no marker name).
_SHAPES = ("o", "s", "D", "d", "^", "v", "<", ">", "p", "h", "H", "8", "*", "P", "X", "+", "x", "_", "|", "1", "2",
           "3", "4")
_SHAPE_NAMES = {"o": "dot", ".": "dot", "s": "square", "D": "diamond", "d": "thin diamond", "^": "triangle",
                "v": "triangle down", "<": "triangle left", ">": "triangle right", "p": "pentagon", "h": "hexagon",
                "H": "hexagon", "8": "octagon", "*": "star", "P": "plus", "X": "cross", "+": "plus", "x": "cross",
                "|": "vertical bar", "_": "horizontal bar", "1": "tri down", "2": "tri up", "3": "tri left",
                "4": "tri right"}
_LINESTYLES = {"--": "dashed", "dashed": "dashed", ":": "dotted", "dotted": "dotted", "-.": "dash-dotted",
               "dashdot": "dash-dotted"}


class FigureWarning(UserWarning):
    """:func:`vnjp.figures.save` found problems in a figure it wrote anyway (not in strict mode)."""


def allow(artist, reason: str):
    """Mark ``artist`` as checked by eye: :func:`problems` skips it. ``reason`` says why (required)."""
    if not reason or not str(reason).strip():
        raise ValueError("figcheck.allow needs a reason")
    setattr(artist, ALLOW_ATTR, str(reason))
    return artist


def _allowed(artist) -> bool:
    return bool(getattr(artist, ALLOW_ATTR, None))


# --------------------------------------------------------------------------- drawing


def _layout_state(fig):
    """What a draw's layout engine moves: each axes' positions and the figure-level labels' places."""
    axes = [(ax, ax.get_position(original=True).frozen(), ax.get_position(original=False).frozen())
            for ax in fig.axes]
    texts = [(t, t.get_position()) for t in (fig._suptitle, fig._supxlabel, fig._supylabel) if t is not None]
    return axes, texts


def _restore_layout(state) -> None:
    """Put back what :func:`_layout_state` saved, so that saving after a check draws what saving
    without it would (constrained layout starts from the positions it finds)."""
    axes, texts = state
    for ax, original, active in axes:
        ax._set_position(original, which="original")
        ax._set_position(active, which="active")
    for t, pos in texts:
        t.set_position(pos)


def _draw(fig, dpi: float):
    """Draw ``fig`` on an Agg canvas at ``dpi``; return the renderer. The figure keeps its canvas and dpi."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    old_canvas, old_dpi = fig.canvas, fig.dpi
    fig._set_dpi(dpi, forward=False)
    canvas = FigureCanvasAgg(fig)
    try:
        canvas.draw()
        return canvas.get_renderer(), old_canvas, old_dpi
    except Exception:
        fig.set_canvas(old_canvas)
        fig._set_dpi(old_dpi, forward=False)
        raise


# --------------------------------------------------------------------------- texts


class _Box:
    """A drawn text: its upright box, its rotated rectangle (centre, half sizes, angle) and a name."""

    def __init__(self, text: Text | Legend, kind: str, where: str, renderer, group=None):
        self.artist, self.kind, self.where, self.group = text, kind, where, group
        bbox = text.get_window_extent(renderer)
        self.bbox = bbox
        self.angle = 0.0
        self.half = (bbox.width / 2, bbox.height / 2)
        if isinstance(text, Text):
            angle = text.get_rotation() % 180
            if min(angle % 90, 90 - angle % 90) > 0.5:  # not upright: size the text unrotated
                upright = copy.copy(text)
                upright.set_rotation(0)
                w, h = upright.get_window_extent(renderer).size
                self.angle, self.half = math.radians(angle), (w / 2, h / 2)
        self.centre = ((bbox.x0 + bbox.x1) / 2, (bbox.y0 + bbox.y1) / 2)

    @property
    def label(self) -> str:
        if isinstance(self.artist, Legend):
            entries = [t.get_text() for t in self.artist.get_texts()]
            shown = ", ".join(repr(e) for e in entries[:3]) + (", ..." if len(entries) > 3 else "")
            return f"legend [{shown}]{self.where}"
        text = " ".join(self.artist.get_text().split())
        if len(text) > 60:
            text = text[:57] + "..."
        return f"{self.kind} {text!r}{self.where}"

    def corners(self) -> np.ndarray:
        (cx, cy), (hw, hh), a = self.centre, self.half, self.angle
        ux, uy = np.array([math.cos(a), math.sin(a)]), np.array([-math.sin(a), math.cos(a)])
        return np.array([[cx, cy] + sx * hw * ux + sy * hh * uy for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))])


def _overlap(a: _Box, b: _Box, tol: float) -> tuple[float, float] | None:
    """How far ``a`` and ``b`` intersect along the two axes that separate them least (separating axis
    theorem on the two rectangles); None when they are apart or touch within ``tol`` pixels."""
    if not a.bbox.overlaps(b.bbox):
        return None
    if a.angle == 0 and b.angle == 0:
        w = min(a.bbox.x1, b.bbox.x1) - max(a.bbox.x0, b.bbox.x0)
        h = min(a.bbox.y1, b.bbox.y1) - max(a.bbox.y0, b.bbox.y0)
        return (w, h) if w > tol and h > tol else None
    depths = []
    ca, cb = a.corners(), b.corners()
    for box in (a, b):
        for axis in (np.array([math.cos(box.angle), math.sin(box.angle)]),
                     np.array([-math.sin(box.angle), math.cos(box.angle)])):
            pa, pb = ca @ axis, cb @ axis
            depth = min(pa.max(), pb.max()) - max(pa.min(), pb.min())
            if depth <= tol:
                return None
            depths.append(depth)
    depths.sort()
    return depths[0], depths[1]


def _shown(text: Text, renderer) -> bool:
    if not text.get_visible() or not text.get_text().strip() or text.get_alpha() == 0:
        return False
    if isinstance(text, Annotation) and not text._check_xy(renderer):
        return False  # an annotation whose point is outside the axes is not drawn
    return not _allowed(text)


def _axes_name(fig, ax) -> str:
    if len(fig.axes) == 1:
        return ""
    i = fig.axes.index(ax) + 1
    return f" (axes {i})"


def _legends(fig) -> list[Legend]:
    out = list(fig.legends)
    for ax in fig.axes:
        out += [c for c in ax.get_children() if isinstance(c, Legend)]
    return [lg for lg in out if lg.get_visible()]


def text_boxes(fig, renderer) -> list[_Box]:
    """Every text the drawn figure shows, each with a kind ("x tick label", "annotation"...)."""
    boxes: list[_Box] = []
    seen: set[int] = set()

    def add(t, kind, where="", group=None):
        if t is not None and id(t) not in seen and _shown(t, renderer):
            seen.add(id(t))
            boxes.append(_Box(t, kind, where, renderer, group))

    add(fig._suptitle, "title")
    add(fig._supxlabel, "footer")
    add(fig._supylabel, "figure y label")
    for t in fig.texts:
        add(t, "figure text")
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        where = _axes_name(fig, ax)
        for t, kind in ((ax.title, "subtitle"), (ax._left_title, "subtitle"), (ax._right_title, "subtitle")):
            add(t, kind if ax is fig.axes[0] else "axes title", where)
        for name, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            if not axis.get_visible():
                continue
            add(axis.label, f"{name} axis label", where)
            add(axis.offsetText, f"{name} axis offset", where)
            for tick in axis._update_ticks():  # the ticks drawn (inside the view), as Axis.draw takes them
                add(tick.label1, f"{name} tick label", where)
                add(tick.label2, f"{name} tick label", where)
        for t in ax.texts:
            add(t, "annotation" if isinstance(t, Annotation) else "text", where)
    for i, legend in enumerate(_legends(fig)):
        if not _allowed(legend) and any(t.get_text().strip() for t in legend.get_texts()):
            boxes.append(_Box(legend, "legend", "", renderer, group=("legend", i)))
    return boxes


def overlap_problems(boxes: list[_Box], tol: float = TOLERANCE_PX) -> list[str]:
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.group is not None and a.group == b.group:
                continue
            depth = _overlap(a, b, tol)
            if depth:
                out.append(f"overlap: {a.label} and {b.label} ({depth[0]:.0f}x{depth[1]:.0f} px)")
    return out


def _marker_points(fig, renderer):
    """Each drawn marker as (x0, y0, x1, y1) in pixels and a name: points of lines with markers and of scatters."""
    scale = renderer.points_to_pixels(1.0)
    out = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        where = _axes_name(fig, ax)
        clip = ax.bbox
        for line in ax.lines:
            m = line.get_marker()
            if not line.get_visible() or _allowed(line) or _no_marker(m) or _text_marker(m) or not _has_points(line):
                continue
            pts = line.get_transform().transform(np.asarray(line.get_xydata(), float))
            half = (line.get_markersize() + line.get_markeredgewidth()) / 2 * scale
            label = line.get_label()
            name = f"{_SHAPE_NAMES.get(_shape(m), 'marker')} marker" + (
                f" of {label!r}" if label and not label.startswith("_") else "") + where
            out += [(x - half, y - half, x + half, y + half, name) for x, y in pts
                    if np.isfinite(x) and np.isfinite(y) and (not line.get_clip_on() or clip.contains(x, y))]
        for coll in ax.collections:
            if not isinstance(coll, PathCollection) or not coll.get_visible() or _allowed(coll):
                continue
            offsets = np.asarray(coll.get_offsets(), float)
            if not len(offsets):
                continue
            pts = coll.get_offset_transform().transform(offsets)
            sizes = coll.get_sizes() if len(coll.get_sizes()) else [36.0]
            widths = coll.get_linewidths() if len(coll.get_linewidths()) else [0.0]
            shape = _shape_of_path(coll.get_paths()[0]) if coll.get_paths() else None
            name = f"{_SHAPE_NAMES.get(shape, 'marker')} marker{where}"
            for i, (x, y) in enumerate(pts):
                if not (np.isfinite(x) and np.isfinite(y)) or (coll.get_clip_on() and not clip.contains(x, y)):
                    continue
                half = (math.sqrt(sizes[i % len(sizes)]) + widths[i % len(widths)]) / 2 * scale
                out.append((x - half, y - half, x + half, y + half, name))
    return out


def marker_problems(fig, renderer, boxes: list[_Box], tol: float = TOLERANCE_PX) -> list[str]:
    """Texts (value labels, tick labels, a legend...) printed over a marker of the plot."""
    out, seen = [], set()
    marks = _marker_points(fig, renderer)
    for box in boxes:
        b = box.bbox
        for x0, y0, x1, y1, name in marks:
            w, h = min(b.x1, x1) - max(b.x0, x0), min(b.y1, y1) - max(b.y0, y0)
            if w > 2 * tol and h > 2 * tol and (box.label, name) not in seen:  # a marker's box has empty corners
                seen.add((box.label, name))
                out.append(f"overlap: {box.label} is printed over a {name} ({w:.0f}x{h:.0f} px)")
    return out


def inside_problems(fig, renderer, boxes: list[_Box], tol: float = TOLERANCE_PX) -> list[str]:
    """A label drawn inside a bar (its centre on the bar) that does not fit in it and spills over its edge."""
    out = []
    for box in boxes:
        t = box.artist
        if (not isinstance(t, Text) or t.axes is None or t not in t.axes.texts
                or t.get_horizontalalignment() != "center"):
            continue  # a label centred on its point: drawn in a bar (bar_label(label_type="center"), a segment)
        cx, cy = box.centre
        holders = []
        for p in t.axes.patches:
            if isinstance(p, Rectangle) and p.get_visible() and _sized(p) and not _allowed(p) and p.get_fill():
                pb = p.get_window_extent(renderer)
                if pb.x0 <= cx <= pb.x1 and pb.y0 <= cy <= pb.y1:
                    holders.append((pb.width * pb.height, pb))
        if not holders:
            continue
        _area, pb = min(holders, key=lambda h: h[0])  # the bar it sits in, not a band behind it
        b = box.bbox
        spill = max(pb.x0 - b.x0, b.x1 - pb.x1, pb.y0 - b.y0, b.y1 - pb.y1)
        if spill > tol:
            out.append(f"spills: {box.label} is drawn inside a bar it does not fit in ({spill:.0f} px over its edge)")
    return out


def outside_problems(fig, boxes: list[_Box], tol: float = TOLERANCE_PX) -> list[str]:
    out = []
    fb = fig.bbox
    for box in boxes:
        b = box.bbox
        over = {"left": fb.x0 - b.x0, "right": b.x1 - fb.x1, "bottom": fb.y0 - b.y0, "top": b.y1 - fb.y1}
        sides = [f"{v:.0f} px beyond the {k} edge" for k, v in over.items() if v > tol]
        if sides:
            out.append(f"outside the figure: {box.label}, " + ", ".join(sides))
        artist = box.artist
        clip = artist.get_clip_box() if isinstance(artist, Text) and artist.get_clip_on() else None
        if clip is not None:
            inter = [min(b.x1, clip.x1) - max(b.x0, clip.x0), min(b.y1, clip.y1) - max(b.y0, clip.y0)]
            if inter[0] <= tol or inter[1] <= tol:
                out.append(f"hidden: {box.label} lies outside its axes and is clipped (not drawn)")
            elif b.x0 < clip.x0 - tol or b.x1 > clip.x1 + tol or b.y0 < clip.y0 - tol or b.y1 > clip.y1 + tol:
                out.append(f"cut: {box.label} is clipped at the edge of its axes")
    return out


# --------------------------------------------------------------------------- legend styles


def _color(c) -> tuple | None:
    try:
        rgba = mcolors.to_rgba(c)
    except (ValueError, TypeError):
        return None
    return None if rgba[3] == 0 else tuple(round(v, 3) for v in rgba[:3])


def _grey(c: tuple | None) -> bool:
    return c is not None and max(c) - min(c) < 0.06


def _none(c) -> bool:
    if isinstance(c, str) and c.lower() == "none":
        return True
    arr = np.asarray(mcolors.to_rgba_array(c)) if c is not None and not isinstance(c, str) else None
    if arr is not None:
        return arr.size == 0 or bool((arr[:, 3] == 0).all())
    try:
        return mcolors.to_rgba(c)[3] == 0
    except (ValueError, TypeError):
        return True


def _hollow_face(face, edge) -> bool:
    """A marker or bar with no fill, or filled white (the background) inside a coloured edge, reads as hollow."""
    if _none(face):
        return True
    return _color(face) == (1.0, 1.0, 1.0) and not _none(edge) and _color(edge) != (1.0, 1.0, 1.0)


def _sized(p) -> bool:
    return not (isinstance(p, Rectangle) and (p.get_width() == 0 or p.get_height() == 0))


def _has_points(line: Line2D) -> bool:
    return len(np.atleast_1d(line.get_xdata())) > 0


def drawn_colors(fig) -> set:
    """Colours of every artist that draws data (bars of nonzero size, lines with points, markers)."""
    out = set()
    for ax in fig.axes:
        for p in ax.patches:
            if not _sized(p):
                continue
            out |= {_color(p.get_facecolor()), _color(p.get_edgecolor())}
        for line in ax.lines:
            if _has_points(line):
                out |= {_color(line.get_color()), _color(line.get_markerfacecolor()),
                        _color(line.get_markeredgecolor())}
        for coll in ax.collections:
            if isinstance(coll, Collection) and len(coll.get_offsets()):
                out |= {_color(c) for c in coll.get_facecolors()} | {_color(c) for c in coll.get_edgecolors()}
    return out - {None}


def legend_problems(fig) -> list[str]:
    """Legend entries whose colour no data artist of the figure draws ("dark = women" with no women bar)."""
    drawn = drawn_colors(fig)
    problems = []
    for legend in _legends(fig):
        for handle, label in zip(legend.legend_handles, legend.get_texts()):
            if isinstance(handle, Patch):
                colors = {_color(handle.get_facecolor())} - {None, (1.0, 1.0, 1.0)}
            elif isinstance(handle, Line2D):
                if _text_marker(handle.get_marker()):
                    continue  # a numbered or ≈ mark: text, not a colour
                colors = {_color(handle.get_color())} - {None, (0.0, 0.0, 0.0)}
            else:
                colors = {_color(c) for c in getattr(handle, "get_facecolors", lambda: [])()} - {None}
            colors = {c for c in colors if len(set(c)) > 1}  # greys and black key shapes, not series
            if colors and not colors & drawn:
                problems.append(f"legend entry '{label.get_text()}' has no drawn counterpart")
    return problems


def _text_marker(marker) -> bool:
    return isinstance(marker, str) and marker.startswith("$")


def _no_marker(marker) -> bool:
    return marker is None or (isinstance(marker, str) and marker in ("None", "none", "", " ", ","))


def _linestyle(ls) -> str | None:
    """'dashed', 'dotted', 'dash-dotted' or a dash pattern; None for solid or no line."""
    if isinstance(ls, str):
        return _LINESTYLES.get(ls)
    if isinstance(ls, tuple) and len(ls) == 2 and ls[1]:
        on = [float(v) for v in ls[1][0::2]]
        off = [float(v) for v in ls[1][1::2]]
        return "dotted" if max(on) <= min(off) else "dashed"
    return None


def _collection_linestyles(coll) -> set[str]:
    out = set()
    for offset, dashes in coll.get_linestyle():
        if dashes:
            out.add(_linestyle((offset, tuple(dashes))))
    return out - {None}


def _shape_of_path(path) -> str | None:
    v = np.asarray(path.vertices, float)
    if not len(v):
        return None
    scale = np.abs(v).max() or 1.0
    for m in _SHAPES:
        ms = MarkerStyle(m)
        ref = ms.get_path().transformed(ms.get_transform()).vertices
        if len(ref) == len(v):
            r = ref / (np.abs(ref).max() or 1.0)
            if np.allclose(r, v / scale, atol=1e-3):
                return m
    return "other"


def _shape(m) -> str:
    m = "o" if m == "." else m
    return str(m)


class _Style:
    """What a legend has to explain: hatches, hollow fills, line styles, (marker shape, hollow, colour)
    and colours; ``where`` says which artists drew each."""

    def __init__(self):
        self.hatches: dict[str, str] = {}
        self.hollow_patches: dict[bool, str] = {}
        self.lines: dict[str, str] = {}
        self.markers: dict[tuple, str] = {}
        self.colors: dict[tuple, str] = {}

    def add_marker(self, shape, hollow, color, what):
        self.markers.setdefault((_shape(shape), hollow, color), what)


#: How messages name the artists that drew a style (an axhline/axvline is a "reference line").
_ARTIST_NAMES = {"Rectangle": "bar", "PathCollection": "scatter", "LineCollection": "vlines/hlines",
                 "PolyCollection": "filled area", "FillBetweenPolyCollection": "filled area", "Polygon": "polygon",
                 "Wedge": "wedge", "Ellipse": "ellipse", "Circle": "circle", "FancyBboxPatch": "box"}


def _hatch(h) -> str | None:
    return "".join(sorted(set(h))) if h else None


def _patch_style(st: _Style, p, what: str, *, colors: bool = True) -> None:
    h = _hatch(p.get_hatch())
    if h:
        st.hatches.setdefault(h, what)
    face_none = _hollow_face(p.get_facecolor(), p.get_edgecolor()) or not p.get_fill()
    if face_none and h:  # hatching on an empty face: the hatch is the style
        pass
    elif face_none and not _none(p.get_edgecolor()) and p.get_linewidth() > 0:
        st.hollow_patches.setdefault(True, what)
        if colors:
            st.colors.setdefault(_color(p.get_edgecolor()), what)
    elif not face_none and colors:
        st.colors.setdefault(_color(p.get_facecolor()), what)


def _line_style(st: _Style, line: Line2D, what: str, *, colors: bool = True) -> None:
    ls = _linestyle(line.get_linestyle())
    if ls and len(np.atleast_1d(line.get_xdata())) > 1:
        st.lines.setdefault(ls, what)
    if colors and line.get_linestyle() not in ("None", "none", "", " "):
        st.colors.setdefault(_color(line.get_color()), what)
    m = line.get_marker()
    if not _no_marker(m) and not _text_marker(m):
        hollow = _hollow_face(line.get_markerfacecolor(), line.get_markeredgecolor()) or line.get_fillstyle() == "none"
        color = _color(line.get_markeredgecolor() if hollow else line.get_markerfacecolor())
        connected = _linestyle(line.get_linestyle()) or line.get_linestyle() in ("-", "solid")
        if hollow or not connected or what == "legend":  # filled points on a line are the line's own points
            st.add_marker(m, hollow, color, what)
        if colors:
            st.colors.setdefault(color, what)


def _collection_style(st: _Style, coll, what: str, *, colors: bool = True) -> None:
    h = _hatch(coll.get_hatch())
    if h:
        st.hatches.setdefault(h, what)
    if isinstance(coll, LineCollection):
        for ls in _collection_linestyles(coll):
            st.lines.setdefault(ls, what)
        if colors:
            for c in coll.get_colors():
                st.colors.setdefault(_color(c), what)
        return
    faces = coll.get_facecolors()
    edges = coll.get_edgecolors()
    hollow = len(faces) == 0 or bool((np.asarray(faces)[:, 3] == 0).all()) or (
        len(edges) > 0 and all(_hollow_face(f, e) for f, e in zip(faces, edges)))
    if isinstance(coll, PathCollection):
        if not len(coll.get_offsets()):
            return
        shape = _shape_of_path(coll.get_paths()[0]) if coll.get_paths() else None
        for c in (edges if hollow else faces)[:50]:
            st.add_marker(shape, hollow, _color(c), what)
    elif hollow and len(edges) and not bool((np.asarray(edges)[:, 3] == 0).all()):
        st.hollow_patches.setdefault(True, what)
    if colors:
        for c in (edges if hollow else faces)[:50]:
            st.colors.setdefault(_color(c), what)


def drawn_styles(fig) -> _Style:
    """The styles the plot draws. Colours are collected only in axes a legend covers (their own, or
    one of the figure's): a panel without a legend is named by its title, its colour needs no key."""
    st = _Style()
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        where = _axes_name(fig, ax)
        keyed = bool(fig.legends) or any(isinstance(c, Legend) and c.get_visible() for c in ax.get_children())
        for p in ax.patches:
            if p.get_visible() and _sized(p) and not _allowed(p):
                _patch_style(st, p, f"{_ARTIST_NAMES.get(type(p).__name__, type(p).__name__)}{where}", colors=keyed)
        for line in ax.lines:
            if line.get_visible() and _has_points(line) and not _allowed(line):
                label = line.get_label()
                kind = "reference line" if isinstance(line.get_transform(), BlendedGenericTransform) else "line"
                name = f"{kind} {label!r}" if label and not label.startswith("_") else kind
                _line_style(st, line, name + where, colors=keyed)
        for coll in ax.collections:
            if coll.get_visible() and not _allowed(coll) and (len(coll.get_offsets()) or len(coll.get_paths())):
                _collection_style(st, coll, f"{_ARTIST_NAMES.get(type(coll).__name__, type(coll).__name__)}{where}",
                                  colors=keyed)
    st.colors.pop(None, None)
    return st


def legend_styles(fig) -> _Style:
    st = _Style()
    for legend in _legends(fig):
        for handle in legend.legend_handles:
            if handle is None:
                continue
            if isinstance(handle, Line2D):
                _line_style(st, handle, "legend")
            elif isinstance(handle, Patch):
                _patch_style(st, handle, "legend")
                st.colors.setdefault(_color(handle.get_edgecolor()), "legend")
                st.colors.setdefault(_color(handle.get_facecolor()), "legend")
            elif isinstance(handle, Collection):
                _collection_style(st, handle, "legend")
    st.colors.pop(None, None)
    return st


def _color_name(c: tuple | None) -> str:
    return "no colour" if c is None else mcolors.to_hex(c)


def style_problems(fig, text_colors: set = frozenset()) -> list[str]:
    """Styles drawn in the plot that no legend entry shows. A colour some text of the figure is
    printed in (``text_colors``: a series or group named in its own colour) needs no legend entry."""
    drawn, keyed = drawn_styles(fig), legend_styles(fig)
    out = []
    for h, what in drawn.hatches.items():
        if h not in keyed.hatches:
            out.append(f"legend: hatching {h!r} ({what}) has no legend entry")
    if drawn.hollow_patches and not keyed.hollow_patches:
        out.append(f"legend: hollow (unfilled) shapes ({drawn.hollow_patches[True]}) have no legend entry")
    for ls, what in drawn.lines.items():
        if ls not in keyed.lines:
            out.append(f"legend: {ls} line ({what}) has no legend entry")
    for (shape, hollow, color), what in drawn.markers.items():
        same = [k for k in keyed.markers if k[0] == shape and k[1] == hollow]
        if any(k[2] == color or k[2] is None or _grey(k[2]) for k in same):  # a grey or black key: any colour
            continue
        if shape == "o" and not hollow and color in keyed.colors:  # a filled dot: a point of a keyed series
            continue
        if hollow and any(k[1] and (k[2] is None or _grey(k[2])) for k in keyed.markers) and any(
                k[0] == shape and not k[1] for k in keyed.markers):  # "open marker: ..." keys every keyed shape
            continue
        kind = f"{'hollow ' if hollow else ''}{_SHAPE_NAMES.get(shape, 'marker ' + repr(shape))}"
        out.append(f"legend: {kind} markers in {_color_name(color)} ({what}) have no legend entry")
    for color, what in drawn.colors.items():
        if not _grey(color) and color not in keyed.colors and color not in text_colors:
            out.append(f"legend: colour {_color_name(color)} ({what}) has no legend entry")
    return out


# --------------------------------------------------------------------------- all checks


def problems(fig, dpi: float | None = None) -> list[str]:
    """Every problem of ``fig`` drawn at ``dpi`` (default: the save resolution), one line each."""
    if dpi is None:
        from .figures import PNG_DPI

        dpi = PNG_DPI
    state = _layout_state(fig)
    try:
        renderer, old_canvas, old_dpi = _draw(fig, dpi)
    except Exception:
        _restore_layout(state)
        raise
    try:
        boxes = text_boxes(fig, renderer)
        tol = TOLERANCE_PX * dpi / 150.0  # 1 px at the save resolution
        found = (overlap_problems(boxes, tol) + outside_problems(fig, boxes, tol)
                 + inside_problems(fig, renderer, boxes, tol) + marker_problems(fig, renderer, boxes, tol))
        text_colors = {_color(b.artist.get_color()) for b in boxes if isinstance(b.artist, Text)}
    finally:
        fig.set_canvas(old_canvas)
        fig._set_dpi(old_dpi, forward=False)
        _restore_layout(state)
    found += style_problems(fig, text_colors) + [f"legend: {p}" for p in legend_problems(fig)]
    return found
