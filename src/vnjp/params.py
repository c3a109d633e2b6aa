"""The parameters of a notebook and the values each may take (its *domain*).

Each notebook declares, once, in the metadata of its ``parameters`` cell::

    "metadata": {"tags": ["parameters"], "vnjp": {"domain": {
        "year":  {"type": "int", "years_with": "departures_total"},
        "top_n": {"type": "int", "range": [1, 30]},
        "start_year": {"type": "int", "range": ["first:departures", "last:departures"], "at_most": "end_year"},
        "today": {"type": "date", "date": "%Y-%m-%d", "min": "1973-01-01", "max": "2100-12-31"},
        "categories": {"type": "list", "subset_of": "timeline.category", "min_items": 1},
        "lang": {"type": "str", "choices": ["en", "vi"]}}}}

Kinds of domain: ``range`` (inclusive; a bound is a number or ``"first:<set>"`` /
``"last:<set>"``), ``years_with`` (a year set computed from the data package),
``choices``, ``one_of`` (a value set computed from the data package), ``subset_of`` (a list, or a
value set computed from the data package),
``date`` (a ``strptime`` format, with optional ``min``/``max``). ``at_most`` /
``at_least`` name another parameter the value may not exceed / fall below.

Data-dependent sets (:data:`YEAR_SETS`, :data:`VALUE_SETS`) are computed from ``data/``
here, never typed, so a new row widens the domain by itself. Names, defaults and help come
from ``papermill.inspect_notebook``; this module adds the domain and the checks
``run_all.py`` makes before any kernel starts. Reading a domain only reads the notebook's
JSON; pandas and papermill are imported only when a value has to be checked against data
or a notebook has no declared domain.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

LANGS = ("en", "vi")
TYPES = ("int", "float", "str", "date", "list", "bool")


class DomainError(ValueError):
    """A value outside its parameter's domain (or of the wrong type)."""


# --------------------------------------------------------------------------- data-dependent sets


def _departures_years(*full_totals: str) -> list[int]:
    """Years with a count of workers sent; with ``full_totals``, years with a full-year headline
    count (both sexes) for every one of those destinations."""
    from .departures import headline_rows

    rows = headline_rows()
    rows = rows[rows["measure"] == "workers_sent"]
    if not full_totals:
        return sorted({int(y) for y in rows["year"].dropna()})
    full = rows[(rows["period"] == "full_year") & (rows["sex"] == "all")]
    years = [{int(y) for y in full.loc[full["destination"] == d, "year"].dropna()} for d in full_totals]
    return sorted(set.intersection(*years))


def _market_years() -> list[int]:
    """Years with DOLAB's breakdown by market: a full-year headline total and, the same year, at least
    one market's full-year count (both sexes) — the years :func:`vnjp.departures.markets` has rows for."""
    from .departures import headline_rows

    rows = headline_rows()
    full = rows[(rows["measure"] == "workers_sent") & (rows["period"] == "full_year") & (rows["sex"] == "all")]
    totals = {int(y) for y in full.loc[full["destination"] == "ALL", "year"].dropna()}
    itemised = {int(y) for y in full.loc[full["destination"] != "ALL", "year"].dropna()}
    return sorted(totals & itemised)


def _economy_years() -> list[int]:
    from . import data

    rows = data.load("economy")
    return sorted({int(y) for y in rows["year"].dropna()})


def _employer_reported_years() -> list[int]:
    """Years with an end-October employer-reported (MHLW) count of foreign workers, any nationality."""
    from . import workers
    from .flows import residents_headline

    return sorted({int(y) for y in workers._october(residents_headline())["year"].dropna()})


def _timeline_years() -> list[int]:
    from . import data

    return sorted({int(str(d)[:4]) for d in data.load("timeline")["date"]})


