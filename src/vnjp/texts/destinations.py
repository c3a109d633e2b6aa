"""Texts of notebook 02, where Vietnamese workers go."""

TEXT = {
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
    "destinations_alt": {
        "en": "Horizontal bar chart of the {n} largest markets for Vietnamese workers in {year}, largest first. "
              "{first} received {first_n} workers, {second} {second_n}. Each bar is split into women and men "
              "where the source states women.",
        "vi": "Biểu đồ thanh ngang {n} thị trường tiếp nhận nhiều lao động Việt Nam nhất năm {year}. "
              "{first} tiếp nhận {first_n} lao động, {second} {second_n}. Mỗi thanh chia lao động nữ và nam "
              "khi nguồn có số liệu lao động nữ.",
    },
    "japan_share_alt": {
        "en": "Single stacked bar of the {total} workers sent abroad in {year}: Japan {japan} ({share}), then the "
              "other markets and the workers in markets the source does not list.",
        "vi": "Thanh xếp chồng {total} lao động đi làm việc ở nước ngoài năm {year}: Nhật Bản {japan} ({share}), "
              "sau đó là các thị trường khác và phần không nêu riêng.",
    },
    "plan_alt": {
        "en": "Column chart comparing the plan for {year} with the {actual} workers actually sent ({pct} of plan).",
        "vi": "Biểu đồ cột so sánh kế hoạch năm {year} với {actual} lao động thực tế đã đưa đi ({pct} kế hoạch).",
    },
}
