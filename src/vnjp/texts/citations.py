"""Texts of the citations: figure footers, the report's source lists, and publishers' names.

A figure's footer names publishers, not descriptions: ``vnjp.figures.publisher_label`` shortens
``data/sources.csv``'s ``publisher`` ("VIETJO (viet-jo.com), citing ISA" -> "VIETJO"). The names
below are the ones that need more than shortening: official bodies, which a Vietnamese figure
names in Vietnamese (terms from shared/GLOSSARY.md), and publishers recorded only as an English
description. Any other publisher whose short name still reads as an English description falls
back, on a Vietnamese figure, to the host name of its URL (language-neutral).
"""

TEXT = {
    "footer_sources_count": {
        "en": "Sources: {n}, listed with links under this figure in the report.",
        "vi": "Nguồn: {n} nguồn, xem danh sách kèm đường dẫn dưới biểu đồ này trong báo cáo.",
    },
    "footer_sources": {"en": "Sources", "vi": "Nguồn"},
    "report_sources_heading": {"en": "Sources ({n})", "vi": "Nguồn ({n})"},
    "report_undated": {"en": "undated", "vi": "không ghi ngày"},
    "report_untitled": {"en": "untitled", "vi": "không có tiêu đề"},
    "report_data_csv": {"en": "data behind this figure (CSV)", "vi": "số liệu của biểu đồ (CSV)"},
    "report_no_data_csv": {
        "en": "The data table of this figure was not written by its run.",
        "vi": "Lần chạy của biểu đồ này không ghi bảng số liệu.",
    },
    "report_unknown_source": {
        "en": "not in data/sources.csv",
        "vi": "không có trong data/sources.csv",
    },
}

