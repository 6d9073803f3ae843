"""Errors of the reports layer (private; re-exported by :mod:`anninh_toandan.reports`)."""

from __future__ import annotations

from anninh_toandan.errors import AnninhError

__all__ = ["MissingExtraError", "ReportError", "TemplateError"]


class ReportError(AnninhError, ValueError):
    """A report cannot be made from what was given (an unknown format, a bad path)."""

    __module__ = "anninh_toandan.reports"


class TemplateError(ReportError):
    """A report template is broken: the message names the template, the line and the cause."""

    __module__ = "anninh_toandan.reports"

    def __init__(self, message: str, *, template: str, line: int | None) -> None:
        super().__init__(message)
        self.template = template
        """The template's name or path."""
        self.line = line
        """The line of the error in the template, if known."""


class MissingExtraError(AnninhError, ImportError):
    """An optional extra (python-docx, matplotlib) is needed but not installed."""

    __module__ = "anninh_toandan.reports"
