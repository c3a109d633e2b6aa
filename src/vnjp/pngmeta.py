"""The description every saved figure carries, read back without loading matplotlib or pandas.

:func:`vnjp.figures.save` stores these keys in each PNG (tEXt chunks) and SVG; the report
(vnjp.report) reads them from the PNG. Kept apart from vnjp.figures so that run_all.py, which
assembles the report after every run, does not pay for importing the plotting stack.
"""

from __future__ import annotations

from pathlib import Path

#: The keys under which every saved file carries its own description (PNG tEXt chunks,
#: SVG Dublin Core metadata): Title (the caption: title and subtitle), Description (the alt
#: text), Source (the footer's source line) and Language.
META_KEYS = ("Title", "Description", "Source", "Language")


def read_metadata(path: Path) -> dict[str, str]:
    """Title, Description (alt text), Source and Language stored in a saved PNG."""
    from PIL import Image

    with Image.open(path) as image:
        info = dict(image.text)
    return {key: info.get(key, "") for key in META_KEYS}
