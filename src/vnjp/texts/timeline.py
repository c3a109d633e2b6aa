"""Texts of notebook 04, the policy milestones."""

TEXT = {
    "cat_diplomacy": {"en": "Diplomacy", "vi": "Ngoại giao"},
    "cat_economy": {"en": "Economy and numbers", "vi": "Kinh tế và số liệu"},
    "cat_agreement": {"en": "Agreements", "vi": "Thỏa thuận, hiệp định"},
    "cat_programme": {"en": "Programmes", "vi": "Chương trình"},
    "cat_law": {"en": "Laws and rules", "vi": "Luật và quy định"},
    "cat_shock": {"en": "Shocks", "vi": "Biến cố"},
    "milestones_title": {
        "en": "Vietnam–Japan labour cooperation: policy milestones, {start}–{end}",
        "vi": "Hợp tác lao động Việt Nam – Nhật Bản: các mốc chính sách, {start}–{end}",
    },
    "milestones_subtitle": {
        "en": "{n} events, one row each, grouped by kind and in date order within each group; "
              "{n_planned} still planned after {today}",
        "vi": "{n} sự kiện, mỗi sự kiện một dòng, nhóm theo loại và xếp theo thời gian trong nhóm; "
              "{n_planned} sự kiện vẫn là dự kiến sau ngày {today}",
    },
    "prec_day": {"en": "date known to the day", "vi": "biết ngày cụ thể"},
    "prec_month": {"en": "month known", "vi": "chỉ biết tháng"},
    "prec_year": {"en": "year only (bar spans the year)", "vi": "chỉ biết năm (thanh trải cả năm)"},
    "planned": {"en": "planned (after {today}; hollow, italic)", "vi": "dự kiến (sau ngày {today}; rỗng, nghiêng)"},
    "planned_suffix": {"en": "(planned)", "vi": "(dự kiến)"},
    "year_axis": {"en": "year", "vi": "năm"},
    "milestones_alt": {
        "en": "Timeline from {start} to {end} with one row per event, grouped in {n_cats} lanes by kind: {counts}. "
              "The first event is {first_label} ({first_date}); the last is {last_label} ({last_date}). {n_after} of "
              "the {n} events date from {dense_from} or later.",
        "vi": "Dòng thời gian từ {start} đến {end}, mỗi sự kiện một dòng, chia thành {n_cats} nhóm theo loại: "
              "{counts}. Sự kiện đầu tiên: {first_label} ({first_date}); cuối cùng: {last_label} ({last_date}). "
              "{n_after}/{n} sự kiện diễn ra từ năm {dense_from} trở đi.",
    },
    "milestones_alt_short": {
        "en": "Timeline from {start} to {end} with one row per event, grouped in {n_cats} lanes by kind: {counts}. "
              "The first event is {first_label} ({first_date}); the last is {last_label} ({last_date}).",
        "vi": "Dòng thời gian từ {start} đến {end}, mỗi sự kiện một dòng, chia thành {n_cats} nhóm theo loại: "
              "{counts}. Sự kiện đầu tiên: {first_label} ({first_date}); cuối cùng: {last_label} ({last_date}).",
    },
    "milestones_no_data": {
        "en": "No event of the chosen kinds ({categories}) dated {start}–{end}.",
        "vi": "Không có sự kiện nào thuộc các loại đã chọn ({categories}) trong {start}–{end}.",
    },
}
