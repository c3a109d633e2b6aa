"""Texts of notebook 03, the trade / ODA / investment context."""

TEXT = {
    # reporters
    "rep_vn_customs": {"en": "Vietnam customs", "vi": "Hải quan Việt Nam"},
    "rep_jp_mof": {"en": "Japan (Ministry of Finance)", "vi": "Nhật Bản (Bộ Tài chính)"},
    "rep_unstated": {"en": "other sources, reporter not named", "vi": "nguồn khác, không nêu cơ quan thống kê"},
    "rep_vn_mpi_fia": {"en": "Vietnam FIA (MPI)", "vi": "Cục Đầu tư nước ngoài (Bộ KH&ĐT)"},
    "rep_world_bank": {"en": "World Bank", "vi": "Ngân hàng Thế giới"},
    "other_values": {"en": "other sources' values", "vi": "giá trị của nguồn khác"},
    "marker_key": {
        "en": "Filled marker: exact final figure; hollow: rounded ('about', 'more than', 'nearly'), "
              "preliminary, forecast or plan; a line joins consecutive years only",
        "vi": "Điểm đặc: số chính xác, chính thức; điểm rỗng: số làm tròn ('khoảng', 'hơn', 'gần'), "
              "sơ bộ, dự báo hoặc kế hoạch; chỉ nối các năm liền nhau",
    },
    "usd_bn": {"en": "USD billion", "vi": "tỷ USD"},
    "jpy_bn": {"en": "JPY billion", "vi": "tỷ yên"},
    # figure 1: trade
    "trade_title": {
        "en": "Vietnam–Japan trade as each side reports it, {start}–{end}",
        "vi": "Kim ngạch xuất nhập khẩu song phương Việt Nam – Nhật Bản theo số liệu của mỗi bên, {start}–{end}",
    },
    "trade_subtitle": {
        "en": "Calendar years, USD billion. Both sides report the same year for exports and imports in "
              "{years} only ({overlap}).",
        "vi": "Năm dương lịch, tỷ USD. Cả hai bên cùng có số liệu xuất khẩu và nhập khẩu của cùng một năm "
              "chỉ trong {years} ({overlap}).",
    },
    "trade_subtitle_none": {
        "en": "Calendar years, USD billion. The two sides never report the same year for exports or imports.",
        "vi": "Năm dương lịch, tỷ USD. Hai bên không có số liệu xuất khẩu hay nhập khẩu của cùng một năm nào.",
    },
    "trade_total_panel": {"en": "Total trade (Japan's side: no total in the data)",
                          "vi": "Tổng kim ngạch (phía Nhật Bản: dữ liệu không có tổng)"},
    "exports_panel": {"en": "Vietnam's exports to Japan (Japan's side: its imports from Vietnam)",
                      "vi": "Việt Nam xuất khẩu sang Nhật Bản (phía Nhật: nhập khẩu từ Việt Nam)"},
    "imports_panel": {"en": "Vietnam's imports from Japan (Japan's side: its exports to Vietnam)",
                      "vi": "Việt Nam nhập khẩu từ Nhật Bản (phía Nhật: xuất khẩu sang Việt Nam)"},
    "coverage_line": {
        "en": "both sides: {both}; Vietnam only: {vn}; Japan only: {jp}",
        "vi": "cả hai bên: {both}; chỉ Việt Nam: {vn}; chỉ Nhật Bản: {jp}",
    },
    "none": {"en": "none", "vi": "không có"},
    "gap_label": {"en": "Japan − Vietnam: {gap}", "vi": "Nhật Bản − Việt Nam: {gap}"},
    "trade_yen_note": {
        "en": "Japan's side also states {year} in yen (Vietnam's exports {exp}, imports {imp} JPY billion; "
              "{source}); yen is not drawn on a dollar axis.",
        "vi": "Phía Nhật Bản còn có số liệu năm {year} bằng yên (Việt Nam xuất khẩu {exp}, nhập khẩu {imp} tỷ yên; "
              "{source}); không vẽ yên trên trục đô la.",
    },
    "trade_alt": {
        "en": "Three panels over {start}–{end}: total trade, Vietnam's exports to Japan and its imports from Japan, "
              "in USD billion. Vietnamese customs figures exist for {n_vn} years of total trade; Japan's side "
              "reports exports and imports for {n_jp} years. Both report the same year only in {overlap}; the "
              "largest gap is {gap} USD billion ({gap_what}, {gap_year}). Latest customs total: {last} "
              "({last_year}).",
        "vi": "Ba ô trong giai đoạn {start}–{end}: tổng kim ngạch, Việt Nam xuất khẩu sang và nhập khẩu từ Nhật Bản, "
              "tỷ USD. Hải quan Việt Nam có tổng kim ngạch cho {n_vn} năm; phía Nhật Bản có xuất, nhập khẩu cho "
              "{n_jp} năm. Hai bên chỉ cùng có số liệu năm {overlap}; chênh lệch lớn nhất {gap} tỷ USD "
              "({gap_what}, năm {gap_year}). Tổng kim ngạch mới nhất theo hải quan: {last} ({last_year}).",
    },
    "exports_word": {"en": "exports", "vi": "xuất khẩu"},
    "imports_word": {"en": "imports", "vi": "nhập khẩu"},
    # figure 2: ODA
    "oda_title": {
        "en": "Japan's ODA to Vietnam: annual commitments and cumulative totals as stated",
        "vi": "ODA của Nhật Bản cho Việt Nam: cam kết hằng năm và tổng lũy kế theo công bố",
    },
    "oda_subtitle": {
        "en": "Annual figures in {n_years} of the {span} years {start}–{end}; cumulative totals are the sources' "
              "own, never summed from annual figures",
        "vi": "Số liệu hằng năm có trong {n_years}/{span} năm {start}–{end}; tổng lũy kế là số do nguồn công bố, "
              "không cộng dồn từ số hằng năm",
    },
    "oda_annual_panel": {"en": "Annual commitments, JPY billion", "vi": "Cam kết hằng năm, tỷ yên"},
    "oda_cum_jpy_panel": {"en": "Cumulative since 1992 (or start not stated), JPY billion",
                          "vi": "Lũy kế từ năm 1992 (hoặc không nêu năm đầu), tỷ yên"},
    "oda_cum_usd_panel": {"en": "Cumulative since 1992 (or start not stated), USD billion",
                          "vi": "Lũy kế từ năm 1992 (hoặc không nêu năm đầu), tỷ USD"},
    "oda_loans": {"en": "loans", "vi": "vốn vay"},
    "oda_grants": {"en": "grants", "vi": "viện trợ không hoàn lại"},
    "oda_tc": {"en": "technical cooperation", "vi": "hợp tác kỹ thuật"},
    "oda_all": {"en": "all ODA", "vi": "tổng ODA"},
    "fiscal_marker": {"en": "square: Japanese fiscal year (April–March)",
                      "vi": "hình vuông: năm tài khóa Nhật Bản (tháng 4 – tháng 3)"},
    "calendar_marker": {"en": "circle: calendar year", "vi": "hình tròn: năm dương lịch"},
    "status_plan_original": {"en": "plan", "vi": "kế hoạch"},
    "status_forecast": {"en": "forecast", "vi": "dự báo"},
    "status_preliminary": {"en": "preliminary", "vi": "sơ bộ"},
    "oda_note": {
        "en": "Single exchanges of notes, loans counted since FY1959 and suspect rows are not drawn.",
        "vi": "Không vẽ các lần trao đổi công hàm riêng lẻ, số vốn vay tính từ năm tài khóa 1959 và các dòng nghi sai.",
    },
    "oda_alt": {
        "en": "Three panels. Annual ODA commitments in JPY billion exist for {n_years} years between {start} and "
              "{end}, loans as high as {max_loan} (FY{max_loan_year}). Cumulative totals stated by sources rise "
              "to {last_jpy} JPY billion ({last_jpy_date}) and {last_usd} USD billion ({last_usd_date}).",
        "vi": "Ba ô. Cam kết ODA hằng năm (tỷ yên) có số liệu cho {n_years} năm trong giai đoạn {start}–{end}, "
              "vốn vay cao nhất {max_loan} (năm tài khóa {max_loan_year}). Tổng lũy kế do các nguồn công bố tăng "
              "đến {last_jpy} tỷ yên ({last_jpy_date}) và {last_usd} tỷ USD ({last_usd_date}).",
    },
    # figure 3: FDI
    "fdi_title": {
        "en": "Japanese direct investment in Vietnam: registered capital, {start}–{end}",
        "vi": "Đầu tư trực tiếp của Nhật Bản vào Việt Nam: vốn đăng ký, {start}–{end}",
    },
    "fdi_subtitle": {
        "en": "USD billion; #n = Japan's rank among investing countries in the year (top) or to date (bottom)",
        "vi": "Tỷ USD; #n = thứ hạng của Nhật Bản trong các nhà đầu tư trong năm (trên) hoặc lũy kế (dưới)",
    },
    "fdi_annual_panel": {"en": "Registered in the year", "vi": "Vốn đăng ký trong năm"},
    "fdi_cum_panel": {"en": "Registered to date (cumulative, at the date stated)",
                      "vi": "Vốn đăng ký lũy kế (tại thời điểm công bố)"},
    "fdi_full_year": {"en": "FIA, full year", "vi": "Cục ĐTNN, cả năm"},
    "fdi_part_year": {"en": "FIA, part of the year (months covered)", "vi": "Cục ĐTNN, một phần năm (số tháng)"},
    "months_short": {"en": "{n} mo.", "vi": "{n} th."},
    "fdi_alt": {
        "en": "Top: bars of Japanese FDI registered in Vietnam per year, {n_years} full years between {start} and "
              "{end}, highest {max_value} USD billion in {max_year}. Bottom: cumulative registered capital at "
              "the dates sources state it, latest {last_value} USD billion ({last_date}), rank {last_rank}.",
        "vi": "Trên: vốn FDI Nhật Bản đăng ký tại Việt Nam theo năm, {n_years} năm đủ số liệu trong giai đoạn "
              "{start}–{end}, cao nhất {max_value} tỷ USD năm {max_year}. Dưới: vốn đăng ký lũy kế tại các thời "
              "điểm công bố, mới nhất {last_value} tỷ USD ({last_date}), xếp hạng {last_rank}.",
    },
    # figure 4: one time axis
    "context_title": {
        "en": "Workers sent to Japan beside trade, investment and remittances, {start}–{end}",
        "vi": "Lao động sang Nhật Bản bên cạnh thương mại, đầu tư và kiều hối, {start}–{end}",
    },
    "context_subtitle": {
        "en": "Each panel in its own unit; empty years are years without a figure in the data",
        "vi": "Mỗi ô có đơn vị riêng; năm để trống là năm dữ liệu không có số liệu",
    },
    "panel_workers": {"en": "Workers sent to Japan (persons, full year)",
                      "vi": "Lao động đi làm việc tại Nhật Bản (người, cả năm)"},
    "panel_trade": {"en": "Trade total, Vietnam customs (USD billion)",
                    "vi": "Kim ngạch xuất nhập khẩu song phương, hải quan Việt Nam (tỷ USD)"},
    "panel_fdi": {"en": "Japanese FDI registered in the year, FIA (USD billion)",
                  "vi": "FDI Nhật Bản đăng ký trong năm, Cục ĐTNN (tỷ USD)"},
    "panel_remit": {"en": "Remittances to Vietnam, all countries, World Bank (USD billion)",
                    "vi": "Kiều hối về Việt Nam từ mọi nước, Ngân hàng Thế giới (tỷ USD)"},
    "years_with_data": {"en": "{n} of {span} years", "vi": "{n}/{span} năm"},
    "context_alt": {
        "en": "Four stacked panels sharing the years {start}–{end}. Figures exist for workers sent to Japan in "
              "{n_workers} years, customs trade in {n_trade}, FDI in {n_fdi} and World Bank remittances in "
              "{n_remit}; years without a figure are left empty and lines join consecutive years only.",
        "vi": "Bốn ô xếp chồng cùng trục năm {start}–{end}. Có số liệu lao động sang Nhật Bản cho {n_workers} năm, "
              "kim ngạch theo hải quan {n_trade} năm, FDI {n_fdi} năm và kiều hối theo Ngân hàng Thế giới "
              "{n_remit} năm; năm không có số liệu để trống, chỉ nối các năm liền nhau.",
    },
    "economy_no_data": {
        "en": "The data hold no {what} for {start}–{end}.",
        "vi": "Dữ liệu không có {what} cho {start}–{end}.",
    },
    "context_none": {
        "en": "workers sent to Japan, customs trade total, registered FDI or remittances",
        "vi": "số lao động sang Nhật Bản, tổng kim ngạch thương mại theo hải quan, vốn FDI đăng ký hay kiều hối",
    },
}

