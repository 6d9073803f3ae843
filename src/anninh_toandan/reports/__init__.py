"""Review reports: text, Markdown, HTML, Word, and custom Jinja2 templates.

:func:`build_report` words a :class:`~anninh_toandan.review.Review` in
Vietnamese or English as a :class:`Report`; :func:`render` lays it out as
text, Markdown or an HTML page; :func:`write_report` writes any format,
Word (``.docx``, in the layout of Nghị định 30/2020/NĐ-CP) included, through
a temporary file and a rename; :func:`render_template` fills a template of
your own with the report and the library's filters; :func:`render_checklist`
lays out the drafter's checklist (:attr:`Report.checklist`), which is never
part of the document.
"""

from __future__ import annotations

from anninh_toandan.reports._build import build_report, person_name
from anninh_toandan.reports._errors import MissingExtraError, ReportError, TemplateError
from anninh_toandan.reports._model import FigureRow, FigureTable, Heading, Report, Section, Signature
from anninh_toandan.reports._render import (
    FORMATS,
    Format,
    render,
    render_checklist,
    render_template,
    template_filters,
    write_report,
)

__all__ = [
    "FORMATS",
    "FigureRow",
    "FigureTable",
    "Format",
    "Heading",
    "MissingExtraError",
    "Report",
    "ReportError",
    "Section",
    "Signature",
    "TemplateError",
    "build_report",
    "person_name",
    "render",
    "render_checklist",
    "render_template",
    "template_filters",
    "write_report",
]