#: Named year sets: the years that have figures, computed from data/.
YEAR_SETS = {
    "departures_total": (lambda: _departures_years("ALL"),
                         "years with a full-year total of workers sent abroad, data/departures.csv"),
    "departures_total_and_japan": (lambda: _departures_years("ALL", "JPN"),
                                   "years with full-year totals sent abroad and to Japan, "
                                   "data/departures.csv"),
    "departures_markets": (_market_years, "years with a full-year total of workers sent abroad and a breakdown "
                           "by market, data/departures.csv"),
    "departures": (lambda: _departures_years(), "years of workers sent, data/departures.csv"),
    "economy": (_economy_years, "years of data/economy.csv"),
    "timeline": (_timeline_years, "years of data/timeline.csv"),
    "employer_reported": (_employer_reported_years,
                          "years with an end-October employer-reported count of foreign workers, "
                          "data/residents_japan.csv"),
}


def _column(resource: str, column: str, exclude: tuple = ()) -> list:
    from . import data

    return sorted({str(v) for v in data.load(resource)[column].dropna()} - set(exclude))


#: Named value sets: the values a list parameter may hold, computed from data/.
VALUE_SETS = {
    "timeline.event_id": (lambda: _column("timeline", "event_id"), "event_ids of data/timeline.csv"),
    "timeline.category": (lambda: _column("timeline", "category"), "categories of data/timeline.csv"),
    "claims.check": (lambda: _column("claims", "check"), "check types of data/claims.csv"),
    "claims.source_id": (lambda: _column("claims", "source_id"), "seed documents of data/claims.csv"),
    "departures.destination": (lambda: _column("departures", "destination", ("ALL",)),
                               "markets of data/departures.csv"),
}


@lru_cache(maxsize=None)
def year_set(name: str) -> tuple[int, ...]:
    if name not in YEAR_SETS:
        raise KeyError(f"unknown year set '{name}' (known: {', '.join(YEAR_SETS)})")
    return tuple(YEAR_SETS[name][0]())


@lru_cache(maxsize=None)
def value_set(name: str) -> tuple[str, ...]:
    if name not in VALUE_SETS:
        raise KeyError(f"unknown value set '{name}' (known: {', '.join(VALUE_SETS)})")
    return tuple(VALUE_SETS[name][0]())


def clear_cache() -> None:
    """Forget computed sets (the data changed, or another data folder is in use)."""
    year_set.cache_clear()
    value_set.cache_clear()


def bound(value) -> int | float:
    """A range bound: a number, or ``first:<set>`` / ``last:<set>`` of a year set."""
    if isinstance(value, str):
        which, _, name = value.partition(":")
        years = year_set(name)
        if which not in ("first", "last") or not years:
            raise KeyError(f"bad range bound '{value}'")
        return years[0] if which == "first" else years[-1]
    return value


# --------------------------------------------------------------------------- reading a notebook


def _parameters_cell(nb: dict, notebook: Path) -> dict:
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise DomainError(f"{notebook}: expected exactly one cell tagged 'parameters', found {len(cells)}")
    return cells[0]


def declared_domain(notebook: Path) -> dict[str, dict] | None:
    """``metadata.vnjp.domain`` of the notebook's parameters cell (None when it declares none). Fast."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    return _parameters_cell(nb, notebook).get("metadata", {}).get("vnjp", {}).get("domain")


@lru_cache(maxsize=64)
def _inspect(path: str, _mtime: int) -> dict[str, dict]:
    import papermill

    out = {}
    for name, p in papermill.inspect_notebook(path).items():
        try:
            default = ast.literal_eval(p["default"])
        except (ValueError, SyntaxError):
            raise DomainError(f"{path}: parameter '{name}' must have a literal default") from None
        out[name] = {"default": default, "type": p.get("inferred_type_name", ""), "help": p.get("help", "")}
    return out


def inspect(notebook: Path) -> dict[str, dict]:
    """Name -> ``{"default", "type", "help"}`` as papermill reads the parameters cell."""
    path = Path(notebook).resolve()
    return _inspect(str(path), path.stat().st_mtime_ns)


def _type_of(default) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, (list, tuple)):
        return "list"
    return "str"


def domains(notebook: Path) -> dict[str, dict]:
    """Every parameter's domain: the declared one, or (a notebook without a declaration) its type only."""
    declared = declared_domain(notebook)
    if declared is not None:
        return declared
    return {name: {"type": _type_of(p["default"])} for name, p in inspect(notebook).items()}


