"""The report: every figure in reading order, per language, and each executed notebook as a page.

``run_all.py`` assembles it after the notebooks have run (:func:`vnjp.runner.main` calls
:func:`assemble`), from what the runs left in ``build/runs/<run>/``: the run record
(``run.json``, via :mod:`vnjp.records`), the notebook rendered to HTML by the worker that executed it
(``notebook.html``) and the figures. Nothing is executed here. The layout::

    build/report/index.html         the two languages
    build/report/en/index.html      English: every figure, grouped by analysis, in registry order
    build/report/vi/index.html      Vietnamese
    build/report/figures/           the PNG and SVG files shown
    build/report/notebooks/<run>.html  each executed notebook, code hidden

Caption, alt text and source line are read from each PNG (:func:`vnjp.figures.read_metadata`);
a section's title is the first ``# `` heading of its notebook. A run that failed, timed out,
has not run or is out of date gets a sentence saying so instead of figures. The pages carry
their own style sheet and no script; every resource is a relative file path, so the report
opens from the file system with no server and no network.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from . import labels
from .citations import publisher_label
from .pngmeta import read_metadata
from .files import umask_mode
from .records import (MARKER, NOTEBOOK_HTML, TABLES, Run, _run_dir, _sha, cache_key, check_owned, mark,
                      package_files, read_record)

LANGS = labels.LANGS


# --------------------------------------------------------------------------- notebook pages


LANG_TAG = "lang-{lang}"  # a cell tagged so is written in that language; a cell without such a tag is shown in both


def cell_langs(cell) -> set[str]:
    """The languages a notebook cell is tagged with (``lang-en``, ``lang-vi``); empty: the cell is for both."""
    tags = (cell.get("metadata") or {}).get("tags") or []
    return {t.removeprefix("lang-") for t in tags if isinstance(t, str) and t.startswith("lang-")}


def shows_in(cell, lang: str) -> bool:
    """Whether a page in ``lang`` shows ``cell``: untagged cells and cells tagged ``lang-<lang>``."""
    langs = cell_langs(cell)
    return not langs or lang in langs


def run_lang(nb) -> str:
    """The language a notebook was executed in: its ``lang`` parameter (papermill's record), else "en"."""
    lang = ((nb.get("metadata") or {}).get("papermill") or {}).get("parameters", {}).get("lang", "en")
    return lang if lang in LANGS else "en"


def notebook_fragment(executed: Path, lang: str | None = None) -> str:
    """The executed notebook as HTML with its code cells' input hidden (nbconvert's basic template),
    showing only the cells of the page's language: untagged cells and those tagged ``lang-<lang>``
    (``lang`` defaults to the run's ``lang`` parameter).

    The basic template gives the cells only: no MathJax, require.js or other script from a
    CDN (which nbconvert's lab and classic templates reference); the report adds the page
    around it and its own style.
    """
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    lang = lang or run_lang(nb)
    labels._check_lang(lang)
    nb.cells = [cell for cell in nb.cells if shows_in(cell, lang)]
    body, _resources = fragment_exporter().from_notebook_node(nb)
    return body


@functools.lru_cache(maxsize=1)
def fragment_exporter():
    """The exporter of :func:`notebook_fragment`, made once per process (its templates load on first use)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True, anchor_link_text="")


_RESOURCE_ATTRS = {"src", "srcset", "href", "data", "poster", "background", "action", "formaction", "xlink:href"}
_LINK_TAGS = {"a", "area"}  # followed only when clicked, never loaded with the page
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*([^'")\s]+)""", re.IGNORECASE)


