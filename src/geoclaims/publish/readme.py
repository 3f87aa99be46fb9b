"""Keep the README's generated block (the scorecard) true to the data.

The block sits between ``<!-- scorecard:start -->`` and ``<!-- scorecard:end -->``;
:func:`render` returns the README text with the block regenerated, and
``make readme`` writes it. A test fails when the committed README is stale.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import DataError
from ..findings import Finding
from ..scorecard import format_scorecard

START, END = "<!-- scorecard:start -->", "<!-- scorecard:end -->"


def render(text: str, findings: Sequence[Finding]) -> str:
    """Return ``text`` with the scorecard block replaced by the current findings."""
    if START not in text or END not in text:
        raise DataError(f"README has no {START} … {END} block")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{format_scorecard(findings, 'markdown')}\n{END}{tail}"
