"""Data-entry workbooks for the Bảo Lộc wards: make, fill, read, check, roll up, report.

Each of the eleven wards and communes of Bảo Lộc city gets its own workbook
for the first half of 2022. Officers fill them in (here: openpyxl types the
text an officer would), the city office reads them back, checks the figures
with the validation rules, rolls them up to the city and writes the city's
lines of the review (each with who reported, worded by ``format_aggregate``),
a CSV for Excel and (with pyarrow) a Parquet file for analysts. For the whole
report, see ``examples/city_report.py``. Everything happens in a temporary folder.

Needs the ``excel`` extra: ``pip install 'anninh-toandan[excel]'``.

Run: ``python examples/commune_workbooks.py``
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import tempfile
from pathlib import Path

import openpyxl

from anninh_toandan.aggregate import rollup
from anninh_toandan.figures import FigureSet, Reporter
from anninh_toandan.formatting import format_aggregate, format_period
from anninh_toandan.indicator import (
    FUND_CONTRIBUTIONS,
    OUTREACH_REACH,
    OUTREACH_SESSIONS,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
)
from anninh_toandan.io import RejectedCellsError, make_workbook, read_workbook, write_csv
from anninh_toandan.io.excel import DATA_SHEET
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.rules import validate

H1 = Period.half_year(2022, 1)
INDICATORS = [OUTREACH_SESSIONS, OUTREACH_REACH, TIPS_RECEIVED, TIPS_VALUABLE, FUND_CONTRIBUTIONS]
# Columns of each form: C sessions, D reach, E its "mức độ", F tips, G valuable tips, H money, I its "mức độ".
APPROXIMATE = [OUTREACH_REACH, FUND_CONTRIBUTIONS]

# What each office types on row 3 of its form, as officers write it ("" = left empty: not reported).
TYPED = {
    "24823": {"C": "8", "D": "hơn 1.200", "F": "31", "G": "12", "H": "45 triệu"},
    "24820": {"C": "06", "D": "950", "F": "27", "G": "9", "H": "38.500.000"},
    "24814": {"C": "7", "D": "1.100", "E": "khoảng", "F": "22", "G": "8", "H": "gần 30 triệu"},
    "24817": {"C": "5", "D": "800", "F": "19", "G": "7", "H": "25000000"},
    "24826": {"C": "9", "D": "hơn 1.500", "F": "35", "G": "14", "H": "52 triệu"},
    "24829": {"C": "6", "D": "900", "F": "24", "G": "1,5", "H": "31 triệu"},  # a typo: "1,5" tips
    "24832": {"C": "4", "D": "650", "F": "18", "G": "6", "H": ""},  # money not reported yet
    "24835": {"C": "5", "D": "700", "F": "21", "G": "8", "H": "27 triệu"},
    "24838": {"C": "03", "D": "hàng trăm", "F": "15", "G": "5", "H": "20 triệu"},
    "24841": {"C": "6", "D": "750", "F": "26", "G": "10", "H": "33 triệu"},
    "24844": {"C": "4", "D": "600", "F": "16", "G": "6", "H": "18 triệu"},
}


def fill(path: Path, cells: dict[str, str]) -> None:
    """Type *cells* into row 3 of the form, the way an officer does in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    for column, text in cells.items():
        ws[f"{column}3"] = text or None
    wb.save(path)


def main() -> None:
    hierarchy = Hierarchy.bundled()
    wards = hierarchy.children("673", on=dt.date(2022, 7, 12))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        # 1. Make one workbook per ward and commune.
        paths = {}
        for ward in wards:
            paths[ward.code] = folder / f"so_lieu_{ward.code}_{H1.id}.xlsx"
            make_workbook([ward], H1, INDICATORS, paths[ward.code], approximate=APPROXIMATE)
        print(f"1. Made {len(paths)} workbooks for {format_period(H1)}, one per ward and commune of Bảo Lộc.")

        # 2. The offices fill them in.
        for code, cells in TYPED.items():
            fill(paths[code], cells)
        print("2. The offices typed their figures (as text: '06', 'hơn 1.200', 'gần 30 triệu', ...).")

        # 3. Read them back; a dry run first shows what would be rejected.
        figures = FigureSet()
        for ward in wards:
            path = paths[ward.code]
            preview = read_workbook(path, dry_run=True, hierarchy=hierarchy)
            if not preview.summary.ok:
                print(f"3. {ward.full_name}, dry run: " + preview.summary.describe().replace("\n", "\n   "))
                try:
                    read_workbook(path, hierarchy=hierarchy)
                except RejectedCellsError as exc:
                    print(f"   The import refuses it ({len(exc.problems)} cell); the office corrects '1,5' to '15'.")
                fill(path, {"G": "15"})
            result = read_workbook(path, hierarchy=hierarchy, reported_by=Reporter.JOINT)
            assert result.figures is not None
            figures |= result.figures
        print(f"3. Read {len(figures)} figures from the {len(wards)} workbooks.")

        # 4. Check them with the validation rules.
        problems = validate(figures).problems
        print(f"4. The validation rules found {len(problems)} problem(s).")
        for problem in problems:
            print(f"   {problem.outcome.value}: {problem.explanation}")

        # 5. Roll them up to the city (missing is not zero: the roll-up says who did not report).
        print(f"5. Bảo Lộc city, {format_period(H1)}:")
        for indicator in INDICATORS:
            city = rollup(figures, indicator, unit="673", period=H1, hierarchy=hierarchy)
            print(f"   {indicator.name_vi}: {format_aggregate(city, units=hierarchy)}")

        # 6. Report: a CSV that Excel opens, and Parquet for DuckDB when pyarrow is installed.
        csv_path = write_csv(figures, folder / "bao_loc_2022S1.csv", bom=True)
        print(f"6. Wrote {csv_path.name} ({len(figures)} rows, UTF-8 with BOM for Excel).")
        if importlib.util.find_spec("pyarrow") is not None:
            from anninh_toandan.io import read_parquet, write_parquet

            parquet = write_parquet(figures, folder / "bao_loc_2022S1.parquet")
            assert read_parquet(parquet) == figures
            print(f"   Wrote {parquet.name} for DuckDB and Spark; it reads back unchanged.")


if __name__ == "__main__":
    main()