#: ``publisher`` exactly as in data/sources.csv -> the name a footer shows, per language.
PUBLISHERS = {
    "Bắc Giang newspaper (English edition)": {"en": "Bắc Giang newspaper", "vi": "Báo Bắc Giang"},
    "DOLAB (Department of Overseas Labour, MOLISA)": {"en": "DOLAB", "vi": "Cục Quản lý lao động ngoài nước"},
    "MOLISA (Ministry of Labour, Invalids and Social Affairs)": {
        "en": "MOLISA", "vi": "Bộ Lao động – Thương binh và Xã hội"},
    "Labour & Social Affairs Magazine (MOLISA)": {
        "en": "Labour & Social Affairs Magazine", "vi": "Tạp chí Lao động và Xã hội"},
    "Ministry of Home Affairs of Viet Nam (Bộ Nội vụ)": {"en": "Ministry of Home Affairs of Viet Nam", "vi": "Bộ Nội vụ"},
    "Ministry of Foreign Affairs of Japan": {"en": "Ministry of Foreign Affairs of Japan",
                                             "vi": "Bộ Ngoại giao Nhật Bản"},
    "Ministry of Justice of Japan": {"en": "Ministry of Justice of Japan", "vi": "Bộ Tư pháp Nhật Bản"},
    "Ministry of Justice of Japan (Immigration Bureau)": {"en": "Ministry of Justice of Japan",
                                                          "vi": "Bộ Tư pháp Nhật Bản"},
    "Immigration Services Agency of Japan (press release via third-party mirror)": {
        "en": "Immigration Services Agency of Japan", "vi": "Cơ quan Quản lý xuất nhập cảnh và lưu trú Nhật Bản"},
    "Immigration Services Agency of Japan (overview PDF via third-party mirror)": {
        "en": "Immigration Services Agency of Japan", "vi": "Cơ quan Quản lý xuất nhập cảnh và lưu trú Nhật Bản"},
    "METI (Ministry of Economy, Trade and Industry of Japan)": {
        "en": "METI", "vi": "Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản"},
    "Foreign Investment Agency (MPI)": {"en": "Foreign Investment Agency", "vi": "Cục Đầu tư nước ngoài"},
    "Government News (VGP)": {"en": "Government News", "vi": "Báo Điện tử Chính phủ"},
    "Government News (baochinhphu.vn)": {"en": "Government News", "vi": "Báo Điện tử Chính phủ"},
    "Consulate General of Viet Nam in Osaka": {"en": "Consulate General of Viet Nam in Osaka",
                                               "vi": "Tổng Lãnh sự quán Việt Nam tại Osaka"},
    "Consulate General of Vietnam in Fukuoka": {"en": "Consulate General of Vietnam in Fukuoka",
                                                "vi": "Tổng Lãnh sự quán Việt Nam tại Fukuoka"},
    "Embassy of Japan in Viet Nam": {"en": "Embassy of Japan in Viet Nam", "vi": "Đại sứ quán Nhật Bản tại Việt Nam"},
    "Embassy of Vietnam in the USA": {"en": "Embassy of Vietnam in the USA", "vi": "Đại sứ quán Việt Nam tại Hoa Kỳ"},
    "ja.wikid": {"en": "ja.wikid.org (Japanese Wikipedia mirror)", "vi": "ja.wikid.org (bản sao Wikipedia tiếng Nhật)"},
    "Vietnam Social Security (VSS)": {"en": "Vietnam Social Security", "vi": "Bảo hiểm xã hội Việt Nam"},
    "People's Army Newspaper (QDND)": {"en": "People's Army Newspaper", "vi": "Báo Quân đội nhân dân"},
    "CPV Online (dangcongsan.vn)": {"en": "CPV Online", "vi": "Báo điện tử Đảng Cộng sản Việt Nam"},
    "Communist Party of Vietnam Online (en.dangcongsan.vn, compiled by BTA)": {
        "en": "CPV Online", "vi": "Báo điện tử Đảng Cộng sản Việt Nam"},
    "JICA Vietnam Office": {"en": "JICA", "vi": "JICA"},
    "Outlet not named in the seed file (report on the MOLISA–MHLW workshop)": {
        "en": "unnamed outlet", "vi": "báo không rõ tên"},
    "VUFO friendship news site": {"en": "VUFO", "vi": "VUFO"},
    "Japanese Wikipedia": {"en": "Japanese Wikipedia", "vi": "Wikipedia tiếng Nhật"},
    "Vietnamese Wikipedia": {"en": "Vietnamese Wikipedia", "vi": "Wikipedia tiếng Việt"},
    "Japanese Wikipedia article 在日ベトナム人 (via dichtienghoa.com transliteration proxy)": {
        "en": "Japanese Wikipedia", "vi": "Wikipedia tiếng Nhật"},
    "5ch board repost of a Nikkei article": {"en": "5ch", "vi": "5ch"},
}

# The claims check's verdict table in the report (vnjp.tables.save_verdicts).
TEXT.update({
    "table_verdicts_caption": {
        "en": "Every claim checked ({n}): what was stated, what the data give, the arithmetic and the verdict",
        "vi": "Tất cả {n} nhận định đã đối chiếu: số liệu được nêu, số liệu trong dữ liệu, phép tính và kết luận "
              "(nội dung nhận định tóm tắt bằng tiếng Anh)",
    },
    "table_verdicts_claim_id": {"en": "claim", "vi": "mã nhận định"},
    "table_verdicts_seed": {"en": "document", "vi": "văn bản"},
    "table_verdicts_claim": {"en": "claim (our summary)", "vi": "nhận định (tóm tắt tiếng Anh)"},
    "table_verdicts_stated": {"en": "stated", "vi": "số liệu được nêu"},
    "table_verdicts_data": {"en": "data", "vi": "dữ liệu"},
    "table_verdicts_arithmetic": {"en": "arithmetic", "vi": "phép tính"},
    "table_verdicts_verdict": {"en": "verdict", "vi": "kết luận"},
    "table_verdicts_sources": {"en": "sources of the data", "vi": "nguồn của dữ liệu"},
})
