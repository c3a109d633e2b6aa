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

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

RUNNER_VERSION = "1"  # bump to invalidate every cache entry
FIGURE_EXTS = (".png", ".svg")
RECORD = "run.json"
NOTEBOOK_HTML = "notebook.html"  # the executed notebook as an HTML fragment, code hidden
LAST_OK = "last_ok"
TABLES = "tables"  # in a run folder: the data behind each figure (vnjp.figures.save) and report tables
MARKER = ".vnjp-owned"  # in a folder the runner made: "written by run_all.py", and what it wrote


def run_env(run_dir: Path, data_dir: Path, build: Path, *, strict_figures: bool) -> dict[str, str]:
    """The environment a run's kernel gets, wherever it runs (a local worker, a Dask worker): where its
    figures, their tables and the log of the data it reads go (``run_dir``), where the data and the build
    folder are, and the settings that make figures byte-stable. A registered run (promoted, or ``--check``)
    refuses a figure with overlapping or lost text or a style its legend leaves out; ``-p`` overrides get
    the figure and a warning (:mod:`vnjp.figcheck`)."""
    return {
        "VNJP_FIGURES_DIR": str(run_dir / "figures"),
        "VNJP_TABLES_DIR": str(run_dir / TABLES),  # the data behind each figure, for the report
        "VNJP_DATA_DIR": str(data_dir),
        "VNJP_BUILD_DIR": str(build),
        "VNJP_READS_LOG": str(run_dir / "reads.log"),
        "MPLBACKEND": "Agg",
        "PYTHONHASHSEED": "0",
        **({"VNJP_FIGCHECK": "strict"} if strict_figures else {}),
    }


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


_DECLARED: dict[tuple, list[Path]] = {}  # (descriptor's path and digest, resources) -> declared_data_files


def declared_data_files(resources: tuple[str, ...], data_dir: Path) -> list[Path]:
    """The files behind ``resources``: each resource, its foreign-key targets, the descriptor."""
    package = data_dir / "datapackage.json"
    if not resources:
        return []
    try:
        memo = (os.path.abspath(package), file_sha(package), tuple(resources))
    except OSError:
        memo = None  # read_package names the problem
    if memo is not None and memo in _DECLARED:
        return list(_DECLARED[memo])
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
    if memo is not None:
        _DECLARED[memo] = sorted(out)
    return sorted(out)


def _hash_file(h, path: Path) -> None:
    """Add ``path``'s name and content digest to ``h`` (remembered while the file does not change)."""
    h.update(str(path.name).encode() + b"\0")
    try:
        h.update(file_sha(path).encode())
    except FileNotFoundError:
        raise InputError(f"{path}: missing (declared in datapackage.json)") from None
    h.update(b"\0")


_NOTEBOOK_CODE: dict[str, str] = {}  # digest of a notebook file -> its code (see notebook_code)


def notebook_code(notebook: Path) -> str:
    """The cells' types, sources and tags: what a run depends on. Tags count because they change what a run
    does (``parameters`` places papermill's injected cell) and what its notebook page shows (``lang-en`` /
    ``lang-vi``); outputs and the rest of the metadata (execution times, ``collapsed``, ...) do not."""
    try:
        digest = file_sha(notebook)
        if digest not in _NOTEBOOK_CODE:
            nb = json.loads(notebook.read_text(encoding="utf-8"))
            _NOTEBOOK_CODE[digest] = json.dumps(
                [[c["cell_type"], "".join(c["source"]), sorted((c.get("metadata") or {}).get("tags") or [])]
                 for c in nb["cells"]], ensure_ascii=False)
        return _NOTEBOOK_CODE[digest]
    except OSError as exc:
        raise InputError(f"{notebook}: cannot read: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{notebook}: not a notebook: {exc}") from None


def cache_key(run: Run, root: Path, data_dir: Path) -> str:
    """The hash of everything that can change ``run``'s figures: its notebook's code, its parameters, the
    data files it declares, the package's source and ``requirements.txt``. Each file counts by its
    content's digest (:func:`file_sha`: hashed once, then remembered while its stat signature holds)."""
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


PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))  # whose source is part of every cache key