# --------------------------------------------------------------------------- parsing and checking


def parse(domain: dict, text: str):
    """A ``-p NAME VALUE`` string as the domain's type (ValueError if it is not one)."""
    kind = domain.get("type", "str")
    if kind == "bool":
        if text.lower() in ("true", "1", "yes"):
            return True
        if text.lower() in ("false", "0", "no"):
            return False
        raise ValueError(text)
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "list":
        value = ast.literal_eval(text) if text.strip().startswith("[") else [t.strip() for t in text.split(",")]
        if not isinstance(value, list):
            raise ValueError(text)
        return value
    return text


def type_ok(domain: dict, value) -> bool:
    kind = domain.get("type", "str")
    if kind == "bool" or isinstance(value, bool):
        return kind == "bool" and isinstance(value, bool)
    return {"int": lambda v: isinstance(v, int), "float": lambda v: isinstance(v, (int, float)),
            "list": lambda v: isinstance(v, list), "str": lambda v: isinstance(v, str),
            "date": lambda v: isinstance(v, str)}.get(kind, lambda v: True)(value)


def describe(domain: dict, *, resolve: bool = True) -> str:
    """The domain in words, e.g. ``int in 1992..2025 (2025: last of years with …)``."""
    kind = domain.get("type", "str")
    if "range" in domain:
        lo, hi = domain["range"]
        text = f"{kind} in {_bound_text(lo, resolve)}..{_bound_text(hi, resolve)}"
        named = sorted({b.split(":", 1)[1] for b in (lo, hi) if isinstance(b, str)})
        if named:
            text += " (" + "; ".join(f"{YEAR_SETS[n][1]}" for n in named) + ")"
    elif "years_with" in domain:
        name = domain["years_with"]
        text = f"{kind}, one of the {YEAR_SETS[name][1]}"
        if resolve:
            text += ": " + compress(year_set(name))
    elif "choices" in domain:
        text = f"{kind}, one of " + ", ".join(repr(c) for c in domain["choices"])
    elif "one_of" in domain:
        text = f"{kind}, one of the {VALUE_SETS[domain['one_of']][1]}"
        if resolve:
            text += ": " + ", ".join(value_set(domain["one_of"]))
    elif "subset_of" in domain:
        pool = domain["subset_of"]
        if isinstance(pool, str):
            text = f"list of {VALUE_SETS[pool][1]}"
            if resolve:
                values = value_set(pool)
                text += ": " + (", ".join(values) if len(values) <= 8 else f"{len(values)} values")
        else:
            text = "list of " + ", ".join(repr(c) for c in pool)
        if domain.get("min_items"):
            text += f" (at least {domain['min_items']})"
    elif "date" in domain:
        text = f"date {domain['date'].replace('%Y', 'YYYY').replace('%m', 'MM').replace('%d', 'DD')}"
        if "min" in domain or "max" in domain:
            text += f" from {domain.get('min', '…')} to {domain.get('max', '…')}"
    else:
        text = kind
    for key, word in (("at_most", "≤"), ("at_least", "≥")):
        if key in domain:
            text += f", {word} {domain[key]}"
    return text


def _bound_text(b, resolve: bool) -> str:
    if isinstance(b, str) and not resolve:
        return f"{b.split(':')[0]} year"
    return str(bound(b))


def compress(years) -> str:
    """(1999, 2000, 2001, 2006) -> '1999–2001, 2006'."""
    years, out = sorted(years), []
    for y in years:
        if out and y == out[-1][1] + 1:
            out[-1][1] = y
        else:
            out.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in out)


