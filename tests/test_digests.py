"""The no-op path hashes nothing that did not change, and still sees every change: the remembered digests
(vnjp.records.Digests: stat signature = device, inode, size, mtime, ctime; racy files rehashed) and, end to
end, a run that reruns after a no-op when its notebook, a data file, the package's source, requirements.txt
or a parameter changed -- including an edit that keeps the file's size and mtime."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from vnjp import records
from vnjp.records import DIGESTS, Digests
from vnjp.runner import Run, main

OK = Run("ok-en", "notebooks/ok.ipynb", {"label": "a", "lang": "en"}, ("fixture_{label}_{lang}",), ("departures",))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` (same length) in ``path`` in place, then set atime and mtime back."""
    assert len(old) == len(new)
    st = path.stat()
    data = path.read_bytes()
    assert old in data
    with open(path, "r+b") as fh:  # in place: same inode
        fh.write(data.replace(old, new, 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (st.st_size, st.st_mtime_ns, st.st_ino)


@pytest.fixture
def trusting(monkeypatch):
    """Digests remembered at once (no racy window), as for files last changed long before they were hashed."""
    monkeypatch.setattr(records, "RACY_NS", -10**18)


# --------------------------------------------------------------------------- Digests


def test_digest_is_the_content_hash_and_is_remembered_while_the_file_is_unchanged(tmp_path, trusting):
    path = tmp_path / "a.csv"
    path.write_bytes(b"year,value\n2020,1\n")
    digests = Digests()
    assert digests.sha(path) == sha(path)
    key = os.path.abspath(path)
    assert key in digests.entries
    digests.entries[key] = (digests.entries[key][0], "remembered")  # proves the memo answers, not a new hash
    assert digests.sha(path) == "remembered"
    assert digests.sha(str(path)) == "remembered"  # a str and a Path name the same file


@pytest.mark.parametrize("how", ["same size, mtime set back", "renamed over", "appended", "touched only"])
def test_any_change_to_the_file_is_seen(tmp_path, trusting, how):
    path = tmp_path / "a.csv"
    path.write_bytes(b"year,value\n2020,1\n")
    digests = Digests()
    first = digests.sha(path)
    if how == "same size, mtime set back":
        same_size_edit(path, b"2020,1", b"2020,2")
    elif how == "renamed over":  # another file (another inode) with the same size and mtime put in its place
        st = path.stat()
        other = tmp_path / "b.csv"
        other.write_bytes(b"year,value\n2020,3\n")
        os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
        os.replace(other, path)
    elif how == "appended":
        with open(path, "ab") as fh:
            fh.write(b"2021,5\n")
    else:  # the content is the same: a new hash is taken, and it is the same digest
        os.utime(path)
    assert digests.sha(path) == sha(path)
    assert (digests.sha(path) == first) == (how == "touched only")


def test_a_racy_file_is_hashed_again_until_it_is_old_enough(tmp_path, monkeypatch):
    """Two writes in one clock tick leave the same mtime and ctime: a digest taken between them must not be
    remembered. With the real window, a file just written is never remembered; once its last change is
    older than the window, it is."""
    path = tmp_path / "a.csv"
    path.write_bytes(b"year,value\n2020,1\n")
    digests = Digests()
    assert digests.sha(path) == sha(path)
    assert os.path.abspath(path) not in digests.entries  # just written: racy
    st = path.stat()
    monkeypatch.setattr(records.time, "time_ns", lambda: max(st.st_mtime_ns, st.st_ctime_ns) + records.RACY_NS + 1)
    digests.sha(path)
    assert os.path.abspath(path) in digests.entries


def test_remembered_digests_survive_the_process_and_forget_files_that_are_gone(tmp_path, trusting):
    store = tmp_path / DIGESTS
    kept, gone = tmp_path / "kept.csv", tmp_path / "gone.csv"
    kept.write_bytes(b"kept\n")
    gone.write_bytes(b"gone\n")
    first = Digests()
    first.sha(kept)
    first.sha(gone)
    first.save(store)
    saved = json.loads(store.read_text())
    assert saved["version"] == 1 and sorted(saved["files"]) == sorted([os.path.abspath(kept), os.path.abspath(gone)])
    saved["files"][os.path.abspath(kept)][1] = "from the store"  # the next process answers from the store
    store.write_text(json.dumps(saved))
    gone.unlink()
    second = Digests()
    second.load(store)
    assert second.sha(kept) == "from the store"
    second.changed = True
    second.save(store)
    assert list(json.loads(store.read_text())["files"]) == [os.path.abspath(kept)]
    # a store from another version, malformed or unreadable counts as empty
    for text in ("{", "[]", json.dumps({"version": 2, "files": saved["files"]}),
                 json.dumps({"version": 1, "files": {os.path.abspath(kept): ["x", "y"]}})):
        store.write_text(text)
        third = Digests()
        third.load(store)
        assert third.sha(kept) == sha(kept)


def test_package_digest_covers_every_source_file_by_name_and_content(tmp_path, monkeypatch, trusting):
    package = tmp_path / "vnjp"
    shutil.copytree(records.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(records, "PACKAGE_DIR", str(package))
    names = records.package_files()
    assert "records.py" in names and "vnjp.mplstyle" in names and any(n.startswith("texts/") for n in names)
    assert not any("__pycache__" in n for n in names)
    base = records._package_digest()
    same_size_edit(package / "records.py", b"RUNNER_VERSION", b"RUNNER_VERSIoN")
    assert records._package_digest() != base
    same_size_edit(package / "records.py", b"RUNNER_VERSIoN", b"RUNNER_VERSION")
    assert records._package_digest() == base
    (package / "claims" / "new_rule.py").write_text("x = 1\n")  # a new file counts too
    assert records._package_digest() != base


# --------------------------------------------------------------------------- end to end: after a no-op, every change reruns


def run(project, registry, *argv):
    return main(registry, [*argv, "--no-report"], root=project)


def status(capsys) -> str:
    return capsys.readouterr().out.splitlines()[-1].split()[1]


def test_after_a_no_op_every_kind_of_change_reruns(project, capsys, monkeypatch, trusting):
    package = project / "pkg" / "vnjp"
    shutil.copytree(records.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(records, "PACKAGE_DIR", str(package))  # the package whose source the keys hash
    (project / "requirements.txt").write_text("pandas\n")
    assert run(project, [OK]) == 0 and status(capsys) == "ok"
    assert (project / "build" / DIGESTS).is_file()
    assert run(project, [OK]) == 0 and status(capsys) == "skipped"

    # in the package, one letter of a comment: the code runs the same, but the key must still change
    comment = next(line for line in (package / "labels.py").read_bytes().splitlines() if line.strip().startswith(b"#"))
    edits = [
        ("notebook", project / "notebooks" / "ok.ipynb", b"Fixture bars", b"Fixture barz"),
        ("data file", project / "data" / "departures.csv", b",300,", b",301,"),
        ("package source", package / "labels.py", comment, comment[:-1] + (b"y" if comment.endswith(b"x") else b"x")),
        ("requirements", project / "requirements.txt", b"pandas", b"pandaz"),
    ]
    for what, path, old, new in edits:
        same_size_edit(path, old, new)
        assert run(project, [OK]) == 0 and status(capsys) == "ok", f"a changed {what} was not seen"
        assert run(project, [OK]) == 0 and status(capsys) == "skipped", f"after the {what} change"
    other = Run(OK.name, OK.notebook, {**OK.parameters, "scale": 2.0}, OK.figures, OK.data)
    assert run(project, [other]) == 0 and status(capsys) == "ok", "a changed parameter was not seen"
    assert run(project, [other]) == 0 and status(capsys) == "skipped"
