"""Texts of the "no data for this selection" result any notebook's figure may end with."""

TEXT = {
    "no_data_selection": {"en": "No data for this selection", "vi": "Không có số liệu cho lựa chọn này"},
    "no_rows_source": {"en": "No row of {files} matches this selection.",
                       "vi": "Không có dòng nào trong {files} khớp với lựa chọn này."},
    "no_data_alt": {"en": "No chart: {what}", "vi": "Không có biểu đồ: {what}"},
}
