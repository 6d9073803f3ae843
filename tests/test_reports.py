"""Reports: the model built from a review, the renderers, templates, files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

from anninh_toandan import Period, Quantity
from anninh_toandan import indicator as ind
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.programme import Person
from anninh_toandan.reports import (
    Report,
    ReportError,
    Section,
    TemplateError,
    build_report,
    person_name,
    render,
    render_template,
    write_report,
)

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"

#: Every figure of the article, as the article writes it.
ARTICLE_FIGURES = (
    "72 buổi",
    "hơn 13.000 lượt",
    "hơn 250 bản",
    "2.700 lượt",
    "hàng trăm bài viết",
    "3 mô hình",
    "19 mô hình",
    "8 mô hình",
    "274 tin",
    "100 tin",
    "44 vụ việc",
    "437 triệu đồng",
    "3 nhà",
    "2 nhà",
    "190 triệu đồng",
    "hàng trăm phần quà",
    "hàng trăm triệu đồng",
)


@pytest.fixture(scope="module")
def report_vi() -> Report:
    return build_report(bao_loc_2022_h1())


@pytest.fixture(scope="module")
def report_en() -> Report:
    return build_report(bao_loc_2022_h1(), locale="en")


def _previous() -> FigureSet:
    p = Period.half_year(2021, 1)
    return FigureSet(
        [
            Figure.reported(ind.OUTREACH_SESSIONS, "673", p, Quantity.exact(60, "buổi")),
            Figure.reported(ind.OUTREACH_REACH, "673", p, Quantity.exact(11000, "lượt")),
            Figure.reported(ind.TIPS_RECEIVED, "673", p, Quantity.exact(300, "tin")),
            Figure.reported(ind.TIPS_VALUABLE, "673", p, Quantity.exact(100, "tin")),
            Figure.reported(ind.FUND_CONTRIBUTIONS, "673", p, Quantity.vnd(400_000_000)),
        ]
    )


# -- the model -------------------------------------------------------------------------


def test_heading_follows_nghi_dinh_30(report_vi: Report) -> None:
    h = report_vi.heading
    assert h.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert h.motto == "Độc lập - Tự do - Hạnh phúc"
    assert h.parent_body == "CÔNG AN TỈNH LÂM ĐỒNG"
    assert h.issuing_body == "CÔNG AN THÀNH PHỐ BẢO LỘC"
    assert h.number.startswith("Số:") and h.number.endswith("/BC-CATP")
    assert h.place_date == "Bảo Lộc, ngày 12 tháng 7 năm 2022"
    assert h.title == "BÁO CÁO"
    # A document cited by its date as Nghị định 30/2020 writes it: "ngày 06/3/2014".
    assert h.subject.startswith("Sơ kết 6 tháng đầu năm 2022 thực hiện Chương trình phối hợp số 06 ngày 06/3/2014")


def _section(report: Report, title: str) -> Section:
    return next(s for s in report.walk() if s.title == title)


def _results_of(report: Report) -> Section:
    return _section(report, "KẾT QUẢ THỰC HIỆN" if report.locale == "vi" else "RESULTS")


def test_sections_follow_the_review_skeleton(report_vi: Report) -> None:
    titles = [f"{s.label} {s.title}" for s in report_vi.sections]
    assert titles == [
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ]
    sub = [s.title for s in report_vi.sections[1].subsections]
    assert sub == [
        "Công tác tuyên truyền",
        "Xây dựng mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự",
        "Tiếp nhận, xử lý tin về an ninh, trật tự do quần chúng Nhân dân cung cấp",
        "Công tác an sinh xã hội",
    ]
    assessment = report_vi.sections[2]
    assert [f"{s.label} {s.title}" for s in assessment.subsections] == [
        "1. Ưu điểm",
        "2. Tồn tại, hạn chế",
        "3. Nguyên nhân khách quan",  # the only kind of cause the review gives: no lone "a)"
    ]
    assert assessment.subsections[2].subsections == ()
    both = attrs.evolve(bao_loc_2022_h1(), subjective_causes=["Một số cơ sở chưa chủ động phối hợp."])
    (causes,) = [s for s in build_report(both).sections[2].subsections if s.title == "Nguyên nhân"]
    assert [f"{s.label} {s.title}" for s in causes.subsections] == [
        "a) Nguyên nhân khách quan",
        "b) Nguyên nhân chủ quan",
    ]
    # Left to the drafter when the review has no proposals; the checklist says so.
    assert report_vi.sections[4].paragraphs == ("(Đơn vị bổ sung nếu có.)",)
    assert any("Kiến nghị, đề xuất" in line for line in report_vi.checklist)


def test_the_office_speaks_in_its_own_voice(report_vi: Report) -> None:
    text = " ".join(render(report_vi, "text").split())
    # It does not narrate its own meeting, nor print the chairs' praise as its strengths.
    assert "hội nghị" not in text and "chủ trì" not in text
    assert "ghi nhận, biểu dương" not in text
    # Its own name in full once, then "Công an thành phố"; never the undefined "TP".
    body = " ".join(report_vi.opening) + " ".join(p for s in report_vi.walk() for p in s.paragraphs)
    assert body.count("Công an thành phố Bảo Lộc") == 1 and "Công an thành phố cùng" in body
    assert " TP " not in text
    # The basis cites the programme as offices do.
    assert report_vi.opening[0].startswith("Thực hiện Chương trình phối hợp số 06 ngày 06/3/2014 giữa")
    assert report_vi.opening[0].endswith(
        "Công an thành phố Bảo Lộc báo cáo kết quả sơ kết 6 tháng đầu năm 2022 như sau:"
    )
    # A direction is not a shortcoming.
    shortcomings = " ".join(_section(report_vi, "Tồn tại, hạn chế").paragraphs)
    assert "Điều chỉnh, thay đổi" not in shortcomings


def test_office_wording(report_vi: Report) -> None:
    text = " ".join(render(report_vi, "text").split())
    assert "phòng, chống tội phạm" in text and "phòng chống" not in text
    assert "bảo đảm an ninh, trật tự" in text and "đảm bảo" not in text.replace("bảo đảm", "")
    assert "Zalo, Facebook" in text and "zalo" not in text
    assert "COVID-19" in text and "Covid" not in text
    assert "nhân dân" not in text  # "Nhân dân", one capitalisation
    assert "tin báo" not in text  # the programme's "tin", not the criminal procedure's "tin báo"


def test_the_drafters_checks_are_not_in_the_document(report_vi: Report) -> None:
    text = render(report_vi, "text")
    assert "KIỂM TRA" not in text and "Đạt:" not in text and "Chưa kiểm tra được" not in text
    assert "- Đạt: Số tin có giá trị không vượt quá số tin tiếp nhận (100; 274)." not in text
    assert "Đạt: Số tin có giá trị không vượt quá số tin tiếp nhận (100; 274)." in report_vi.checklist
    # The houses reported above are not said to be missing: the missing figure is the total, by its name.
    houses = next(line for line in report_vi.checklist if "nhà đại đoàn kết" in line.lower())
    assert "“Tổng số nhà đại đoàn kết xây mới và sửa chữa”" in houses
    assert "thiếu số liệu: nhà đại đoàn kết xây mới và sửa chữa" not in houses


def test_sentences_read_like_the_article(report_vi: Report) -> None:
    results = _results_of(report_vi)
    outreach = results.subsections[0].paragraphs[0]
    assert outreach == (
        "Trong 6 tháng đầu năm 2022, Công an thành phố cùng Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc "
        "và các tổ chức thành viên phối hợp tổ chức 72 buổi tuyên truyền về chủ trương, đường lối của Đảng, "
        "chính sách, pháp luật của Nhà nước cho hơn 13.000 lượt quần chúng Nhân dân; phát hành hơn 250 bản in ấn; "
        "phát thanh 2.700 lượt trên hệ thống loa truyền thanh về an ninh, trật tự; thực hiện hàng trăm bài viết "
        "tuyên truyền về công tác phòng, chống tội phạm, tệ nạn xã hội đăng trên các trang Zalo, Facebook của "
        "Công an thành phố và các tổ chức thành viên."
    )
    models = results.subsections[1].paragraphs
    assert models[0].endswith("đồng thời, thanh loại 8 mô hình hoạt động cầm chừng, kém hiệu quả.")
    assert "“vùng xanh”" in models[1]  # the other results of the models, under them
    tips = results.subsections[2].paragraphs[0]
    assert tips.startswith("Từ kết quả hoạt động của các mô hình, Công an thành phố đã tiếp nhận 274 tin")
    assert "100 tin có giá trị (chiếm 36,5%)" in tips and "giúp làm rõ 44 vụ việc" in tips
    support = results.subsections[3].paragraphs
    assert support[0].startswith(
        "Công an thành phố và các tổ chức thành viên phối hợp vận động cán bộ, chiến sĩ, công chức, viên chức "
        "ủng hộ Quỹ Vì người nghèo 437 triệu đồng; hỗ trợ xây mới 3 nhà và sửa chữa 2 nhà đại đoàn kết"
    )
    # The article's "trị giá hàng trăm triệu đồng" covers production support, scholarships and gifts
    # together: said once, after the three.
    assert support[0].endswith(
        "hỗ trợ sản xuất, tặng học bổng và hàng trăm phần quà cho học sinh khó khăn, người nghèo, "
        "trị giá hàng trăm triệu đồng."
    )
    assert " ".join(render(report_vi).split()).count("hàng trăm triệu đồng") == 2  # the text and the table
    assert "góp phần xây dựng thế trận lòng dân" in support[1]
    assert [s.title for s in results.subsections] == [s.title for s in results.subsections[:4]]  # no "Kết quả khác"


def test_every_article_figure_is_in_the_text(report_vi: Report) -> None:
    text = render(report_vi, "text")
    flat = " ".join(text.split())
    for figure in ARTICLE_FIGURES:
        assert figure in flat, figure


def test_people_are_named_as_reports_name_them(report_vi: Report) -> None:
    assert person_name(Person(name="Huỳnh Minh Chánh", honorific="ông"), locale="en") == "Mr Huỳnh Minh Chánh"
    assert person_name(Person(name="A", honorific="ngài"), locale="en") == "A"
    assert person_name(Person(name="A")) == "A"
    sig = report_vi.signature
    assert sig is not None
    assert (sig.authority, sig.title, sig.name) == ("KT. TRƯỞNG CÔNG AN", "PHÓ TRƯỞNG CÔNG AN", "Đại tá Ngô Quốc Huy")


def test_recipients(report_vi: Report) -> None:
    assert report_vi.recipients == (
        "- Công an tỉnh Lâm Đồng (để báo cáo);",
        "- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (để báo cáo);",
        "- Ban Thường trực Ủy ban MTTQ Việt Nam thành phố (để phối hợp);",
        "- Lưu: VT, CATP.",
    )
    other = build_report(bao_loc_2022_h1(), filed_by="PV01")
    assert other.recipients[-1] == "- Lưu: VT, PV01."


def test_missing_figures_are_left_out_never_zero() -> None:
    review = bao_loc_2022_h1()
    kept = [f for f in review.figures if f.indicator.code not in ("printed_copies", "tips_valuable")]
    report = build_report(attrs.evolve(review, figures=FigureSet(kept)))
    outreach = _results_of(report).subsections[0].paragraphs[0]
    assert "in ấn" not in outreach
    tips = _results_of(report).subsections[2].paragraphs[0]
    assert "có giá trị" not in tips and " 0 " not in tips
    assert all(r.code not in ("printed_copies", "tips_valuable") for r in report.table.rows)  # type: ignore[union-attr]


def test_mentioned_figures_are_named_without_a_number(report_vi: Report) -> None:
    rows = {r.code: r.value for r in report_vi.table.rows}  # type: ignore[union-attr]
    # Said in the text ("tặng học bổng"), left out of the table: no cell says "có, không nêu số".
    assert "scholarships" not in rows and "production_support" not in rows
    assert all("không nêu số" not in v for v in rows.values())
    assert rows["outreach_reach"] == "hơn 13.000 lượt"
    assert rows["support_value"] == "hàng trăm triệu đồng"


def test_comparison_table_and_change() -> None:
    report = build_report(bao_loc_2022_h1(), compare=_previous(), chart=False)
    table = report.table
    assert table is not None and table.has_comparison
    assert table.columns == ("Chỉ tiêu", "6 tháng đầu năm 2022", "6 tháng đầu năm 2021", "So sánh")
    rows = {r.code: r for r in table.rows}
    assert rows["outreach_sessions"].change == "tăng 12 buổi (20,0%)"
    assert rows["outreach_reach"].change == "tăng hơn 2.000 lượt (khoảng 18,2%)"
    assert rows["tips_received"].change == "giảm 26 tin (-8,7%)"
    assert rows["tips_valuable"].change == "không đổi"
    assert rows["printed_copies"].previous == "không có số liệu"
    assert rows["printed_copies"].change == "không so sánh được (không có số liệu)"
    assert report.chart_svg is None


def test_comparison_from_a_review_and_a_chart() -> None:
    pytest.importorskip("matplotlib")
    previous = attrs.evolve(bao_loc_2022_h1(), period=Period.half_year(2021, 1), figures=_previous())
    report = build_report(bao_loc_2022_h1(), compare=previous)
    assert report.chart_svg is not None and report.chart_svg.startswith("<svg")
    assert report.chart_png is not None and report.chart_png.startswith(b"\x89PNG")
    html = render(report, "html")
    assert "<svg" in html


def test_english(report_en: Report) -> None:
    assert report_en.heading.title == "REPORT"
    assert report_en.heading.place_date == "Bảo Lộc, 12 July 2022"
    assert report_en.heading.subject.startswith(
        "Mid-year review (first half of 2022) of Coordination Programme No. 06 of 6 March 2014 between "
        "Lâm Đồng Provincial Police and the Lâm Đồng Provincial Committee of the Vietnam Fatherland Front"
    )
    assert report_en.heading.parent_body == "LÂM ĐỒNG PROVINCIAL POLICE"
    assert report_en.heading.issuing_body == "BẢO LỘC CITY POLICE"
    outreach = _results_of(report_en).subsections[0].paragraphs[0]
    assert "held 72 outreach sessions on the Party's guidelines" in outreach
    assert "with more than 13,000 attendances" in outreach
    assert "2,700 broadcasts on the loudspeaker system" in outreach
    assert "on the Zalo and Facebook pages of Bảo Lộc City Police" in outreach
    tips = _results_of(report_en).subsections[2].paragraphs[0]
    assert "of which 100 tips were valuable (36.5%)" in tips
    sig = report_en.signature
    assert sig is not None
    assert (sig.authority, sig.title, sig.name) == ("FOR THE CHIEF OF POLICE", "DEPUTY CHIEF", "Colonel Ngô Quốc Huy")
    assert report_en.recipients[0] == "- Lâm Đồng Provincial Police (for reporting);"
    # One term per concept, in the text and the table.
    rows = {r.code: r.value for r in report_en.table.rows}  # type: ignore[union-attr]
    assert rows["loudspeaker_broadcasts"] == "2,700 broadcasts"
    text = render(report_en)
    assert "Quỹ" not in text and text.count("the Fund for the Poor") == 2 - text.count("The Fund for the Poor")


def test_findings_section() -> None:
    report = build_report(bao_loc_2022_h1(), findings=True)
    last = report.sections[-1]
    assert last.title.startswith("PHỤ LỤC: DANH MỤC KIỂM TRA SỐ LIỆU (dành cho người soạn thảo")
    assert last.paragraphs[0].startswith("- Chưa rõ tổng số 19 mô hình là số sau hay trước khi thanh loại 8 mô hình")
    assert "đầu kỳ có 24 mô hình" in last.paragraphs[0] and "còn 11 mô hình" in last.paragraphs[0]
    assert "- Đạt: Số tin có giá trị không vượt quá số tin tiếp nhận (100; 274)." in last.paragraphs
    en = build_report(bao_loc_2022_h1(), findings=True, locale="en").sections[-1]
    assert en.title.startswith("APPENDIX: CHECKLIST OF THE FIGURES (for the drafter")
    assert en.paragraphs[0].startswith("- It is not clear whether the total of 19 models counts the 8 models dissolved")


def test_describe_results_wording() -> None:
    from anninh_toandan.reports._findings import describe_readings, describe_result
    from anninh_toandan.rules import Rule, constant, value

    review = bao_loc_2022_h1()
    fs = review.figures
    unit, period = review.unit, review.period

    def one(rule: Rule, figures: FigureSet = fs, locale: str = "vi") -> str:
        return describe_result(rule.evaluate(figures, unit=unit, period=period), locale=locale)

    more = Rule(
        code="reach_ge", left=value("outreach_reach"), operator=">=", right=constant(20000), message="reach >= 20000"
    )
    assert one(more) == "Có thể sai: Reach >= 20000 (ít nhất 13.000; 20.000)."
    assert one(more, locale="en") == "Possibly violated: Reach >= 20000 (at least 13,000; 20,000)."
    posts = Rule(code="posts_le", left=value("online_posts"), operator="<=", right=constant(50), message="posts <= 50")
    assert one(posts) == "Sai: Posts <= 50 (từ 100 đến 999; 50)."
    about = FigureSet([Figure.reported(ind.OUTREACH_REACH, unit, period, Quantity.about(5, "lượt"))])
    assert one(more, about) == "Có thể sai: Reach >= 20000 (không rõ; 20.000)."
    nearly = FigureSet([Figure.reported(ind.OUTREACH_REACH, unit, period, Quantity.nearly(5, "lượt"))])
    assert one(more, nearly, "en") == "Violated: Reach >= 20000 (at most 5; 20,000)."
    assert describe_readings(more.evaluate(fs, unit=unit, period=period)) is None


def test_bad_arguments() -> None:
    with pytest.raises(ReportError, match="'locale' must be one of 'vi', 'en'"):
        build_report(bao_loc_2022_h1(), locale="fr")
    with pytest.raises(ReportError, match="'review' must be a Review"):
        build_report("review")  # type: ignore[arg-type]
    with pytest.raises(ReportError, match="pass issuer="):
        build_report(attrs.evolve(bao_loc_2022_h1(), organisers=()))
    with pytest.raises(ReportError, match="use write_report"):
        render(build_report(bao_loc_2022_h1()), "docx")  # type: ignore[arg-type]


# -- renderers ---------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_snapshots(fmt: str, locale: str) -> None:
    report = build_report(bao_loc_2022_h1(), locale=locale)
    out = render(report, fmt)  # type: ignore[arg-type]
    path = SNAPSHOTS / f"bao_loc_2022_h1.{locale}.{ {'text': 'txt'}.get(fmt, fmt) }"
    if UPDATE:
        path.write_text(out, "utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with UPDATE_SNAPSHOTS=1 once and review it"
    assert out == path.read_text("utf-8")


def test_html_escapes_every_value() -> None:
    review = bao_loc_2022_h1()
    evil = Figure.reported(
        ind.Indicator(code="evil", name_vi="<script>alert(1)</script>", name_en="<b>x</b>", unit="<script>"),
        review.unit,
        review.period,
        Quantity.exact(5, "<script>"),
    )
    report = build_report(review.with_figures([evil]))
    html = render(report, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = render(report, "md")
    assert "&lt;script&gt;" in md and "<script>" not in md


def test_markdown_escaping_keeps_text_as_written() -> None:
    from anninh_toandan.reports._render import _md

    assert _md("*a* _b_ [c](d) | #e") == "\\*a\\* \\_b\\_ \\[c\\](d) \\| \\#e"
    assert _md("- item") == "\\- item"
    assert _md("1. first") == "1\\. first"


def test_output_is_nfc(report_vi: Report) -> None:
    import unicodedata

    for fmt in ("text", "md", "html"):
        out = render(report_vi, fmt)  # type: ignore[arg-type]
        assert unicodedata.is_normalized("NFC", out)


# -- custom templates ------------------------------------------------------------------------


def test_custom_template_string_with_filters(report_vi: Report) -> None:
    template = (
        "{{ report.heading.place_date }}: {{ figures.value('outreach_reach', review.unit, review.period)"
        " | format_quantity }}; {{ 437000000 | format_money }}; {{ 437000000 | spell_money }}"
    )
    out = render_template(report_vi, template)
    assert out == (
        "Bảo Lộc, ngày 12 tháng 7 năm 2022: hơn 13.000 lượt; 437 triệu đồng; Bốn trăm ba mươi bảy triệu đồng"
    )
    en = build_report(bao_loc_2022_h1(), locale="en")
    assert render_template(en, "{{ 437000000 | format_money }}") == "VND 437 million"


def test_custom_template_file_is_autoescaped_for_html(tmp_path: Path, report_vi: Report) -> None:
    t = tmp_path / "t.html"
    t.write_text("<p>{{ '<b>' }}{{ report.heading.title }}</p>", "utf-8")
    assert render_template(report_vi, t) == "<p>&lt;b&gt;BÁO CÁO</p>"
    txt = tmp_path / "t.txt"
    txt.write_text("{{ '<b>' }}", "utf-8")
    assert render_template(report_vi, txt) == "<b>"


def test_template_errors_name_template_line_and_cause(tmp_path: Path, report_vi: Report) -> None:
    t = tmp_path / "broken.md"
    t.write_text("line one\n{{ report.heading.title\n", "utf-8")
    with pytest.raises(TemplateError) as info:
        render_template(report_vi, t)
    assert str(t) in str(info.value) and "line 2" in str(info.value)
    assert info.value.line == 2 and info.value.template == str(t)
    t.write_text("ok\n\n{{ report.nothing_here }}\n", "utf-8")
    with pytest.raises(TemplateError) as info:
        render_template(report_vi, t)
    assert "line 3" in str(info.value) and "nothing_here" in str(info.value)
    with pytest.raises(
        TemplateError, match="template <template>, line 1: ValidationTypeError: 'amount' must be an int"
    ):
        render_template(report_vi, "{{ 'abc' | format_money }}")
    with pytest.raises(ReportError, match="missing path"):
        render_template(report_vi, "no/such/template.j2")


# -- files ---------------------------------------------------------------------------------


def test_write_report_every_format(tmp_path: Path, report_vi: Report) -> None:
    pytest.importorskip("docx")
    for suffix in ("txt", "md", "html", "docx"):
        path = write_report(report_vi, tmp_path / f"r.{suffix}")
        assert path.stat().st_size > 1000
    assert (tmp_path / "r.txt").read_text("utf-8") == render(report_vi, "text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.html", "r.md", "r.txt"]


def test_write_report_errors(tmp_path: Path, report_vi: Report) -> None:
    with pytest.raises(ReportError, match="cannot tell the format"):
        write_report(report_vi, tmp_path / "r.pdf")
    with pytest.raises(ReportError, match="does not exist"):
        write_report(report_vi, tmp_path / "no" / "r.txt")
    with pytest.raises(ReportError, match="'format' must be one of"):
        write_report(report_vi, tmp_path / "r.txt", "pdf")  # type: ignore[arg-type]


def test_write_report_replaces_a_file_only_when_complete(tmp_path: Path, report_vi: Report) -> None:
    target = tmp_path / "r.txt"
    target.write_text("old", "utf-8")
    with pytest.raises(TemplateError):
        write_report(report_vi, target, template="{{ broken")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]
    write_report(report_vi, target, template="{{ report.heading.title }}")
    assert target.read_text("utf-8") == "BÁO CÁO"


# -- Word ----------------------------------------------------------------------------------


def test_docx_structure(tmp_path: Path, report_vi: Report) -> None:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    path = write_report(report_vi, tmp_path / "r.docx")
    doc = docx.Document(str(path))
    section = doc.sections[0]

    def mm(length: object) -> float:
        return round(length.mm, 1)  # type: ignore[attr-defined]

    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20.0, 20.0)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30.0, 15.0)
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size == Pt(14)

    heading = doc.tables[0]
    assert len(heading.columns) == 2
    left, right = (c.text for c in heading.rows[0].cells)
    assert "CÔNG AN TỈNH LÂM ĐỒNG" in left and "CÔNG AN THÀNH PHỐ BẢO LỘC" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    national = next(r for p in heading.rows[0].cells[1].paragraphs for r in p.runs if r.text.startswith("CỘNG HÒA"))
    assert national.bold and national.font.size == Pt(12) and national.font.name == "Times New Roman"
    issuer = next(r for p in heading.rows[0].cells[0].paragraphs for r in p.runs if r.text.startswith("CÔNG AN THÀNH"))
    assert issuer.bold
    place_date = heading.rows[1].cells[1].paragraphs[0].runs[0]
    assert place_date.italic and place_date.text == "Bảo Lộc, ngày 12 tháng 7 năm 2022"
    assert heading.rows[1].cells[0].text.startswith("Số:")

    paragraphs = doc.paragraphs
    title = next(p for p in paragraphs if p.text == "BÁO CÁO")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].bold
    sections = [p for p in paragraphs if p.text.startswith(("I. ", "II. ", "III. "))]
    assert [p.text.split(" ")[0] for p in sections] == ["I.", "II.", "III."]
    assert all(p.runs[0].bold for p in sections)
    body = next(p for p in paragraphs if p.text.startswith("Trong 6 tháng đầu năm 2022"))
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.paragraph_format.first_line_indent == Cm(1.27)
    assert body.paragraph_format.space_after == Pt(6)

    figures = doc.tables[1]
    assert figures.rows[0].cells[0].text == "Chỉ tiêu"
    assert len(figures.rows) == 1 + len(report_vi.table.rows)  # type: ignore[union-attr]
    closing = doc.tables[2]
    recipients = closing.rows[0].cells[0].paragraphs[0].runs[0]
    assert recipients.text == "Nơi nhận:" and recipients.bold and recipients.italic and recipients.font.size == Pt(12)
    assert "Đại tá Ngô Quốc Huy" in closing.rows[0].cells[1].text
    assert doc.core_properties.language == "vi-VN"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_docx_converts_to_pdf_with_libreoffice(tmp_path: Path, report_vi: Report) -> None:
    pytest.importorskip("docx")
    path = write_report(report_vi, tmp_path / "bao_loc.docx")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf", str(path)],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "bao_loc.pdf"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read the PDF back")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Nơi nhận:"):
        assert expected in flat
    for figure in ARTICLE_FIGURES:
        assert figure in flat, figure


@pytest.mark.parametrize(
    ("period", "vi_start", "en_start"),
    [
        (Period.year(2022), "Trong năm 2022, ", "In the year 2022, "),
        (Period.month(2022, 6), "Trong tháng 6/2022, ", "In June 2022, "),
        (Period.quarter(2022, 2), "Trong quý II/2022, ", "In Q2 2022, "),
        (Period.half_year(2022, 2), "Trong 6 tháng cuối năm 2022, ", "In the second half of 2022, "),
    ],
)
def test_period_wording_of_every_kind(period: Period, vi_start: str, en_start: str) -> None:
    review = bao_loc_2022_h1()
    moved = attrs.evolve(review, period=period, figures=[attrs.evolve(f, period=period) for f in review.figures])
    assert _results_of(build_report(moved)).subsections[0].paragraphs[0].startswith(vi_start)
    en = build_report(moved, locale="en")
    assert _results_of(en).subsections[0].paragraphs[0].startswith(en_start)
    assert "of the the" not in en.heading.subject and "for the the" not in en.opening[0]


def _with(*figures: tuple[ind.Indicator, Quantity | None]) -> Report:
    """A report of the bundled review with only *figures* (None: mentioned without a number)."""
    review = bao_loc_2022_h1()
    made = [
        Figure.reported(i, review.unit, review.period, q)
        if q is not None
        else Figure.mentioned(i, review.unit, review.period)
        for i, q in figures
    ]
    return build_report(
        attrs.evolve(
            review,
            figures=made,
            activities=(),
            funds=(),
            results=(),
            support=(),
            shared_amounts=(),
            dissolved_models=(),
        )
    )


def _results(report: Report) -> dict[str, str]:
    return {s.title: " ".join(s.paragraphs) for s in _results_of(report).subsections}


def test_sentences_from_partial_figures_vi() -> None:
    r = _results(
        _with(
            (ind.OUTREACH_REACH, Quantity.about(500, "lượt")),
            (ind.SECURITY_MODELS_ACTIVE, Quantity.exact(19, "mô hình")),
            (ind.TIPS_VALUABLE, Quantity.exact(5, "tin")),
            (ind.CASES_CLARIFIED, Quantity.exact(2, "vụ việc")),
            (ind.HOUSES_COST, Quantity.vnd(50_000_000)),
            (ind.GIFTS_VALUE, Quantity.vnd(10_000_000)),
            (ind.SCHOLARSHIPS, Quantity.exact(4, "suất học bổng")),
            (ind.SCHOLARSHIPS_VALUE, Quantity.vnd(8_000_000)),
            (ind.PRODUCTION_SUPPORT, Quantity.exact(3, "suất")),
            (ind.PRODUCTION_SUPPORT_VALUE, Quantity.vnd(30_000_000)),
            (ind.FUND_CONTRIBUTIONS, Quantity.vnd(1_000_000)),
        )
    )
    assert "phối hợp tuyên truyền cho khoảng 500 lượt quần chúng Nhân dân." in r["Công tác tuyên truyền"]
    assert "trên mạng xã hội" not in r["Công tác tuyên truyền"]
    assert r["Xây dựng mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự"] == (
        "Phối hợp duy trì 19 mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự trên toàn địa bàn."
    )
    # Valuable information without the count received: not "from the models" (nothing to say it was).
    assert r["Tiếp nhận, xử lý tin về an ninh, trật tự do quần chúng Nhân dân cung cấp"] == (
        "Quần chúng Nhân dân cung cấp 5 tin có giá trị, giúp làm rõ 2 vụ việc."
    )
    support = r["Công tác an sinh xã hội"]
    assert support.startswith(
        "Vận động ủng hộ Quỹ Vì người nghèo 1 triệu đồng; hỗ trợ xây dựng, sửa chữa nhà đại đoàn kết"
    )
    assert "hỗ trợ sản xuất 3 suất trị giá 30 triệu đồng" in support
    assert "tặng 4 suất học bổng trị giá 8 triệu đồng và quà trị giá 10 triệu đồng" in support


def test_sentences_from_partial_figures_en() -> None:
    review = bao_loc_2022_h1()
    made = [
        Figure.reported(ind.OUTREACH_REACH, review.unit, review.period, Quantity.exact(500, "lượt")),
        Figure.reported(ind.SECURITY_MODELS_ACTIVE, review.unit, review.period, Quantity.exact(19, "mô hình")),
        Figure.reported(ind.TIPS_VALUABLE, review.unit, review.period, Quantity.exact(5, "tin")),
        Figure.reported(ind.CASES_CLARIFIED, review.unit, review.period, Quantity.exact(2, "vụ việc")),
        Figure.reported(ind.HOUSES_COST, review.unit, review.period, Quantity.vnd(50_000_000)),
        Figure.reported(ind.GIFTS_VALUE, review.unit, review.period, Quantity.vnd(10_000_000)),
        Figure.mentioned(ind.SCHOLARSHIPS, review.unit, review.period),
        Figure.reported(ind.PRODUCTION_SUPPORT, review.unit, review.period, Quantity.exact(3, "suất")),
        Figure.reported(ind.PRINTED_COPIES, review.unit, review.period, Quantity.more_than(250, "bản")),
        Figure.reported(ind.SECURITY_MODELS_DISSOLVED, review.unit, review.period, Quantity.exact(8, "mô hình")),
    ]
    report = build_report(
        attrs.evolve(
            review,
            figures=made,
            activities=(),
            funds=(),
            results=(),
            support=(),
            shared_amounts=(),
            dissolved_models=(),
        ),
        locale="en",
    )
    r = _results(report)
    assert r["Outreach"] == (
        "In the first half of 2022, Bảo Lộc City Police, together with the Bảo Lộc City Committee of the Vietnam "
        "Fatherland Front, held outreach sessions with 500 attendances; and issued more than 250 copies of "
        "printed material."
    )
    assert r["Community security models"] == (
        "The partners kept 19 models for crime prevention and public order in operation; and dissolved 8 models."
    )
    assert r["Tips on security and public order from the public"] == (
        "The public gave 5 tips that were valuable, which helped to clarify 2 cases."
    )
    support = r["Social support"]
    assert support.startswith("The partners spent VND 50 million on great-solidarity houses; and gave 3 allotments")
    assert "scholarships and gifts worth VND 10 million" in support


def test_houses_total_without_parts() -> None:
    r = _results(_with((ind.HOUSES_TOTAL, Quantity.exact(5, "nhà")), (ind.HOUSES_COST, Quantity.vnd(200_000_000))))
    assert r["Công tác an sinh xã hội"] == (
        "Hỗ trợ xây mới, sửa chữa 5 nhà đại đoàn kết với tổng kinh phí 200 triệu đồng."
    )


def test_cases_alone_and_models_without_total() -> None:
    r = _results(
        _with(
            (ind.CASES_CLARIFIED, Quantity.exact(2, "vụ việc")),
            (ind.SECURITY_MODELS_DISSOLVED, Quantity.exact(1, "mô hình")),
        )
    )
    assert r["Tiếp nhận, xử lý tin về an ninh, trật tự do quần chúng Nhân dân cung cấp"] == (
        "Tin do quần chúng Nhân dân cung cấp giúp làm rõ 2 vụ việc."
    )
    assert r["Xây dựng mô hình phòng, chống tội phạm, bảo đảm an ninh, trật tự"] == "Phối hợp thanh loại 1 mô hình."
    empty = _with()
    assert _results_of(empty).subsections == () and empty.table is None


def test_custom_figures_go_to_other_results() -> None:
    custom = ind.Indicator(code="mediations", name_vi="Vụ hòa giải thành", name_en="Disputes settled", unit="vụ")
    named = ind.Indicator(code="patrols", name_vi="Tuần tra", name_en="Patrols", unit="lượt")
    report = _with((custom, Quantity.exact(7, "vụ")), (named, None))
    assert _results(report)["Kết quả khác"] == "Vụ hòa giải thành: 7 vụ. Tuần tra."
    en = build_report(report.review, locale="en")
    assert _results(en)["Other results"] == "Disputes settled: 7 cases. Patrols."


def test_options_number_place_date_recipients_signer_issuer() -> None:
    import datetime as dt

    review = bao_loc_2022_h1()
    front = review.organisers[1]
    report = build_report(
        review,
        issuer=front,
        number="12/BC-MTTQ-BTT",
        place="Lâm Đồng",
        date=dt.date(2022, 7, 15),
        recipients=["- Như trên;", "- Lưu: VT."],
    )
    h = report.heading
    assert h.issuing_body == "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM THÀNH PHỐ BẢO LỘC"
    assert h.parent_body == "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LÂM ĐỒNG"
    assert h.number == "Số: 12/BC-MTTQ-BTT"
    assert h.place_date == "Lâm Đồng, ngày 15 tháng 7 năm 2022"
    assert report.recipients == ("- Như trên;", "- Lưu: VT.")
    sig = report.signature
    assert sig is not None and sig.authority == "TM. BAN THƯỜNG TRỰC"
    assert sig.title == "CHỦ TỊCH ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM" and sig.name == "Huỳnh Minh Chánh"
    assert report.date == dt.date(2022, 7, 15)
    en = build_report(review, locale="en", number="12/BC", signer=review.chairs[0])
    assert en.heading.number == "No. 12/BC"
    assert en.recipients[-1] == "- File copy: clerical office, CATP."
