"""Texts of a grid in the report (vnjp.report): the runs of one notebook over a list of values, shown on a
page of their own (``build/report/<lang>/<grid>.html``), members in order."""

TEXT = {
    "section_destinations-year": {
        "en": "Where Vietnamese workers went, year by year: the destination markets of each year",
        "vi": "Lao động Việt Nam đi đâu qua từng năm: thị trường tiếp nhận của mỗi năm",
    },
    "report_grid_summary_destinations-year": {
        "en": "For each of the {n} years with DOLAB's count by market ({values}): the markets ranked with "
              "women's share, Japan's share of the total, and the total against the plan ({figures} in all).",
        "vi": "Với mỗi năm trong {n} năm có số liệu theo thị trường của Cục Quản lý lao động ngoài nước ({values}): "
              "các thị trường xếp theo số lao động kèm tỷ lệ nữ, tỷ trọng của Nhật Bản trong tổng số, và tổng số "
              "so với kế hoạch (tổng cộng {figures}).",
    },
    "report_grid_summary": {
        "en": "One run for each of {n} values ({values}), {figures} in all.",
        "vi": "Mỗi giá trị trong {n} giá trị ({values}) một lần chạy, tổng cộng {figures}.",
    },
    "report_grid_link": {"en": "Open the page of all {n}", "vi": "Mở trang của cả {n}"},
    "report_grid_link_destinations-year": {"en": "The figures of the {n} years, on one page",
                                           "vi": "Biểu đồ của {n} năm, trên một trang"},
    "report_grid_not_shown": {
        "en": "Not shown there yet: {members} (the page says why).",
        "vi": "Chưa hiển thị ở trang đó: {members} (trang đó nêu lý do).",
    },
    "report_grid_back": {"en": "Back to the contents", "vi": "Quay lại mục lục"},
    "report_grid_members": {"en": "On this page", "vi": "Trên trang này"},
}
