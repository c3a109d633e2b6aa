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
import re
import tempfile
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from . import data, labels, paths  # noqa: E402
from .pngmeta import META_KEYS, read_metadata  # noqa: E402, F401 -- read_metadata is re-exported

PNG_DPI = 150
FORMATS = ("png", "svg")
TITLE_CHARS_PER_INCH = 8.5  # 12 pt bold
SUBTITLE_CHARS_PER_INCH = 13  # 9 pt
SOURCE_WRAP = 150  # characters per line of the source footer at the default width
#: Above this many sources the footer lists only their ids (looked up in data/sources.csv);
#: publisher names and dates for fifty sources would take more room than the chart.
FULL_SOURCE_NAMES_UP_TO = 6
# Scripts the house font (DejaVu Sans) cannot draw: CJK ideographs, kana, full-width forms.
_NO_GLYPHS = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+")
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


def source_line(plotted: pd.DataFrame, lang: str, note: str | None = None) -> str:
    """'Source: <publisher>, <date> [id]; …' for every source the plotted rows cite.

    Every column named ``source_id`` or ending in ``_source_id`` counts.
    """
    id_columns = [c for c in plotted.columns if c == "source_id" or c.endswith("_source_id")]
    ids = sorted({sid for c in id_columns for sid in plotted[c].dropna()})
    if not ids:
        raise ValueError("a figure must be saved with the rows it plotted: they need a 'source_id' column")
    catalogue = data.load("sources").set_index("source_id")
    missing = [sid for sid in ids if sid not in catalogue.index]
    if missing:
        raise KeyError(f"source_id not in data/sources.csv: {missing}")
    if len(ids) > FULL_SOURCE_NAMES_UP_TO:
        line = labels.text("sources_by_id", lang, n=len(ids)) + ": " + "; ".join(ids) + "."
    else:
        parts = []
        for sid in ids:
            src = catalogue.loc[sid]
            when = f", {src['published']}" if pd.notna(src["published"]) else ""
            parts.append(f"{_drawable(src['publisher'])}{when} [{sid}]")
        line = f"{labels.text('source', lang)}: " + "; ".join(parts) + "."
    if note:
        line += " " + note
    return "\n".join(textwrap.wrap(line, SOURCE_WRAP))


def _drawable(name: str) -> str:
    """A publisher name without the characters the house font cannot draw ("技能… (ifsa.jp)" -> "ifsa.jp")."""
    cleaned = _NO_GLYPHS.sub("", name).strip()
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = cleaned[1:-1]
    return cleaned or "?"


def figure_title(fig) -> str:
    """The figure's title and subtitle as one line of text (the caption a report shows)."""
    parts = [fig._suptitle.get_text() if fig._suptitle is not None else ""]
    if fig.axes:
        parts.extend(fig.axes[0].get_title(loc) for loc in ("left", "center", "right"))
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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
        source = labels.text("no_rows_source", lang, files=files) + (f" {note}" if note else "")
    else:
        source = source_line(plotted, lang, note)
    fig.supxlabel(source, x=0.01, ha="left", fontsize=6.5, color="#555555")
    described = {"Title": figure_title(fig), "Description": " ".join(alt.split()),
                 "Source": " ".join(source.split()), "Language": lang}
    target = Path(out_dir) if out_dir is not None else paths.figures_dir()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    mode = 0o666 & ~_umask()  # as any file the user creates (mkstemp's own mode is 0o600)
    for ext in FORMATS:
        final = target / f"{name}_{lang}.{ext}"
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", dir=target)
        try:
            with os.fdopen(fd, "wb") as fh:
                fig.savefig(fh, format=ext, dpi=PNG_DPI, metadata={**_METADATA[ext], **described})
            os.chmod(tmp, mode)
            os.replace(tmp, final)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(final)
    plt.close(fig)
    return Saved(written)


def thousands_axis(axis, lang: str) -> None:
    """Tick labels as whole numbers in the language's style (159,986 / 159.986)."""
    axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _pos: labels.fmt_int(v, lang)))
