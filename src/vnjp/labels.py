"""Every word a figure shows, in English and Vietnamese, and number formatting.

Vietnamese terms follow ``shared/GLOSSARY.md`` (the words the source documents use).
Vietnamese number style: a dot groups thousands, a comma is the decimal mark
(159.986; 50,0%).
"""

from __future__ import annotations

LANGS = ("en", "vi")

#: Destination codes (ISO 3166-1 alpha-3, plus ``ALL``) -> names.
PLACES = {
    "ALL": {"en": "All destinations", "vi": "Tất cả thị trường"},
    "OTHER": {"en": "Other markets (not itemised)", "vi": "Thị trường khác (không nêu riêng)"},
    "JPN": {"en": "Japan", "vi": "Nhật Bản"},
    "TWN": {"en": "Taiwan", "vi": "Đài Loan (Trung Quốc)"},
    "KOR": {"en": "South Korea", "vi": "Hàn Quốc"},
    "CHN": {"en": "China", "vi": "Trung Quốc"},
    "HKG": {"en": "Hong Kong", "vi": "Hồng Kông (Trung Quốc)"},
    "MAC": {"en": "Macao", "vi": "Ma Cao (Trung Quốc)"},
    "HUN": {"en": "Hungary", "vi": "Hungary"},
    "SGP": {"en": "Singapore", "vi": "Singapore"},
    "SRB": {"en": "Serbia", "vi": "Serbia"},
    "ROU": {"en": "Romania", "vi": "Romania"},
    "POL": {"en": "Poland", "vi": "Ba Lan"},
    "MYS": {"en": "Malaysia", "vi": "Malaysia"},
    "SAU": {"en": "Saudi Arabia", "vi": "Ả Rập Xê Út"},
    "RUS": {"en": "Russia", "vi": "Nga"},
    "QAT": {"en": "Qatar", "vi": "Qatar"},
    "ARE": {"en": "United Arab Emirates", "vi": "Các Tiểu vương quốc Ả Rập Thống nhất"},
    "DZA": {"en": "Algeria", "vi": "Algeria"},
    "DEU": {"en": "Germany", "vi": "Đức"},
    "LAO": {"en": "Laos", "vi": "Lào"},
    "LBY": {"en": "Libya", "vi": "Libya"},
    "VNM": {"en": "Vietnam", "vi": "Việt Nam"},
    "PHL": {"en": "Philippines", "vi": "Philippines"},
    "IDN": {"en": "Indonesia", "vi": "Indonesia"},
    "NPL": {"en": "Nepal", "vi": "Nepal"},
    "MMR": {"en": "Myanmar", "vi": "Myanmar"},
}

#: Words every analysis shares. Each analysis keeps its own texts in ``vnjp/texts/<topic>.py``
#: (a dict named TEXT); they are merged below, and a key defined twice is an error.
TEXT = {
    "source": {"en": "Source", "vi": "Nguồn"},
    "sources_by_id": {"en": "Sources ({n}; look up each id in data/sources.csv)",
                      "vi": "Nguồn ({n} nguồn; tra mã trong data/sources.csv)"},
    "workers": {"en": "workers", "vi": "lao động"},
    "persons": {"en": "persons", "vi": "người"},
    "thousand_persons": {"en": "thousand persons", "vi": "nghìn người"},
    "women": {"en": "women", "vi": "lao động nữ"},
    "women_share": {"en": "women's share", "vi": "tỷ lệ lao động nữ"},
    "men": {"en": "men", "vi": "lao động nam"},
    "plan": {"en": "Plan", "vi": "Kế hoạch"},
    "plan_range": {"en": "Plan range", "vi": "Khoảng kế hoạch"},
    "actual": {"en": "Actual", "vi": "Thực hiện"},
    "of_plan": {"en": "of plan", "vi": "so với kế hoạch"},
    "of_upper_plan": {"en": "of the plan's upper end", "vi": "so với mức trên của kế hoạch"},
    "share_of_total": {"en": "share of all workers sent abroad", "vi": "tỷ trọng trong tổng số lao động đi làm việc ở nước ngoài"},
    "no_data": {"en": "no data", "vi": "không có số liệu"},
}


def _merge_topic_texts() -> None:
    import importlib
    import pkgutil

    from . import texts

    for info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda m: m.name):
        topic = importlib.import_module(f"{texts.__name__}.{info.name}")
        for key, entry in topic.TEXT.items():
            if key in TEXT:
                raise KeyError(f"label '{key}' is defined twice (vnjp/texts/{info.name}.py)")
            if set(entry) != set(LANGS):
                raise KeyError(f"label '{key}' in vnjp/texts/{info.name}.py needs exactly {LANGS}")
            TEXT[key] = entry


_merge_topic_texts()


def place(code: str, lang: str) -> str:
    _check_lang(lang)
    try:
        return PLACES[code][lang]
    except KeyError:
        raise KeyError(f"no label for place '{code}': add it to vnjp.labels.PLACES") from None


#: How a template says a year range, and what it says instead when the range is one year
#: (``start == end``): "2010", never "2010–2010" or "from 2010 to 2010".
ONE_YEAR = {
    "en": (("{start}–{end}", "{start}"), ("from {start} to {end}", "in {start}"),
           ("between {start} and {end}", "in {start}")),
    "vi": (("giai đoạn {start}–{end}", "năm {start}"), ("trong {start}–{end}", "trong năm {start}"),
           ("cho {start}–{end}", "cho năm {start}"), ("từ {start} đến {end}", "trong năm {start}"),
           ("{start}–{end}", "{start}")),
}


def text(key: str, lang: str, **fmt) -> str:
    """The label ``key`` in ``lang``, formatted; a template's year range ``{start}``–``{end}`` reads as one
    year when ``start == end`` (see :data:`ONE_YEAR`)."""
    _check_lang(lang)
    try:
        template = TEXT[key][lang]
    except KeyError:
        raise KeyError(f"no label '{key}' in vnjp.labels.TEXT") from None
    if "start" in fmt and fmt.get("start") == fmt.get("end"):
        for long, short in ONE_YEAR[lang]:
            template = template.replace(long, short)
    return template.format(**fmt) if fmt else template


def fmt_int(value: float | int, lang: str) -> str:
    """159986 -> '159,986' (en) / '159.986' (vi)."""
    _check_lang(lang)
    s = f"{round(value):,}"
    return s.replace(",", ".") if lang == "vi" else s


def fmt_num(value: float, lang: str, decimals: int = 1) -> str:
    """1234.5 -> '1,234.5' (en) / '1.234,5' (vi)."""
    _check_lang(lang)
    s = f"{value:,.{decimals}f}"
    if lang == "vi":
        s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return s


def fmt_pct(fraction: float, lang: str, decimals: int = 1) -> str:
    """0.5001 -> '50.0%' (en) / '50,0%' (vi)."""
    return fmt_num(100 * fraction, lang, decimals) + "%"


def fmt_date(value, lang: str) -> str:
    """A day as '30 Jun 2025' (en) / '30/6/2025' (vi)."""
    import pandas as pd

    _check_lang(lang)
    day = pd.Timestamp(value)
    if lang == "vi":
        return f"{day.day}/{day.month}/{day.year}"
    return f"{day.day} {day.strftime('%b')} {day.year}"


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
