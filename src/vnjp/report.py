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

import html
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import labels
from .pngmeta import read_metadata
from .records import MARKER, NOTEBOOK_HTML, Run, _run_dir, _sha, cache_key, check_owned, mark, read_record, umask_mode

LANGS = labels.LANGS


# --------------------------------------------------------------------------- notebook pages


def notebook_fragment(executed: Path) -> str:
    """The executed notebook as HTML with its code cells' input hidden (nbconvert's basic template).

    The basic template gives the cells only: no MathJax, require.js or other script from a
    CDN (which nbconvert's lab and classic templates reference); the report adds the page
    around it and its own style.
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, anchor_link_text="")
    body, _resources = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return body


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


@dataclass
class Figure:
    stem: str
    meta: dict | None = None  # Title (caption), Description (alt text), Source, Language: read when drawn


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


def analysis_name(run: Run) -> str:
    lang = run.parameters.get("lang")
    return run.name[: -len(lang) - 1] if lang and run.name.endswith(f"-{lang}") else run.name


def notebook_title(notebook: Path) -> str:
    """The first ``# `` heading of the notebook's first markdown cell that has one."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def section_title(run: Run, lang: str, root: Path) -> str:
    """The label ``section_<analysis>`` in ``lang`` when the texts define one (the notebooks are
    written in English, so this is how a Vietnamese page gets Vietnamese section titles), else the
    notebook's first heading."""
    key = f"section_{analysis_name(run)}"
    if key in labels.TEXT:
        return labels.text(key, lang)
    return notebook_title(root / run.notebook)


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
    section.figures = [Figure(stem.format(**run.parameters)) for stem in run.figures]
    return section


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
"""

NOTEBOOK_STYLE = """
.notebook table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; display: block; overflow-x: auto; }
.notebook th, .notebook td { border: 1px solid var(--rule); padding: 0.2rem 0.5rem; text-align: right; }
.notebook pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; font-size: 0.85rem; }
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


def index_page(lang: str, sections: list[Section]) -> str:
    other = [x for x in LANGS if x != lang]
    switch = " · ".join(f'<a href="../{x}/index.html" hreflang="{x}" lang="{x}">'
                        f'{_e(labels.text("report_language_name", x))}</a>' for x in other)
    title = labels.text("report_title", lang)
    toc = []
    for s in sections:
        count = f' ({_e(labels.text("report_figures_count", lang, n=len(s.figures)))})' if s.figures else ""
        toc.append(f'<li><a href="#{_e(s.analysis)}">{_e(s.title)}</a>{count}</li>')
    parts = [f'<header>\n<p class="switch">{switch}</p>\n<h1>{_e(title)}</h1>\n'
             f'<p>{_e(labels.text("report_intro", lang))}</p>\n']
    if sections:
        parts.append(f'<nav><h2>{_e(labels.text("report_contents", lang))}</h2>\n<ol>\n' + "\n".join(toc)
                     + "\n</ol></nav>\n")
    parts.append("</header>\n<main>\n")
    if not sections:
        parts.append(f'<p class="status">{_e(labels.text("report_no_analyses", lang))}</p>\n')
    number = 0
    for s in sections:
        parts.append(f'<section id="{_e(s.analysis)}">\n<h2>{_e(s.title)}</h2>\n{_notebook_link(s)}\n')
        if s.message:
            parts.append(f'<p class="status {s.status}">{_e(s.message)}</p>\n')
        for fig in s.figures:
            number += 1
            meta = fig.meta
            parts.append(
                f'<figure id="{_e(fig.stem)}">\n'
                f'<a href="../figures/{_e(fig.stem)}.svg"><img src="../figures/{_e(fig.stem)}.png" '
                f'alt="{_e(meta["Description"])}"></a>\n<figcaption>\n'
                f'<p class="caption">{_e(labels.text("report_figure", lang, n=number))} {_e(meta["Title"])}</p>\n'
                f'<p class="source">{_e(meta["Source"])}</p>\n'
                f'<details><summary>{_e(labels.text("report_alt", lang))}</summary>'
                f'<p>{_e(meta["Description"])}</p></details>\n'
                f'<p class="meta"><a href="../figures/{_e(fig.stem)}.svg">{_e(labels.text("report_svg", lang))}</a>'
                f' · <code>figures/{_e(fig.stem)}.png</code></p>\n'
                f'</figcaption>\n</figure>\n')
        parts.append("</section>\n")
    parts.append("</main>")
    return _page(lang, title, "".join(parts))


