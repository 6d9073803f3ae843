"""A chart of current against previous figures (private; optional extra ``charts``).

Indicators have different units and sizes (72 buổi, 13.000 lượt), so each
row is scaled to its own larger value: the two bars of a row compare the two
periods, and the labels give the figures as the report words them. Built with
matplotlib's object API (no pyplot, no global state), as SVG with text kept as
text, and as PNG for Word.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from attrs import frozen

from anninh_toandan.reports._errors import MissingExtraError

__all__ = ["ChartRow", "charts_available", "comparison_chart"]


@frozen(kw_only=True)
class ChartRow:
    """One indicator: its label, the two values (for the bars) and their wording."""

    label: str
    current: int
    previous: int
    current_text: str
    previous_text: str


def charts_available() -> bool:
    """Whether matplotlib (the ``charts`` extra) is installed."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def comparison_chart(
    rows: Sequence[ChartRow], *, current_label: str, previous_label: str, title: str
) -> tuple[str, bytes]:
    """The chart as (SVG text, PNG bytes)."""
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        msg = "charts need the optional extra 'charts': pip install 'anninh-toandan[charts]'"
        raise MissingExtraError(msg) from None

    n = len(rows)
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": "anninh_toandan", "font.family": ["DejaVu Sans"], "font.size": 9}
    ):
        fig = Figure(figsize=(7.0, 0.55 * n + 1.1), dpi=150)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot(1, 1, 1)
        height = 0.38
        for i, row in enumerate(rows):
            top = max(row.current, row.previous, 1)
            y = n - 1 - i
            ax.barh(
                y + height / 2, row.previous / top, height, color="#9e9e9e", label=previous_label if i == 0 else None
            )
            ax.barh(y - height / 2, row.current / top, height, color="#b71c1c", label=current_label if i == 0 else None)
            ax.text(row.previous / top + 0.01, y + height / 2, row.previous_text, va="center", fontsize=8)
            ax.text(row.current / top + 0.01, y - height / 2, row.current_text, va="center", fontsize=8)
        ax.set_yticks(range(n))
        ax.set_yticklabels([r.label for r in reversed(rows)])
        # Room on the right for the longest value label ("khoảng 8.350 lượt"); the figure then grows
        # to hold whatever is drawn (bbox_inches="tight"), so no label or legend entry is cut.
        longest = max((len(t) for r in rows for t in (r.current_text, r.previous_text)), default=0)
        ax.set_xlim(0, 1.05 + 0.025 * longest)
        ax.set_xticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_title(title, fontsize=10, fontweight="bold")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, frameon=False, fontsize=8)
        fig.tight_layout()
        svg_buf = io.StringIO()
        fig.savefig(svg_buf, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.15)
        png_buf = io.BytesIO()
        fig.savefig(png_buf, format="png", metadata={"Software": None}, bbox_inches="tight", pad_inches=0.15)
    svg = svg_buf.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype: the SVG goes inline in HTML
    return svg, png_buf.getvalue()
