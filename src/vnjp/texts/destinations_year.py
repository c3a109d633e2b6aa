"""Figure texts of notebook 07 (one year's destination markets, vnjp.destinations) that notebook 02's do not cover:
the ranking's subtitle says how many markets the sources name, so a year with one or two reads right."""

TEXT = {
    "year_markets_top": {"en": "Top {n} of the {m} markets the sources name",
                         "vi": "{n} thị trường lớn nhất trong {m} thị trường được nêu trong nguồn"},
    "year_markets_all": {"en": "The {n} markets the sources name", "vi": "{n} thị trường được nêu trong nguồn"},
    "year_markets_one": {"en": "The one market the sources name", "vi": "Thị trường duy nhất được nêu trong nguồn"},
    "year_markets_split_all": {"en": "{markets}; dark: women, light: men; label: total and women's share",
                               "vi": "{markets}; đậm: nữ, nhạt: nam; nhãn: tổng số và tỷ lệ nữ"},
    "year_markets_split_some": {
        "en": "{markets}; dark: women, light: men, grey: women not stated; label: total and women's share",
        "vi": "{markets}; đậm: nữ, nhạt: nam, xám: không rõ số nữ; nhãn: tổng số và tỷ lệ nữ",
    },
    "year_markets_split_none": {
        "en": "{markets}; no count of women by market for {year}: bars not split",
        "vi": "{markets}; không có số lao động nữ theo thị trường năm {year}",
    },
}
