"""Tables for the report: the claims check's full verdict table, as CSV and as an HTML table.

A notebook calls :func:`save_verdicts` with the table :func:`vnjp.claims.check` returns; it writes
``claims_verdicts_table_<lang>.csv`` and ``claims_verdicts_table_<lang>.table.html`` into
:func:`vnjp.paths.tables_dir` (under the runner: ``build/runs/<run>/tables/``, never ``figures/``).
The report (:mod:`vnjp.report`) shows every ``*.table.html`` of a run at the end of its section,
with a link to the CSV beside it. Both files are byte-stable for the same input.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from . import labels, paths
from .files import write_atomically

#: The columns of the verdict table, in order (what a reader needs to follow each verdict).
VERDICT_COLUMNS = ("claim_id", "seed", "claim", "stated", "data", "arithmetic", "verdict", "sources")


def verdict_rows(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per claim of ``table`` (vnjp.claims.check's columns): the claim, what was stated, what
    the data give, the arithmetic, the verdict in ``lang`` and the ``source_id``s it rests on."""
    labels._check_lang(lang)
    needed = {"claim_id", "source_id", "claim_en", "stated", "data", "arithmetic", "verdict", "data_source_ids"}
    missing = sorted(needed - set(table.columns))
    if missing:
        raise KeyError(f"the verdict table lacks columns {missing}")

    def verdict(value) -> str:
        key = f"verdict_{value}"
        return labels.text(key, lang) if key in labels.TEXT else str(value)

    def ids(value) -> str:
        if isinstance(value, (list, tuple)):
            return "; ".join(str(v) for v in value)
        return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)

    out = pd.DataFrame({
        "claim_id": table["claim_id"].astype(str),
        "seed": table["source_id"].astype(str),
        "claim": table["claim_en"].fillna("").astype(str),
        "stated": table["stated"].fillna("").astype(str),
        "data": table["data"].fillna("").astype(str),
        "arithmetic": table["arithmetic"].fillna("").astype(str),
        "verdict": table["verdict"].map(verdict),
        "sources": table["data_source_ids"].map(ids),
    })
    return out.reset_index(drop=True)[list(VERDICT_COLUMNS)]


def to_csv(rows: pd.DataFrame) -> bytes:
    return rows.to_csv(index=False, lineterminator="\n").encode("utf-8")


def to_html(rows: pd.DataFrame, caption: str, headers: dict[str, str] | None = None) -> str:
    """``rows`` as an HTML table (no script, no style attribute: the report's style sheet sets it)."""
    headers = headers or {}
    head = "".join(f'<th scope="col">{html.escape(headers.get(c, c))}</th>' for c in rows.columns)
    body = []
    for record in rows.itertuples(index=False):
        cells = "".join(f"<td>{html.escape(str(v))}</td>" for v in record)
        body.append(f"<tr>{cells}</tr>")
    return (f'<table class="data">\n<caption>{html.escape(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n'
            f'<tbody>\n' + "\n".join(body) + "\n</tbody>\n</table>\n")


def save_table(rows: pd.DataFrame, stem: str, caption: str, *, headers: dict[str, str] | None = None,
               directory: Path | None = None) -> tuple[Path, Path]:
    """Write ``<stem>.csv`` and ``<stem>.table.html`` (which the report shows) into ``directory``."""
    directory = Path(directory) if directory is not None else paths.tables_dir()
    csv_path, html_path = directory / f"{stem}.csv", directory / f"{stem}.table.html"
    write_atomically(csv_path, to_csv(rows))
    write_atomically(html_path, to_html(rows, caption, headers).encode("utf-8"))
    return csv_path, html_path


def save_verdicts(table: pd.DataFrame, lang: str, *, directory: Path | None = None) -> tuple[Path, Path]:
    """The claims check's full verdict table (``table`` from vnjp.claims.check) for the report, in ``lang``."""
    rows = verdict_rows(table, lang)
    headers = {c: labels.text(f"table_verdicts_{c}", lang) for c in VERDICT_COLUMNS}
    return save_table(rows, f"claims_verdicts_table_{lang}", labels.text("table_verdicts_caption", lang, n=len(rows)),
                      headers=headers, directory=directory)