def _is_remote(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:", "ws:", "wss:"))


class _ResourceFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.found.extend(u for u in _CSS_URL.findall(value) if _is_remote(u))
            elif name in _RESOURCE_ATTRS and tag not in _LINK_TAGS:
                urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
                self.found.extend(f"<{tag} {name}={u}>" for u in urls if _is_remote(u))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found.extend(u for u in _CSS_URL.findall(data) if _is_remote(u))


def remote_resources(page: str) -> list[str]:
    """Resources that ``page`` would fetch from the network when opened (links to click are not)."""
    finder = _ResourceFinder()
    finder.feed(page)
    finder.close()
    return finder.found


_TAG = re.compile(r"<(?!/)(?!a[\s>])(?!area[\s>])[a-zA-Z][^>]*>")
_ATTR = re.compile(r"""(\s)([a-zA-Z:-]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)""")


def _block_attr(match: re.Match) -> str:
    space, name, eq, quoted = match.groups()
    value = quoted.strip("\"'")
    urls = [part.split()[0] for part in value.split(",") if part.split()] if name.lower() == "srcset" else [value]
    if name.lower() in _RESOURCE_ATTRS and any(_is_remote(u) for u in urls):
        return f"{space}data-blocked-{name}{eq}{quoted}"
    return match.group(0)


def without_remote_resources(page: str) -> tuple[str, list[str]]:
    """``page`` with remote resource attributes renamed (``data-blocked-src=...``), and what was blocked.

    Raises ValueError when a remote resource remains that this cannot neutralise (in a style).
    """
    found = remote_resources(page)
    if not found:
        return page, []
    page = _TAG.sub(lambda m: _ATTR.sub(_block_attr, m.group(0)), page)
    left = remote_resources(page)
    if left:
        raise ValueError(f"could not neutralise remote resources: {left}")
    return page, found


# --------------------------------------------------------------------------- what each run left


SOURCES_KEY, NOTE_KEY = "Sources", "Note"  # PNG text keys written by vnjp.figures.save


@dataclass
class Figure:
    stem: str
    meta: dict | None = None  # Title (caption), Description (alt text), Source, Language: read when drawn
    sources: list[str] = field(default_factory=list)  # the source_ids the figure cites (PNG "Sources")
    note: str = ""  # the footer's note (PNG "Note")
    table: Path | None = None  # build/runs/<run>/tables/<stem>.csv: the rows the figure drew


@dataclass
class Table:
    """A table a run wrote for the report (vnjp.tables): an HTML fragment and the same rows as CSV."""
    stem: str
    html: Path
    csv: Path | None


@dataclass
class Section:
    run: Run
    lang: str
    analysis: str  # the run's name without its language suffix: the section's anchor
    title: str  # the notebook's first heading
    status: str  # ok, failed, timeout, stale, missing
    message: str = ""
    figures: list[Figure] = field(default_factory=list)
    fragment: Path | None = None  # build/runs/<run>/notebook.html, when the page can be shown
    tables: list[Table] = field(default_factory=list)


def analysis_name(run: Run) -> str:
    lang = run.parameters.get("lang")
    return run.name[: -len(lang) - 1] if lang and run.name.endswith(f"-{lang}") else run.name


def notebook_title(notebook: Path, lang: str = "en") -> str:
    """The first ``# `` heading of the first markdown cell in ``lang`` (untagged or tagged ``lang-<lang>``)
    that has one."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and shows_in(cell, lang):
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def section_title(run: Run, lang: str, root: Path) -> str:
    """The label ``section_<analysis>`` (``section_<grid>`` for a grid member) in ``lang`` when the texts
    define one (tests/test_report.py keeps it equal to the notebook's heading in that language), else the
    notebook's first heading in ``lang``."""
    key = f"section_{run.grid or analysis_name(run)}"
    if key in labels.TEXT:
        return labels.text(key, lang)
    return notebook_title(root / run.notebook, lang)


def section_of(run: Run, *, root: Path, build: Path, figures: Path, data_dir: Path) -> Section:
    """What the report can show for ``run``: its figures if its last run made the current ones."""
    lang = run.parameters.get("lang", "en")
    section = Section(run, lang, analysis_name(run), section_title(run, lang, root), "missing",
                      labels.text("report_status_missing", lang))
    record = read_record(build, run)
    if record is None:
        return section
    if record.get("key") != cache_key(run, root, data_dir):
        section.status = "stale"
        section.message = labels.text("report_status_stale", lang, detail=labels.text("report_stale_inputs", lang))
        return section
    fragment = _run_dir(build, run) / NOTEBOOK_HTML
    section.fragment = fragment if fragment.exists() else None
    section.status = record.get("status", "failed")
    if section.status != "ok":
        key = "report_status_timeout" if section.status == "timeout" else "report_status_failed"
        section.message = labels.text(key, lang, cell=record.get("cell") or "?", error=record.get("error", ""))
        return section
    for name in run.figure_files():
        path = figures / name
        if not path.exists() or _sha(path) != record.get("figures", {}).get(name):
            section.status = "stale"
            section.message = labels.text("report_status_stale", lang,
                                          detail=labels.text("report_stale_figure", lang, name=name))
            return section
    section.message = ""
    tables = _run_dir(build, run) / TABLES
    section.figures = [Figure(stem.format(**run.parameters)) for stem in run.figures]
    for fig in section.figures:
        csv_path = tables / f"{fig.stem}.csv"
        fig.table = csv_path if csv_path.exists() else None
    for fragment_path in sorted(tables.glob("*.table.html")) if tables.is_dir() else []:
        stem = fragment_path.name.removesuffix(".table.html")
        csv_path = tables / f"{stem}.csv"
        section.tables.append(Table(stem, fragment_path, csv_path if csv_path.exists() else None))
    return section


# --------------------------------------------------------------------------- citations and colophon


def load_sources(data_dir: Path) -> dict[str, dict]:
    """data/sources.csv as source_id -> row (the csv module: the report loads no pandas)."""
    path = data_dir / "sources.csv"
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return {row["source_id"]: row for row in csv.DictReader(fh)}
    except OSError:
        return {}


def png_text(path: Path) -> dict[str, str]:
    from PIL import Image

    with Image.open(path) as image:
        return dict(image.text)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_published(value: str, lang: str) -> str:
    """'2024-01-02' -> '2 Jan 2024' / '2/1/2024'; '2024-01' -> 'Jan 2024' / '1/2024'; empty -> undated."""
    value = (value or "").strip()
    parts = value.split("-")
    if not value:
        return labels.text("report_undated", lang)
    if not all(p.isdigit() for p in parts) or len(parts) > 3:
        return value
    year, rest = parts[0], [int(p) for p in parts[1:]]
    if lang == "vi":
        return "/".join([*(str(p) for p in reversed(rest)), year])
    if len(rest) == 2:
        return f"{rest[1]} {_MONTHS[rest[0] - 1]} {year}"
    if len(rest) == 1:
        return f"{_MONTHS[rest[0] - 1]} {year}"
    return year


def source_item(sid: str, catalogue: dict[str, dict], lang: str) -> str:
    """One source as a list item: publisher, date, title linked to its URL, and its id."""
    row = catalogue.get(sid)
    if row is None:
        return f'<li><code>{_e(sid)}</code> ({_e(labels.text("report_unknown_source", lang))})</li>'
    publisher = row["publisher"] if lang == "en" else publisher_label(row["publisher"], lang, row.get("url"))
    url = (row.get("url") or "").strip()
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    title = (row.get("title") or "").strip() or host or labels.text("report_untitled", lang)
    linked = f'<a href="{_e(url)}" hreflang="{_e(row.get("language") or "")}">{_e(title)}</a>' if url else _e(title)
    return (f'<li><span class="publisher">{_e(publisher)}</span>, {_e(fmt_published(row.get("published", ""), lang))}:'
            f' {linked} <code class="sid">{_e(sid)}</code></li>')


def source_list(ids: list[str], catalogue: dict[str, dict], lang: str) -> str:
    """The full list of a figure's sources, collapsed when it is long."""
    if not ids:
        return ""
    opened = " open" if len(ids) <= OPEN_SOURCE_LIST_UP_TO else ""
    items = "\n".join(source_item(sid, catalogue, lang) for sid in ids)
    heading = _e(labels.text("report_sources_heading", lang, n=len(ids)))
    return f'<details class="sources"{opened}><summary>{heading}</summary>\n<ol>\n{items}\n</ol></details>\n'


OPEN_SOURCE_LIST_UP_TO = 8


@dataclass
class Colophon:
    """What the report's footer says: the data's as-of date, the commit, whether the tree was modified."""
    as_of: str  # newest ``published`` date in data/sources.csv ("" if none)
    sources: int
    commit: str  # full hash or "unknown"
    modified: bool


def colophon(root: Path, data_dir: Path) -> Colophon:
    catalogue = load_sources(data_dir)
    dates = sorted(row["published"].strip() for row in catalogue.values() if (row.get("published") or "").strip())
    commit, modified = "unknown", False
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=10)
        if head.returncode == 0 and head.stdout.strip():
            commit = head.stdout.strip()
            status = subprocess.run(["git", "-C", str(root), "status", "--porcelain"], capture_output=True,
                                    text=True, timeout=30)
            modified = status.returncode != 0 or bool(status.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return Colophon(dates[-1] if dates else "", len(catalogue), commit, modified)


def colophon_lines(info: Colophon, lang: str) -> list[str]:
    """The footer's three sentences: data as of, the commit, how to cite (the HTML pages and the PDF)."""
    as_of = fmt_published(info.as_of, lang) if info.as_of else labels.text("report_undated", lang)
    if info.commit == "unknown":
        commit, short = labels.text("report_commit_unknown", lang), "unknown"
    else:
        short = info.commit[:12]
        modified = labels.text("report_commit_modified", lang) if info.modified else ""
        commit = labels.text("report_commit", lang, commit=short, modified=modified)
    cite = labels.text("report_cite", lang, title=labels.text("report_title", lang), commit=short, as_of=as_of)
    return [labels.text("report_as_of", lang, date=as_of, n=info.sources), commit,
            f'{labels.text("report_cite_heading", lang)}: {cite}']


def colophon_html(info: Colophon, lang: str) -> str:
    as_of, commit, cite = colophon_lines(info, lang)
    heading, _, text = cite.partition(": ")
    return (f'<footer class="colophon">\n<p>{_e(as_of)}</p>\n<p>{_e(commit)}</p>\n'
            f'<p>{_e(heading)}: <cite>{_e(text)}</cite></p>\n</footer>')


# --------------------------------------------------------------------------- pages

STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --accent: #0b5cad; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; }
a { color: var(--accent); }
header { margin-bottom: 1.5rem; }
.switch { float: right; margin: 0.3rem 0 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
nav h2 { border-top: none; margin-top: 1rem; padding-top: 0; }
nav ol { padding-left: 1.4rem; }
.meta, .source, .status { color: var(--muted); font-size: 0.92rem; }
.status { border-left: 4px solid #bf8700; padding: 0.4rem 0.8rem; background: #fff8e5; color: var(--ink); }
.status.failed, .status.timeout { border-color: #cf222e; background: #ffebe9; }
figure { margin: 1.5rem 0 2.5rem; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); display: block; }
figcaption { margin-top: 0.5rem; }
.caption { font-weight: 600; margin: 0 0 0.2rem; }
.source { margin: 0.2rem 0; }
details { font-size: 0.92rem; }
code { font-size: 0.9em; }
.note { font-size: 0.92rem; margin: 0.2rem 0; }
details.sources ol { padding-left: 1.6rem; margin: 0.3rem 0; }
details.sources li { margin: 0.15rem 0; overflow-wrap: anywhere; }
code.sid { color: var(--muted); white-space: nowrap; }
.table { overflow-x: auto; margin: 1.5rem 0; }
table.data { border-collapse: collapse; font-size: 0.85rem; }
table.data caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
table.data th, table.data td { border: 1px solid var(--rule); padding: 0.25rem 0.5rem; vertical-align: top;
                               text-align: left; }
footer.colophon { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: 1rem; color: var(--muted);
                  font-size: 0.92rem; }
"""

NOTEBOOK_STYLE = """
.notebook { max-width: 100%; }
.notebook p, .notebook li, .notebook pre, .notebook code { overflow-wrap: anywhere; }
.notebook table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; max-width: 100%; }
.notebook th, .notebook td { border: 1px solid var(--rule); padding: 0.2rem 0.5rem; text-align: right; }
.notebook pre { background: #f6f8fa; padding: 0.6rem; font-size: 0.85rem; white-space: pre-wrap;
                overflow-wrap: anywhere; }
.notebook img { max-width: 100%; height: auto; }
.notebook .output_error pre, .notebook .output_stderr pre { background: #ffebe9; }
.notebook .ansi-red-fg { color: #cf222e; } .notebook .ansi-green-fg { color: #116329; }
.notebook .ansi-cyan-fg { color: #1b7c83; } .notebook .ansi-blue-fg { color: #0550ae; }
.notebook .ansi-yellow-fg { color: #7d4e00; } .notebook .ansi-bold { font-weight: bold; }
"""


def _page(lang: str, title: str, body: str, style: str = STYLE) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _notebook_link(section: Section) -> str:
    lang = section.lang
    label = f'<code>{_e(section.run.notebook)}</code>'
    missing_page = ""
    if section.fragment is not None:
        label = f'<a href="../notebooks/{_e(section.run.name)}.html">{label}</a>'
    elif section.status not in ("missing", "stale"):
        executed = f"build/runs/{section.run.name}/{Path(section.run.notebook).name}"
        missing_page = " " + _e(labels.text("report_no_page", lang, path=executed))
    return (f'<p class="meta">{_e(labels.text("report_notebook", lang))}: {label} '
            f'({_e(labels.text("report_run", lang))} <code>{_e(section.run.name)}</code>).{missing_page}</p>')


def figures_count(n: int, lang: str) -> str:
    """'1 figure' / '2 figures' ('1 biểu đồ' / '2 biểu đồ': Vietnamese nouns do not inflect)."""
    return labels.text("report_figures_count_one" if n == 1 else "report_figures_count", lang, n=n)


def figure_html(fig: Figure, label: str, lang: str, catalogue: dict[str, dict]) -> str:
    """One figure: image (linking its SVG), caption, note, sources, text description, SVG and CSV links."""
    meta = fig.meta
    return (f'<figure id="{_e(fig.stem)}">\n'
            f'<a href="../figures/{_e(fig.stem)}.svg"><img src="../figures/{_e(fig.stem)}.png" '
            f'alt="{_e(meta["Description"])}"></a>\n<figcaption>\n'
            f'<p class="caption">{_e(labels.text("report_figure", lang, n=label))} {_e(meta["Title"])}</p>\n'
            + (f'<p class="note">{_e(fig.note)}</p>\n' if fig.note else "")
            + (source_list(fig.sources, catalogue, lang) if fig.sources
               else f'<p class="source">{_e(meta["Source"])}</p>\n')
            + f'<details><summary>{_e(labels.text("report_alt", lang))}</summary>'
            f'<p>{_e(meta["Description"])}</p></details>\n'
            f'<p class="meta"><a href="../figures/{_e(fig.stem)}.svg">{_e(labels.text("report_svg", lang))}</a>'
            + (f' · <a href="../data/{_e(fig.stem)}.csv" type="text/csv">'
               f'{_e(labels.text("report_data_csv", lang))}</a>'
               if fig.table is not None else f' · {_e(labels.text("report_no_data_csv", lang))}')
            + f' · <code>figures/{_e(fig.stem)}.png</code></p>\n'
            f'</figcaption>\n</figure>\n')


def section_body(s: Section, catalogue: dict[str, dict], labels_: list[str]) -> str:
    """A section's notebook link, status, figures (numbered by ``labels_``) and tables."""
    lang = s.lang
    parts = [f'{_notebook_link(s)}\n']
    if s.message:
        parts.append(f'<p class="status {s.status}">{_e(s.message)}</p>\n')
    for fig, label in zip(s.figures, labels_):
        parts.append(figure_html(fig, label, lang, catalogue))
    for table in s.tables:
        link = (f'<p class="meta"><a href="../data/{_e(table.stem)}.csv" type="text/csv">'
                f'{_e(labels.text("report_table_csv", lang))}</a></p>\n') if table.csv is not None else ""
        parts.append(f'<div class="table" id="{_e(table.stem)}">\n{table.html.read_text(encoding="utf-8")}\n'
                     f'{link}</div>\n')
    return "".join(parts)


def grouped(sections: list[Section]) -> list[list[Section]]:
    """Sections in reading order, a grid's members together (where its first member stands), in their order."""
    out: list[list[Section]] = []
    where: dict[str, list[Section]] = {}
    for s in sections:
        if not s.run.grid:
            out.append([s])
        elif s.run.grid in where:
            where[s.run.grid].append(s)
        else:
            where[s.run.grid] = [s]
            out.append(where[s.run.grid])
    return out


def _values_text(values: list[str]) -> str:
    """'2006, 2007, 2009' -> '2006–2007, 2009' (runs of years, :func:`vnjp.params.compress`); others as they are."""
    from .params import compress

    return compress(int(v) for v in values) if values and all(v.isdigit() for v in values) else ", ".join(values)


def grid_summary(members: list[Section], lang: str) -> str:
    """What a grid holds, in a sentence: how many members, which values, how many figures."""
    grid = members[0].run.grid
    key = f"report_grid_summary_{grid}"
    key = key if key in labels.TEXT else "report_grid_summary"
    n_figures = sum(len(s.run.figures) for s in members)
    return labels.text(key, lang, n=len(members), values=_values_text([s.run.member for s in members]),
                       figures=figures_count(n_figures, lang))


def grid_figure_labels(s: Section) -> list[str]:
    """A grid member's figures are numbered within their member: 2016.1, 2016.2, ..."""
    return [f"{s.run.member}.{i}" for i in range(1, len(s.figures) + 1)]


def grid_page(lang: str, members: list[Section], catalogue: dict[str, dict] | None = None,
              info: Colophon | None = None) -> str:
    """The page of one grid in one language: its members in order, each with its figures."""
    catalogue = catalogue or {}
    grid, title = members[0].run.grid, members[0].title
    back = f'<a href="index.html#{_e(grid)}">← {_e(labels.text("report_grid_back", lang))}</a>'
    toc = " · ".join(f'<a href="#{_e(s.analysis)}">{_e(s.run.member)}</a>' for s in members)
    parts = [f'<header>\n<p>{back}</p>\n<h1>{_e(title)}</h1>\n<p>{_e(grid_summary(members, lang))}</p>\n'
             f'<nav><p class="meta">{_e(labels.text("report_grid_members", lang))}: {toc}</p></nav>\n'
             f'</header>\n<main>\n']
    for s in members:
        parts.append(f'<section id="{_e(s.analysis)}">\n<h2>{_e(s.run.member)}</h2>\n'
                     f'{section_body(s, catalogue, grid_figure_labels(s))}</section>\n')
    parts.append("</main>\n")
    if info is not None:
        parts.append(colophon_html(info, lang))
    return _page(lang, f"{title} ({labels.text('report_title', lang)})", "".join(parts))


def index_page(lang: str, sections: list[Section], catalogue: dict[str, dict] | None = None,
               info: Colophon | None = None) -> str:
    other = [x for x in LANGS if x != lang]
    switch = " · ".join(f'<a href="../{x}/index.html" hreflang="{x}" lang="{x}">'
                        f'{_e(labels.text("report_language_name", x))}</a>' for x in other)
    title = labels.text("report_title", lang)
    catalogue = catalogue or {}
    groups = grouped(sections)
    toc = []
    for group in groups:
        s = group[0]
        anchor = s.run.grid or s.analysis
        n = sum(len(m.figures) for m in group)
        count = f' ({_e(figures_count(n, lang))})' if n else ""
        toc.append(f'<li><a href="#{_e(anchor)}">{_e(s.title)}</a>{count}</li>')
    parts = [f'<header>\n<p class="switch">{switch}</p>\n<h1>{_e(title)}</h1>\n'
             f'<p>{_e(labels.text("report_intro", lang))}</p>\n'
             f'<p class="meta"><a href="../{PDF_NAME.format(lang=lang)}" type="application/pdf">'
             f'{_e(labels.text("report_pdf", lang))}</a></p>\n']
    if sections:
        parts.append(f'<nav><h2>{_e(labels.text("report_contents", lang))}</h2>\n<ol>\n' + "\n".join(toc)
                     + "\n</ol></nav>\n")
    parts.append("</header>\n<main>\n")
    if not sections:
        parts.append(f'<p class="status">{_e(labels.text("report_no_analyses", lang))}</p>\n')
    number = 0
    for group in groups:
        s = group[0]
        if s.run.grid:  # one section linking the grid's own page
            grid = s.run.grid
            missing = [m.run.member for m in group if m.status != "ok"]
            not_shown = labels.text("report_grid_not_shown", lang, members=_values_text(missing))
            link = f"report_grid_link_{grid}" if f"report_grid_link_{grid}" in labels.TEXT else "report_grid_link"
            parts.append(f'<section id="{_e(grid)}">\n<h2>{_e(s.title)}</h2>\n'
                         f'<p>{_e(grid_summary(group, lang))}</p>\n'
                         f'<p><a href="{_e(grid)}.html">{_e(labels.text(link, lang, n=len(group)))}'
                         f'</a></p>\n'
                         + (f'<p class="status stale">{_e(not_shown)}</p>\n' if missing else "")
                         + "</section>\n")
            continue
        labels_ = [str(number + i) for i in range(1, len(s.figures) + 1)]
        number += len(s.figures)
        parts.append(f'<section id="{_e(s.analysis)}">\n<h2>{_e(s.title)}</h2>\n'
                     f'{section_body(s, catalogue, labels_)}</section>\n')
    parts.append("</main>\n")
    if info is not None:
        parts.append(colophon_html(info, lang))
    return _page(lang, title, "".join(parts))


def notebook_page(section: Section, fragment: str) -> str:
    lang, run = section.lang, section.run
    params = ", ".join(f"{k}={v!r}" for k, v in run.parameters.items())
    page = f"{run.grid}.html" if run.grid else "index.html"
    back = f'<a href="../{lang}/{_e(page)}#{_e(section.analysis)}">← {_e(labels.text("report_back", lang))}</a>'
    body = (f'<p>{back}</p>\n'
            f'<p class="meta">{_e(labels.text("report_notebook", lang))} <code>{_e(run.notebook)}</code>, '
            f'{_e(labels.text("report_run", lang))} <code>{_e(run.name)}</code>. '
            f'{_e(labels.text("report_parameters", lang))}: <code>{_e(params)}</code>. '
            f'{_e(labels.text("report_code_hidden", lang, path=run.notebook))}</p>\n')
    if section.message:
        body += f'<p class="status {section.status}">{_e(section.message)}</p>\n'
    body += f'<div class="notebook">\n{fragment}\n</div>'
    return _page(lang, f"{section.title} ({run.name})", body, STYLE + NOTEBOOK_STYLE)


def chooser_page() -> str:
    items = "\n".join(f'<li lang="{x}"><a href="{x}/index.html" hreflang="{x}">{_e(labels.text("report_title", x))}'
                      f'</a> ({_e(labels.text("report_language_name", x))})</li>' for x in LANGS)
    title = " / ".join(labels.text("report_title", x) for x in LANGS)
    return _page("en", title, f"<main>\n<ul>\n{items}\n</ul>\n</main>")


# --------------------------------------------------------------------------- assembly


@dataclass
class Report:
    out: Path
    pages: dict[str, Path]
    sections: list[Section]
    warnings: list[str]
    rebuilt: bool = True
    pdfs_reused: list[str] = field(default_factory=list)  # languages whose PDF was copied, its inputs unchanged

    def summary(self) -> str:
        shown = sum(len(s.figures) for s in self.sections)
        state = "written" if self.rebuilt else "unchanged"
        reused = f", PDF unchanged: {', '.join(self.pdfs_reused)}" if self.pdfs_reused else ""
        lines = [f"report ({state}, {shown} figures{reused}): {', '.join(str(p) for p in self.pages.values())}"]
        lines += [f"  {s.run.name}: {s.status}" for s in self.sections if s.status != "ok"]
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


STAMP = ".inputs"  # in the report folder: the digest of what it was assembled from
PDF_NAME = "report-{lang}.pdf"  # in the report folder: every figure of a language in one file
PDF_INPUTS = ".pdf-inputs.json"  # in the report folder: per language, what its PDF draws and the PDF's digest
REPORT_ENTRIES = (STAMP, PDF_INPUTS, "index.html", "figures", "notebooks", "data", *LANGS,
                  *(PDF_NAME.format(lang=lang) for lang in LANGS))  # a report written before markers


def _stamp(sections: list[Section], build: Path, info: Colophon | None = None, data_dir: Path | None = None) -> str:
    """Digest of everything a report is assembled from: unchanged, the report needs no rewrite."""
    from . import records

    state = [[(name, _sha(Path(records.PACKAGE_DIR) / name)) for name in package_files() if name.endswith(".py")]]
    state.append(dataclasses.asdict(info) if info is not None else None)
    sources = data_dir / "sources.csv" if data_dir is not None else None
    state.append(_sha(sources) if sources is not None and sources.exists() else None)
    for s in sections:
        state.append([s.run.name, s.run.notebook, s.run.parameters, list(s.run.figures), s.status, s.message,
                      s.title, [f.stem for f in s.figures], _sha(s.fragment) if s.fragment else None,
                      [_sha(f.table) if f.table else None for f in s.figures],
                      [[t.stem, _sha(t.html), _sha(t.csv) if t.csv else None] for t in s.tables],
                      read_record(build, s.run)])
    return json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)


def pdf_inputs(lang: str, sections: list[Section], catalogue: dict[str, dict], info: Colophon,
               figures: Path) -> str:
    """Digest of everything the PDF of ``lang`` draws (:func:`vnjp.pdf.write_pdf`): the package's source
    (layout, texts, labels), matplotlib's version (fonts, PDF writer), the colophon, and per section its
    title, status and message, per figure the PNG's bytes, caption, alt text, note and the catalogue rows
    of the sources it cites. Unchanged, the PDF written before from the same inputs is reused."""
    from importlib.metadata import version

    from .records import _package_digest

    state = {"format": 1, "package": _package_digest(), "matplotlib": version("matplotlib"), "lang": lang,
             "colophon": dataclasses.asdict(info),
             "sections": [[s.run.name, s.title, s.status, s.message,
                           [[f.stem, _sha(figures / f"{f.stem}.png"), f.meta, f.sources, f.note,
                             [catalogue.get(sid) for sid in f.sources]] for f in s.figures]]
                          for s in sections]}
    return hashlib.sha256(json.dumps(state, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _reusable_pdf(previous: Path, remembered, key: str) -> bool:
    """Whether ``previous`` (a PDF an earlier assembly wrote) was made from inputs with digest ``key`` and
    is still the file it wrote (its bytes' digest is the one remembered beside it)."""
    if not (isinstance(remembered, list) and len(remembered) == 2 and remembered[0] == key):
        return False
    if previous.is_symlink() or not previous.is_file():
        return False
    with open(previous, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest() == remembered[1]


def write_pdfs(jobs: list[tuple]) -> None:
    """Write the PDF of each language (arguments of :func:`vnjp.pdf.write_pdf`), one language per process:
    each takes tens of seconds (matplotlib sets every page), and the languages do not depend on each
    other. A child that fails makes this raise, like a failure in this process."""
    import traceback

    from .pdf import write_pdf

    children = []
    for job in jobs[1:]:
        pid = os.fork()
        if pid == 0:  # the child: write one PDF and leave without running the parent's clean-up
            code = 0
            try:
                write_pdf(*job)
            except BaseException:  # noqa: BLE001 -- reported by the parent through the exit code
                traceback.print_exc()
                code = 1
            os._exit(code)
        children.append((pid, job[0]))
    failed = []
    try:
        if jobs:
            write_pdf(*jobs[0])
    finally:
        for pid, path in children:
            _pid, status = os.waitpid(pid, 0)
            if status != 0:
                failed.append(Path(path).name)
    if failed:
        raise RuntimeError(f"could not write {', '.join(failed)} (see the traceback above)")


def assemble(runs: list[Run], *, root: Path, build: Path, figures: Path, data_dir: Path, out: Path) -> Report:
    """Write the report of ``runs`` (in their order) to ``out``, replacing what it wrote there before.

    ``out`` must be new, empty, or a report folder this function wrote (it carries the marker
    :data:`vnjp.records.MARKER` listing its files); any other folder is refused with
    :class:`vnjp.records.NotOwned` before anything is written, so no file a user put there is
    ever deleted. When nothing it is made from has changed since the last assembly into ``out``,
    the files are left as they are (so that a run of run_all.py with nothing to do stays fast); when
    something changed, a language's PDF (tens of seconds of matplotlib) is still copied from ``out``
    if what it draws did not change (:func:`pdf_inputs`; e.g. ``--force`` reran the notebooks and they
    made the same figures).
    """
    check_owned(out, "report folder", REPORT_ENTRIES, signature=STAMP)
    sections = [section_of(r, root=root, build=build, figures=figures, data_dir=data_dir) for r in runs]
    pages = {lang: out / lang / "index.html" for lang in LANGS}
    info = colophon(root, data_dir)
    stamp = _stamp(sections, build, info, data_dir)
    try:
        if (out / STAMP).read_text(encoding="utf-8") == stamp and all(p.exists() for p in pages.values()):
            return Report(out, pages, sections, [], rebuilt=False)
    except OSError:
        pass
    for s in sections:
        for fig in s.figures:
            png = figures / f"{fig.stem}.png"
            fig.meta = read_metadata(png)
            text = png_text(png)
            fig.sources = text.get(SOURCES_KEY, "").split()
            fig.note = text.get(NOTE_KEY, "")
    catalogue = load_sources(data_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    # a fresh sibling of our own (never a name a user may have: mkdtemp picks an unused one)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.vnjp-new-", dir=out.parent))
    tmp.chmod(umask_mode())
    try:
        for sub in ("figures", "notebooks", "data", *LANGS):
            (tmp / sub).mkdir(parents=True)
        warnings = []
        for s in sections:
            for fig in s.figures:
                for ext in (".png", ".svg"):
                    shutil.copyfile(figures / f"{fig.stem}{ext}", tmp / "figures" / f"{fig.stem}{ext}")
                if fig.table is not None:
                    shutil.copyfile(fig.table, tmp / "data" / f"{fig.stem}.csv")
            for table in s.tables:
                if table.csv is not None:
                    shutil.copyfile(table.csv, tmp / "data" / f"{table.stem}.csv")
            if s.fragment is not None:
                try:
                    fragment, blocked = without_remote_resources(s.fragment.read_text(encoding="utf-8"))
                except ValueError as exc:  # a style that loads from the network: leave the page out, say so
                    warnings.append(f"{s.run.name}: notebook page left out: {exc}")
                    s.fragment = None
                    continue
                warnings += [f"{s.run.name}: blocked a resource from the network: {b}" for b in blocked]
                (tmp / "notebooks" / f"{s.run.name}.html").write_text(notebook_page(s, fragment), encoding="utf-8")
        for lang in LANGS:
            of_lang = [s for s in sections if s.lang == lang]
            (tmp / lang / "index.html").write_text(index_page(lang, of_lang, catalogue, info), encoding="utf-8")
            for group in grouped(of_lang):
                if group[0].run.grid:  # a grid's members on a page of their own
                    (tmp / lang / f"{group[0].run.grid}.html").write_text(grid_page(lang, group, catalogue, info),
                                                                           encoding="utf-8")
        (tmp / "index.html").write_text(chooser_page(), encoding="utf-8")
        # a PDF whose inputs did not change since the last assembly into ``out`` is copied from there
        try:
            remembered = json.loads((out / PDF_INPUTS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            remembered = {}
        remembered = remembered if isinstance(remembered, dict) else {}
        keys, jobs, reused = {}, [], []
        for lang in LANGS:
            name, chosen = PDF_NAME.format(lang=lang), [s for s in sections if s.lang == lang]
            keys[lang] = pdf_inputs(lang, chosen, catalogue, info, figures)
            if _reusable_pdf(out / name, remembered.get(lang), keys[lang]):
                shutil.copyfile(out / name, tmp / name)
                reused.append(lang)
            else:
                jobs.append((tmp / name, lang, chosen, catalogue, info, figures))
        write_pdfs(jobs)
        digests = {}
        for lang in LANGS:
            with open(tmp / PDF_NAME.format(lang=lang), "rb") as fh:
                digests[lang] = [keys[lang], hashlib.file_digest(fh, "sha256").hexdigest()]
        (tmp / PDF_INPUTS).write_text(json.dumps(digests, indent=1, sort_keys=True), encoding="utf-8")
        (tmp / STAMP).write_text(stamp, encoding="utf-8")
        mark(tmp, [p.name for p in tmp.iterdir()] + [MARKER])
        check_owned(out, "report folder", REPORT_ENTRIES, signature=STAMP)  # again: nothing was added to it meanwhile
        old = tmp.with_name(tmp.name + "-old")
        if out.exists():
            out.rename(old)  # holds only what an earlier assembly wrote (checked above)
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
    return Report(out, pages, sections, warnings, pdfs_reused=reused)


# --------------------------------------------------------------------------- checks


_BROKEN = re.compile(r"[A-Za-z0-9]-\s*(?:\n|<br)")  # an id or word cut at a hyphen at the end of a line
_SID = re.compile(r'<code class="sid">([^<]*)</code>')


def id_problems(out: Path, catalogue: dict[str, dict]) -> list[str]:
    """Source ids in the report at ``out`` that are broken or unknown: any text line ending in a
    hyphen (an id wrapped at ``gugo-`` / ``vn-200810``) and any listed id not in data/sources.csv."""
    problems = []
    for page in sorted(out.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for match in _BROKEN.finditer(re.sub(r"<(?!br)[^>]+>", "", text)):
            problems.append(f"{page.relative_to(out)}: a line ends in a hyphen: {match.group(0)!r}")
        for sid in _SID.findall(text):
            if sid not in catalogue:
                problems.append(f"{page.relative_to(out)}: listed source id not in data/sources.csv: {sid}")
    return problems
