"""The report as one file to send: a PDF per language, made with matplotlib's PDF backend (no browser).

:func:`write_pdf` lays out a title page (the report's title, introduction, contents and colophon:
data as of, commit, how to cite), then every figure in reading order on a page of its own: its
number and caption, the figure (the PNG the report shows, placed unresampled), its note, its text
description and the full list of its sources (publisher, date, title, URL as a link, id), continued
on the next page when long. The file is byte-stable: no creation date, fixed fonts and order.
:mod:`vnjp.report` calls it after writing the HTML pages (``build/report/report-<lang>.pdf``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from . import labels
from .files import write_atomically

PAGE = (8.27, 11.69)  # A4 portrait, inches
MARGIN = 0.6  # inches
LINE = 1.32  # line height, in font sizes
MAX_IMAGE_HEIGHT = 6.6  # inches
#: No date, no producer string that changes with the build: two builds give the same bytes.
METADATA = {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": "vnjp.pdf"}


def _measure(size: float, weight: str = "normal", style: str = "normal"):
    """Width in points of a text set in the house font at ``size`` (and weight, style)."""
    from matplotlib.font_manager import FontProperties

    from .figures import _measure_renderer

    prop = FontProperties(family="DejaVu Sans", size=size, weight=weight, style=style)
    renderer = _measure_renderer()
    return lambda text: renderer.get_text_width_height_descent(text, prop, ismath=False)[0] * 72.0 / renderer.dpi


class _Pages:
    """A cursor over pages: text set line by line from the top, a new page when one is full."""

    def __init__(self, pdf, lang: str, running_title: str):
        import matplotlib.pyplot as plt

        self.plt, self.pdf, self.lang, self.running = plt, pdf, lang, running_title
        self.fig = None
        self.continued = ""
        self.width_pt = (PAGE[0] - 2 * MARGIN) * 72

    def new_page(self, continued: str = "") -> None:
        self.finish()
        self.fig = self.plt.figure(figsize=PAGE)
        self.y = PAGE[1] - MARGIN  # inches from the bottom
        self.continued = continued
        self.fig.text(MARGIN / PAGE[0], (PAGE[1] - MARGIN / 2) / PAGE[1], self.running, fontsize=7,
                      color="#777777", va="center")
        if continued:
            self.text(continued, 8, color="#555555", style="italic")

    def finish(self) -> None:
        if self.fig is not None:
            self.pdf.savefig(self.fig)
            self.plt.close(self.fig)
            self.fig = None

    def room(self) -> float:
        return self.y - MARGIN

    def text(self, text: str, size: float, *, url: str | None = None, gap: float = 0.0, indent: float = 0.0,
             **style) -> None:
        """``text`` wrapped to the page width (words never split; an over-long token such as a URL is
        cut by characters), continued on a new page when the page is full."""
        width = self.width_pt - indent * 72
        measure = _measure(size, style.get("weight", "normal"), style.get("style", "normal"))
        self.y -= gap
        for paragraph in text.split("\n"):
            lines: list[str] = []
            for word in paragraph.split(" "):
                if lines and measure(lines[-1] + " " + word) <= width:
                    lines[-1] += " " + word
                    continue
                while measure(word) > width and len(word) > 1:  # a URL longer than the line: cut by characters
                    low, high = 1, len(word) - 1  # the longest head that fits (binary search)
                    while low < high:
                        mid = (low + high + 1) // 2
                        low, high = (mid, high) if measure(word[:mid]) <= width else (low, mid - 1)
                    lines.append(word[:low])
                    word = word[low:]
                lines.append(word)
            for line in lines:
                step = size * LINE / 72
                if self.y - step < MARGIN:
                    self.new_page(self.continued)
                self.y -= step
                self.fig.text((MARGIN + indent) / PAGE[0], self.y / PAGE[1], line, fontsize=size, va="baseline",
                              url=url, **style)

    def image(self, png: Path) -> None:
        import matplotlib.image

        pixels = matplotlib.image.imread(str(png))
        h, w = pixels.shape[:2]
        width = PAGE[0] - 2 * MARGIN
        height = width * h / w
        if height > MAX_IMAGE_HEIGHT:
            width, height = width * MAX_IMAGE_HEIGHT / height, MAX_IMAGE_HEIGHT
        if height > self.room() - 0.1:
            self.new_page(self.continued)
        self.y -= height + 0.08
        ax = self.fig.add_axes((MARGIN / PAGE[0], self.y / PAGE[1], width / PAGE[0], height / PAGE[1]))
        ax.imshow(pixels, interpolation="none")
        ax.set_axis_off()


def source_entries(ids: list[str], catalogue: dict[str, dict], lang: str) -> list[tuple[str, str | None]]:
    """One (text, url) per source: 'Publisher, date: title. url [id]'."""
    from .citations import _NO_GLYPHS, publisher_label
    from .report import fmt_published

    out = []
    for sid in ids:
        row = catalogue.get(sid)
        if row is None:
            out.append((f"[{sid}] ({labels.text('report_unknown_source', lang)})", None))
            continue
        publisher = publisher_label(row["publisher"], lang, row.get("url"))
        title = _NO_GLYPHS.sub("…", (row.get("title") or "").strip())  # the font has no CJK glyphs
        title = "" if not title.strip("… ()[]") else title
        # the font has no CJK glyphs: such characters in a URL are shown (and linked) percent-encoded
        url = quote((row.get("url") or "").strip(), safe=":/?#[]@!$&'()*+,;=%~-._") or None
        parts = [f"{publisher}, {fmt_published(row.get('published', ''), lang)}:"]
        if title:
            parts.append(f"{title}.")
        if url:
            parts.append(url)
        parts.append(f"[{sid}]")
        out.append((" ".join(parts), url))
    return out


def write_pdf(path: Path, lang: str, sections, catalogue: dict[str, dict], info, figures_dir: Path) -> Path:
    """Write the report of ``sections`` (vnjp.report.Section, figures with their metadata read) to ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    from .report import colophon_lines, figures_count, grid_figure_labels, grid_summary, grouped

    title = labels.text("report_title", lang)

    def write(tmp: Path) -> None:
        with plt.rc_context({"font.family": "DejaVu Sans", "pdf.fonttype": 42, "svg.hashsalt": "vnjp"}), \
                PdfPages(tmp, metadata={**METADATA, "Title": title}) as pdf:
            pages = _Pages(pdf, lang, title)
            pages.new_page()
            pages.text(title, 16, weight="bold")
            pages.text(labels.text("report_intro", lang), 9.5, gap=0.15)
            pages.text(labels.text("report_contents", lang), 11, weight="bold", gap=0.25)
            groups = grouped(sections)  # a grid's members: one entry, then their figures in order
            for group in groups:
                s = group[0]
                n = sum(len(m.figures) for m in group)
                count = f" ({figures_count(n, lang)})" if n else ""
                pages.text(f"{s.title}{count}", 9.5, indent=0.15, gap=0.03)
                if s.run.grid:
                    pages.text(grid_summary(group, lang), 8, indent=0.3, color="#444444")
                for m in group:
                    if m.message:
                        pages.text(f"{m.run.member}: {m.message}" if m.run.grid else m.message, 8, indent=0.3,
                                   color="#8a5a00")
            pages.text("", 9, gap=0.15)
            for line in colophon_lines(info, lang):
                pages.text(line, 8.5, gap=0.05, color="#444444")
            number = 0
            for s in (m for group in groups for m in group):
                if s.run.grid:
                    numbers = grid_figure_labels(s)
                else:
                    numbers = [str(number + i) for i in range(1, len(s.figures) + 1)]
                    number += len(s.figures)
                for fig, label in zip(s.figures, numbers):
                    meta = fig.meta or {}
                    what = f"{s.title}: {s.run.member}" if s.run.grid else s.title
                    head = f"{labels.text('report_figure', lang, n=label)} {what}"
                    pages.new_page()
                    pages.continued = f"{head} ({labels.text('pdf_continued', lang)})"
                    pages.text(head, 8, color="#555555")
                    pages.text(meta.get("Title", fig.stem), 11, weight="bold", gap=0.05)
                    pages.image(figures_dir / f"{fig.stem}.png")
                    if fig.note:
                        pages.text(fig.note, 8, gap=0.05)
                    pages.text(labels.text("report_alt", lang), 9, weight="bold", gap=0.12)
                    pages.text(meta.get("Description", ""), 8)
                    pages.text(labels.text("report_sources_heading", lang, n=len(fig.sources)), 9, weight="bold",
                               gap=0.12)
                    for entry, url in source_entries(fig.sources, catalogue, lang):
                        pages.text(entry, 6.8, url=url, gap=0.02, indent=0.1)
                    pages.continued = ""
            pages.finish()

    return write_atomically(Path(path), write)
