"""Texts of notebooks/06_workers_social_insurance.ipynb (terms from shared/GLOSSARY.md)."""

TEXT = {
    # the report's section title: English = the notebook's heading (tests/test_report.py checks it)
    "section_workers": {
        "en": "Vietnamese workers in Japan as employers report them, and what the social insurance agreement is about",
        "vi": "Lao động Việt Nam tại Nhật Bản theo khai báo của người sử dụng lao động, và Hiệp định bảo hiểm xã hội "
              "nhằm giải quyết điều gì",
    },
    "source_none": {"en": "Source: none; the data hold no row for this selection.",
                    "vi": "Nguồn: không có; dữ liệu không có dòng nào cho lựa chọn này."},
    "wrk_no_rows": {"en": "No data for {start}–{end}", "vi": "Không có số liệu cho giai đoạn {start}–{end}"},
    "wrk_no_rows_alt": {"en": "Empty chart: the data package holds no row for {what} in {start}–{end}.",
                        "vi": "Biểu đồ trống: bộ dữ liệu không có dòng nào về {what} trong giai đoạn {start}–{end}."},
    "wrk_no_rows_what": {"en": "The data package holds no row for {what} in {start}–{end}.",
                         "vi": "Bộ dữ liệu không có dòng nào về {what} trong giai đoạn {start}–{end}."},
    # 1. employer-reported series
    "wrk_emp_title": {
        "en": "Vietnamese workers in Japan as employers report them, end of October {start}–{end}",
        "vi": "Lao động Việt Nam tại Nhật Bản theo khai báo của người sử dụng lao động, cuối tháng 10, {start}–{end}",
    },
    "wrk_emp_subtitle": {
        "en": "MHLW count of foreign workers notified by employers (workers, not residents); line: share of all "
              "foreign workers; #: Vietnam's rank among nationalities (≥: at best)",
        "vi": "Số lao động nước ngoài do người sử dụng lao động khai báo với Bộ Y tế, Lao động và Phúc lợi Nhật Bản "
              "(lao động, không phải người cư trú); đường: tỷ trọng trong tổng số lao động nước ngoài; #: thứ hạng "
              "của Việt Nam (≥: cao nhất là)",
    },
    "wrk_emp_rank_unknown": {
        "en": "#?: no rank (the data hold no other nationality's count for that year)",
        "vi": "#?: không xếp hạng được (dữ liệu không có số của quốc tịch khác trong năm đó)",
    },
    "wrk_emp_share_axis": {"en": "share of all foreign workers (line)", "vi": "tỷ trọng (đường)"},
    "wrk_emp_vnm": {"en": "Vietnamese workers", "vi": "Lao động Việt Nam"},
    "wrk_emp_share": {"en": "share of all foreign workers", "vi": "tỷ trọng trong tổng số lao động nước ngoài"},
    "wrk_emp_no_vnm": {"en": "no Vietnamese count", "vi": "không có số của Việt Nam"},
    "wrk_emp_alt": {
        "en": "Bar chart of Vietnamese workers notified by employers in Japan at the end of October, {start}–{end}: "
              "{n} years with a count, from {first} in {first_year} to {last} in {last_year}; no count for {missing}. "
              "Share of all foreign workers, where the same release gives the total: {share_text}. Vietnam ranked "
              "first from {first_top} on.",
        "vi": "Biểu đồ cột số lao động Việt Nam được người sử dụng lao động tại Nhật Bản khai báo vào cuối tháng 10, "
              "{start}–{end}: {n} năm có số liệu, từ {first} người năm {first_year} đến {last} người năm {last_year}; "
              "không có số liệu các năm {missing}. Tỷ trọng trong tổng số lao động nước ngoài (khi cùng một công bố "
              "nêu tổng số): {share_text}. Việt Nam đứng đầu từ năm {first_top}.",
    },
    "wrk_none": {"en": "none", "vi": "không có"},
    "wrk_never": {"en": "no year", "vi": "không năm nào"},
    # 2. two bases
    "wrk_bases_title": {
        "en": "Two counts of Vietnamese working in Japan, {start}–{end}: employers' notifications and residence "
              "statistics",
        "vi": "Hai cách đếm người Việt Nam làm việc tại Nhật Bản, {start}–{end}: khai báo của người sử dụng lao động "
              "và thống kê lưu trú",
    },
    "wrk_bases_subtitle": {
        "en": "Bars of one year are side by side, never added up; a stack adds statuses of one basis at one date "
              "(date above the bar); white with a coloured edge: rounded ('about')",
        "vi": "Các cột của cùng một năm đặt cạnh nhau, không cộng dồn; cột chồng chỉ cộng các tư cách lưu trú của "
              "cùng một nguồn thống kê tại cùng một thời điểm (ngày ghi trên cột); nền trắng, viền màu: số làm tròn ('khoảng')",
    },
    "wrk_basis_mhlw": {"en": "Employer-reported workers, end-October (MHLW)",
                       "vi": "Lao động do người sử dụng lao động khai báo, cuối tháng 10 (Bộ Y tế, Lao động và "
                             "Phúc lợi)"},
    "wrk_basis_resid_total": {"en": "All Vietnamese residents, residence statistics (outline)",
                              "vi": "Tổng số người Việt Nam cư trú, thống kê lưu trú (viền)"},
    "wrk_basis_vngov": {"en": "Vietnamese government estimate", "vi": "Ước tính của Chính phủ Việt Nam"},
    "wrk_status_technical_intern_training": {"en": "technical intern trainees", "vi": "thực tập sinh kỹ năng"},
    "wrk_status_specified_skilled_worker": {"en": "specified skilled workers", "vi": "lao động kỹ năng đặc định"},
    "wrk_status_engineer_humanities_intl": {
        "en": "engineer / specialist in humanities / international services",
        "vi": "kỹ sư, nhân viên kỹ thuật – nhân văn – nghiệp vụ quốc tế"},
    "wrk_status_professional_technical": {"en": "professional and technical statuses",
                                          "vi": "tư cách lưu trú chuyên môn, kỹ thuật"},
    "wrk_status_permission_outside_status": {"en": "work outside the status (mostly students)",
                                             "vi": "làm thêm ngoài tư cách lưu trú (chủ yếu du học sinh)"},
    "wrk_status_status_based_on_identity": {"en": "permanent residents, spouses, long-term residents",
                                            "vi": "người vĩnh trú, vợ/chồng, người định cư dài hạn"},
    "wrk_status_designated_activities": {"en": "designated activities", "vi": "hoạt động chỉ định"},
    "wrk_status_student_parttime_work": {"en": "of which international students",
                                         "vi": "trong đó du học sinh"},
    "wrk_status_permanent_resident": {"en": "of which permanent residents", "vi": "trong đó người vĩnh trú"},
    "wrk_part_engineer_humanities_intl": {"en": "of which engineer / humanities / intl. services",
                                          "vi": "trong đó kỹ sư, kỹ thuật – nhân văn – nghiệp vụ quốc tế"},
    "wrk_resid_label": {"en": "residence statistics, working statuses",
                        "vi": "thống kê lưu trú, các tư cách làm việc"},
    "wrk_claim_line": {"en": "≈{value} 'workers': Vietnamese government estimate, {date} (total)",
                       "vi": "≈{value} 'lao động': ước tính của Chính phủ Việt Nam, {date} (tổng số)"},
    "wrk_bases_alt": {
        "en": "Grouped bars, {start}–{end}. {sentences}",
        "vi": "Biểu đồ cột nhóm, {start}–{end}. {sentences}",
    },
    "wrk_bases_year": {
        "en": "{year}: employer-reported {mhlw}; residence statistics at {date}: working statuses {working} "
              "({parts}), all residents {resid}.",
        "vi": "{year}: khai báo của người sử dụng lao động {mhlw}; thống kê lưu trú ngày {date}: các tư cách làm việc "
              "{working} ({parts}), tổng số cư trú {resid}.",
    },
    "wrk_bases_year_mhlw_only": {"en": "{year}: employer-reported {mhlw}; no residence statistics within six months.",
                                 "vi": "{year}: khai báo của người sử dụng lao động {mhlw}; không có thống kê lưu "
                                       "trú trong vòng sáu tháng."},
    "wrk_bases_vngov": {"en": "Vietnamese government estimate at {date}: {total} in all ({parts}).",
                        "vi": "Ước tính của Chính phủ Việt Nam ngày {date}: tổng {total} ({parts})."},
    # 3. by status
    "wrk_status_title": {
        "en": "Vietnamese employer-reported workers by status of residence, end of October",
        "vi": "Lao động Việt Nam theo khai báo của người sử dụng lao động, theo tư cách lưu trú, cuối tháng 10",
    },
    "wrk_status_subtitle": {
        "en": "Left: {year} (bars: MHLW's five groups; thin: 'of which'); right: each group over time, dots "
              "where a release gives it",
        "vi": "Trái: năm {year} (cột: năm nhóm của Bộ Y tế, Lao động và Phúc lợi; cột mảnh: 'trong đó'); phải: "
              "từng nhóm theo thời gian, chấm ở năm có công bố",
    },
    "wrk_status_alt": {
        "en": "Horizontal bars for end-October {year}: {bars}. Right: the groups over {years_text}.",
        "vi": "Biểu đồ thanh ngang cuối tháng 10 năm {year}: {bars}. Bên phải: các nhóm qua các năm {years_text}.",
    },
    "wrk_status_none": {"en": "no year up to {year} gives a breakdown by status",
                        "vi": "không năm nào đến {year} có số liệu theo tư cách lưu trú"},
    # 4. social insurance
    "wrk_si_title": {
        "en": "Social insurance: Japan's and Vietnam's agreements in force, and the Vietnam–Japan talks, {start}–{end}",
        "vi": "Bảo hiểm xã hội: các hiệp định của Nhật Bản và Việt Nam đang có hiệu lực, và đàm phán Việt Nam – "
              "Nhật Bản, {start}–{end}",
    },
    "wrk_si_subtitle": {
        "en": "Top: bilateral social security agreements in force, stepping up in the month each entered into "
              "force; bottom: milestones of the Vietnam–Japan social insurance agreement",
        "vi": "Trên: số hiệp định bảo hiểm xã hội song phương có hiệu lực, tăng từ tháng mỗi hiệp định có hiệu lực; "
              "dưới: các mốc của Hiệp định bảo hiểm xã hội Việt Nam – Nhật Bản",
    },
    "wrk_si_jpn": {"en": "Japan", "vi": "Nhật Bản"},
    "wrk_si_vnm": {"en": "Vietnam", "vi": "Việt Nam"},
    "wrk_si_count": {"en": "agreements in force", "vi": "số hiệp định có hiệu lực"},
    "wrk_si_gaps": {"en": "Not published (gaps, not estimated):", "vi": "Không được công bố (khoảng trống, không ước tính):"},
    "wrk_si_alt": {
        "en": "Step lines: Japan had {jpn_first} social security agreements in force at the end of {start} and "
              "{jpn_last} at the end of {end}; Vietnam {vnm_first} and {vnm_last}. Milestones of the Vietnam–Japan "
              "talks: {events}.",
        "vi": "Đường bậc thang: Nhật Bản có {jpn_first} hiệp định bảo hiểm xã hội có hiệu lực vào cuối năm {start} "
              "và {jpn_last} vào cuối năm {end}; Việt Nam {vnm_first} và {vnm_last}. Các mốc đàm phán Việt Nam – "
              "Nhật Bản: {events}.",
    },
    "gap_pension_members": {"en": "Vietnamese members of Japan's pension schemes (by year)",
                            "vi": "Số người Việt Nam tham gia hệ thống hưu trí Nhật Bản (theo năm)"},
    "gap_lump_sum": {"en": "lump-sum withdrawal payments to Vietnamese (count, amount)",
                     "vi": "khoản trợ cấp một lần khi rời hệ thống hưu trí chi cho người Việt Nam (số người, số tiền)"},
    "gap_vn_agreements_other": {"en": "any Vietnamese agreement in force besides Korea's",
                                "vi": "hiệp định của Việt Nam có hiệu lực ngoài hiệp định với Hàn Quốc"},
    "gap_vnm_2008_2011": {"en": "Vietnamese employer-reported workers, Oct 2008–2011",
                          "vi": "lao động Việt Nam theo khai báo của người sử dụng lao động, tháng 10/2008–2011"},
}
