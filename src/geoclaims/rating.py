"""The one rating function every check uses (the method is written in ``docs/METHOD.md``).

A claim states a value or a bound: ``sense="point"`` ("19 days"), ``"at-least"`` ("more
than a decade") or ``"at-most"`` ("by the end of the war"). The evidence supports a range
``[low, high]``: the spread of defensible measurements (profiles, sources, start dates,
the article's publication window). Then:

- ``accurate`` — the claim is consistent with some defensible reading of the evidence: the
  claimed value (or the claimed half-line) meets ``[low, high]``;
- ``mostly-accurate`` — it misses the range by at most ``near`` (a fraction of the nearer
  end when ``relative``, otherwise in the claim's own unit, e.g. days for dates);
- ``inaccurate`` — it misses by more;
- ``misleading`` — only when the check's one written comparison rule says each part of a
  compound claim is within tolerance but no single consistent set of assumptions reaches
  the whole (``misleading=True``); it never overrides ``accurate``;
- ``unverifiable`` — when the evidence available at the article's date cannot decide.

Each check passes its ``near`` with a one-sentence reason, stated in the finding's rule.
Nothing here chooses the evidence: the check hands in the whole range it found.
"""

from __future__ import annotations

import math

from .errors import InputError

SENSES = ("point", "at-least", "at-most")


def _number(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def gap(claimed: float, low: float, high: float, sense: str = "point", claimed_high: float | None = None) -> float:
    """How far the claim misses the evidence range (0 when it meets it), in the claim's unit.
    A claim that names a span (a month) is ``[claimed, claimed_high]``."""
    if sense not in SENSES:
        raise InputError(f"sense must be one of {', '.join(SENSES)}, got {sense!r}")
    claimed, low, high = _number("claimed", claimed), _number("low", low), _number("high", high)
    top = claimed if claimed_high is None else _number("claimed_high", claimed_high)
    if low > high or claimed > top:
        raise InputError(f"need low <= high and claimed <= claimed_high, got {low!r}, {high!r}, {claimed!r}, {top!r}")
    if sense == "at-least":  # the claim holds for any value >= claimed
        return max(0.0, claimed - high)
    if sense == "at-most":  # ... for any value <= claimed
        return max(0.0, low - top)
    return max(0.0, low - top, claimed - high)


def rate(claimed: float, low: float, high: float, *, near: float = 0.0, relative: bool = True,
         sense: str = "point", misleading: bool = False, claimed_high: float | None = None, known: bool = True) -> str:
    """The rating of a claim against the evidence range (see the module docstring).

    >>> rate(19, 15.3, 27.4, near=0.10), rate(38, 19.7, 36.2, near=0.10), rate(35, 40, 45, near=0.10)
    ('accurate', 'mostly-accurate', 'inaccurate')
    >>> rate(10, 13.7, 13.8, sense="at-least")
    'accurate'
    """
    if not known:  # the evidence published by the article's date cannot decide (low/high are placeholders)
        return "unverifiable"
    miss = gap(claimed, low, high, sense, claimed_high)
    near = _number("near", near)
    if near < 0:
        raise InputError(f"near must be >= 0, got {near!r}")
    if miss == 0:
        return "accurate"
    edge = low if (claimed < low) else high
    allowed = near * abs(edge) if relative else near
    if misleading:
        return "misleading"
    return "mostly-accurate" if miss <= allowed else "inaccurate"


def as_stated(text: str) -> tuple[float, float]:
    """The values a number, as the article wrote it, stands for: those that round to it at its
    last written digit ("6.5" days is 6.45–6.55, "45" minutes is 44.5–45.5), so that a claim is not
    rated down for a precision it never claimed. Used by the kinds whose tolerance table row says so.

    >>> as_stated("6.5"), as_stated("45")
    ((6.45, 6.55), (44.5, 45.5))
    """
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise InputError(f"a claimed number must be written as digits, got {text!r}") from None
    decimals = len(text.partition(".")[2]) if "." in text else 0
    half = 0.5 * 10.0 ** -decimals
    return round(value - half, decimals + 2), round(value + half, decimals + 2)
