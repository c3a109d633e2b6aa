"""Run records, the cache, and which output folders the runner owns.

Both :mod:`vnjp.runner` (which executes runs and writes their records) and
:mod:`vnjp.report` (which reads them) use this module; neither imports the other.

A run's folder is ``<build>/runs/<run>/``:

- ``run.json``: the record of its latest attempt (status, cell, error, cache key, figure digests);
- ``<notebook>.ipynb`` and ``notebook.html``: the notebook that attempt executed;
- ``last_ok/``: the same three files of the last *successful* run, which made the figures in
  ``figures/``. A failed attempt never touches it, so once a fault is undone, a run whose inputs are
  those of its last success is skipped again (and its good record and notebook are put back).

The cache key of a run is the hash of everything that can change its figures: the notebook's
cells, its parameters, the data files it declares (with their foreign-key targets and
``datapackage.json``), the package's source and ``requirements.txt``.

Output folders are *owned*: the runner writes into a folder only if it is new, empty, or
carries the marker file :data:`MARKER` it left there before, and it never deletes a file it
did not write (:func:`claim_dir`). This module imports no pandas or papermill.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

RUNNER_VERSION = "1"  # bump to invalidate every cache entry
FIGURE_EXTS = (".png", ".svg")
RECORD = "run.json"
NOTEBOOK_HTML = "notebook.html"  # the executed notebook as an HTML fragment, code hidden
LAST_OK = "last_ok"
TABLES = "tables"  # in a run folder: the data behind each figure (vnjp.figures.save) and report tables
MARKER = ".vnjp-owned"  # in a folder the runner made: "written by run_all.py", and what it wrote


# --------------------------------------------------------------------------- registry entries


@dataclass(frozen=True)
class Run:
    """One notebook executed with one parameter set.

    ``figures`` are file stems the run must write (``{param}`` placeholders are filled
    from the effective parameters); each stem yields ``.png`` and ``.svg``.
    ``data`` are the data-package resources the notebook reads.
    ``grid`` names the grid the run is a member of (:func:`vnjp.runner.grid`; "" for a run of its
    own) and ``member`` its value there (e.g. "2016"): the report shows a grid's members on one page.
    """

    name: str
    notebook: str
    parameters: dict = field(default_factory=dict)
    figures: tuple[str, ...] = ()
    data: tuple[str, ...] = ()
    grid: str = ""
    member: str = ""

    def with_parameters(self, overrides: dict) -> "Run":
        return dataclasses.replace(self, parameters={**self.parameters, **overrides})

    def figure_files(self) -> list[str]:
        stems = [stem.format(**self.parameters) for stem in self.figures]
        return sorted(stem + ext for stem in stems for ext in FIGURE_EXTS)


class InputError(ValueError):
    """An input the user can fix (the registry, datapackage.json): one line naming the file."""


# --------------------------------------------------------------------------- inputs and cache key


def read_package(package: Path) -> dict:
    """``datapackage.json`` parsed, or an :class:`InputError` naming the file and line."""
    try:
        text = package.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{package}: cannot read: {exc.strerror or exc}") from None
    try:
        out = json.loads(text)
    except ValueError as exc:
        where = f", line {exc.lineno}, column {exc.colno}" if hasattr(exc, "lineno") else ""
        msg = exc.msg if hasattr(exc, "msg") else str(exc)
        raise InputError(f"{package}{where}: malformed JSON: {msg}") from None
    if not isinstance(out, dict) or not isinstance(out.get("resources"), list):
        raise InputError(f"{package}: not a data package (no 'resources' list)")
    return out


def declared_data_files(resources: tuple[str, ...], data_dir: Path) -> list[Path]:
    """The files behind ``resources``: each resource, its foreign-key targets, the descriptor."""
    package = data_dir / "datapackage.json"
    if not resources:
        return []
    try:
        by_name = {r["name"]: r for r in read_package(package)["resources"]}
        out, todo = {package.resolve()}, list(resources)
        while todo:
            name = todo.pop()
            if name not in by_name:
                raise InputError(f"registry names data resource '{name}', which {package} does not describe")
            out.add((data_dir / by_name[name]["path"]).resolve())
            todo.extend(fk["reference"]["resource"] for fk in by_name[name]["schema"].get("foreignKeys", []))
    except (KeyError, TypeError) as exc:
        raise InputError(f"{package}: resource without {exc}") from None
    return sorted(out)


def _hash_file(h, path: Path) -> None:
    h.update(str(path.name).encode() + b"\0")
    try:
        h.update(path.read_bytes())
    except FileNotFoundError:
        raise InputError(f"{path}: missing (declared in datapackage.json)") from None
    h.update(b"\0")


def notebook_code(notebook: Path) -> str:
    """The cells' types and sources: what a run depends on (outputs and metadata are not)."""
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        return json.dumps([[c["cell_type"], "".join(c["source"])] for c in nb["cells"]], ensure_ascii=False)
    except OSError as exc:
        raise InputError(f"{notebook}: cannot read: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{notebook}: not a notebook: {exc}") from None


