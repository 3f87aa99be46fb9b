"""Source ids as the tables cite them: a ``source_ids`` cell is ids separated by ``;``."""

from __future__ import annotations


def split_ids(cell: str) -> list[str]:
    """Split a ``source_ids`` cell (``"a; b"``) into its ids."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def merge_ids(*cells: str) -> tuple[str, ...]:
    """The ids of several ``source_ids`` cells, in first-seen order, without repeats."""
    out: list[str] = []
    for cell in cells:
        out += [s for s in split_ids(cell) if s not in out]
    return tuple(out)
