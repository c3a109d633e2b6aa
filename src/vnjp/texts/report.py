"""Texts of the report pages (vnjp.report): headings, links and the status of each analysis."""

TEXT = {
    "report_title": {
        "en": "Vietnam–Japan labour cooperation since 1992: the figures",
        "vi": "Hợp tác lao động Việt Nam – Nhật Bản từ năm 1992: các biểu đồ",
    },
    "report_intro": {
        "en": "Every figure of the analyses in reading order, each with its caption, a text description, "
              "the sources of the rows it draws and the notebook that made it. A notebook's page shows its "
              "text and results as they were when it last ran, with the code hidden.",
        "vi": "Tất cả biểu đồ của các phân tích theo thứ tự đọc, mỗi biểu đồ kèm chú thích, phần mô tả bằng lời, "
              "nguồn của các dòng số liệu được vẽ và sổ tay phân tích (notebook) đã tạo ra nó. Trang của mỗi "
              "sổ tay phân tích hiển thị phần chữ và kết quả ở lần chạy gần nhất, ẩn mã nguồn.",
    },
    "report_language_name": {"en": "English", "vi": "Tiếng Việt"},
    "report_contents": {"en": "Contents", "vi": "Mục lục"},
    "report_figure": {"en": "Figure {n}.", "vi": "Biểu đồ {n}."},
    "report_figures_count": {"en": "{n} figures", "vi": "{n} biểu đồ"},
    "report_figures_count_one": {"en": "{n} figure", "vi": "{n} biểu đồ"},
    "report_pdf": {"en": "The whole report as one PDF file", "vi": "Toàn bộ báo cáo trong một tệp PDF"},
    "pdf_continued": {"en": "continued", "vi": "tiếp theo"},
    "report_table_csv": {"en": "this table as CSV", "vi": "bảng này dưới dạng CSV"},
    "report_as_of": {
        "en": "Data as of {date}: the most recent publication date among the {n} sources of the data package "
              "(data/sources.csv).",
        "vi": "Số liệu tính đến {date}: ngày công bố gần nhất trong {n} nguồn của gói dữ liệu (data/sources.csv).",
    },
    "report_commit": {"en": "Built from commit {commit}{modified}.",
                      "vi": "Được tạo từ phiên bản mã (commit) {commit}{modified}."},
    "report_commit_modified": {
        "en": ", modified: the working tree had changes not yet committed",
        "vi": ", đã sửa đổi: thư mục làm việc có thay đổi chưa được lưu vào kho mã",
    },
    "report_commit_unknown": {
        "en": "Built outside a git repository: the commit is unknown.",
        "vi": "Được tạo ngoài kho mã git: không rõ phiên bản mã.",
    },
    "report_cite_heading": {"en": "How to cite", "vi": "Cách trích dẫn"},
    "report_cite": {
        "en": "{title}. Reproducible analyses of cited public data, commit {commit}, data as of {as_of}.",
        "vi": "{title}. Phân tích có thể tái lập từ số liệu công khai có trích nguồn, phiên bản mã {commit}, "
              "số liệu tính đến {as_of}.",
    },
    "report_notebook": {"en": "Notebook", "vi": "Sổ tay phân tích"},
    "report_run": {"en": "run", "vi": "lần chạy"},
    "report_alt": {"en": "Text description", "vi": "Mô tả bằng lời"},
    "report_svg": {"en": "vector version (SVG)", "vi": "bản vector (SVG)"},
    "report_parameters": {"en": "Parameters", "vi": "Tham số"},
    "report_code_hidden": {
        "en": "Code hidden; the notebook with its code is {path} in the repository.",
        "vi": "Đã ẩn mã nguồn; sổ tay phân tích đầy đủ là tệp {path} trong kho mã.",
    },
    "report_back": {"en": "Back to the figures", "vi": "Quay lại trang biểu đồ"},
    "report_no_page": {
        "en": "The notebook's page could not be made; the executed notebook is {path}.",
        "vi": "Không tạo được trang của sổ tay phân tích; bản đã chạy là tệp {path}.",
    },
    "report_status_failed": {
        "en": "This notebook failed (cell {cell}: {error}). Its figures are not shown; its page shows the error.",
        "vi": "Sổ tay phân tích này bị lỗi (ô {cell}: {error}). Không hiển thị biểu đồ của nó; trang của sổ tay "
              "cho thấy lỗi.",
    },
    "report_status_timeout": {
        "en": "This notebook did not finish ({error}). Its figures are not shown.",
        "vi": "Sổ tay phân tích này không chạy xong ({error}). Không hiển thị biểu đồ của nó.",
    },
    "report_status_stale": {
        "en": "Not shown: {detail}. Run python run_all.py to bring it up to date.",
        "vi": "Không hiển thị: {detail}. Hãy chạy python run_all.py để cập nhật.",
    },
    "report_stale_inputs": {
        "en": "the notebook's code, parameters or data changed after its last run",
        "vi": "mã, tham số hoặc dữ liệu của sổ tay phân tích đã thay đổi sau lần chạy gần nhất",
    },
    "report_stale_figure": {
        "en": "{name} is not the file this notebook's last run produced",
        "vi": "tệp {name} không phải là tệp do lần chạy gần nhất của sổ tay phân tích tạo ra",
    },
    "report_status_missing": {
        "en": "This notebook has not run in this build yet; run python run_all.py.",
        "vi": "Sổ tay phân tích này chưa được chạy trong bản dựng này; hãy chạy python run_all.py.",
    },
    "report_no_analyses": {
        "en": "No analysis is registered in this language yet.",
        "vi": "Chưa có phân tích nào được đăng ký bằng ngôn ngữ này.",
    },
    # Section titles of the report, one per analysis (run name without language); each is the notebook's
    # first heading in that language (tests/test_report.py keeps them in step).
    "section_flows": {
        "en": "Thirty years of trainee and worker flows, 1992 to the latest year",
        "vi": "Ba mươi năm đưa thực tập sinh và người lao động đi làm việc, từ năm 1992 đến nay",
    },
    "section_destinations": {
        "en": "Where Vietnamese workers go: destination markets, women's share and the plan",
        "vi": "Lao động Việt Nam đi đâu: thị trường, tỷ lệ lao động nữ và kế hoạch",
    },
    "section_economy": {
        "en": "Trade, ODA and investment context",
        "vi": "Bối cảnh thương mại, ODA và đầu tư",
    },
    "section_milestones": {
        "en": "Policy milestones, 1973–2027",
        "vi": "Các mốc chính sách, 1973–2027",
    },
    "section_claims": {
        "en": "Seed claims checked against the data",
        "vi": "Đối chiếu các nhận định trong văn bản gốc với dữ liệu",
    },
}
