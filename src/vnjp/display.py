"""Tables for readers of a notebook page, in the page's language.

``show(frame, lang)`` returns a :class:`Table` that Jupyter (and nbconvert, which renders the report's
notebook pages) displays as HTML:

- numbers in the language's style (``vnjp.labels``): 159,986 / 159.986; shares as 43.1% / 43,1%;
- a missing value (``None``, ``NaN``, ``<NA>``, ``NaT``, empty text) as "–", never ``<NA>`` or ``NaN``;
- ISO codes of markets as their names (``vnjp.labels.place``), in the cells and in the headers;
- headers translated (``col_<name>`` in ``vnjp/texts/display.py``, or ``headers=``);
- no horizontal scrolling at 1,000 px: the table takes at most the width of the page, numbers never
  break, long text wraps, and only the columns asked for are shown.

The notebooks call it for every table a reader sees; logic lives here so it can be tested.
"""

from __future__ import annotations

import datetime as _dt
import html
import math
import re
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from . import labels

MISSING = "–"  # en dash: what a reader sees for a value the data do not hold

#: Column names shown as a percentage (a fraction 0.431 -> 43.1%) unless told otherwise.
PCT_NAMES = ("share", "women_share", "sent_over_plan", "share_of_total")

#: Column names whose whole numbers are written without a thousands separator (2006, not 2.006).
PLAIN_NAMES = ("year", "period", "months", "partial_months", "partial_months_sent", "row", "rank")

#: Columns whose text is an ISO date ('2016-12-31', '1992-11', '1992'), written as the language writes dates.
DATE_NAMES = ("date",)
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

#: A text column whose longest cell is longer than this (characters) wraps, anywhere if it must, in a cell
#: at least WRAP_MIN wide; shorter ones (codes, short words) never break.
WRAP_AT = 12
WRAP_MIN = "6em"

STYLE = ("border-collapse:collapse;font-size:0.85rem;margin:0.5rem 0;max-width:100%;width:auto;"
         "display:table;table-layout:auto")
TH_STYLE = ("border:1px solid #d0d7de;padding:0.2rem 0.45rem;text-align:left;vertical-align:bottom;background:#f6f8fa;"
            "overflow-wrap:normal;word-break:normal")  # a header breaks between words only
NUM_STYLE = "border:1px solid #d0d7de;padding:0.2rem 0.45rem;text-align:right;white-space:nowrap;vertical-align:top"
TEXT_STYLE = "border:1px solid #d0d7de;padding:0.2rem 0.45rem;text-align:left;vertical-align:top"
SHORT_STYLE = TEXT_STYLE + ";white-space:nowrap"
WRAP_STYLE = TEXT_STYLE + f";min-width:{WRAP_MIN};overflow-wrap:anywhere"


def is_missing(value) -> bool:
    """True for None, NaN, pandas.NA, NaT and empty or blank text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(pd.isna(value)) if pd.api.types.is_scalar(value) else False
    except (TypeError, ValueError):
        return False


def header(name, lang: str, headers: Mapping | None = None) -> str:
    """What a column called ``name`` is headed in ``lang``: ``headers[name]`` (a label key or the text
    itself), else the label ``col_<name>``, else the market's name for an ISO code, else the name."""
    if isinstance(name, tuple):
        return " · ".join(header(part, lang, headers) for part in name if not is_missing(part) and str(part))
    if headers and name in headers:
        given = headers[name]
        return labels.text(given, lang) if given in labels.TEXT else str(given)
    key = f"col_{name}"
    if key in labels.TEXT:
        return labels.text(key, lang)
    if isinstance(name, str) and name in labels.PLACES:
        return labels.place(name, lang)
    return str(name)


def cell(value, lang: str, *, pct: bool = False, decimals: int | None = None,
         keys: str | None = None, plain: bool = False, date: bool = False) -> tuple[str, bool]:
    """``value`` as text in ``lang``, and whether it is a number (set right-aligned, never broken).
    ``plain``: a whole number is written as it is (a year, a count of months), without grouping.
    ``date``: text such as '2016-12-31' or '1992-11' is a date written as the language writes it."""
    if isinstance(value, (list, tuple, set)):
        parts = [cell(v, lang, keys=keys)[0] for v in value if not is_missing(v)]
        return ("; ".join(parts) or MISSING), False
    if is_missing(value):
        return MISSING, False
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return labels.text("yes" if value else "no", lang), False
    if isinstance(value, (pd.Timestamp, _dt.datetime, _dt.date)):
        return labels.fmt_date(value, lang), True
    if isinstance(value, numbers.Number):
        number = float(value)
        if pct:
            return labels.fmt_pct(number, lang, 1 if decimals is None else decimals), True
        if decimals is not None:
            return labels.fmt_num(number, lang, decimals), True
        if number.is_integer():
            return (str(int(number)) if plain else labels.fmt_int(number, lang)), True
        return labels.fmt_num(number, lang, 2), True
    text = str(value)
    if date and ISO_DATE.fullmatch(text):
        from .report import fmt_published

        return fmt_published(text, lang), True
    if keys is not None and f"{keys}{text}" in labels.TEXT:
        return labels.text(f"{keys}{text}", lang), False
    if text in labels.PLACES:
        return labels.place(text, lang), False
    return text, False


def _last(column):
    """A column's own name: the last level of a column of several levels (``("JPN", "value")`` -> "value")."""
    if isinstance(column, tuple):
        named = [part for part in column if part != ""]
        return named[-1] if named else ""
    return column