def notebook_page(section: Section, fragment: str) -> str:
    lang, run = section.lang, section.run
    params = ", ".join(f"{k}={v!r}" for k, v in run.parameters.items())
    back = f'<a href="../{lang}/index.html#{_e(section.analysis)}">← {_e(labels.text("report_back", lang))}</a>'
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

    def summary(self) -> str:
        shown = sum(len(s.figures) for s in self.sections)
        state = "written" if self.rebuilt else "unchanged"
        lines = [f"report ({state}, {shown} figures): {', '.join(str(p) for p in self.pages.values())}"]
        lines += [f"  {s.run.name}: {s.status}" for s in self.sections if s.status != "ok"]
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


STAMP = ".inputs"  # in the report folder: the digest of what it was assembled from
REPORT_ENTRIES = (STAMP, "index.html", "figures", "notebooks", *LANGS)  # a report written before markers


def _stamp(sections: list[Section], build: Path) -> str:
    """Digest of everything a report is assembled from: unchanged, the report needs no rewrite."""
    package = Path(__file__).parent
    state = [sorted((str(p.relative_to(package)), _sha(p)) for p in package.rglob("*.py"))]
    for s in sections:
        state.append([s.run.name, s.run.notebook, s.run.parameters, list(s.run.figures), s.status, s.message,
                      s.title, [f.stem for f in s.figures], _sha(s.fragment) if s.fragment else None,
                      read_record(build, s.run)])
    return json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)


def assemble(runs: list[Run], *, root: Path, build: Path, figures: Path, data_dir: Path, out: Path) -> Report:
    """Write the report of ``runs`` (in their order) to ``out``, replacing what it wrote there before.

    ``out`` must be new, empty, or a report folder this function wrote (it carries the marker
    :data:`vnjp.records.MARKER` listing its files); any other folder is refused with
    :class:`vnjp.records.NotOwned` before anything is written, so no file a user put there is
    ever deleted. When nothing it is made from has changed since the last assembly into ``out``,
    the files are left as they are (so that a run of run_all.py with nothing to do stays fast).
    """
    check_owned(out, "report folder", REPORT_ENTRIES, signature=STAMP)
    sections = [section_of(r, root=root, build=build, figures=figures, data_dir=data_dir) for r in runs]
    pages = {lang: out / lang / "index.html" for lang in LANGS}
    stamp = _stamp(sections, build)
    try:
        if (out / STAMP).read_text(encoding="utf-8") == stamp and all(p.exists() for p in pages.values()):
            return Report(out, pages, sections, [], rebuilt=False)
    except OSError:
        pass
    for s in sections:
        for fig in s.figures:
            fig.meta = read_metadata(figures / f"{fig.stem}.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    # a fresh sibling of our own (never a name a user may have: mkdtemp picks an unused one)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.vnjp-new-", dir=out.parent))
    tmp.chmod(umask_mode())
    try:
        for sub in ("figures", "notebooks", *LANGS):
            (tmp / sub).mkdir(parents=True)
        warnings = []
        for s in sections:
            for fig in s.figures:
                for ext in (".png", ".svg"):
                    shutil.copyfile(figures / f"{fig.stem}{ext}", tmp / "figures" / f"{fig.stem}{ext}")
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
            (tmp / lang / "index.html").write_text(index_page(lang, [s for s in sections if s.lang == lang]),
                                                  encoding="utf-8")
        (tmp / "index.html").write_text(chooser_page(), encoding="utf-8")
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
    return Report(out, pages, sections, warnings)