TEXT.update({
    "n_years_none": {"en": "no year", "vi": "không năm nào"},
    "n_years_one": {"en": "{n} year", "vi": "{n} năm"},
    "n_years_many": {"en": "{n} years", "vi": "{n} năm"},
    "key_filled": {"en": "filled: exact final figure", "vi": "điểm đặc: số chính xác, chính thức"},
    "key_hollow": {"en": "hollow: rounded, preliminary, forecast or plan",
                   "vi": "điểm rỗng: số làm tròn, sơ bộ, dự báo hoặc kế hoạch"},
    "key_other": {"en": "small grey dot: another source's value for the year",
                  "vi": "chấm xám nhỏ: giá trị của nguồn khác cho năm đó"},
    "key_filled_short": {"en": "exact", "vi": "chính xác"},
    "key_hollow_short": {"en": "rounded or not final", "vi": "làm tròn hoặc chưa chính thức"},
    "key_other_short": {"en": "another source", "vi": "nguồn khác"},
    "low_reliability_short": {"en": "only low-reliability sources", "vi": "chỉ có nguồn độ tin cậy thấp"},
    "log_scale": {"en": "logarithmic scale: each gridline is 10 times the one below",
                  "vi": "thang logarit: mỗi vạch lưới gấp 10 lần vạch bên dưới"},
    "oda_zero": {"en": "0 = none pledged (a zero cannot sit on a log scale: marked on the axis)",
                 "vi": "0 = không cam kết (số 0 không có trên thang logarit: đánh dấu trên trục)"},
    "fdi_full_year_marked": {"en": "FIA, full year, rounded ('about')", "vi": "Cục ĐTNN, cả năm, số làm tròn ('khoảng')"},
    "fdi_part_year_bar": {"en": "FIA, part of the year (hatched; months covered)",
                          "vi": "Cục ĐTNN, một phần năm (gạch chéo; số tháng)"},
    "fdi_rank_other": {"en": "grey #n: rank stated by another source", "vi": "#n màu xám: thứ hạng theo nguồn khác"},
})
