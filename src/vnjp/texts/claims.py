"""Texts of notebook 05, the seed claims tested against the data."""

TEXT = {
    # verdicts (vnjp.claims.VERDICTS)
    "verdict_reproduced": {"en": "Reproduced", "vi": "Khớp với dữ liệu"},
    "verdict_consistent": {"en": "Consistent with the wording", "vi": "Phù hợp với cách diễn đạt"},
    "verdict_not_supported": {"en": "Not supported", "vi": "Không được dữ liệu ủng hộ"},
    "verdict_no_data": {"en": "No data (gap)", "vi": "Không có số liệu"},
    "verdict_not_testable": {"en": "Not testable", "vi": "Không kiểm chứng được"},
    # figure 1
    "claims_verdicts_title": {
        "en": "{n} statements in five seed documents, tested against the data",
        "vi": "{n} nhận định trong năm văn bản gốc, đối chiếu với dữ liệu",
    },
    "claims_verdicts_subtitle": {
        "en": "Claims per document by verdict; {supported} of {tested} tested claims hold, {not_supported} do not",
        "vi": "Số nhận định theo kết quả; {supported}/{tested} nhận định kiểm chứng được là đúng, {not_supported} không đúng",
    },
    "claims_axis_count": {"en": "claims", "vi": "số nhận định"},
    "seed_row": {"en": "Seed {n} ({date})", "vi": "Văn bản {n} ({date})"},
    "claims_verdicts_note": {
        "en": "The verdicts rest on data from {sources} sources, listed claim by claim in the report's verdict "
              "table; a claim is never tested against its own document. \"No data\" includes {own} claims stated "
              "only by their own document.",
        "vi": "Kết quả dựa trên số liệu từ {sources} nguồn, liệt kê theo từng nhận định trong bảng kết quả kiểm "
              "chứng của báo cáo; không nhận định nào được đối chiếu với chính văn bản nêu ra nó. Nhóm “không có "
              "số liệu” gồm {own} nhận định chỉ có trong chính văn bản gốc.",
    },
    "claims_verdicts_alt": {
        "en": "Stacked horizontal bars, one per seed document, counting its claims by verdict. Of {n} claims, "
              "{reproduced} are reproduced, {consistent} consistent with their wording, {not_supported} not supported, "
              "{no_data} point at a gap in the data and {not_testable} cannot be tested.",
        "vi": "Thanh ngang xếp chồng, mỗi thanh một văn bản gốc, đếm số nhận định theo kết quả. Trong {n} nhận định, "
              "{reproduced} khớp với dữ liệu, {consistent} phù hợp với cách diễn đạt, {not_supported} không được dữ liệu "
              "ủng hộ, {no_data} thiếu số liệu và {not_testable} không kiểm chứng được.",
    },
    # figure 2
    "claims_gap_title": {
        "en": "Stated figure against the data value, claim by claim",
        "vi": "Số liệu được nêu so với dữ liệu, theo từng nhận định",
    },
    "claims_gap_subtitle": {
        "en": "Numeric claims: how far the data value lies from the stated figure",
        "vi": "Nhận định có số: dữ liệu chênh lệch bao nhiêu so với số được nêu",
    },
    "claims_single_year": {"en": "one year of a multi-year claim", "vi": "từng năm (nhận định nhiều năm)"},
    "claims_lower_bound": {"en": "lower bound (years missing)", "vi": "cận dưới (thiếu một số năm)"},
    # two lines, so the legend stays clear of the dots at zero
    "claims_band": {"en": "accepted by the wording", "vi": "phạm vi cách diễn đạt cho phép"},
    "claims_exact_tick": {"en": "exact figure stated: no range (tick at 0)",
                          "vi": "số chính xác: không có phạm vi (vạch tại 0)"},
    "claims_gap_axis": {
        "en": "data value minus stated figure, % of the stated figure",
        "vi": "dữ liệu trừ số được nêu, % so với số được nêu",
    },
    "claims_bracket": {"en": "rows either side of the date\n(none at it; not interpolated)",
                       "vi": "số liệu hai bên thời điểm\n(không nội suy)"},
    "claims_closest_base": {"en": "closest of {n} bases", "vi": "gần nhất trong {n} cơ sở"},
    "claims_one_base": {"en": "its one base", "vi": "cơ sở duy nhất"},
    "claims_none_selected": {
        "en": "No statement of the chosen seed documents is of the chosen check types.",
        "vi": "Không có nhận định nào của các văn bản gốc đã chọn thuộc các loại kiểm tra đã chọn.",
    },
    "claims_none_numeric": {
        "en": "No numeric statement (value, share, sum) in the chosen seed documents and check types.",
        "vi": "Không có nhận định định lượng (giá trị, tỷ trọng, tổng) nào trong các văn bản gốc và loại kiểm tra "
              "đã chọn.",
    },
    "claims_no_data_mark": {"en": "no data", "vi": "không có số liệu"},
    "claims_gap_note": {
        "en": "Numeric claims only (value, share, sum); ranks and dated events are counted in the figure of "
              "verdicts by document. No data value comes from the claim's own document; where other publishers copy "
              "the same release, the check tests the copying, not the count.",
        "vi": "Chỉ các nhận định có số (giá trị, tỷ trọng, tổng); thứ hạng và sự kiện được đếm ở hình kết quả theo "
              "văn bản. Không số liệu nào lấy từ chính văn bản nêu nhận định; khi các nguồn khác chép lại cùng một bản "
              "công bố, phép đối chiếu chỉ kiểm tra việc chép lại, không kiểm tra bản thân con số.",
    },
    "claims_gap_alt": {
        "en": "Dot plot, one row per numeric claim, of the data value's difference from the stated figure in percent. "
              "{n_exact} claims sit at zero. The largest gaps: {largest}.",
        "vi": "Biểu đồ chấm, mỗi dòng một nhận định có số, thể hiện chênh lệch (%) giữa dữ liệu và số được nêu. "
              "{n_exact} nhận định nằm ở mức 0. Chênh lệch lớn nhất: {largest}.",
    },
    # short names of what a claim measures (rows of figure 2)
    "kind_workers_sent": {"en": "workers sent, {place}, {year}", "vi": "lao động đi làm việc, {place}, {year}"},
    "kind_women_sent": {"en": "women sent, {place}, {year}", "vi": "lao động nữ, {place}, {year}"},
    "kind_plan": {"en": "plan, {year}", "vi": "kế hoạch năm {year}"},
    "kind_share_plan": {"en": "workers sent as % of plan, {year}", "vi": "tỷ lệ so với kế hoạch, {year}"},
    "kind_share_japan": {"en": "Japan's share of workers sent", "vi": "tỷ trọng thị trường Nhật Bản"},
    "kind_cumulative_japan": {"en": "workers sent to Japan, cumulative", "vi": "lao động sang Nhật Bản, lũy kế"},
    "kind_resident_total": {"en": "Vietnamese residents in Japan, {date}", "vi": "người Việt Nam tại Nhật Bản, {date}"},
    "kind_workers_japan": {"en": "Vietnamese workers in Japan, {date}", "vi": "lao động Việt Nam tại Nhật Bản, {date}"},
    "kind_titp": {"en": "Vietnamese technical intern trainees, {date}", "vi": "thực tập sinh kỹ năng Việt Nam, {date}"},
    "kind_titp_share": {"en": "Vietnamese share of technical intern trainees", "vi": "tỷ trọng thực tập sinh Việt Nam"},
    "kind_ssw": {"en": "Vietnamese specified skilled workers, {date}", "vi": "lao động kỹ năng đặc định Việt Nam, {date}"},
    "kind_engineer": {"en": "Vietnamese engineers etc., {date}", "vi": "kỹ sư, nhân viên kỹ thuật – nhân văn Việt Nam, {date}"},
    "kind_trade_total": {"en": "two-way trade, {year}", "vi": "kim ngạch xuất nhập khẩu song phương, {year}"},
    "kind_exports": {"en": "exports to Japan, {year}", "vi": "xuất khẩu sang Nhật Bản, {year}"},
    "kind_imports": {"en": "imports from Japan, {year}", "vi": "nhập khẩu từ Nhật Bản, {year}"},
    "kind_oda_loans": {"en": "Japanese ODA loans, cumulative", "vi": "vốn vay ODA Nhật Bản, lũy kế"},
    "kind_other": {"en": "other", "vi": "khác"},
    "year_end": {"en": "end-{year}", "vi": "cuối năm {year}"},
}
