"""Writing a file so that a reader never sees half of it, with the mode any file of the user gets.

Every file the package writes for a reader (figures, the tables behind them, the report's PDFs)
goes through :func:`write_atomically`: written to a temporary sibling, given the mode the process's
umask allows (``mkstemp`` makes 0o600), then renamed into place; on any failure the temporary file
is removed and the old file, if any, is left as it was. This module imports nothing heavy.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def umask_mode(mode: int = 0o777) -> int:
    """``mode`` as the process's umask lets it be (mkdtemp and mkstemp make 700 and 600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mode & ~mask


def write_atomically(path: Path, content: bytes | Callable[[Path], None]) -> Path:
    """Write ``content`` (bytes, or a function that writes the file at the path it is given) to
    ``path`` through a temporary sibling, mode 0o666 less the umask, and rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, bytes):
                fh.write(content)
        if not isinstance(content, bytes):
            content(tmp)
        os.chmod(tmp, umask_mode(0o666))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
