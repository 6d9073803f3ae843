"""Sentences in the style of Vietnamese official reports and press, with what `scan` must find.

Each case is a sentence and the items expected in it, in order, as
``(kind, text, value)``:

* count, money: the :class:`Quantity`, or ``SUSPICIOUS`` for a malformed number;
* share, pair: ``(part or first, whole or second)``;
* percent, number: the number as a string with a decimal point;
* date: the date, or ``None`` when the year is missing;
* period: the period id, or ``None`` when the period is not complete;
* unquantified: the unit noun;
* name: ``None``.
"""

from __future__ import annotations

from datetime import date

from anninh_toandan.quantity import Qualifier, Quantity

E, MORE, ABOUT, NEARLY, ORDER, VND = (
    Quantity.exact,
    Quantity.more_than,
    Quantity.about,
    Quantity.nearly,
    Quantity.order_of,
    Quantity.vnd,
)
SUSPICIOUS = "suspicious"

Expected = tuple[str, str, object]

CORPUS: list[tuple[str, list[Expected]]] = [
    # -- leading zeros, missing separators, qualifiers ---------------------------------------------
    (
        "Công an phường đã tổ chức 03 buổi tuyên truyền cho 1730 lượt người dân.",
        [("count", "03 buổi", E(3, "buổi")), ("count", "1730 lượt người", E(1730, "lượt người"))],
    ),
    (
        "Thành lập mới 05 mô hình, 03 tổ tự quản về an ninh trật tự.",
        [("count", "05 mô hình", E(5, "mô hình")), ("count", "03 tổ tự quản", E(3, "tổ tự quản"))],
    ),
    (
        "Khoảng 200 người dân tham dự buổi nói chuyện chuyên đề.",
        [("count", "Khoảng 200 người", ABOUT(200, "người"))],
    ),
    (
        "Ước tính khoảng 3.500 lượt người đã được tiếp cận thông tin.",
        [("count", "Ước tính khoảng 3.500 lượt người", ABOUT(3500, "lượt người"))],
    ),
    (
        "Thu hút hơn 13 nghìn lượt người tham gia hưởng ứng.",
        [("count", "hơn 13 nghìn lượt người", MORE(13000, "lượt người"))],
    ),
    (
        "Có trên 12.500 hội viên, đoàn viên tham gia tuần tra.",
        [("count", "trên 12.500 hội viên", MORE(12500, "hội viên"))],
    ),
    (
        "Trong 6 tháng đầu năm 2022, trên địa bàn xảy ra 42 vụ phạm pháp hình sự.",
        [("period", "6 tháng đầu năm 2022", "2022S1"), ("count", "42 vụ", E(42, "vụ"))],
    ),
    # -- money: scale words, ngàn/nghìn, tỉ/tỷ, compound amounts, "đ" --------------------------------
    (
        "Vận động cán bộ, chiến sĩ ủng hộ Quỹ Vì người nghèo hơn 1,2 tỷ đồng.",
        [("money", "hơn 1,2 tỷ đồng", VND(1_200_000_000, Qualifier.MORE_THAN))],
    ),
    (
        "Tổng kinh phí thực hiện chương trình gần 35 tỷ đồng.",
        [("money", "gần 35 tỷ đồng", VND(35_000_000_000, Qualifier.NEARLY))],
    ),
    (
        "Hội Chữ thập đỏ hỗ trợ 2 tỉ đồng xây dựng nhà tình nghĩa.",
        [("money", "2 tỉ đồng", VND(2_000_000_000))],
    ),
    (
        "Mỗi suất quà trị giá 500 ngàn đồng.",
        [("money", "500 ngàn đồng", VND(500_000))],
    ),
    (
        "Các đơn vị đã ủng hộ 1 tỷ 200 triệu đồng cho quỹ.",
        [("money", "1 tỷ 200 triệu đồng", VND(1_200_000_000))],
    ),
    (
        "Số tiền 437.000.000đ đã được trao tận tay các hộ nghèo.",
        [("money", "437.000.000đ", VND(437_000_000))],
    ),
    (
        "Tổng giá trị các công trình là 2.661.694.000 đồng.",
        [("money", "2.661.694.000 đồng", VND(2_661_694_000))],
    ),
    (
        "Dư nợ cho vay toàn tỉnh đạt 1.052 tỷ đồng.",
        [("money", "1.052 tỷ đồng", VND(1_052_000_000_000))],
    ),
    (
        "Giải ngân 4,218 triệu VNĐ cho 12 hộ gia đình.",
        [("money", "4,218 triệu VNĐ", VND(4_218_000)), ("count", "12 hộ gia đình", E(12, "hộ gia đình"))],
    ),
    (
        "Trao 120 suất quà trị giá 60 triệu đồng cho hộ nghèo.",
        [("count", "120 suất quà", E(120, "suất quà")), ("money", "60 triệu đồng", VND(60_000_000))],
    ),
    (
        "Đã xây mới 59 nhà đại đoàn kết (2,3 tỷ đồng).",
        [("count", "59 nhà", E(59, "nhà")), ("money", "2,3 tỷ đồng", VND(2_300_000_000))],
    ),
    # -- without a number, and of the order of ------------------------------------------------------
    (
        "Đã có hàng trăm bài viết được đăng tải trên trang facebook của đơn vị.",
        [("count", "hàng trăm bài viết", ORDER(100, "bài viết"))],
    ),
    (
        "Video tuyên truyền thu hút hàng chục nghìn lượt người xem.",
        [("count", "hàng chục nghìn lượt người", ORDER(10_000, "lượt người"))],
    ),
    (
        "Tặng quà cho học sinh nghèo trị giá hàng trăm triệu đồng.",
        [("money", "hàng trăm triệu đồng", Quantity.order_of(100_000_000, "đồng"))],
    ),
    (
        "Qua đó phát hiện nhiều vụ việc vi phạm pháp luật.",
        [("unquantified", "nhiều vụ việc", "vụ việc")],
    ),
    (
        "Một số mô hình còn hoạt động cầm chừng, kém hiệu quả.",
        [("unquantified", "Một số mô hình", "mô hình")],
    ),
    # -- shares and pairs ----------------------------------------------------------------------------
    (
        "Điều tra khám phá 644/707 vụ (đạt 91,09%).",
        [("share", "644/707 vụ", (E(644, "vụ"), E(707, "vụ"))), ("percent", "91,09%", "91.09")],
    ),
    (
        "Khởi tố 13 vụ/24 bị can về các tội xâm phạm sở hữu.",
        [("pair", "13 vụ/24 bị can", (E(13, "vụ"), E(24, "bị can")))],
    ),
    (
        "Phát hiện, bắt giữ 05 vụ/12 đối tượng đánh bạc.",
        [("pair", "05 vụ/12 đối tượng", (E(5, "vụ"), E(12, "đối tượng")))],
    ),
    (
        "Trong đó có 100/274 tin báo có giá trị.",
        [("share", "100/274 tin báo", (E(100, "tin báo"), E(274, "tin báo")))],
    ),
    # -- percentages and comparisons ---------------------------------------------------------------
    (
        "So với cùng kỳ năm 2021, tăng 4 vụ (10,0%).",
        [("period", "năm 2021", "2021"), ("count", "4 vụ", E(4, "vụ")), ("percent", "10,0%", "10.0")],
    ),
    (
        "Tai nạn giao thông giảm 226 vụ (-3,63%) so với quý I/2022.",
        [("count", "226 vụ", E(226, "vụ")), ("percent", "-3,63%", "-3.63"), ("period", "quý I/2022", "2022Q1")],
    ),
    (
        "Tỷ lệ điều tra khám phá đạt 98,2 % trong tháng 7/2022.",
        [("percent", "98,2 %", "98.2"), ("period", "tháng 7/2022", "202207")],
    ),
    (
        "Kết quả đạt 9,31% kế hoạch năm.",
        [("percent", "9,31%", "9.31")],
    ),
    # -- names with numbers ------------------------------------------------------------------------
    (
        "Ban Chỉ đạo 138 thành phố đã họp 2 lần.",
        [("name", "138", None), ("count", "2 lần", E(2, "lần"))],
    ),
    (
        "Thực hiện Chương trình phối hợp số 06 ngày 6/3/2014 giữa hai ngành.",
        [("name", "06", None), ("date", "ngày 6/3/2014", date(2014, 3, 6))],
    ),
    (
        "Hưởng ứng phong trào “5 không, 3 sạch” tại 12 thôn.",
        [("name", "5", None), ("name", "3", None), ("count", "12 thôn", E(12, "thôn"))],
    ),
    (
        "Lễ ra quân tổ chức tại quảng trường 28 Tháng 3 với 500 người tham gia.",
        [("name", "28 Tháng 3", None), ("count", "500 người", E(500, "người"))],
    ),
    (
        "Công an phường 10 tiếp nhận 15 tin báo.",
        [("name", "10", None), ("count", "15 tin báo", E(15, "tin báo"))],
    ),
    (
        "Phòng chống dịch Covid-19, các khu dân cư xây dựng 25 mô hình “vùng xanh”.",
        [("name", "Covid-19", None), ("count", "25 mô hình", E(25, "mô hình"))],
    ),
    (
        "Theo Kế hoạch số 123/KH-CAT ngày 05 tháng 01 năm 2020, có 7 tổ tự quản được thành lập.",
        [
            ("name", "123/KH-CAT", None),
            ("date", "ngày 05 tháng 01 năm 2020", date(2020, 1, 5)),
            ("count", "7 tổ tự quản", E(7, "tổ tự quản")),
        ],
    ),
    (
        "Căn cứ Nghị định 30/2020/NĐ-CP, đơn vị đã ban hành 02 văn bản hướng dẫn.",
        [("name", "30/2020/NĐ-CP", None), ("count", "02 văn bản", E(2, "văn bản"))],
    ),
    (
        "Tổ chức 1 lớp tập huấn cho học sinh lớp 12 của Trường THPT số 2.",
        [("count", "1 lớp", E(1, "lớp")), ("name", "12", None), ("name", "2", None)],
    ),
    (
        "Tại đường 3 Tháng 2 và Quốc lộ 20 đã lắp 4 camera an ninh.",
        [("name", "3 Tháng 2", None), ("name", "20", None), ("count", "4 camera", E(4, "camera"))],
    ),
    (
        "Lúc 8h30 ngày 20/5, tại Phường 1 xảy ra 1 vụ cháy.",
        [("name", "8h30", None), ("date", "ngày 20/5", None), ("name", "1", None), ("count", "1 vụ", E(1, "vụ"))],
    ),
    # -- dates and periods -------------------------------------------------------------------------
    (
        "Chiều 12/7, Công an TP. Bảo Lộc tổ chức sơ kết.",
        [("date", "Chiều 12/7", None)],
    ),
    (
        "Giai đoạn 2013-2023, toàn tỉnh xây dựng 1.245 mô hình.",
        [("period", "Giai đoạn 2013-2023", "2013-01-01/2023-12-31"), ("count", "1.245 mô hình", E(1245, "mô hình"))],
    ),
    (
        "Từ ngày 15/12/2021 đến ngày 14/6/2022, tiếp nhận 1.135 tin.",
        [
            ("period", "Từ ngày 15/12/2021 đến ngày 14/6/2022", "2021-12-15/2022-06-14"),
            ("count", "1.135 tin", E(1135, "tin")),
        ],
    ),
    (
        "Trong 6 tháng qua, xe loa phát thanh 30 lượt tại các khu dân cư.",
        [("period", "6 tháng qua", None), ("count", "30 lượt", E(30, "lượt"))],
    ),
    # -- malformed numbers: reported, never guessed ------------------------------------------------
    (
        "Vận động 56.0000 người tham gia ngày hội.",
        [("count", "56.0000 người", SUSPICIOUS)],
    ),
    (
        "Phát hành 13.00 tờ rơi tuyên truyền.",
        [("count", "13.00 tờ rơi", SUSPICIOUS)],
    ),
    (
        "Hỗ trợ 1,5 con bò giống cho hộ nghèo.",
        [("count", "1,5 con", SUSPICIOUS)],
    ),
    (
        "Ủng hộ 1.2345 tỷ đồng.",
        [("money", "1.2345 tỷ đồng", SUSPICIOUS)],
    ),
    (
        "Ngày 31/2/2022 tiếp nhận 3 tin.",
        [("date", "Ngày 31/2/2022", SUSPICIOUS), ("count", "3 tin", E(3, "tin"))],
    ),
    # -- units after the verb, several figures in a clause -----------------------------------------
    (
        "Hỗ trợ xây mới 3 nhà và sửa chữa 2 nhà đại đoàn kết, với tổng kinh phí 190 triệu đồng.",
        [
            ("count", "3 nhà", E(3, "nhà")),
            ("count", "2 nhà", E(2, "nhà")),
            ("money", "190 triệu đồng", VND(190_000_000)),
        ],
    ),
    (
        "Nâng tổng số lên 19 mô hình; thanh loại 8 mô hình hoạt động kém hiệu quả.",
        [("count", "19 mô hình", E(19, "mô hình")), ("count", "8 mô hình", E(8, "mô hình"))],
    ),
    (
        "Tổng số mô hình trên địa bàn đã lên 19.",
        [("number", "19", "19")],
    ),
    # -- numbers in words, durations, addresses (issue 16) -----------------------------------------
    (
        "Xây dựng mới ba mô hình; tiếp nhận hai mươi tư tin báo.",
        [("count", "ba mô hình", E(3, "mô hình")), ("count", "hai mươi tư tin báo", E(24, "tin báo"))],
    ),
    (
        "Vận động hơn một trăm linh năm hộ gia đình ủng hộ năm mươi triệu đồng.",
        [
            ("count", "hơn một trăm linh năm hộ gia đình", MORE(105, "hộ gia đình")),
            ("money", "năm mươi triệu đồng", VND(50_000_000)),
        ],
    ),
    (
        "Sau 10 năm thực hiện, các mô hình được duy trì; trong ba tháng, tổ chức 12 buổi tuyên truyền.",
        [
            ("duration", "10 năm", E(10, "năm")),
            ("duration", "ba tháng", E(3, "tháng")),
            ("count", "12 buổi", E(12, "buổi")),
        ],
    ),
    (
        "Vụ tai nạn tại km 12+500 quốc lộ 20; trụ sở ở số nhà 123/4 đường Trần Phú.",
        [("name", "12+500", None), ("name", "20", None), ("name", "123/4", None)],
    ),
    (
        "Một người dân đã cung cấp một số tin, không có vụ nào.",
        [("unquantified", "một số tin", "tin")],
    ),
]
