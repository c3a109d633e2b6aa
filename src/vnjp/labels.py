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

#: Everything else a figure says.
TEXT = {
    "source": {"en": "Source", "vi": "Nguồn"},
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
    "destinations_title": {
        "en": "Vietnamese workers sent abroad under contract, {year}, by market",
        "vi": "Lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng năm {year}, theo thị trường",
    },
    "destinations_subtitle": {
        "en": "Top {n} markets; dark: women, light: men; label: total and women's share",
        "vi": "{n} thị trường lớn nhất; đậm: lao động nữ, nhạt: lao động nam; nhãn: tổng số và tỷ lệ nữ",
    },
    "japan_share_title": {
        "en": "Japan took {share} of Vietnamese workers sent abroad in {year}",
        "vi": "Nhật Bản chiếm {share} số lao động Việt Nam đi làm việc ở nước ngoài năm {year}",
    },
    "japan_share_subtitle": {
        "en": "Workers sent abroad under contract, {total} in all",
        "vi": "Lao động đi làm việc ở nước ngoài theo hợp đồng, tổng số {total} người",
    },
    "plan_title": {
        "en": "Workers sent abroad in {year} against the annual plan",
        "vi": "Lao động đi làm việc ở nước ngoài năm {year} so với kế hoạch",
    },
    "plan_subtitle": {
        "en": "{actual} workers sent = {pct} {of_plan}",
        "vi": "Đã đưa {actual} người = {pct} {of_plan}",
    },
    "other_named": {"en": "Other named markets", "vi": "Các thị trường khác được nêu"},
    "derived_note": {
        "en": "Shares and the not-itemised remainder (total minus named markets) are computed from these figures.",
        "vi": "Tỷ trọng và phần không nêu riêng (tổng số trừ các thị trường được nêu) được tính từ các số liệu này.",
    },
    "next_year_plan": {"en": "Plan {year}", "vi": "Kế hoạch {year}"},
    "sent_year": {"en": "Sent {year}", "vi": "Thực hiện {year}"},
}


def place(code: str, lang: str) -> str:
    _check_lang(lang)
    try:
        return PLACES[code][lang]
    except KeyError:
        raise KeyError(f"no label for place '{code}': add it to vnjp.labels.PLACES") from None


def text(key: str, lang: str, **fmt) -> str:
    _check_lang(lang)
    try:
        template = TEXT[key][lang]
    except KeyError:
        raise KeyError(f"no label '{key}' in vnjp.labels.TEXT") from None
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


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
