from __future__ import annotations

import re

import pytest

from vnjp import labels


def test_vietnamese_number_style():
    assert labels.fmt_int(159986, "vi") == "159.986"
    assert labels.fmt_int(159986, "en") == "159,986"
    assert labels.fmt_pct(0.5001, "vi") == "50,0%"
    assert labels.fmt_pct(80010 / 159986, "en") == "50.0%"
    assert labels.fmt_num(1234.56, "vi", 2) == "1.234,56"


def test_vietnamese_labels_keep_diacritics():
    assert labels.place("JPN", "vi") == "Nhật Bản"
    assert labels.place("TWN", "vi") == "Đài Loan (Trung Quốc)"
    assert labels.text("source", "vi") == "Nguồn"


def test_every_text_has_both_languages():
    for key, value in {**labels.TEXT, **labels.PLACES}.items():
        assert set(value) == {"en", "vi"}, key
        assert all(value[lang].strip() for lang in labels.LANGS), key


def test_unknown_language_or_label_is_an_error():
    with pytest.raises(ValueError):
        labels.fmt_int(1, "ja")
    with pytest.raises(KeyError, match="add it to vnjp.labels.PLACES"):
        labels.place("XXX", "en")


def test_dates_in_each_language():
    from vnjp.labels import fmt_date
    assert fmt_date("2025-06-30", "en") == "30 Jun 2025"
    assert fmt_date("2025-06-30", "vi") == "30/6/2025"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_one_year_range_reads_as_one_year_in_every_template(lang):
    """Every template with a {start}..{end} range, formatted with start == end, names the year once and
    never as '2010–2010' or 'from 2010 to 2010'; a longer range keeps its dash."""
    import string

    from vnjp.labels import TEXT, text

    tried = 0
    for key, entry in TEXT.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
        if not {"start", "end"} <= fields or not re.search(r"\{start\}(–| to | đến | and )\{end\}", entry[lang]):
            continue  # no range (e.g. "at the end of {start} and ... at the end of {end}")
        values = {f: "X" for f in fields} | {"start": 2010, "end": 2010}
        one = text(key, lang, **values)
        assert "2010–2010" not in one and one.count("2010") == 1, f"{key}: {one}"
        assert not any(w in one for w in ("from 2010", "between 2010", "từ 2010", "đoạn 2010")), f"{key}: {one}"
        many = text(key, lang, **(values | {"end": 2020}))
        assert "2010" in many and "2020" in many, f"{key}: {many}"
        tried += 1
    assert tried > 30


def test_one_year_titles_in_both_languages():
    from vnjp.labels import text

    assert text("wrk_emp_title", "en", start=2010, end=2010).endswith("end of October 2010")
    assert text("wrk_no_rows", "vi", start=2010, end=2010) == "Không có số liệu cho năm 2010"
    assert text("wrk_no_rows", "vi", start=2010, end=2011) == "Không có số liệu cho giai đoạn 2010–2011"
