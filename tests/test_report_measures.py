"""Reports tell what the measures know: each defect of issue 11 as the user met it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import attrs
import pytest

from anninh_toandan import indicator as ind
from anninh_toandan.cli import main
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.io import dump
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.programme import Organisation, OrganisationKind
from anninh_toandan.quantity import Quantity
from anninh_toandan.reports import Report, Section, build_report, render
from anninh_toandan.review import Review

H1 = Period.half_year(2022, 1)
WARDS = [u.code for u in Hierarchy.bundled().children("673", on=dt.date(2022, 7, 12))]
SILENT = ("24817", "24838")
NAMED = "theo báo cáo của 9/11 đơn vị; chưa có số liệu của phường Lộc Tiến, xã Lộc Nga"


def _wards(period: Period = H1, silent: tuple[str, ...] = SILENT) -> list[Figure]:
    figs = []
    for i, code in enumerate(WARDS):
        if code in silent:
            continue
        figs += [
            Figure.reported(ind.OUTREACH_SESSIONS, code, period, Quantity.exact(9 + i % 3, "buổi")),
            Figure.reported(ind.TIPS_RECEIVED, code, period, Quantity.exact(20 + i, "tin")),
            Figure.reported(ind.TIPS_VALUABLE, code, period, Quantity.exact(8, "tin")),
        ]
    return figs


def _flat(report: Report) -> str:
    return " ".join(render(report, "text").split())


def _res(report: Report) -> Section:
    """The "KẾT QUẢ THỰC HIỆN" section (after "ĐẶC ĐIỂM TÌNH HÌNH" when the review has a situation)."""
    title = "KẾT QUẢ THỰC HIỆN" if report.locale == "vi" else "RESULTS"
    return next(s for s in report.sections if s.title == title)


def test_two_silent_wards_are_named_in_the_text_and_counted_in_the_table() -> None:
    """Before: "hơn 89 buổi", and nothing said that 9/11 reported or which two did not."""
    review = Review.from_figures(_wards(), unit="673", period=H1)
    report = build_report(review)
    sessions = sum(9 + i % 3 for i, w in enumerate(WARDS) if w not in SILENT)
    results = _res(report)
    assert results.paragraphs == (f"Số liệu dưới đây {NAMED}.",)
    outreach = results.subsections[0].paragraphs[0]
    assert f"tổ chức {sessions} buổi tuyên truyền" in outreach
    assert "hơn" not in outreach
    assert report.table is not None
    row = next(r for r in report.table.rows if r.code == "outreach_sessions")
    assert row.value == f"{sessions} buổi (9/11 đơn vị báo cáo)"
    assert row.completeness == "9/11 đơn vị báo cáo"
    assert NAMED in _flat(report)
    en = build_report(review, locale="en")
    assert "reported by 9 of 11 units; no figures yet from Lộc Tiến ward and Lộc Nga commune" in _flat(en)


def test_blocks_with_different_completeness_each_say_their_own() -> None:
    figs = _wards()
    # Money from all eleven: complete; tips and sessions from nine.
    figs += [Figure.reported(ind.FUND_CONTRIBUTIONS, w, H1, Quantity.vnd(10_000_000)) for w in WARDS]
    # Printed copies from Lộc Sơn only.
    figs.append(Figure.reported(ind.PRINTED_COPIES, "24829", H1, Quantity.exact(50, "bản")))
    report = build_report(Review.from_figures(figs, unit="673", period=H1))
    blocks = {s.title: s.paragraphs for s in _res(report).subsections}
    assert _res(report).paragraphs == ()
    outreach = blocks["Công tác tuyên truyền"]
    assert len(outreach) == 2
    assert outreach[1].startswith("Số liệu buổi tuyên truyền theo báo cáo của 9/11 đơn vị;")
    assert "Số liệu bản in ấn phát hành theo báo cáo của 1/11 đơn vị; chưa có số liệu của phường 1," in outreach[1]
    assert (
        blocks["Tiếp nhận, xử lý tin về an ninh, trật tự do quần chúng Nhân dân cung cấp"][1]
        == f"Số liệu trên {NAMED}."
    )
    assert blocks["Công tác an sinh xã hội"] == ("Vận động ủng hộ Quỹ Vì người nghèo 110 triệu đồng.",)


def test_an_estimate_over_part_of_the_units_is_stated_with_its_completeness() -> None:
    """Before: a mix of "khoảng" and "hơn" over 9 of 11 wards vanished from the text and the table."""
    figs = [
        Figure.reported(
            ind.OUTREACH_REACH, w, H1, Quantity.about(1000, "lượt") if i % 2 else Quantity.more_than(900, "lượt")
        )
        for i, w in enumerate(WARDS)
        if w not in SILENT
    ]
    review = Review.from_figures(figs, unit="673", period=H1)
    figure = review.figure(ind.OUTREACH_REACH)
    assert figure is not None and figure.value is None  # no honest total for the city
    report = build_report(review)
    outreach = _res(report).subsections[0].paragraphs
    assert "tuyên truyền cho khoảng" in outreach[0]
    assert outreach[1] == f"Số liệu trên {NAMED}."
    assert report.table is not None
    (row,) = report.table.rows
    assert row.value.startswith("khoảng ") and row.value.endswith("(9/11 đơn vị báo cáo)")


def test_a_review_with_records_and_no_figures_reports_what_its_records_give() -> None:
    """Before: an empty "KẾT QUẢ" section and no table, silently."""
    records_only = attrs.evolve(bao_loc_2022_h1(), figures=())
    report = build_report(records_only)
    titles = [s.title for s in _res(report).subsections]
    assert "Công tác tuyên truyền" in titles
    assert "72 buổi" in _flat(report)
    assert report.table is not None and report.table.rows
    assert report.warnings == ()


def test_figures_win_over_records_and_the_drafter_is_told() -> None:
    review = bao_loc_2022_h1()
    stated = [
        f
        if f.indicator != ind.OUTREACH_SESSIONS
        else Figure.reported(f.indicator, f.unit, f.period, Quantity.exact(80, "buổi"))
        for f in review.figures
    ]
    report = build_report(attrs.evolve(review, figures=stated))
    assert "tổ chức 80 buổi tuyên truyền" in _flat(report)
    assert report.warnings == (
        "Buổi tuyên truyền: báo cáo dùng số liệu đã nêu (80 buổi), khác số liệu tính từ hồ sơ (72 buổi)",
    )
    assert "72 buổi" not in render(report, "text")  # the drafter's note is not in the document
    checked = build_report(attrs.evolve(review, figures=stated), findings=True)
    assert "- " + report.warnings[0] in checked.sections[-1].paragraphs
    en = build_report(attrs.evolve(review, figures=stated), locale="en")
    assert en.warnings[0].startswith("Outreach sessions: the report states the review's figure (80 sessions)")


def test_a_review_with_nothing_to_report_says_so() -> None:
    empty = attrs.evolve(
        bao_loc_2022_h1(), figures=(), activities=(), security_models=(), tips=(), funds=(), results=()
    )
    report = build_report(empty)
    assert _res(report).paragraphs == ("Chưa có số liệu về kết quả thực hiện 6 tháng đầu năm 2022.",)
    assert report.table is None
    assert report.warnings == ("báo cáo không có số liệu nào của đơn vị trong kỳ",)
    en = build_report(empty, locale="en")
    assert _res(en).paragraphs == ("No figures on the results of the first half of 2022 have been reported.",)


def test_a_review_whose_period_disagrees_with_its_figures_is_never_silently_empty() -> None:
    """Before: it loaded and printed a report whose "KẾT QUẢ" held no number, silently."""
    moved = attrs.evolve(bao_loc_2022_h1(), period=Period.half_year(2023, 1))
    report = build_report(moved)
    assert _res(report).paragraphs[-1] == "Chưa có số liệu về kết quả thực hiện 6 tháng đầu năm 2023."
    # Only the review's narrative is left under the blocks (the "vùng xanh" passage, ...): no figure.
    assert all("Trong 6 tháng" not in p for s in _res(report).subsections for p in s.paragraphs)
    assert report.warnings == (
        "báo cáo không có số liệu nào của đơn vị trong kỳ (các số liệu hiện có là của: 673 2022S1)",
    )
    en = build_report(moved, locale="en")
    assert en.warnings[0].endswith("(the review's figures are for: 673 2022S1)")


def test_a_ward_report_is_headed_by_the_city_police() -> None:
    """Before: "CÔNG AN TỈNH LÂM ĐỒNG / CÔNG AN PHƯỜNG LỘC PHÁT", and sent to the province."""
    fs = [Figure.reported(ind.TIPS_RECEIVED, "24814", H1, Quantity.exact(22, "tin"))]
    report = build_report(Review.from_figures(fs, unit="24814", period=H1))
    assert (report.heading.parent_body, report.heading.issuing_body) == (
        "CÔNG AN THÀNH PHỐ BẢO LỘC",
        "CÔNG AN PHƯỜNG LỘC PHÁT",
    )
    assert report.heading.number.endswith("/BC-CAP")
    assert report.recipients[0] == "- Công an thành phố Bảo Lộc (để báo cáo);"
    # The bundled review made the ward's: the programme is still the province's.
    ward_police = Organisation(kind=OrganisationKind.POLICE, name="Công an phường Lộc Phát", unit="24814")
    moved = attrs.evolve(bao_loc_2022_h1(), unit="24814", organisers=[ward_police])
    assert build_report(moved).heading.parent_body == "CÔNG AN THÀNH PHỐ BẢO LỘC"
    # After district-level police ended (2025-03-01), a ward's police report to the province's.
    h1_25 = Period.half_year(2025, 1)
    later = [Figure.reported(ind.TIPS_RECEIVED, "24814", h1_25, Quantity.exact(22, "tin"))]
    assert build_report(Review.from_figures(later, unit="24814", period=h1_25)).heading.parent_body == (
        "CÔNG AN TỈNH LÂM ĐỒNG"
    )
    # Given explicitly, the parent body is the caller's.
    other = Organisation(kind=OrganisationKind.POLICE, name="Công an tỉnh Lâm Đồng", unit="68")
    assert build_report(moved, parent_body=other).heading.parent_body == "CÔNG AN TỈNH LÂM ĐỒNG"


def test_a_ward_named_by_a_number_writes_its_full_name_before_the_date() -> None:
    """Nghị định 30/2020, Phụ lục I: a unit named by a number keeps its full name ("Phường 2 Bảo Lộc, ngày ...")."""
    s2_25 = Period.half_year(2025, 2)
    fs = [Figure.reported(ind.TIPS_RECEIVED, "24820-2025", s2_25, Quantity.exact(25, "tin"))]
    heading = build_report(Review.from_figures(fs, unit="24820-2025", period=s2_25)).heading
    assert heading.place_date == "Phường 2 Bảo Lộc, ngày 02 tháng 01 năm 2026"
    loc_phat = [Figure.reported(ind.TIPS_RECEIVED, "24814", H1, Quantity.exact(22, "tin"))]
    assert build_report(Review.from_figures(loc_phat, unit="24814", period=H1)).heading.place_date.startswith(
        "Lộc Phát, ngày"
    )


def test_comparison_with_last_year_from_a_review_made_of_figures() -> None:
    last_year = Period.half_year(2021, 1)
    figs = FigureSet([*_wards(), *_wards(last_year, silent=())])
    review = Review.from_figures(figs, unit="673", period=H1)
    base = Review.from_figures(figs, unit="673", period=last_year)
    report = build_report(review, compare=base, chart=False)
    assert report.table is not None
    rows = {r.code: r for r in report.table.rows}
    # 9 of 11 wards cannot be compared with last year's 11: said, never "giảm".
    assert rows["tips_received"].change == "chưa so sánh được (số liệu kỳ này chưa đầy đủ)"
    complete = Review.from_figures(
        FigureSet([*_wards(silent=()), *_wards(last_year, silent=())]), unit="673", period=H1
    )
    rows = {r.code: r for r in build_report(complete, compare=base, chart=False).table.rows}  # type: ignore[union-attr]
    assert rows["tips_received"].change == "không đổi"
    assert rows["tips_received"].previous == f"{sum(20 + i for i in range(11))} tin"


def test_compare_without_figures_for_the_comparison_period_is_said_and_warned(tmp_path: Path) -> None:
    """Before: `--compare` with no figures for the comparison period gave no warning."""
    wrong_year = FigureSet(
        [Figure.reported(ind.TIPS_RECEIVED, "673", Period.half_year(2020, 1), Quantity.exact(9, "tin"))]
    )
    report = build_report(bao_loc_2022_h1(), compare=wrong_year, chart=False)
    assert "Chưa có số liệu 6 tháng đầu năm 2021 nên chưa so sánh được với cùng kỳ." in _res(report).paragraphs
    assert report.warnings == ("kỳ so sánh (6 tháng đầu năm 2021) không có số liệu",)
    other = build_report(bao_loc_2022_h1(), compare=wrong_year, compare_period=Period.half_year(2021, 2), chart=False)
    assert "Chưa có số liệu 6 tháng cuối năm 2021 để so sánh." in _res(other).paragraphs
    en = build_report(bao_loc_2022_h1(), compare=wrong_year, chart=False, locale="en")
    assert "There are no figures for the first half of 2021 to compare with." in _res(en).paragraphs
    review_file, prev = tmp_path / "review.json", tmp_path / "prev.json"
    dump(bao_loc_2022_h1(), review_file)
    dump(wrong_year, prev)
    out, err = io.StringIO(), io.StringIO()
    assert main(["report", str(review_file), "--compare", str(prev)], stdout=out, stderr=err) == 0
    assert err.getvalue().startswith(f"{review_file}: cảnh báo: kỳ so sánh (6 tháng đầu năm 2021) không có số liệu\n")


def test_the_valuable_tip_share_comes_from_share() -> None:
    review = bao_loc_2022_h1()
    approx = [
        f
        if f.indicator != ind.TIPS_RECEIVED
        else Figure.reported(f.indicator, f.unit, f.period, Quantity.more_than(274, "tin"))
        for f in review.figures
    ]
    tips = _res(build_report(attrs.evolve(review, figures=approx, tips=()))).subsections[2].paragraphs[0]
    assert "trong đó có 100 tin có giá trị (chiếm gần 36,5%)" in tips
    # Valuable tips from all wards but tips received from nine: no share of anything.
    figs = _wards() + [Figure.reported(ind.TIPS_VALUABLE, w, H1, Quantity.exact(8, "tin")) for w in SILENT]
    city = build_report(Review.from_figures(figs, unit="673", period=H1))
    assert "chiếm" not in _flat(city)


def test_the_chart_shows_only_like_for_like_comparisons() -> None:
    pytest.importorskip("matplotlib")
    last_year = Period.half_year(2021, 1)
    figs = FigureSet([*_wards(), *_wards(last_year, silent=())])
    base = Review.from_figures(figs, unit="673", period=last_year)
    partial = build_report(Review.from_figures(figs, unit="673", period=H1), compare=base, chart=True)
    assert partial.chart_svg is None  # 9 wards against 11 would read as a fall
    both = FigureSet([*_wards(silent=()), *_wards(last_year, silent=())])
    complete = build_report(Review.from_figures(both, unit="673", period=H1), compare=base, chart=True)
    assert complete.chart_svg is not None


def test_other_indicators_units_and_bodies_outside_the_hierarchy() -> None:
    custom = ind.Indicator(code="patrols", name_vi="Lượt tuần tra", name_en="Patrols", unit="lượt")
    figs = [Figure.reported(custom, w, H1, Quantity.exact(3, "lượt")) for w in WARDS if w not in SILENT]
    report = build_report(Review.from_figures(figs, unit="673", period=H1))
    assert _res(report).subsections[0].paragraphs == (f"Lượt tuần tra: 27 lượt ({NAMED}).",)
    review = bao_loc_2022_h1()
    # A figure stated in another counter word than its indicator's is not compared.
    houses = [
        f if f.indicator != ind.HOUSES_NEW else Figure.reported(f.indicator, f.unit, f.period, Quantity.exact(3, "căn"))
        for f in review.figures
    ]
    other = FigureSet([Figure.reported(ind.HOUSES_NEW, "673", Period.half_year(2021, 1), Quantity.exact(2, "nhà"))])
    stated = attrs.evolve(review, figures=houses, funds=())
    rows = {r.code: r for r in build_report(stated, compare=other, chart=False).table.rows}  # type: ignore[union-attr]
    assert rows["houses_new"].change == "không so sánh được (khác đơn vị tính)"
    # An issuer outside the hierarchy: the programme's party of its kind is the parent body.
    outside = Organisation(kind=OrganisationKind.POLICE, name="Công an xã X", unit="nowhere")
    assert build_report(review, issuer=outside).heading.parent_body == "CÔNG AN TỈNH LÂM ĐỒNG"