def _plain(column) -> bool:
    return _last(column) in PLAIN_NAMES or str(_last(column)).endswith("_year")


def _lookup(mapping: Mapping, column):
    return mapping[column] if column in mapping else mapping.get(_last(column))


@dataclass
class Table:
    """A formatted table: ``rows`` of text, its ``headers``, which columns are numbers and which wrap."""
    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    wrap: list[bool]
    caption: str = ""
    lang: str = "en"
    note: str = ""
    untranslated: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        return self.html()

    def html(self) -> str:
        head = "".join(f'<th scope="col" style="{TH_STYLE}">{html.escape(h)}</th>' for h in self.headers)
        body = []
        for row in self.rows:
            tds = "".join(
                f'<td style="{NUM_STYLE if num else WRAP_STYLE if wrap else SHORT_STYLE}">{html.escape(v)}</td>'
                for v, num, wrap in zip(row, self.numeric, self.wrap))
            body.append(f"<tr>{tds}</tr>")
        caption = (f'<caption style="text-align:left;font-weight:600;padding:0.2rem 0">{html.escape(self.caption)}'
                   f"</caption>") if self.caption else ""
        note = f'<p style="font-size:0.85rem;color:#57606a">{html.escape(self.note)}</p>' if self.note else ""
        return (f'<div class="vnjp-table" lang="{self.lang}" style="max-width:100%">'
                f'<table class="vnjp" style="{STYLE}">{caption}<thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table>{note}</div>')

    def __repr__(self) -> str:  # what a terminal or text/plain shows
        widths = [max([len(h), *(len(r[i]) for r in self.rows)]) for i, h in enumerate(self.headers)]
        lines = ["  ".join(h.ljust(w) for h, w in zip(self.headers, widths))]
        lines += ["  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(r, widths, self.numeric))
                  for r in self.rows]
        if self.caption:
            lines.insert(0, self.caption)
        if self.note:
            lines.append(self.note)
        return "\n".join(line.rstrip() for line in lines)


def show(frame: pd.DataFrame | pd.Series, lang: str, *, columns: Iterable | None = None,
         headers: Mapping | None = None, pct: Iterable | bool = (), decimals: Mapping | None = None,
         keys: Mapping | None = None, index: bool | None = None, caption: str = "",
         max_rows: int | None = None) -> Table:
    """``frame`` formatted for a reader in ``lang`` (see the module's text).

    columns: the columns to show, in order (internal ones left out); default all.
    headers: column -> label key or text. pct: the columns holding fractions to show as
    percentages (``True``: every numeric column); by default the columns named in :data:`PCT_NAMES`.
    decimals: column -> decimals for non-integer numbers (default 2; 1 for percentages).
    keys: column -> label prefix: a cell ``v`` shows ``labels.text(prefix + v)`` when that label exists.
    index: show the index as the first column(s) (default: when it has a name, e.g. after ``set_index``).
    max_rows: show the first rows only and say how many were left out.
    """
    labels._check_lang(lang)
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(frame.name if frame.name is not None else "value")
    if index is None:
        index = any(name is not None for name in frame.index.names)
    index_cols = []
    if index:
        names = [n if n is not None else "" for n in frame.index.names]
        frame = frame.copy()
        frame.index = frame.index.set_names([n if n else f"level_{i}" for i, n in enumerate(names)])
        frame = frame.reset_index()
        frame = frame.rename(columns={f"level_{i}": "" for i, n in enumerate(names) if not n})
        index_cols = list(frame.columns[:len(names)])
    if columns is not None:
        columns = list(columns)
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise KeyError(f"no column {missing} to show; the table has {list(frame.columns)}")
        frame = frame[columns]
    decimals = dict(decimals or {})
    keys = dict(keys or {})
    numeric_cols = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
                    and not pd.api.types.is_bool_dtype(frame[c])]
    if pct is True:
        pct_cols = {c for c in numeric_cols if not _plain(c) and c not in index_cols}
    else:
        named = set(pct)
        pct_cols = {c for c in numeric_cols if c in named or _last(c) in named or _last(c) in PCT_NAMES}
    left_out = 0
    if max_rows is not None and len(frame) > max_rows:
        left_out = len(frame) - max_rows
        frame = frame.head(max_rows)
    heads = [header(c, lang, headers) for c in frame.columns]
    rows, kinds = [], []
    for record in frame.itertuples(index=False, name=None):
        cells = [cell(value, lang, pct=col in pct_cols, decimals=_lookup(decimals, col), keys=_lookup(keys, col),
                      plain=_plain(col), date=_last(col) in DATE_NAMES)
                 for col, value in zip(frame.columns, record)]
        rows.append([text for text, _ in cells])
        kinds.append([is_number for _, is_number in cells])
    numeric = [any(k[j] for k in kinds) and all(k[j] or r[j] == MISSING for k, r in zip(kinds, rows))
               for j in range(len(heads))]
    wrap = [not num and any(len(r[j]) > WRAP_AT for r in rows) for j, num in enumerate(numeric)]
    untranslated = [str(c) for c, h in zip(frame.columns, heads)
                    if lang != "en" and h == str(c) and isinstance(c, str) and "_" in c]
    note = labels.text("display_rows_left_out", lang, n=labels.fmt_int(left_out, lang)) if left_out else ""
    return Table(heads, rows, numeric, wrap, caption, lang, note, untranslated)