def problem(domain: dict, value, values: dict | None = None) -> str | None:
    """Why ``value`` is outside ``domain`` (None when it is inside). ``values``: the run's other values."""
    if not type_ok(domain, value):
        return f"expects {domain.get('type', 'str')}"
    if "range" in domain:
        lo, hi = (bound(b) for b in domain["range"])
        if not lo <= value <= hi:
            return "out of range"
    if "years_with" in domain and value not in year_set(domain["years_with"]):
        return "no figures for that year"
    if "choices" in domain and value not in domain["choices"]:
        return "not one of the choices"
    if "one_of" in domain and value not in value_set(domain["one_of"]):
        return "not one of the values the data hold"
    if "subset_of" in domain:
        pool = domain["subset_of"]
        pool = value_set(pool) if isinstance(pool, str) else pool
        unknown = [v for v in value if v not in pool]
        if unknown:
            return f"unknown {', '.join(map(str, unknown))}"
        if len(value) < domain.get("min_items", 0):
            return f"needs at least {domain['min_items']}"
        if len(set(value)) != len(value):
            return "repeats a value"
    if "date" in domain:
        try:
            day = dt.datetime.strptime(value, domain["date"]).date()
        except ValueError as exc:
            return f"not a date ({exc})"
        if "min" in domain and day < dt.date.fromisoformat(domain["min"]):
            return "too early"
        if "max" in domain and day > dt.date.fromisoformat(domain["max"]):
            return "too late"
    values = values or {}
    if "at_most" in domain and domain["at_most"] in values and value > values[domain["at_most"]]:
        return f"after {domain['at_most']}={values[domain['at_most']]!r}"
    if "at_least" in domain and domain["at_least"] in values and value < values[domain["at_least"]]:
        return f"before {domain['at_least']}={values[domain['at_least']]!r}"
    return None


def check(run: str, domains_: dict[str, dict], values: dict) -> None:
    """Raise :class:`DomainError` naming run, parameter, value and domain for the first value outside."""
    for name, value in values.items():
        if name not in domains_:
            continue
        why = problem(domains_[name], value, values)
        if why:
            raise DomainError(f"run '{run}': parameter '{name}' = {value!r} is outside its domain ({why}): "
                              f"{describe(domains_[name])}")


# --------------------------------------------------------------------------- the notebook's opening text

PARAMETERS_HEADING = "**Parameters.**"


def markdown(notebook: Path) -> str:
    """The opening text's paragraph on the parameters: each one's domain and help (no data read)."""
    helps = {name: p["help"] for name, p in inspect(notebook).items()}  # in the parameters cell's order
    declared = domains(notebook)
    lines = [f"{PARAMETERS_HEADING} Each value is checked against its domain (declared in the metadata of the "
             "`parameters` cell) before a run starts; `run_all.py --list` shows the years the data hold now. "
             "A selection the data hold no rows for gives a figure that says so, never an error."]
    for name in [*helps, *(n for n in declared if n not in helps)]:
        help_ = f" — {helps[name]}" if helps.get(name) else ""
        lines.append(f"- `{name}`: {describe(declared.get(name, {}), resolve=False)}{help_}")
    return "\n".join(lines)


def sync(notebook: Path) -> bool:
    """Write :func:`markdown` into the notebook's first cell (replacing an older version); True if changed."""
    path = Path(notebook)
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = nb["cells"][0]
    source = "".join(cell["source"])
    head = source.split("\n" + PARAMETERS_HEADING)[0].rstrip("\n")
    new = head + "\n\n" + markdown(path)
    if new == source:
        return False
    cell["source"] = new.splitlines(keepends=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return True


if __name__ == "__main__":  # python -m vnjp.params NOTEBOOK... : refresh the opening text's parameter list
    import sys

    for arg in sys.argv[1:]:
        print(f"{arg}: {'updated' if sync(Path(arg)) else 'unchanged'}")
