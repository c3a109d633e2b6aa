"""Texts of notebook 01, thirty years of trainee and worker flows."""

TEXT = {
    # status-of-residence names
    "status_total": {"en": "All Vietnamese residents", "vi": "Tổng số người Việt Nam cư trú"},
    "status_technical_intern_training": {"en": "Technical intern trainees", "vi": "Thực tập sinh kỹ năng"},
    "status_specified_skilled_worker": {"en": "Specified skilled workers", "vi": "Lao động kỹ năng đặc định"},
    "status_engineer_humanities_intl": {
        "en": "Engineer / humanities / international services",
        "vi": "Kỹ sư, nhân viên kỹ thuật – nhân văn – nghiệp vụ quốc tế",
    },
    "status_student": {"en": "International students", "vi": "Du học sinh"},
    # markers and legends shared by the flow figures
    "all_destinations_bar": {"en": "All destinations", "vi": "Tất cả thị trường"},
    "japan_bar": {"en": "Of which Japan", "vi": "Trong đó Nhật Bản"},
    "rounded_mark": {"en": "rounded figure (\"about\", \"more than\")", "vi": "số làm tròn (\"khoảng\", \"hơn\")"},
    "partial_mark": {"en": "hatched: part of the year only", "vi": "gạch chéo: chỉ một phần của năm"},
    "forecast_mark": {"en": "outline: forecast, not an outcome", "vi": "chỉ viền: số ước tính, chưa phải kết quả"},
    "alternative_mark": {"en": "other sources' figures", "vi": "số liệu của nguồn khác"},
    "partial_months": {"en": "Jan–{month}", "vi": "T1–T{m}"},
    "forecast_short": {"en": "forecast", "vi": "ước tính"},
    "no_data_years": {"en": "no yearly figure found", "vi": "không tìm thấy số liệu năm"},
    "milestones_heading": {"en": "Milestones", "vi": "Mốc chính sách"},
    # figure 1
    "flows_title": {
        "en": "Vietnamese workers sent abroad under contract, {start}–{end}: all destinations and Japan",
        "vi": "Lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng, {start}–{end}: tất cả thị trường và Nhật Bản",
    },
    "flows_subtitle": {
        "en": "Workers leaving each year; a missing bar is a year for which no figure was found",
        "vi": "Số lao động xuất cảnh mỗi năm; năm không có cột là năm không tìm thấy số liệu",
    },
    "flows_alt": {
        "en": "Bar chart of workers sent abroad per year from {start} to {end}, with the part that went to Japan. "
              "Full-year figures exist for {n_all} years (Japan: {n_jpn}). The latest full year, {last}, had "
              "{last_all} workers, {last_jpn} of them to Japan. Numbered marks on the time axis are policy milestones.",
        "vi": "Biểu đồ cột số lao động đi làm việc ở nước ngoài mỗi năm từ {start} đến {end}, kèm phần sang Nhật Bản. "
              "Có số liệu cả năm cho {n_all} năm (Nhật Bản: {n_jpn}). Năm đầy đủ gần nhất, {last}, có {last_all} "
              "lao động, trong đó {last_jpn} sang Nhật Bản. Các số đánh dấu trên trục thời gian là mốc chính sách.",
    },
    # figure 2
    "share_title": {
        "en": "Japan's share of Vietnamese workers sent abroad, {first}–{last}",
        "vi": "Tỷ trọng Nhật Bản trong số lao động Việt Nam đi làm việc ở nước ngoài, {first}–{last}",
    },
    "low_reliability_share": {
        "en": "diamond: a figure behind the share only low-reliability sources state",
        "vi": "hình thoi: một số liệu của tỷ lệ này chỉ có nguồn độ tin cậy thấp nêu",
    },
    "share_subtitle": {
        "en": "Workers sent to Japan ÷ all workers sent, years with both full-year figures; open circle: "
              "at least one figure is rounded; ×: the total is a forecast",
        "vi": "Lao động sang Nhật Bản ÷ tổng số lao động, các năm có đủ hai số liệu cả năm; vòng tròn rỗng: "
              "ít nhất một số làm tròn; ×: tổng số là số ước tính",
    },
    "share_alt": {
        "en": "Line chart of Japan's share of workers sent abroad in the {n} years with both figures, from "
              "{first_share} in {first} to {last_share} in {last}; the highest was {max_share} in {max_year}. "
              "The line breaks where a year is missing.",
        "vi": "Biểu đồ đường tỷ trọng Nhật Bản trong số lao động đi làm việc ở nước ngoài trong {n} năm có đủ số liệu, "
              "từ {first_share} năm {first} đến {last_share} năm {last}; cao nhất {max_share} năm {max_year}. "
              "Đường bị ngắt ở năm thiếu số liệu.",
    },
    "half_line": {"en": "half of all workers sent", "vi": "một nửa tổng số lao động"},
    "share_rounded_mark": {"en": "open circle: at least one figure is rounded",
                           "vi": "vòng tròn rỗng: ít nhất một số làm tròn"},
    "share_forecast_mark": {"en": "×: the total is a forecast", "vi": "×: tổng số là số ước tính"},
    "half_share_line": {"en": "half of all (50%)", "vi": "một nửa tổng số (50%)"},
    "share_axis": {"en": "share sent to Japan", "vi": "tỷ trọng sang Nhật Bản"},
    # figure 3
    "residents_title": {
        "en": "Vietnamese residents in Japan by status of residence, {start}–{end}",
        "vi": "Người Việt Nam cư trú tại Nhật Bản theo tư cách lưu trú, {start}–{end}",
    },
    "residents_subtitle": {
        "en": "Persons at each reported date (year-end and mid-year); lines break where no count was found",
        "vi": "Số người tại mỗi thời điểm công bố (cuối năm và giữa năm); đường bị ngắt ở thời điểm không có số liệu",
    },
    "residents_alt": {
        "en": "Line chart of Vietnamese residents in Japan: in all {total_first} at end-{first} and {total_last} at "
              "{last_date}. By status, the latest counts are technical intern trainees {titp}, specified skilled "
              "workers {ssw}, engineer/humanities {eng} and students {stu}.",
        "vi": "Biểu đồ đường số người Việt Nam cư trú tại Nhật Bản: tổng số {total_first} cuối năm {first} và "
              "{total_last} ngày {last_date}. Theo tư cách lưu trú, số gần nhất: thực tập sinh kỹ năng {titp}, lao "
              "động kỹ năng đặc định {ssw}, kỹ sư – nhân văn – nghiệp vụ quốc tế {eng}, du học sinh {stu}.",
    },
    "ssw_basis_note": {
        "en": "Specified skilled workers: the Immigration Services Agency's SSW releases; other statuses and the "
              "total: its residence statistics.",
        "vi": "Lao động kỹ năng đặc định: số liệu công bố riêng về kỹ năng đặc định của Cơ quan Quản lý xuất nhập "
              "cảnh và lưu trú Nhật Bản; các tư cách khác và tổng số: thống kê người nước ngoài cư trú.",
    },
    # figure 4
    "vnshare_title": {
        "en": "Vietnam's share of all technical intern trainees and specified skilled workers in Japan",
        "vi": "Tỷ trọng Việt Nam trong tổng số thực tập sinh kỹ năng và lao động kỹ năng đặc định tại Nhật Bản",
    },
    "vnshare_subtitle": {
        "en": "Vietnamese ÷ all nationalities, only at dates where one publication gives both counts",
        "vi": "Người Việt Nam ÷ tổng số mọi quốc tịch, chỉ tại thời điểm một nguồn công bố cả hai số",
    },
    "vnshare_alt": {
        "en": "Line chart of Vietnam's share: of technical intern trainees from {titp_first} ({titp_first_date}) to "
              "{titp_last} ({titp_last_date}); of specified skilled workers from {ssw_first} ({ssw_first_date}) to "
              "{ssw_last} ({ssw_last_date}).",
        "vi": "Biểu đồ đường tỷ trọng Việt Nam: trong thực tập sinh kỹ năng từ {titp_first} ({titp_first_date}) "
              "đến {titp_last} ({titp_last_date}); trong lao động kỹ năng đặc định từ {ssw_first} "
              "({ssw_first_date}) đến {ssw_last} ({ssw_last_date}).",
    },
    "vnshare_axis": {"en": "Vietnam's share", "vi": "tỷ trọng Việt Nam"},
    "value_at_date": {"en": "{value} at {date}", "vi": "{value} vào {date}"},
    # figure 5
    "covid_title": {
        "en": "COVID-19: workers sent abroad fell to {low_all} of the {base} level in {low_year} and recovered by {back}",
        "vi": "COVID-19: lao động đi làm việc ở nước ngoài giảm còn {low_all} mức năm {base} vào năm {low_year} và "
              "phục hồi vào năm {back}",
    },
    "covid_title_no_recovery": {
        "en": "COVID-19: workers sent abroad fell to {low_all} of the {base} level in {low_year}",
        "vi": "COVID-19: lao động đi làm việc ở nước ngoài giảm còn {low_all} mức năm {base} vào năm {low_year}",
    },
    "covid_subtitle": {
        "en": "Workers sent per year; label: % of {base}. Part-year figures are not compared with full years",
        "vi": "Số lao động mỗi năm; nhãn: % so với năm {base}. Số liệu một phần năm không so với cả năm",
    },
    "covid_alt": {
        "en": "Grouped bar chart of workers sent abroad and to Japan, {start}–{end}. All destinations: {base_all} in "
              "{base}, {low_all_n} in {low_year} ({low_all}). Japan: {base_jpn} in {base}, {low_jpn_n} in {low_year} "
              "({low_jpn}).",
        "vi": "Biểu đồ cột số lao động đi làm việc ở nước ngoài và sang Nhật Bản, {start}–{end}. Tất cả thị trường: "
              "{base_all} năm {base}, {low_all_n} năm {low_year} ({low_all}). Nhật Bản: {base_jpn} năm {base}, "
              "{low_jpn_n} năm {low_year} ({low_jpn}).",
    },
    "index_note": {
        "en": "Shares and percentages of the base year are computed from the plotted figures.",
        "vi": "Tỷ trọng và tỷ lệ so với năm gốc được tính từ các số liệu trong biểu đồ.",
    },
    "share_note": {
        "en": "Shares are computed from the plotted figures.",
        "vi": "Tỷ trọng được tính từ các số liệu trong biểu đồ.",
    },
    # low-reliability-only values (departures charts)
    "low_reliability_mark": {
        "en": "dotted: only low-reliability sources state it",
        "vi": "chấm: chỉ có nguồn độ tin cậy thấp nêu số này",
    },
    # figure 6: Japan's count of arrivals beside DOLAB's count of departures
    "arrivals_title": {
        "en": "Two counts of one flow: leaving for Japan (Vietnam's count) and arriving as trainees (Japan's count)",
        "vi": "Hai cách đếm một dòng lao động: xuất cảnh sang Nhật Bản (số liệu Việt Nam) và nhập cảnh với tư cách "
              "thực tập sinh kỹ năng (số liệu Nhật Bản)",
    },
    "arrivals_subtitle": {
        "en": "Bars: workers DOLAB counts leaving for Japan. Markers: Vietnamese entering Japan as technical intern "
              "trainees, as Japan counts them (Immigration Services Agency; JITCO before). Two measures, never added",
        "vi": "Cột: lao động sang Nhật Bản theo Cục Quản lý lao động ngoài nước. Điểm: người Việt Nam nhập cảnh Nhật "
              "Bản với tư cách thực tập sinh kỹ năng theo số liệu Nhật Bản (Cơ quan Quản lý xuất nhập cảnh và lưu "
              "trú Nhật Bản; trước đó JITCO). Hai thước đo riêng, không cộng gộp",
    },
    "departures_japan_bar": {
        "en": "Workers sent to Japan (DOLAB), full year",
        "vi": "Lao động sang Nhật Bản (Cục Quản lý lao động ngoài nước), cả năm",
    },
    "arr_titp_1_isa_new_entries": {
        "en": "Trainees (i), both types: new entries",
        "vi": "Thực tập sinh kỹ năng số 1, cả hai loại: nhập cảnh mới",
    },
    "arr_titp_1ro_isa_new_entries": {
        "en": "Trainees (i)(b), via a supervising organisation: new entries",
        "vi": "Thực tập sinh kỹ năng số 1 (b), qua tổ chức quản lý: nhập cảnh mới",
    },
    "arr_titp_1i_isa_new_entries": {
        "en": "Trainees (i)(a), company-type: new entries",
        "vi": "Thực tập sinh kỹ năng số 1 (a), doanh nghiệp trực tiếp tiếp nhận: nhập cảnh mới",
    },
    "arr_titp_3ro_isa_new_entries": {
        "en": "Trainees (iii)(b), back for a third stage: new entries",
        "vi": "Thực tập sinh kỹ năng số 3 (b), trở lại giai đoạn 3: nhập cảnh mới",
    },
    "arr_titp_any_isa_new_entries": {
        "en": "All trainee statuses, or stage not stated: new entries",
        "vi": "Mọi tư cách thực tập sinh kỹ năng hoặc không nêu giai đoạn: nhập cảnh mới",
    },
    "arr_trainee_and_intern_jitco_supported": {
        "en": "Trainees and interns whose acceptance JITCO supported",
        "vi": "Tu nghiệp sinh và thực tập sinh do JITCO hỗ trợ tiếp nhận",
    },
    "pair_label": {"en": "Japan {arr} / DOLAB {dep}", "vi": "Nhật Bản {arr} / Việt Nam {dep}"},
    "arrivals_part_mark": {"en": "open marker: part of the year only", "vi": "điểm rỗng: chỉ một phần của năm"},
    "arrivals_why": {
        "en": "Why the counts differ: DOLAB counts every contract worker (trainees, specified skilled workers, "
              "engineers) when they leave, by calendar year; Japan counts only the trainee status named, when they "
              "land, and Japan's statistics are by calendar year too; JITCO counted only the acceptances it "
              "supported, and the pages citing it do not say whether its year is calendar or fiscal (April–March).",
        "vi": "Vì sao hai số khác nhau: Cục Quản lý lao động ngoài nước đếm mọi lao động theo hợp đồng (thực tập "
              "sinh kỹ năng, lao động kỹ năng đặc định, kỹ sư) khi xuất cảnh, theo năm dương lịch; Nhật Bản chỉ đếm "
              "người nhập cảnh với tư cách lưu trú được nêu, cũng theo năm dương lịch; JITCO chỉ đếm các trường hợp "
              "do tổ chức này hỗ trợ, và các trang dẫn số liệu không nói năm của JITCO là năm dương lịch hay năm tài "
              "chính (tháng 4 – tháng 3).",
    },
    "arrivals_alt": {
        "en": "Bars for workers DOLAB sent to Japan per year from {first} to {end} ({n_dep} full years); markers for "
              "Vietnamese entering Japan as technical intern trainees by Japan's count ({n_arr} figures, years "
              "{arr_years}). In {pair_year}, a year with both full-year counts, Japan counted {pair_arr} "
              "({pair_label}) and DOLAB {pair_dep} departures to Japan.",
        "vi": "Cột: số lao động sang Nhật Bản mỗi năm từ {first} đến {end} theo Cục Quản lý lao động ngoài nước "
              "({n_dep} năm đủ số liệu); điểm: số người Việt Nam nhập cảnh Nhật Bản với tư cách thực tập sinh kỹ "
              "năng theo số liệu Nhật Bản ({n_arr} số liệu, các năm {arr_years}). Năm {pair_year}, năm có đủ cả hai "
              "số liệu cả năm, Nhật Bản ghi nhận {pair_arr} ({pair_label}), Cục Quản lý lao động ngoài nước ghi nhận "
              "{pair_dep} lao động sang Nhật Bản.",
    },
    "arrivals_alt_no_pair": {
        "en": "Bars for workers DOLAB sent to Japan per year from {first} to {end} ({n_dep} full years); markers for "
              "Vietnamese entering Japan as technical intern trainees by Japan's count ({n_arr} figures, years "
              "{arr_years}). No year of this range has a full-year count on both sides.",
        "vi": "Cột: số lao động sang Nhật Bản mỗi năm từ {first} đến {end} theo Cục Quản lý lao động ngoài nước "
              "({n_dep} năm đủ số liệu); điểm: số người Việt Nam nhập cảnh Nhật Bản với tư cách thực tập sinh kỹ "
              "năng theo số liệu Nhật Bản ({n_arr} số liệu, các năm {arr_years}). Không năm nào trong khoảng này có "
              "đủ số liệu cả năm của cả hai phía.",
    },
    "arrivals_no_data": {
        "en": "Neither DOLAB's count of workers sent to Japan nor Japan's count of Vietnamese trainee arrivals has "
              "a figure for {start}–{end}.",
        "vi": "Không có số lao động sang Nhật Bản của Cục Quản lý lao động ngoài nước, cũng không có số thực tập "
              "sinh kỹ năng Việt Nam nhập cảnh theo số liệu Nhật Bản, cho {start}–{end}.",
    },
    "flows_alt_no_japan": {
        "en": "Bar chart of workers sent abroad per year from {start} to {end}, with the part that went to Japan. "
              "Full-year figures exist for {n_all} years (Japan: {n_jpn}). The latest full year, {last}, had "
              "{last_all} workers; no full-year figure for Japan that year. Numbered marks on the time axis are "
              "policy milestones.",
        "vi": "Biểu đồ cột số lao động đi làm việc ở nước ngoài mỗi năm từ {start} đến {end}, kèm phần sang Nhật Bản. "
              "Có số liệu cả năm cho {n_all} năm (Nhật Bản: {n_jpn}). Năm đầy đủ gần nhất, {last}, có {last_all} "
              "lao động; năm đó không có số liệu cả năm cho Nhật Bản. Các số đánh dấu trên trục thời gian là mốc "
              "chính sách.",
    },
    "flows_alt_no_full": {
        "en": "Bar chart of workers sent abroad per year from {start} to {end}: no full-year total in this range "
              "(Japan: {n_jpn} full years); part-year figures, drawn hatched: {part}.",
        "vi": "Biểu đồ cột số lao động đi làm việc ở nước ngoài mỗi năm từ {start} đến {end}: không có tổng số cả năm "
              "trong khoảng này (Nhật Bản: {n_jpn} năm đầy đủ); số liệu một phần năm, gạch chéo: {part}.",
    },
    "flows_no_data": {
        "en": "No count of workers sent abroad, full or part year, for {start}–{end}.",
        "vi": "Không có số lao động đi làm việc ở nước ngoài, cả năm hay một phần năm, cho {start}–{end}.",
    },
    "share_no_data": {
        "en": "No year of {start}–{end} has both a full-year total and a full-year count for Japan.",
        "vi": "Không năm nào trong {start}–{end} có cả tổng số cả năm và số cả năm sang Nhật Bản.",
    },
    "residents_no_data": {
        "en": "No count of Vietnamese residents in Japan dated {start}–{end}.",
        "vi": "Không có số người Việt Nam cư trú tại Nhật Bản trong {start}–{end}.",
    },
    "residents_alt_some": {
        "en": "Line chart of Vietnamese residents in Japan by status of residence; latest counts: {items}. "
              "No count in this range: {missing}.",
        "vi": "Biểu đồ đường số người Việt Nam cư trú tại Nhật Bản theo tư cách lưu trú; số gần nhất: {items}. "
              "Không có số liệu trong khoảng này: {missing}.",
    },
    "covid_title_no_fall": {
        "en": "COVID-19: workers sent abroad, {start}–{end}, against {base}: no full year after {base} in this window",
        "vi": "COVID-19: lao động đi làm việc ở nước ngoài, {start}–{end}, so với năm {base}: không có năm đầy đủ "
              "nào sau {base} trong khoảng này",
    },
    "covid_alt_no_fall": {
        "en": "Grouped bar chart of workers sent abroad and to Japan, {start}–{end}: {base_all} in {base} (Japan "
              "{base_jpn}); no full-year figure after {base} in this window.",
        "vi": "Biểu đồ cột số lao động đi làm việc ở nước ngoài và sang Nhật Bản, {start}–{end}: {base_all} năm {base} "
              "(Nhật Bản {base_jpn}); không có số liệu cả năm nào sau {base} trong khoảng này.",
    },
    "covid_alt_no_japan": {
        "en": "Grouped bar chart of workers sent abroad and to Japan, {start}–{end}. All destinations: {base_all} in "
              "{base}, {low_all_n} in {low_year} ({low_all}). Japan: {base_jpn} in {base}; no full-year figure in "
              "{low_year}.",
        "vi": "Biểu đồ cột số lao động đi làm việc ở nước ngoài và sang Nhật Bản, {start}–{end}. Tất cả thị trường: "
              "{base_all} năm {base}, {low_all_n} năm {low_year} ({low_all}). Nhật Bản: {base_jpn} năm {base}; "
              "không có số liệu cả năm năm {low_year}.",
    },
}
