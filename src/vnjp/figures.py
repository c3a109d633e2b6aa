"""The house style and the one function that saves every figure.

:func:`new_figure` opens a figure in the house style with its title and subtitle;
:func:`save` adds the source line (built from the ``source_id`` of the rows the
figure plotted) and writes ``<name>_<lang>.png`` and ``.svg``. Both files are
byte-identical from run to run: no dates, fixed SVG ids, fixed dpi, a font that
ships with matplotlib. Each file is written to a temporary name and renamed into
place, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import textwrap
import warnings
from pathlib import Path

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from . import data, figcheck, labels, paths  # noqa: E402
from .files import write_atomically  # noqa: E402
from .flows import _is_true  # noqa: E402
from .citations import _drawable, _sort_key, publisher_label  # noqa: E402, F401 -- re-exported
from .pngmeta import META_KEYS, read_metadata  # noqa: E402, F401 -- read_metadata is re-exported

PNG_DPI = 150
#: The resolution text is measured at when a footer is wrapped: the published PNG's, fixed, so the wrapping is
#: the same whatever ``PNG_DPI`` a caller sets for speed (a test sweep at 30 dpi) and whichever ran first.
MEASURE_DPI = 150
FORMATS = ("png", "svg")
TITLE_CHARS_PER_INCH = 8.5  # 12 pt bold
SUBTITLE_CHARS_PER_INCH = 13  # 9 pt
FOOTER_FONTSIZE = 6.5
#: The footer names the publishers when they fit in this many lines, else says how many sources
#: there are and that the report lists them (a note, if any, follows on lines of its own).
FOOTER_SOURCE_LINES = 2
FOOTER_RIGHT_MARGIN_PT = 6.0
COLORS = {
    "japan": "#c0392b",
    "other": "#7f98aa",
    "women": "#2c6e91",
    "men": "#a9c6d9",
    "plan": "#d5d8dc",
    "muted": "#7f8c8d",
    "accent": "#e69f00",
}

_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
}
#: META_KEYS: the keys under which every saved file carries its own description (PNG tEXt
#: chunks, SVG Dublin Core metadata); the report reads them back with :func:`read_metadata`
#: (both live in vnjp.pngmeta, which loads no plotting library).


def use_style() -> None:
    """Apply the house style (idempotent)."""
    plt.style.use(str(paths.STYLE_FILE))


def new_figure(title: str, subtitle: str | None = None, *, size: tuple[float, float] | None = None,
               **subplots):
    """A figure and axes in the house style, titled. Extra keywords go to ``plt.subplots``."""
    use_style()
    fig, ax = plt.subplots(figsize=size, **subplots)
    width = fig.get_figwidth()
    # Long titles (Vietnamese ones are often longer) wrap instead of running off the figure.
    fig.suptitle(textwrap.fill(title, int(width * TITLE_CHARS_PER_INCH)), x=0.01, ha="left")
    first = ax.flat[0] if hasattr(ax, "flat") else ax
    if subtitle:
        first.set_title(textwrap.fill(subtitle, int(width * SUBTITLE_CHARS_PER_INCH)))
    return fig, ax


def source_ids(plotted: pd.DataFrame) -> list[str]:
    """Sorted ``source_id``s the plotted rows cite (every column named ``source_id`` or ending in
    ``_source_id`` counts). Raises ValueError when there is no such column, or rows that cite nothing;
    a table with the column but no rows (an empty selection) cites nothing and gets an empty list."""
    columns = _id_columns(plotted)
    ids = sorted({str(sid) for c in columns for sid in plotted[c].dropna()})
    if not columns or (not ids and len(plotted)):
        raise ValueError("a figure must be saved with the rows it plotted: they need a 'source_id' column")
    return ids  # empty only for a table with no rows: a selection the data hold nothing for


def _id_columns(table: pd.DataFrame) -> list[str]:
    return [c for c in table.columns if c == "source_id" or str(c).endswith("_source_id")]


def citations(ids: list[str]) -> pd.DataFrame:
    """The rows of data/sources.csv for ``ids``, in that order; KeyError names any id it lacks."""
    catalogue = data.load("sources").set_index("source_id")
    missing = [sid for sid in ids if sid not in catalogue.index]
    if missing:
        raise KeyError(f"source_id not in data/sources.csv: {missing}")
    return catalogue.loc[list(ids)]


def _text_width_pt(text: str, fontsize: float) -> float:
    """Width of ``text`` set in the house font at ``fontsize``, in points."""
    from matplotlib.font_manager import FontProperties

    renderer = _measure_renderer()
    width, _h, _d = renderer.get_text_width_height_descent(
        text, FontProperties(family="DejaVu Sans", size=fontsize), ismath=False)
    # measured as the PNG sets it (hinting makes text at 150 dpi up to 2% wider than at 72 dpi), plus a margin
    return width * 72.0 / MEASURE_DPI * 1.02


_RENDERER = []


def _measure_renderer():
    if not _RENDERER:
        from matplotlib.backends.backend_agg import RendererAgg

        _RENDERER.append(RendererAgg(10, 10, MEASURE_DPI))
    return _RENDERER[0]


def wrap_units(units: list[str], sep: str, width_pt: float, fontsize: float = FOOTER_FONTSIZE) -> list[str]:
    """``units`` joined by ``sep`` into lines no wider than ``width_pt``, never splitting a unit
    (an id, a name, a word); a unit wider than a line gets a line of its own."""
    lines: list[str] = []
    for unit in units:
        # measured with the separator that may end the line ("…; "), so that no line grows past the width
        if lines and _text_width_pt(lines[-1] + sep + unit + sep.rstrip(), fontsize) <= width_pt:
            lines[-1] += sep + unit
        else:
            if lines:
                lines[-1] += sep.rstrip()
            lines.append(unit)
    return lines


def footer_width_pt(width_in: float) -> float:
    """The room a footer line has on a figure ``width_in`` inches wide (it starts at x=0.01)."""
    return width_in * 72.0 * (1 - 0.01) - FOOTER_RIGHT_MARGIN_PT


def source_line(plotted: pd.DataFrame, lang: str, note: str | None = None, *, width: float | None = None) -> str:
    """The figure's footer: the publishers of the rows it plotted, or their number and where they are
    listed, whichever fits in :data:`FOOTER_SOURCE_LINES` lines at ``width`` inches; then ``note``.

    Lines break only between names and between words, never inside one (an id or a publisher's
    name is never split). The full list, with dates, titles and links, is in the report, which
    reads the ids from the saved file's ``Sources`` metadata (:func:`save`), not from this text.
    """
    labels._check_lang(lang)
    ids = source_ids(plotted)
    room = footer_width_pt(width or plt.rcParams["figure.figsize"][0])
    if not ids:  # the selection held no rows: the figure says so, and so does its footer
        return "\n".join(wrap_units((labels.text("source_none", lang) + (" " + note if note else "")).split(),
                                    " ", room))
    cited = citations(ids)
    names = sorted({publisher_label(r["publisher"], lang, r["url"]) for _, r in cited.iterrows()}, key=_sort_key)
    word = labels.text("source" if len(names) == 1 else "footer_sources", lang)
    units = [f"{word}: {names[0]}", *names[1:]]
    units[-1] += "."
    lines = wrap_units(units, "; ", room)
    if len(lines) > FOOTER_SOURCE_LINES:
        lines = wrap_units(labels.text("footer_sources_count", lang, n=len(ids)).split(" "), " ", room)
    if note:
        lines += wrap_units(note.split(), " ", room)
    return "\n".join(lines)


def figure_title(fig) -> str:
    """The figure's title and subtitle as one line of text (the caption a report shows).

    A panel's own header set under the subtitle, after a blank line (``subtitle + "\\n\\n" + panel``, as the
    multi-panel figures of notebook 03 do), belongs to the panel, not to the caption, and is left out."""
    parts = [fig._suptitle.get_text() if fig._suptitle is not None else ""]
    if fig.axes:
        parts.extend(fig.axes[0].get_title(loc).split("\n\n")[0] for loc in ("left", "center", "right"))
    return ". ".join(" ".join(p.split()) for p in parts if p.strip())


class Saved(list):
    """The paths :func:`save` wrote; shown in a notebook as the PNG just written (JupyterLab and
    executed notebooks hold it as an ``image/png`` output, so the report's notebook pages show it)
    and, as text, as their file names only (the folder is a temporary one when run_all runs the
    notebook, and means nothing to a reader)."""

    def __repr__(self) -> str:
        return "saved: " + ", ".join(Path(p).name for p in self)

    def _repr_png_(self) -> bytes | None:
        pngs = [Path(p) for p in self if str(p).endswith(".png")]
        return pngs[0].read_bytes() if pngs and pngs[0].exists() else None


#: Attribute :func:`no_data` sets on a figure: it says "no data for this selection" instead of a chart.
NO_DATA_ATTR = "vnjp_no_data"


def no_data(fig, ax, lang: str, what: str, *, resources: tuple[str, ...]) -> None:
    """Turn ``ax`` into the declared "no data for this selection" result: a centred message
    naming what is missing (``what``, in ``lang``), no ticks, no legend. :func:`save` then
    accepts an empty ``plotted`` table and cites the data files searched (``resources``)."""
    for other in fig.axes:
        if other is not ax:
            other.set_visible(False)
    ax.cla()
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(False)
    ax.text(0.5, 0.58, labels.text("no_data_selection", lang), transform=ax.transAxes, ha="center", va="center",
            fontsize=14, fontweight="bold", color=COLORS["muted"])
    ax.text(0.5, 0.42, textwrap.fill(what, 70), transform=ax.transAxes, ha="center", va="center", fontsize=9,
            color="#555555")
    setattr(fig, NO_DATA_ATTR, tuple(resources))


def is_no_data(fig) -> bool:
    return bool(getattr(fig, NO_DATA_ATTR, None))


def save(fig, name: str, lang: str, plotted: pd.DataFrame, *, alt: str, note: str | None = None,
         out_dir: Path | None = None) -> Saved:
    """Add the source footer and write ``<name>_<lang>.png`` and ``.svg``; close the figure.

    ``plotted`` is the table of cited rows the figure drew (it must carry ``source_id``; it may be
    empty only for a figure :func:`no_data` turned into "no data for this selection");
    ``alt`` is the alternative text: what the figure shows, in words, for a reader who
    cannot see it (in ``lang``); ``note`` is appended to the footer (e.g. how derived
    values were computed). Title, alt text and source line are stored in both files.
    """
    labels._check_lang(lang)
    if not alt or not alt.strip():
        raise ValueError("a figure needs alternative text (alt=...) describing what it shows")
    if is_no_data(fig) and (plotted is None or len(plotted) == 0):
        files = ", ".join(f"data/{r}.csv" for r in getattr(fig, NO_DATA_ATTR))
        source = "\n".join(wrap_units((labels.text("no_rows_source", lang, files=files) + (f" {note}" if note else ""))
                                      .split(), " ", footer_width_pt(fig.get_figwidth())))
        plotted = None
    elif plotted is None or len(plotted) == 0:
        raise ValueError(f"{name}: no plotted rows; a figure draws cited rows or is declared empty with no_data()")
    else:
        source = source_line(plotted, lang, note, width=fig.get_figwidth())
    fig.supxlabel(source, x=0.01, ha="left", fontsize=FOOTER_FONTSIZE, color="#555555")
    strict = os.environ.get(FIGCHECK_ENV, "").strip().lower() == "strict"
    try:
        found = figcheck.problems(fig, dpi=PNG_DPI)  # overlapping or lost texts, styles the legend leaves out
    except Exception as exc:  # a checker that fails must not cost a researcher the figure (unless strict)
        if strict:
            plt.close(fig)
            raise
        found = [f"the check itself failed: {type(exc).__name__}: {exc}"]
    if found:
        message = f"{name}_{lang}: {len(found)} figure problem(s):\n  " + "\n  ".join(found)
        if strict:
            plt.close(fig)
            raise ValueError(message + f"\n(not written: {FIGCHECK_ENV}=strict)")
        warnings.warn(message, figcheck.FigureWarning, stacklevel=2)
    described = {"Title": figure_title(fig), "Description": " ".join(alt.split()),
                 "Source": " ".join(source.split()), "Language": lang}
    ids = source_ids(plotted) if plotted is not None else []
    cited = {"png": {SOURCES_KEY: " ".join(ids), NOTE_KEY: " ".join((note or "").split())}, "svg": {}}
    target = Path(out_dir) if out_dir is not None else paths.figures_dir()
    written = []
    for ext in FORMATS:
        meta = {**_METADATA[ext], **described, **cited[ext]}
        written.append(write_atomically(target / f"{name}_{lang}.{ext}", lambda tmp, ext=ext, meta=meta:
                                        fig.savefig(tmp, format=ext, dpi=PNG_DPI, metadata=meta)))
    plt.close(fig)
    if plotted is not None:  # a "no data for this selection" figure drew no row: no table
        write_table(plotted, f"{name}_{lang}", target if out_dir is not None else paths.tables_dir())
    return Saved(written)


#: Environment variable: ``strict`` makes :func:`save` refuse a figure :func:`vnjp.figcheck.problems`
#: finds problems in (registered runs set it); otherwise it writes the figure and warns.
FIGCHECK_ENV = "VNJP_FIGCHECK"
#: PNG text key holding the space-separated ``source_id``s a figure cites (the report's source list).
SOURCES_KEY = "Sources"
#: PNG text key holding the footer's note (how derived values were computed), shown by the report.
NOTE_KEY = "Note"


def table_rows(plotted: pd.DataFrame) -> pd.DataFrame:
    """``plotted`` with the full citation of each source id beside it: for every column ``source_id``
    or ``<x>_source_id``, the columns ``<x>_source_publisher``, ``…_published``, ``…_title`` and ``…_url``
    from data/sources.csv. Rows and their order are the plotted ones."""
    table = plotted.reset_index(drop=True).copy()
    catalogue = data.load("sources").set_index("source_id")
    for column in _id_columns(plotted):
        ids = table[column]
        missing = sorted({str(i) for i in ids.dropna() if i not in catalogue.index})
        if missing:
            raise KeyError(f"source_id not in data/sources.csv: {missing}")
        at = table.columns.get_loc(column) + 1
        prefix = column.removesuffix("_id")
        for offset, field in enumerate(("publisher", "published", "title", "url")):
            values = [catalogue.at[i, field] if pd.notna(i) else pd.NA for i in ids]
            table.insert(at + offset, f"{prefix}_{field}", pd.Series(values, index=table.index, dtype="object"))
    return table


def table_csv(plotted: pd.DataFrame) -> bytes:
    """The CSV :func:`save` writes beside a figure: same rows and same bytes for the same input."""
    table = table_rows(plotted)
    for column in table.columns:  # lists, dicts, timestamps: one stable text each
        if table[column].dtype == object:
            table[column] = table[column].map(_cell)
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _cell(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in (sorted(value) if isinstance(value, set) else value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if value is None or (not isinstance(value, (str, dict)) and pd.isna(value)):
        return ""
    return value


def write_table(plotted: pd.DataFrame, stem: str, directory: Path) -> Path:
    """Write ``<stem>.csv``, the data behind a figure (:func:`table_csv`), atomically into ``directory``."""
    return write_atomically(Path(directory) / f"{stem}.csv", table_csv(plotted))


def low_reliability_flags(flags) -> list[bool]:
    """The ``only_low_reliability`` column as plain booleans: True only for a real True (NA, None or a
    missing value is False: a value is marked only when the headline rule said so)."""
    return [_is_true(flag) for flag in flags]


def mark_low_reliability(ax, x, y, flags, *, color: str, size: float = 70, zorder: int = 5) -> int:
    """A hollow diamond around each point (``x``, ``y``) whose value rests on low-reliability sources
    alone (``flags``: the ``only_low_reliability`` column of the rows drawn). Returns how many were
    drawn: give the legend entry (:func:`low_reliability_handle`) only when this is not 0."""
    keep = low_reliability_flags(flags)
    xs = [float(v) for v, k in zip(x, keep) if k]
    ys = [float(v) for v, k in zip(y, keep) if k]
    if xs:
        ax.scatter(xs, ys, marker="D", facecolor="none", edgecolor=color, s=size, lw=0.9, zorder=zorder)
    return len(xs)


def low_reliability_handle(lang: str, *, color: str = "black", key: str = "low_reliability_point"):
    """The legend entry of :func:`mark_low_reliability`'s diamond, labelled by the text ``key``."""
    from matplotlib.lines import Line2D

    return Line2D([], [], ls="", marker="D", mfc="none", mec=color, markersize=7, label=labels.text(key, lang))


def thousands_axis(axis, lang: str) -> None:
    """Tick labels as whole numbers in the language's style (159,986 / 159.986)."""
    axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _pos: labels.fmt_int(v, lang)))
