"""Text laid out for a terminal: its width, and rows in aligned columns (the scorecard, the
route and kinds commands). Standard library only, so a command that prints a kept answer loads
nothing else."""

from __future__ import annotations

import shutil
from collections.abc import Sequence


def terminal_width() -> int:
    """Columns of the terminal (``COLUMNS`` when set), 80 when it cannot be told; at least 40."""
    return max(40, shutil.get_terminal_size((80, 24)).columns)


def columns(rows: Sequence[Sequence[str]], width: int, shrink: Sequence[int], right: Sequence[int] = ()) -> list[str]:
    """Rows of cells laid out in aligned columns two spaces apart, within ``width``: while a
    line is too long, the widest of the ``shrink`` columns gives up one character (none
    below 8; cut text ends in "…"), then, if need be, the widest of the other left-aligned
    columns; columns in ``right`` are right-aligned."""
    sizes = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    over = sum(sizes) + 2 * (len(sizes) - 1) - width
    others = [i for i in range(len(sizes)) if i not in shrink and i not in right]
    for group in (shrink, others):
        while over > 0 and group:
            widest = max(group, key=lambda i: sizes[i])
            if sizes[widest] <= 8:
                break
            sizes[widest] -= 1
            over -= 1

    def cell(text: str, i: int) -> str:
        text = text if len(text) <= sizes[i] else text[: sizes[i] - 1] + "…"
        return text.rjust(sizes[i]) if i in right else text.ljust(sizes[i])
    return ["  ".join(cell(c, i) for i, c in enumerate(r)).rstrip() for r in rows]