def cache_key(run: Run, root: Path, data_dir: Path) -> str:
    h = hashlib.sha256()
    h.update(f"runner {RUNNER_VERSION}\0".encode())
    h.update(notebook_code(root / run.notebook).encode())
    h.update(json.dumps(run.parameters, sort_keys=True).encode())
    for path in declared_data_files(run.data, data_dir):
        _hash_file(h, path)
    h.update(_package_digest().encode())
    requirements = root / "requirements.txt"
    if requirements.exists():
        _hash_file(h, requirements)
    return h.hexdigest()


_PACKAGE_DIGESTS: dict[tuple, str] = {}


def _package_digest() -> str:
    """Digest of the package's source (computed once per process while no file changes)."""
    package = Path(__file__).parent
    files = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".mplstyle"))
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    if stamp not in _PACKAGE_DIGESTS:
        h = hashlib.sha256()
        for path in files:
            _hash_file(h, path)
        _PACKAGE_DIGESTS.clear()
        _PACKAGE_DIGESTS[stamp] = h.hexdigest()
    return _PACKAGE_DIGESTS[stamp]


def parameters_hash(parameters: dict) -> str:
    """Eight hex digits naming a parameter set (the folder of a run with ``-p`` overrides)."""
    return hashlib.sha256(json.dumps(parameters, sort_keys=True, default=str).encode()).hexdigest()[:8]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- records


def run_dir(build: Path, run: Run) -> Path:
    return build / "runs" / run.name


_run_dir = run_dir


def _read_json(path: Path) -> dict | None:
    try:
        out = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return out if isinstance(out, dict) else None


def read_record(build: Path, run: Run) -> dict | None:
    """The outcome of the last finished attempt of ``run`` in ``build`` (None: never finished)."""
    return _read_json(run_dir(build, run) / RECORD)


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def _write_record(run: Run, key: str | None, status: str, cell: str, error: str, rdir: Path,
                  figures: dict[str, str], seconds: float | None = None) -> dict:
    """Write ``rdir/run.json`` for an attempt that ended with ``status``; ``figures``: name -> digest;
    ``seconds``: how long it ran (:mod:`vnjp.schedule` starts the longest runs first next time)."""
    record = {"run": run.name, "key": key, "status": status, "cell": cell, "error": error,
              "parameters": run.parameters, "notebook": Path(run.notebook).name,
              "figures": figures if status == "ok" else {},
              "seconds": round(seconds, 2) if seconds is not None else None}
    _write_json(rdir / RECORD, record)
    return record


def read_last_ok(rdir: Path, run: Run) -> dict | None:
    """The record of the last successful run of ``run`` in its folder ``rdir``."""
    record = _read_json(rdir / LAST_OK / RECORD)
    if record is None:  # a build/ from before last_ok/ existed: its run.json, if it was a success
        record = _read_json(rdir / RECORD)
        if not record or record.get("status") != "ok" or record.get("parameters") != run.parameters:
            return None
    return record


def _remember(run: Run, rdir: Path) -> None:
    """Keep this successful attempt (record, executed notebook, its page) in ``rdir/last_ok/``."""
    keep = rdir / LAST_OK
    keep.mkdir(exist_ok=True)
    for name in (Path(run.notebook).name, NOTEBOOK_HTML, RECORD):
        src = rdir / name
        if src.exists():
            tmp = keep / (name + ".tmp")
            shutil.copyfile(src, tmp)
            os.replace(tmp, keep / name)
        else:
            (keep / name).unlink(missing_ok=True)
    _copy_tree(rdir / TABLES, keep / TABLES)


