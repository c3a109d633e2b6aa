from __future__ import annotations

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
