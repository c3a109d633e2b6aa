"""Texts of templates/analysis.ipynb, the starting point of a new analysis.

Copy this file to ``src/vnjp/texts/<topic>.py`` with the template, and rename the keys
(a key defined in two files is an error).
"""

TEXT = {
    "template_title": {
        "en": "Vietnamese workers sent to {market}, {start}–{end}",
        "vi": "Lao động Việt Nam đi làm việc tại {market}, {start}–{end}",
    },
    "template_subtitle": {
        "en": "Workers sent abroad under contract in each calendar year; hatched: approximate",
        "vi": "Lao động đi làm việc ở nước ngoài theo hợp đồng trong từng năm; gạch chéo: số gần đúng",
    },
    "template_approximate": {
        "en": "approximate (the source says 'about' or 'more than')",
        "vi": "số gần đúng (nguồn ghi 'khoảng' hoặc 'hơn')",
    },
    "template_alt": {
        "en": "Column chart of the Vietnamese workers sent to {market} in each year from {start} to {end}: "
              "{low} in {low_year} at the least, {high} in {high_year} at the most; years without data: {missing}.",
        "vi": "Biểu đồ cột số lao động Việt Nam đi làm việc tại {market} trong từng năm từ {start} đến {end}: "
              "ít nhất {low} người năm {low_year}, nhiều nhất {high} người năm {high_year}; "
              "các năm không có số liệu: {missing}.",
    },
    "template_none": {"en": "none", "vi": "không có"},
    "template_no_data": {
        "en": "No full-year count of workers sent to {market} for {start}–{end}.",
        "vi": "Không có số lao động đi làm việc tại {market} cả năm cho {start}–{end}.",
    },
}
