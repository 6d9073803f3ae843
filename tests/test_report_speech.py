"""How the report speaks: every fact of the article, the English a partner reads, the phrasebooks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest

from anninh_toandan import Period, Quantity
from anninh_toandan import indicator as ind
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.formatting import format_date
from anninh_toandan.programme import Passage
from anninh_toandan.reports import Report, build_report, render, render_checklist
from anninh_toandan.reports._locales import phrasebook
from anninh_toandan.reports._phrases_en import ENGLISH
from anninh_toandan.reports._phrases_vi import VIETNAMESE

#: Every fact of the article, clause by clause, as the Vietnamese report must say it (office style:
#: the article's typing errors and press style corrected, see docs/model.md).
ARTICLE_FACTS = (
    # the situation
    "tình hình tội phạm, tệ nạn xã hội trên địa bàn thành phố được kiềm chế, kéo giảm",
    "Tuy nhiên, các loại tội phạm và tệ nạn xã hội",
    "tội phạm cờ bạc, cố ý gây thương tích, tín dụng đen, ma túy còn diễn biến phức tạp",
    "với thủ đoạn ngày càng tinh vi",
    "Ban Chỉ đạo 138 thành phố",
    "giữ vững an ninh chính trị, bảo đảm trật tự, an toàn xã hội",
    # the programme
    "Chương trình phối hợp số 06 ngày 06/3/2014",
    "“Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới”",
    "6 tháng đầu năm 2022",
    # outreach: figures, topics, channels and whose pages
    "72 buổi tuyên truyền về chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
    "hơn 13.000 lượt quần chúng Nhân dân",
    "hơn 250 bản in ấn",
    "phát thanh 2.700 lượt trên hệ thống loa truyền thanh về an ninh, trật tự",
    "hàng trăm bài viết tuyên truyền về công tác phòng, chống tội phạm, tệ nạn xã hội",
    "Zalo, Facebook của Công an thành phố và các tổ chức thành viên",
    # models: figures and the reason of the dissolution
    "xây dựng mới 3 mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự",
    "nâng tổng số lên 19 mô hình trên toàn địa bàn",
    "thanh loại 8 mô hình hoạt động cầm chừng, kém hiệu quả",
    # information from the public
    "Từ kết quả hoạt động của các mô hình",
    "274 tin liên quan đến an ninh, trật tự do quần chúng Nhân dân cung cấp",
    "100 tin có giá trị",
    "giúp làm rõ 44 vụ việc",
    # COVID-19 and the green zones
    "Nhiều mô hình hay trong công tác phòng, chống dịch COVID-19",
    "bảo vệ “vùng xanh”",
    # social support: donors, the fund, houses, the shared value
    "vận động cán bộ, chiến sĩ, công chức, viên chức ủng hộ Quỹ Vì người nghèo 437 triệu đồng",
    "xây mới 3 nhà và sửa chữa 2 nhà đại đoàn kết với tổng kinh phí 190 triệu đồng",
    "hỗ trợ sản xuất, tặng học bổng và hàng trăm phần quà cho học sinh khó khăn, người nghèo, "
    "trị giá hàng trăm triệu đồng",
    "góp phần xây dựng thế trận lòng dân",
    # the assessment
    "đạt nhiều kết quả nổi bật trong xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "Tình hình dịch COVID-19 diễn biến phức tạp",
    "dân vận chính quyền và dân vận trong lực lượng Công an còn nhiều khó khăn",
    "tuyên dương các điển hình tiên tiến trong phòng, chống tội phạm, tệ nạn xã hội chưa thật sự kịp thời",
    "xây dựng các mô hình mới về an ninh, trật tự trên địa bàn còn khiêm tốn",
    "giúp đỡ người lầm lỗi và thanh niên chậm tiến còn nhiều hạn chế, kết quả chưa cao",
    # the directions
    "đúng trọng tâm, trọng điểm, sát thực tế địa phương",
    "đến các tầng lớp Nhân dân",
    "Thường xuyên đánh giá các mô hình để có hướng khắc phục và phát huy hiệu quả",
    "Kịp thời tuyên dương, khen thưởng các điển hình tiên tiến để làm tốt công tác nêu gương",
    "Điều chỉnh, thay đổi công tác giáo dục, giúp đỡ người lầm lỗi và thanh niên chậm tiến",
    "cảm hóa, giúp đỡ người lầm lỗi và thanh niên chậm tiến sớm hòa nhập với cộng đồng",
)

#: Proper names an English report keeps in Vietnamese (places, people, and the rank-free names).
PROPER_NAMES = {"Bảo", "Lộc", "Lâm", "Đồng", "Ngô", "Quốc", "Huỳnh", "Chánh"}
_DIACRITICS = re.compile(r"[^\x00-\x7f“”‘’–—…]")


@pytest.fixture(scope="module")
def vi() -> Report:
    return build_report(bao_loc_2022_h1())


@pytest.fixture(scope="module")
def en() -> Report:
    return build_report(bao_loc_2022_h1(), locale="en")


def _flat(report: Report, fmt: str = "text") -> str:
    return " ".join(render(report, fmt).split())  # type: ignore[arg-type]


@pytest.mark.parametrize("fact", ARTICLE_FACTS)
def test_every_fact_of_the_article_is_in_the_vietnamese_report(vi: Report, fact: str) -> None:
    assert fact in _flat(vi)


def _vietnamese_words(text: str) -> tuple[int, list[str]]:
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)
    foreign = [w for w in words if _DIACRITICS.search(w) and w.strip("“”") not in PROPER_NAMES]
    return len(words), foreign


def test_the_english_report_is_english(en: Report) -> None:
    total, foreign = _vietnamese_words(_flat(en))
    assert total > 800
    # Fewer than 3% of its words are Vietnamese, apart from the names of places and people.
    assert len(foreign) / total < 0.03, foreign
    # Only the document's own symbol stays as it is filed ("/BC-CATP"): a number, not words.
    assert "Công an" not in _flat(en) and "Ủy ban" not in _flat(en)


def test_one_english_term_per_concept(en: Report) -> None:
    text = _flat(en)
    assert "2,700 broadcasts" in text and "2,700 attendances" not in text
    assert "the Fund for the Poor" in text and "Quỹ" not in text
    assert "(for reporting)" in text and "(để báo cáo)" not in text
    rows = {r.code: r.value for r in en.table.rows}  # type: ignore[union-attr]
    assert rows["loudspeaker_broadcasts"] == "2,700 broadcasts"
    assert rows["outreach_sessions"] == "72 outreach sessions"
    assert "72 outreach sessions on the Party's guidelines" in text


def test_a_passage_without_english_is_marked_vietnamese_never_silently() -> None:
    review = bao_loc_2022_h1()
    only_vi = Passage("Tình hình an ninh, trật tự cơ bản ổn định.")
    report = build_report(attrs.evolve(review, situation=attrs.evolve(review.situation, text=[only_vi])), locale="en")
    situation = report.sections[0]
    assert situation.paragraphs == ("[In Vietnamese] Tình hình an ninh, trật tự cơ bản ổn định.",)
    assert report.vietnamese == situation.paragraphs
    html = render(report, "html")
    assert '<p lang="vi">[In Vietnamese] Tình hình an ninh, trật tự cơ bản ổn định.</p>' in html
    directions = build_report(attrs.evolve(review, directions=["Tăng cường tuần tra."]), locale="en")
    assert "- [In Vietnamese] Tăng cường tuần tra." in directions.vietnamese
    assert '<p lang="vi">- [In Vietnamese] Tăng cường tuần tra.</p>' in render(directions, "html")
    # The Vietnamese report marks nothing.
    assert build_report(attrs.evolve(review, directions=["Tăng cường tuần tra."])).vietnamese == ()


def test_the_chairs_remarks_are_not_the_offices_strengths(vi: Report) -> None:
    assert vi.review.remarks  # the bundled review has them ...
    assert "biểu dương" not in _flat(vi)  # ... and the report does not print them


def test_proposals_of_the_review_replace_the_drafters_placeholder() -> None:
    review = attrs.evolve(bao_loc_2022_h1(), proposals=["Đề nghị Công an tỉnh hỗ trợ kinh phí."])
    report = build_report(review)
    assert report.sections[4].paragraphs == ("- Đề nghị Công an tỉnh hỗ trợ kinh phí.",)
    assert not any("Kiến nghị, đề xuất" in line for line in report.checklist)


def test_causes_not_classed_stay_under_nguyen_nhan() -> None:
    review = attrs.evolve(bao_loc_2022_h1(), causes=["Lực lượng còn mỏng."], subjective_causes=["Chưa sâu sát."])
    causes = next(s for s in build_report(review).walk() if s.title == "Nguyên nhân")
    assert causes.paragraphs == ("- Lực lượng còn mỏng.",)
    assert [(s.label, s.title) for s in causes.subsections] == [
        ("a)", "Nguyên nhân khách quan"),
        ("b)", "Nguyên nhân chủ quan"),
    ]


def test_directions_are_named_from_the_next_period() -> None:
    review = bao_loc_2022_h1()
    for period, title in (
        (Period.year(2022), "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023"),
        (Period.quarter(2022, 2), "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III/2022"),
    ):
        moved = attrs.evolve(review, period=period, figures=[attrs.evolve(f, period=period) for f in review.figures])
        assert title in [s.title for s in build_report(moved).sections]


def test_a_figure_mentioned_with_its_passage_is_said_once() -> None:
    report = build_report(bao_loc_2022_h1())
    assert _flat(report).count("Nhiều mô hình hay trong công tác phòng, chống dịch COVID-19") == 1


def test_the_reasons_of_dissolved_models_come_from_the_records() -> None:
    review = bao_loc_2022_h1()
    without = build_report(attrs.evolve(review, dissolved_models=()))
    assert "thanh loại 8 mô hình." in _flat(without)
    assert "cầm chừng" not in _flat(without)


def test_the_shared_value_is_said_once_for_the_three_kinds_of_support(vi: Report) -> None:
    support = next(s for s in vi.walk() if s.title == "Công tác an sinh xã hội").paragraphs[0]
    assert support.count("trị giá") == 1
    assert "Kết quả khác" not in [s.title for s in vi.walk()]
    alone = build_report(attrs.evolve(bao_loc_2022_h1(), shared_amounts=()))
    assert "Trị giá hỗ trợ sản xuất, học bổng và quà tặng: hàng trăm triệu đồng." in _flat(alone)


def test_the_drafters_checklist_file(vi: Report, tmp_path: Path) -> None:
    text = render_checklist(vi)
    assert text.splitlines()[:2] == [
        "DANH MỤC KIỂM TRA SỐ LIỆU CỦA NGƯỜI SOẠN THẢO",
        "(Dành cho người soạn thảo; không gửi kèm báo cáo.)",
    ]
    assert "- Đạt: Số tin có giá trị không vượt quá số tin tiếp nhận (100; 274)." in text
    assert all(len(line) <= 80 for line in text.splitlines()[3:])


def test_a_comparison_without_base_figures_is_in_the_checklist() -> None:
    wrong_year = FigureSet(
        [Figure.reported(ind.TIPS_RECEIVED, "673", Period.half_year(2020, 1), Quantity.exact(9, "tin"))]
    )
    report = build_report(bao_loc_2022_h1(), compare=wrong_year, chart=False)
    # The rule of the review's consistency (validate(compare=...)) and the builder's own warning.
    assert any(line.startswith("Sai:") and "so sánh" in line.lower() for line in report.checklist), report.checklist
    assert "kỳ so sánh (6 tháng đầu năm 2021) không có số liệu" in report.checklist


def test_a_custom_rule_is_worded_in_the_checklist_by_its_own_names() -> None:
    from anninh_toandan.reports._findings import describe_result
    from anninh_toandan.rules import Rule, constant, value

    rule = Rule(
        code="reach_ge",
        left=value("outreach_reach"),
        operator=">=",
        right=constant(10000),
        message="reach >= 10000",
        name_vi="Số lượt tuyên truyền đạt chỉ tiêu 10.000 lượt",
        name_en="Outreach reaches the target of 10,000",
    )
    review = bao_loc_2022_h1()
    result = rule.evaluate(review.figures, unit=review.unit, period=review.period)
    assert describe_result(result).startswith("Đạt: Số lượt tuyên truyền đạt chỉ tiêu 10.000 lượt")
    assert describe_result(result, locale="en").startswith("Satisfied: Outreach reaches the target of 10,000")


def test_phrasebooks_are_per_locale() -> None:
    assert phrasebook("vi") is VIETNAMESE and phrasebook("en") is ENGLISH
    assert VIETNAMESE.join(["a", "b", "c"]) == "a, b và c" and ENGLISH.join(["a"]) == "a"
    assert VIETNAMESE.filed(None) == "Lưu: VT" and ENGLISH.filed(None) == "File copy: clerical office"
    assert ENGLISH.signature("TM. BAN THƯỜNG TRỰC", "Chủ tịch", "A", None) == (
        "ON BEHALF OF THE STANDING BOARD",
        "CHAIRMAN",
        "A",
    )
    assert ENGLISH.signature("", "Giám đốc Công an", "B", "Thiếu tướng") == (
        "",
        "DIRECTOR OF POLICE",
        "Major General B",
    )


def test_the_build_module_has_no_inline_language_switches() -> None:
    import anninh_toandan.reports._build as build

    source = Path(build.__file__).read_text("utf-8")
    assert len(re.findall(r'locale == "(?:vi|en)"', source)) <= 3


def test_numeric_document_dates() -> None:
    assert format_date(dt.date(2014, 3, 6), style="numeric_document") == "06/3/2014"
    assert format_date(dt.date(2020, 2, 15), style="numeric_document") == "15/02/2020"
    assert format_date(dt.date(2020, 12, 25), style="numeric_document") == "25/12/2020"
    assert format_date(dt.date(2014, 3, 6), locale="en", style="numeric_document") == "6 March 2014"


def test_the_chart_holds_its_longest_labels_and_its_legend() -> None:
    pytest.importorskip("matplotlib")
    from anninh_toandan.reports._chart import ChartRow, comparison_chart

    long_text = "9.000 lượt (11/11 đơn vị báo cáo)"
    svg, png = comparison_chart(
        [
            ChartRow(
                label="Lượt quần chúng Nhân dân được tuyên truyền",
                current=8350,
                previous=9000,
                current_text="khoảng 8.350 lượt",
                previous_text=long_text,
            )
        ],
        current_label="6 tháng đầu năm 2022",
        previous_label="6 tháng đầu năm 2021",
        title="So sánh với cùng kỳ",
    )
    for text in (long_text, "khoảng 8.350 lượt", "6 tháng đầu năm 2022", "6 tháng đầu năm 2021"):
        assert text in svg
    # The picture grows to hold what is drawn: wider than the 7-inch figure (504 pt) with a long label,
    # where it used to be cut at the figure's edge.
    width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
    assert width > 504
    assert png.startswith(b"\x89PNG")
