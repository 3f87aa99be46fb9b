"""The frame every figure gets (Our World in Data's grapher is the model): a title that states
the finding, and a source line naming the publishers of the data shown. Text in, nothing read
or computed here."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure


def frame(fig: Figure, headline: str = "", source_line: str = "") -> Figure:
    """Write ``headline`` above and ``source_line`` below everything on ``fig`` (both wrapped
    to the figure's width; figures are saved with a tight bounding box, which takes them in)."""
    # place both against what is drawn (tick labels may reach past the figure's edge), not the edge
    box = fig.get_tightbbox()  # inches
    width, height = fig.get_size_inches()
    left, bottom, top = box.x0 / width, (box.y0 - 0.08) / height, (box.y1 + 0.1) / height
    chars = max(40, int(box.width * 12))
    if headline:
        fig.text(left, top, "\n".join(textwrap.wrap(headline, chars)), ha="left", va="bottom", fontsize=12,
                 fontweight="bold", transform=fig.transFigure)
    if source_line:
        fig.text(left, bottom, "\n".join(textwrap.wrap(source_line, int(chars * 1.45))), ha="left",
                 va="top", fontsize=7.5, color="0.35", transform=fig.transFigure)
    return fig
