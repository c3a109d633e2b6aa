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
    "markets_time_title": {
        "en": "The leading markets for Vietnamese workers, {start}–{end}",
        "vi": "Các thị trường tiếp nhận lao động Việt Nam lớn nhất, {start}–{end}",
    },
    "markets_time_subtitle": {
        "en": "Workers sent per year to each market that ranked in the top {top} in at least one year; "
              "open marker: rounded figure; lines break where a year is missing",
        "vi": "Số lao động mỗi năm tới các thị trường từng nằm trong {top} thị trường lớn nhất ít nhất một năm; "
              "ký hiệu rỗng: số làm tròn; đường bị ngắt ở năm thiếu số liệu",
    },
    "low_reliability_point": {  # also the legend of notebook 03's workers panel
        "en": "diamond: only low-reliability sources state this figure",
        "vi": "hình thoi: chỉ có nguồn độ tin cậy thấp nêu số này",
    },
    "markets_time_alt": {
        "en": "Line chart of workers sent per year to {markets}, {start}–{end}. In {last}, {first_market} "
              "received {first_n} and {second_market} {second_n}.",
        "vi": "Biểu đồ đường số lao động mỗi năm tới {markets}, {start}–{end}. Năm {last}, {first_market} "
              "tiếp nhận {first_n} và {second_market} {second_n}.",
    },
    "women_time_title": {
        "en": "Women's share of Vietnamese workers sent abroad, by market",
        "vi": "Tỷ lệ lao động nữ trong số lao động Việt Nam đi làm việc ở nước ngoài, theo thị trường",
    },
    "women_time_subtitle": {
        "en": "Women ÷ all workers sent, in the years where a source states both ({first}–{last})",
        "vi": "Lao động nữ ÷ tổng số lao động, các năm có nguồn nêu cả hai số ({first}–{last})",
    },
    "women_time_alt": {
        "en": "Dot-and-line chart of women's share of workers sent, by market, in the {n} years with data. "
              "All destinations: {all_first} in {first}, {all_last} in {last}.",
        "vi": "Biểu đồ tỷ lệ lao động nữ theo thị trường trong {n} năm có số liệu. Tất cả thị trường: "
              "{all_first} năm {first}, {all_last} năm {last}.",
    },
    "plan_time_title": {
        "en": "Workers sent abroad against the annual plan, {start}–{end}",
        "vi": "Lao động đi làm việc ở nước ngoài so với kế hoạch năm, {start}–{end}",
    },
    "plan_time_subtitle": {
        "en": "Grey: plan (hatched top: plan range; R: revised plan; ≈: rounded); blue: workers sent; "
              "label: sent ÷ plan (upper end of a range)",
        "vi": "Xám: kế hoạch (phần gạch chéo: khoảng kế hoạch; R: kế hoạch điều chỉnh; ≈: số làm tròn); xanh: số "
              "lao động đã đưa đi; nhãn: thực hiện ÷ kế hoạch (mức trên nếu là khoảng)",
    },
    "plan_time_alt": {
        "en": "Paired columns of plan and workers sent for {n} years with both; sent exceeded the plan in {over} "
              "of them. Largest excess: {max_pct} in {max_year}.",
        "vi": "Cặp cột kế hoạch và thực hiện cho {n} năm có đủ hai số; thực hiện vượt kế hoạch trong {over} năm. "
              "Vượt nhiều nhất: {max_pct} năm {max_year}.",
    },
    "revised_short": {"en": "R", "vi": "R"},
    "plan_range_mark": {"en": "hatched top: plan range, up to its upper end",
                        "vi": "phần gạch chéo: khoảng kế hoạch, đến mức trên"},
    "revised_mark": {"en": "revised plan", "vi": "kế hoạch điều chỉnh"},
    "plan_rounded_mark": {"en": "rounded plan (\"about\")", "vi": "kế hoạch làm tròn (\"khoảng\")"},
    "small_base_mark": {"en": "open: share of fewer than {n} workers (n = workers)",
                        "vi": "rỗng: tỷ lệ tính trên dưới {n} lao động (n = số lao động)"},
    "n_label": {"en": "n = {n}", "vi": "n = {n}"},
    "sent_label": {"en": "Workers sent", "vi": "Đã đưa đi"},
    "ratio_note": {
        "en": "Percentages are computed from the plotted figures.",
        "vi": "Tỷ lệ phần trăm được tính từ các số liệu trong biểu đồ.",
    },
    # any year / range of the domain (vnjp.params): what the figure draws when part of it has no rows
    "destinations_subtitle_some": {
        "en": "Top {n} markets; dark: women, light: men, grey: women not stated; label: total and women's share",
        "vi": "{n} thị trường lớn nhất; đậm: nữ, nhạt: nam, xám: không rõ số nữ; nhãn: tổng số và tỷ lệ nữ",
    },
    "destinations_subtitle_none": {
        "en": "Top {n} markets; no count of women by market for {year}, so bars are not split; label: total",
        "vi": "{n} thị trường lớn nhất; không có số lao động nữ theo thị trường năm {year}; nhãn: tổng số",
    },
    "women_not_stated": {"en": "women not stated", "vi": "không có số liệu lao động nữ"},
    "destinations_alt_any": {
        "en": "Horizontal bar chart of the {n} largest markets for Vietnamese workers in {year}, largest first: "
              "{ranking}. {split}",
        "vi": "Biểu đồ thanh ngang {n} thị trường tiếp nhận nhiều lao động Việt Nam nhất năm {year}: {ranking}. {split}",
    },
    "destinations_split_some": {
        "en": "Bars are split into women and men for the {k} markets whose women the source states.",
        "vi": "Thanh được chia lao động nữ và nam cho {k} thị trường có số liệu lao động nữ.",
    },
    "destinations_split_none": {
        "en": "No bar is split by sex: the sources state no women by market for this year.",
        "vi": "Không thanh nào chia theo giới: nguồn không nêu số lao động nữ theo thị trường năm này.",
    },
    "destinations_no_markets": {
        "en": "The sources give a total for {year} ({total} workers) but no count by market.",
        "vi": "Nguồn có tổng số năm {year} ({total} lao động) nhưng không có số theo thị trường.",
    },
    "japan_share_no_data": {
        "en": "No full-year count of workers sent to Japan in {year} ({total} workers sent abroad in all).",
        "vi": "Không có số lao động sang Nhật Bản cả năm {year} (tổng số {total} lao động đi làm việc ở nước ngoài).",
    },
    "plan_no_data": {
        "en": "No plan target for {year}; {actual} workers were sent abroad that year.",
        "vi": "Không có chỉ tiêu kế hoạch năm {year}; năm đó có {actual} lao động đi làm việc ở nước ngoài.",
    },
    "markets_time_no_data": {
        "en": "No full-year count by market for {start}–{end}.",
        "vi": "Không có số lao động cả năm theo thị trường cho {start}–{end}.",
    },
    "markets_time_alt_any": {
        "en": "Line chart of workers sent per year to {markets}, {start}–{end}. In {last}: {latest}.",
        "vi": "Biểu đồ đường số lao động mỗi năm tới {markets}, {start}–{end}. Năm {last}: {latest}.",
    },
    "women_time_no_data": {
        "en": "No year of {start}–{end} in which a source states both the women and all workers sent.",
        "vi": "Không năm nào trong {start}–{end} có nguồn nêu cả số lao động nữ và tổng số lao động.",
    },
    "women_time_alt_markets": {
        "en": "Dot-and-line chart of women's share of workers sent, by market, in the {n} years with data "
              "({markets}); no year states both counts for all destinations together.",
        "vi": "Biểu đồ tỷ lệ lao động nữ theo thị trường trong {n} năm có số liệu ({markets}); không năm nào có cả "
              "hai số cho tất cả thị trường.",
    },
    "plan_time_no_data": {
        "en": "No plan target for any year of {start}–{end}.",
        "vi": "Không có chỉ tiêu kế hoạch cho năm nào trong {start}–{end}.",
    },
    "plan_time_alt_none": {
        "en": "Columns of the plan for {n} years; no year has both a plan and a full-year total to compare.",
        "vi": "Cột kế hoạch cho {n} năm; không năm nào có cả kế hoạch và tổng số cả năm để so sánh.",
    },
}
