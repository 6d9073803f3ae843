"""A city's half-year report from its wards' forms, saying who has not reported.

Bảo Lộc city sends a data-entry workbook to each of its eleven wards and
communes for the first half of 2022; nine come back (Phường Lộc Tiến and Xã
Lộc Nga have not returned theirs). Last year's forms all came back. The city
office reads the forms, makes its review with ``Review.from_figures`` and
writes the report as Word and text: each figure says it is "theo báo cáo của
9/11 đơn vị" and names the two silent units, and the comparison with last
year never calls a change "tăng" or "giảm" that the missing units could
reverse.

The first part simulates the officers filling in their forms; the second is
all the code a city office writes.

Needs the ``excel`` extra (and ``docx`` for the Word file):
``pip install 'anninh-toandan[excel,docx]'``.

Run: ``python examples/city_report.py [FOLDER]`` (default: a temporary folder).
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from datetime import date
from pathlib import Path

import openpyxl

from anninh_toandan import FigureSet, Period, Person, Review
from anninh_toandan.indicator import FUND_CONTRIBUTIONS, OUTREACH_REACH, OUTREACH_SESSIONS, TIPS_RECEIVED, TIPS_VALUABLE
from anninh_toandan.io import make_workbook, read_workbook
from anninh_toandan.io.excel import DATA_SHEET
from anninh_toandan.reports import build_report, render, write_report

THIS_YEAR, LAST_YEAR = Period.half_year(2022, 1), Period.half_year(2021, 1)

# -- simulate the officers: one form per ward and half-year, typed as officers type ----------------

INDICATORS = [OUTREACH_SESSIONS, OUTREACH_REACH, TIPS_RECEIVED, TIPS_VALUABLE, FUND_CONTRIBUTIONS]
# Columns: C sessions, D reach, E its "mức độ", F tips, G valuable tips, H money, I its "mức độ".
TYPED = {
    THIS_YEAR: {  # Lộc Tiến (24817) and Lộc Nga (24838) have not returned their forms.
        "24823": {"C": "8", "D": "hơn 1.200", "F": "31", "G": "12", "H": "45 triệu"},
        "24820": {"C": "06", "D": "950", "F": "27", "G": "9", "H": "38.500.000"},
        "24814": {"C": "7", "D": "1.100", "E": "khoảng", "F": "22", "G": "8", "H": "gần 30 triệu"},
        "24826": {"C": "9", "D": "hơn 1.500", "F": "35", "G": "14", "H": "52 triệu"},
        "24829": {"C": "6", "D": "900", "F": "24", "G": "15", "H": "31 triệu"},
        "24832": {"C": "4", "D": "650", "F": "18", "G": "6", "H": "26 triệu"},
        "24835": {"C": "5", "D": "700", "F": "21", "G": "8", "H": "27 triệu"},
        "24841": {"C": "6", "D": "750", "F": "26", "G": "10", "H": "33 triệu"},
        "24844": {"C": "4", "D": "600", "F": "16", "G": "6", "H": "18 triệu"},
    },
    LAST_YEAR: {
        "24823": {"C": "7", "D": "1.000", "F": "28", "G": "10", "H": "40 triệu"},
        "24820": {"C": "5", "D": "900", "F": "25", "G": "8", "H": "35 triệu"},
        "24814": {"C": "6", "D": "1.000", "F": "20", "G": "7", "H": "28 triệu"},
        "24817": {"C": "5", "D": "750", "F": "18", "G": "6", "H": "22 triệu"},
        "24826": {"C": "8", "D": "1.300", "F": "30", "G": "12", "H": "45 triệu"},
        "24829": {"C": "5", "D": "850", "F": "22", "G": "9", "H": "30 triệu"},
        "24832": {"C": "4", "D": "600", "F": "15", "G": "5", "H": "20 triệu"},
        "24835": {"C": "4", "D": "650", "F": "19", "G": "7", "H": "25 triệu"},
        "24838": {"C": "3", "D": "500", "F": "14", "G": "4", "H": "18 triệu"},
        "24841": {"C": "5", "D": "700", "F": "23", "G": "9", "H": "30 triệu"},
        "24844": {"C": "3", "D": "550", "F": "15", "G": "5", "H": "16 triệu"},
    },
}


def officers_return_their_forms(folder: Path) -> None:
    """Each ward's officer fills in the form for each half-year and sends it back (or not)."""
    for period, wards in TYPED.items():
        for code, cells in wards.items():
            path = folder / f"so_lieu_{code}_{period.id}.xlsx"
            make_workbook([code], period, INDICATORS, path, approximate=[OUTREACH_REACH, FUND_CONTRIBUTIONS])
            wb = openpyxl.load_workbook(path)
            for column, text in cells.items():
                wb[DATA_SHEET][f"{column}3"] = text
            wb.save(path)


# -- the city office ----------------------------------------------------------------------------------


def main(folder: Path) -> None:
    officers_return_their_forms(folder)
    figures = FigureSet()
    for path in sorted(folder.glob("so_lieu_*.xlsx")):
        figures |= read_workbook(path).figures or FigureSet()
    signer = Person(name="Ngô Quốc Huy", rank="Đại tá", title="Phó Trưởng Công an thành phố Bảo Lộc")
    review = Review.from_figures(figures, unit="673", period=THIS_YEAR, held_on=date(2022, 7, 12), chairs=[signer])
    last_year = Review.from_figures(figures, unit="673", period=LAST_YEAR)
    report = build_report(review, compare=last_year)
    write_report(report, folder / "bao_cao_6_thang_2022.txt", "text")
    if importlib.util.find_spec("docx") is not None:
        write_report(report, folder / "bao_cao_6_thang_2022.docx", "docx")
    print(render(report, "text"))
    for warning in report.warnings:
        print("Cảnh báo:", warning)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(Path(tmp))
