"""Citations without the plotting stack: the name a figure's footer and the report give a publisher.

vnjp.figures (footers) and vnjp.report (the source list under each figure) both use
:func:`publisher_label`; this module loads neither matplotlib nor pandas, so the report, which
run_all.py assembles after every run, stays fast.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from . import labels

# Scripts the house font (DejaVu Sans) cannot draw: CJK ideographs, kana, full-width forms.
_NO_GLYPHS = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+")

#: Words that make a publisher's short name an English description rather than a name; a
#: Vietnamese footer shows the URL's host instead (unless texts.citations.PUBLISHERS names it).
_DESCRIPTIVE = re.compile(
    r"\b(?:blogs?|site|outlet|seed|file|forum|mirror|copy|repost|reposting|office|company|ministry|agency|"
    r"embassy|consulate|department|government|institute|organi[sz]ation|bureau|board|magazine|association|"
    r"notebook|edition|service|citing|via|named|unnamed|friendship|dept)\b", re.IGNORECASE)


def publisher_label(publisher: str, lang: str, url: str | None = None) -> str:
    """The name a footer shows for ``publisher`` (as in data/sources.csv), in ``lang``.

    Named in ``texts.citations.PUBLISHERS``: that name. Otherwise the publisher without its
    parenthesised or comma-separated description and without characters the house font cannot
    draw ("VIETJO (viet-jo.com), citing ISA" -> "VIETJO"; "技能実習ニュース (kenshu.mall.gr.jp)" ->
    "kenshu.mall.gr.jp"). On a Vietnamese figure a name that still reads as an English description
    ("… (blog)", "… office") becomes the host of its URL.
    """
    from .texts.citations import PUBLISHERS

    labels._check_lang(lang)
    if publisher in PUBLISHERS:
        return PUBLISHERS[publisher][lang]
    name = _drawable(str(publisher))
    short = re.split(r"\s*\(|,\s", name, maxsplit=1)[0].strip() or name
    if lang == "vi" and _DESCRIPTIVE.search(short):
        host = urlsplit(str(url or "")).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    return short


def _sort_key(name: str) -> tuple[str, str]:
    """Alphabetical, accents after their letter ("Đ" with "D", not after "Z")."""
    bare = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in bare if not unicodedata.combining(c)).casefold(), name


def _drawable(name: str) -> str:
    """A publisher name without the characters the house font cannot draw ("技能… (ifsa.jp)" -> "ifsa.jp")."""
    cleaned = _NO_GLYPHS.sub("", name).strip()
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = cleaned[1:-1]
    return cleaned or "?"
