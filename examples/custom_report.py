"""A one-page summary of a review, made with a Jinja2 template of your own.

The template receives the library's report model (``report``), the review
(``review``) and its figures (``figures``), and the library's filters
(``format_quantity``, ``format_money``, ``format_percent``, ``format_period``,
``format_date``, ``spell_money``, ...), all in the report's language.

Run it with ``python examples/custom_report.py [OUTPUT.md]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.reports import build_report, render_template, write_report

TEMPLATE = """\
# {{ review.unit_name }}: tóm tắt {{ review.period | format_period }}

*Hội nghị sơ kết {{ review.held_on | format_date }}, chủ trì: \
{% for p in review.chairs %}{{ p.rank or p.honorific }} {{ p.name }}{{ ", " if not loop.last }}{% endfor %}.*

| Chỉ tiêu | Kết quả |
|---|---:|
{% for row in report.table.rows if row.code in ("outreach_sessions", "outreach_reach", "tips_received", \
"tips_valuable", "fund_contributions") -%}
| {{ row.label }} | {{ row.value }} |
{% endfor %}
{%- set tips = figures.value("tips_received", review.unit, review.period) -%}
{%- set valuable = figures.value("tips_valuable", review.unit, review.period) %}

Tỷ lệ tin có giá trị: **{{ format_percent(valuable.value, tips.value) }}** \
({{ valuable | format_quantity }} trên {{ tips | format_quantity }}).

{% set fund = figures.value("fund_contributions", review.unit, review.period) -%}
Quỹ Vì người nghèo: {{ fund | format_money }} (bằng chữ: {{ fund.value | spell_money }}).
"""


def main() -> None:
    review = bao_loc_2022_h1()
    report = build_report(review)
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "summary.md.j2"
        template.write_text(TEMPLATE, "utf-8")
        text = render_template(report, template)
        print(text)
        if len(sys.argv) > 1:
            write_report(report, sys.argv[1], template=template)
            print(f"written to {sys.argv[1]}")


if __name__ == "__main__":
    main()