def package_files() -> list[str]:
    """The package's source: every ``.py`` and ``.mplstyle`` file under ``src/vnjp`` (texts and claims included),
    as paths relative to the package folder."""
    top = PACKAGE_DIR
    out, todo = [], [top]
    while todo:
        with os.scandir(todo.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        todo.append(entry.path)
                elif entry.name.endswith((".py", ".mplstyle")):
                    out.append(entry.path[len(top) + 1:])
    return sorted(out)


def _package_digest() -> str:
    """Digest of the package's source: names and content digests of :func:`package_files`."""
    h = hashlib.sha256()
    top = PACKAGE_DIR
    for name in package_files():
        h.update(name.encode() + b"\0" + file_sha(os.path.join(top, name)).encode() + b"\0")
    return h.hexdigest()


# --------------------------------------------------------------------------- file digests


DIGESTS = ".digests.json"  # in build/: the digests of files already hashed, by stat signature
#: A digest is remembered only for a file last changed at least this long before it was hashed. A
#: file's timestamps come from a coarse clock (a few ms on Linux; 1-2 s on some file systems): two
#: writes in one tick leave the same mtime and ctime, so a digest taken right after the first write
#: could pass for the second. Such a "racy" file is hashed again next time, until it is old enough.
RACY_NS = 2_000_000_000


def _signature(st: os.stat_result) -> list[int]:
    """What must stay the same for a remembered digest to hold. ``st_ctime`` is set by the kernel on
    every write, rename or ``utime`` and cannot be set back, so an edit that restores size and mtime
    (``os.utime``) still changes the signature; the inode catches a file replaced by another."""
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


class Digests:
    """sha256 of files, remembered by stat signature (in memory; on disk in ``build/`` :data:`DIGESTS`)."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[list[int], str]] = {}
        self.used: set[str] = set()
        self.changed = False

    def sha(self, path: Path | str) -> str:
        key = os.path.abspath(path)
        st = os.stat(key)
        signature = _signature(st)
        self.used.add(key)
        known = self.entries.get(key)
        if known is not None and known[0] == signature:
            return known[1]
        hashed_at = time.time_ns()
        with open(key, "rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        after = _signature(os.stat(key))
        if after == signature and max(st.st_mtime_ns, st.st_ctime_ns) < hashed_at - RACY_NS:
            self.entries[key] = (signature, digest)
            self.changed = True
        elif self.entries.pop(key, None) is not None:
            self.changed = True
        return digest

    def load(self, store: Path) -> None:
        """Add the digests remembered in ``store`` (an unreadable or malformed file counts as empty)."""
        data = _read_json(store)
        entries = (data or {}).get("files")
        if not isinstance(entries, dict) or (data or {}).get("version") != 1:
            return
        for key, value in entries.items():
            if (isinstance(value, list) and len(value) == 2 and isinstance(value[1], str)
                    and isinstance(value[0], list) and len(value[0]) == 5 and key not in self.entries):
                self.entries[key] = (value[0], value[1])

    def save(self, store: Path) -> None:
        """Write the remembered digests to ``store`` when they changed (files that are gone are dropped)."""
        if not self.changed:
            return
        keep = {k: v for k, v in self.entries.items() if k in self.used or os.path.exists(k)}
        _write_json(store, {"version": 1, "files": {k: [list(v[0]), v[1]] for k, v in sorted(keep.items())}})
        self.changed = False


_DIGESTS = Digests()


def file_sha(path: Path | str) -> str:
    """The sha256 of ``path``'s content, hashed once while its stat signature stays the same."""
    return _DIGESTS.sha(path)


@contextlib.contextmanager
def remembered_digests(build: Path):
    """Use (and afterwards update) the digests remembered in ``build``/:data:`DIGESTS`. Call it while
    holding the checkout's lock: one writer at a time."""
    store = build / DIGESTS
    _DIGESTS.load(store)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            _DIGESTS.save(store)


def parameters_hash(parameters: dict) -> str:
    """Eight hex digits naming a parameter set (the folder of a run with ``-p`` overrides)."""
    return hashlib.sha256(json.dumps(parameters, sort_keys=True, default=str).encode()).hexdigest()[:8]


def _sha(path: Path) -> str:
    return file_sha(path)


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


