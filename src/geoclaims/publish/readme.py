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
KINDS_START, KINDS_END = "<!-- kinds:start -->", "<!-- kinds:end -->"
TOLERANCES_START, TOLERANCES_END = "<!-- tolerances:start -->", "<!-- tolerances:end -->"


def _replace(text: str, start: str, end: str, block: str) -> str:
    if start not in text or end not in text:
        raise DataError(f"no {start} … {end} block")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{block}\n{end}{tail}"


def render(text: str, findings: Sequence[Finding]) -> str:
    """Return ``text`` with the scorecard block replaced by the current findings."""
    return _replace(text, START, END, format_scorecard(findings, "markdown"))


def render_kinds(text: str) -> str:
    """Return ``text`` (CONTRIBUTING.md) with the check-kinds block generated from the families."""
    from ..families.catalogue import kinds_markdown

    return _replace(text, KINDS_START, KINDS_END, kinds_markdown())


def render_tolerances(text: str) -> str:
    """Return ``text`` (docs/METHOD.md) with the tolerance table generated from the families."""
    from ..families.catalogue import tolerances_markdown

    return _replace(text, TOLERANCES_START, TOLERANCES_END, tolerances_markdown())