def _copy_tree(src: Path, dst: Path) -> None:
    """``dst`` (inside a run folder the runner owns) made a copy of ``src``, or removed if ``src`` is absent."""
    shutil.rmtree(dst, ignore_errors=True)
    if src.is_dir():
        shutil.copytree(src, dst)


def restore_last_ok(rdir: Path, run: Run) -> None:
    """Put the last successful attempt back in the run folder ``rdir`` when a later attempt replaced it."""
    keep = rdir / LAST_OK
    if not (keep / RECORD).exists() or _read_json(rdir / RECORD) == _read_json(keep / RECORD):
        return
    _copy_tree(keep / TABLES, rdir / TABLES)
    for name in (Path(run.notebook).name, NOTEBOOK_HTML, RECORD):  # the record last: it vouches for the rest
        src = keep / name
        if src.exists():
            tmp = rdir / (name + ".tmp")
            shutil.copyfile(src, tmp)
            os.replace(tmp, rdir / name)
        else:
            (rdir / name).unlink(missing_ok=True)


def is_current(run: Run, key: str, rdir: Path, figures: Path) -> bool:
    """The figures in ``figures`` are those the last successful run with this key (in ``rdir``) made."""
    record = read_last_ok(rdir, run)
    if not record or record.get("key") != key or record.get("status") != "ok":
        return False
    made = record.get("figures", {})
    if sorted(made) != run.figure_files():
        return False
    for name, digest in made.items():
        path = figures / name
        try:
            if _sha(path) != digest:
                return False
        except OSError:
            return False
    return True


# --------------------------------------------------------------------------- owned folders


class NotOwned(Exception):
    """A folder the runner would write into or clean, holding files it did not write."""


def _marker(path: Path) -> dict | None:
    marker = path / MARKER
    if not marker.is_file():
        return None
    try:
        out = json.loads(marker.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return None
    return out if isinstance(out, dict) else None


def check_owned(path: Path, what: str, known: tuple[str, ...] = (), signature: str | None = None) -> bool:
    """Whether ``path`` is new or empty (False) or ours (True); :class:`NotOwned` otherwise.

    Ours: it carries :data:`MARKER`, and every entry is one the marker lists (when it lists
    files) -- or, for a folder from before markers existed, every entry is one of ``known``
    (executed notebooks included) and ``signature``, when given, is among them.
    """
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise NotOwned(f"{what} {path} is not a directory; run_all.py writes only into a folder it made")
    if not path.exists():
        return False
    try:
        entries = sorted(p.name for p in path.iterdir())
    except OSError as exc:
        raise NotOwned(f"{what} {path} cannot be read: {exc.strerror or exc}") from None
    if not entries:
        return False
    marker = _marker(path)
    if marker is None:
        legacy = known and all(name in known or name.endswith(".ipynb") for name in entries)
        if legacy and (signature is None or signature in entries):
            return True
        raise NotOwned(f"{what} {path} is not empty and was not made by run_all.py (no {MARKER} file); "
                       f"it deletes no files it did not write: choose a new or empty folder")
    listed = marker.get("files")
    if listed is not None:
        foreign = [name for name in entries if name != MARKER and name not in listed]
        if foreign:
            raise NotOwned(f"{what} {path} holds files run_all.py did not write ({', '.join(foreign[:5])}); "
                           f"move them away or choose another folder")
    return True


def mark(path: Path, files: list[str] | None = None) -> None:
    """Leave the marker in ``path``: run_all.py made it (``files``: the top-level entries it wrote)."""
    data: dict = {"written_by": "run_all.py (vnjp)"}
    if files is not None:
        data["files"] = sorted(files)
    tmp = path / (MARKER + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path / MARKER)


def claim_dir(path: Path, what: str, known: tuple[str, ...] = ()) -> Path:
    """Create ``path`` or accept it as ours (see :func:`check_owned`), and mark it."""
    check_owned(path, what, known)
    path.mkdir(parents=True, exist_ok=True)
    if _marker(path) is None:
        mark(path)
    return path


